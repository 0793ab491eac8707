/* test_golden_normalize.c - every file in tests/golden/normalize/: the
 * normalizer must turn each input into its expected output, and leave the
 * expected output as it is (idempotence). */
#include <dirent.h>
#include "th.h"
#include "golden.h"
#include "rasad/alloc.h"

/* Flag words a golden file may set with "#flags:". */
static const struct { const char *word; unsigned set, clear; } flag_words[] = {
    { "ascii-digits", RASAD_NORM_DIGITS_ASCII, 0 },
    { "fold", RASAD_NORM_FOLD, 0 },
    { "keep-digits", 0, RASAD_NORM_DIGITS | RASAD_NORM_DIGITS_ASCII },
    { "no-letters", 0, RASAD_NORM_LETTERS },
    { "no-marks", 0, RASAD_NORM_MARKS },
    { "no-punct", 0, RASAD_NORM_PUNCT },
    { "no-restore", 0, RASAD_NORM_ZWNJ_RESTORE },
    { "no-space", 0, RASAD_NORM_SPACE },
};

static unsigned parse_flags(const char *s)
{
    unsigned fl = RASAD_NORM_DEFAULT;
    char buf[256], *w, *save = NULL;
    snprintf(buf, sizeof buf, "%s", s);
    for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        for (size_t i = 0; i < sizeof flag_words / sizeof flag_words[0]; i++)
            if (strcmp(w, flag_words[i].word) == 0)
                fl = (fl | flag_words[i].set) & ~flag_words[i].clear;
    return fl;
}

static void check(const char *file, int lineno, const char *flags, const char *in, size_t in_n,
                  const char *want, size_t want_n)
{
    unsigned fl = parse_flags(flags);
    char *out = NULL, *again = NULL;
    size_t out_n = 0, again_n = 0;
    if (rasad_normalize(in, in_n, fl, &out, &out_n) != RASAD_OK ||
        rasad_normalize(want, want_n, fl, &again, &again_n) != RASAD_OK) {
        th_fail++;
        printf("FAIL %s:%d: normalize failed\n", file, lineno);
    } else {
        if (out_n == want_n && memcmp(out, want, want_n) == 0)
            th_pass++;
        else {
            th_fail++;
            printf("FAIL %s:%d:\n  got:  [%.*s]\n  want: [%.*s]\n", file, lineno, (int)out_n, out,
                   (int)want_n, want);
        }
        if (again_n == want_n && memcmp(again, want, want_n) == 0)
            th_pass++;
        else {
            th_fail++;
            printf("FAIL %s:%d: not idempotent on expected\n  got:  [%.*s]\n", file, lineno,
                   (int)again_n, again);
        }
    }
    rasad_free(out);
    rasad_free(again);
}

int main(int argc, char **argv)
{
    char dir[4096], path[8192];
    DIR *d;
    struct dirent *de;
    int files = 0;
    snprintf(dir, sizeof dir, "%s/golden/normalize", argc > 1 ? argv[1] : "tests");
    d = opendir(dir);
    TH_CHECK(d != NULL);
    while (d && (de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 4, ".tsv") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        TH_CHECK(golden_each(path, check) > 0);
        files++;
    }
    if (d)
        closedir(d);
    TH_CHECK(files > 0);
    return th_done();
}
