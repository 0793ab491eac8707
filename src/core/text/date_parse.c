/* date_parse.c - dates written in Persian text.
 *
 *   [weekday[،]] day month-name [year [marker]]   ۲۵ آذر ۱۳۹۵، بیست و پنجم آذرماه
 *   [weekday[،]] year sep month sep day [marker]  1395/09/25, ۱۳۹۵-۹-۲۵
 *
 * Month names, weekday names and calendar markers are tables matched
 * through wordmatch.h, so Arabic letter variants, harakat and ZWNJ-or-space
 * spellings (ربیع‌الاول, ربیع الاول, ربیعالاول) all match one row. */
#include "rasad/date.h"

#include <string.h>
#include "rasad/number.h"
#include "wordmatch.h"

enum mflag {
    M_NEEDS_YEAR = 1u << 0, /* only a date when a year follows (مه is fog, صفر is zero) */
};

struct month_name {
    const char *w;          /* the name; a space matches space, ZWNJ or nothing */
    unsigned char cal;      /* enum rasad_calendar */
    unsigned char month;    /* 1-12 */
    unsigned char flags;    /* enum mflag bits */
};

static const struct month_name months[] = {
    { "فروردین", RASAD_CAL_JALALI, 1, 0 },    { "اردیبهشت", RASAD_CAL_JALALI, 2, 0 },
    { "خرداد", RASAD_CAL_JALALI, 3, 0 },      { "تیر", RASAD_CAL_JALALI, 4, 0 },
    { "مرداد", RASAD_CAL_JALALI, 5, 0 },      { "امرداد", RASAD_CAL_JALALI, 5, 0 },
    { "شهریور", RASAD_CAL_JALALI, 6, 0 },     { "مهر", RASAD_CAL_JALALI, 7, 0 },
    { "آبان", RASAD_CAL_JALALI, 8, 0 },       { "آذر", RASAD_CAL_JALALI, 9, 0 },
    { "دی", RASAD_CAL_JALALI, 10, 0 },        { "بهمن", RASAD_CAL_JALALI, 11, 0 },
    { "اسفند", RASAD_CAL_JALALI, 12, 0 },

    { "ژانویه", RASAD_CAL_GREGORIAN, 1, 0 },  { "ژانویئه", RASAD_CAL_GREGORIAN, 1, 0 },
    { "فوریه", RASAD_CAL_GREGORIAN, 2, 0 },   { "فبریه", RASAD_CAL_GREGORIAN, 2, 0 },
    { "مارس", RASAD_CAL_GREGORIAN, 3, 0 },    { "مارچ", RASAD_CAL_GREGORIAN, 3, 0 },
    { "آوریل", RASAD_CAL_GREGORIAN, 4, 0 },   { "آپریل", RASAD_CAL_GREGORIAN, 4, 0 },
    { "مه", RASAD_CAL_GREGORIAN, 5, M_NEEDS_YEAR },
    { "می", RASAD_CAL_GREGORIAN, 5, M_NEEDS_YEAR },
    { "مئی", RASAD_CAL_GREGORIAN, 5, M_NEEDS_YEAR },
    { "ژوئن", RASAD_CAL_GREGORIAN, 6, 0 },    { "ژوین", RASAD_CAL_GREGORIAN, 6, 0 },
    { "جون", RASAD_CAL_GREGORIAN, 6, M_NEEDS_YEAR },
    { "ژوئیه", RASAD_CAL_GREGORIAN, 7, 0 },   { "ژوییه", RASAD_CAL_GREGORIAN, 7, 0 },
    { "جولای", RASAD_CAL_GREGORIAN, 7, 0 },
    { "اوت", RASAD_CAL_GREGORIAN, 8, 0 },     { "آگوست", RASAD_CAL_GREGORIAN, 8, 0 },
    { "آگست", RASAD_CAL_GREGORIAN, 8, 0 },
    { "سپتامبر", RASAD_CAL_GREGORIAN, 9, 0 }, { "سپتمبر", RASAD_CAL_GREGORIAN, 9, 0 },
    { "اکتبر", RASAD_CAL_GREGORIAN, 10, 0 },  { "نوامبر", RASAD_CAL_GREGORIAN, 11, 0 },
    { "دسامبر", RASAD_CAL_GREGORIAN, 12, 0 }, { "دیسامبر", RASAD_CAL_GREGORIAN, 12, 0 },

    { "محرم", RASAD_CAL_HIJRI, 1, M_NEEDS_YEAR },
    { "محرم الحرام", RASAD_CAL_HIJRI, 1, M_NEEDS_YEAR },
    { "صفر", RASAD_CAL_HIJRI, 2, M_NEEDS_YEAR },
    { "صفر المظفر", RASAD_CAL_HIJRI, 2, M_NEEDS_YEAR },
    { "ربیع الاول", RASAD_CAL_HIJRI, 3, M_NEEDS_YEAR },
    { "ربیع الثانی", RASAD_CAL_HIJRI, 4, M_NEEDS_YEAR },
    { "ربیع الآخر", RASAD_CAL_HIJRI, 4, M_NEEDS_YEAR },
    { "جمادی الاول", RASAD_CAL_HIJRI, 5, M_NEEDS_YEAR },
    { "جمادی الاولی", RASAD_CAL_HIJRI, 5, M_NEEDS_YEAR },
    { "جمادی الثانی", RASAD_CAL_HIJRI, 6, M_NEEDS_YEAR },
    { "جمادی الثانیه", RASAD_CAL_HIJRI, 6, M_NEEDS_YEAR },
    { "جمادی الآخر", RASAD_CAL_HIJRI, 6, M_NEEDS_YEAR },
    { "جمادی الاخری", RASAD_CAL_HIJRI, 6, M_NEEDS_YEAR },
    { "رجب", RASAD_CAL_HIJRI, 7, M_NEEDS_YEAR },
    { "شعبان", RASAD_CAL_HIJRI, 8, M_NEEDS_YEAR },
    { "شعبان المعظم", RASAD_CAL_HIJRI, 8, M_NEEDS_YEAR },
    { "رمضان", RASAD_CAL_HIJRI, 9, M_NEEDS_YEAR },
    { "رمضان المبارک", RASAD_CAL_HIJRI, 9, M_NEEDS_YEAR },
    { "شوال", RASAD_CAL_HIJRI, 10, M_NEEDS_YEAR },
    { "ذی القعده", RASAD_CAL_HIJRI, 11, M_NEEDS_YEAR },
    { "ذیقعده", RASAD_CAL_HIJRI, 11, M_NEEDS_YEAR },
    { "ذو القعده", RASAD_CAL_HIJRI, 11, M_NEEDS_YEAR },
    { "ذی الحجه", RASAD_CAL_HIJRI, 12, M_NEEDS_YEAR },
    { "ذیحجه", RASAD_CAL_HIJRI, 12, M_NEEDS_YEAR },
    { "ذو الحجه", RASAD_CAL_HIJRI, 12, M_NEEDS_YEAR },
};

