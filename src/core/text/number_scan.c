/* number_scan.c - digit runs and number words, the elements number.c
 * joins into numbers. Words come from a table: the word, its value, its
 * class and flags for its ordinal forms. */
#include "number_scan.h"

#include <string.h>
#include "rasad/number.h"
#include "rasad/status.h"
#include "wordmatch.h"

/* ---- the word table ---------------------------------------------------- */

enum wflag {
    F_ORD   = 1u << 0, /* the word itself is an ordinal (اول، سوم) */
    F_NO_M  = 1u << 1, /* no م / مین suffix (سه+م is سهم "share", سی+م is سیم "wire") */
    F_AM    = 1u << 2, /* takes «ام» / «امین», joined or after a space or ZWNJ (سی‌ام) */
    F_AMBIG = 1u << 3, /* not a number on its own (نه is mostly "no") */
};

struct numword {
    const char *w;        /* the word, Persian letters */
    int64_t v;            /* its value */
    unsigned char cls;    /* enum wclass */
    unsigned char flags;  /* enum wflag bits */
};

static const struct numword words[] = {
    { "صفر", 0, W_UNIT, 0 },        { "یک", 1, W_UNIT, 0 },
    { "دو", 2, W_UNIT, 0 },         { "سه", 3, W_UNIT, F_NO_M },
    { "چهار", 4, W_UNIT, 0 },       { "پنج", 5, W_UNIT, 0 },
    { "شش", 6, W_UNIT, 0 },         { "شیش", 6, W_UNIT, 0 },
    { "هفت", 7, W_UNIT, 0 },        { "هشت", 8, W_UNIT, 0 },
    { "نه", 9, W_UNIT, F_AMBIG },
    { "اول", 1, W_UNIT, F_ORD },    { "اولین", 1, W_UNIT, F_ORD },
    { "نخست", 1, W_UNIT, F_ORD },   { "نخستین", 1, W_UNIT, F_ORD },
    { "سوم", 3, W_UNIT, F_ORD },    { "سومین", 3, W_UNIT, F_ORD },
    { "ده", 10, W_TEEN, 0 },        { "یازده", 11, W_TEEN, 0 },
    { "دوازده", 12, W_TEEN, 0 },    { "سیزده", 13, W_TEEN, 0 },
    { "چهارده", 14, W_TEEN, 0 },    { "پانزده", 15, W_TEEN, 0 },
    { "پونزده", 15, W_TEEN, 0 },    { "شانزده", 16, W_TEEN, 0 },
    { "شونزده", 16, W_TEEN, 0 },    { "هفده", 17, W_TEEN, 0 },
    { "هیفده", 17, W_TEEN, 0 },     { "هجده", 18, W_TEEN, 0 },
    { "هیجده", 18, W_TEEN, 0 },     { "هژده", 18, W_TEEN, 0 },
    { "نوزده", 19, W_TEEN, 0 },
    { "بیست", 20, W_TEN, 0 },       { "سی", 30, W_TEN, F_NO_M | F_AM },
    { "چهل", 40, W_TEN, 0 },        { "پنجاه", 50, W_TEN, 0 },
    { "شصت", 60, W_TEN, 0 },        { "هفتاد", 70, W_TEN, 0 },
    { "هشتاد", 80, W_TEN, 0 },      { "نود", 90, W_TEN, 0 },
    { "صد", 100, W_HUNDRED, 0 },    { "یکصد", 100, W_HUNDRED, 0 },
    { "دویست", 200, W_HUNDRED, 0 }, { "سیصد", 300, W_HUNDRED, 0 },
    { "چهارصد", 400, W_HUNDRED, 0 },{ "پانصد", 500, W_HUNDRED, 0 },
    { "پونصد", 500, W_HUNDRED, 0 }, { "ششصد", 600, W_HUNDRED, 0 },
    { "هفتصد", 700, W_HUNDRED, 0 }, { "هشتصد", 800, W_HUNDRED, 0 },
    { "نهصد", 900, W_HUNDRED, 0 },
    { "هزار", 1000, W_SCALE, 0 },
    { "میلیون", 1000000, W_SCALE, 0 },      { "ملیون", 1000000, W_SCALE, 0 },
    { "میلیارد", 1000000000, W_SCALE, 0 },  { "ملیارد", 1000000000, W_SCALE, 0 },
    { "تریلیون", 1000000000000, W_SCALE, 0 },
};
#define NWORDS (sizeof words / sizeof words[0])

/* Ordinal suffixes of regular words, and which words take them. */
static const struct suffix {
    const char *w;     /* suffix; a leading space matches spaces, ZWNJ or nothing */
    unsigned needs;    /* F_AM: only words with F_AM; 0: words without F_NO_M */
} word_suffixes[] = {
    { "مین", 0 }, { "م", 0 }, { " امین", F_AM }, { " ام", F_AM },
};

/* After digits: ۲۵ام, ۲۵‌امین, ۷مین. */
static const char *const digit_suffixes[] = { "\u200cامین", "\u200cام", "مین" };

#define WAW "\u0648"

/* ---- elements ---------------------------------------------------------- */

/* A word ends at k: end of text, a non-letter, or a ZWNJ that joins it to
 * «و» or another number word (بیست‌و‌پنج, یک‌صد), but not to other letters
 * (هفت‌سین is not 7). */
