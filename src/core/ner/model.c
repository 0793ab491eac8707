/* model.c - reads a model file and checks every part of it before use: a
 * model is a file read at run time, so nothing in it is trusted. The
 * format (little-endian; docs/ner.md):
 *
 *   0   8  magic "RASADNER"
 *   8   4  format version (3)
 *   12  4  tags (RASAD_NER_NTAGS)
 *   16  4  features F
 *   20  4  pairs P
 *   24  4  feature-set version (RASAD__NER_FX_VERSION)
 *   28  4  clustered words W
 *   32  4  gazetteer entries G
 *   36  4  words in the longest gazetteer entry L (0 when G is 0, else 1..6)
 *   40     start[T], stop[T], trans[T*T]: int32, in weight units
 *          weight unit: float32 (4 bytes, finite, > 0)
 *          clusters: W x (uint64 form hash, strictly increasing; then
 *          RASAD__NER_NLEV uint16 clusters, coarse to fine)
 *          gazetteer: G uint64 sequence hashes, strictly increasing, not 0;
 *          then G uint8 class masks, each 1 .. 2^MGAZ_NCLASSES - 1
 *          keys: F uint64, strictly increasing
 *          counts: F uint8, each 1..T
 *          tags: P uint8, increasing within a feature, each < T
 *          weights: P int16
 *          checksum: uint64 FNV-1a of every byte before it */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "ner_internal.h"

#define CL_BYTES (8 + 2 * RASAD__NER_NLEV) /* one clustered word in the file */

static size_t index_of(uint64_t key, uint64_t mask)
{
    return (size_t)((key ^ (key >> 31)) & mask);
}

uint32_t rasad__ner_model_find(const rasad_ner_model *m, uint64_t key)
{
    size_t i = index_of(key, m->mask);
    const ner_slot *s;
    while ((s = &m->slot[i])->feat != 0) {
        if (s->key == key)
            return s->feat - 1;
        i = (i + 1) & m->mask;
    }
    return UINT32_MAX;
}

void rasad_ner_model_free(rasad_ner_model *m)
{
    if (!m)
        return;
    rasad_free(m->keys);
    rasad_free(m->off);
    rasad_free(m->ptag);
    rasad_free(m->pw);
    rasad_free(m->slot);
    rasad__ner_clusters_release(&m->cl);
    rasad__ner_mgaz_release(&m->mg);
    rasad_free(m);
}

size_t rasad_ner_model_features(const rasad_ner_model *m)
{
    return m ? m->nfeat : 0;
}

static int fail(rasad_ner_model *m, int rc, rasad_ner_model **out)
{
    rasad_ner_model_free(m);
    *out = NULL;
    return rc;
}

