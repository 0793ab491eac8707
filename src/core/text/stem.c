/* stem.c - the light Persian stemmer (rules in docs/sentence-stem.md).
 *
 * A word is peeled from the outside in, one layer at a time: ezafe marks,
 * possessive clitics, indefinite/ezafe ی, plural, comparative. In each
 * layer the first rule whose suffix matches and whose guard passes is
 * applied. Guards are what keep ایران from becoming ایر: a suffix that ZWNJ
 * sets apart is safe; an attached one needs the stem to be a word of the
 * lexicon and, for the riskiest, the whole form not to be a noun in its own
 * right (a noun whose ها-plural the lexicon lists). Protected words stop the
 * peeling wherever they appear. */
#include <string.h>
#include "rasad/stem.h"
#include "lexicon.h"

#define ZW "\xE2\x80\x8C" /* ZWNJ U+200C */

enum guard {
    G_ANY = 0,   /* unambiguous: a mark, or a suffix ZWNJ sets apart */
    G_AFTER_HEH, /* only right after ه (the hamza of هٔ) */
    G_VOWEL,     /* after ا or و, and the stem is a word */
    G_WORD,      /* the stem is a word */
    G_NOUN,      /* G_WORD, and the form is not a noun with its own plural */
    G_CONS,      /* G_NOUN, and the stem ends in a consonant (not ا و ه ی) */
    G_ARABIC,    /* G_NOUN, and the stem is an Arabic participle (starts with م) */
    G_ADJ,       /* the stem is a word whose ترین-superlative is a word */
};

struct rule {
    const char *suf;   /* suffix removed */
    unsigned char sn;  /* its length in bytes */
    unsigned char guard; /* enum guard */
    unsigned char min; /* fewest letters the stem may have */
    const char *tail;  /* appended to the stem ("" or a letter) */
};

/* A rule; the suffix's length is taken at compile time. */
#define R(suf, guard, min, tail) { suf, sizeof(suf) - 1, guard, min, tail }
#define R_END { NULL, 0, 0, 0, NULL }

static const struct rule marks[] = {
    R(ZW, G_ANY, 2, ""),
    R("\xD9\x90", G_ANY, 2, ""),  /* kasra ِ as ezafe */
    R("\xD9\x94", G_AFTER_HEH, 2, ""),  /* هٔ -> ه */
    R("ۀ", G_ANY, 1, "ه"),
    R_END,
};

static const struct rule possessive[] = {
    R(ZW "مان", G_ANY, 2, ""),  R(ZW "تان", G_ANY, 2, ""),
    R(ZW "شان", G_ANY, 2, ""),  R(ZW "ام", G_ANY, 2, ""),
    R(ZW "ات", G_ANY, 2, ""),   R(ZW "اش", G_ANY, 2, ""),
    R("یمان", G_VOWEL, 2, ""),  R("یتان", G_VOWEL, 2, ""),
    R("یشان", G_VOWEL, 2, ""),  R("یم", G_VOWEL, 2, ""),
    R("مان", G_CONS, 2, ""),    R("تان", G_CONS, 2, ""),
    R("شان", G_CONS, 2, ""),    R("م", G_CONS, 2, ""),
    R("ش", G_CONS, 2, ""),
    /* No bare ت، یت، یش: جهت، رضایت، نمایش are nouns far more often
     * than کتابت، پایت، پایش are possessives. */
    R_END,
};

static const struct rule indefinite[] = {
    R(ZW "ای", G_ANY, 2, ""),   R(ZW "ی", G_ANY, 2, ""),
    R("ی", G_VOWEL, 2, ""),
    /* No bare ی after a consonant, nor یی after a vowel: the indefinite
     * (کسی، هوایی) cannot be told from the adjective ending (ملی، اروپایی). */
    R_END,
};

static const struct rule plural[] = {
    R(ZW "هایی", G_ANY, 2, ""), R(ZW "های", G_ANY, 2, ""),
    R(ZW "ها", G_ANY, 2, ""),
    R("هایی", G_WORD, 2, ""),   R("های", G_WORD, 2, ""),
    R("ها", G_WORD, 2, ""),
    R("یانی", G_VOWEL, 2, ""),  R("یان", G_VOWEL, 2, ""),
    R("گانی", G_NOUN, 2, "ه"),  R("گان", G_NOUN, 2, "ه"),
    R("انی", G_NOUN, 2, ""),    R("ان", G_NOUN, 2, ""),
    R("اتی", G_NOUN, 2, "ه"),   R("ات", G_NOUN, 2, "ه"),
    R("اتی", G_NOUN, 2, ""),    R("ات", G_NOUN, 2, ""),
    R("ین", G_ARABIC, 4, ""),
    R_END,
};

