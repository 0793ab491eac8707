/* write.c - turns the averaged weights into a model file (the format is in
 * model.c): weights in int16 steps of one unit, the features by key, the
 * (tag, weight) pairs that are not zero. And rasad_ner_trainer_run, which
 * ties the trainer's steps together. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "train_internal.h"

#define QMAX 32000.0

typedef struct keyed {
    uint64_t key;
    uint32_t id;
} keyed;

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const keyed *)a)->key, y = ((const keyed *)b)->key;
    return x < y ? -1 : x > y;
}

static int32_t quant(double v, double unit)
{
    double q = floor(v / unit + 0.5);
    return (int32_t)(q > 2e9 ? 2e9 : q < -2e9 ? -2e9 : q);
}

int rasad__ner_write(const ner_weights *w, const uint64_t *ids_key, const ner_clusters *cl,
                     const ner_mgaz *mg, char **out, size_t *out_n)
{
    double maxabs = 0, unit;
    size_t nf = w->nfeat, nkeep = 0, npairs = 0;
    keyed *order = rasad_malloc((nf + 1) * sizeof *order);
    unsigned char *buf, *q;
    size_t size;
    const size_t trans_bytes = (2 * NT + NT * NT) * 4;

    *out = NULL;
    *out_n = 0;
    if (!order)
        return RASAD_NOMEM;
    for (size_t i = 0; i < nf * NT; i++)
        if (fabs(w->em[i]) > maxabs)
            maxabs = fabs(w->em[i]);
    unit = maxabs > 0 ? maxabs / QMAX : 1;
    for (size_t f = 0; f < nf; f++) {
        size_t nz = 0;
        for (unsigned t = 0; t < NT; t++)
            nz += quant(w->em[f * NT + t], unit) != 0;
        if (nz) {
            order[nkeep].key = ids_key[f];
            order[nkeep].id = (uint32_t)f;
            nkeep++;
            npairs += nz;
        }
    }
    qsort(order, nkeep, sizeof *order, by_key);
    size = RASAD__NER_HEADER + trans_bytes + 4 + cl->n * (8 + 2 * RASAD__NER_NLEV) + mg->n * 9 +
           nkeep * 9 + npairs * 3 + 8;
    if (!(buf = rasad_malloc(size))) {
        rasad_free(order);
        return RASAD_NOMEM;
    }
    memcpy(buf, RASAD__NER_MAGIC, 8);
    ner_put32(buf + 8, RASAD__NER_VERSION);
    ner_put32(buf + 12, NT);
    ner_put32(buf + 16, (uint32_t)nkeep);
    ner_put32(buf + 20, (uint32_t)npairs);
    ner_put32(buf + 24, RASAD__NER_FX_VERSION);
    ner_put32(buf + 28, (uint32_t)cl->n);
    ner_put32(buf + 32, (uint32_t)mg->n);
    ner_put32(buf + 36, mg->n ? mg->maxlen : 0);
    q = buf + RASAD__NER_HEADER;
    for (unsigned t = 0; t < NT; t++) {
        ner_put32(q + 4 * t, (uint32_t)quant(w->start[t], unit));
        ner_put32(q + 4 * (NT + t), (uint32_t)quant(w->stop[t], unit));
    }
    for (unsigned t = 0; t < NT * NT; t++)
        ner_put32(q + 4 * (2 * NT + t), (uint32_t)quant(w->trans[t], unit));
    float uf = (float)unit;
    uint32_t ub;
    memcpy(&ub, &uf, sizeof ub);
    ner_put32(q + trans_bytes, ub);
    q += trans_bytes + 4;
    for (size_t i = 0; i < cl->n; i++, q += 8 + 2 * RASAD__NER_NLEV) {
        ner_put64(q, cl->hash[i]);
        for (unsigned l = 0; l < RASAD__NER_NLEV; l++) {
            q[8 + 2 * l] = (unsigned char)(cl->c[l][i] & 0xFF);
            q[9 + 2 * l] = (unsigned char)(cl->c[l][i] >> 8);
        }
    }
    for (size_t i = 0; i < mg->n; i++) {
        ner_put64(q + 8 * i, mg->hash[i]);
        q[8 * mg->n + i] = mg->mask[i];
    }
    q += 9 * mg->n;

    unsigned char *keys = q, *counts = q + nkeep * 8, *tags = counts + nkeep;
    unsigned char *weights = tags + npairs;
    size_t pos = 0;
    for (size_t i = 0; i < nkeep; i++) {
        size_t f = order[i].id;
        unsigned c = 0;
        ner_put64(keys + 8 * i, order[i].key);
        for (unsigned t = 0; t < NT; t++) {
            int32_t v = quant(w->em[f * NT + t], unit);
            if (!v)
                continue;
            tags[pos] = (unsigned char)t;
            weights[2 * pos] = (unsigned char)(v & 0xFF);
            weights[2 * pos + 1] = (unsigned char)((uint16_t)v >> 8);
            pos++;
            c++;
        }
        counts[i] = (unsigned char)c;
    }
    ner_put64(buf + size - 8, rasad__fnv1a(buf, size - 8, RASAD__FNV_SEED));
    rasad_free(order);
    *out = (char *)buf;
    *out_n = size;
    return RASAD_OK;
}

/* The document memory's training tags: a model trained on each half of
 * the sentences (one run of tr->mem_epochs passes) tags the other half;
 * then the keys are computed again with the memory filled from those tags
 * (rasad__ner_prepare) and the feature ids assigned again. */
