/* test_stem.c - golden cases for the light stemmer (words written for this
 * test). */
#include <string.h>
#include "rasad/stem.h"
#include "th.h"

#define ZW "\xE2\x80\x8C"

static const struct { const char *word, *stem; } golden[] = {
    /* protected: never stemmed to nonsense */
    { "ایران", "ایران" },     { "تهران", "تهران" },   { "علی", "علی" },
    { "خدا", "خدا" },         { "آدم", "آدم" },       { "ملی", "ملی" },
    { "زبان", "زبان" },       { "جهان", "جهان" },     { "دختر", "دختر" },
    { "دفتر", "دفتر" },       { "مردم", "مردم" },     { "تنها", "تنها" },
    { "دولت", "دولت" },       { "جهت", "جهت" },       { "نمایش", "نمایش" },
    { "ایرانی", "ایرانی" },   { "جهانی", "جهانی" },   { "انسانی", "انسانی" },
    { "دوم", "دوم" },         { "تنهایی", "تنهایی" }, { "گزارش", "گزارش" },
    { "ماشین", "ماشین" },     { "شیرین", "شیرین" },   { "سازمان", "سازمان" },
    /* inflections of protected words still lose their suffix */
    { "ایران" ZW "ها", "ایران" }, { "ایرانیان", "ایرانی" },
    /* plural */
    { "کتاب" ZW "ها", "کتاب" },     { "کتاب" ZW "های", "کتاب" },
    { "کتاب" ZW "هایی", "کتاب" },   { "کتابها", "کتاب" },
    { "برنامه" ZW "های", "برنامه" }, { "درختان", "درخت" },
    { "دانشجویان", "دانشجو" },     { "نمایندگان", "نماینده" },
    { "اقدامات", "اقدام" },         { "کلمات", "کلمه" },
    { "کسانی", "کس" },
    /* comparative and superlative */
    { "بزرگ" ZW "تر", "بزرگ" },     { "بزرگ" ZW "ترین", "بزرگ" },
    { "بزرگترین", "بزرگ" },         { "مهم" ZW "تر", "مهم" },
    { "کمتر", "کم" },               { "بهترین", "به" },
    { "بزرگ" ZW "ترین" ZW "ها", "بزرگ" },
    /* ezafe and indefinite */
    { "خانهٔ", "خانه" },             { "خانۀ", "خانه" },
    { "کتابِ", "کتاب" },             { "منظره" ZW "ای", "منظره" },
    { "دانشجوی", "دانشجو" },        { "بالای", "بالا" },
    { "کتابی", "کتابی" }, /* indefinite ی after a consonant is kept */
    /* possessive */
    { "خانه" ZW "ام", "خانه" },      { "خانه" ZW "اش", "خانه" },
    { "کتابم", "کتاب" },            { "کتابش", "کتاب" },
    { "کتابشان", "کتاب" },          { "پایش", "پایش" },
    { "کتاب" ZW "هایمان", "کتاب" }, { "خانه" ZW "شان", "خانه" },
    /* not Persian, too short, or empty */
    { "Tehran", "Tehran" },         { "۱۲۳", "۱۲۳" },
    { "ها", "ها" },                 { "تر", "تر" },
};

static void check_golden(void)
{
    size_t i;
    char out[RASAD_STEM_MAX];
    for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
        const char *w = golden[i].word;
        size_t m = rasad_stem_copy(w, strlen(w), out, sizeof out);
        TH_EQ_STRN(out, m, golden[i].stem);
    }
}

static void check_prefix_api(void)
{
    const char *tail = NULL;
    const char *w = "کتاب" ZW "ها";
    size_t len = rasad_stem(w, strlen(w), &tail);
    TH_EQ_STRN(w, len, "کتاب");
    TH_EQ_STR(tail, "");
    w = "نمایندگان";
    len = rasad_stem(w, strlen(w), &tail);
    TH_EQ_STRN(w, len, "نمایند");
    TH_EQ_STR(tail, "ه");
    w = "خانۀ";
    len = rasad_stem(w, strlen(w), &tail);
    TH_EQ_STRN(w, len, "خان");
    TH_EQ_STR(tail, "ه");
    TH_EQ_INT(rasad_stem(w, strlen(w), NULL), len);
    TH_EQ_INT(rasad_stem("", 0, &tail), 0);
}

static void check_edges(void)
{
    char out[4], big[RASAD_STEM_MAX + 10];
    const char *w = "کتاب" ZW "ها";
    static const char bad[] = "\xFF\xFE\xD9" "ها";
    /* too small a buffer: nothing written, size needed returned */
    memset(out, 'x', sizeof out);
    TH_EQ_INT(rasad_stem_copy(w, strlen(w), out, sizeof out), strlen("کتاب"));
    TH_CHECK(out[0] == 'x');
    /* longer than RASAD_STEM_MAX: its own stem */
    memset(big, 'a', sizeof big);
    TH_EQ_INT(rasad_stem(big, sizeof big, NULL), sizeof big);
    /* invalid UTF-8 does not crash and never grows */
    TH_CHECK(rasad_stem(bad, sizeof bad - 1, NULL) <= sizeof bad - 1);
    /* not NUL-terminated: only n bytes are read */
    TH_EQ_INT(rasad_stem("کتابها!!", strlen("کتابها"), NULL), strlen("کتاب"));
}

int main(void)
{
    check_golden();
    check_prefix_api();
    check_edges();
    return th_done();
}
