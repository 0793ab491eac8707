/* date_convert.c - day numbers for the Jalali, Gregorian and Hijri
 * calendars.
 *
 * Jalali goes through libjalali: its month table gives the day of the year
 * and jalali_get_diff() the distance to 1970-01-01. libjalali decides leap
 * years by the 2820-year (Birashk) cycle, which disagrees with Iran's
 * calendar in 1403/1404, 1436/1437, 1469/1470 ... (1403 had an Esfand 30:
 * 20 March 2025), and jalali_get_diff() is one day off for dates before
 * 1348 in years whose leap status differs from the next year's. We keep
 * libjalali's arithmetic, undo that slip, and add the difference between
 * its leap years and those of the 33-year rule (ICU's rule, which matches
 * Iran's official calendar in the present era). tests/oracle checks every
 * day of 1300-1500 against ICU. */
#include "rasad/date.h"

#include <jalali/jalali.h>

#define YEAR_MIN 1
#define YEAR_MAX 9999
#define JALALI_EPOCH_YEAR 1348   /* 1970-01-01 is 11 Dey 1348 */
#define HIJRI_EPOCH_JDN 1948439  /* the day before 1 Muharram 1 (16 July 622 Julian) */
#define UNIX_EPOCH_JDN 2440588   /* 1970-01-01 */

