/* cluster.c - word clusters from unlabeled text, so that words the labeled
 * data never showed (a rare surname, a foreign city) share features with
 * words used the same way. Each word seen at least CL_MINCOUNT times (at
 * most CL_MAXVOCAB of them, the most frequent) is described by how often
 * each of the CL_CTX most frequent words stands just before and just
 * after it (log-damped counts, unit length, projected to CL_DIM dimensions by a
 * seeded random +-1 matrix), and spherical k-means puts it in one cluster
 * at each of RASAD__NER_NLEV granularities (cl_k). Everything is seeded and
 * ordered (by frequency, then hash), so the same text gives the same
 * clusters. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "ner_internal.h"

#define CL_MINCOUNT 3
#define CL_MAXVOCAB 50000
#define CL_CTX 300
#define CL_DIM 96
#define CL_NB 2 /* context blocks: the word before, the word after */
static const unsigned cl_k[RASAD__NER_NLEV] = { 32, 128, 512 };
#define CL_ITER 10

int rasad__ner_clusters_index(ner_clusters *c)
{
    size_t cap = 16;
    while (cap < 2 * c->n + 2)
        cap *= 2;
    rasad_free(c->slot);
    if (!(c->slot = rasad_malloc(cap * sizeof *c->slot)))
        return RASAD_NOMEM;
    memset(c->slot, 0, cap * sizeof *c->slot);
    c->mask = cap - 1;
    for (size_t i = 0; i < c->n; i++) {
        size_t s = (size_t)(c->hash[i] ^ (c->hash[i] >> 33)) & c->mask;
        while (c->slot[s])
            s = (s + 1) & c->mask;
        c->slot[s] = (uint32_t)(i + 1);
    }
    return RASAD_OK;
}

int rasad__ner_cluster_of(const ner_clusters *c, uint64_t h, unsigned *cl)
{
    if (!c || c->n == 0)
        return 0;
    size_t s = (size_t)(h ^ (h >> 33)) & c->mask;
    uint32_t v;
    while ((v = c->slot[s]) != 0) {
        if (c->hash[v - 1] == h) {
            for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
                cl[l] = c->c[l][v - 1];
            return 1;
        }
        s = (s + 1) & c->mask;
    }
    return 0;
}

void rasad__ner_clusters_release(ner_clusters *c)
{
    rasad_free(c->hash);
    for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
        rasad_free(c->c[l]);
    rasad_free(c->slot);
    memset(c, 0, sizeof *c);
}

/* ---- counting ----------------------------------------------------------------- */

typedef struct wcount {
    uint64_t h;
    uint32_t n;
    uint32_t idx; /* vocabulary index + 1, 0 = not in it */
} wcount;

typedef struct wmap {
    wcount *e;
    size_t mask, used;
} wmap;

static wcount *wfind(wmap *m, uint64_t h)
{
    size_t s = (size_t)(h ^ (h >> 29)) & m->mask;
    while (m->e[s].h && m->e[s].h != h)
        s = (s + 1) & m->mask;
    return &m->e[s];
}

static int wadd(wmap *m, uint64_t h)
{
    wcount *w = wfind(m, h);
    if (w->h) {
        w->n++;
        return RASAD_OK;
    }
    if (2 * (m->used + 1) > m->mask + 1) {
        wmap b = { rasad_malloc(2 * (m->mask + 1) * sizeof *b.e), 2 * (m->mask + 1) - 1, m->used };
        if (!b.e)
            return RASAD_NOMEM;
        memset(b.e, 0, (b.mask + 1) * sizeof *b.e);
        for (size_t i = 0; i <= m->mask; i++)
            if (m->e[i].h)
                *wfind(&b, m->e[i].h) = m->e[i];
        rasad_free(m->e);
        *m = b;
        w = wfind(m, h);
    }
    w->h = h;
    w->n = 1;
    w->idx = 0;
    m->used++;
    return RASAD_OK;
}

