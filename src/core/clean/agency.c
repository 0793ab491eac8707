/* agency.c - names of news agencies and outlets, and press words.
 *
 * An attribution ("به گزارش X،", "تهران- X -", "منبع: X") is believed only
 * when X names an outlet from agencies[] or holds a press word from
 * press_words[]. Names are matched as compact keys (see clean_internal.h),
 * so «صداوسیما» and «صدا و سیما» are one entry. A name that is also a
 * common word (مهر، فارس، میزان، دانشجو) is safe here: it is only looked
 * up where an attribution is expected. */
#include "clean_internal.h"

typedef struct agency_row {
    const char *name;       /* as written in news text */
    const char *canon;      /* the value stored in meta */
} agency_row;

static const agency_row agencies[] = {
    /* Iranian news agencies */
    { "ایرنا", "ایرنا" },
    { "خبرگزاری جمهوری اسلامی", "ایرنا" },
    { "ایسنا", "ایسنا" },
    { "خبرگزاری دانشجویان ایران", "ایسنا" },
    { "مهر", "مهر" },
    { "فارس", "فارس" },
    { "تسنیم", "تسنیم" },
    { "ایلنا", "ایلنا" },
    { "ایکنا", "ایکنا" },
    { "ایبنا", "ایبنا" },
    { "ابنا", "ابنا" },
    { "شبستان", "شبستان" },
    { "رسا", "رسا" },
    { "حوزه", "حوزه" },
    { "باشگاه خبرنگاران جوان", "باشگاه خبرنگاران جوان" },
    { "باشگاه خبرنگاران", "باشگاه خبرنگاران جوان" },
    { "صدا و سیما", "صدا و سیما" },
    { "خبرگزاری صدا و سیما", "صدا و سیما" },
    { "واحد مرکزی خبر", "صدا و سیما" },
    { "میزان", "میزان" },
    { "دانشجو", "دانشجو" },
    { "برنا", "برنا" },
    { "پانا", "پانا" },
    { "آنا", "آنا" },
    { "ایانا", "ایانا" },
    { "ایمنا", "ایمنا" },
    { "موج", "موج" },
    { "صبا", "صبا" },
    { "نسیم", "نسیم" },
    { "هرانا", "هرانا" },
    { "شفقنا", "شفقنا" },
    /* news sites and papers */
    { "خبرآنلاین", "خبرآنلاین" },
    { "خبر آنلاین", "خبرآنلاین" },
    { "همشهری", "همشهری" },
    { "همشهری آنلاین", "همشهری" },
    { "تابناک", "تابناک" },
    { "مشرق", "مشرق" },
    { "مشرق نیوز", "مشرق" },
    { "عصر ایران", "عصر ایران" },
    { "فرارو", "فرارو" },
    { "انتخاب", "انتخاب" },
    { "جماران", "جماران" },
    { "اقتصادنیوز", "اقتصادنیوز" },
    { "دنیای اقتصاد", "دنیای اقتصاد" },
    { "اعتماد", "اعتماد" },
    { "شرق", "شرق" },
    { "کیهان", "کیهان" },
    { "جام جم", "جام جم" },
    { "ایران آنلاین", "ایران آنلاین" },
    { "روزنامه ایران", "روزنامه ایران" },
    { "رجانیوز", "رجانیوز" },
    { "الف", "الف" },
    { "ایرنا پلاس", "ایرنا" },
    /* foreign outlets Persian news quotes */
    { "العالم", "العالم" },
    { "پرس تی وی", "پرس تی وی" },
    { "المنار", "المنار" },
    { "المیادین", "المیادین" },
    { "الجزیره", "الجزیره" },
    { "العربیه", "العربیه" },
    { "سانا", "سانا" },
    { "اسپوتنیک", "اسپوتنیک" },
    { "نووستی", "نووستی" },
    { "ریا نووستی", "ریانووستی" },
    { "تاس", "تاس" },
    { "ایتارتاس", "تاس" },
    { "رویترز", "رویترز" },
    { "آسوشیتدپرس", "آسوشیتدپرس" },
    { "آسوشیتد پرس", "آسوشیتدپرس" },
    { "خبرگزاری فرانسه", "خبرگزاری فرانسه" },
    { "فرانس پرس", "خبرگزاری فرانسه" },
    { "بی بی سی", "بی‌بی‌سی" },
    { "یورونیوز", "یورونیوز" },
    { "آناتولی", "آناتولی" },
    { "شینهوا", "شینهوا" },
};

/* Words that make a phrase an outlet even when its name is not listed:
 * «به گزارش آران نیوز»، «به گزارش پایگاه خبری ...». */
static const char *const press_words[] = {
    "خبرگزاری", "خبرگزاری ها", "نیوز", "روزنامه", "هفته نامه", "ماهنامه",
    "پایگاه خبری", "پایگاه اطلاع رسانی", "پایگاه", "سایت", "وبسایت", "وب سایت",
    "خبرنگار", "خبرنگاران", "شبکه", "رادیو", "تلویزیون", "سرویس", "آنلاین",
    "پرس", "خبری", "رسانه", "رسانه ها", "نشریه", "مجله", "روابط عمومی",
};

int rasad__agency_compile(rasad_cleaner *c)
{
    int rc = rasad__phrases_compile(c->tk, &c->agencies, agencies, sizeof agencies[0],
                                    sizeof agencies / sizeof agencies[0]);
    if (!rc)
        rc = rasad__phrases_compile(c->tk, &c->press, press_words, sizeof press_words[0],
                                    sizeof press_words / sizeof press_words[0]);
    return rc;
}

size_t rasad__agency_at(const rasad_cleaner *c, const rasad__toks *t, size_t i,
                        const char **canon)
{
    size_t m;
    long k = rasad__phrases_at(&c->agencies, t, i, &m);
    if (k >= 0) {
        *canon = agencies[c->agencies.v[k].row].canon;
        return m;
    }
    /* "خبرگزاری مهر": a press word, then the name. */
    size_t p;
    if (rasad__press_at(c, t, i, &p)) {
        k = rasad__phrases_at(&c->agencies, t, i + p, &m);
        if (k >= 0) {
            *canon = agencies[c->agencies.v[k].row].canon;
            return p + m;
        }
    }
    *canon = NULL;
    return 0;
}

int rasad__press_at(const rasad_cleaner *c, const rasad__toks *t, size_t i, size_t *ntok)
{
    return rasad__phrases_at(&c->press, t, i, ntok) >= 0;
}