static const struct rule comparative[] = {
    R(ZW "ترین", G_ANY, 2, ""), R(ZW "تری", G_ANY, 2, ""),
    R(ZW "تر", G_ANY, 2, ""),
    R("ترین", G_WORD, 2, ""),   R("تری", G_ADJ, 2, ""),
    R("تر", G_ADJ, 2, ""),
    R_END,
};

/* Outermost first; marks may repeat (ZWNJ then kasra). */
static const struct { const struct rule *rules; int repeat; } layers[] = {
    { marks, 1 }, { possessive, 0 }, { indefinite, 0 }, { plural, 0 },
    { comparative, 0 },
};

/* Words never stemmed further, wherever peeling reaches them: common words
 * whose ending looks like a suffix and that the guards alone might miss.
 * Sorted by byte length, then bytes (is_protected searches it). */
static const struct { const char *w; size_t n; } protected_words[] = {
#define PW(s) { s, sizeof(s) - 1 }
    PW("آتش"), PW("آدم"), PW("خدا"), PW("خود"), PW("دهم"), PW("دوم"),
    PW("دین"), PW("رای"), PW("روش"), PW("سوم"), PW("شتر"), PW("ششم"),
    PW("شما"), PW("صدم"), PW("علی"), PW("قوی"), PW("متر"), PW("ملت"),
    PW("ملی"), PW("نهم"), PW("پشت"), PW("چای"), PW("چتر"), PW("آنها"),
    PW("ارتش"), PW("ارزش"), PW("بستر"), PW("بهشت"), PW("تلاش"), PW("تنها"),
    PW("جهان"), PW("جوان"), PW("دانش"), PW("دختر"), PW("دفتر"), PW("دولت"),
    PW("زبان"), PW("زمان"), PW("زمین"), PW("عمان"), PW("قسمت"), PW("مردم"),
    PW("هشتم"), PW("هفتم"), PW("پنجم"), PW("گوشت"), PW("آسمان"), PW("آلمان"),
    PW("استان"), PW("انسان"), PW("ایران"), PW("اینها"), PW("باران"),
    PW("بیستم"), PW("تئاتر"), PW("تمرین"), PW("تهران"), PW("دوران"),
    PW("دیدار"), PW("سودان"), PW("شیرین"), PW("فیلتر"), PW("لبنان"),
    PW("ماشین"), PW("میدان"), PW("هزارم"), PW("پایان"), PW("چهارم"),
    PW("کبوتر"), PW("کرمان"), PW("یونان"), PW("انگشتر"), PW("خیابان"),
    PW("سازمان"), PW("مردمان"), PW("کیلومتر"),
#undef PW
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static size_t letters(const char *w, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        c += ((unsigned char)w[i] & 0xC0) != 0x80;
    return c;
}

static int ends_with(const char *w, size_t n, const char *s, size_t sn)
{
    return n >= sn && memcmp(w + n - sn, s, sn) == 0;
}

static int is_protected(const char *w, size_t n)
{
    size_t lo = 0, hi = COUNT(protected_words);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2, pn = protected_words[mid].n;
        int c = pn != n ? (pn < n ? -1 : 1) : memcmp(protected_words[mid].w, w, n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Is w[0..n) followed by s a word? */
static int lex_with(const char *w, size_t n, const char *s)
{
    char b[RASAD_STEM_MAX + 16];
    size_t sn = strlen(s);
    if (n + sn > sizeof b)
        return 0;
    memcpy(b, w, n);
    memcpy(b + n, s, sn);
    return rasad__lex_contains(b, n + sn);
}

/* Does the lexicon list a ها-plural of w[0..n), making w a noun of its own? */
static int has_plural(const char *w, size_t n)
{
    static const char *const pl[] = { "ها", ZW "ها", "های", ZW "های" };
    size_t i;
    for (i = 0; i < COUNT(pl); i++)
        if (lex_with(w, n, pl[i]))
            return 1;
    return 0;
}

/* Would cutting w[0..n) to w[0..stem) cut into a protected word that w
 * starts with (تنهایی -> تن, پایانی -> پا)? */
static int cuts_protected(const char *w, size_t n, size_t stem)
{
    size_t i, pn;
    for (i = 0; i < COUNT(protected_words); i++) {
        pn = protected_words[i].n;
        if (pn > stem && pn <= n && memcmp(protected_words[i].w, w, pn) == 0)
            return 1;
    }
    return 0;
}

static int ends_with_vowel(const char *w, size_t n)
{
    static const char *const v[] = { "ا", "آ", "و", "ه", "ی", ZW };
    size_t i;
    for (i = 0; i < COUNT(v); i++)
        if (ends_with(w, n, v[i], strlen(v[i])))
            return 1;
    return 0;
}

static int guard_ok(const struct rule *r, const char *w, size_t n, size_t sn)
{
    size_t stem = n - sn, form = n;
    if (letters(w, stem) < r->min || cuts_protected(w, n, stem))
        return 0;
    switch (r->guard) {
    case G_ANY:
        return 1;
    case G_AFTER_HEH:
        return ends_with(w, stem, "ه", 2);
    case G_VOWEL:
        if (!ends_with(w, stem, "ا", 2) && !ends_with(w, stem, "و", 2))
            return 0;
        /* after a ZWNJ plural (کتاب‌هایمان) the stem need not be listed */
        return ends_with(w, stem, ZW "ها", 7) || lex_with(w, stem, r->tail);
    case G_WORD:
        return lex_with(w, stem, r->tail);
    case G_ADJ:
        return lex_with(w, stem, "") && lex_with(w, stem, "ترین");
    case G_CONS:
        /* the stem must be a noun with a plural of its own (کتابم: کتاب‌ها);
         * جنبش، ماتم are not جنب، مات + clitic */
        if (ends_with_vowel(w, stem) || !has_plural(w, stem))
            return 0;
        return lex_with(w, stem, r->tail) && !has_plural(w, form);
    case G_ARABIC:
        if (memcmp(w, "م", 2) != 0)
            return 0;
        /* fall through */
    case G_NOUN:
        /* A plural with indefinite ی (کسانی) needs its plural (کسان) to be
         * a word that is not protected or a noun itself: جهانی, انسانی and
         * طولانی keep their ان. */
        if (sn > 2 && ends_with(w, n, "ی", 2)) {
            form = n - 2;
            if (!rasad__lex_contains(w, form) || is_protected(w, form))
                return 0;
        }
        return lex_with(w, stem, r->tail) && !has_plural(w, form);
    }
    return 0;
}

/* Peels w into buf; returns the stem's length in buf. */
static size_t peel(const char *w, size_t n, char *buf)
{
    size_t L, k;
    memcpy(buf, w, n);
    for (L = 0; L < COUNT(layers) && !is_protected(buf, n); L++) {
        const struct rule *r = layers[L].rules;
        for (k = 0; r[k].suf != NULL; k++) {
            size_t sn = r[k].sn, tn = strlen(r[k].tail);
            if (!ends_with(buf, n, r[k].suf, sn) || !guard_ok(&r[k], buf, n, sn))
                continue;
            n -= sn;
            memcpy(buf + n, r[k].tail, tn);
            n += tn;
            if (layers[L].repeat && !is_protected(buf, n))
                k = (size_t)-1; /* start the layer again */
            else
                break;
        }
    }
    return n;
}

size_t rasad_stem(const char *w, size_t n, const char **tail)
{
    char buf[RASAD_STEM_MAX];
    size_t m, len = 0;
    if (tail != NULL)
        *tail = "";
    if (n > RASAD_STEM_MAX || n == 0)
        return n;
    m = peel(w, n, buf);
    while (len < m && buf[len] == w[len])
        len++;
    while (len > 0 && len < m && ((unsigned char)buf[len] & 0xC0) == 0x80)
        len--; /* the changed letter starts at a code point boundary */
    if (len < m && tail != NULL)
        *tail = memcmp(buf + len, "ه", 2) == 0 && m - len == 2 ? "ه" : "";
    return len;
}

size_t rasad_stem_copy(const char *w, size_t n, char *out, size_t cap)
{
    char buf[RASAD_STEM_MAX];
    size_t m;
    if (n > RASAD_STEM_MAX || n == 0) {
        if (n <= cap)
            memcpy(out, w, n);
        return n;
    }
    m = peel(w, n, buf);
    if (m <= cap)
        memcpy(out, buf, m);
    return m;
}