static int by_freq(const void *a, const void *b)
{
    const wcount *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->h < y->h ? -1 : x->h > y->h;
}

static int by_hash(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1Dull;
}

static void unit(float *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)v[i] * v[i];
    if (s > 0) {
        float k = (float)(1 / sqrt(s));
        for (size_t i = 0; i < n; i++)
            v[i] *= k;
    }
}

/* Spherical k-means of the V rows of x (CL_DIM each) into k clusters; the
 * first centroids are the rows spread evenly over the frequency order. */
static int kmeans(const float *x, size_t V, unsigned k, uint16_t *out)
{
    float *cen = rasad_malloc((size_t)k * CL_DIM * sizeof *cen);
    double *sum = rasad_malloc((size_t)k * CL_DIM * sizeof *sum);
    if (!cen || !sum) {
        rasad_free(cen);
        rasad_free(sum);
        return RASAD_NOMEM;
    }
    for (unsigned j = 0; j < k; j++)
        memcpy(cen + (size_t)j * CL_DIM, x + (size_t)(j * (V / k)) * CL_DIM, CL_DIM * sizeof *cen);
    for (unsigned it = 0; it < CL_ITER; it++) {
        memset(sum, 0, (size_t)k * CL_DIM * sizeof *sum);
        for (size_t w = 0; w < V; w++) {
            const float *xv = x + w * CL_DIM;
            float best = -2;
            unsigned arg = 0;
            for (unsigned j = 0; j < k; j++) {
                const float *cv = cen + (size_t)j * CL_DIM;
                float d = 0;
                for (unsigned i = 0; i < CL_DIM; i++)
                    d += xv[i] * cv[i];
                if (d > best) {
                    best = d;
                    arg = j;
                }
            }
            out[w] = (uint16_t)arg;
            for (unsigned i = 0; i < CL_DIM; i++)
                sum[(size_t)arg * CL_DIM + i] += xv[i];
        }
        for (unsigned j = 0; j < k; j++) {
            float *cv = cen + (size_t)j * CL_DIM;
            for (unsigned i = 0; i < CL_DIM; i++)
                cv[i] = (float)sum[(size_t)j * CL_DIM + i];
            unit(cv, CL_DIM);
        }
    }
    rasad_free(cen);
    rasad_free(sum);
    return RASAD_OK;
}