static int memory_pass(rasad_ner_trainer *tr, const rasad_ner_train_opts *o, unsigned min_count,
                       rasad_ner_progress_fn progress, void *ctx, uint64_t **ids_key,
                       uint32_t *nfeat)
{
    rasad_ner_train_opts h = *o;
    uint8_t *pred = rasad_malloc(tr->ntok + 1);
    double *sc = rasad_malloc(RASAD_NER_MAX_SENT * NT * sizeof *sc);
    uint8_t *back = rasad_malloc(RASAD_NER_MAX_SENT * NT);
    int rc = RASAD_OK;

    h.epochs = tr->mem_epochs;
    if (!pred || !sc || !back)
        rc = RASAD_NOMEM;
    for (unsigned half = 0; half < 2 && rc == RASAD_OK; half++) {
        ner_weights hw;
        memset(&hw, 0, sizeof hw);
        hw.nfeat = *nfeat;
        tr->skip_lo = half ? tr->nsent / 2 : 0;
        tr->skip_hi = half ? tr->nsent : tr->nsent / 2;
        if ((rc = rasad__ner_learn(tr, &h, progress, ctx, &hw)) != RASAD_OK)
            break;
        for (size_t s = tr->skip_lo; s < tr->skip_hi; s++)
            rasad__ner_decode(tr, &hw, s, sc, back, pred + tr->sent[s]);
        rasad_free(hw.em);
    }
    tr->skip_lo = tr->skip_hi = 0;
    rasad_free(sc);
    rasad_free(back);
    if (rc == RASAD_OK) {
        rasad_free(tr->ids);
        tr->ids = NULL;
        rasad_free(*ids_key);
        *ids_key = NULL;
        if ((rc = rasad__ner_prepare(tr, pred)) == RASAD_OK)
            rc = rasad__ner_assign_ids(tr, min_count, ids_key, nfeat);
    }
    rasad_free(pred);
    return rc;
}

int rasad_ner_trainer_run(rasad_ner_trainer *tr, const rasad_ner_train_opts *opts,
                          rasad_ner_progress_fn progress, void *ctx, char **out, size_t *out_n)
{
    unsigned min_count = opts && opts->min_count ? opts->min_count : 1;
    ner_weights w;
    uint64_t *ids_key = NULL;
    int rc = RASAD_OK;

    *out = NULL;
    *out_n = 0;
    if (tr->nsent == 0)
        return RASAD_INVAL;
    memset(&w, 0, sizeof w);
    if (tr->ids)
        return RASAD_INVAL; /* run once per trainer */
    if ((rc = rasad__ner_prepare(tr, NULL)) != RASAD_OK)
        return rc;
    if ((rc = rasad__ner_assign_ids(tr, min_count, &ids_key, &w.nfeat)) != RASAD_OK)
        return rc;
    unsigned runs = opts && opts->runs ? opts->runs : 1;
    rasad_ner_train_opts o = opts ? *opts : (rasad_ner_train_opts){ 0, 0, 0, 0 };
    uint64_t seed0 = o.seed ? o.seed : 0x9E3779B97F4A7C15ull;
    if (tr->mem_epochs && tr->nsent >= 2) {
        if ((rc = memory_pass(tr, &o, min_count, progress, ctx, &ids_key, &w.nfeat)) != RASAD_OK) {
            rasad_free(ids_key);
            return rc;
        }
    }
    for (unsigned r = 0; r < runs && rc == RASAD_OK; r++) {
        ner_weights one;
        memset(&one, 0, sizeof one);
        one.nfeat = w.nfeat;
        o.seed = seed0 + 0x632BE59BD9B4E019ull * r;
        if ((rc = rasad__ner_learn(tr, &o, progress, ctx, r == 0 ? &w : &one)) != RASAD_OK)
            break;
        if (r == 0)
            continue;
        for (size_t i = 0; i < (size_t)w.nfeat * NT; i++)
            w.em[i] += one.em[i];
        for (unsigned t = 0; t < NT; t++) {
            w.start[t] += one.start[t];
            w.stop[t] += one.stop[t];
        }
        for (unsigned t = 0; t < NT * NT; t++)
            w.trans[t] += one.trans[t];
        rasad_free(one.em);
    }
    /* the sum of the runs: scaling by 1/runs changes nothing (the unit
     * absorbs it), so the sum is quantized as it is */
    if (rc == RASAD_OK)
        rc = rasad__ner_write(&w, ids_key, &tr->cl, &tr->mg, out, out_n);
    rasad_free(w.em);
    rasad_free(ids_key);
    return rc;
}
