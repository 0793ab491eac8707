/* fuzz_numdate.c - the number and date parsers on any bytes.
 *
 * Properties, for every input and every start offset tried:
 *  - rasad_number_parse: on RASAD_OK or RASAD_RANGE, 0 < len <= n; on
 *    RASAD_NOTFOUND, len == 0; a successful parse read digits or words;
 *    parsing exactly the bytes it used gives the same number (a number does
 *    not depend on what follows it);
 *  - rasad_date_parse: len never past the end; on RASAD_OK the date exists
 *    (rasad_date_to_days agrees with the match's day number) and, when it has
 *    a year, converting it to every calendar and back gives the same day;
 *  - rasad_date_find: a found date lies inside the input. */
#include <string.h>

#include "fuzz.h"
#include "rasad/date.h"
#include "rasad/number.h"

static void check_number(const char *p, size_t n, unsigned opts)
{
    rasad_number a, b;
    int rc = rasad_number_parse(p, n, opts, &a);
    if (rc == RASAD_NOTFOUND) {
        FZ_CHECK(a.len == 0);
        return;
    }
    FZ_CHECK(rc == RASAD_OK || rc == RASAD_RANGE);
    FZ_CHECK(a.len > 0 && a.len <= n);
    if (rc != RASAD_OK)
        return;
    FZ_CHECK(a.flags & (RASAD_NUM_DIGITS | RASAD_NUM_WORDS));
    FZ_CHECK(rasad_number_parse(p, a.len, opts, &b) == RASAD_OK);
    FZ_CHECK(b.len == a.len && b.mant == a.mant && b.scale == a.scale);
}

static void check_date(const char *p, size_t n)
{
    rasad_date_match m;
    int32_t days;
    size_t start;
    int rc = rasad_date_parse(p, n, &m);
    FZ_CHECK(m.len <= n);
    if (rc == RASAD_OK && !(m.flags & RASAD_DATE_NO_YEAR)) {
        FZ_CHECK(rasad_date_to_days(&m.date, &days) == RASAD_OK);
        FZ_CHECK(days == m.days);
        for (int cal = RASAD_CAL_JALALI; cal <= RASAD_CAL_HIJRI; cal++) {
            rasad_date other, back;
            int32_t d2;
            if (rasad_date_from_days(days, cal, &other) != RASAD_OK)
                continue;
            FZ_CHECK(rasad_date_to_days(&other, &d2) == RASAD_OK && d2 == days);
            FZ_CHECK(rasad_date_convert(&other, m.date.cal, &back) == RASAD_OK);
            FZ_CHECK(rasad_date_to_days(&back, &d2) == RASAD_OK && d2 == days);
        }
    }
    if (rasad_date_find(p, n, &start, &m) == RASAD_OK)
        FZ_CHECK(start < n && m.len > 0 && start + m.len <= n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    /* every start offset of a short input; the first few of a long one */
    size_t starts = size < 64 ? size : 64;
    for (size_t i = 0; i < starts; i++) {
        check_number(p + i, size - i, 0);
        check_number(p + i, size - i, RASAD_NUM_NO_WORDS | RASAD_NUM_NO_GROUPING);
        check_date(p + i, size - i);
    }
    if (size == 0) {
        check_number(p, 0, 0);
        check_date(p, 0);
    }
    return 0;
}
