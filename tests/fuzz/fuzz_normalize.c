/* fuzz_normalize.c - the normalizer, for three flag sets per input:
 * RASAD_NORM_DEFAULT, the index form (DEFAULT | DIGITS_ASCII | FOLD), and a
 * set read from the input's first two bytes (any of the 9 flag bits).
 *
 * Properties, for each set:
 *  - rasad_norm_run returns RASAD_OK; the output is NUL-terminated, valid
 *    UTF-8, and has as many '\n' as the input (one output line per input
 *    line), the k-th output '\n' mapping to the k-th input '\n';
 *  - the offset map has out_n + 1 entries, all <= n, never decreasing, and
 *    map[out_n] == n;
 *  - the stats grow by n bytes in, out_n bytes out and as many invalid
 *    subparts as rasad_utf8_count_invalid finds;
 *  - idempotence: normalizing the output again (with map == NULL) gives the
 *    same bytes;
 *  - for DEFAULT, the one-shot rasad_normalize gives the same bytes. */
#include <string.h>

#include "fuzz.h"
#include "rasad/alloc.h"
#include "rasad/text.h"

#define ALL_FLAGS 0x1FFu
#define INDEX_FLAGS (RASAD_NORM_DEFAULT | RASAD_NORM_DIGITS_ASCII | RASAD_NORM_FOLD)

/* One normalizer per flag set, made on first use and kept for the process. */
static rasad_norm *norms[ALL_FLAGS + 1];

static rasad_norm *norm_for(unsigned flags)
{
    if (!norms[flags]) {
        int rc = rasad_norm_new(flags, &norms[flags]);
        FZ_CHECK(rc == RASAD_OK && norms[flags] != NULL);
    }
    return norms[flags];
}

static size_t count_nl(const char *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += p[i] == '\n';
    return k;
}

static void check_flags(unsigned flags, const char *p, size_t n)
{
    rasad_norm *nm = norm_for(flags);
    rasad_norm_stats before = *rasad_norm_get_stats(nm);
    const rasad_norm_stats *after;
    const char *out = NULL, *again = NULL;
    const uint32_t *map = NULL;
    size_t out_n = (size_t)-1, again_n = (size_t)-1, nl = 0;
    char *copy;
    int rc;

    rc = rasad_norm_run(nm, p, n, &out, &out_n, &map);
    FZ_CHECK(rc == RASAD_OK);
    FZ_CHECK(out != NULL && map != NULL);
    FZ_CHECK(out[out_n] == '\0');
    FZ_CHECK(fz_utf8_valid(out, out_n));
    FZ_CHECK(map[out_n] == n);
    for (size_t i = 0; i < out_n; i++) {
        FZ_CHECK(map[i] <= n);
        FZ_CHECK(map[i] <= map[i + 1]);
    }

    /* Newlines: same count, and each maps to its own input newline. */
    FZ_CHECK(count_nl(out, out_n) == count_nl(p, n));
    for (size_t i = 0, j = 0; i < out_n; i++) {
        if (out[i] != '\n')
            continue;
        while (j < n && p[j] != '\n')
            j++;
        FZ_CHECK(j < n && map[i] == j);
        j++;
        nl++;
    }
    (void)nl;

    after = rasad_norm_get_stats(nm);
    FZ_CHECK(after->bytes_in - before.bytes_in == n);
    FZ_CHECK(after->bytes_out - before.bytes_out == out_n);
    FZ_CHECK(after->invalid_utf8 - before.invalid_utf8 ==
             rasad_utf8_count_invalid(p, n));

    /* out belongs to nm until the next call: keep a copy. */
    copy = malloc(out_n + 1);
    FZ_CHECK(copy != NULL);
    memcpy(copy, out, out_n + 1);

    rc = rasad_norm_run(nm, copy, out_n, &again, &again_n, NULL);
    FZ_CHECK(rc == RASAD_OK);
    if (again_n != out_n || memcmp(again, copy, out_n) != 0) {
        fprintf(stderr, "not idempotent with flags 0x%x:\n  once:  [%s]\n  twice: [%.*s]\n",
                flags, copy, (int)again_n, again);
        FZ_CHECK(!"normalize(normalize(x)) == normalize(x)");
    }

    if (flags == RASAD_NORM_DEFAULT) {
        char *one = NULL;
        size_t one_n = (size_t)-1;
        rc = rasad_normalize(p, n, flags, &one, &one_n);
        FZ_CHECK(rc == RASAD_OK && one != NULL);
        FZ_CHECK(one_n == out_n && memcmp(one, copy, out_n) == 0);
        rasad_free(one);
    }
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    unsigned mix = 0;

    if (size >= 2)
        mix = ((unsigned)data[0] | ((unsigned)data[1] & 1u) << 8) & ALL_FLAGS;
    check_flags(RASAD_NORM_DEFAULT, p, size);
    check_flags(INDEX_FLAGS, p, size);
    if (mix != RASAD_NORM_DEFAULT && mix != INDEX_FLAGS)
        check_flags(mix, p, size);
    return 0;
}
