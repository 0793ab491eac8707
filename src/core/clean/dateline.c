/* dateline.c - datelines and attributions become metadata.
 *
 * Whole lines (the line, after earlier cuts, is nothing else):
 *   end marks        «انتهای پیام»                          (no meta)
 *   label lines      «کد خبر: 660821» «منبع: مهر» «تاریخ انتشار: ...»
 *   date lines       «۲۵ آذر ۱۳۹۵ - ۱۲:۳۰»                  date_line
 *   an outlet alone  «العالم» «خبرگزاری فارس»               agency / credit
 * Leading parts (then the rest of the line stays in the body):
 *   «تهران- ایرنا-»  place and agency
 *   «به گزارش X،»    X an outlet (agencies[] or a press word), with an
 *                    optional «از PLACE» and «به نقل از Y» inside; without
 *                    a comma, «به گزارش [خبرگزاری] NAME» for a listed NAME
 *   «خبرگزاری تسنیم:» a listed outlet and a colon
 *   «به نقل از Y،»   only right after one of the above: credit
 * Trailing parts: «انتهای پیام» and a closing «/» after the last sentence.
 * Every cut is a DATELINE cut of rasad__cut(). */
#include <string.h>
#include "clean_internal.h"

enum { MONTH = 1, WEEKDAY, DATEWORD };

typedef struct dateword_row {
    const char *word;
    int kind;
} dateword_row;

static const dateword_row datewords[] = {
    { "فروردین", MONTH }, { "اردیبهشت", MONTH }, { "خرداد", MONTH }, { "تیر", MONTH },
    { "مرداد", MONTH }, { "شهریور", MONTH }, { "مهر", MONTH }, { "آبان", MONTH },
    { "آذر", MONTH }, { "دی", MONTH }, { "بهمن", MONTH }, { "اسفند", MONTH },
    { "ژانویه", MONTH }, { "فوریه", MONTH }, { "مارس", MONTH }, { "آوریل", MONTH },
    { "مه", MONTH }, { "می", MONTH }, { "ژوئن", MONTH }, { "ژوئیه", MONTH },
    { "جولای", MONTH }, { "اوت", MONTH }, { "آگوست", MONTH }, { "سپتامبر", MONTH },
    { "اکتبر", MONTH }, { "نوامبر", MONTH }, { "دسامبر", MONTH },
    { "محرم", MONTH }, { "صفر", MONTH }, { "ربیع", MONTH }, { "جمادی", MONTH },
    { "رجب", MONTH }, { "شعبان", MONTH }, { "رمضان", MONTH }, { "شوال", MONTH },
    { "ذیقعده", MONTH }, { "ذی القعده", MONTH }, { "ذیحجه", MONTH }, { "ذی الحجه", MONTH },
    { "الاول", DATEWORD }, { "الثانی", DATEWORD }, { "الاخر", DATEWORD },
    { "شنبه", WEEKDAY }, { "یکشنبه", WEEKDAY }, { "دوشنبه", WEEKDAY },
    { "سه شنبه", WEEKDAY }, { "چهارشنبه", WEEKDAY }, { "پنجشنبه", WEEKDAY },
    { "پنج شنبه", WEEKDAY }, { "جمعه", WEEKDAY },
    { "ساعت", DATEWORD }, { "تاریخ", DATEWORD }, { "انتشار", DATEWORD },
    { "منتشر", DATEWORD }, { "شده", DATEWORD }, { "شد", DATEWORD },
    { "بروزرسانی", DATEWORD }, { "به روز رسانی", DATEWORD }, { "آخرین", DATEWORD },
    { "هجری", DATEWORD }, { "شمسی", DATEWORD }, { "قمری", DATEWORD },
    { "میلادی", DATEWORD }, { "ه", DATEWORD }, { "ش", DATEWORD }, { "ق", DATEWORD },
    { "م", DATEWORD }, { "ظ", DATEWORD }, { "ب", DATEWORD }, { "دقیقه", DATEWORD },
    { "صبح", DATEWORD }, { "ظهر", DATEWORD }, { "عصر", DATEWORD }, { "امروز", DATEWORD },
    { "و", DATEWORD },
};

enum { V_NUMBER = 1, V_ATTR, V_DATE, V_NAME };

typedef struct label_row {
    const char *label;      /* before the colon */
    const char *key;        /* meta key (NULL for V_ATTR: agency or credit) */
    int value;              /* what must follow the colon */
} label_row;

