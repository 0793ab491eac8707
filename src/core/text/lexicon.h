/* lexicon.h - the Persian word list, generated at build time from Debian's
 * myspell-fa (internal). */
#ifndef RASAD_LEXICON_H
#define RASAD_LEXICON_H

#include <stddef.h>

/* Returns 1 when w[0..n) (normalized: Persian letters, ZWNJ where the list
 * has it) is a word of the lexicon, 0 otherwise. Pure and thread-safe. */
int rasad__lex_contains(const char *w, size_t n);

#endif
