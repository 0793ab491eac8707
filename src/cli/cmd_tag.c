/* cmd_tag.c - rasad tag: named entities, in CoNLL (one token a line) or in
 * running text. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "rasad/text.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad tag [--model PATH] [--conll | --json] [FILE...]\n"
    "\n"
    "Finds named entities (PER, LOC, ORG, DAT, TIM, MON, PCT) in Persian text\n"
    "read from each FILE (standard input when none) with rasad's statistical\n"
    "tagger (docs/ner.md).\n"
    "\n"
    "options:\n"
    "  --conll       input is one token a line, a blank line between sentences;\n"
    "                writes exactly one line per input line: token<TAB>TAG with\n"
    "                TAG in BIO (B-PER, I-ORG, O ...) for a token line, an empty\n"
    "                line for a blank one, a -DOCSTART- line as it came. A token\n"
    "                is the text before the first TAB (other columns are\n"
    "                ignored), without a final CR; its bytes are written back\n"
    "                as they came, even when they are not valid UTF-8. The\n"
    "                sentences of a file are one document (the tagger\n"
    "                remembers names it tagged before); a -DOCSTART- line\n"
    "                or the next FILE starts a new one.\n"
    "  --json        running text: one JSON object per entity, {\"file\", \"line\",\n"
    "                \"start\", \"end\" (byte offsets into the FILE, end exclusive),\n"
    "                \"type\", \"text\"}\n"
    "  --model PATH  the model file; by default $RASAD_NER_MODEL, else ner.model\n"
    "                beside the rasad program (the build directory), else\n"
    "                ../share/rasad/ner.model from it (an installed copy)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Without --conll or --json, each line of running text is split into\n"
    "sentences and tokens and every entity is written as\n"
    "FILE:LINE<TAB>START<TAB>END<TAB>TYPE<TAB>TEXT (byte offsets into FILE).\n"
    "Bad input (invalid UTF-8, NUL bytes) is reported as FILE:LINE: what on\n"
    "standard error (at most 10 reports a file) and tagged all the same.\n"
    "exit status: 0 all input read, 1 a file could not be read or no model\n"
    "could be loaded, 2 usage error\n";

enum mode { TEXT, JSON, CONLL };
enum { MAX_WARN = 10 };

typedef struct run {
    rasad_ner *ner;
    enum mode mode;
    const char *file;      /* current file */
    size_t lineno;         /* current line */
    uint64_t file_off;     /* offset of the current line in its file */
    const char *line;      /* current line (running text) */
    unsigned warned;       /* reports in the current file */
    /* --conll: the pending sentence */
    char *bytes;           /* its tokens, one after the other */
    size_t nbytes, bytecap;
    size_t *off, *len;     /* token k is bytes[off[k] .. off[k] + len[k]) */
    const char **tp;
    uint8_t *tags;
    size_t ntok, tokcap;
} run;

static void warn(run *r, const char *what)
{
    if (r->warned < MAX_WARN)
        fprintf(stderr, "%s:%zu: %s\n", r->file, r->lineno, what);
    else if (r->warned == MAX_WARN)
        fprintf(stderr, "%s: more problems, not reported\n", r->file);
    r->warned++;
}

/* ---- --conll -------------------------------------------------------------- */

static int flush(run *r)
{
    int rc = RASAD_OK;
    if (r->ntok == 0)
        return CLI_OK;
    for (size_t k = 0; k < r->ntok; k++)
        r->tp[k] = r->bytes + r->off[k];
    rc = rasad_ner_tag(r->ner, r->tp, r->len, r->ntok, r->tags);
    for (size_t k = 0; k < r->ntok; k++) {
        fwrite(r->tp[k], 1, r->len[k], stdout);
        putchar('\t');
        fputs(rasad_ner_tag_name(rc == RASAD_OK ? r->tags[k] : 0), stdout);
        putchar('\n');
    }
    r->ntok = 0;
    r->nbytes = 0;
    if (rc != RASAD_OK) {
        cli_error("%s:%zu: %s", r->file, r->lineno, rasad_strerror(rc));
        return CLI_SOME_FAILED;
    }
    return CLI_OK;
}

static int add_token(run *r, const char *p, size_t n)
{
    if (r->ntok == r->tokcap) {
        size_t cap = r->tokcap ? 2 * r->tokcap : 256;
        size_t *off = realloc(r->off, cap * sizeof *off);
        if (off)
            r->off = off;
        size_t *len = realloc(r->len, cap * sizeof *len);
        if (len)
            r->len = len;
        const char **tp = realloc((void *)r->tp, cap * sizeof *tp);
        if (tp)
            r->tp = tp;
        uint8_t *tags = realloc(r->tags, cap);
        if (tags)
            r->tags = tags;
        if (!off || !len || !tp || !tags)
            return -1;
        r->tokcap = cap;
    }
    if (r->nbytes + n + 1 > r->bytecap) {
        size_t cap = r->bytecap ? r->bytecap : 4096;
        while (cap < r->nbytes + n + 1)
            cap *= 2;
        char *b = realloc(r->bytes, cap);
        if (!b)
            return -1;
        r->bytes = b;
        r->bytecap = cap;
    }
    memcpy(r->bytes + r->nbytes, p, n);
    r->off[r->ntok] = r->nbytes;
    r->len[r->ntok] = n;
    r->nbytes += n;
    r->ntok++;
    return 0;
}

