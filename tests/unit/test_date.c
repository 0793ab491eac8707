/* test_date.c - dates in text, calendar rules and conversions. */
#include <stdint.h>
#include <string.h>
#include "rasad/date.h"
#include "th.h"

/* Parses s at its start; checks the date as written, the Gregorian day it
 * names, and the bytes used. */
#define DATE(s, cal_, y, m, d, gy, gm, gd, used) do {                          \
    rasad_date_match dm_;                                                      \
    rasad_date g_;                                                             \
    TH_EQ_INT(rasad_date_parse((s), strlen(s), &dm_), RASAD_OK);               \
    TH_EQ_INT(dm_.date.cal, (cal_));                                           \
    TH_EQ_INT(dm_.date.year, (y));                                             \
    TH_EQ_INT(dm_.date.month, (m));                                            \
    TH_EQ_INT(dm_.date.day, (d));                                              \
    TH_EQ_INT(rasad_date_from_days(dm_.days, RASAD_CAL_GREGORIAN, &g_), RASAD_OK); \
    TH_EQ_INT(g_.year * 10000 + g_.month * 100 + g_.day, (gy) * 10000 + (gm) * 100 + (gd)); \
    TH_EQ_STRN((s), dm_.len, (used));                                          \
} while (0)

#define NODATE(s) do {                                                         \
    rasad_date_match dm_;                                                      \
    TH_EQ_INT(rasad_date_parse((s), strlen(s), &dm_), RASAD_NOTFOUND);         \
} while (0)

#define BADDATE(s) do {                                                        \
    rasad_date_match dm_;                                                      \
    TH_EQ_INT(rasad_date_parse((s), strlen(s), &dm_), RASAD_RANGE);            \
    TH_CHECK(dm_.len > 0);                                                     \
} while (0)

static unsigned flags_of(const char *s)
{
    rasad_date_match m;
    int rc = rasad_date_parse(s, strlen(s), &m);
    return rc == RASAD_OK ? m.flags : 0xFFFFu;
}

static void test_jalali_text(void)
{
    DATE("۲۵ آذر ۱۳۹۵ در تهران", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "۲۵ آذر ۱۳۹۵");
    DATE("25 آذر 1395", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "25 آذر 1395");
    DATE("٢٥ آذر ١٣٩٥", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "٢٥ آذر ١٣٩٥");
    DATE("بیست و پنجم آذرماه ۱۳۹۵", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15,
         "بیست و پنجم آذرماه ۱۳۹۵");
    DATE("۵ دی‌ماه ۱۳۹۵،", RASAD_CAL_JALALI, 1395, 10, 5, 2016, 12, 25, "۵ دی‌ماه ۱۳۹۵");
    DATE("۵ دی ماه ۱۳۹۵", RASAD_CAL_JALALI, 1395, 10, 5, 2016, 12, 25, "۵ دی ماه ۱۳۹۵");
    DATE("اول فروردین ۱۳۰۰", RASAD_CAL_JALALI, 1300, 1, 1, 1921, 3, 21, "اول فروردین ۱۳۰۰");
    DATE("۲۲ بهمن ۱۳۵۷", RASAD_CAL_JALALI, 1357, 11, 22, 1979, 2, 11, "۲۲ بهمن ۱۳۵۷");
    DATE("۱۱ دی ۱۳۴۸", RASAD_CAL_JALALI, 1348, 10, 11, 1970, 1, 1, "۱۱ دی ۱۳۴۸");
    DATE("۱۴ امرداد ۱۳۸۵", RASAD_CAL_JALALI, 1385, 5, 14, 2006, 8, 5, "۱۴ امرداد ۱۳۸۵");
    DATE("۱۴ مرداد ۱۳۸۵ ه.ش. بود", RASAD_CAL_JALALI, 1385, 5, 14, 2006, 8, 5,
         "۱۴ مرداد ۱۳۸۵ ه.ش.");
    DATE("۳۰ اسفند ۱۴۰۳", RASAD_CAL_JALALI, 1403, 12, 30, 2025, 3, 20, "۳۰ اسفند ۱۴۰۳");
    DATE("۱ فروردین ۱۴۰۴", RASAD_CAL_JALALI, 1404, 1, 1, 2025, 3, 21, "۱ فروردین ۱۴۰۴");
    DATE("۳۰ اسفند ۱۳۹۹", RASAD_CAL_JALALI, 1399, 12, 30, 2021, 3, 20, "۳۰ اسفند ۱۳۹۹");
    DATE("سی ام اسفند ۱۳۹۹", RASAD_CAL_JALALI, 1399, 12, 30, 2021, 3, 20, "سی ام اسفند ۱۳۹۹");
    DATE("۱۰ مهر ۱۴۰۲ شمسی", RASAD_CAL_JALALI, 1402, 7, 10, 2023, 10, 2, "۱۰ مهر ۱۴۰۲ شمسی");
    DATE("۱۰ مهر ۱۴۰۲ م.", RASAD_CAL_JALALI, 1402, 7, 10, 2023, 10, 2, "۱۰ مهر ۱۴۰۲");
    DATE("۱۰ مهر ۱۴۰۲ هجری شمسی", RASAD_CAL_JALALI, 1402, 7, 10, 2023, 10, 2,
         "۱۰ مهر ۱۴۰۲ هجری شمسی");
}