static const label_row labels[] = {
    { "کد خبر", "news_code", V_NUMBER },
    { "کد خبری", "news_code", V_NUMBER },
    { "شناسه خبر", "news_code", V_NUMBER },
    { "شماره خبر", "news_code", V_NUMBER },
    { "کد مطلب", "news_code", V_NUMBER },
    { "شناسه مطلب", "news_code", V_NUMBER },
    { "منبع", NULL, V_ATTR },
    { "منبع خبر", NULL, V_ATTR },
    { "تاریخ انتشار", "date_line", V_DATE },
    { "زمان انتشار", "date_line", V_DATE },
    { "تاریخ", "date_line", V_DATE },
    { "انتشار", "date_line", V_DATE },
    { "آخرین بروزرسانی", "date_line", V_DATE },
    { "نویسنده", "author", V_NAME },
    { "خبرنگار", "author", V_NAME },
    { "گزارشگر", "author", V_NAME },
    { "گزارش", "author", V_NAME },
    { "عکس", "photo_credit", V_NAME },
    { "عکاس", "photo_credit", V_NAME },
};

static const char *const endmarks[] = {
    "انتهای پیام", "پایان پیام", "انتهای خبر", "پایان خبر",
};

#define ATTR_VALUE_MAX_WORDS 8  /* words after «منبع:» */
#define NAME_VALUE_MAX_WORDS 5  /* words after «نویسنده:» */
#define DATE_MAX_WORDS      14
#define CREDIT_MAX_WORDS     8  /* words of «به نقل از Y،» */

int rasad__dateline_compile(rasad_cleaner *c)
{
    int rc = rasad__phrases_compile(c->tk, &c->datewords, datewords, sizeof datewords[0],
                                    sizeof datewords / sizeof datewords[0]);
    if (!rc)
        rc = rasad__phrases_compile(c->tk, &c->labels, labels, sizeof labels[0],
                                    sizeof labels / sizeof labels[0]);
    if (!rc)
        rc = rasad__phrases_compile(c->tk, &c->endmarks, endmarks, sizeof endmarks[0],
                                    sizeof endmarks / sizeof endmarks[0]);
    return rc;
}

/* ---- small helpers over the tokens of [base, end) ----------------------- */

typedef struct view {
    rasad__article *a;
    const char *p;          /* a->text + base */
    size_t base, end;       /* the kept part of the line, in the text */
    const rasad__toks *t;
} view;

/* Bytes between token i and the next one (or the end of the part). */
static void gap(const view *v, size_t i, size_t *gs, size_t *ge)
{
    *gs = v->t->v[i].end;
    *ge = i + 1 < v->t->n ? v->t->v[i + 1].start : v->end - v->base;
}

/* Offset just past the first of the UTF-8 strings in marks[] found in
 * p[gs, ge) , or 0 when none is there. */
static size_t find_mark(const char *p, size_t gs, size_t ge, const char *const *marks)
{
    for (size_t i = gs; i < ge; i++)
        for (const char *const *m = marks; *m; m++) {
            size_t n = strlen(*m);
            if (i + n <= ge && memcmp(p + i, *m, n) == 0)
                return i + n;
        }
    return 0;
}

static const char *const dashes[] = { "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", NULL };
static const char *const commas[] = { "\xD8\x8C", ",", ":", "\xD8\x9B", NULL };
static const char *const colons[] = { ":", NULL };

static int word_is(const rasad__toks *t, size_t i, const char *w)
{
    return i < t->n && rasad__toks_match(t, i, w, strlen(w)) == 1;
}

/* Meta value from the text of tokens [i, j). */
static void meta_tokens(const view *v, const char *key, size_t i, size_t j)
{
    if (i >= j)
        return;
    const char *s = v->p + v->t->v[i].start;
    size_t n = v->t->v[j - 1].end - v->t->v[i].start;
    if (key)
        rasad__meta_add(v->a, key, s, n);
    else
        rasad__meta_attribution(v->a, s, n);
}

/* An outlet named by tokens [i, j) exactly: its canonical name, or NULL. */
static const char *whole_agency(const view *v, size_t i, size_t j)
{
    const char *canon;
    size_t m = rasad__agency_at(v->a->c, v->t, i, &canon);
    return m && i + m == j ? canon : NULL;
}

static void attribution(const view *v, const char *canon, size_t i, size_t j)
{
    if (canon)
        rasad__meta_attribution(v->a, canon, strlen(canon));
    else
        meta_tokens(v, NULL, i, j);
}

/* ---- whole lines --------------------------------------------------------- */

static int is_date(const rasad_cleaner *c, const rasad__toks *t, size_t i, size_t j)
{
    size_t numbers = 0, named = 0;
    if (j <= i || j - i > DATE_MAX_WORDS)
        return 0;
    while (i < j) {
        if (t->v[i].kind == RASAD_TOKEN_NUMBER) {
            numbers++;
            i++;
            continue;
        }
        size_t m;
        long k = rasad__phrases_at(&c->datewords, t, i, &m);
        if (k < 0)
            return 0;
        int kind = datewords[c->datewords.v[k].row].kind;
        named += kind == MONTH || kind == WEEKDAY;
        i += m;
    }
    return numbers >= 1 && (named >= 1 || numbers >= 3);
}

