/* lexicon.c - membership in the myspell-fa word list (tables generated at
 * build time by tools/gen_zwnj_lexicon.py; layout in lexicon_tables.h). */
#include "lexicon.h"

#include <string.h>

#include "lexicon_tables.h"

int rasad__lex_contains(const char *w, size_t n)
{
    if (n == 0 || n > 0xff)
        return 0;
    uint32_t h = RASAD__LEX_HASH_INIT;
    for (size_t i = 0; i < n; i++)
        h = rasad__lex_hash_step(h, (unsigned char)w[i]);
    for (uint32_t i = h & rasad__lex_mask;; i = (i + 1) & rasad__lex_mask) {
        uint32_t s = rasad__lex_slot[i];
        if (s == 0)
            return 0;
        if (RASAD__LEX_SLOT_LEN(s) == n &&
            memcmp(rasad__lex_blob + RASAD__LEX_SLOT_OFF(s), w, n) == 0)
            return 1;
    }
}

/* Compares key k[0..n) with blob word w[0..wn) read without its ZWNJs. */
static int equal_without_zwnj(const char *k, size_t n, const char *w, size_t wn)
{
    size_t i = 0;
    for (size_t j = 0; j < wn; j++) {
        if (j + 2 < wn && (unsigned char)w[j] == 0xe2 &&
            (unsigned char)w[j + 1] == 0x80 && (unsigned char)w[j + 2] == 0x8c) {
            j += 2;
            continue;
        }
        if (i == n || k[i] != w[j])
            return 0;
        i++;
    }
    return i == n;
}

const char *rasad__zw_lookup(const char *k, size_t n, size_t *len)
{
    if (n == 0 || n > 0xff)
        return NULL;
    uint32_t h = RASAD__LEX_HASH_INIT;
    for (size_t i = 0; i < n; i++)
        h = rasad__lex_hash_step(h, (unsigned char)k[i]);
    uint32_t b1 = h & (RASAD__ZW_BLOOM_BITS - 1);
    uint32_t b2 = ((h >> 16) | (h << 16)) & (RASAD__ZW_BLOOM_BITS - 1);
    if (!((rasad__zw_bloom[b1 >> 6] >> (b1 & 63)) & 1) ||
        !((rasad__zw_bloom[b2 >> 6] >> (b2 & 63)) & 1))
        return NULL;
    for (uint32_t i = h & rasad__zw_mask;; i = (i + 1) & rasad__zw_mask) {
        uint32_t s = rasad__zw_slot[i];
        if (s == 0)
            return NULL;
        size_t wn = RASAD__LEX_SLOT_LEN(s);
        const char *w = rasad__lex_blob + RASAD__LEX_SLOT_OFF(s);
        if (wn > n && equal_without_zwnj(k, n, w, wn)) {
            *len = wn;
            return w;
        }
    }
}
