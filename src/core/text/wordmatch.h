/* wordmatch.h - folding word matcher shared by the number and date parsers
 * (internal to core/text).
 *
 * Persian text arrives with Arabic letter variants, harakat, tatweel and
 * spaces or ZWNJ in varying places. Instead of normalizing first, the
 * parsers match their tables through these helpers, which fold the variants
 * as they go. Every function takes (p, n) and a byte index i; none reads
 * past p[n) and any bytes are accepted (invalid UTF-8 decodes as U+FFFD). */
#ifndef RASAD_WORDMATCH_H
#define RASAD_WORDMATCH_H

#include <stddef.h>
#include <stdint.h>

#define RASAD__ZWNJ 0x200Cu

/* Returns the code point at p[i..n) and stores its byte length in *len;
 * at or past the end returns 0 with *len = 0. */
uint32_t rasad__wm_cp(const char *p, size_t n, size_t i, size_t *len);

/* Returns 0-9 for an ASCII, Persian (U+06F0-06F9) or Arabic-Indic
 * (U+0660-0669) digit, -1 for anything else. */
int rasad__wm_digit(uint32_t cp);

/* Returns 1 when cp is a letter or a combining mark (a word goes on), 0
 * otherwise. ZWNJ is not a letter. */
int rasad__wm_is_letter(uint32_t cp);

/* Returns the index after any run of spaces (ASCII space, tab, NBSP, thin
 * and narrow spaces, ZWSP) and ZWNJ starting at i. */
size_t rasad__wm_skip_space(const char *p, size_t n, size_t i);

/* Returns 1 when no word goes on at i: i == n or p[i] is not a letter
 * (ZWNJ counts as a boundary). */
int rasad__wm_boundary(const char *p, size_t n, size_t i);

/* The letter class of cp: Arabic yeh, alef maksura -> Persian yeh; Arabic
 * kaf -> Persian kaf; heh forms and teh marbuta -> heh; alef forms ->
 * alef; anything else itself. */
uint32_t rasad__wm_fold(uint32_t cp);

/* The folded first letter at p[i..n) after any marks (0 at the end): a
 * table word whose first letter folds differently cannot match at i. */
uint32_t rasad__wm_first(const char *p, size_t n, size_t i);

/* Matches the table word w (NUL-terminated, valid UTF-8, Persian letters)
 * at p[i..n). Letters are folded (Arabic yeh/kaf, alef forms, heh forms),
 * marks and tatweel in p are skipped, and a space or ZWNJ in w matches any
 * run (even empty) of spaces and ZWNJ in p. Returns the bytes matched
 * (marks after the last letter included), or 0 when w does not match. The
 * caller checks the word boundary. */
size_t rasad__wm_match(const char *p, size_t n, size_t i, const char *w);

/* Returns the index of the longest match at i among the nw words of a table
 * whose entries are structs of size stride starting with a const char *
 * (NULL-terminated or not, nw counts them), storing the bytes matched in
 * *len; returns -1 (and *len = 0) when none matches. When boundary is
 * non-zero, only matches followed by a word boundary count. */
int rasad__wm_longest(const char *p, size_t n, size_t i, const void *table,
                      size_t stride, size_t nw, int boundary, size_t *len);

#endif
