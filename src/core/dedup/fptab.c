/* fptab.c - exact fingerprints: fingerprint -> canonical id, open
 * addressing with linear probing (fingerprint 0 marks an empty slot). */
#include <string.h>
#include "rasad/alloc.h"
#include "dedup_internal.h"

void rasad__fptab_release(rasad__fptab *t)
{
    rasad_free(t->key);
    rasad_free(t->val);
    memset(t, 0, sizeof *t);
}

static size_t find(const uint64_t *key, size_t cap, uint64_t fp)
{
    size_t mask = cap - 1, i = (size_t)(fp ^ fp >> 29) & mask;
    while (key[i] && key[i] != fp)
        i = (i + 1) & mask;
    return i;
}

int rasad__fptab_get(const rasad__fptab *t, uint64_t fp, uint64_t *val)
{
    size_t i;
    if (!t->cap)
        return 0;
    i = find(t->key, t->cap, fp);
    if (!t->key[i])
        return 0;
    *val = t->val[i];
    return 1;
}

int rasad__fptab_reserve(rasad__fptab *t)
{
    size_t cap;
    uint64_t *nk, *nv;
    if ((t->used + 1) * 2 <= t->cap)
        return RASAD_OK;
    cap = t->cap ? t->cap * 2 : 1024;
    nk = rasad_malloc(cap * sizeof *nk);
    nv = rasad_malloc(cap * sizeof *nv);
    if (!nk || !nv) {
        rasad_free(nk);
        rasad_free(nv);
        return RASAD_NOMEM;
    }
    memset(nk, 0, cap * sizeof *nk);
    for (size_t i = 0; i < t->cap; i++)
        if (t->key[i]) {
            size_t j = find(nk, cap, t->key[i]);
            nk[j] = t->key[i];
            nv[j] = t->val[i];
        }
    rasad_free(t->key);
    rasad_free(t->val);
    t->key = nk;
    t->val = nv;
    t->cap = cap;
    return RASAD_OK;
}

void rasad__fptab_put(rasad__fptab *t, uint64_t fp, uint64_t val)
{
    size_t i = find(t->key, t->cap, fp);
    t->key[i] = fp;
    t->val[i] = val;
    t->used++;
}
