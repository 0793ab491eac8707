/* titles.c - words that come before names: titles, ranks and offices
 * (GAZ_TITLE), and words that head organisation names (GAZ_ORGWORD).
 * Written for rasad; each entry goes through the same word form as the
 * text, so ZWNJ, ي/ك and spacing variants match. Multi-word entries are
 * separated by spaces. */
#include "ner_internal.h"

const ner_gaz_entry rasad__ner_titles[] = {
    /* military and police ranks */
    { "سردار", GAZ_TITLE }, { "سرلشکر", GAZ_TITLE }, { "سرلشگر", GAZ_TITLE }, { "سرتیپ", GAZ_TITLE },
    { "سرتیپ دوم", GAZ_TITLE }, { "سرهنگ", GAZ_TITLE }, { "سرگرد", GAZ_TITLE },
    { "سروان", GAZ_TITLE }, { "ستوان", GAZ_TITLE }, { "سپهبد", GAZ_TITLE },
    { "ارتشبد", GAZ_TITLE }, { "دریادار", GAZ_TITLE }, { "دریابان", GAZ_TITLE },
    { "ناخدا", GAZ_TITLE }, { "امیر", GAZ_TITLE }, { "امیر سرتیپ", GAZ_TITLE },
    { "امیر دریادار", GAZ_TITLE }, { "امیر سرلشکر", GAZ_TITLE }, { "ژنرال", GAZ_TITLE },
    { "مارشال", GAZ_TITLE }, { "پاسدار", GAZ_TITLE }, { "سرتیپ پاسدار", GAZ_TITLE },
    { "سرلشکر پاسدار", GAZ_TITLE }, { "سرهنگ پاسدار", GAZ_TITLE }, { "فرمانده", GAZ_TITLE },
    /* clergy */
    { "آیت‌الله", GAZ_TITLE }, { "آیت الله", GAZ_TITLE }, { "آیت‌الله‌العظمی", GAZ_TITLE },
    { "آیت الله العظمی", GAZ_TITLE }, { "حجت‌الاسلام", GAZ_TITLE },
    { "حجت الاسلام", GAZ_TITLE }, { "حجت‌الاسلام والمسلمین", GAZ_TITLE },
    { "حجت الاسلام و المسلمین", GAZ_TITLE }, { "ثقة‌الاسلام", GAZ_TITLE }, { "شیخ", GAZ_TITLE },
    { "سید", GAZ_TITLE }, { "سیده", GAZ_TITLE }, { "امام", GAZ_TITLE }, { "مرحوم", GAZ_TITLE },
    { "شهید", GAZ_TITLE }, { "علامه", GAZ_TITLE }, { "استاد", GAZ_TITLE }, { "حاج", GAZ_TITLE },
    { "حاجی", GAZ_TITLE }, { "پاپ", GAZ_TITLE }, { "اسقف", GAZ_TITLE }, { "خاخام", GAZ_TITLE },
    /* academic and professional */
    { "دکتر", GAZ_TITLE }, { "مهندس", GAZ_TITLE }, { "پروفسور", GAZ_TITLE },
    { "آقای", GAZ_TITLE }, { "خانم", GAZ_TITLE }, { "آقا", GAZ_TITLE }, { "بانو", GAZ_TITLE },
    { "جناب", GAZ_TITLE }, { "سرکار", GAZ_TITLE }, { "سرکار خانم", GAZ_TITLE },
    { "جناب آقای", GAZ_TITLE }, { "قاضی", GAZ_TITLE }, { "وکیل", GAZ_TITLE },
    /* offices */
    { "وزیر", GAZ_TITLE }, { "معاون", GAZ_TITLE }, { "رئیس", GAZ_TITLE },
    { "رییس", GAZ_TITLE }, { "رئیس‌جمهور", GAZ_TITLE }, { "رئیس جمهور", GAZ_TITLE },
    { "رئیس جمهوری", GAZ_TITLE }, { "نخست‌وزیر", GAZ_TITLE }, { "نخست وزیر", GAZ_TITLE },
    { "سفیر", GAZ_TITLE }, { "نماینده", GAZ_TITLE }, { "سخنگوی", GAZ_TITLE },
    { "سخنگو", GAZ_TITLE }, { "دبیر", GAZ_TITLE }, { "دبیرکل", GAZ_TITLE },
    { "دبیر کل", GAZ_TITLE }, { "استاندار", GAZ_TITLE }, { "فرماندار", GAZ_TITLE },
    { "شهردار", GAZ_TITLE }, { "بخشدار", GAZ_TITLE }, { "دادستان", GAZ_TITLE },
    { "مدیرعامل", GAZ_TITLE }, { "مدیر عامل", GAZ_TITLE }, { "مدیرکل", GAZ_TITLE },
    { "مدیر کل", GAZ_TITLE }, { "مدیر", GAZ_TITLE }, { "سرپرست", GAZ_TITLE },
    { "مشاور", GAZ_TITLE }, { "دستیار", GAZ_TITLE }, { "همتای", GAZ_TITLE },
    { "پادشاه", GAZ_TITLE }, { "ملکه", GAZ_TITLE }, { "شاهزاده", GAZ_TITLE },
    { "امیر قطر", GAZ_TITLE }, { "ولیعهد", GAZ_TITLE }, { "ولی‌عهد", GAZ_TITLE },
    { "صدراعظم", GAZ_TITLE }, { "صدر اعظم", GAZ_TITLE }, { "سناتور", GAZ_TITLE },
    { "رهبر", GAZ_TITLE }, { "مربی", GAZ_TITLE }, { "سرمربی", GAZ_TITLE },
    { "بازیکن", GAZ_TITLE }, { "خبرنگار", GAZ_TITLE }, { "کارشناس", GAZ_TITLE },
    { "آقایان", GAZ_TITLE }, { "خانم‌ها", GAZ_TITLE },
    /* heads of organisation names */
    { "وزارت", GAZ_ORGWORD }, { "وزارتخانه", GAZ_ORGWORD }, { "سازمان", GAZ_ORGWORD },
    { "شرکت", GAZ_ORGWORD }, { "بانک", GAZ_ORGWORD }, { "دانشگاه", GAZ_ORGWORD },
    { "مجلس", GAZ_ORGWORD }, { "مجمع", GAZ_ORGWORD }, { "شورای", GAZ_ORGWORD },
    { "شورا", GAZ_ORGWORD }, { "کمیسیون", GAZ_ORGWORD }, { "کمیته", GAZ_ORGWORD },
    { "ستاد", GAZ_ORGWORD }, { "قرارگاه", GAZ_ORGWORD }, { "سپاه", GAZ_ORGWORD },
    { "ارتش", GAZ_ORGWORD }, { "نیروی", GAZ_ORGWORD }, { "حزب", GAZ_ORGWORD },
    { "جبهه", GAZ_ORGWORD }, { "خبرگزاری", GAZ_ORGWORD }, { "روزنامه", GAZ_ORGWORD },
    { "باشگاه", GAZ_ORGWORD }, { "تیم", GAZ_ORGWORD }, { "اتحادیه", GAZ_ORGWORD },
    { "انجمن", GAZ_ORGWORD }, { "بنیاد", GAZ_ORGWORD }, { "صندوق", GAZ_ORGWORD },
    { "دادگاه", GAZ_ORGWORD }, { "دیوان", GAZ_ORGWORD }, { "قوه", GAZ_ORGWORD },
    { "پژوهشگاه", GAZ_ORGWORD }, { "پژوهشکده", GAZ_ORGWORD }, { "موسسه", GAZ_ORGWORD },
    { "مؤسسه", GAZ_ORGWORD }, { "اداره", GAZ_ORGWORD }, { "اداره کل", GAZ_ORGWORD },
    { "شبکه", GAZ_ORGWORD }, { "پلیس", GAZ_ORGWORD }, { "فدراسیون", GAZ_ORGWORD },
    { "کانون", GAZ_ORGWORD }, { "نهاد", GAZ_ORGWORD }, { "دفتر", GAZ_ORGWORD },
    { "هیئت", GAZ_ORGWORD }, { "هیات", GAZ_ORGWORD }, { "جمعیت", GAZ_ORGWORD },
    { "فرهنگستان", GAZ_ORGWORD }, { "کنگره", GAZ_ORGWORD }, { "پارلمان", GAZ_ORGWORD },
    { "سنا", GAZ_ORGWORD }, { "دولت", GAZ_ORGWORD }, { "بسیج", GAZ_ORGWORD },
    { "استانداری", GAZ_ORGWORD }, { "فرمانداری", GAZ_ORGWORD }, { "شهرداری", GAZ_ORGWORD },
};
const size_t rasad__ner_ntitles = sizeof rasad__ner_titles / sizeof rasad__ner_titles[0];
