/* lexicon.c - membership in the myspell-fa word list and lookups of the
 * trusted ZWNJ words (tables generated at build time by
 * tools/gen_zwnj_lexicon.py; layout in lexicon_tables.h). */
#include "lexicon.h"

#include <string.h>

#include "lexicon_tables.h"

int rasad__lex_contains(const char *w, size_t n)
{
    if (n == 0 || n > 0xff)
        return 0;
    uint32_t h = rasad__lex_hash_final(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, w, n));
    for (uint32_t i = h & rasad__lex_mask;; i = (i + 1) & rasad__lex_mask) {
        uint32_t s = rasad__lex_slot[i];
        if (s == 0)
            return 0;
        if (RASAD__LEX_SLOT_LEN(s) == n &&
            memcmp(rasad__lex_blob + RASAD__LEX_SLOT_OFF(s), w, n) == 0)
            return 1;
    }
}

/* Compares key a + b (an + bn bytes) with blob word w[0..wn) read without
 * its ZWNJs. */
static int equal_without_zwnj(const char *a, size_t an, const char *b, size_t bn,
                              const char *w, size_t wn)
{
    size_t i = 0;
    for (size_t j = 0; j < wn; j++) {
        if (j + 2 < wn && (unsigned char)w[j] == 0xe2 &&
            (unsigned char)w[j + 1] == 0x80 && (unsigned char)w[j + 2] == 0x8c) {
            j += 2;
            continue;
        }
        if (i == an + bn || (i < an ? a[i] : b[i - an]) != w[j])
            return 0;
        i++;
    }
    return i == an + bn;
}

/* The news table's entry for key a[0..n) (final hash h), or NULL. The
 * check hash makes a false match of two different keys a one in 2^32
 * chance per probe of a key whose hash and length match already. */
static const uint32_t *news_entry(uint32_t h, const char *a, size_t n)
{
    uint32_t c = 0;
    for (uint32_t i = h & rasad__zw_news_mask;; i = (i + 1) & rasad__zw_news_mask) {
        const uint32_t *e = rasad__zw_news[i];
        if (e[2] == 0)
            return NULL;
        if (e[0] != h || (e[2] & 0xffu) != n)
            continue;
        if (c == 0)
            c = rasad__lex_hash_final(rasad__lex_hash_more(RASAD__ZW_NEWS_CHECK_INIT, a, n));
        if (e[1] == c)
            return e;
    }
}

int rasad__zw_news_kept(uint32_t h, const char *a, size_t n)
{
    if (n == 0 || n > 0xff)
        return 0;
    const uint32_t *e = news_entry(h, a, n);
    return e && (e[2] >> 8) == 0;
}

/* Looks key a[0..n) up in the spellings learned from news (final hash h);
 * writes the word with its ZWNJs into hit->own. A word the news keeps
 * joined is no spelling here (rasad__zw_news_kept answers for it). */
static int news_find(uint32_t h, const char *a, size_t n, rasad__zw_hit *hit)
{
    const uint32_t *e = news_entry(h, a, n);
    if (!e || (e[2] >> 8) == 0)
        return 0;
    size_t at = 0, k = 0;
    for (uint32_t info = e[2] >> 8; info; info >>= 8) {
        size_t off = info & 0xffu; /* < n, increasing (the generator checks) */
        memcpy(hit->own + k, a + at, off - at);
        k += off - at;
        memcpy(hit->own + k, "\xE2\x80\x8C", 3);
        k += 3;
        at = off;
    }
    memcpy(hit->own + k, a + at, n - at);
    hit->w = hit->own;
    hit->n = k + n - at;
    hit->flags = RASAD__ZW_SPLIT | RASAD__ZW_LEARNED;
    return 1;
}

int rasad__zw_find(uint32_t h, const char *a, size_t an, const char *b,
                   size_t bn, rasad__zw_hit *hit)
{
    if (an + bn == 0 || an + bn > 0xff)
        return 0;
    h = rasad__lex_hash_final(h);
    if (!rasad__zw_bloom_may(h))
        return 0;
    for (uint32_t i = h & rasad__zw_mask;; i = (i + 1) & rasad__zw_mask) {
        uint32_t s = rasad__zw_slot[i];
        if (s == 0)
            return bn == 0 && news_find(h, a, an, hit);
        size_t wn = RASAD__LEX_SLOT_LEN(s);
        const char *w = rasad__lex_blob + RASAD__LEX_SLOT_OFF(s);
        if (wn > an + bn && equal_without_zwnj(a, an, b, bn, w, wn)) {
            hit->w = w;
            hit->n = wn;
            hit->flags = rasad__zw_flag[i];
            return 1;
        }
    }
}
