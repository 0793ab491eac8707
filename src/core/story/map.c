/* map.c - uint64 -> uint32 hash map, open addressing with linear probing
 * (internal to src/core/story). */
#include <string.h>
#include "rasad/alloc.h"
#include "story_internal.h"

void rasad__map_release(rasad__map *m)
{
    rasad_free(m->key);
    rasad_free(m->val);
    memset(m, 0, sizeof *m);
}

static size_t slot(const uint64_t *key, size_t cap, uint64_t k1)
{
    uint64_t h = k1 * 0x9e3779b97f4a7c15ull;
    size_t mask = cap - 1, i = (size_t)(h >> 32) & mask;
    while (key[i] && key[i] != k1)
        i = (i + 1) & mask;
    return i;
}

uint32_t *rasad__map_find(const rasad__map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t i = slot(m->key, m->cap, key + 1);
    return m->key[i] ? &m->val[i] : NULL;
}

static int grow(rasad__map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof(uint64_t))
        return RASAD_NOMEM;
    uint64_t *nk = rasad_malloc(cap * sizeof *nk);
    uint32_t *nv = rasad_malloc(cap * sizeof *nv);
    if (!nk || !nv) {
        rasad_free(nk);
        rasad_free(nv);
        return RASAD_NOMEM;
    }
    memset(nk, 0, cap * sizeof *nk);
    for (size_t i = 0; i < m->cap; i++)
        if (m->key[i]) {
            size_t j = slot(nk, cap, m->key[i]);
            nk[j] = m->key[i];
            nv[j] = m->val[i];
        }
    rasad_free(m->key);
    rasad_free(m->val);
    m->key = nk;
    m->val = nv;
    m->cap = cap;
    return RASAD_OK;
}

uint32_t *rasad__map_put(rasad__map *m, uint64_t key, uint32_t init, int *added)
{
    *added = 0;
    if ((m->used + 1) * 4 > m->cap * 3 && grow(m) != RASAD_OK)
        return NULL;
    size_t i = slot(m->key, m->cap, key + 1);
    if (!m->key[i]) {
        m->key[i] = key + 1;
        m->val[i] = init;
        m->used++;
        *added = 1;
    }
    return &m->val[i];
}
