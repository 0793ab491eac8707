/* norm_internal.h - the normalizer's object and its passes (internal). */
#ifndef RASAD_NORM_INTERNAL_H
#define RASAD_NORM_INTERNAL_H

#include "rasad/text.h"
#include "zwnj.h"

/* A growing output: text plus, when map is non-NULL, one source offset per
 * byte. Owned by the normalizer that holds it. */
typedef struct rasad__nout {
    char *p;       /* bytes (NUL-terminated after a pass) */
    uint32_t *map; /* map[i]: source offset of byte i; NULL when not wanted */
    size_t n;      /* bytes used */
    size_t cap;    /* bytes allocated (map has cap + 1 entries) */
} rasad__nout;

struct rasad_norm {
    unsigned flags;            /* RASAD_NORM_* */
    int want_map;              /* build offset maps on this call */
    rasad__nout a;             /* character pass output */
    rasad__nout b;             /* after ZWNJ edits */
    rasad__zwnj_edit *edits;   /* scratch for the ZWNJ planner */
    size_t edits_cap;          /* entries allocated in edits */
    rasad__zwnj_cache *zcache; /* the planner's chunk cache (owned); NULL until
                                  RASAD__ZC_AFTER bytes were planned */
    uint64_t planned;          /* bytes given to the planner so far */
    int want_words;            /* fill words (set by the tokenizer) */
    size_t *words;             /* after a run with want_words and the planner: the
                                  chunks of the result that are one word, [start, end)
                                  byte pairs in order (rasad__zwnj_plan_words) */
    size_t nwords;             /* pairs in words; valid when words_ok */
    size_t words_cap;          /* entries allocated in words */
    int words_ok;              /* words describes the last run's result */
    rasad_norm_stats stats;    /* cumulative counters */
    uint16_t fast[256];        /* U+0600+k -> its two output bytes when it is a letter that
                                  stays a two-byte letter under flags; 0 = slow path */
    uint16_t fast_props[256];  /* props of that output letter */
    unsigned char fast_pair[1024][2]; /* [(b0 - 0xD8) << 8 | b1]: the output bytes of the
                                  two-byte letter b0 b1, or 0 0 (slow path, or b1 is not
                                  a continuation byte) */
    int fast_space;            /* the fast path keeps one ASCII space between two fast
                                  letters (RASAD_NORM_SPACE, and no fast letter is
                                  opening punctuation) */
};

/* The planner's chunk cache is made once a normalizer has planned this many
 * bytes: a one-shot rasad_normalize() of a short text never pays for it. */
#define RASAD__ZC_AFTER 65536u

/* Fills nm->fast, nm->fast_props, nm->fast_pair and nm->fast_space for
 * nm->flags. */
void rasad__norm_fast_init(rasad_norm *nm);

/* Makes room for `more` bytes in o. Returns RASAD_OK or RASAD_NOMEM. */
int rasad__nout_reserve(rasad__nout *o, size_t more, int want_map);
void rasad__nout_release(rasad__nout *o);

/* The character pass: letters, marks, spaces, digits, punctuation spacing,
 * ZWNJ cleanup. Appends the result of p[0..n) to nm->a (emptied first);
 * map entries are offsets into p. Returns RASAD_OK or RASAD_NOMEM. */
int rasad__norm_chars(rasad_norm *nm, const char *p, size_t n);

/* Applies the ZWNJ planner to nm->a line by line. When some line has an
 * edit, writes the result to nm->b (with the map composed through nm->a's)
 * and sets *changed; otherwise nm->a is the result and *changed is 0.
 * Returns RASAD_OK or RASAD_NOMEM. */
int rasad__norm_zwnj(rasad_norm *nm, int *changed);

#endif