/* What may follow a month name: «ماه» after a Jalali month (آذرماه,
 * دی‌ماه), an ezafe «ی» (ژانویه‌ی), or nothing. */
static const struct month_suffix {
    const char *w;   /* suffix; "" for none */
    int cal;         /* only after months of this calendar; 0 for any */
} month_suffixes[] = {
    { " ماه", RASAD_CAL_JALALI }, { "\u200cی", 0 }, { "", 0 },
};

static const struct weekday_name {
    const char *w;   /* the name */
    int wday;        /* 0 = شنبه ... 6 = جمعه */
} weekdays[] = {
    { "شنبه", 0 }, { "یک شنبه", 1 }, { "دو شنبه", 2 }, { "سه شنبه", 3 },
    { "چهار شنبه", 4 }, { "پنج شنبه", 5 }, { "جمعه", 6 },
};

static const struct marker {
    const char *w;   /* marker; spaces are optional */
    int cal;         /* the calendar it names */
} markers[] = {
    { "ه. ش.", RASAD_CAL_JALALI },  { "ه. ش", RASAD_CAL_JALALI },
    { "هجری شمسی", RASAD_CAL_JALALI }, { "شمسی", RASAD_CAL_JALALI },
    { "خورشیدی", RASAD_CAL_JALALI },
    { "ه. ق.", RASAD_CAL_HIJRI },   { "ه. ق", RASAD_CAL_HIJRI },
    { "هجری قمری", RASAD_CAL_HIJRI }, { "قمری", RASAD_CAL_HIJRI },
    { "م.", RASAD_CAL_GREGORIAN },  { "میلادی", RASAD_CAL_GREGORIAN },
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])
#define DIGITS_ONLY (RASAD_NUM_NO_WORDS | RASAD_NUM_NO_DECIMAL | \
                     RASAD_NUM_NO_GROUPING | RASAD_NUM_NO_ORDINAL)

