/* names.c - a mention's canonical name, its title words and its spelling
 * key (entity.h). */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "entity_internal.h"

/* Words that come before a person's name and are not part of it. Written
 * in the tokenizer's normalized form (ZWNJ inside words, Persian ی and ک). */
static const char *const titles[] = {
    "سردار", "سرلشکر", "سرلشگر", "سرتیپ", "سرهنگ", "سرگرد", "سروان", "ستوان", "سپهبد",
    "ارتشبد", "دریادار", "دریابان", "ناخدا", "امیر", "پاسدار", "دوم", "ژنرال", "مارشال",
    "آیت‌الله", "آیت‌الله‌العظمی", "حجت‌الاسلام", "والمسلمین", "المسلمین", "ثقة‌الاسلام",
    "شیخ", "سید", "سیده", "علامه", "حاج", "حاجی", "مرحوم", "شهید",
    "دکتر", "مهندس", "پروفسور", "استاد", "آقای", "آقا", "خانم", "بانو", "جناب", "سرکار",
    NULL,
};

int rasad__ent_in(const char *const *table, const char *w, size_t n)
{
    for (size_t i = 0; table[i]; i++)
        if (strlen(table[i]) == n && memcmp(table[i], w, n) == 0)
            return 1;
    return 0;
}

int rasad_entity_namer_new(rasad_entity_namer **out)
{
    rasad_entity_namer *nm = rasad_malloc(sizeof *nm);
    *out = NULL;
    if (!nm)
        return RASAD_NOMEM;
    memset(nm, 0, sizeof *nm);
    int rc = rasad_tokenizer_new(RASAD_NORM_DEFAULT & ~RASAD_NORM_DIGITS, &nm->tok);
    if (rc != RASAD_OK) {
        rasad_free(nm);
        return rc;
    }
    *out = nm;
    return RASAD_OK;
}

void rasad_entity_namer_free(rasad_entity_namer *nm)
{
    if (!nm)
        return;
    rasad_tokenizer_free(nm->tok);
    rasad_free(nm);
}

static int on_token(void *ud, int kind, const char *tok, size_t n, size_t start, size_t end)
{
    rasad_entity_namer *nm = ud;
    (void)kind;
    if (nm->nt == ENT_TOKENS_MAX) {
        nm->overflow = 1;
        return 0;
    }
    if (n >= sizeof nm->t[0].w)
        return 0;
    ent_tok *t = &nm->t[nm->nt++];
    memcpy(t->w, tok, n);
    t->w[n] = '\0';
    t->n = n;
    t->start = start;
    t->end = end;
    return 0;
}

int rasad__ent_tokens(rasad_entity_namer *nm, const char *p, size_t n)
{
    nm->nt = 0;
    nm->overflow = 0;
    return rasad_tokenize(nm->tok, p, n, on_token, nm);
}

/* Appends w[0..n) to s (of cap bytes, NUL-terminated), with a space before
 * unless s is empty; returns 0 when it does not fit (s unchanged). */
static int append(char *s, size_t cap, const char *w, size_t n)
{
    size_t at = strlen(s), need = at + (at ? 1 : 0) + n;
    if (need >= cap)
        return 0;
    if (at)
        s[at++] = ' ';
    memcpy(s + at, w, n);
    s[at + n] = '\0';
    return 1;
}

/* Letter classes of the spelling key (code point -> class letter), and the
 * letters dropped after the first. */
static const struct { uint32_t cp, cls; } classes[] = {
    { 0x0637, 0x062A }, /* ط -> ت */
    { 0x0635, 0x0633 }, { 0x062B, 0x0633 },                     /* ص ث -> س */
    { 0x0630, 0x0632 }, { 0x0636, 0x0632 }, { 0x0638, 0x0632 }, /* ذ ض ظ -> ز */
    { 0x062D, 0x0647 },                                         /* ح -> ه */
    { 0x063A, 0x0642 },                                         /* غ -> ق */
    { 0x0622, 0x0627 }, { 0x0639, 0x0627 }, { 0x0621, 0x0627 }, /* آ ع ء -> ا */
    { 0x0623, 0x0627 }, { 0x0624, 0x0627 }, { 0x0626, 0x0627 }, /* أ ؤ ئ -> ا */
    { 0x064A, 0x06CC }, { 0x0643, 0x06A9 },                     /* ي ك */
};

static uint32_t class_of(uint32_t cp)
{
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (classes[i].cp == cp)
            return classes[i].cls;
    return cp;
}

static int is_vowel_letter(uint32_t cls)
{
    return cls == 0x0627 || cls == 0x0648 || cls == 0x06CC;   /* ا و ی */
}

/* The next letter of p[*i..n) as rasad_entity_same_letters compares it
 * (0 at the end): typing marks skipped, hamza seats folded. */