int rasad_ner_model_parse(const void *data, size_t n, rasad_ner_model **out)
{
    const unsigned char *p = data;
    const size_t trans_bytes = (2 * NT + NT * NT) * 4;
    rasad_ner_model *m;
    uint64_t nfeat, npairs, nwords, ngaz, gazlen, need, cap = 1;
    float unit;

    *out = NULL;
    if (!p || n < RASAD__NER_HEADER + trans_bytes + 4 + 8 ||
        memcmp(p, RASAD__NER_MAGIC, 8) != 0)
        return RASAD_PARSE;
    if (n > RASAD_NER_MAX_MODEL)
        return RASAD_TOOBIG;
    if (ner_get32(p + 8) != RASAD__NER_VERSION || ner_get32(p + 24) != RASAD__NER_FX_VERSION)
        return RASAD_UNSUPPORTED;
    if (ner_get32(p + 12) != NT)
        return RASAD_PARSE;
    nfeat = ner_get32(p + 16);
    npairs = ner_get32(p + 20);
    nwords = ner_get32(p + 28);
    ngaz = ner_get32(p + 32);
    gazlen = ner_get32(p + 36);
    if ((ngaz == 0) != (gazlen == 0) || gazlen > RASAD__NER_MGAZ_MAXLEN)
        return RASAD_PARSE;
    need = RASAD__NER_HEADER + trans_bytes + 4 + nwords * CL_BYTES + ngaz * 9 + nfeat * 9 +
           npairs * 3 + 8;
    if (need != n)
        return RASAD_PARSE;
    if (ner_get64(p + n - 8) != rasad__fnv1a(p, n - 8, RASAD__FNV_SEED))
        return RASAD_PARSE;

    if (!(m = rasad_malloc(sizeof *m)))
        return RASAD_NOMEM;
    memset(m, 0, sizeof *m);
    m->nfeat = (uint32_t)nfeat;
    m->npairs = (uint32_t)npairs;

    const unsigned char *q = p + RASAD__NER_HEADER;
    uint32_t ubits = ner_get32(q + trans_bytes);
    memcpy(&unit, &ubits, sizeof unit);
    if (!isfinite(unit) || !(unit > 0))
        return fail(m, RASAD_PARSE, out);
    for (unsigned t = 0; t < NT; t++) {
        m->start[t] = (int32_t)ner_get32(q + 4 * t) * (double)unit;
        m->stop[t] = (int32_t)ner_get32(q + 4 * (NT + t)) * (double)unit;
    }
    for (unsigned t = 0; t < NT * NT; t++)
        m->trans[t] = (int32_t)ner_get32(q + 4 * (2 * NT + t)) * (double)unit;
    q += trans_bytes + 4;

    if (nwords > 0) {
        ner_clusters *cl = &m->cl;
        cl->hash = rasad_malloc(nwords * sizeof *cl->hash);
        int nomem = !cl->hash;
        for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
            nomem |= !(cl->c[l] = rasad_malloc(nwords * sizeof *cl->c[l]));
        if (nomem)
            return fail(m, RASAD_NOMEM, out);
        for (uint64_t w = 0; w < nwords; w++, q += CL_BYTES) {
            cl->hash[w] = ner_get64(q);
            for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
                cl->c[l][w] = (uint16_t)(q[8 + 2 * l] | q[9 + 2 * l] << 8);
            if (w > 0 && cl->hash[w] <= cl->hash[w - 1])
                return fail(m, RASAD_PARSE, out);
        }
        cl->n = nwords;
        if (rasad__ner_clusters_index(cl) != RASAD_OK)
            return fail(m, RASAD_NOMEM, out);
    }

    if (ngaz > 0) {
        ner_mgaz *g = &m->mg;
        if (!(g->hash = rasad_malloc(ngaz * sizeof *g->hash)) ||
            !(g->mask = rasad_malloc(ngaz)))
            return fail(m, RASAD_NOMEM, out);
        for (uint64_t e = 0; e < ngaz; e++) {
            g->hash[e] = ner_get64(q + 8 * e);
            g->mask[e] = q[8 * ngaz + e];
            if (g->hash[e] == 0 || (e > 0 && g->hash[e] <= g->hash[e - 1]) ||
                g->mask[e] == 0 || g->mask[e] >= 1u << MGAZ_NCLASSES)
                return fail(m, RASAD_PARSE, out);
        }
        q += ngaz * 9;
        g->n = ngaz;
        g->maxlen = (unsigned)gazlen;
        if (rasad__ner_mgaz_index(g) != RASAD_OK)
            return fail(m, RASAD_NOMEM, out);
    }

    while (cap < 2 * nfeat + 2)
        cap *= 2;
    m->mask = cap - 1;
    m->keys = rasad_malloc(nfeat * sizeof *m->keys);
    m->off = rasad_malloc((nfeat + 1) * sizeof *m->off);
    m->ptag = rasad_malloc(npairs);
    m->pw = rasad_malloc(npairs * sizeof *m->pw);
    m->slot = rasad_malloc(cap * sizeof *m->slot);
    if (!m->keys || !m->off || !m->ptag || !m->pw || !m->slot)
        return fail(m, RASAD_NOMEM, out);
    memset(m->slot, 0, cap * sizeof *m->slot);

    const unsigned char *keys = q, *counts = q + nfeat * 8, *tags = counts + nfeat;
    const unsigned char *weights = tags + npairs;
    uint64_t pos = 0;
    for (uint64_t f = 0; f < nfeat; f++) {
        unsigned c = counts[f];
        m->keys[f] = ner_get64(keys + 8 * f);
        if (f > 0 && m->keys[f] <= m->keys[f - 1])
            return fail(m, RASAD_PARSE, out);
        if (c < 1 || c > NT || pos + c > npairs)
            return fail(m, RASAD_PARSE, out);
        m->off[f] = (uint32_t)pos;
        for (unsigned j = 0; j < c; j++) {
            unsigned t = tags[pos + j];
            if (t >= NT || (j > 0 && t <= tags[pos + j - 1]))
                return fail(m, RASAD_PARSE, out);
            m->ptag[pos + j] = (uint8_t)t;
            m->pw[pos + j] = (int16_t)(weights[2 * (pos + j)] | weights[2 * (pos + j) + 1] << 8);
        }
        pos += c;
        size_t i = index_of(m->keys[f], m->mask);
        while (m->slot[i].feat)
            i = (i + 1) & m->mask;
        m->slot[i].key = m->keys[f];
        m->slot[i].feat = (uint32_t)(f + 1);
    }
    if (pos != npairs)
        return fail(m, RASAD_PARSE, out);
    m->off[nfeat] = (uint32_t)pos;
    /* Weights in the file are in units; the tagger adds them as integers
     * and scales once per token (tagger.c). */
    m->unit = unit;
    *out = m;
    return RASAD_OK;
}

int rasad_ner_model_load(const char *path, rasad_ner_model **out)
{
    FILE *f;
    unsigned char *buf;
    long size;
    int rc;

    *out = NULL;
    if (!path)
        return RASAD_INVAL;
    if (!(f = fopen(path, "rb")))
        return errno == ENOENT ? RASAD_NOTFOUND : RASAD_IO;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return RASAD_IO;
    }
    if ((unsigned long)size > RASAD_NER_MAX_MODEL) {
        fclose(f);
        return RASAD_TOOBIG;
    }
    if (!(buf = rasad_malloc((size_t)size + 1))) {
        fclose(f);
        return RASAD_NOMEM;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size || ferror(f)) {
        fclose(f);
        rasad_free(buf);
        return RASAD_IO;
    }
    fclose(f);
    rc = rasad_ner_model_parse(buf, (size_t)size, out);
    rasad_free(buf);
    return rc;
}