static void test_numeric(void)
{
    DATE("1395/09/25", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "1395/09/25");
    DATE("۱۳۹۵/۰۹/۲۵ ساعت ۱۰", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "۱۳۹۵/۰۹/۲۵");
    DATE("۱۳۹۵-۹-۲۵", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "۱۳۹۵-۹-۲۵");
    DATE("1395.9.25.", RASAD_CAL_JALALI, 1395, 9, 25, 2016, 12, 15, "1395.9.25");
    DATE("2016-12-20T10:00", RASAD_CAL_GREGORIAN, 2016, 12, 20, 2016, 12, 20, "2016-12-20");
    DATE("۲۰۱۶/۱۲/۲۰", RASAD_CAL_GREGORIAN, 2016, 12, 20, 2016, 12, 20, "۲۰۱۶/۱۲/۲۰");
    DATE("1438/09/15 ه.ق.", RASAD_CAL_HIJRI, 1438, 9, 15, 2017, 6, 10, "1438/09/15 ه.ق.");
    DATE("1438/09/15 قمری", RASAD_CAL_HIJRI, 1438, 9, 15, 2017, 6, 10, "1438/09/15 قمری");
    TH_EQ_INT(flags_of("1395/09/25"), RASAD_DATE_NUMERIC);
    NODATE("1395/09-25");          /* mixed separators */
    NODATE("1395/09/25/7");
    NODATE("1700/01/01");          /* neither range */
    NODATE("95/09/25");            /* two-digit years are not read */
    NODATE("1395/123/4");
    NODATE("۱۳۹۵ ۹ ۲۵");
    BADDATE("1395/13/01");
    BADDATE("1395/07/31");         /* Mehr has 30 days */
    BADDATE("2017-02-29");
}

