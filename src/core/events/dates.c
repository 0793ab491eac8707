/* dates.c - date expressions in the text: absolute dates (rasad_date_find)
 * and relative ones (امروز، دیروز، روز سه‌شنبه، هفته گذشته، پارسال ...),
 * resolved against the publication day. Weeks start on شنبه; months and
 * years are Jalali. A weekday alone means the latest such day on or before
 * publication; with گذشته/پیش/قبل strictly before it, with آینده after. */
#include <stdlib.h>
#include "rasad/date.h"
#include "rasad/number.h"
#include "events_internal.h"

#define DAY_WORDS_BEFORE_WEEKDAY { "روز" }, { "صبح" }, { "عصر" }, { "ظهر" }, { "شب" }, { "بامداد" }, { "سحرگاه" }

static const ev_word day_parts[] = { DAY_WORDS_BEFORE_WEEKDAY };
static const ev_word past_words[] = { { "گذشته" }, { "پیش" }, { "قبل" } };
static const ev_word next_words[] = { { "آینده" }, { "آتی" } };
static const ev_word few_words[] = { { "چند" }, { "چندین" }, { "طی" } };

static rasad_textdate *push(ev_doc *d)
{
    rasad_events_result *r = d->res;
    return rasad__ev_push(d, (void **)&r->dates, &r->ndates, &d->cdates, sizeof *r->dates);
}

/* The Jalali year and month of day n. */
static int jalali_of(int32_t n, int *y, int *m)
{
    rasad_date j;
    if (rasad_date_from_days(n, RASAD_CAL_JALALI, &j) != RASAD_OK)
        return -1;
    *y = j.year;
    *m = j.month;
    return 0;
}

static void resolve_relative(const ev_doc *d, rasad_textdate *td)
{
    int32_t pub = d->pub;
    int y, m, pw = rasad_date_weekday(pub);
    rasad_date j;
    td->day = RASAD_EVENTS_UNDATED;
    td->ndays = 0;
    switch (td->kind) {
    case RASAD_TD_DAY:
        td->day = pub + td->offset;
        td->ndays = 1;
        return;
    case RASAD_TD_WEEKDAY: {
        int back = (pw - td->offset + 7) % 7;
        if (td->flags & RASAD_TD_NEXT)
            td->day = pub + ((td->offset - pw + 7) % 7 ? (td->offset - pw + 7) % 7 : 7);
        else
            td->day = pub - (back == 0 && (td->flags & RASAD_TD_PAST) ? 7 : back);
        td->ndays = 1;
        return;
    }
    case RASAD_TD_WEEK:
        td->day = pub - pw + 7 * td->offset;
        td->ndays = 7;
        return;
    case RASAD_TD_MONTH:
        if (jalali_of(pub, &y, &m) != 0)
            return;
        m += td->offset;
        if (m < 1) { m += 12; y--; }
        if (m > 12) { m -= 12; y++; }
        j = (rasad_date){ y, m, 1, RASAD_CAL_JALALI };
        if (rasad_date_to_days(&j, &td->day) != RASAD_OK) {
            td->day = RASAD_EVENTS_UNDATED;
            return;
        }
        td->ndays = rasad_date_month_days(RASAD_CAL_JALALI, y, m);
        return;
    case RASAD_TD_YEAR:
        if (jalali_of(pub, &y, &m) != 0)
            return;
        y += td->offset;
        j = (rasad_date){ y, 1, 1, RASAD_CAL_JALALI };
        if (rasad_date_to_days(&j, &td->day) != RASAD_OK) {
            td->day = RASAD_EVENTS_UNDATED;
            return;
        }
        td->ndays = 365 + (rasad_date_is_leap(RASAD_CAL_JALALI, y) == 1);
        return;
    default:
        return;
    }
}

/* A date without its year (۲۵ آذر): the year that puts it closest to the
 * publication day. */
