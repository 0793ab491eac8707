/* number.c - numbers in digits, Persian number words, or both.
 *
 * A number is read as a sequence of elements (a digit run or one number
 * word, maybe with an ordinal suffix) joined by «و». The grammar lives in
 * accept(): each element leaves an open "place" that limits what may follow
 * (after «صد» tens, units or digits below 100; after «بیست» a unit), and
 * scale words (هزار، میلیون، میلیارد) multiply the group before them. */
#include "rasad/number.h"

#include <string.h>
#include "number_scan.h"
#include "wordmatch.h"

/* ---- exact decimal arithmetic (sticky: once *rc is set they do nothing) */

/* Sticky helpers: once *rc is set they do nothing. */
static void dec_scale_to(rasad__dec *a, unsigned s, int *rc)
{
    while (!*rc && a->s < s) {
        if (__builtin_mul_overflow(a->m, 10, &a->m))
            *rc = RASAD_RANGE;
        a->s++;
    }
}

static void dec_add(rasad__dec *a, rasad__dec b, int *rc)
{
    dec_scale_to(a, b.s, rc);
    dec_scale_to(&b, a->s, rc);
    if (!*rc && __builtin_add_overflow(a->m, b.m, &a->m))
        *rc = RASAD_RANGE;
}

static void dec_mul(rasad__dec *a, int64_t k, int *rc)
{
    while (a->s > 0 && k % 10 == 0) {   /* ۳٫۵ میلیارد stays exact */
        k /= 10;
        a->s--;
    }
    if (!*rc && __builtin_mul_overflow(a->m, k, &a->m))
        *rc = RASAD_RANGE;
    while (!*rc && a->s > 0 && a->m % 10 == 0) {
        a->m /= 10;
        a->s--;
    }
}

#define WAW "\u0648"

/* ---- the grammar ------------------------------------------------------- */

typedef struct acc {
    rasad__dec total;           /* everything closed by a scale word */
    rasad__dec cur;             /* the group being built */
    int64_t last_scale;  /* the last scale word's value, 0 before any */
    int bound;           /* open place of the last element */
    int unit_word;       /* last element was a unit word 1-9 (for «سه صد») */
    int nelem;           /* elements accepted */
    int rc;              /* sticky arithmetic status */
} acc;

/* Returns 1 when e may extend the number in a (joined by «و» when conn). */
static int accept(acc *a, const rasad__elem *e, int conn)
{
    int64_t v = e->v.s ? 0 : e->v.m;
    int cur_zero = a->cur.m == 0 && a->nelem > 0 && a->last_scale > 0 && a->bound == 0;

    if (e->cls == W_SCALE) {
        if (conn)
            return 0;
        if (a->nelem == 0) {
            a->cur.m = 1;
        } else if (a->last_scale && e->v.m > a->last_scale) {
            /* هزار میلیارد, دو هزار و پانصد میلیارد: the whole so far */
            dec_add(&a->total, a->cur, &a->rc);
            dec_mul(&a->total, e->v.m, &a->rc);
            a->cur = (rasad__dec){ 0, 0 };
            a->last_scale = e->v.m;
            a->bound = 0;
            a->unit_word = 0;
            return 1;
        } else if (cur_zero || (a->last_scale && e->v.m == a->last_scale)) {
            return 0;
        }
        dec_mul(&a->cur, e->v.m, &a->rc);
        dec_add(&a->total, a->cur, &a->rc);
        a->cur = (rasad__dec){ 0, 0 };
        a->last_scale = e->v.m;
        a->bound = 0;
        a->unit_word = 0;
        return 1;
    }
    if (a->nelem == 0) {
        a->cur = e->v;
    } else if (!conn) {                 /* سه صد, written apart */
        if (!(a->unit_word && e->is_word && v == 100))
            return 0;
        dec_mul(&a->cur, 100, &a->rc);
    } else if (cur_zero) {              /* دو هزار و ۵۰۰ */
        if (e->v.s || v >= a->last_scale)
            return 0;
        a->cur = e->v;
    } else {                            /* صد و بیست و پنج */
        if (e->v.s || v >= a->bound)
            return 0;
        dec_add(&a->cur, e->v, &a->rc);
    }
    a->bound = e->bound;
    a->unit_word = e->is_word && e->cls == W_UNIT && v >= 1 && v <= 9 && !e->ordinal;
    return 1;
}

int rasad_number_parse(const char *p, size_t n, unsigned opts, rasad_number *out)
{
    acc a;
    rasad__elem e;
    size_t i = 0, q, m;
    int conn, ambig = 0;

    if (!out || (!p && n > 0))
        return RASAD_INVAL;
    memset(out, 0, sizeof *out);
    memset(&a, 0, sizeof a);
    for (;;) {
        q = i;
        conn = 0;
        if (a.nelem > 0) {
            if (opts & RASAD_NUM_NO_WORDS)
                break;
            q = rasad__wm_skip_space(p, n, i);
            if ((m = rasad__wm_match(p, n, q, WAW)) != 0) {
                conn = 1;
                q = rasad__wm_skip_space(p, n, q + m);
            }
        }
        if (!rasad__num_find_digits(p, n, q, opts, &e) &&
            ((opts & RASAD_NUM_NO_WORDS) || !rasad__num_find_word(p, n, q, opts, &e)))
            break;
        if (e.rc) {
            a.rc = e.rc;
            i = e.end;
            break;
        }
        if (!accept(&a, &e, conn))
            break;
        if (a.nelem == 0) {
            out->ndigits = e.ndigits;
            ambig = e.ambig && !e.ordinal;
        } else {
            ambig = 0;
        }
        a.nelem++;
        out->flags |= e.is_word ? RASAD_NUM_WORDS : RASAD_NUM_DIGITS;
        if (e.grouped)
            out->flags |= RASAD_NUM_GROUPED;
        i = e.end;
        if (e.ordinal) {
            out->flags |= RASAD_NUM_ORDINAL;
            break;
        }
        if (a.rc)
            break;
    }
    if (i == 0 || ambig) {
        memset(out, 0, sizeof *out);
        return RASAD_NOTFOUND;
    }
    dec_add(&a.total, a.cur, &a.rc);
    out->len = i;
    if (a.rc) {
        out->mant = 0;
        return RASAD_RANGE;
    }
    out->mant = a.total.m;
    out->scale = a.total.s;
    return RASAD_OK;
}

double rasad_number_value(const rasad_number *num)
{
    double v = (double)num->mant;
    unsigned s;

    for (s = 0; s < num->scale; s++)
        v /= 10.0;
    return v;
}

int rasad_number_digit(uint32_t cp)
{
    return rasad__wm_digit(cp);
}