static void test_gregorian_text(void)
{
    DATE("۲۰ دسامبر ۲۰۱۶", RASAD_CAL_GREGORIAN, 2016, 12, 20, 2016, 12, 20, "۲۰ دسامبر ۲۰۱۶");
    DATE("۲۰ دسامبر ۲۰۱۶ میلادی", RASAD_CAL_GREGORIAN, 2016, 12, 20, 2016, 12, 20,
         "۲۰ دسامبر ۲۰۱۶ میلادی");
    DATE("۲۰ دسامبر ۲۰۱۶ م. در", RASAD_CAL_GREGORIAN, 2016, 12, 20, 2016, 12, 20,
         "۲۰ دسامبر ۲۰۱۶ م.");
    DATE("۳ ژانویهٔ ۲۰۱۸", RASAD_CAL_GREGORIAN, 2018, 1, 3, 2018, 1, 3, "۳ ژانویهٔ ۲۰۱۸");
    DATE("۳ ژانویه‌ی ۲۰۱۸", RASAD_CAL_GREGORIAN, 2018, 1, 3, 2018, 1, 3, "۳ ژانویه‌ی ۲۰۱۸");
    DATE("۳ ژانویۀ ۲۰۱۸", RASAD_CAL_GREGORIAN, 2018, 1, 3, 2018, 1, 3, "۳ ژانویۀ ۲۰۱۸");
    DATE("۲۹ فوریه ۲۰۱۶", RASAD_CAL_GREGORIAN, 2016, 2, 29, 2016, 2, 29, "۲۹ فوریه ۲۰۱۶");
    DATE("۱ مارس ۲۰۲۰", RASAD_CAL_GREGORIAN, 2020, 3, 1, 2020, 3, 1, "۱ مارس ۲۰۲۰");
    DATE("۱۲ آوریل ۲۰۱۹", RASAD_CAL_GREGORIAN, 2019, 4, 12, 2019, 4, 12, "۱۲ آوریل ۲۰۱۹");
    DATE("۸ مه ۲۰۱۸", RASAD_CAL_GREGORIAN, 2018, 5, 8, 2018, 5, 8, "۸ مه ۲۰۱۸");
    DATE("۸ می ۲۰۱۸", RASAD_CAL_GREGORIAN, 2018, 5, 8, 2018, 5, 8, "۸ می ۲۰۱۸");
    DATE("۱۴ ژوئن ۲۰۱۷", RASAD_CAL_GREGORIAN, 2017, 6, 14, 2017, 6, 14, "۱۴ ژوئن ۲۰۱۷");
    DATE("۱۴ ژوئیه ۲۰۱۵", RASAD_CAL_GREGORIAN, 2015, 7, 14, 2015, 7, 14, "۱۴ ژوئیه ۲۰۱۵");
    DATE("۱۴ جولای ۲۰۱۵", RASAD_CAL_GREGORIAN, 2015, 7, 14, 2015, 7, 14, "۱۴ جولای ۲۰۱۵");
    DATE("۶ اوت ۲۰۱۹", RASAD_CAL_GREGORIAN, 2019, 8, 6, 2019, 8, 6, "۶ اوت ۲۰۱۹");
    DATE("۶ آگوست ۲۰۱۹", RASAD_CAL_GREGORIAN, 2019, 8, 6, 2019, 8, 6, "۶ آگوست ۲۰۱۹");
    DATE("۹ سپتامبر ۲۰۲۱", RASAD_CAL_GREGORIAN, 2021, 9, 9, 2021, 9, 9, "۹ سپتامبر ۲۰۲۱");
    DATE("۹ اکتبر ۲۰۲۱", RASAD_CAL_GREGORIAN, 2021, 10, 9, 2021, 10, 9, "۹ اکتبر ۲۰۲۱");
    DATE("۹ نوامبر ۲۰۲۱", RASAD_CAL_GREGORIAN, 2021, 11, 9, 2021, 11, 9, "۹ نوامبر ۲۰۲۱");
    BADDATE("۲۹ فوریه ۲۰۱۷");
    BADDATE("۳۱ نوامبر ۲۰۲۱");
    NODATE("۸ مه غلیظ");           /* مه is fog without a year */
    NODATE("۳ می‌روند");
}

