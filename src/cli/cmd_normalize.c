/* cmd_normalize.c - rasad normalize: canonical Persian text, line for line. */
#include <stdlib.h>
#include <string.h>
#include "rasad/text.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad normalize [OPTIONS] [FILE...]\n"
    "\n"
    "Reads UTF-8 text (standard input when no FILE, or FILE is -) and writes it\n"
    "in rasad's canonical Persian form, one output line for each input line:\n"
    "Persian ی ک ه for Arabic and Urdu letter variants, presentation forms\n"
    "folded, harakat and tatweel removed, one kind of space, punctuation\n"
    "spacing, Persian digits, ZWNJ repaired and restored (می‌رود, کتاب‌ها).\n"
    "Invalid UTF-8 becomes U+FFFD and is reported as FILE:LINE on stderr.\n"
    "\n"
    "options (each switches one rule off or changes it):\n"
    "  --keep-digits   leave digits as written\n"
    "  --ascii-digits  write every digit as ASCII 0-9\n"
    "  --no-letters    keep Arabic letter variants and presentation forms\n"
    "  --no-marks      keep harakat, tatweel and bidi marks\n"
    "  --no-space      keep space characters and runs as they are\n"
    "  --no-punct      no punctuation spacing\n"
    "  --no-zwnj       neither repair nor restore ZWNJ\n"
    "  --no-restore    repair ZWNJ but do not insert any\n"
    "  --fold          search folding too (أ→ا, ئ→ی, ة→ه, ASCII lowercase)\n"
    "  --stats         print counters to stderr at the end\n"
    "  -h, --help      show this help\n"
    "\n"
    "exit status: 0 all input read, 1 a file could not be read, 2 usage error\n";

/* Options, sorted by name: each sets and clears flag bits. */
static const struct flag_opt {
    const char *name;
    unsigned set, clear;
} flag_opts[] = {
    { "--ascii-digits", RASAD_NORM_DIGITS_ASCII, 0 },
    { "--fold",         RASAD_NORM_FOLD, 0 },
    { "--keep-digits",  0, RASAD_NORM_DIGITS | RASAD_NORM_DIGITS_ASCII },
    { "--no-letters",   0, RASAD_NORM_LETTERS },
    { "--no-marks",     0, RASAD_NORM_MARKS },
    { "--no-punct",     0, RASAD_NORM_PUNCT },
    { "--no-restore",   0, RASAD_NORM_ZWNJ_RESTORE },
    { "--no-space",     0, RASAD_NORM_SPACE },
    { "--no-zwnj",      0, RASAD_NORM_ZWNJ | RASAD_NORM_ZWNJ_RESTORE },
};

typedef struct run {
    rasad_norm *nm;
    uint64_t lines;
    uint64_t warned;      /* invalid-UTF-8 warnings printed */
    uint64_t last_invalid;
} run;

static int on_line(void *ctx, const char *name, size_t lineno, const char *line, size_t n,
                   int has_nl)
{
    run *r = ctx;
    const char *out;
    size_t out_n;
    int rc = rasad_norm_run(r->nm, line, n, &out, &out_n, NULL);
    const rasad_norm_stats *st = rasad_norm_get_stats(r->nm);

    r->lines++;
    if (rc != RASAD_OK) {
        cli_error("%s:%zu: %s", name, lineno, rasad_strerror(rc));
        return CLI_SOME_FAILED;
    }
    if (st->invalid_utf8 != r->last_invalid) {
        if (r->warned++ < 20)
            cli_error("%s:%zu: invalid UTF-8 (%llu sequences replaced by U+FFFD)", name, lineno,
                      (unsigned long long)(st->invalid_utf8 - r->last_invalid));
        r->last_invalid = st->invalid_utf8;
    }
    fwrite(out, 1, out_n, stdout);
    if (has_nl)
        putchar('\n');
    return 0;
}

int cmd_normalize(int argc, char **argv)
{
    unsigned flags = RASAD_NORM_DEFAULT;
    int stats = 0, nfiles = 0, rc, i;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    run r;

    if (!files) {
        cli_error("out of memory");
        return CLI_SOME_FAILED;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        size_t k, nopts = sizeof flag_opts / sizeof flag_opts[0];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            free(files);
            return CLI_OK;
        }
        if (strcmp(a, "--stats") == 0) {
            stats = 1;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                files[nfiles++] = argv[i];
            break;
        }
        for (k = 0; k < nopts && strcmp(flag_opts[k].name, a) != 0; k++)
            ;
        if (k < nopts) {
            flags = (flags | flag_opts[k].set) & ~flag_opts[k].clear;
            continue;
        }
        if (a[0] == '-' && a[1]) {
            free(files);
            return cli_usage_error("normalize", "unknown option '%s'", a);
        }
        files[nfiles++] = argv[i];
    }
    memset(&r, 0, sizeof r);
    if (rasad_norm_new(flags, &r.nm) != RASAD_OK) {
        cli_error("out of memory");
        free(files);
        return CLI_SOME_FAILED;
    }
    rc = cli_each_line(files, nfiles, on_line, &r);
    fflush(stdout);
    if (stats) {
        const rasad_norm_stats *st = rasad_norm_get_stats(r.nm);
        fprintf(stderr,
                "lines %llu\nbytes_in %llu\nbytes_out %llu\ninvalid_utf8 %llu\n"
                "zwnj_inserted %llu\nzwnj_removed %llu\n",
                (unsigned long long)r.lines, (unsigned long long)st->bytes_in,
                (unsigned long long)st->bytes_out, (unsigned long long)st->invalid_utf8,
                (unsigned long long)st->zwnj_inserted, (unsigned long long)st->zwnj_removed);
    }
    rasad_norm_free(r.nm);
    free(files);
    return rc;
}
