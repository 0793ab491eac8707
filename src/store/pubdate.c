/* pubdate.c - a publication date as written, to YYYY-MM-DD (Gregorian).
 *
 * Reads what inputs put in "published": ISO 8601 (2017-04-26T10:00:00Z),
 * numeric Jalali (1396/02/06), dates in words (۶ اردیبهشت ۱۳۹۶) through
 * rasad_date_find, and RFC 822 dates of RSS (Wed, 26 Apr 2017 10:00 GMT). */
#include <stdio.h>
#include <string.h>
#include "rasad/date.h"
#include "store_internal.h"

static const char *const en_months[12] = {
    "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
};

static int digits(const char *p, size_t n, size_t *i, int max_digits)
{
    int v = 0, k = 0;
    while (*i < n && k < max_digits && p[*i] >= '0' && p[*i] <= '9') {
        v = v * 10 + (p[*i] - '0');
        (*i)++;
        k++;
    }
    return k ? v : -1;
}

static char lower(char c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* "26 Apr 2017" anywhere in p (RFC 822); 1 when found. */
static int rfc822(const char *p, size_t n, rasad_date *d)
{
    for (size_t i = 0; i + 3 <= n; i++) {
        for (int m = 0; m < 12; m++) {
            if (lower(p[i]) != en_months[m][0] || lower(p[i + 1]) != en_months[m][1] ||
                lower(p[i + 2]) != en_months[m][2])
                continue;
            size_t j = i;            /* day before the month */
            while (j > 0 && p[j - 1] == ' ')
                j--;
            size_t ds = j;
            while (ds > 0 && p[ds - 1] >= '0' && p[ds - 1] <= '9')
                ds--;
            size_t k = i + 3;
            while (k < n && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')))
                k++;
            while (k < n && (p[k] == ' ' || p[k] == ','))
                k++;
            int day = ds < j ? digits(p, j, &ds, 2) : -1;
            int year = digits(p, n, &k, 4);
            if (day < 1 || year < 1000)
                continue;
            d->year = year;
            d->month = m + 1;
            d->day = day;
            d->cal = RASAD_CAL_GREGORIAN;
            return 1;
        }
    }
    return 0;
}

int rasad__pubdate_iso(const char *p, size_t n, char out[11])
{
    out[0] = '\0';
    rasad_date d;
    rasad_date_match m;
    size_t start;
    int32_t days;
    if (rasad_date_find(p, n, &start, &m) == RASAD_OK && !(m.flags & RASAD_DATE_NO_YEAR))
        days = m.days;
    else if (rfc822(p, n, &d) && rasad_date_to_days(&d, &days) == RASAD_OK)
        ;
    else
        return 0;
    if (rasad_date_from_days(days, RASAD_CAL_GREGORIAN, &d) != RASAD_OK)
        return 0;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year, d.month, d.day);
    memcpy(out, tmp, 10);
    out[10] = '\0';
    return 1;
}
