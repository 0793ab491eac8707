/* test_number.c - digits, number words, ordinals and mixed forms. */
#include <stdint.h>
#include <string.h>
#include "rasad/number.h"
#include "th.h"

/* Parses s and checks the value (mant, scale), the bytes used (the prefix
 * of s that is the number), and whether it was read as an ordinal. */
#define NUM(s, want_mant, want_scale, used, ord) do {                          \
    rasad_number num_;                                                         \
    int rc_ = rasad_number_parse((s), strlen(s), 0, &num_);                    \
    TH_EQ_INT(rc_, RASAD_OK);                                                  \
    TH_EQ_INT(num_.mant, (want_mant));                                         \
    TH_EQ_INT(num_.scale, (want_scale));                                       \
    TH_EQ_STRN((s), num_.len, (used));                                         \
    TH_EQ_INT((num_.flags & RASAD_NUM_ORDINAL) != 0, (ord));                   \
} while (0)

#define NONE(s) do {                                                           \
    rasad_number num_;                                                         \
    TH_EQ_INT(rasad_number_parse((s), strlen(s), 0, &num_), RASAD_NOTFOUND);   \
    TH_EQ_INT(num_.len, 0);                                                    \
} while (0)

static void test_digits(void)
{
    NUM("۱۳۹۵", 1395, 0, "۱۳۹۵", 0);
    NUM("١٣٩٥ هجری", 1395, 0, "١٣٩٥", 0);            /* Arabic-Indic */
    NUM("2016 میلادی", 2016, 0, "2016", 0);
    NUM("۱3٩۵", 1395, 0, "۱3٩۵", 0);                  /* mixed scripts, one number */
    NUM("۳٫۱۴ درصد", 314, 2, "۳٫۱۴", 0);
    NUM("3.5 درصد", 35, 1, "3.5", 0);
    NUM("۱۲٬۵۰۰ نفر", 12500, 0, "۱۲٬۵۰۰", 0);
    NUM("1,250,000 ریال", 1250000, 0, "1,250,000", 0);
    NUM("1,25 نفر", 1, 0, "1", 0);                    /* a group needs three digits */
    NUM("۱۳۹۵، ۱۳۹۶", 1395, 0, "۱۳۹۵", 0);           /* Arabic comma is a list comma */
    NUM("۷. بند", 7, 0, "۷", 0);                      /* a full stop is not a decimal mark */
    NUM("۰۹", 9, 0, "۰۹", 0);
    NUM("۲۵ام", 25, 0, "۲۵ام", 1);
    NUM("۲۵‌امین دوره", 25, 0, "۲۵‌امین", 1);
    NUM("۷مین", 7, 0, "۷مین", 1);
    NUM("۲۰کیلومتر", 20, 0, "۲۰", 0);

    rasad_number num;
    TH_EQ_INT(rasad_number_parse("۰۹", strlen("۰۹"), 0, &num), RASAD_OK);
    TH_EQ_INT(num.ndigits, 2);
    TH_EQ_INT(num.flags, RASAD_NUM_DIGITS);
    TH_EQ_INT(rasad_number_parse("12,500", 6, RASAD_NUM_NO_GROUPING, &num), RASAD_OK);
    TH_EQ_INT(num.mant, 12);
    TH_EQ_INT(rasad_number_parse("3.5", 3, RASAD_NUM_NO_DECIMAL, &num), RASAD_OK);
    TH_EQ_INT(num.mant, 3);
    TH_EQ_INT(rasad_number_parse("۲۵ام", strlen("۲۵ام"), RASAD_NUM_NO_ORDINAL, &num), RASAD_OK);
    TH_EQ_INT(num.len, strlen("۲۵"));
    TH_EQ_INT(rasad_number_parse("۲ میلیون", strlen("۲ میلیون"), RASAD_NUM_NO_WORDS, &num), RASAD_OK);
    TH_EQ_INT(num.mant, 2);
    TH_CHECK(rasad_number_value(&(rasad_number){ .mant = 314, .scale = 2 }) > 3.139 &&
             rasad_number_value(&(rasad_number){ .mant = 314, .scale = 2 }) < 3.141);
    TH_EQ_INT(rasad_number_digit(0x06F7), 7);
    TH_EQ_INT(rasad_number_digit(0x0665), 5);
    TH_EQ_INT(rasad_number_digit('0'), 0);
    TH_EQ_INT(rasad_number_digit(0x0627), -1);
}