static int label_line(const view *v)
{
    const rasad__toks *t = v->t;
    size_t m, gs, ge;
    long k = rasad__phrases_at(&v->a->c->labels, t, 0, &m);
    if (k < 0 || m >= t->n)
        return 0;
    gap(v, m - 1, &gs, &ge);
    if (!find_mark(v->p, gs, ge, colons))
        return 0;
    const label_row *row = &labels[v->a->c->labels.v[k].row];
    size_t nv = t->n - m;
    switch (row->value) {
    case V_NUMBER:
        if (nv != 1 || t->v[m].kind != RASAD_TOKEN_NUMBER)
            return 0;
        rasad__meta_add(v->a, row->key, t->key.p + t->v[m].key_off, t->v[m].key_len);
        return 1;
    case V_ATTR:
        if (nv > ATTR_VALUE_MAX_WORDS)
            return 0;
        attribution(v, whole_agency(v, m, t->n), m, t->n);
        return 1;
    case V_DATE:
        if (!is_date(v->a->c, t, m, t->n))
            return 0;
        meta_tokens(v, row->key, m, t->n);
        return 1;
    default:
        if (nv > NAME_VALUE_MAX_WORDS)
            return 0;
        meta_tokens(v, row->key, m, t->n);
        return 1;
    }
}

static int whole_line(const view *v)
{
    const rasad__toks *t = v->t;
    size_t m;
    if (rasad__phrases_at(&v->a->c->endmarks, t, 0, &m) >= 0 && m == t->n)
        return 1;
    if (label_line(v))
        return 1;
    if (is_date(v->a->c, t, 0, t->n)) {
        meta_tokens(v, "date_line", 0, t->n);
        return 1;
    }
    const char *canon = whole_agency(v, 0, t->n);
    if (canon) {
        attribution(v, canon, 0, t->n);
        return 1;
    }
    return 0;
}

/* ---- leading parts -------------------------------------------------------- */

/* «تهران- ایرنا-»: returns the offset (in the part) where the body starts. */
static size_t place_agency(const view *v)
{
    const rasad__toks *t = v->t;
    size_t gs, ge;
    for (size_t k = 1; k <= 3 && k < t->n; k++) {
        if (t->v[k - 1].kind != RASAD_TOKEN_WORD)
            return 0;
        gap(v, k - 1, &gs, &ge);
        if (!find_mark(v->p, gs, ge, dashes))
            continue;
        const char *canon;
        size_t m = rasad__agency_at(v->a->c, t, k, &canon);
        if (!m)
            return 0;
        gap(v, k + m - 1, &gs, &ge);
        size_t after = find_mark(v->p, gs, ge, dashes);
        if (!after && k + m < t->n)
            return 0;
        rasad__meta_add(v->a, "place", v->p + t->v[0].start, t->v[k - 1].end - t->v[0].start);
        attribution(v, canon, k, k + m);
        return after ? after : ge;
    }
    return 0;
}

/* X of «به گزارش X،» is tokens [s, e): 1 when it is an outlet. */
static int attr_phrase(const view *v, size_t s, size_t e)
{
    const rasad__toks *t = v->t;
    size_t credit = e;
    for (size_t q = s; q + 2 < e; q++)
        if (word_is(t, q, "به") && word_is(t, q + 1, "نقل") && word_is(t, q + 2, "از")) {
            credit = q;
            break;
        }
    const char *canon = NULL;
    size_t anchor = 0, m;
    for (size_t i = s; i < credit; i++) {
        const char *cn;
        if ((m = rasad__agency_at(v->a->c, t, i, &cn)) != 0) {
            canon = cn;
            anchor = i + m;
        } else if (rasad__press_at(v->a->c, t, i, &m)) {
            anchor = i + m;
        }
    }
    if (!anchor)
        return 0;
    size_t place = 0, tail = credit - anchor;
    if (tail > 0 && word_is(t, anchor, "از") && tail - 1 >= 1 && tail - 1 <= 3)
        place = anchor + 1;
    else if (tail <= 2)
        anchor = credit;
    else
        return 0;
    attribution(v, canon, s, anchor);
    if (place)
        meta_tokens(v, "place", place, credit);
    if (credit + 3 < e)
        meta_tokens(v, "credit", credit + 3, e);
    return 1;
}

/* First token d in [from, to) followed by a comma or colon, or to. */
static size_t find_comma(const view *v, size_t from, size_t to, size_t *after)
{
    size_t gs, ge;
    for (size_t d = from; d < to && d < v->t->n; d++) {
        gap(v, d, &gs, &ge);
        if ((*after = find_mark(v->p, gs, ge, commas)) != 0)
            return d;
    }
    return to;
}

