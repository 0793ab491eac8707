/* norm_tables.h - the generated character tables of the normalizer
 * (internal). The data is in norm_tables.c, written by
 * tools/gen_norm_tables.py from data/persian_norm.tsv. */
#ifndef RASAD_NORM_TABLES_H
#define RASAD_NORM_TABLES_H

#include <stdint.h>
#include "rasad/text.h"

enum rasad__norm_kind {
    RASAD__NK_KEEP,  /* copied as it is */
    RASAD__NK_MAP,   /* replaced by pool[off .. off+len) */
    RASAD__NK_DROP,  /* removed */
    RASAD__NK_SPACE, /* one ASCII space (runs collapse) */
    RASAD__NK_DIGIT, /* a digit; len holds its value */
    RASAD__NK_ZWNJ,  /* U+200C, kept only between two letters of one word */
    RASAD__NK_ZWJ,   /* U+200D, removed */
    RASAD__NK_PUNCT, /* punctuation with spacing classes in props */
    RASAD__NK_HAMZA, /* U+0653..U+0655: composes with the letter before */
};

/* Property bits of a character (of its output, for maps). */
enum rasad__norm_prop {
    RASAD__P_LETTER  = 1 << 0, /* Arabic-script letter */
    RASAD__P_JOIN    = 1 << 1, /* joins the letter after it (dual-joining) */
    RASAD__P_CLOSE   = 1 << 2, /* no space before it */
    RASAD__P_OPEN    = 1 << 3, /* no space after it */
    RASAD__P_AFTER   = 1 << 4, /* a space between it and a following Persian letter */
    RASAD__P_BEFORE  = 1 << 5, /* a space between a preceding Persian letter and it */
    RASAD__P_DECIMAL = 1 << 6, /* a decimal mark when between two digits */
    RASAD__P_GROUP   = 1 << 7, /* a thousands separator when between two digits */
    RASAD__P_LATIN   = 1 << 8, /* ASCII , ; ? that becomes Persian after a Persian letter */
    RASAD__P_HAMZA   = 1 << 9, /* U+0653..U+0655: composes with the letter before */
};

typedef struct rasad__norm_entry {
    uint8_t kind;   /* enum rasad__norm_kind */
    uint8_t len;    /* output bytes in the pool (MAP) or digit value (DIGIT) */
    uint16_t props; /* enum rasad__norm_prop bits */
    uint16_t flag;  /* the RASAD_NORM_* flag that enables the action; 0 = always */
    uint16_t off;   /* offset of the output in rasad__norm_pool */
} rasad__norm_entry;

extern const rasad__norm_entry rasad__norm_entries[];
/* Bit (b1 & 0x3F) of word (b0 - 0xD8) is set when the two-byte letter b0 b1
 * is copied as it is (a plain Arabic-script letter). */
extern const uint64_t rasad__norm_plain_arabic[4];
extern const uint8_t rasad__norm_stage1[256];
extern const uint16_t rasad__norm_stage2[][256];
extern const unsigned char rasad__norm_pool[];

/* Returns the entry of cp (entry 0, a plain character, past the BMP). */
static inline const rasad__norm_entry *rasad__norm_lookup(uint32_t cp)
{
    if (cp > 0xFFFF)
        return &rasad__norm_entries[0];
    return &rasad__norm_entries[rasad__norm_stage2[rasad__norm_stage1[cp >> 8]][cp & 0xFF]];
}

#endif
