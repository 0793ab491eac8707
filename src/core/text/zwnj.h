/* zwnj.h - where ZWNJ (U+200C) belongs: rules and lexicon (internal).
 *
 * The normalizer's character pass runs first, so the text given here has
 * Persian letters (no Arabic ي ك, no presentation forms, no harakat), one
 * ASCII space between words, and no ZWNJ that is repeated, at a word's edge
 * or beside a space. The planner reads it and says what to change; the
 * normalizer applies the edits (and keeps its offset map). */
#ifndef RASAD_ZWNJ_H
#define RASAD_ZWNJ_H

#include <stddef.h>

enum rasad__zwnj_op {
    RASAD__ZW_INSERT = 1,     /* insert U+200C before byte pos (pos is between two letters of one word) */
    RASAD__ZW_SPACE_TO_ZWNJ,  /* the ASCII space at byte pos becomes U+200C */
    RASAD__ZW_SPACE_DROP,     /* the ASCII space at byte pos is removed (the letter before it does not join) */
};

typedef struct rasad__zwnj_edit {
    size_t pos; /* byte offset in the planned text */
    int op;     /* enum rasad__zwnj_op */
} rasad__zwnj_edit;

/* Plans the ZWNJ edits for p[0..n). Writes them to edits, which the caller
 * sizes for n + 1 entries, in strictly increasing pos order, and returns how
 * many it wrote. Pure: no allocation, no state, safe from any thread. */
size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits);

/* A cache for the planner: what planning each recent chunk (a word and the
 * punctuation glued to it) gave, by the chunk's bytes (a fixed 512 KiB,
 * never more). Owned by one normalizer and used by one thread at a time,
 * as the normalizer is. */
typedef struct rasad__zwnj_cache rasad__zwnj_cache;

/* Returns a new empty cache (the caller frees it with
 * rasad__zwnj_cache_free), or NULL when out of memory. */
rasad__zwnj_cache *rasad__zwnj_cache_new(void);
void rasad__zwnj_cache_free(rasad__zwnj_cache *c);

/* rasad__zwnj_plan() through cache c (NULL: none), which it updates. The
 * edits are the same as rasad__zwnj_plan()'s. */
size_t rasad__zwnj_plan_cached(rasad__zwnj_cache *c, const char *p, size_t n,
                               rasad__zwnj_edit *edits);

/* rasad__zwnj_plan_cached(), which also says where the chunks (runs of
 * bytes >= 0x80) that are one word are: letters (rasad__zw_letter_at) and
 * ZWNJs between letters, from the chunk's first byte to its last. Each is
 * two entries of words, in order: its [start, end) in the text once the
 * edits are made, plus base. The caller sizes words for n + 2 entries.
 * Sets *nwords to the number of such chunks. The edits never split such a
 * chunk (they insert ZWNJs between its letters, or join it to the word
 * before across the space), which the tokenizer uses: the chunk is one
 * token from its first byte on. */
size_t rasad__zwnj_plan_words(rasad__zwnj_cache *c, const char *p, size_t n,
                              rasad__zwnj_edit *edits, size_t *words, size_t base,
                              size_t *nwords);

#endif
