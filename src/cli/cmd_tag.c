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
    "                sentences of a file are one document: a sentence is\n"
    "                tagged again once the 20 after it are read, with what\n"
    "                the tagger found in the sentences before and after it\n"
    "                (so its lines come out 20 sentences later); a\n"
    "                -DOCSTART- line or the next FILE starts a new one.\n"
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

/* --conll: a sentence given to the tagger, waiting for its tags */
typedef struct waiting {
    size_t tok;            /* its first token in run.off/len */
    size_t ntok;
    size_t trail, ntrail;  /* the lines after it (blank, -DOCSTART-): run.trail[trail ..] */
} waiting;

typedef struct run {
    rasad_ner *ner;
    enum mode mode;
    const char *file;      /* current file */
    size_t lineno;         /* current line */
    uint64_t file_off;     /* offset of the current line in its file */
    const char *line;      /* current line (running text) */
    unsigned warned;       /* reports in the current file */
    /* --conll: the tokens of the sentences waiting for their tags, then of
     * the sentence being read (from cur) */
    char *bytes;           /* the tokens, one after the other */
    size_t nbytes, bytecap;
    size_t *off, *len;     /* token k is bytes[off[k] .. off[k] + len[k]) */
    const char **tp;
    uint8_t *tags;
    size_t ntok, tokcap, cur;
    waiting *wait;         /* the sentences waiting, oldest first, from wait[w0] */
    size_t w0, nwait, waitcap;
    char *trail;           /* the lines to write after them */
    size_t ntrailb, trailcap;
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

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t c = *cap ? *cap : 256;
    void *q;
    if (need <= *cap)
        return 0;
    while (c < need)
        c *= 2;
    if (!(q = realloc(*p, c * elem)))
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

/* Writes tokens [t0, t0 + n) as token<TAB>tag lines (tags NULL: all O). */
static void write_tokens(const run *r, size_t t0, size_t n, const uint8_t *tags)
{
    for (size_t k = 0; k < n; k++) {
        size_t t = t0 + k;
        fwrite(r->bytes + r->off[t], 1, r->len[t], stdout);
        putchar('\t');
        fputs(rasad_ner_tag_name(tags ? tags[k] : 0), stdout);
        putchar('\n');
    }
}

/* Writes the oldest waiting sentence with tags (all O when tags is NULL)
 * and the lines after it, and forgets it. */
static void write_oldest(run *r, const uint8_t *tags)
{
    waiting *w = &r->wait[r->w0];
    write_tokens(r, w->tok, w->ntok, tags);
    if (w->ntrail)
        fwrite(r->trail + w->trail, 1, w->ntrail, stdout);
    r->w0++;
    if (r->w0 == r->nwait) { /* none waits: start the buffers again */
        size_t keep = r->ntok - r->cur, kb = keep ? r->nbytes - r->off[r->cur] : 0;
        memmove(r->off, r->off + r->cur, keep * sizeof *r->off);
        memmove(r->len, r->len + r->cur, keep * sizeof *r->len);
        memmove(r->bytes, r->bytes + r->nbytes - kb, kb);
        for (size_t k = 0; k < keep; k++)
            r->off[k] -= r->nbytes - kb;
        r->ntok = keep;
        r->nbytes = kb;
        r->cur = 0;
        r->w0 = r->nwait = 0;
        r->ntrailb = 0;
    } else if (r->w0 >= 64 && 2 * r->w0 >= r->nwait) { /* move the rest to the front */
        size_t t0 = r->wait[r->w0].tok, b0 = r->off[t0], tr0 = r->wait[r->w0].trail;
        size_t nw = r->nwait - r->w0;
        memmove(r->wait, r->wait + r->w0, nw * sizeof *r->wait);
        for (size_t k = 0; k < nw; k++) {
            r->wait[k].tok -= t0;
            r->wait[k].trail -= tr0;
        }
        memmove(r->off, r->off + t0, (r->ntok - t0) * sizeof *r->off);
        memmove(r->len, r->len + t0, (r->ntok - t0) * sizeof *r->len);
        for (size_t k = 0; k < r->ntok - t0; k++)
            r->off[k] -= b0;
        memmove(r->bytes, r->bytes + b0, r->nbytes - b0);
        if (r->ntrailb > tr0)
            memmove(r->trail, r->trail + tr0, r->ntrailb - tr0);
        r->ntok -= t0;
        r->cur -= t0;
        r->nbytes -= b0;
        r->ntrailb -= tr0;
        r->nwait = nw;
        r->w0 = 0;
    }
}

/* Writes the waiting sentences whose tags are final (all when flush). */
static int drain(run *r, int flush)
{
    int rc = CLI_OK;
    while (r->w0 < r->nwait) {
        size_t n;
        int st = rasad_ner_doc_next(r->ner, flush, r->tags, r->tokcap, &n);
        if (st == 0)
            break;
        if (st < 0) {
            cli_error("%s:%zu: %s", r->file, r->lineno, rasad_strerror(st));
            rc = CLI_SOME_FAILED;
        }
        write_oldest(r, st == 1 ? r->tags : NULL);
    }
    return rc;
}

/* The sentence being read is complete: gives it to the tagger. */
static int end_sentence(run *r)
{
    size_t n = r->ntok - r->cur;
    int st;

    if (n == 0)
        return CLI_OK;
    if (grow((void **)&r->wait, &r->waitcap, r->nwait + 1, sizeof *r->wait) != 0) {
        /* no room to wait: the sentences before it are written, then it
         * untagged, so every line stays in its place */
        cli_error("%s:%zu: out of memory: sentence written untagged", r->file, r->lineno);
        (void)drain(r, 1);
        rasad_ner_reset(r->ner);
        write_tokens(r, r->cur, r->ntok - r->cur, NULL);
        r->cur = r->ntok;
        return CLI_SOME_FAILED;
    }
    for (size_t k = r->cur; k < r->ntok; k++)
        r->tp[k] = r->bytes + r->off[k];
    if ((st = rasad_ner_doc_add(r->ner, r->tp + r->cur, r->len + r->cur, n)) != RASAD_OK) {
        /* not added: the sentences before it are written, then it untagged */
        (void)drain(r, 1);
        rasad_ner_reset(r->ner);
        r->wait[r->nwait++] = (waiting){ r->cur, n, r->ntrailb, 0 };
        r->cur = r->ntok;
        write_oldest(r, NULL);
        cli_error("%s:%zu: %s", r->file, r->lineno, rasad_strerror(st));
        return CLI_SOME_FAILED;
    }
    r->wait[r->nwait++] = (waiting){ r->cur, n, r->ntrailb, 0 };
    r->cur = r->ntok;
    return drain(r, 0);
}

/* The document ends: every waiting sentence is written. */
static int end_document(run *r)
{
    int rc = end_sentence(r), rc2 = drain(r, 1);
    rasad_ner_reset(r->ner);
    return rc != CLI_OK ? rc : rc2;
}

/* Writes the line p[0..n) and '\n' after the waiting sentences. */
static int put_line(run *r, const char *p, size_t n)
{
    if (r->w0 == r->nwait) {
        fwrite(p, 1, n, stdout);
        putchar('\n');
        return CLI_OK;
    }
    if (grow((void **)&r->trail, &r->trailcap, r->ntrailb + n + 1, 1) != 0) {
        /* no room to hold the line back: what waits is written first */
        cli_error("%s:%zu: out of memory: the sentences before it written untagged",
                  r->file, r->lineno);
        while (r->w0 < r->nwait)
            write_oldest(r, NULL);
        rasad_ner_reset(r->ner);
        fwrite(p, 1, n, stdout);
        putchar('\n');
        return CLI_SOME_FAILED;
    }
    memcpy(r->trail + r->ntrailb, p, n);
    r->trail[r->ntrailb + n] = '\n';
    r->ntrailb += n + 1;
    r->wait[r->nwait - 1].ntrail += n + 1;
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
    int rc = CLI_OK, rc2;

    switch (rasad_ner_conll_line(line, n, &tn)) {
    case RASAD_NER_LINE_TOKEN:
        check_bytes(r, line, tn);
        if (add_token(r, line, tn) != 0) {
            cli_error("out of memory");
            return CLI_SOME_FAILED;
        }
        if (r->ntok - r->cur >= RASAD_NER_MAX_SENT)
            rc = end_sentence(r);
        return rc;
    case RASAD_NER_LINE_DOCSTART:
        rc = end_document(r);                 /* a new document */
        if (n > 0 && line[n - 1] == '\r')
            n--;
        rc2 = put_line(r, line, n);
        return rc != CLI_OK ? rc : rc2;
    default:
        rc = end_sentence(r);
        rc2 = put_line(r, "", 0);
        return rc != CLI_OK ? rc : rc2;
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
        if (r->mode == CONLL)
            rc = end_document(r); /* a file is a document */
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
        int rc2 = end_document(&r);
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
    free(r.wait);
    free(r.trail);
    free(files);
    return rc;
}