static void test_cardinal_words(void)
{
    NUM("یک", 1, 0, "یک", 0);
    NUM("هفت نفر", 7, 0, "هفت", 0);
    NUM("سیزده سال", 13, 0, "سیزده", 0);
    NUM("بیست و پنج سال", 25, 0, "بیست و پنج", 0);
    NUM("بیست‌و‌پنج سال", 25, 0, "بیست‌و‌پنج", 0);
    NUM("صد و بیست کیلومتر", 120, 0, "صد و بیست", 0);
    NUM("سیصد نفر", 300, 0, "سیصد", 0);
    NUM("سه صد نفر", 300, 0, "سه صد", 0);
    NUM("یک‌صد و ده", 110, 0, "یک‌صد و ده", 0);
    NUM("هزار نفر", 1000, 0, "هزار", 0);
    NUM("دو هزار و ۵۰۰ نیرو", 2500, 0, "دو هزار و ۵۰۰", 0);
    NUM("دو هزار و پانصد و چهل و یک", 2541, 0, "دو هزار و پانصد و چهل و یک", 0);
    NUM("سه میلیون و دویست هزار", 3200000, 0, "سه میلیون و دویست هزار", 0);
    NUM("یک میلیارد", 1000000000, 0, "یک میلیارد", 0);
    NUM("بیست هزار میلیارد تومان", 20000000000000, 0, "بیست هزار میلیارد", 0);
    NUM("نه هزار", 9000, 0, "نه هزار", 0);
    NUM("بیست و نه", 29, 0, "بیست و نه", 0);
    NUM("صفر", 0, 0, "صفر", 0);
    NUM("يك", 1, 0, "يك", 0);                         /* Arabic yeh and kaf */
    NUM("دوازده", 12, 0, "دوازده", 0);
    NUM("هجده", 18, 0, "هجده", 0);
}

static void test_mixed(void)
{
    NUM("۲ میلیون نفر", 2000000, 0, "۲ میلیون", 0);
    NUM("۳.۵ میلیارد دلار", 3500000000, 0, "۳.۵ میلیارد", 0);
    NUM("۳٫۷۵ میلیون", 3750000, 0, "۳٫۷۵ میلیون", 0);
    NUM("۲۵۰ هزار", 250000, 0, "۲۵۰ هزار", 0);
    NUM("۲میلیون", 2000000, 0, "۲میلیون", 0);
    NUM("۲ میلیون و ۳۰۰ هزار", 2300000, 0, "۲ میلیون و ۳۰۰ هزار", 0);
    NUM("۰.۵ میلیون", 500000, 0, "۰.۵ میلیون", 0);
}

static void test_ordinals(void)
{
    NUM("هفتمین کنفرانس", 7, 0, "هفتمین", 1);
    NUM("ششمین دوره", 6, 0, "ششمین", 1);
    NUM("بیست و پنجمین سالگرد", 25, 0, "بیست و پنجمین", 1);
    NUM("بیست‌و‌پنجم آذر", 25, 0, "بیست‌و‌پنجم", 1);
    NUM("یکم مهر", 1, 0, "یکم", 1);
    NUM("اول مهر", 1, 0, "اول", 1);
    NUM("نخستین بار", 1, 0, "نخستین", 1);
    NUM("نخست وزیر", 1, 0, "نخست", 1);
    NUM("دوم", 2, 0, "دوم", 1);
    NUM("دومین", 2, 0, "دومین", 1);
    NUM("سوم", 3, 0, "سوم", 1);
    NUM("سومین", 3, 0, "سومین", 1);
    NUM("سی‌ام", 30, 0, "سی‌ام", 1);
    NUM("سی ام اسفند", 30, 0, "سی ام", 1);
    NUM("سی‌امین", 30, 0, "سی‌امین", 1);
    NUM("سی و یکم", 31, 0, "سی و یکم", 1);
    NUM("صد و اولین", 101, 0, "صد و اولین", 1);
    NUM("صدمین", 100, 0, "صدمین", 1);
    NUM("هزارمین", 1000, 0, "هزارمین", 1);
    NUM("دوازدهم", 12, 0, "دوازدهم", 1);
    NUM("نهم", 9, 0, "نهم", 1);
    NUM("دهمین", 10, 0, "دهمین", 1);
    NUM("بیستم", 20, 0, "بیستم", 1);
    NUM("هفتادمین", 70, 0, "هفتادمین", 1);
}