static int word_ends(const char *p, size_t n, size_t k)
{
    size_t len, m;
    uint32_t cp = rasad__wm_cp(p, n, k, &len);
    rasad__elem next;

    if (len == 0 || (cp != RASAD__ZWNJ && !rasad__wm_is_letter(cp)))
        return 1;
    if (cp != RASAD__ZWNJ)
        return 0;
    k += len;
    m = rasad__wm_match(p, n, k, WAW);
    if (m && rasad__wm_boundary(p, n, k + m))
        return 1;
    return rasad__num_find_word(p, n, k, RASAD_NUM_NO_ORDINAL, &next);
}

int rasad__num_find_word(const char *p, size_t n, size_t i, unsigned opts, rasad__elem *e)
{
    size_t k, s, best = 0, len;
    uint32_t at = rasad__wm_first(p, n, i);   /* a word starting otherwise cannot match */

    for (k = 0; k < NWORDS; k++) {
        const struct numword *w = &words[k];
        if (rasad__wm_fold(rasad__wm_cp(w->w, 4, 0, &len)) != at)
            continue;
        size_t m = rasad__wm_match(p, n, i, w->w), end = 0;
        int ord = (w->flags & F_ORD) != 0;

        if (!m || (ord && (opts & RASAD_NUM_NO_ORDINAL)))
            continue;
        if (!ord && !(opts & RASAD_NUM_NO_ORDINAL)) {
            for (s = 0; s < sizeof word_suffixes / sizeof word_suffixes[0]; s++) {
                unsigned needs = word_suffixes[s].needs;
                size_t sm;
                if (needs ? !(w->flags & needs) : (w->flags & F_NO_M) != 0)
                    continue;
                sm = rasad__wm_match(p, n, i + m, word_suffixes[s].w);
                if (sm && word_ends(p, n, i + m + sm)) {
                    end = i + m + sm;
                    ord = 1;
                    break;
                }
            }
        }
        if (!end && word_ends(p, n, i + m))
            end = i + m;
        if (end > best) {
            best = end;
            memset(e, 0, sizeof *e);
            e->v.m = w->v;
            e->end = end;
            e->is_word = 1;
            e->cls = w->cls;
            e->bound = w->cls == W_TEN ? 10 : w->cls == W_HUNDRED ? 100 : 0;
            e->ordinal = ord;
            e->ambig = (w->flags & F_AMBIG) != 0;
        }
    }
    return best > 0;
}

static int is_cp(const char *p, size_t n, size_t i, uint32_t a, uint32_t b, size_t *len)
{
    uint32_t cp = rasad__wm_cp(p, n, i, len);
    return *len && (cp == a || cp == b);
}

/* Appends the digits at *j to e->v; returns how many were read. */
static unsigned digit_run(const char *p, size_t n, size_t *j, unsigned max, rasad__elem *e,
                          int fraction)
{
    unsigned nd = 0;
    size_t len;
    int d;

    while (nd < max && (d = rasad__wm_digit(rasad__wm_cp(p, n, *j, &len))) >= 0) {
        if (__builtin_mul_overflow(e->v.m, 10, &e->v.m) ||
            __builtin_add_overflow(e->v.m, d, &e->v.m))
            e->rc = RASAD_RANGE;
        e->v.s += (unsigned)fraction;
        *j += len;
        nd++;
    }
    return nd;
}

int rasad__num_find_digits(const char *p, size_t n, size_t i, unsigned opts, rasad__elem *e)
{
    size_t j = i, len, len2, k;
    unsigned s;

    memset(e, 0, sizeof *e);
    e->ndigits = digit_run(p, n, &j, (unsigned)-1, e, 0);
    if (e->ndigits == 0)
        return 0;
    while (!(opts & RASAD_NUM_NO_GROUPING) && e->ndigits <= 3 &&
           is_cp(p, n, j, ',', 0x066C, &len)) {
        rasad__elem g = { .v = { 0, 0 } };
        k = j + len;
        if (digit_run(p, n, &k, 3, &g, 0) != 3 ||
            rasad__wm_digit(rasad__wm_cp(p, n, k, &len2)) >= 0)
            break;
        j += len;
        digit_run(p, n, &j, 3, e, 0);
        e->grouped = 1;
    }
    if (!(opts & RASAD_NUM_NO_DECIMAL) && is_cp(p, n, j, '.', 0x066B, &len) &&
        rasad__wm_digit(rasad__wm_cp(p, n, j + len, &len2)) >= 0) {
        j += len;
        digit_run(p, n, &j, (unsigned)-1, e, 1);
    }
    if (!(opts & RASAD_NUM_NO_ORDINAL) && e->v.s == 0) {
        for (s = 0; s < sizeof digit_suffixes / sizeof digit_suffixes[0]; s++) {
            size_t m = rasad__wm_match(p, n, j, digit_suffixes[s]);
            if (m && word_ends(p, n, j + m)) {
                j += m;
                e->ordinal = 1;
                break;
            }
        }
    }
    e->end = j;
    e->cls = W_UNIT;
    if (e->v.s == 0 && e->v.m > 0 && e->v.m < 1000)
        e->bound = e->v.m % 100 == 0 ? 100 : e->v.m % 10 == 0 ? 10 : 0;
    return 1;
}