static void test_hijri_text(void)
{
    DATE("۱۵ رمضان ۱۴۳۸ ه.ق.", RASAD_CAL_HIJRI, 1438, 9, 15, 2017, 6, 10, "۱۵ رمضان ۱۴۳۸ ه.ق.");
    DATE("۱۵ رمضان ۱۴۳۸ هـ.ق", RASAD_CAL_HIJRI, 1438, 9, 15, 2017, 6, 10, "۱۵ رمضان ۱۴۳۸ هـ.ق");
    DATE("۱۵ رمضان‌المبارک ۱۴۳۸ قمری", RASAD_CAL_HIJRI, 1438, 9, 15, 2017, 6, 10,
         "۱۵ رمضان‌المبارک ۱۴۳۸ قمری");
    DATE("۱ محرم ۱۴۴۶ ه. ق.", RASAD_CAL_HIJRI, 1446, 1, 1, 2024, 7, 8, "۱ محرم ۱۴۴۶ ه. ق.");
    DATE("۱ محرّم ۱۴۴۶", RASAD_CAL_HIJRI, 1446, 1, 1, 2024, 7, 8, "۱ محرّم ۱۴۴۶");

    static const struct { const char *s; int month; } names[] = {
        { "۱ صفر ۱۴۴۰", 2 },           { "۱ ربیع‌الاول ۱۴۴۰", 3 },
        { "۱ ربیع الاول ۱۴۴۰", 3 },    { "۱ ربیع‌الثانی ۱۴۴۰", 4 },
        { "۱ جمادی‌الاول ۱۴۴۰", 5 },   { "۱ جمادی الاولی ۱۴۴۰", 5 },
        { "۱ جمادی‌الثانی ۱۴۴۰", 6 },  { "۱ رجب ۱۴۴۰", 7 },
        { "۱ شعبان ۱۴۴۰", 8 },         { "۱ رمضان ۱۴۴۰", 9 },
        { "۱ شوال ۱۴۴۰", 10 },         { "۱ ذی‌القعده ۱۴۴۰", 11 },
        { "۱ ذیقعده ۱۴۴۰", 11 },       { "۱ ذی‌الحجه ۱۴۴۰", 12 },
        { "۱ ذی الحجه ۱۴۴۰ ه.ق.", 12 },
    };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        rasad_date_match m;
        TH_EQ_INT(rasad_date_parse(names[k].s, strlen(names[k].s), &m), RASAD_OK);
        TH_EQ_INT(m.date.cal, RASAD_CAL_HIJRI);
        TH_EQ_INT(m.date.month, names[k].month);
        TH_EQ_INT(m.len, strlen(names[k].s));
        TH_CHECK(m.flags & RASAD_DATE_APPROX);
    }
    NODATE("۱۵ رمضان");            /* a Hijri month needs a year */
    NODATE("۱۰ صفر تا صد");        /* صفر is also zero */
    BADDATE("۳۱ رجب ۱۴۴۰");
}

static void test_weekday_and_no_year(void)
{
    rasad_date_match m;
    const char *s;

    s = "پنجشنبه ۲۵ آذر ۱۳۹۵";      /* 15 December 2016 was a Thursday */
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_INT(m.weekday, 5);
    TH_EQ_INT(m.flags, RASAD_DATE_WEEKDAY);
    TH_EQ_INT(m.len, strlen(s));
    s = "سه‌شنبه ۲۵ آذر ۱۳۹۵";
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_INT(m.weekday, 3);
    TH_EQ_INT(m.flags, RASAD_DATE_WEEKDAY | RASAD_DATE_WEEKDAY_MISMATCH);
    s = "روز سه شنبه، ۲۰ دسامبر ۲۰۱۶";
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_INT(m.weekday, 3);
    TH_EQ_INT(m.flags, RASAD_DATE_WEEKDAY);
    TH_EQ_INT(m.len, strlen(s));
    s = "یکشنبه 1395/09/28";
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_INT(m.flags, RASAD_DATE_WEEKDAY | RASAD_DATE_NUMERIC);
    NODATE("سه‌شنبه گذشته");
    NODATE("شنبه");

    s = "۲۵ آذر گذشته";
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_INT(m.flags, RASAD_DATE_NO_YEAR);
    TH_EQ_INT(m.date.year, 0);
    TH_EQ_INT(m.date.month, 9);
    TH_EQ_STRN(s, m.len, "۲۵ آذر");
    s = "۲۵ آذر ۹۵";
    TH_EQ_INT(rasad_date_parse(s, strlen(s), &m), RASAD_OK);
    TH_EQ_STRN(s, m.len, "۲۵ آذر");
    BADDATE("۳۱ مهر");
    BADDATE("۳۰ اسفند ۱۴۰۴");      /* 1404 is not a leap year */
    BADDATE("۳۰ اسفند ۱۳۹۶");
    NODATE("۳۲ دی ۱۳۹۵");
    NODATE("۲۵ نفر");
    NODATE("آذر ۱۳۹۵");
    NODATE("");
    NODATE("\xff\xfe");
}

