/* furniture.c - the table of known Persian web furniture.
 *
 * A line is furniture when its compact key (tokens run together, see
 * clean_internal.h: ZWNJ, spaces, punctuation, ي/ی and digit forms do not
 * matter) is
 *   WHOLE  - exactly a table phrase: «نمایش بیشتر», «دیدگاهتان را بنویسید*»;
 *   PREFIX - a table phrase followed by more words, the phrase ending on a
 *            word boundary, in a line of at most RASAD__CLEAN_PREFIX_MAX_WORDS
 *            words: «برچسب ها: سوریه، روسیه», «اخبار مرتبط سایر رسانه ها».
 * PREFIX is kept for phrases no body sentence starts with; a phrase that
 * can (نظرات، اشتراک) is WHOLE only. Section names (سیاسی، ایران و جهان)
 * are WHOLE furniture: alone on a line they are a menu or a kicker. */
#include "clean_internal.h"

enum { WHOLE, PREFIX };

typedef struct furniture_row {
    const char *phrase;
    int mode;           /* WHOLE or PREFIX */
} furniture_row;

static const furniture_row furniture[] = {
    /* comments */
    { "دیدگاه تان را بنویسید", WHOLE },
    { "دیدگاه خود را بنویسید", WHOLE },
    { "دیدگاه خود را بیان کنید", WHOLE },
    { "نظر خود را بنویسید", WHOLE },
    { "نظر خود را وارد کنید", WHOLE },
    { "نظرتان را بنویسید", WHOLE },
    { "نظر شما", WHOLE },
    { "نظرات", WHOLE },
    { "نظرات کاربران", WHOLE },
    { "نظرات خوانندگان", WHOLE },
    { "دیدگاه ها", WHOLE },
    { "دیدگاه", WHOLE },
    { "ارسال نظر", PREFIX },
    { "ارسال دیدگاه", PREFIX },
    { "تعداد نظرات", PREFIX },
    { "پاسخ دهید", WHOLE },
    { "پاسخ", WHOLE },
    { "لغو پاسخ", WHOLE },
    { "انصراف", WHOLE },
    { "ارسال", WHOLE },
    { "نشانی ایمیل شما منتشر نخواهد شد", PREFIX },
    { "آدرس ایمیل شما منتشر نخواهد شد", PREFIX },
    { "بخش های موردنیاز علامتگذاری شده اند", PREFIX },
    { "نظرات حاوی توهین", PREFIX },
    { "نظرات ارسال شده توسط شما", PREFIX },
    { "هنوز نظری ثبت نشده است", WHOLE },
    { "اولین نظر را شما بنویسید", WHOLE },
    /* related and more */
    { "اخبار مرتبط", PREFIX },
    { "مطالب مرتبط", PREFIX },
    { "مطالب مشابه", PREFIX },
    { "اخبار مشابه", PREFIX },
    { "نوشته های مشابه", PREFIX },
    { "نوشته های مرتبط", PREFIX },
    { "بیشتر بخوانید", PREFIX },
    { "بخوانید", WHOLE },
    { "ادامه مطلب", WHOLE },
    { "ادامه خبر", WHOLE },
    { "نمایش بیشتر", WHOLE },
    { "مشاهده بیشتر", WHOLE },
    { "مشاهده همه", WHOLE },
    { "دکمه بازگشت به بالا", WHOLE },
    { "بازگشت به بالا", WHOLE },
    { "بازگشت", WHOLE },
    { "پربازدیدترین ها", WHOLE },
    { "پربازدیدترین", WHOLE },
    { "پربحث ترین ها", WHOLE },
    { "پربحث ترین", WHOLE },
    { "آخرین اخبار", WHOLE },
    { "آخرین مطالب", WHOLE },
    { "اخبار روز", WHOLE },
    { "تازه های سایت", WHOLE },
    { "سایر رسانه ها", WHOLE },
    { "نیازمندی ها", WHOLE },
    { "تبلیغات", WHOLE },
    { "آگهی", WHOLE },
    /* share, print, copy */
    { "اشتراک گذاری", WHOLE },
    { "اشتراک", WHOLE },
    { "این مطلب را به اشتراک بگذارید", WHOLE },
    { "به اشتراک بگذارید", WHOLE },
    { "اشتراک در تلگرام", WHOLE },
    { "اشتراک در واتساپ", WHOLE },
    { "ارسال به تلگرام", WHOLE },
    { "ارسال به واتساپ", WHOLE },
    { "ارسال به دوستان", WHOLE },
    { "ارسال به دوست", WHOLE },
    { "ارسال خبر به دوستان", WHOLE },
    { "چاپ", WHOLE },
    { "چاپ خبر", WHOLE },
    { "نسخه چاپی", WHOLE },
    { "نسخه قابل چاپ", WHOLE },
    { "پرینت", WHOLE },
    { "ذخیره", WHOLE },
    { "کپی شد", WHOLE },
    { "کپی لینک", WHOLE },
    { "لینک کوتاه", PREFIX },
    { "لینک کوتاه خبر", PREFIX },
    { "آدرس کوتاه", PREFIX },
    { "لینک خبر", PREFIX },
    { "تلگرام", WHOLE },
    { "واتساپ", WHOLE },
    { "توییتر", WHOLE },
    { "فیسبوک", WHOLE },
    { "لینکدین", WHOLE },
    { "اینستاگرام", WHOLE },
    { "ایتا", WHOLE },
    { "سروش", WHOLE },
    { "روبیکا", WHOLE },
    { "ایمیل", WHOLE },
    { "بازدید", WHOLE },
    { "تعداد بازدید", PREFIX },
    { "زمان مطالعه", PREFIX },
    /* tags */
    { "برچسب ها", PREFIX },
    { "برچسب", WHOLE },
    { "کلمات کلیدی", PREFIX },
    { "کلید واژه ها", PREFIX },
    { "تگ ها", PREFIX },
    /* subscribe */
    { "عضویت در کانال تلگرام", PREFIX },
    { "عضویت در خبرنامه", PREFIX },
    { "اشتراک در خبرنامه", PREFIX },
    { "ثبت نام در خبرنامه", PREFIX },
    { "عضو کانال تلگرام ما شوید", WHOLE },
    { "به کانال تلگرام ما بپیوندید", WHOLE },
    { "ما را در شبکه های اجتماعی دنبال کنید", WHOLE },
    { "ما را دنبال کنید", WHOLE },
    { "خبرنامه", WHOLE },
    /* site navigation and footer */
    { "صفحه نخست", WHOLE },
    { "صفحه اصلی", WHOLE },
    { "خانه", WHOLE },
    { "ورود", WHOLE },
    { "ثبت نام", WHOLE },
    { "جستجو", WHOLE },
    { "آرشیو", WHOLE },
    { "تماس با ما", WHOLE },
    { "درباره ما", WHOLE },
    { "نقشه سایت", WHOLE },
    { "کلیه حقوق مادی و معنوی", PREFIX },
    { "تمامی حقوق مادی و معنوی", PREFIX },
    { "کلیه حقوق این سایت", PREFIX },
    { "تمامی حقوق این سایت", PREFIX },
    { "استفاده از مطالب با ذکر منبع", PREFIX },
    { "نقل مطالب با ذکر منبع", PREFIX },
    /* section names alone on a line */
    { "سیاسی", WHOLE },
    { "اقتصادی", WHOLE },
    { "اجتماعی", WHOLE },
    { "فرهنگی", WHOLE },
    { "ورزشی", WHOLE },
    { "بین الملل", WHOLE },
    { "ایران و جهان", WHOLE },
    { "جهان", WHOLE },
    { "ایران", WHOLE },
    { "سیاست", WHOLE },
    { "اقتصاد", WHOLE },
    { "جامعه", WHOLE },
    { "فرهنگ و هنر", WHOLE },
    { "علم و فناوری", WHOLE },
    { "حوادث", WHOLE },
    { "استان ها", WHOLE },
    { "دفاعی", WHOLE },
    { "سیاست خارجی", WHOLE },
    { "چندرسانه ای", WHOLE },
    { "عکس", WHOLE },
    { "فیلم", WHOLE },
    { "ویدئو", WHOLE },
    { "اینفوگرافیک", WHOLE },
    { "یادداشت", WHOLE },
    { "گزارش", WHOLE },
};