static void test_not_numbers(void)
{
    NONE("");
    NONE("سهم");          /* share, not سه + م */
    NONE("سیم");          /* wire */
    NONE("سیب");
    NONE("دوام");         /* durability, not دو + ام */
    NONE("دوست");
    NONE("هزاران");
    NONE("صدها");
    NONE("دهه");
    NONE("هفت‌سین");      /* a word, not 7 */
    NONE("یک‌شنبه");
    NONE("دوشنبه");
    NONE("نه");            /* "no" */
    NONE("نه، گفتم");
    NONE(" ۵");           /* leading space is not skipped */
    NONE("و پنج");
    NONE("کد");
    NONE("٫۵");
}

static void test_stops(void)
{
    NUM("سه چهار روز", 3, 0, "سه", 0);                /* two numbers */
    NUM("بیست و کتاب", 20, 0, "بیست", 0);             /* dangling و */
    NUM("بیست و وزیر", 20, 0, "بیست", 0);
    NUM("بیست صد", 20, 0, "بیست", 0);
    NUM("پنج و بیست", 5, 0, "پنج", 0);                /* smaller after larger only */
    NUM("دو میلیون هزار", 2000000, 0, "دو میلیون", 0);
    NUM("دو هزار سه هزار", 2000, 0, "دو هزار", 0);
    NUM("۲ ۳", 2, 0, "۲", 0);
    NUM("هفتمین و هشتمین", 7, 0, "هفتمین", 1);         /* an ordinal ends the number */
}

static void test_errors(void)
{
    rasad_number num;
    const char big[] = "99999999999999999999";
    const char bad[] = "\xff\xfe\xd9";

    TH_EQ_INT(rasad_number_parse(big, sizeof big - 1, 0, &num), RASAD_RANGE);
    TH_EQ_INT(num.len, sizeof big - 1);
    TH_EQ_INT(rasad_number_parse("نه هزار میلیارد میلیارد", strlen("نه هزار میلیارد میلیارد"),
                                 0, &num), RASAD_OK);   /* the second میلیارد is not read */
    TH_EQ_INT(rasad_number_parse("۹۹۰۰۰ میلیون میلیارد", strlen("۹۹۰۰۰ میلیون میلیارد"), 0, &num),
              RASAD_RANGE);
    TH_EQ_INT(rasad_number_parse(NULL, 0, 0, &num), RASAD_NOTFOUND);
    TH_EQ_INT(rasad_number_parse(NULL, 3, 0, &num), RASAD_INVAL);
    TH_EQ_INT(rasad_number_parse("5", 1, 0, NULL), RASAD_INVAL);
    TH_EQ_INT(rasad_number_parse(bad, sizeof bad - 1, 0, &num), RASAD_NOTFOUND);
    TH_EQ_INT(rasad_number_parse("\xdb\xb5\xff", 3, 0, &num), RASAD_OK);  /* ۵ then junk */
    TH_EQ_INT(num.mant, 5);
    /* a truncated Persian digit at the end is not read */
    TH_EQ_INT(rasad_number_parse("۵\xdb", 3, 0, &num), RASAD_OK);
    TH_EQ_INT(num.len, 2);
    /* not NUL-terminated: n bounds the read */
    TH_EQ_INT(rasad_number_parse("۱۲۳۴", 4, 0, &num), RASAD_OK);
    TH_EQ_INT(num.mant, 12);
}

/* Every prefix and every single-byte corruption of a sample must parse
 * without reading past n (run under ASan to mean anything). */
static void test_any_bytes(void)
{
    const char *s = "بیست و پنجمین ۳٫۵ میلیارد و ۱۲٬۵۰۰ سی‌ام";
    size_t n = strlen(s), k, b;
    char buf[128];
    rasad_number num;
    int ok = 1;

    for (k = 0; k <= n; k++) {
        int rc = rasad_number_parse(s, k, 0, &num);
        if (rc != RASAD_OK && rc != RASAD_NOTFOUND)
            ok = 0;
        if (num.len > k)
            ok = 0;
    }
    for (k = 0; k < n && n < sizeof buf; k++) {
        for (b = 0; b < 256; b += 37) {
            memcpy(buf, s, n);
            buf[k] = (char)b;
            int rc = rasad_number_parse(buf, n, 0, &num);
            if (num.len > n || (rc != RASAD_OK && rc != RASAD_NOTFOUND))
                ok = 0;
        }
    }
    TH_CHECK(ok);
}

int main(void)
{
    test_digits();
    test_cardinal_words();
    test_mixed();
    test_ordinals();
    test_not_numbers();
    test_stops();
    test_errors();
    test_any_bytes();
    return th_done();
}
