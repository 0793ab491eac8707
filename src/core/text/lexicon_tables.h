/* lexicon_tables.h - layout of the word tables that tools/gen_zwnj_lexicon.py
 * writes at build time (internal; only lexicon.c and the generated file
 * include it).
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
extern const uint32_t rasad__zw_mask;    /* slot count - 1 (a power of two) */
extern const uint64_t rasad__zw_bloom[]; /* RASAD__ZW_BLOOM_BITS bits; both bits set when k may be a zw key */

#define RASAD__ZW_BLOOM_BITS (1u << 20)

#define RASAD__LEX_SLOT_OFF(s) ((s) >> 8)
#define RASAD__LEX_SLOT_LEN(s) ((s) & 0xffu)

/* FNV-1a, 32 bits. */
static inline uint32_t rasad__lex_hash_step(uint32_t h, unsigned char b)
{
    return (h ^ b) * 16777619u;
}

#define RASAD__LEX_HASH_INIT 2166136261u

/* Looks k[0..n) (no ZWNJ) up in the trusted ZWNJ words. Returns the stored
 * word (with its ZWNJs; points into the const blob, never freed) and sets
 * *len, or returns NULL. */
const char *rasad__zw_lookup(const char *k, size_t n, size_t *len);

#endif
