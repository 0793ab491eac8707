/* learn.c - the perceptron passes of the trainer (see train.c). */
#include <string.h>
#include "rasad/alloc.h"
#include "train_internal.h"

typedef struct acc {
    float *w;     /* current weights */
    double *u;    /* sum of step * change, for the average */
    size_t n;
} acc;

static void bump(acc *a, size_t i, float d, double c)
{
    a->w[i] += d;
    a->u[i] += c * d;
}

static uint64_t next_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* The transition part of one perceptron step. */
static void update_trans(acc *st, acc *sp, acc *tr, const uint8_t *g, const uint8_t *p,
                         size_t n, double c)
{
    if (g[0] != p[0]) {
        bump(st, g[0], 1, c);
        bump(st, p[0], -1, c);
    }
    if (g[n - 1] != p[n - 1]) {
        bump(sp, g[n - 1], 1, c);
        bump(sp, p[n - 1], -1, c);
    }
    for (size_t i = 1; i < n; i++)
        if (g[i - 1] != p[i - 1] || g[i] != p[i]) {
            bump(tr, (size_t)g[i - 1] * NT + g[i], 1, c);
            bump(tr, (size_t)p[i - 1] * NT + p[i], -1, c);
        }
}

int rasad__ner_learn(rasad_ner_trainer *tr, const rasad_ner_train_opts *opts,
                     rasad_ner_progress_fn progress, void *ctx, ner_weights *out)
{
    unsigned epochs = opts && opts->epochs ? opts->epochs : 10;
    uint64_t seed = opts && opts->seed ? opts->seed : 0x9E3779B97F4A7C15ull;
    size_t nf = out->nfeat;
    float tw[NT * NT] = { 0 }, sw[NT] = { 0 }, ew[NT] = { 0 };
    double tu[NT * NT] = { 0 }, su[NT] = { 0 }, eu[NT] = { 0 };
    acc em = { NULL, NULL, nf * NT }, trans = { tw, tu, NT * NT }, st = { sw, su, NT },
        sp = { ew, eu, NT };
    uint32_t *order = rasad_malloc(tr->nsent * sizeof *order);
    double *sc = rasad_malloc(RASAD_NER_MAX_SENT * NT * sizeof *sc);
    uint8_t *back = rasad_malloc(RASAD_NER_MAX_SENT * NT), pred[RASAD_NER_MAX_SENT];
    double start[NT], stop[NT], tr_d[NT * NT], vs[2 * NT], c = 1;
    int rc = RASAD_OK;

    em.w = rasad_malloc(em.n * sizeof *em.w);
    em.u = rasad_malloc(em.n * sizeof *em.u);
    if (!order || !sc || !back || !em.w || !em.u) {
        rc = RASAD_NOMEM;
        goto done;
    }
    memset(em.w, 0, em.n * sizeof *em.w);
    memset(em.u, 0, em.n * sizeof *em.u);
    size_t nord = 0;
    for (size_t s = 0; s < tr->nsent; s++)
        if (s < tr->skip_lo || s >= tr->skip_hi)
            order[nord++] = (uint32_t)s;

    for (unsigned ep = 1; ep <= epochs; ep++) {
        uint64_t errors = 0;
        for (size_t s = nord; s > 1; s--) { /* Fisher-Yates */
            size_t j = (size_t)(next_rand(&seed) % s);
            uint32_t x = order[s - 1];
            order[s - 1] = order[j];
            order[j] = x;
        }
        for (size_t oi = 0; oi < nord; oi++, c++) {
            size_t s = order[oi], t0 = tr->sent[s], n = tr->sent[s + 1] - t0;
            const uint8_t *gold = tr->gold + t0;
            for (unsigned t = 0; t < NT; t++) {
                start[t] = sw[t];
                stop[t] = ew[t];
            }
            for (unsigned t = 0; t < NT * NT; t++)
                tr_d[t] = tw[t];
            for (size_t i = 0; i < n; i++) {
                double *row = sc + i * NT;
                memset(row, 0, NT * sizeof *row);
                for (size_t k = tr->kstart[t0 + i]; k < tr->kstart[t0 + i + 1]; k++) {
                    uint32_t f = tr->ids[k];
                    if (f == UINT32_MAX)
                        continue;
                    const float *wf = em.w + (size_t)f * NT;
                    for (unsigned t = 0; t < NT; t++)
                        row[t] += wf[t];
                }
            }
            rasad__ner_viterbi(sc, start, stop, tr_d, n, back, vs, pred);
            int wrong = 0;
            for (size_t i = 0; i < n; i++) {
                if (pred[i] == gold[i])
                    continue;
                wrong = 1;
                errors++;
                for (size_t k = tr->kstart[t0 + i]; k < tr->kstart[t0 + i + 1]; k++) {
                    uint32_t f = tr->ids[k];
                    if (f == UINT32_MAX)
                        continue;
                    bump(&em, (size_t)f * NT + gold[i], 1, c);
                    bump(&em, (size_t)f * NT + pred[i], -1, c);
                }
            }
            if (wrong)
                update_trans(&st, &sp, &trans, gold, pred, n, c);
        }
        if (progress)
            progress(ctx, ep, errors, tr->ntok);
    }
    /* the average: w - u / c */
    out->em = rasad_malloc(em.n * sizeof *out->em);
    if (!out->em) {
        rc = RASAD_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < em.n; i++)
        out->em[i] = em.w[i] - em.u[i] / c;
    for (unsigned t = 0; t < NT; t++) {
        out->start[t] = sw[t] - su[t] / c;
        out->stop[t] = ew[t] - eu[t] / c;
    }
    for (unsigned t = 0; t < NT * NT; t++)
        out->trans[t] = tw[t] - tu[t] / c;
done:
    rasad_free(order);
    rasad_free(sc);
    rasad_free(back);
    rasad_free(em.w);
    rasad_free(em.u);
    return rc;
}

void rasad__ner_decode(const rasad_ner_trainer *tr, const ner_weights *w, size_t s,
                       double *sc, uint8_t *back, uint8_t *pred)
{
    double vs[2 * NT];
    size_t t0 = tr->sent[s], n = tr->sent[s + 1] - t0;

    for (size_t i = 0; i < n; i++) {
        double *row = sc + i * NT;
        memset(row, 0, NT * sizeof *row);
        for (size_t k = tr->kstart[t0 + i]; k < tr->kstart[t0 + i + 1]; k++) {
            uint32_t f = tr->ids[k];
            if (f == UINT32_MAX)
                continue;
            for (unsigned t = 0; t < NT; t++)
                row[t] += w->em[(size_t)f * NT + t];
        }
    }
    rasad__ner_viterbi(sc, w->start, w->stop, w->trans, n, back, vs, pred);
}