static int64_t floordiv(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t floormod(int64_t a, int64_t b)
{
    return a - floordiv(a, b) * b;
}

/* ---- Gregorian (proleptic), after Howard Hinnant's days_from_civil ---- */

static int64_t greg_days(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = floordiv(y, 400);
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void greg_from_days(int64_t z, rasad_date *out)
{
    int64_t era, doe, yoe, doy, mp, y;

    z += 719468;
    era = floordiv(z, 146097);
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    out->year = (int)(y + (out->month <= 2));
}

/* ---- Jalali: libjalali with the 33-year leap rule -------------------- */

static int jalali_leap(int64_t y)
{
    return floormod(25 * y + 11, 33) < 8;
}

/* Days that libjalali's leap years put off between 1348 and year y. */
static int jalali_correction(int y)
{
    int k, c = 0;

    if (y > JALALI_EPOCH_YEAR) {
        for (k = JALALI_EPOCH_YEAR; k < y; k++)
            c += jalali_leap(k) - jalali_is_jleap(k);
    } else {
        for (k = y; k < JALALI_EPOCH_YEAR; k++)
            c -= jalali_leap(k) - jalali_is_jleap(k);
    }
    return c;
}

/* Day number of (y, m, d), m 1-12; the date is already validated. */
static int64_t jalali_days(int y, int m, int d)
{
    struct jtm t = { 0 };
    int64_t z;

    t.tm_year = y;
    t.tm_mon = m - 1;
    t.tm_mday = d;
    jalali_create_days_from_date(&t);   /* sets tm_yday; fails only out of range */
    z = jalali_get_diff(&t);
    /* Before 1348 jalali_get_diff() counts the days left in year y with the
     * length of year y + 1 (found by the ICU oracle: 1 Farvardin 1300 came
     * out one day late). */
    if (y < JALALI_EPOCH_YEAR)
        z += jalali_is_jleap(y + 1) - jalali_is_jleap(y);
    return z + jalali_correction(y);
}

static void jalali_from_days(int64_t z, rasad_date *out)
{
    int64_t y = JALALI_EPOCH_YEAR + floordiv((z + 286) * 33, 12053);
    struct jtm t = { 0 };

    while (y > YEAR_MIN - 1 && jalali_days((int)y, 1, 1) > z)
        y--;
    while (y < YEAR_MAX + 1 && jalali_days((int)y + 1, 1, 1) <= z)
        y++;
    t.tm_year = (int)y;
    t.tm_yday = (int)(z - jalali_days((int)y, 1, 1));
    jalali_create_date_from_days(&t);   /* month and day from tm_yday */
    out->year = (int)y;
    out->month = t.tm_mon + 1;
    out->day = t.tm_mday;
}

/* ---- Hijri: the tabular Islamic calendar (civil epoch) --------------- */

static int hijri_leap(int64_t y)
{
    return floormod(14 + 11 * y, 30) < 11;
}

static int64_t hijri_days(int64_t y, int m, int d)
{
    int64_t jdn = d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 +
                  floordiv(3 + 11 * y, 30) + HIJRI_EPOCH_JDN;
    return jdn - UNIX_EPOCH_JDN;
}

static void hijri_from_days(int64_t z, rasad_date *out)
{
    int64_t y = floordiv(30 * (z + UNIX_EPOCH_JDN - HIJRI_EPOCH_JDN - 1) + 10646, 10631);
    int m = 12;

    while (hijri_days(y, 1, 1) > z)
        y--;
    while (hijri_days(y + 1, 1, 1) <= z)
        y++;
    while (m > 1 && hijri_days(y, m, 1) > z)
        m--;
    out->year = (int)y;
    out->month = m;
    out->day = (int)(z - hijri_days(y, m, 1) + 1);
}

/* ---- public ----------------------------------------------------------- */

int rasad_date_is_leap(int cal, int year)
{
    switch (cal) {
    case RASAD_CAL_JALALI:
        return jalali_leap(year);
    case RASAD_CAL_GREGORIAN:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    case RASAD_CAL_HIJRI:
        return hijri_leap(year);
    default:
        return RASAD_INVAL;
    }
}

int rasad_date_month_days(int cal, int year, int month)
{
    static const unsigned char len[3][12] = {
        { 31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29 },  /* Jalali */
        { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },  /* Gregorian */
        { 30, 29, 30, 29, 30, 29, 30, 29, 30, 29, 30, 29 },  /* Hijri */
    };

    if (cal < RASAD_CAL_JALALI || cal > RASAD_CAL_HIJRI || month < 1 || month > 12)
        return 0;
    return len[cal - 1][month - 1] +
           (month == (cal == RASAD_CAL_GREGORIAN ? 2 : 12) && rasad_date_is_leap(cal, year) == 1);
}

int rasad_date_to_days(const rasad_date *d, int32_t *days)
{
    int max;
    int64_t z;

    if (!d || !days)
        return RASAD_INVAL;
    if (d->cal < RASAD_CAL_JALALI || d->cal > RASAD_CAL_HIJRI)
        return RASAD_INVAL;
    if (d->year < YEAR_MIN || d->year > YEAR_MAX || d->month < 1 || d->month > 12)
        return RASAD_RANGE;
    max = d->cal == RASAD_CAL_HIJRI ? 30 : rasad_date_month_days(d->cal, d->year, d->month);
    if (d->day < 1 || d->day > max)
        return RASAD_RANGE;
    switch (d->cal) {
    case RASAD_CAL_JALALI:
        z = jalali_days(d->year, d->month, d->day);
        break;
    case RASAD_CAL_GREGORIAN:
        z = greg_days(d->year, d->month, d->day);
        break;
    default:
        z = hijri_days(d->year, d->month, d->day);
        break;
    }
    *days = (int32_t)z;
    return RASAD_OK;
}

int rasad_date_from_days(int32_t days, int cal, rasad_date *out)
{
    rasad_date r = { 0, 0, 0, cal };

    if (!out || cal < RASAD_CAL_JALALI || cal > RASAD_CAL_HIJRI)
        return RASAD_INVAL;
    /* A coarse window first (0001-01-01 .. 10700-01-01 Gregorian) keeps the
     * year searches short; the exact year check follows the conversion. */
    if (days < greg_days(1, 1, 1) || days >= greg_days(10700, 1, 1))
        return RASAD_RANGE;
    switch (cal) {
    case RASAD_CAL_JALALI:
        jalali_from_days(days, &r);
        break;
    case RASAD_CAL_GREGORIAN:
        greg_from_days(days, &r);
        break;
    default:
        hijri_from_days(days, &r);
        break;
    }
    if (r.year < YEAR_MIN || r.year > YEAR_MAX)
        return RASAD_RANGE;
    *out = r;
    return RASAD_OK;
}

int rasad_date_convert(const rasad_date *in, int cal, rasad_date *out)
{
    int32_t days;
    int rc = rasad_date_to_days(in, &days);

    if (rc != RASAD_OK)
        return rc;
    return rasad_date_from_days(days, cal, out);
}

int rasad_date_weekday(int32_t days)
{
    return (int)floormod((int64_t)days + 5, 7);   /* 1970-01-01 was a Thursday (پنجشنبه) */
}
