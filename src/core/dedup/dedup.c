/* dedup.c - the duplicate index: exact fingerprints, then MinHash + LSH
 * candidates checked by exact Jaccard; the earliest document of a group is
 * its canonical. */
#include <string.h>
#include "buf.h"
#include "rasad/alloc.h"
#include "dedup_internal.h"

typedef struct doc {
    uint64_t id;          /* caller id */
    uint64_t group;       /* canonical id of its group */
    const uint64_t *sh;   /* shingle set, in the pool */
    uint32_t nsh;         /* its size */
    uint32_t stamp;       /* last lookup that proposed it */
} doc;

struct rasad_dedup {
    rasad_dedup_opts o;
    rasad__shingler sg;
    rasad__minhash mh;
    rasad__lsh lsh;
    rasad__fptab fp;
    rasad__pool pool;
    doc *docs;            /* indexed documents, in LSH order */
    size_t ndocs, doccap;
    uint64_t *sig, *keys; /* scratch: signature, band keys */
    uint32_t stamp;       /* lookup counter */
    rasad_dedup_stats st;
    /* the lookup in progress */
    const uint64_t *q;
    size_t nq;
    uint64_t qid;
    long best;
    double best_j;
    size_t ncand;
};

static int check_opts(rasad_dedup_opts *o)
{
    if (o->threshold == 0)
        o->threshold = RASAD_DEDUP_THRESHOLD;
    if (!o->k)
        o->k = RASAD_DEDUP_K;
    if (!o->bands)
        o->bands = RASAD_DEDUP_BANDS;
    if (!o->rows)
        o->rows = RASAD_DEDUP_ROWS;
    if (!(o->threshold > 0 && o->threshold <= 1) || o->k > 64 || o->bands > 256 ||
        o->rows > 64)
        return RASAD_INVAL;
    return RASAD_OK;
}

int rasad_dedup_new(const rasad_dedup_opts *opts, rasad_dedup **out)
{
    rasad_dedup *d;
    unsigned n;
    *out = NULL;
    d = rasad_malloc(sizeof *d);
    if (!d)
        return RASAD_NOMEM;
    memset(d, 0, sizeof *d);
    if (opts)
        d->o = *opts;
    if (check_opts(&d->o) != RASAD_OK) {
        rasad_free(d);
        return RASAD_INVAL;
    }
    n = d->o.bands * d->o.rows;
    rasad__lsh_init(&d->lsh, d->o.bands);
    d->sig = rasad_malloc(n * sizeof *d->sig);
    d->keys = rasad_malloc(d->o.bands * sizeof *d->keys);
    if (!d->sig || !d->keys || rasad__shingler_init(&d->sg, d->o.k) != RASAD_OK ||
        rasad__minhash_init(&d->mh, n) != RASAD_OK) {
        rasad_dedup_free(d);
        return RASAD_NOMEM;
    }
    *out = d;
    return RASAD_OK;
}

void rasad_dedup_free(rasad_dedup *d)
{
    if (!d)
        return;
    rasad__shingler_release(&d->sg);
    rasad__minhash_release(&d->mh);
    rasad__lsh_release(&d->lsh);
    rasad__fptab_release(&d->fp);
    rasad__pool_release(&d->pool);
    rasad_free(d->docs);
    rasad_free(d->sig);
    rasad_free(d->keys);
    rasad_free(d);
}

double rasad_dedup_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, inter = 0;
    if (na + nb == 0)
        return 1.0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            inter++, i++, j++;
    }
    return (double)inter / (double)(na + nb - inter);
}

/* One candidate: verified once per lookup (the stamp), kept when best. */
static void on_candidate(void *ctx, uint32_t k)
{
    rasad_dedup *d = ctx;
    doc *c = &d->docs[k];
    size_t lo, hi;
    double j;
    if (c->stamp == d->stamp)
        return;
    c->stamp = d->stamp;
    d->ncand++;
    lo = c->nsh < d->nq ? c->nsh : d->nq;
    hi = c->nsh < d->nq ? d->nq : c->nsh;
    if ((double)lo / (double)hi < d->o.threshold) /* J <= lo/hi */
        return;
    j = rasad_dedup_jaccard(d->q, d->nq, c->sh, c->nsh);
    if (j < d->o.threshold)
        return;
    if (d->o.on_match)
        d->o.on_match(d->o.ud, d->qid, c->id, j);
    if (d->best < 0 || j > d->best_j || (j == d->best_j && (long)k < d->best)) {
        d->best = (long)k;
        d->best_j = j;
    }
}

/* Makes room for one more indexed document of nsh shingles. */
static int reserve_doc(rasad_dedup *d, size_t nsh)
{
    int rc;
    if (nsh > UINT32_MAX)
        return RASAD_TOOBIG;
    if (d->ndocs == d->doccap) {
        doc *nd = rasad__grow(d->docs, &d->doccap, d->ndocs + 1, sizeof *nd, 1024);
        if (!nd)
            return RASAD_NOMEM;
        d->docs = nd;
    }
    if ((rc = rasad__lsh_reserve(&d->lsh)) != RASAD_OK)
        return rc;
    return rasad__pool_reserve(&d->pool, nsh);
}

