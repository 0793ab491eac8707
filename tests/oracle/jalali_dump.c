/* jalali_dump.c - prints rasad's calendar for every day of 1300-1500 SH, one
 * line per day: "jy jm jd days gy gm gd" (days since 1970-01-01), for
 * jalali_oracle.py to compare with ICU's Persian calendar.
 *
 * Days are walked one by one and turned into Jalali dates with
 * rasad_date_from_days(), so every date rasad considers valid appears once
 * and in order; each is converted back with rasad_date_to_days() and a line
 * "ROUNDTRIP ..." reports any day that does not come back. Exit status 1 on
 * a round-trip failure or a conversion error. */
#include <stdint.h>
#include <stdio.h>
#include "rasad/date.h"

#define FIRST_YEAR 1300
#define LAST_YEAR 1500

int main(void)
{
    rasad_date first = { FIRST_YEAR, 1, 1, RASAD_CAL_JALALI };
    rasad_date last = { LAST_YEAR, 12, 0, RASAD_CAL_JALALI };
    int32_t lo, hi, z, back;
    int bad = 0;

    last.day = rasad_date_month_days(RASAD_CAL_JALALI, LAST_YEAR, 12);
    if (rasad_date_to_days(&first, &lo) != RASAD_OK ||
        rasad_date_to_days(&last, &hi) != RASAD_OK) {
        fprintf(stderr, "jalali_dump: cannot convert the range ends\n");
        return 1;
    }
    for (z = lo; z <= hi; z++) {
        rasad_date j, g;
        if (rasad_date_from_days(z, RASAD_CAL_JALALI, &j) != RASAD_OK ||
            rasad_date_from_days(z, RASAD_CAL_GREGORIAN, &g) != RASAD_OK) {
            printf("ERROR %ld\n", (long)z);
            bad = 1;
            continue;
        }
        if (rasad_date_to_days(&j, &back) != RASAD_OK || back != z) {
            printf("ROUNDTRIP %d %d %d %ld\n", j.year, j.month, j.day, (long)z);
            bad = 1;
        }
        printf("%d %d %d %ld %d %d %d\n", j.year, j.month, j.day, (long)z,
               g.year, g.month, g.day);
    }
    return bad;
}
