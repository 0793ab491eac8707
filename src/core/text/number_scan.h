/* number_scan.h - the elements of a number: one digit run or one number
 * word (internal to core/text; number.c joins them into numbers). */
#ifndef RASAD_NUMBER_SCAN_H
#define RASAD_NUMBER_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* An exact decimal: value = m / 10^s. */
typedef struct rasad__dec {
    int64_t m;   /* digits */
    unsigned s;  /* decimal places */
} rasad__dec;

/* What may follow a word depends on its class. */
enum wclass { W_UNIT, W_TEEN, W_TEN, W_HUNDRED, W_SCALE };

typedef struct rasad__elem {
    rasad__dec v;      /* its value */
    size_t end;        /* index after it */
    int is_word;       /* 1 for a number word, 0 for digits */
    int cls;           /* enum wclass (digits: W_UNIT, never W_SCALE) */
    int bound;         /* after «و» only values below bound may follow (0: nothing) */
    int ordinal;       /* 1 when it ended with an ordinal suffix */
    int ambig;         /* not a number on its own (نه) */
    unsigned ndigits;  /* digits read (digit runs only) */
    int grouped;       /* used a thousands separator */
    int rc;            /* RASAD_RANGE when the digits overflowed */
} rasad__elem;

/* Reads the digits at p[i..n): separators, decimal mark and an ordinal
 * suffix (۲۵ام) as opts (rasad_number_opt) allow. Returns 1 and fills *e,
 * or 0 when no digit starts at i. */
int rasad__num_find_digits(const char *p, size_t n, size_t i, unsigned opts,
                           rasad__elem *e);

/* Reads the longest number word at p[i..n), with its ordinal suffix unless
 * opts has RASAD_NUM_NO_ORDINAL, that ends at a word end. Returns 1 and
 * fills *e, or 0. */
int rasad__num_find_word(const char *p, size_t n, size_t i, unsigned opts,
                         rasad__elem *e);

#endif
