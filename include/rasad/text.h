/* text.h - UTF-8, the Persian normalizer and the tokenizer.
 *
 * Text is always (const char *p, size_t n): it need not be NUL-terminated
 * and may hold any bytes. Invalid UTF-8 never fails a call: each maximal
 * invalid subpart becomes U+FFFD and is counted. */
#ifndef RASAD_TEXT_H
#define RASAD_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

/* ---- UTF-8 ------------------------------------------------------------ */

#define RASAD_REPLACEMENT_CHAR 0xFFFDu

/* Decodes the code point at p[0..n), n > 0. Returns the bytes consumed (1-4)
 * and stores the code point in *cp. An invalid sequence (overlong form,
 * surrogate, value past U+10FFFF, stray continuation byte, truncated
 * sequence) yields U+FFFD, consumes its maximal subpart (Unicode 15, 3.9)
 * and sets *invalid to 1; otherwise *invalid is 0. */
RASAD_API size_t rasad_utf8_decode(const char *p, size_t n, uint32_t *cp,
                                   int *invalid);

/* Writes the UTF-8 form of cp (1-4 bytes) into out and returns its length.
 * Surrogates and values past U+10FFFF are written as U+FFFD. */
RASAD_API size_t rasad_utf8_encode(uint32_t cp, char out[4]);

/* Returns the number of invalid subparts in p[0..n) (0 for valid UTF-8). */
RASAD_API size_t rasad_utf8_count_invalid(const char *p, size_t n);

/* ---- normalizer ------------------------------------------------------- */

/* Option bits for rasad_norm_new() and rasad_normalize(). */
enum rasad_norm_flag {
    RASAD_NORM_LETTERS  = 1u << 0, /* Arabic/Urdu letter variants and presentation forms -> Persian letters */
    RASAD_NORM_MARKS    = 1u << 1, /* drop harakat, tatweel, Quranic marks */
    RASAD_NORM_SPACE    = 1u << 2, /* space-like characters -> one ' ', runs collapsed, line trimmed */
    RASAD_NORM_DIGITS   = 1u << 3, /* ASCII and Arabic-Indic digits -> Persian digits */
    RASAD_NORM_DIGITS_ASCII = 1u << 4, /* all digits -> ASCII (wins over RASAD_NORM_DIGITS) */
    RASAD_NORM_PUNCT    = 1u << 5, /* spacing around punctuation; ASCII , ; ? after Persian -> ، ؛ ؟ */
    RASAD_NORM_ZWNJ     = 1u << 6, /* ZWNJ repair: repeats collapsed, none at word edges or beside spaces, stray ZWJ dropped */
    RASAD_NORM_ZWNJ_RESTORE = 1u << 7, /* put ZWNJ where Persian orthography wants it (rules + lexicon) */
    RASAD_NORM_FOLD     = 1u << 8, /* search folding: hamza forms to base letters, ezafe hamza dropped, ASCII lowercased */
};

/* Everything a reader of Persian wants; digits become Persian. */
#define RASAD_NORM_DEFAULT (RASAD_NORM_LETTERS | RASAD_NORM_MARKS | RASAD_NORM_SPACE | \
    RASAD_NORM_DIGITS | RASAD_NORM_PUNCT | RASAD_NORM_ZWNJ | RASAD_NORM_ZWNJ_RESTORE)

/* Counters, accumulated over every call on one normalizer. */
typedef struct rasad_norm_stats {
    uint64_t bytes_in;        /* bytes read */
    uint64_t bytes_out;       /* bytes written */
    uint64_t invalid_utf8;    /* invalid subparts replaced by U+FFFD */
    uint64_t zwnj_inserted;   /* ZWNJ put where there was none (or a space) */
    uint64_t zwnj_removed;    /* ZWNJ dropped (repeated, at an edge, beside a space) */
} rasad_norm_stats;

typedef struct rasad_norm rasad_norm; /* opaque, reusable; one per thread */

/* Creates a normalizer for the given flags. On success returns RASAD_OK and
 * stores it in *out (caller frees with rasad_norm_free); on failure returns
 * RASAD_NOMEM and sets *out to NULL. */
RASAD_API int rasad_norm_new(unsigned flags, rasad_norm **out) RASAD_WARN_UNUSED;

/* Frees nm and everything it returned. rasad_norm_free(NULL) does nothing. */
RASAD_API void rasad_norm_free(rasad_norm *nm);

/* Normalizes p[0..n). On RASAD_OK, *out and *out_n give the normalized text
 * (NUL-terminated, valid UTF-8), and, when map is not NULL, *map gives n_out+1
 * offsets: (*map)[i] is the byte in p where the source of output byte i
 * starts, and (*map)[*out_n] == n. Offsets never decrease. All three are
 * owned by nm and stay valid until the next call on nm. Newlines are kept
 * as they are (one output line per input line). Returns RASAD_TOOBIG when
 * n > UINT32_MAX - 1, RASAD_NOMEM on allocation failure. */
RASAD_API int rasad_norm_run(rasad_norm *nm, const char *p, size_t n,
                             const char **out, size_t *out_n,
                             const uint32_t **map) RASAD_WARN_UNUSED;

/* Returns the counters of nm (never NULL, owned by nm). */
RASAD_API const rasad_norm_stats *rasad_norm_get_stats(const rasad_norm *nm);

/* One-shot convenience: normalizes p[0..n) with flags into a new string the
 * caller frees with rasad_free(). On failure *out is NULL. */
RASAD_API int rasad_normalize(const char *p, size_t n, unsigned flags,
                              char **out, size_t *out_n) RASAD_WARN_UNUSED;

/* ---- tokenizer -------------------------------------------------------- */

enum rasad_token_kind {
    RASAD_TOKEN_WORD   = 1, /* letters (may hold ZWNJ: کتاب‌ها is one token) */
    RASAD_TOKEN_NUMBER = 2, /* digits, with decimal/thousands marks between digits; ASCII digits in the token */
    RASAD_TOKEN_MIXED  = 3, /* letters and digits together (covid19, ۲۰کیلومتر split is not attempted) */
};

/* Receives one token: its kind, its normalized text tok[0..ntok) (valid only
 * during the call), and its span [start, end) in the bytes given to
 * rasad_tokenize(). Returning non-zero stops tokenizing; rasad_tokenize then
 * returns that value. */
typedef int (*rasad_token_fn)(void *ctx, int kind, const char *tok, size_t ntok,
                              size_t start, size_t end);

typedef struct rasad_tokenizer rasad_tokenizer; /* opaque, reusable; one per thread */

/* Creates a tokenizer. norm_flags are the normalizer flags applied before
 * splitting (0 means RASAD_NORM_DEFAULT | RASAD_NORM_DIGITS_ASCII |
 * RASAD_NORM_FOLD, the index form). Caller frees with rasad_tokenizer_free. */
RASAD_API int rasad_tokenizer_new(unsigned norm_flags, rasad_tokenizer **out) RASAD_WARN_UNUSED;
RASAD_API void rasad_tokenizer_free(rasad_tokenizer *t);

/* Splits p[0..n) into tokens and calls fn for each, in text order, with
 * non-decreasing, in-bounds offsets. Returns RASAD_OK, a normalizer error,
 * or the callback's non-zero value. */
RASAD_API int rasad_tokenize(rasad_tokenizer *t, const char *p, size_t n,
                             rasad_token_fn fn, void *ctx);

#endif