/* Numeric dates: calendar by year when no marker says otherwise. */
static const struct year_range {
    int lo, hi;      /* inclusive */
    int cal;
} year_ranges[] = {
    { 1200, 1499, RASAD_CAL_JALALI },
    { 1800, 2199, RASAD_CAL_GREGORIAN },
};

/* A leap year of each calendar: the longest any month can be. */
static const int leap_year[] = { 0, 1399, 2000, 1442 };

/* Reads digits at i with between lo and hi of them; returns the value or -1. */
static int read_digits(const char *p, size_t n, size_t i, unsigned lo, unsigned hi,
                       size_t *end)
{
    rasad_number num;

    if (rasad_number_parse(p + i, n - i, DIGITS_ONLY, &num) != RASAD_OK ||
        num.ndigits < lo || num.ndigits > hi)
        return -1;
    *end = i + num.len;
    return (int)num.mant;
}

/* Reads a calendar marker after a year at i; returns its calendar (0: none). */
static int read_marker(const char *p, size_t n, size_t i, size_t *end)
{
    size_t j = rasad__wm_skip_space(p, n, i), len;
    int k = rasad__wm_longest(p, n, j, markers, sizeof markers[0],
                              COUNT(markers), 1, &len);

    if (k < 0)
        return 0;
    *end = j + len;
    return markers[k].cal;
}

static int is_sep(uint32_t cp)
{
    return cp == '/' || cp == '-' || cp == '.' || cp == 0x060D;  /* ؍ date separator */
}

/* y/m/d at i. Returns 1 and fills m (date, flags, len) or 0. */
static int parse_numeric(const char *p, size_t n, size_t i, rasad_date_match *m)
{
    size_t j, len, len2;
    uint32_t sep;
    int y, mo, d, cal = 0, mk;
    size_t k;

    if ((y = read_digits(p, n, i, 4, 4, &j)) < 0)
        return 0;
    sep = rasad__wm_cp(p, n, j, &len);
    if (!is_sep(sep) || (mo = read_digits(p, n, j + len, 1, 2, &j)) < 0 ||
        rasad__wm_cp(p, n, j, &len) != sep ||
        (d = read_digits(p, n, j + len, 1, 2, &j)) < 0)
        return 0;
    if (rasad__wm_cp(p, n, j, &len) == sep &&          /* 1395/09/25/7 is not a date */
        rasad__wm_digit(rasad__wm_cp(p, n, j + len, &len2)) >= 0)
        return 0;
    for (k = 0; k < COUNT(year_ranges); k++)
        if (y >= year_ranges[k].lo && y <= year_ranges[k].hi)
            cal = year_ranges[k].cal;
    if ((mk = read_marker(p, n, j, &len)) != 0) {
        cal = mk;
        j = len;
        m->flags |= RASAD_DATE_MARKER;
    }
    if (!cal)
        return 0;
    m->date = (rasad_date){ y, mo, d, cal };
    m->flags |= RASAD_DATE_NUMERIC;
    m->len = j;
    return 1;
}

/* The longest month name at j with its suffix; returns its row or -1. */
static int read_month(const char *p, size_t n, size_t j, size_t *end)
{
    size_t k, s, best = 0;
    int row = -1;

    for (k = 0; k < COUNT(months); k++) {
        size_t mlen = rasad__wm_match(p, n, j, months[k].w);
        if (!mlen)
            continue;
        for (s = 0; s < COUNT(month_suffixes); s++) {
            const struct month_suffix *sf = &month_suffixes[s];
            size_t e = j + mlen;
            if (sf->cal && sf->cal != months[k].cal)
                continue;
            if (sf->w[0]) {
                size_t sl = rasad__wm_match(p, n, e, sf->w);
                if (!sl)
                    continue;
                e += sl;
            }
            if (rasad__wm_boundary(p, n, e)) {
                if (e > best) {
                    best = e;
                    row = (int)k;
                }
                break;
            }
        }
    }
    *end = best;
    return row;
}

