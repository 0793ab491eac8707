/* roles.c - the office written beside a name: «سرگئی شویگو وزیر دفاع
 * روسیه», «وزیر امور خارجه عباس عراقچی» (entity.h). */
#include <string.h>
#include "entity_internal.h"

/* Words that begin a role (normalized forms). */
static const char *const offices[] = {
    "وزیر", "رئیس", "رییس", "رئیس‌جمهور", "رئیس‌جمهوری", "نخست‌وزیر", "سخنگوی", "سخنگو",
    "سفیر", "نماینده", "معاون", "دبیر", "دبیرکل", "فرمانده", "مدیرعامل", "مدیرکل", "مدیر",
    "رهبر", "استاندار", "فرماندار", "شهردار", "دادستان", "سرمربی", "مربی", "همتای", "مشاور",
    "نایب‌رئیس", "قائم‌مقام", "سرپرست", "عضو", "دبیرخانه", "رئیس‌کل", "بنیانگذار",
    "پادشاه", "ولیعهد", "ولی‌عهد", "صدراعظم", "سناتور",
    NULL,
};

/* Words that end a role phrase. */
static const char *const stops[] = {
    "و", "در", "با", "به", "از", "که", "را", "برای", "تا", "این", "آن", "نیز", "هم",
    "روز", "امروز", "دیروز", "گفت", "افزود", "کرد", "کردند", "است", "بود", "شد", "گفته",
    "پیش", "پس", "اظهار", "تاکید", "تأکید", "اعلام", "همچنین", "ضمن", "طی", "بر", "درباره",
    /* times of day, and the nouns and verbs that begin what the person
     * does next («سرمربی تیم ملی قرار …», «رهبر انقلاب اسلامی ظهر …») */
    "صبح", "ظهر", "عصر", "شب", "بامداد", "امشب", "دیشب", "فردا", "قرار", "ترجیح", "ارائه",
    "دیدار", "شایعه", "حضور", "خواستار", "معتقد", "خبر", "ادامه", "اشاره", "هستند", "هست",
    "بوده", "نیست", "دارد", "دارند", "داشت", "داشته", "کرده", "دانست", "خواند", "شده",
    "می‌گوید", "می‌کند", "گفت‌وگو", "سفر", "وارد",
    NULL,
};

/* 1 when only spaces (or, with comma_ok, one Persian or Latin comma)
 * separate text[a..b). */
static int plain_gap(const char *text, size_t a, size_t b, int comma_ok)
{
    int commas = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t')
            continue;
        if (comma_ok && !commas && c == ',') {
            commas++;
            continue;
        }
        if (comma_ok && !commas && i + 1 < b && c == 0xD8 && (unsigned char)text[i + 1] == 0x8C) {
            commas++;   /* ، */
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < b && (unsigned char)text[i + 1] == 0xA0) {
            i++;        /* NBSP */
            continue;
        }
        return 0;
    }
    return 1;
}

static int emit(rasad_entity_namer *nm, size_t from, size_t to, rasad_entity_role_fn fn,
                void *ctx)
{
    char r[RASAD_ENTITY_NAME_MAX];
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (k + nm->t[i].n + 1 >= sizeof r)
            break;
        if (k)
            r[k++] = ' ';
        memcpy(r + k, nm->t[i].w, nm->t[i].n);
        k += nm->t[i].n;
    }
    return k ? fn(ctx, r, k) : 0;
}

/* The role starting at token i of nm->t: office word i and up to three
 * more words joined without punctuation; *to gets the end. */
static int role_at(rasad_entity_namer *nm, const char *base, size_t i, size_t limit, size_t *to)
{
    if (i >= limit || !rasad__ent_in(offices, nm->t[i].w, nm->t[i].n))
        return 0;
    size_t j = i + 1;
    while (j < limit && j < i + 4 && plain_gap(base, nm->t[j - 1].end, nm->t[j].start, 0) &&
           !rasad__ent_in(stops, nm->t[j].w, nm->t[j].n))
        j++;
    *to = j;
    return 1;
}

int rasad_entity_roles(rasad_entity_namer *nm, const char *text, size_t n, size_t start,
                       size_t end, rasad_entity_role_fn fn, void *ctx)
{
    int rc;
    size_t to;
    if (!nm || !text || !fn || start > end || end > n)
        return RASAD_INVAL;
    /* after the name: «X، وزیر دفاع روسیه» */
    size_t hi = end + 160 < n ? end + 160 : n;
    if ((rc = rasad__ent_tokens(nm, text + end, hi - end)) != RASAD_OK)
        return rc;
    if (nm->nt && plain_gap(text + end, 0, nm->t[0].start, 1) &&
        role_at(nm, text + end, 0, nm->nt, &to) && (rc = emit(nm, 0, to, fn, ctx)) != 0)
        return rc;
    /* before it: «وزیر دفاع روسیه X» */
    size_t lo = start > 160 ? start - 160 : 0;
    while (lo < start && ((unsigned char)text[lo] & 0xC0) == 0x80)
        lo++;                               /* start on a character */
    if ((rc = rasad__ent_tokens(nm, text + lo, start - lo)) != RASAD_OK)
        return rc;
    size_t nt = nm->nt;
    if (!nt || !plain_gap(text + lo, nm->t[nt - 1].end, start - lo, 0))
        return RASAD_OK;
    for (size_t back = 1; back <= 4 && back <= nt; back++) {
        size_t i = nt - back;
        if (rasad__ent_in(stops, nm->t[i].w, nm->t[i].n))
            break;
        if (i + 1 < nt && !plain_gap(text + lo, nm->t[i].end, nm->t[i + 1].start, 0))
            break;
        if (rasad__ent_in(offices, nm->t[i].w, nm->t[i].n))
            return emit(nm, i, nt, fn, ctx);
    }
    return RASAD_OK;
}
