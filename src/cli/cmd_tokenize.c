/* cmd_tokenize.c - rasad tokenize: tokens with their byte offsets. */
#include <stdlib.h>
#include <string.h>
#include "rasad/sentence.h"
#include "rasad/text.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad tokenize [--json] [--count] [FILE...]\n"
    "\n"
    "Reads UTF-8 text (standard input when no FILE) and writes its tokens, one\n"
    "per line, in normalized index form: Persian letters, ASCII digits, hamza\n"
    "forms folded, ZWNJ kept inside words (کتاب‌ها is one token however it was\n"
    "typed: کتابها, کتاب ها, كتاب‌ها).\n"
    "\n"
    "options:\n"
    "  --json    one JSON object per token: {\"token\", \"kind\" (word, number,\n"
    "            mixed), \"start\", \"end\" (byte offsets into the input, end\n"
    "            exclusive; counted from the start of each FILE), \"sentence\"\n"
    "            (index of the sentence in the FILE, from 0)}\n"
    "  --count   print only the numbers of lines and tokens (no sentence\n"
    "            splitting: the normalize + tokenize path alone)\n"
    "  -h, --help  show this help\n"
    "\n"
    "exit status: 0 all input read, 1 a file could not be read, 2 usage error\n";

enum mode { PLAIN, JSON, COUNT };

typedef struct run {
    rasad_tokenizer *tok;
    enum mode mode;
    const char *file;      /* current file name */
    uint64_t file_off;     /* offset of the current line in its file */
    uint64_t sent_base;    /* offset of the current sentence in its file */
    uint64_t sentence;     /* sentence index in the current file */
    uint64_t lines, sentences, tokens;
    const char *line;      /* current line */
} run;

static const char *const kind_name[] = { "", "word", "number", "mixed" };

static int on_token(void *ctx, int kind, const char *tok, size_t ntok, size_t start, size_t end)
{
    run *r = ctx;
    r->tokens++;
    if (r->mode == PLAIN) {
        fwrite(tok, 1, ntok, stdout);
        putchar('\n');
    } else if (r->mode == JSON) {
        fputs("{\"token\":", stdout);
        cli_json_string(stdout, tok, ntok);
        printf(",\"kind\":\"%s\",\"start\":%llu,\"end\":%llu,\"sentence\":%llu}\n",
               kind_name[kind], (unsigned long long)(r->sent_base + start),
               (unsigned long long)(r->sent_base + end), (unsigned long long)r->sentence);
    }
    return 0;
}

/* --count: the token is counted and nothing else, so the callback is
 * this small function of its own (no stack frame for the printing
 * paths of on_token()). The tokenizer still works out every token's text
 * and offsets, as for printing. */
static int on_token_count(void *ctx, int kind, const char *tok, size_t ntok, size_t start,
                          size_t end)
{
    (void)kind, (void)tok, (void)ntok, (void)start, (void)end;
    ((run *)ctx)->tokens++;
    return 0;
}

static int on_sentence(void *ctx, size_t start, size_t end)
{
    run *r = ctx;
    int rc;
    r->sent_base = r->file_off + start;
    rc = rasad_tokenize(r->tok, r->line + start, end - start, on_token, r);
    r->sentence++;
    r->sentences++;
    return rc;
}

static int on_line(void *ctx, const char *name, size_t lineno, const char *line, size_t n,
                   int has_nl)
{
    run *r = ctx;
    int rc;
    if (r->file != name || lineno == 1) {
        r->file = name;
        r->file_off = 0;
        r->sentence = 0;
    }
    r->line = line;
    r->lines++;
    if (r->mode != JSON) { /* only JSON reports sentences */
        r->sent_base = r->file_off;
        rc = rasad_tokenize(r->tok, line, n, r->mode == COUNT ? on_token_count : on_token, r);
    }
    else
        rc = rasad_sentence_split(line, n, 0, on_sentence, r);
    if (rc != 0) {
        cli_error("%s:%zu: %s", name, lineno, rasad_strerror(rc));
        return CLI_SOME_FAILED;
    }
    r->file_off += n + (size_t)has_nl;
    return 0;
}

int cmd_tokenize(int argc, char **argv)
{
    int nfiles = 0, rc, i;
    char **files = calloc((size_t)argc + 1, sizeof *files);
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
        } else if (strcmp(a, "--json") == 0) {
            r.mode = JSON;
        } else if (strcmp(a, "--count") == 0) {
            r.mode = COUNT;
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return cli_usage_error("tokenize", "unknown option '%s'", a);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (rasad_tokenizer_new(0, &r.tok) != RASAD_OK) {
        cli_error("out of memory");
        free(files);
        return CLI_SOME_FAILED;
    }
    rc = cli_each_line(files, nfiles, on_line, &r);
    if (r.mode == COUNT)
        printf("lines %llu\ntokens %llu\n", (unsigned long long)r.lines,
               (unsigned long long)r.tokens);
    fflush(stdout);
    rasad_tokenizer_free(r.tok);
    free(files);
    return rc;
}