static void test_find(void)
{
    const char *s = "وزیر دفاع روز سه‌شنبه ۲۰ دسامبر ۲۰۱۶ در مسکو گفت که در ۳ ژانویه ۲۰۱۷ بازمی‌گردد.";
    const char *tail;
    rasad_date_match m;
    size_t at;

    TH_EQ_INT(rasad_date_find(s, strlen(s), &at, &m), RASAD_OK);
    TH_EQ_STRN(s + at, m.len, "روز سه‌شنبه ۲۰ دسامبر ۲۰۱۶");
    TH_EQ_INT(m.date.day, 20);
    tail = s + at + m.len;
    TH_EQ_INT(rasad_date_find(tail, strlen(tail), &at, &m), RASAD_OK);
    TH_EQ_STRN(tail + at, m.len, "۳ ژانویه ۲۰۱۷");

    s = "کد خبر ۱۲۳۴۵ و ۳۱ اسفند ۱۳۹۶ و سرانجام ۲۹ اسفند ۱۳۹۶ منتشر شد";
    TH_EQ_INT(rasad_date_find(s, strlen(s), &at, &m), RASAD_OK);   /* Esfand 31 passed over */
    TH_EQ_STRN(s + at, m.len, "۲۹ اسفند ۱۳۹۶");
    s = "covid19/12/20 و a1395/09/25";          /* not at a word start */
    TH_EQ_INT(rasad_date_find(s, strlen(s), &at, &m), RASAD_NOTFOUND);
    s = "هیچ تاریخی اینجا نیست";
    TH_EQ_INT(rasad_date_find(s, strlen(s), &at, &m), RASAD_NOTFOUND);
    TH_EQ_INT(rasad_date_find(NULL, 0, &at, &m), RASAD_NOTFOUND);
    TH_EQ_INT(rasad_date_find(s, strlen(s), NULL, &m), RASAD_INVAL);
}

