/* fuzz_dedup.c - the duplicate index on any bytes: the input's first byte
 * picks the options (k 1..8, threshold 0.5..1), the rest is split at '\n'
 * into at most 64 documents, added in order to a default index and to an
 * index_all one.
 *
 * Properties:
 *  - every add returns OK; the shingle set is sorted and distinct, the
 *    fingerprint 0 exactly when there is no shingle, no more shingles than
 *    tokens (one when 1..k-1 tokens);
 *  - a result's group is its own id or an earlier canonical's; a document
 *    byte-identical to an earlier one with tokens is an exact duplicate of
 *    that one's group; a near duplicate's jaccard is >= the threshold and
 *    equals the exact Jaccard with its canonical computed here from
 *    rasad_dedup_shingles;
 *  - a document that is no duplicate shares its shingle set with no earlier
 *    canonical (equal sets have equal signatures, so LSH cannot miss them);
 *  - index_all: every reported pair has the Jaccard computed here, at or
 *    above the threshold, and every earlier document with the same shingle
 *    set is reported;
 *  - the same documents in a second index give the same results
 *    (determinism). */
#include <string.h>

#include "fuzz.h"
#include "rasad/dedup.h"

#define MAX_DOCS 64

typedef struct docset {
    const char *p[MAX_DOCS];
    size_t n[MAX_DOCS];
    uint64_t *sh[MAX_DOCS];
    size_t nsh[MAX_DOCS];
    int canon[MAX_DOCS];   /* is a canonical of the default index */
    int ndocs;
} docset;

typedef struct pairs {
    int n;
    int seen[MAX_DOCS];    /* for the document being added: reported earlier ones */
    uint64_t cur;
    const docset *ds;
    double thr;
} pairs;

static void on_match(void *ud, uint64_t a, uint64_t b, double j)
{
    pairs *p = ud;
    FZ_CHECK(a == p->cur && b < a);
    FZ_CHECK(j >= p->thr && j <= 1.0);
    FZ_CHECK(j == rasad_dedup_jaccard(p->ds->sh[a], p->ds->nsh[a], p->ds->sh[b], p->ds->nsh[b]));
    FZ_CHECK(!p->seen[b]);
    p->seen[b] = 1;
    p->n++;
}

static int same_set(const docset *ds, int a, int b)
{
    return ds->nsh[a] == ds->nsh[b] &&
           memcmp(ds->sh[a], ds->sh[b], ds->nsh[a] * sizeof(uint64_t)) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static docset ds;
    rasad_dedup_opts o;
    rasad_dedup *d = NULL, *d2 = NULL, *all = NULL;
    rasad_dedup_result r, r2, ra;
    pairs pr;
    const char *p, *end;

    if (size == 0)
        return 0;
    memset(&o, 0, sizeof o);
    o.k = 1u + (data[0] & 7u);
    o.threshold = 0.5 + (data[0] >> 3) / 62.0;
    FZ_CHECK(rasad_dedup_new(&o, &d) == RASAD_OK);
    FZ_CHECK(rasad_dedup_new(&o, &d2) == RASAD_OK);
    memset(&pr, 0, sizeof pr);
    pr.ds = &ds;
    pr.thr = rasad_dedup_get_opts(d)->threshold;
    o.index_all = 1;
    o.on_match = on_match;
    o.ud = &pr;
    FZ_CHECK(rasad_dedup_new(&o, &all) == RASAD_OK);

    memset(&ds, 0, sizeof ds);
    p = (const char *)data + 1;
    end = (const char *)data + size;
    while (p <= end && ds.ndocs < MAX_DOCS) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        int i = ds.ndocs++;
        const uint64_t *sh;
        uint64_t fp;
        size_t nsh;
        ds.p[i] = p;
        ds.n[i] = (size_t)((nl ? nl : end) - p);
        p += ds.n[i] + 1;

        /* the shingle set, kept for the checks */
        FZ_CHECK(rasad_dedup_shingles(d, ds.p[i], ds.n[i], &sh, &nsh, &fp) == RASAD_OK);
        FZ_CHECK((fp == 0) == (nsh == 0));
        for (size_t k = 1; k < nsh; k++)
            FZ_CHECK(sh[k - 1] < sh[k]);
        ds.sh[i] = malloc(nsh * sizeof *sh + 1);
        FZ_CHECK(ds.sh[i] != NULL);
        if (nsh)
            memcpy(ds.sh[i], sh, nsh * sizeof *sh);
        ds.nsh[i] = nsh;

        FZ_CHECK(rasad_dedup_add(d, (uint64_t)i, ds.p[i], ds.n[i], &r) == RASAD_OK);
        FZ_CHECK(r.shingles == nsh && r.fingerprint == fp);
        FZ_CHECK(nsh <= r.tokens);
        FZ_CHECK(r.tokens == 0 || r.tokens >= o.k || nsh == 1);
        FZ_CHECK(r.group == (uint64_t)i || (r.group < (uint64_t)i && ds.canon[r.group]));
        if (r.group == (uint64_t)i) {
            FZ_CHECK(r.exact_of == RASAD_DEDUP_NONE && r.near_of == RASAD_DEDUP_NONE);
            ds.canon[i] = nsh > 0;
            for (int c = 0; c < i; c++)
                FZ_CHECK(!(ds.canon[c] && nsh > 0 && same_set(&ds, c, i)));
        } else if (r.exact_of != RASAD_DEDUP_NONE) {
            FZ_CHECK(r.jaccard == 1.0 && r.near_of == RASAD_DEDUP_NONE);
        } else {
            int c = (int)r.near_of;
            FZ_CHECK(r.jaccard >= pr.thr);
            FZ_CHECK(r.jaccard == rasad_dedup_jaccard(ds.sh[i], nsh, ds.sh[c], ds.nsh[c]));
        }
        for (int c = 0; c < i; c++)
            if (nsh > 0 && ds.n[c] == ds.n[i] && memcmp(ds.p[c], ds.p[i], ds.n[i]) == 0) {
                FZ_CHECK(r.exact_of != RASAD_DEDUP_NONE);
                break;
            }

        FZ_CHECK(rasad_dedup_add(d2, (uint64_t)i, ds.p[i], ds.n[i], &r2) == RASAD_OK);
        FZ_CHECK(r2.group == r.group && r2.exact_of == r.exact_of &&
                 r2.near_of == r.near_of && r2.jaccard == r.jaccard &&
                 r2.fingerprint == r.fingerprint && r2.candidates == r.candidates);

        memset(pr.seen, 0, sizeof pr.seen);
        pr.cur = (uint64_t)i;
        FZ_CHECK(rasad_dedup_add(all, (uint64_t)i, ds.p[i], ds.n[i], &ra) == RASAD_OK);
        for (int c = 0; c < i; c++)
            if (nsh > 0 && same_set(&ds, c, i))
                FZ_CHECK(pr.seen[c]);
        if (!nl)
            break;
    }
    for (int i = 0; i < ds.ndocs; i++)
        free(ds.sh[i]);
    rasad_dedup_free(d);
    rasad_dedup_free(d2);
    rasad_dedup_free(all);
    return 0;
}
