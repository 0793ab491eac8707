/* lexicon_tables.h - layout of the word tables that tools/gen_zwnj_lexicon.py
 * writes at build time, and the lookups over them (internal; only lexicon.c,
 * the ZWNJ planner and the generated file include it).
 *
 * All tables are const data in the generated translation unit: no runtime
 * initialisation, no mutable state. Words are normalized UTF-8 (Persian
 * letters, ZWNJ U+200C where the word has it) stored back to back in one blob;
 * a slot is (offset << 8 | length) into that blob, and 0 marks an empty slot.
 * Both hash tables use open addressing with linear probing and the hash
 * below, which the generator computes the same way. */
#ifndef RASAD_LEXICON_TABLES_H
#define RASAD_LEXICON_TABLES_H

#include <stddef.h>
#include <stdint.h>

extern const char rasad__lex_blob[];     /* every word, concatenated */
extern const uint32_t rasad__lex_slot[]; /* all words, keyed by their bytes */
extern const uint32_t rasad__lex_mask;   /* slot count - 1 (a power of two) */
extern const uint32_t rasad__zw_slot[];  /* ZWNJ words rasad trusts, keyed by their bytes without ZWNJ */
extern const uint8_t rasad__zw_flag[];   /* per zw slot: RASAD__ZW_SPLIT | RASAD__ZW_PAIR */
extern const uint32_t rasad__zw_mask;    /* slot count - 1 (a power of two) */
extern const uint64_t rasad__zw_bloom[]; /* RASAD__ZW_BLOOM_BITS bits; both bits set when k may be a zw key */
extern const uint64_t rasad__zw_pair_filter[]; /* RASAD__ZW_PAIR_WORDS words; see rasad__zw_pair_may */
extern const uint64_t rasad__zw_pair_first[];  /* RASAD__ZW_PART_BITS bits; rasad__zw_part_may */
extern const uint64_t rasad__zw_pair_second[]; /* the same for second parts */
extern const uint32_t rasad__zw_news[][3];     /* learned spellings: key hash, check hash, info */
extern const uint32_t rasad__zw_news_mask;     /* news slot count - 1 (a power of two) */

#define RASAD__ZW_BLOOM_BITS (1u << 20)
#define RASAD__ZW_PAIR_WORDS (1u << 14)
#define RASAD__ZW_PART_BITS (1u << 16)

#define RASAD__ZW_SPLIT 1u /* joined form is no word of the list: restore inside a word */
#define RASAD__ZW_PAIR 2u  /* two parts, one bound or productive: join across a space */
#define RASAD__ZW_LEARNED 4u /* a spelling learned from news (never in a table's flag byte) */

#define RASAD__LEX_SLOT_OFF(s) ((s) >> 8)
#define RASAD__LEX_SLOT_LEN(s) ((s) & 0xffu)

#define RASAD__LEX_HASH_INIT 2166136261u
/* The news table's second hash starts here (tools/learn_zwnj_news.py). */
#define RASAD__ZW_NEWS_CHECK_INIT 0x9747b28cu

/* FNV-1a over two-byte units (a Persian letter is two bytes), then one byte
 * for an odd tail. Feeding a then b gives the hash of a + b when a has an
 * even length, which the planner uses to hash two words without copying.
 * One step of it: the two-byte unit at p. */
static inline uint32_t rasad__lex_hash_unit(uint32_t h, const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (h ^ ((uint32_t)u[0] | (uint32_t)u[1] << 8)) * 16777619u;
}

static inline uint32_t rasad__lex_hash_more(uint32_t h, const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i = 0;
    for (; i + 1 < n; i += 2)
        h = rasad__lex_hash_unit(h, p + i);
    if (n & 1)
        h = (h ^ u[n - 1]) * 16777619u;
    return h;
}

/* Mixes the state so that its low bits (slot, filter bit) depend on all. */
static inline uint32_t rasad__lex_hash_final(uint32_t h)
{
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

/* May a zw key a + b hold a + ZWNJ + b with the PAIR flag? 0 means surely
 * not. ha and hb are the final hashes (rasad__lex_hash_final) of a and b;
 * the filter is one word with two bits per pair (the generator's
 * pair_bits()). */
static inline int rasad__zw_pair_may(uint32_t ha, uint32_t hb)
{
    uint32_t k = (ha * 0x9e3779b1u) ^ hb;
    k = (k ^ (k >> 16)) * 0x85ebca6bu;
    k ^= k >> 13;
    uint64_t bits = (1ull << (k & 63)) | (1ull << ((k >> 6) & 63));
    return (rasad__zw_pair_filter[k >> 18] & bits) == bits;
}

/* May a word whose final hash is h be the first (bits rasad__zw_pair_first)
 * or second part (rasad__zw_pair_second) of a PAIR entry? 0 means surely
 * not, and then no PAIR entry joins it with any word: the pair filter and
 * the lookup can be skipped. A filter of one word (8 KiB), so its answer
 * can be kept with the word. */
static inline int rasad__zw_part_may(const uint64_t *bits, uint32_t h)
{
    uint32_t b = h & (RASAD__ZW_PART_BITS - 1);
    return (int)((bits[b >> 6] >> (b & 63)) & 1u);
}

/* May k be a zw key? h is its final hash; 0 means surely not. */
static inline int rasad__zw_bloom_may(uint32_t h)
{
    uint32_t b1 = h & (RASAD__ZW_BLOOM_BITS - 1);
    uint32_t b2 = ((h >> 16) | (h << 16)) & (RASAD__ZW_BLOOM_BITS - 1);
    return ((rasad__zw_bloom[b1 >> 6] >> (b1 & 63)) & 1) &&
           ((rasad__zw_bloom[b2 >> 6] >> (b2 & 63)) & 1);
}

/* Bytes of a word with its ZWNJs: a key of up to 255 bytes and three. */
#define RASAD__ZW_HIT_MAX (255 + 3 * 3)

typedef struct rasad__zw_hit {
    const char *w; /* the word with its ZWNJs: in the const blob, or own[] for
                    * a spelling learned from news; never freed */
    size_t n;      /* its length in bytes */
    unsigned flags; /* RASAD__ZW_SPLIT | RASAD__ZW_PAIR | RASAD__ZW_LEARNED */
    char own[RASAD__ZW_HIT_MAX]; /* a learned word, written out (w points here) */
} rasad__zw_hit;

/* Looks the key a[0..an) + b[0..bn) (no ZWNJ; bn may be 0) up in the
 * trusted ZWNJ words, and a key with no b in the spellings learned from news
 * too (RASAD__ZW_SPLIT | RASAD__ZW_LEARNED; hit->w then points into hit->own, so *hit must
 * outlive its use of w). h is rasad__lex_hash_more() of the key from
 * RASAD__LEX_HASH_INIT, before rasad__lex_hash_final(). Returns 1 and fills
 * *hit when found, 0 otherwise. Pure and thread-safe. */
int rasad__zw_find(uint32_t h, const char *a, size_t an, const char *b,
                   size_t bn, rasad__zw_hit *hit);

/* Is a[0..n) (no ZWNJ) a word that writers who type ZWNJs keep joined in
 * the news (میانی, رهگیری), so that no rule may split it? h is the key's
 * final hash (rasad__lex_hash_final). Pure and thread-safe. */
int rasad__zw_news_kept(uint32_t h, const char *a, size_t n);

#endif
