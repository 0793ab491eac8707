/* sentence.h - the sentence splitter.
 *
 * Splits raw UTF-8 text into sentences and reports each one as a byte span
 * [start, end) of the caller's text. The rules (stop marks, closing quotes,
 * « » quotes, abbreviations, decimals, line breaks) are in
 * docs/sentence-stem.md. */
#ifndef RASAD_SENTENCE_H
#define RASAD_SENTENCE_H

#include <stddef.h>
#include "rasad/export.h"

/* Option bits for rasad_sentence_split(). */
enum rasad_sentence_flag {
    RASAD_SENT_SOFT_NEWLINE = 1u << 0, /* a single line break is a space (hard-wrapped text); blank lines still end a sentence */
};

/* Receives one sentence: p[start..end) of the text given to
 * rasad_sentence_split(), never empty, never starting or ending with white
 * space. Returning non-zero stops the split; rasad_sentence_split() then
 * returns that value. */
typedef int (*rasad_sentence_fn)(void *ctx, size_t start, size_t end);

/* Splits p[0..n) (any bytes: need not be NUL-terminated or valid UTF-8; an
 * invalid sequence counts as one ordinary character) into sentences and
 * calls fn for each, in text order, with non-overlapping, increasing,
 * in-bounds spans. flags is 0 or RASAD_SENT_* bits. Allocates nothing and
 * keeps no state: safe from any thread. Returns 0 after the last sentence,
 * or the first non-zero value fn returned. */
RASAD_API int rasad_sentence_split(const char *p, size_t n, unsigned flags,
                                   rasad_sentence_fn fn, void *ctx);

#endif