/* «به گزارش X،»: returns where the body starts, or 0. */
static size_t reported_by(const view *v)
{
    const rasad__toks *t = v->t;
    if (!word_is(t, 0, "به") || !word_is(t, 1, "گزارش") || t->n < 3)
        return 0;
    size_t after, limit = 2 + RASAD__CLEAN_ATTR_MAX_WORDS;
    size_t d = find_comma(v, 2, limit, &after);
    if (d < limit && attr_phrase(v, 2, d + 1))
        return after;
    const char *canon;
    size_t m = rasad__agency_at(v->a->c, t, 2, &canon);
    if (!m)
        return 0;
    attribution(v, canon, 2, 2 + m);
    size_t gs, ge;
    gap(v, 1 + m, &gs, &ge);
    after = find_mark(v->p, gs, ge, commas);
    return after ? after : t->v[1 + m].end;
}

/* «خبرگزاری تسنیم:»: returns where the body starts, or 0. */
static size_t agency_colon(const view *v)
{
    const char *canon;
    size_t m = rasad__agency_at(v->a->c, v->t, 0, &canon), gs, ge;
    if (!m || m >= v->t->n)
        return 0;
    gap(v, m - 1, &gs, &ge);
    size_t after = find_mark(v->p, gs, ge, colons);
    if (!after)
        return 0;
    attribution(v, canon, 0, m);
    return after;
}

/* «به نقل از Y،» right after another attribution. */
static size_t quoting(const view *v)
{
    const rasad__toks *t = v->t;
    if (!word_is(t, 0, "به") || !word_is(t, 1, "نقل") || !word_is(t, 2, "از"))
        return 0;
    size_t after, limit = 3 + CREDIT_MAX_WORDS;
    size_t d = find_comma(v, 3, limit, &after);
    if (d >= limit || d + 1 >= t->n)
        return 0;
    const char *canon = whole_agency(v, 3, d + 1);
    if (canon)
        rasad__meta_add(v->a, "credit", canon, strlen(canon));
    else
        meta_tokens(v, "credit", 3, d + 1);
    return after;
}

/* ---- trailing parts ------------------------------------------------------- */

/* Where a closing mark starts (offset in the part), or 0. */
static size_t trailing(const view *v)
{
    const rasad__toks *t = v->t;
    size_t n = v->end - v->base, m;
    for (size_t i = 1; i < t->n; i++)
        if (rasad__phrases_at(&v->a->c->endmarks, t, i, &m) >= 0 && i + m == t->n)
            return t->v[i].start;
    /* «... کرد. /» */
    size_t e = n;
    while (e > 0 && v->p[e - 1] == '/')
        e--;
    if (e == n || e == 0)
        return 0;
    size_t s = e;
    while (s > 0 && rasad__space_before(v->p, s))
        s -= rasad__space_before(v->p, s);
    return s > 0 && rasad__ends_sentence(v->p, s) ? e : 0;
}

static int tokenize(rasad__article *a, size_t li, view *v)
{
    rasad__line *L = &a->lines[li];
    if (rasad__line_toks(a, li))
        return 0;
    *v = (view){ a, a->text + L->ks, L->ks, L->ke, &a->tk };
    return a->tk.n > 0;
}

typedef size_t (*leading_fn)(const view *v);

void rasad__dateline_line(rasad__article *a, size_t li)
{
    static const leading_fn leading[] = { place_agency, reported_by, agency_colon };
    rasad__line *L = &a->lines[li];
    view v;
    if (L->gone || !tokenize(a, li, &v))
        return;
    if (whole_line(&v)) {
        rasad__cut_rest(a, li, RASAD_CLEAN_DATELINE);
        return;
    }
    int chained = 0;
    for (size_t k = 0; k < sizeof leading / sizeof leading[0]; k++) {
        size_t at = leading[k](&v);
        if (!at && chained)
            at = quoting(&v);
        if (!at)
            continue;
        rasad__cut(a, li, RASAD_CLEAN_DATELINE, L->ks, L->ks + at);
        if (L->gone || !tokenize(a, li, &v))
            break;
        chained = 1;
        k = (size_t)-1;     /* «خبرگزاری تسنیم: به نقل از ...»: look again */
    }
    if (!L->gone && tokenize(a, li, &v)) {
        size_t at = trailing(&v);
        if (at)
            rasad__cut(a, li, RASAD_CLEAN_DATELINE, L->ks + at, L->ke);
    }
    if (!L->gone && !tokenize(a, li, &v) && !a->err)
        rasad__cut_rest(a, li, RASAD_CLEAN_DATELINE);
}
