/* lsh.c - the banded LSH index: one open-addressing table for all bands,
 * (band, band key) -> the last document with that key, and per document
 * and band a link to the previous one, so each key has a chain.
 *
 * A slot is 8 bytes: a 32-bit tag (the key's top 24 bits and the band) and
 * the head document + 1. Two keys of one band with the same top 24 bits
 * share a chain: their documents are extra candidates, which the exact
 * Jaccard check sorts out; a chain never mixes bands, so no candidate is
 * lost. Links always point to earlier documents, so chains end. */
#include <string.h>
#include "rasad/alloc.h"
#include "dedup_internal.h"

#define TAG_OF(slot) ((uint32_t)((slot) >> 32))
#define HEAD_OF(slot) ((uint32_t)(slot))

void rasad__lsh_init(rasad__lsh *l, unsigned bands)
{
    memset(l, 0, sizeof *l);
    l->bands = bands;
}

void rasad__lsh_release(rasad__lsh *l)
{
    rasad_free(l->slot);
    rasad_free(l->next);
    rasad__lsh_init(l, l->bands);
}

static uint32_t tag_of(uint64_t key, unsigned band)
{
    return (uint32_t)(key >> 40) << 8 | (band & 0xFFu);
}

/* Where tag lives, or the empty slot where it would go. */
static size_t find(const uint64_t *slot, size_t cap, uint32_t tag)
{
    size_t mask = cap - 1;
    size_t i = (size_t)(((uint64_t)tag * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (slot[i] && TAG_OF(slot[i]) != tag)
        i = (i + 1) & mask;
    return i;
}

static int rehash(rasad__lsh *l, size_t cap)
{
    uint64_t *ns = rasad_malloc(cap * sizeof *ns);
    if (!ns)
        return RASAD_NOMEM;
    memset(ns, 0, cap * sizeof *ns);
    for (size_t i = 0; i < l->cap; i++)
        if (l->slot[i])
            ns[find(ns, cap, TAG_OF(l->slot[i]))] = l->slot[i];
    rasad_free(l->slot);
    l->slot = ns;
    l->cap = cap;
    return RASAD_OK;
}

int rasad__lsh_reserve(rasad__lsh *l)
{
    if (l->ndocs >= UINT32_MAX - 1)
        return RASAD_TOOBIG;
    if ((l->used + l->bands) * 2 > l->cap) {
        size_t cap = l->cap ? l->cap : 1024;
        while ((l->used + l->bands) * 2 > cap)
            cap *= 2;
        if (rehash(l, cap) != RASAD_OK)
            return RASAD_NOMEM;
    }
    if (l->ndocs == l->nextcap) {
        size_t c = l->nextcap ? l->nextcap * 2 : 1024;
        uint32_t *nn = rasad_realloc(l->next, c * l->bands * sizeof *nn);
        if (!nn)
            return RASAD_NOMEM;
        l->next = nn;
        l->nextcap = c;
    }
    return RASAD_OK;
}

void rasad__lsh_insert(rasad__lsh *l, const uint64_t *keys)
{
    uint32_t doc = (uint32_t)l->ndocs;
    for (unsigned j = 0; j < l->bands; j++) {
        uint32_t tag = tag_of(keys[j], j);
        size_t i = find(l->slot, l->cap, tag);
        uint64_t s = l->slot[i];
        l->next[(size_t)doc * l->bands + j] = s ? HEAD_OF(s) : 0;
        if (!s)
            l->used++;
        l->slot[i] = (uint64_t)tag << 32 | (uint64_t)(doc + 1);
    }
    l->ndocs++;
}

void rasad__lsh_each(const rasad__lsh *l, const uint64_t *keys,
                     void (*fn)(void *ctx, uint32_t doc), void *ctx)
{
    if (!l->cap)
        return;
    for (unsigned j = 0; j < l->bands; j++) {
        size_t i = find(l->slot, l->cap, tag_of(keys[j], j));
        uint32_t d = l->slot[i] ? HEAD_OF(l->slot[i]) : 0;
        while (d) {
            fn(ctx, d - 1);
            d = l->next[(size_t)(d - 1) * l->bands + j];
        }
    }
}

size_t rasad__lsh_bytes(const rasad__lsh *l)
{
    return l->cap * sizeof *l->slot + l->nextcap * l->bands * sizeof *l->next;
}