static uint32_t typed_letter(const char *p, size_t n, size_t *i)
{
    while (*i < n) {
        uint32_t c;
        int inv;
        *i += rasad_utf8_decode(p + *i, n - *i, &c, &inv);
        switch (c) {
        case 0x200C: case 0x200D: case ' ': case 0x0621: continue;   /* ZWNJ, ZWJ, ء */
        case 0x0626: case 0x064A: return 0x06CC;                      /* ئ ي -> ی */
        case 0x0624: return 0x0648;                                   /* ؤ -> و */
        case 0x0623: case 0x0625: return 0x0627;                      /* أ إ -> ا */
        case 0x0643: return 0x06A9;                                   /* ك -> ک */
        case 0x0629: return 0x0647;                                   /* ة -> ه */
        default: return c;
        }
    }
    return 0;
}

int rasad_entity_same_letters(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    uint32_t pa = 0, pb = 0;
    if (!a || !b)
        return 0;
    for (;;) {
        uint32_t x, y;
        do                                        /* a doubled letter counts once */
            x = typed_letter(a, an, &i);
        while (x && x == pa);
        do
            y = typed_letter(b, bn, &j);
        while (y && y == pb);
        if (x != y)
            return 0;
        if (!x)
            return 1;
        pa = x;
        pb = y;
    }
}

/* Given names too common to tell two people apart (rasad's own list). */
static const char *const common_firsts[] = {
    "محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "احمد", "محمود", "مصطفی", "مرتضی",
    "مجتبی", "جواد", "حمید", "سعید", "مجید", "امیر", "ابراهیم", "اسماعیل", "یوسف",
    "یعقوب", "عباس", "اکبر", "اصغر", "جعفر", "کاظم", "قاسم", "ناصر", "منصور", "صادق",
    "هادی", "مسعود", "داوود", "داود", "موسی", "عیسی", "یحیی", "محسن", "وحید", "امین",
    "ایمان", "سجاد", "عبدالله", "غلامرضا", "غلامحسین", "محمدرضا", "محمدعلی", "محمدحسین",
    "علیرضا", "حمیدرضا", "فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سمیه", "اعظم",
    "سارا", "نرگس", "لیلا", "مینا",
};

int rasad_entity_common_first(const char *first, size_t n)
{
    for (size_t i = 0; first && i < sizeof common_firsts / sizeof common_firsts[0]; i++)
        if (strlen(common_firsts[i]) == n && memcmp(common_firsts[i], first, n) == 0)
            return 1;
    return 0;
}

size_t rasad_entity_key_word(const char *w, size_t n, char *out, size_t cap)
{
    uint32_t cp[64];
    size_t m = 0, i = 0, k = 0;
    if (!cap)
        return 0;
    while (i < n && m < sizeof cp / sizeof cp[0]) {
        uint32_t c;
        int inv;
        i += rasad_utf8_decode(w + i, n - i, &c, &inv);
        if (c != 0x200C && c != 0x200D)
            cp[m++] = class_of(c);
    }
    for (size_t j = 0; j < m; j++) {
        if (j > 0 && j + 1 < m && is_vowel_letter(cp[j]))
            continue;                 /* a long vowel inside the word */
        if (j > 0 && cp[j] == cp[j - 1])
            continue;                 /* a doubled letter */
        char e[4];
        size_t el = rasad_utf8_encode(cp[j], e);
        if (k + el >= cap)
            break;
        memcpy(out + k, e, el);
        k += el;
    }
    out[k] = '\0';
    return k;
}

int rasad_entity_name_make(rasad_entity_namer *nm, int type, const char *p, size_t n,
                           rasad_entity_name *out)
{
    memset(out, 0, sizeof *out);
    if (!nm || (!p && n))
        return RASAD_INVAL;
    int rc = rasad__ent_tokens(nm, p, n);
    if (rc != RASAD_OK)
        return rc;
    size_t from = 0;
    if (type == RASAD_NER_PER)
        while (from + 1 < nm->nt && rasad__ent_in(titles, nm->t[from].w, nm->t[from].n)) {
            append(out->title, sizeof out->title, nm->t[from].w, nm->t[from].n);
            from++;
        }
    for (size_t i = from; i < nm->nt && out->words < RASAD_ENTITY_WORDS_MAX; i++) {
        char key[96];
        size_t kn = rasad_entity_key_word(nm->t[i].w, nm->t[i].n, key, sizeof key);
        if (!append(out->name, sizeof out->name, nm->t[i].w, nm->t[i].n))
            break;
        append(out->key, sizeof out->key, key, kn);
        if (!out->words)
            memcpy(out->first, nm->t[i].w, nm->t[i].n + 1);
        memcpy(out->last, nm->t[i].w, nm->t[i].n + 1);
        out->words++;
    }
    return RASAD_OK;
}