/* day month-name [year [marker]] at i. Returns 1 and fills m, or 0. */
static int parse_named(const char *p, size_t n, size_t i, rasad_date_match *m)
{
    rasad_number day;
    const struct month_name *mn;
    size_t j, e;
    int row, y, mk;

    if (rasad_number_parse(p + i, n - i, RASAD_NUM_NO_DECIMAL | RASAD_NUM_NO_GROUPING,
                           &day) != RASAD_OK ||
        day.scale || day.mant < 1 || day.mant > 31 || day.ndigits > 2)
        return 0;
    j = rasad__wm_skip_space(p, n, i + day.len);
    if ((row = read_month(p, n, j, &e)) < 0)
        return 0;
    mn = &months[row];
    y = read_digits(p, n, rasad__wm_skip_space(p, n, e), 4, 4, &j);
    if (y < 0) {
        if (mn->flags & M_NEEDS_YEAR)
            return 0;
        m->flags |= RASAD_DATE_NO_YEAR;
        y = 0;
    } else {
        e = j;
        if ((mk = read_marker(p, n, e, &j)) == mn->cal) {
            e = j;
            m->flags |= RASAD_DATE_MARKER;
        }
    }
    m->date = (rasad_date){ y, mn->month, (int)day.mant, mn->cal };
    m->len = e;
    return 1;
}

int rasad_date_parse(const char *p, size_t n, rasad_date_match *out)
{
    rasad_date_match m;
    size_t i = 0, r, len;
    uint32_t cp;
    int k, rc = RASAD_OK;

    if (!out || (!p && n > 0))
        return RASAD_INVAL;
    memset(out, 0, sizeof *out);
    memset(&m, 0, sizeof m);
    m.weekday = -1;
    k = -1;
    if ((r = rasad__wm_match(p, n, 0, "روز ")) != 0 &&   /* «روز سه‌شنبه ...» */
        (k = rasad__wm_longest(p, n, r, weekdays, sizeof weekdays[0],
                               COUNT(weekdays), 1, &len)) >= 0)
        i = r;
    if (k < 0)
        k = rasad__wm_longest(p, n, 0, weekdays, sizeof weekdays[0],
                              COUNT(weekdays), 1, &len);
    if (k >= 0) {
        m.weekday = weekdays[k].wday;
        m.flags |= RASAD_DATE_WEEKDAY;
        i = rasad__wm_skip_space(p, n, i + len);
        cp = rasad__wm_cp(p, n, i, &len);
        if (cp == 0x060C || cp == ',')
            i = rasad__wm_skip_space(p, n, i + len);
    }
    if (!parse_numeric(p, n, i, &m) && !parse_named(p, n, i, &m))
        return RASAD_NOTFOUND;
    if (m.date.cal == RASAD_CAL_HIJRI)
        m.flags |= RASAD_DATE_APPROX;
    if (!(m.flags & RASAD_DATE_NO_YEAR)) {
        rc = rasad_date_to_days(&m.date, &m.days);
        if (rc == RASAD_OK && m.weekday >= 0 && rasad_date_weekday(m.days) != m.weekday)
            m.flags |= RASAD_DATE_WEEKDAY_MISMATCH;
    } else if (m.date.day > rasad_date_month_days(m.date.cal, leap_year[m.date.cal],
                                                  m.date.month)) {
        rc = RASAD_RANGE;              /* «۳۱ مهر»: no year has it */
    }
    *out = m;
    return rc;
}

int rasad_date_find(const char *p, size_t n, size_t *start, rasad_date_match *out)
{
    size_t i = 0, len;
    int after_word = 0;

    if (!out || !start || (!p && n > 0))
        return RASAD_INVAL;
    while (i < n) {
        uint32_t cp = rasad__wm_cp(p, n, i, &len);
        int wordish = rasad__wm_is_letter(cp) || rasad__wm_digit(cp) >= 0 ||
                      cp == RASAD__ZWNJ;
        if (wordish && !after_word && rasad_date_parse(p + i, n - i, out) == RASAD_OK) {
            *start = i;
            return RASAD_OK;
        }
        after_word = wordish;
        i += len;
    }
    memset(out, 0, sizeof *out);
    return RASAD_NOTFOUND;
}