static void guess_year(const ev_doc *d, rasad_textdate *td)
{
    rasad_date pubd;
    int64_t best = INT64_MAX;
    if (rasad_date_from_days(d->pub, td->date.cal, &pubd) != RASAD_OK)
        return;
    for (int dy = -1; dy <= 1; dy++) {
        rasad_date c = td->date;
        int32_t n;
        c.year = pubd.year + dy;
        if (rasad_date_to_days(&c, &n) != RASAD_OK)
            continue;
        int64_t dist = llabs((int64_t)n - d->pub);
        if (dist < best) {
            best = dist;
            td->day = n;
            td->ndays = 1;
        }
    }
    if (td->ndays)
        td->flags |= RASAD_TD_YEAR_GUESSED;
}

static void absolute_dates(ev_doc *d)
{
    size_t at = 0, start;
    rasad_date_match m;
    while (at < d->n && rasad_date_find(d->p + at, d->n - at, &start, &m) == RASAD_OK) {
        rasad_textdate *td = push(d);
        if (!td)
            return;
        td->kind = RASAD_TD_ABSOLUTE;
        td->start = at + start;
        td->end = at + start + m.len;
        td->date = m.date;
        td->day = RASAD_EVENTS_UNDATED;
        if (!(m.flags & RASAD_DATE_NO_YEAR)) {
            td->day = m.days;
            td->ndays = 1;
        } else if (d->pub != RASAD_EVENTS_UNDATED) {
            guess_year(d, td);
        } else {
            td->flags |= RASAD_TD_UNRESOLVED;
        }
        at = td->end > at ? td->end : at + 1;
    }
}

static void relative_dates(ev_doc *d, size_t nabs)
{
    size_t k = 0;                              /* the next absolute date */
    for (size_t t = 0; t < d->ntok && !d->err; t++) {
        size_t m;
        int r = rasad__ev_longest(d, t, d->ntok, rasad__ev_rel, sizeof *rasad__ev_rel,
                                  rasad__ev_nrel, &m);
        if (r < 0)
            continue;
        const ev_rel *rel = &rasad__ev_rel[r];
        size_t s = t, f = t + m;
        while (k < nabs && d->res->dates[k].end <= d->tok[t].start)
            k++;
        if (k < nabs && d->res->dates[k].start < d->tok[f - 1].end)
            continue;                          /* part of «سه‌شنبه ۲۵ آذر ۱۳۹۵» */
        /* «۶ ماه گذشته», «چند سال گذشته», «طی هفته گذشته» are spans, not dates */
        if (rel->kind != RASAD_TD_DAY && rel->kind != RASAD_TD_WEEKDAY && t > 0 &&
            !(d->tok[t].gap & (EV_G_HARD | EV_G_COMMA)) &&
            (d->tok[t - 1].num || rasad__ev_in(d, t - 1, few_words, EV_COUNT(few_words))))
            continue;
        unsigned flags = 0;
        if (rel->kind == RASAD_TD_WEEKDAY) {
            if (s > 0 && !(d->tok[s].gap & (EV_G_HARD | EV_G_COMMA)) &&
                rasad__ev_in(d, s - 1, day_parts, EV_COUNT(day_parts)))
                s--;
            if (f < d->ntok && !(d->tok[f].gap & (EV_G_HARD | EV_G_COMMA))) {
                if (rasad__ev_in(d, f, past_words, EV_COUNT(past_words))) {
                    flags |= RASAD_TD_PAST;
                    f++;
                } else if (rasad__ev_in(d, f, next_words, EV_COUNT(next_words))) {
                    flags |= RASAD_TD_NEXT;
                    f++;
                }
            }
        }
        rasad_textdate *td = push(d);
        if (!td)
            return;
        td->kind = rel->kind;
        td->offset = rel->offset;
        td->flags = flags;
        td->start = d->tok[s].start;
        td->end = d->tok[f - 1].end;
        if (d->pub == RASAD_EVENTS_UNDATED) {
            td->day = RASAD_EVENTS_UNDATED;
            td->flags |= RASAD_TD_UNRESOLVED;
        } else {
            resolve_relative(d, td);
        }
        t = f - 1;
    }
}

static int by_start(const void *a, const void *b)
{
    const rasad_textdate *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

void rasad__ev_dates(ev_doc *d)
{
    absolute_dates(d);
    size_t nabs = d->res->ndates;
    relative_dates(d, nabs);
    if (d->res->ndates > 1)
        qsort(d->res->dates, d->res->ndates, sizeof *d->res->dates, by_start);
}
