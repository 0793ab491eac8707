/* shingle.c - text to index-form token hashes, the exact fingerprint and
 * the set of k-word shingles. */
#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "buf.h"
#include "rasad/alloc.h"
#include "dedup_internal.h"

int rasad__shingler_init(rasad__shingler *s, unsigned k)
{
    memset(s, 0, sizeof *s);
    s->k = k;
    return rasad_tokenizer_new(0, &s->tok);
}

void rasad__shingler_release(rasad__shingler *s)
{
    rasad_tokenizer_free(s->tok);
    rasad_free(s->th);
    rasad_free(s->sh);
    memset(s, 0, sizeof *s);
}

static int grow(uint64_t **v, size_t *cap, size_t need)
{
    uint64_t *nv = rasad__grow(*v, cap, need, sizeof *nv, 256);
    if (!nv)
        return RASAD_NOMEM;
    *v = nv;
    return RASAD_OK;
}

static int on_token(void *ctx, int kind, const char *tok, size_t ntok, size_t start, size_t end)
{
    rasad__shingler *s = ctx;
    (void)kind, (void)start, (void)end;
    if (s->nth == s->thcap && grow(&s->th, &s->thcap, s->nth + 1) != RASAD_OK)
        return RASAD_NOMEM;
    s->th[s->nth++] = rasad__le64(XXH3_64bits(tok, ntok));
    return 0;
}

/* ---- sort: quicksort with insertion sort for short runs ------------------ */

static void insertion(uint64_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1] > x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static void quick(uint64_t *v, size_t n)
{
    while (n > 24) {
        uint64_t a = v[0], b = v[n / 2], c = v[n - 1], pivot, t;
        size_t i = 0, j = n - 1;
        pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        for (;;) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i >= j)
                break;
            t = v[i], v[i] = v[j], v[j] = t;
            i++, j--;
        }
        /* v[0..j] <= pivot <= v[j+1..n): recurse on the smaller side. */
        if (j + 1 < n - j - 1) {
            quick(v, j + 1);
            v += j + 1;
            n -= j + 1;
        } else {
            quick(v + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion(v, n);
}

size_t rasad__sort_unique(uint64_t *v, size_t n)
{
    size_t w = 0;
    if (n == 0)
        return 0;
    quick(v, n);
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[w])
            v[++w] = v[i];
    return w + 1;
}

int rasad__shingler_run(rasad__shingler *s, const char *p, size_t n, uint64_t *fp)
{
    size_t nsh, k = s->k;
    int rc;

    s->nth = 0;
    s->nsh = 0;
    *fp = 0;
    rc = rasad_tokenize(s->tok, p, n, on_token, s);
    if (rc != RASAD_OK)
        return rc;
    if (s->nth == 0)
        return RASAD_OK;
    *fp = XXH3_64bits_withSeed(s->th, s->nth * sizeof *s->th, RASAD__SEED_FP);
    if (*fp == 0)
        *fp = 1;
    /* Fewer than k tokens: one shingle of all of them. */
    if (s->nth < k)
        k = s->nth;
    nsh = s->nth - k + 1;
    if (grow(&s->sh, &s->shcap, nsh) != RASAD_OK)
        return RASAD_NOMEM;
    for (size_t i = 0; i < nsh; i++)
        s->sh[i] = XXH3_64bits_withSeed(s->th + i, k * sizeof *s->th, RASAD__SEED_SH);
    s->nsh = rasad__sort_unique(s->sh, nsh);
    return RASAD_OK;
}
