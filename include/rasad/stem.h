/* stem.h - the light Persian stemmer.
 *
 * Removes inflection only: plural (ها، های، هایی، ان، ات، ین), comparative and
 * superlative (تر، ترین), indefinite/ezafe ی and possessive clitics (م ت ش
 * مان تان شان، ‌ام ‌ات ‌اش), and the ezafe marks ِ ٔ ۀ. It never derives
 * (ایرانی stays ایرانی) and guards every ambiguous suffix with an exception
 * list, minimum stem lengths and the myspell-fa lexicon, so that ایران،
 * تهران، علی، خدا، آدم، ملی are left alone. Suffix order and guards are in
 * docs/sentence-stem.md.
 *
 * Input is one normalized word (Persian ی ک, ZWNJ where orthography wants
 * it), as (w, n): not NUL-terminated. Other text (Latin, digits, invalid
 * UTF-8) passes through unchanged. Both functions are pure and thread-safe
 * and allocate nothing. */
#ifndef RASAD_STEM_H
#define RASAD_STEM_H

#include <stddef.h>
#include "rasad/export.h"

/* Longest word (in bytes) the stemmer looks at; longer words are their own
 * stem. */
#define RASAD_STEM_MAX 255

/* Returns the stem of w[0..n) as a prefix length: the stem is w[0..len)
 * followed by *tail. *tail is "" unless the stem ends in a letter the word
 * does not have at that place (نمایندگان -> نماینده، ۀ -> ه), in which case
 * it is a static string (never freed by anyone). tail may be NULL when the
 * caller only wants the prefix. len + strlen(*tail) <= n always. */
RASAD_API size_t rasad_stem(const char *w, size_t n, const char **tail);

/* Writes the stem of w[0..n) to out[0..cap) (not NUL-terminated) and
 * returns its length, which is never more than n. When cap is smaller than
 * that length nothing is written; the return value still says how much
 * room is needed. */
RASAD_API size_t rasad_stem_copy(const char *w, size_t n, char *out, size_t cap);

/* Returns 1 when w[0..n) (one word in the tokenizer's index form) is one of
 * rasad's Persian function words (prepositions, conjunctions, pronouns,
 * auxiliaries, question words: src/core/text/stopwords.c), else 0. Pure. */
RASAD_API int rasad_is_stopword(const char *w, size_t n);

#endif
