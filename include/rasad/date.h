/* date.h - dates in Persian text, and the Jalali, Gregorian and Hijri
 * calendars.
 *
 * Reads «۲۵ آذر ۱۳۹۵», «سه‌شنبه ۲۵ آذر ۱۳۹۵», «بیست و پنجم آذرماه ۱۳۹۵»,
 * «1395/09/25», «۱۳۹۵-۹-۲۵», «۲۰ دسامبر ۲۰۱۶», «۱۵ رمضان ۱۴۳۸ ه.ق.» and
 * their spelling variants (docs/numbers-dates.md lists them all), and
 * converts between calendars through a day number: days since 1970-01-01
 * in the proleptic Gregorian calendar.
 *
 * Calendars: Jalali (Solar Hijri) goes through Debian's libjalali, with its
 * leap years corrected to the 33-year rule, which ICU uses and which gives
 * Iran's leap years today (libjalali's 2820-year rule puts 1403's in 1404);
 * Gregorian is proleptic; Hijri is the tabular (civil) Islamic calendar,
 * which can differ from the sighted calendar by one or two days.
 *
 * Text need not be NUL-terminated or valid UTF-8. Nothing is allocated and
 * no state is kept: every function is safe from any thread. Years 1-9999
 * are accepted in every calendar. */
#ifndef RASAD_DATE_H
#define RASAD_DATE_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

enum rasad_calendar {
    RASAD_CAL_JALALI    = 1, /* Solar Hijri, the calendar of Iran */
    RASAD_CAL_GREGORIAN = 2, /* proleptic Gregorian */
    RASAD_CAL_HIJRI     = 3, /* tabular Islamic (civil epoch), approximate */
};

/* A calendar date. */
typedef struct rasad_date {
    int year;   /* 1-9999; 0 in a match with RASAD_DATE_NO_YEAR */
    int month;  /* 1-12 */
    int day;    /* 1-31 */
    int cal;    /* enum rasad_calendar */
} rasad_date;

/* What rasad_date_parse() saw (bits of rasad_date_match.flags). */
enum rasad_date_flag {
    RASAD_DATE_NUMERIC  = 1u << 0, /* all digits: 1395/09/25 */
    RASAD_DATE_NO_YEAR  = 1u << 1, /* «۲۵ آذر»: year is 0 and days is 0 */
    RASAD_DATE_WEEKDAY  = 1u << 2, /* a weekday name came first */
    RASAD_DATE_WEEKDAY_MISMATCH = 1u << 3, /* ...and the date falls on another day */
    RASAD_DATE_MARKER   = 1u << 4, /* a calendar marker followed: ه.ش.، م.، ه.ق.، قمری */
    RASAD_DATE_APPROX   = 1u << 5, /* Hijri: the day number may be 1-2 days off */
};

/* A date found in text. */
typedef struct rasad_date_match {
    rasad_date date;  /* as written, in the calendar of the text */
    int32_t days;     /* the same day as days since 1970-01-01 (0 with NO_YEAR) */
    int weekday;      /* the weekday named in the text, 0 = شنبه ... 6 = جمعه; -1 when none */
    unsigned flags;   /* rasad_date_flag bits */
    size_t len;       /* bytes of p used */
} rasad_date_match;

/* Parses the date that starts at p[0] (leading spaces are not skipped).
 * A numeric date y/m/d (separator / - or ., the same twice) takes its
 * calendar from the year: 1200-1499 Jalali, 1800-2199 Gregorian, otherwise
 * it is not a date; a marker after it (ه.ق.، م.، ه.ش.) overrides that.
 * A named date takes its calendar from the month name.
 * Returns RASAD_OK; RASAD_NOTFOUND when no date starts at p[0] (*out is
 * zeroed); RASAD_RANGE when it has a date's shape but the date does not
 * exist (۳۰ اسفند ۱۳۹۶, 1395/13/01): out->date and out->len are filled so
 * the caller can skip it; RASAD_INVAL when out is NULL or p is NULL with
 * n > 0. */
RASAD_API int rasad_date_parse(const char *p, size_t n,
                               rasad_date_match *out) RASAD_WARN_UNUSED;

/* Finds the first valid date in p[0..n) that starts at a word start (not
 * right after a letter or digit); dates that do not exist are passed over.
 * On RASAD_OK stores its offset in *start and fills *out. Returns
 * RASAD_NOTFOUND when there is none, RASAD_INVAL on NULL arguments. */
RASAD_API int rasad_date_find(const char *p, size_t n, size_t *start,
                              rasad_date_match *out) RASAD_WARN_UNUSED;

/* Converts d to days since 1970-01-01 in *days. Returns RASAD_OK,
 * RASAD_RANGE when the date does not exist (month length; Esfand 30 only in
 * leap years; 29 February likewise; a Hijri month may have 30 days even
 * where the tabular calendar gives 29, since sighted months do), or
 * RASAD_INVAL for NULL arguments or an unknown calendar. */
RASAD_API int rasad_date_to_days(const rasad_date *d, int32_t *days) RASAD_WARN_UNUSED;

/* Stores in *out the date of day number days in calendar cal. Returns
 * RASAD_OK, RASAD_RANGE when the year falls outside 1-9999, RASAD_INVAL for
 * a NULL out or an unknown calendar. */
RASAD_API int rasad_date_from_days(int32_t days, int cal,
                                   rasad_date *out) RASAD_WARN_UNUSED;

/* Converts in to calendar cal (in and out may be the same object). Returns
 * what rasad_date_to_days() or rasad_date_from_days() returned. */
RASAD_API int rasad_date_convert(const rasad_date *in, int cal,
                                 rasad_date *out) RASAD_WARN_UNUSED;

/* Returns 1 when year is a leap year of cal (Jalali: 30 Esfand; Gregorian:
 * 29 February; Hijri: 30 Dhu al-Hijjah in the tabular calendar), 0 when it
 * is not, RASAD_INVAL for an unknown calendar. */
RASAD_API int rasad_date_is_leap(int cal, int year);

/* Returns the number of days in month (1-12) of year in cal, or 0 when cal
 * or month is out of range. Hijri months follow the tabular calendar. */
RASAD_API int rasad_date_month_days(int cal, int year, int month);

/* Returns the weekday of day number days: 0 = شنبه (Saturday) ... 6 = جمعه. */
RASAD_API int rasad_date_weekday(int32_t days);

#endif