static void reset_result(rasad_dedup_result *res, uint64_t id)
{
    memset(res, 0, sizeof *res);
    res->exact_of = RASAD_DEDUP_NONE;
    res->near_of = RASAD_DEDUP_NONE;
    res->group = id;
}

static void update_bytes(rasad_dedup *d)
{
    d->st.bytes = d->pool.bytes + rasad__lsh_bytes(&d->lsh) +
                  d->doccap * sizeof *d->docs + d->pool.blkcap * sizeof *d->pool.blk +
                  d->fp.cap * 2 * sizeof *d->fp.key;
}

int rasad_dedup_add_shingles(rasad_dedup *d, uint64_t id, uint64_t fingerprint,
                             const uint64_t *sh, size_t nsh, rasad_dedup_result *res)
{
    int exact, lookup, rc;
    uint64_t canon = 0;

    reset_result(res, id);
    for (size_t i = 1; i < nsh; i++)
        if (sh[i - 1] >= sh[i])
            return RASAD_INVAL;
    res->fingerprint = nsh ? fingerprint : 0;
    res->shingles = nsh;
    d->st.added++;
    if (nsh == 0) {
        d->st.empty++;
        return RASAD_OK;
    }
    if (fingerprint == 0)
        fingerprint = 1;
    exact = rasad__fptab_get(&d->fp, fingerprint, &canon);
    lookup = !exact || d->o.index_all || d->o.on_match;
    if (!exact && (rc = rasad__fptab_reserve(&d->fp)) != RASAD_OK)
        goto fail;
    if ((!exact || d->o.index_all) && (rc = reserve_doc(d, nsh)) != RASAD_OK)
        goto fail;

    d->best = -1;
    d->best_j = 0;
    d->ncand = 0;
    if (lookup) {
        rasad__minhash_sign(&d->mh, sh, nsh, d->sig);
        rasad__band_keys(d->sig, d->o.bands, d->o.rows, d->keys);
        d->q = sh;
        d->nq = nsh;
        d->qid = id;
        if (++d->stamp == 0) { /* wrapped: forget old stamps */
            for (size_t i = 0; i < d->ndocs; i++)
                d->docs[i].stamp = 0;
            d->stamp = 1;
        }
        rasad__lsh_each(&d->lsh, d->keys, on_candidate, d);
        res->candidates = d->ncand;
        d->st.candidates += d->ncand;
    }
    if (exact) {
        res->exact_of = res->group = canon;
        res->jaccard = 1.0;
        d->st.exact++;
    } else if (d->best >= 0) {
        res->near_of = res->group = d->docs[d->best].group;
        res->jaccard = d->best_j;
        d->st.near++;
    }
    if (!exact)
        rasad__fptab_put(&d->fp, fingerprint, res->group);
    if (d->o.index_all || (!exact && d->best < 0)) {
        doc *nd = &d->docs[d->ndocs++];
        nd->id = id;
        nd->group = res->group;
        nd->sh = rasad__pool_add(&d->pool, sh, nsh);
        nd->nsh = (uint32_t)nsh;
        nd->stamp = 0;
        rasad__lsh_insert(&d->lsh, d->keys);
        d->st.indexed++;
        d->st.shingles += nsh;
    }
    update_bytes(d);
    return RASAD_OK;
fail:
    d->st.added--;
    reset_result(res, id);
    return rc;
}

int rasad_dedup_shingles(rasad_dedup *d, const char *p, size_t n, const uint64_t **sh,
                         size_t *nsh, uint64_t *fingerprint)
{
    int rc = rasad__shingler_run(&d->sg, p, n, fingerprint);
    *sh = d->sg.sh;
    *nsh = rc == RASAD_OK ? d->sg.nsh : 0;
    if (rc != RASAD_OK)
        *fingerprint = 0;
    return rc;
}

int rasad_dedup_add(rasad_dedup *d, uint64_t id, const char *p, size_t n,
                    rasad_dedup_result *res)
{
    const uint64_t *sh;
    size_t nsh;
    uint64_t fp;
    int rc = rasad_dedup_shingles(d, p, n, &sh, &nsh, &fp);
    if (rc != RASAD_OK) {
        reset_result(res, id);
        return rc < 0 ? rc : RASAD_NOMEM;
    }
    rc = rasad_dedup_add_shingles(d, id, fp, sh, nsh, res);
    res->tokens = d->sg.nth;
    return rc;
}

size_t rasad_dedup_signature(const rasad_dedup *d, const uint64_t *sh, size_t nsh,
                             uint64_t *sig, size_t cap)
{
    if (nsh == 0 || cap < d->mh.n)
        return 0;
    rasad__minhash_sign(&d->mh, sh, nsh, sig);
    return d->mh.n;
}

const rasad_dedup_stats *rasad_dedup_get_stats(const rasad_dedup *d)
{
    return &d->st;
}

const rasad_dedup_opts *rasad_dedup_get_opts(const rasad_dedup *d)
{
    return &d->o;
}
