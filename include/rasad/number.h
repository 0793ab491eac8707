/* number.h - numbers written in digits, in Persian words, or both.
 *
 * Reads a number at the start of (p, n): Persian (۰-۹), Arabic-Indic (٠-٩)
 * and ASCII digits alike, with ٫ or . as the decimal mark and ٬ or , as the
 * thousands separator; cardinal and ordinal number words (بیست و پنج,
 * بیست و پنجمین, سی‌ام, اول, نخستین, سیصد, دو هزار و ۵۰۰); digits with a
 * scale word (۲ میلیون, ۳٫۵ میلیارد). The accepted forms are listed in
 * docs/numbers-dates.md. Text need not be NUL-terminated or valid UTF-8;
 * nothing is allocated and no state is kept, so every function here is safe
 * from any thread. */
#ifndef RASAD_NUMBER_H
#define RASAD_NUMBER_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

/* What rasad_number_parse() read (bits of rasad_number.flags). */
enum rasad_number_flag {
    RASAD_NUM_DIGITS   = 1u << 0, /* some of it was digits */
    RASAD_NUM_WORDS    = 1u << 1, /* some of it was number words */
    RASAD_NUM_ORDINAL  = 1u << 2, /* an ordinal: هفتمین, سی‌ام, اول, ۲۵ام */
    RASAD_NUM_GROUPED  = 1u << 3, /* digits used a thousands separator */
};

/* Options of rasad_number_parse(); 0 accepts every form. */
enum rasad_number_opt {
    RASAD_NUM_NO_WORDS    = 1u << 0, /* digits only (a scale word after them is not read) */
    RASAD_NUM_NO_DECIMAL  = 1u << 1, /* . and ٫ end the number */
    RASAD_NUM_NO_GROUPING = 1u << 2, /* , and ٬ end the number */
    RASAD_NUM_NO_ORDINAL  = 1u << 3, /* ordinal suffixes and words are not read */
};

/* A parsed number. Its value is mant / 10^scale, exactly. */
typedef struct rasad_number {
    int64_t mant;     /* the digits of the value, sign always >= 0 */
    unsigned scale;   /* digits after the decimal mark; 0 for whole numbers */
    unsigned flags;   /* rasad_number_flag bits */
    unsigned ndigits; /* digits in the first digit run (0 when it began with a word) */
    size_t len;       /* bytes of p used; > 0 whenever a number was found */
} rasad_number;

/* Parses the number that starts at p[0] (leading spaces are not skipped)
 * and fills *out. Reads as much as forms one number: «بیست و پنج» is 25,
 * «سه چهار» stops after 3, a dangling «و» is left unread. A lone «نه» is
 * not read as 9 (it is far more often "no"); «نه هزار» and «بیست و نه» are.
 * opts is 0 or rasad_number_opt bits.
 * Returns RASAD_OK; RASAD_NOTFOUND when no number starts at p[0] (*out is
 * zeroed); RASAD_RANGE when the value does not fit (out->len still spans
 * what was read, out->mant is 0); RASAD_INVAL when out is NULL or p is NULL
 * with n > 0. */
RASAD_API int rasad_number_parse(const char *p, size_t n, unsigned opts,
                                 rasad_number *out) RASAD_WARN_UNUSED;

/* Returns the value of num as a double (rounded when it has more than 15
 * significant digits). */
RASAD_API double rasad_number_value(const rasad_number *num);

/* Returns the value of an ASCII, Persian or Arabic-Indic digit code point
 * (0-9), or -1 when cp is not one of those digits. */
RASAD_API int rasad_number_digit(uint32_t cp);

#endif