int rasad__furniture_compile(rasad_cleaner *c)
{
    return rasad__phrases_compile(c->tk, &c->furniture, furniture, sizeof furniture[0],
                                  sizeof furniture / sizeof furniture[0]);
}

/* 1 when tokens t are a furniture line. */
static int is_furniture(const rasad_cleaner *c, const rasad__toks *t)
{
    size_t nc;
    const uint32_t *cand = rasad__phrases_cands(&c->furniture, t, 0, &nc);
    for (size_t k = 0; k < nc; k++) {
        const rasad__phrase *ph = &c->furniture.v[cand[k]];
        size_t m = rasad__toks_match(t, 0, ph->key, ph->n);
        if (!m)
            continue;
        if (m == t->n)
            return 1;
        if (furniture[ph->row].mode == PREFIX && t->n <= RASAD__CLEAN_PREFIX_MAX_WORDS)
            return 1;
    }
    return 0;
}

int rasad__furniture_line(rasad__article *a, size_t li)
{
    rasad__line *L = &a->lines[li];
    if (L->gone)
        return 0;
    if (rasad__line_toks(a, li))
        return 0;
    if (a->tk.n == 0 || !is_furniture(a->c, &a->tk))
        return 0;
    rasad__cut_rest(a, li, RASAD_CLEAN_BOILERPLATE);
    return 1;
}