static void check_bytes(run *r, const char *p, size_t n)
{
    if (memchr(p, '\0', n))
        warn(r, "NUL byte (binary input?)");
    else if (rasad_utf8_count_invalid(p, n))
        warn(r, "invalid UTF-8");
}

static int on_conll(run *r, const char *line, size_t n)
{
    size_t tn;
    int rc = CLI_OK;

    switch (rasad_ner_conll_line(line, n, &tn)) {
    case RASAD_NER_LINE_TOKEN:
        check_bytes(r, line, tn);
        if (add_token(r, line, tn) != 0) {
            cli_error("out of memory");
            return CLI_SOME_FAILED;
        }
        if (r->ntok >= RASAD_NER_MAX_SENT)
            rc = flush(r);
        return rc;
    case RASAD_NER_LINE_DOCSTART:
        rc = flush(r);
        rasad_ner_reset(r->ner);               /* a new document */
        if (n > 0 && line[n - 1] == '\r')
            n--;
        fwrite(line, 1, n, stdout);
        putchar('\n');
        return rc;
    default:
        rc = flush(r);
        putchar('\n');
        return rc;
    }
}

/* ---- running text ----------------------------------------------------------- */

static int on_entity(void *ctx, int type, size_t start, size_t end)
{
    run *r = ctx;
    unsigned long long s = r->file_off + start, e = r->file_off + end;
    if (r->mode == JSON) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, r->file, strlen(r->file));
        printf(",\"line\":%zu,\"start\":%llu,\"end\":%llu,\"type\":\"%s\",\"text\":", r->lineno,
               s, e, rasad_ner_type_name(type));
        cli_json_string(stdout, r->line + start, end - start);
        fputs("}\n", stdout);
    } else {
        printf("%s:%zu\t%llu\t%llu\t%s\t", r->file, r->lineno, s, e, rasad_ner_type_name(type));
        fwrite(r->line + start, 1, end - start, stdout);
        putchar('\n');
    }
    return 0;
}

static int on_line(void *ctx, const char *name, size_t lineno, const char *line, size_t n,
                   int has_nl)
{
    run *r = ctx;
    int rc = CLI_OK;

    if (lineno == 1) {
        if (r->mode == CONLL) {
            rc = flush(r); /* a sentence never runs from one file into the next */
            rasad_ner_reset(r->ner);
        }
        r->file_off = 0;
        r->warned = 0;
    }
    r->file = name;
    r->lineno = lineno;
    if (r->mode == CONLL) {
        int rc2 = on_conll(r, line, n);
        return rc2 != CLI_OK ? rc2 : rc;
    }
    check_bytes(r, line, n);
    r->line = line;
    int st = rasad_ner_tag_text(r->ner, line, n, on_entity, r);
    if (st != RASAD_OK) {
        cli_error("%s:%zu: %s", name, lineno, rasad_strerror(st));
        rc = CLI_SOME_FAILED;
    }
    r->file_off += n + (size_t)has_nl;
    return rc;
}

int cmd_tag(int argc, char **argv)
{
    int nfiles = 0, rc, i;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    const char *model_path = NULL;
    rasad_ner_model *model = NULL;
    run r;

    if (!files) {
        cli_error("out of memory");
        return CLI_SOME_FAILED;
    }
    memset(&r, 0, sizeof r);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            free(files);
            return CLI_OK;
        } else if (strcmp(a, "--conll") == 0) {
            r.mode = CONLL;
        } else if (strcmp(a, "--json") == 0) {
            r.mode = JSON;
        } else if (strcmp(a, "--model") == 0) {
            if (i + 1 >= argc) {
                free(files);
                return cli_usage_error("tag", "--model needs a PATH");
            }
            model_path = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return cli_usage_error("tag", "unknown option '%s'", a);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if ((rc = cli_ner_model(model_path, 0, &model)) != CLI_OK) {
        free(files);
        return rc;
    }
    if (rasad_ner_new(model, &r.ner) != RASAD_OK) {
        cli_error("out of memory");
        rasad_ner_model_free(model);
        free(files);
        return CLI_SOME_FAILED;
    }
    rc = cli_each_line(files, nfiles, on_line, &r);
    if (r.mode == CONLL) {
        int rc2 = flush(&r);
        if (rc == CLI_OK)
            rc = rc2;
    }
    fflush(stdout);
    rasad_ner_free(r.ner);
    rasad_ner_model_free(model);
    free(r.bytes);
    free(r.off);
    free(r.len);
    free((void *)r.tp);
    free(r.tags);
    free(files);
    return rc;
}