int rasad__ner_clusters_build(const uint64_t *stream, size_t n, ner_clusters *out)
{
    wmap m = { rasad_malloc((1u << 16) * sizeof(wcount)), (1u << 16) - 1, 0 };
    wcount *vocab = NULL;
    float *cnt = NULL, *proj = NULL, *x = NULL;
    size_t V = 0;
    int rc = RASAD_OK;

    memset(out, 0, sizeof *out);
    if (!m.e)
        return RASAD_NOMEM;
    memset(m.e, 0, (m.mask + 1) * sizeof *m.e);
    for (size_t i = 0; i < n && rc == RASAD_OK; i++)
        if (stream[i])
            rc = wadd(&m, stream[i]);
    if (rc != RASAD_OK)
        goto done;
    if (!(vocab = rasad_malloc((m.used + 1) * sizeof *vocab))) {
        rc = RASAD_NOMEM;
        goto done;
    }
    for (size_t i = 0; i <= m.mask; i++)
        if (m.e[i].h && m.e[i].n >= CL_MINCOUNT)
            vocab[V++] = m.e[i];
    qsort(vocab, V, sizeof *vocab, by_freq);
    if (V > CL_MAXVOCAB)
        V = CL_MAXVOCAB;
    if (V < 2 * cl_k[RASAD__NER_NLEV - 1])
        goto done; /* too little text: no clusters */
    for (size_t v = 0; v < V; v++)
        wfind(&m, vocab[v].h)->idx = (uint32_t)(v + 1);

    cnt = rasad_malloc(V * CL_NB * CL_CTX * sizeof *cnt);
    proj = rasad_malloc(CL_NB * CL_CTX * CL_DIM * sizeof *proj);
    x = rasad_malloc(V * CL_DIM * sizeof *x);
    if (!cnt || !proj || !x) {
        rc = RASAD_NOMEM;
        goto done;
    }
    memset(cnt, 0, V * CL_NB * CL_CTX * sizeof *cnt);
    static const long off[CL_NB] = { -1, 1 };
    for (size_t i = 0; i < n; i++) {
        if (!stream[i])
            continue;
        uint32_t w = wfind(&m, stream[i])->idx;
        if (!w)
            continue;
        for (unsigned b = 0; b < CL_NB; b++) {
            long j = (long)i + off[b];
            int ok = 1;
            for (long k = (long)i; k != j; k += off[b] < 0 ? -1 : 1) /* no sentence boundary between */
                if (k + (off[b] < 0 ? -1 : 1) < 0 || (size_t)(k + (off[b] < 0 ? -1 : 1)) >= n ||
                    !stream[k + (off[b] < 0 ? -1 : 1)])
                    ok = 0;
            if (!ok)
                continue;
            uint32_t c = wfind(&m, stream[j])->idx;
            if (c && c <= CL_CTX)
                cnt[(size_t)(w - 1) * CL_NB * CL_CTX + b * CL_CTX + (c - 1)] += 1;
        }
    }
    for (size_t i = 0; i < V * CL_NB * CL_CTX; i++)
        cnt[i] = log1pf(cnt[i]);
    uint64_t seed = 0x1234567887654321ull;
    for (size_t i = 0; i < CL_NB * CL_CTX * CL_DIM; i++)
        proj[i] = (rnd(&seed) >> 63) ? 1.0f : -1.0f;
    for (size_t v = 0; v < V; v++) {
        float *row = cnt + v * 2 * CL_CTX, *xv = x + v * CL_DIM;
        for (size_t j = 0; j < 2 * CL_CTX; j++)
            row[j] = log1pf(row[j]);
        unit(row, 2 * CL_CTX);
        memset(xv, 0, CL_DIM * sizeof *xv);
        for (size_t j = 0; j < 2 * CL_CTX; j++)
            if (row[j] != 0)
                for (unsigned d = 0; d < CL_DIM; d++)
                    xv[d] += row[j] * proj[j * CL_DIM + d];
        unit(xv, CL_DIM);
    }
    rasad_free(cnt);
    cnt = NULL;

    uint16_t *a[RASAD__NER_NLEV] = { NULL };
    uint64_t *hs = rasad_malloc(V * sizeof *hs);
    for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
        if ((a[l] = rasad_malloc(V * sizeof *a[l])) == NULL)
            rc = RASAD_NOMEM;
    for (unsigned l = 0; l < RASAD__NER_NLEV && rc == RASAD_OK; l++)
        rc = kmeans(x, V, cl_k[l], a[l]);
    if (rc == RASAD_OK && !hs)
        rc = RASAD_NOMEM;
    if (rc == RASAD_OK) {
        /* the table, sorted by hash */
        for (size_t v = 0; v < V; v++)
            hs[v] = vocab[v].h;
        qsort(hs, V, sizeof *hs, by_hash);
        out->hash = hs;
        hs = NULL;
        for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
            if (!(out->c[l] = rasad_malloc(V * sizeof *out->c[l])))
                rc = RASAD_NOMEM;
    }
    if (rc == RASAD_OK) {
        for (size_t i = 0; i < V; i++) {
            uint32_t v = wfind(&m, out->hash[i])->idx - 1;
            for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
                out->c[l][i] = a[l][v];
        }
        out->n = V;
        rc = rasad__ner_clusters_index(out);
    }
    if (rc != RASAD_OK)
        rasad__ner_clusters_release(out);
    rasad_free(hs);
    for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
        rasad_free(a[l]);
done:
    rasad_free(m.e);
    rasad_free(vocab);
    rasad_free(cnt);
    rasad_free(proj);
    rasad_free(x);
    return rc;
}