static void test_calendar(void)
{
    rasad_date d, g;
    int32_t days;

    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_JALALI, 1403), 1);   /* libjalali alone says 0 */
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_JALALI, 1404), 0);   /* libjalali alone says 1 */
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_JALALI, 1399), 1);
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_JALALI, 1395), 1);
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_JALALI, 1396), 0);
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_GREGORIAN, 2000), 1);
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_GREGORIAN, 1900), 0);
    TH_EQ_INT(rasad_date_is_leap(RASAD_CAL_HIJRI, 1442), 1);
    TH_EQ_INT(rasad_date_is_leap(9, 2000), RASAD_INVAL);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_JALALI, 1403, 12), 30);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_JALALI, 1404, 12), 29);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_JALALI, 1404, 6), 31);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_JALALI, 1404, 7), 30);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_GREGORIAN, 2024, 2), 29);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_HIJRI, 1442, 12), 30);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_HIJRI, 1443, 12), 29);
    TH_EQ_INT(rasad_date_month_days(RASAD_CAL_GREGORIAN, 2024, 13), 0);

    d = (rasad_date){ 1348, 10, 11, RASAD_CAL_JALALI };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_OK);
    TH_EQ_INT(days, 0);
    TH_EQ_INT(rasad_date_weekday(0), 5);          /* Thursday */
    TH_EQ_INT(rasad_date_weekday(-1), 4);
    TH_EQ_INT(rasad_date_weekday(2), 0);          /* Saturday */

    d = (rasad_date){ 2016, 12, 20, RASAD_CAL_GREGORIAN };
    TH_EQ_INT(rasad_date_convert(&d, RASAD_CAL_JALALI, &g), RASAD_OK);
    TH_EQ_INT(g.year * 10000 + g.month * 100 + g.day, 13950930);
    TH_EQ_INT(g.cal, RASAD_CAL_JALALI);
    TH_EQ_INT(rasad_date_convert(&g, RASAD_CAL_GREGORIAN, &g), RASAD_OK);   /* in place */
    TH_EQ_INT(g.year * 10000 + g.month * 100 + g.day, 20161220);
    d = (rasad_date){ 1438, 9, 15, RASAD_CAL_HIJRI };
    TH_EQ_INT(rasad_date_convert(&d, RASAD_CAL_JALALI, &g), RASAD_OK);
    TH_EQ_INT(g.year * 10000 + g.month * 100 + g.day, 13960320);

    d = (rasad_date){ 1, 1, 1, RASAD_CAL_HIJRI };          /* the epoch: 16 July 622 Julian */
    TH_EQ_INT(rasad_date_convert(&d, RASAD_CAL_GREGORIAN, &g), RASAD_OK);
    TH_EQ_INT(g.year * 10000 + g.month * 100 + g.day, 6220719);

    /* round trips over a long stretch, every calendar */
    int ok = 1;
    for (int32_t z = -200000; z <= 200000; z += 7) {
        for (int cal = RASAD_CAL_JALALI; cal <= RASAD_CAL_HIJRI; cal++) {
            int32_t back;
            if (rasad_date_from_days(z, cal, &d) != RASAD_OK ||
                rasad_date_to_days(&d, &back) != RASAD_OK || back != z)
                ok = 0;
        }
    }
    TH_CHECK(ok);

    d = (rasad_date){ 1395, 0, 1, RASAD_CAL_JALALI };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_RANGE);
    d = (rasad_date){ 0, 1, 1, RASAD_CAL_GREGORIAN };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_RANGE);
    d = (rasad_date){ 10000, 1, 1, RASAD_CAL_GREGORIAN };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_RANGE);
    d = (rasad_date){ 1395, 1, 1, 7 };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_INVAL);
    TH_EQ_INT(rasad_date_from_days(INT32_MAX, RASAD_CAL_JALALI, &d), RASAD_RANGE);
    TH_EQ_INT(rasad_date_from_days(INT32_MIN, RASAD_CAL_HIJRI, &d), RASAD_RANGE);
    TH_EQ_INT(rasad_date_from_days(0, 0, &d), RASAD_INVAL);
    d = (rasad_date){ 9999, 12, 29, RASAD_CAL_JALALI };
    TH_EQ_INT(rasad_date_to_days(&d, &days), RASAD_OK);
    TH_EQ_INT(rasad_date_from_days(days, RASAD_CAL_JALALI, &g), RASAD_OK);
    TH_EQ_INT(g.year, 9999);
}

/* Every prefix of a sentence: no crash, never past n. */
static void test_any_bytes(void)
{
    const char *s = "سه‌شنبه ۲۵ آذر ۱۳۹۵ ه.ش. و ۱ ربیع‌الاول ۱۴۴۰ ه.ق. و 2016/12/20";
    size_t n = strlen(s), k;
    rasad_date_match m;
    int ok = 1;

    for (k = 0; k <= n; k++) {
        size_t at;
        int rc = rasad_date_parse(s, k, &m);
        if ((rc == RASAD_OK || rc == RASAD_RANGE) && m.len > k)
            ok = 0;
        if (rasad_date_find(s, k, &at, &m) == RASAD_OK && at + m.len > k)
            ok = 0;
    }
    TH_CHECK(ok);
}

int main(void)
{
    test_jalali_text();
    test_numeric();
    test_gregorian_text();
    test_hijri_text();
    test_weekday_and_no_year();
    test_find();
    test_calendar();
    test_any_bytes();
    return th_done();
}
