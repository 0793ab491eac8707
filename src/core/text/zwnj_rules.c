/* zwnj_rules.c - the word rules of the ZWNJ planner: verb prefixes, plural,
 * comparative, clitics after ه and ی, productive parts of compounds, and the
 * space between two words. Closed lists are rasad's own; word membership
 * comes from the lexicon. Everything is pure (docs/zwnj.md). */
#include "zwnj_rules.h"

#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_tables.h"

#define ZW RASAD__ZWNJ_UTF8
#define KEY_MAX 255 /* the lexicon holds no longer word */

typedef rasad__zspan span;

typedef struct affix {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} affix;

#define AFFIX(lit) { lit, sizeof(lit) - 1 }
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Plural and its possessives, longest first. */
static const affix plural[] = {
    AFFIX("هایشان"), AFFIX("هایتان"), AFFIX("هایمان"), AFFIX("هایش"),
    AFFIX("هایت"), AFFIX("هایم"), AFFIX("هایی"), AFFIX("های"), AFFIX("ها"),
};

/* Comparative and superlative (درست‌تری: the comparative + indefinite ی). */
static const affix compar[] = { AFFIX("ترین"), AFFIX("تری"), AFFIX("تر") };

/* Clitics written with ZWNJ after a final ه (خانه‌ای, رفته‌اند), longest
 * first. The first four are checked on rules alone; ام اش ات also need the
 * joined form not to be a word of its own (سهام, الهام, اتهام). */
static const affix after_heh[] = {
    AFFIX("ایم"), AFFIX("اید"), AFFIX("اند"), AFFIX("ای"), AFFIX("ام"),
    AFFIX("اش"), AFFIX("ات"),
};

/* Clitics written with ZWNJ after a final ی (زندگی‌ام, ایرانی‌اند); not ات,
 * the Arabic plural (رباعیات). */
static const affix after_yeh[] = {
    AFFIX("ایم"), AFFIX("اید"), AFFIX("اند"), AFFIX("ام"), AFFIX("اش"),
};

/* Verb prefixes ending in می, longest first; the ZWNJ goes after them. */
static const affix verb_prefix[] = {
    AFFIX("فرومی"), AFFIX("بازمی"), AFFIX("برمی"), AFFIX("درمی"),
    AFFIX("وامی"), AFFIX("نمی"), AFFIX("می"),
};

/* Personal endings of a verb, longest first; "" is the past third person. */
static const affix ending[] = {
    AFFIX("یم"), AFFIX("ید"), AFFIX("ند"), AFFIX("م"), AFFIX("ی"), AFFIX("د"),
};

/* Words the news writes joined although a rule would split them (آنها,
 * بیشتر): both spellings are accepted, and rasad keeps what was written. */
static const affix keep_joined[] = {
    AFFIX("آنها"), AFFIX("اینها"), AFFIX("تنها"), AFFIX("همانها"),
    AFFIX("همینها"), AFFIX("آنهایی"), AFFIX("اینهایی"), AFFIX("تنهایی"),
    AFFIX("تنهای"), AFFIX("بیشتر"), AFFIX("کمتر"), AFFIX("بهتر"),
    AFFIX("بیشترین"), AFFIX("کمترین"), AFFIX("بهترین"), AFFIX("مهتر"),
    AFFIX("کهتر"), AFFIX("دکتر"), AFFIX("منهای"), AFFIX("بهای"),
};

/* Productive second parts of compounds, written after a ZWNJ when the
 * first part ends in a joining letter (سرمایه‌گذاری, اعلام‌شده). Longest
 * first where one ends another. */
static const affix bound[] = {
    AFFIX("نامه"), AFFIX("شده"), AFFIX("گذاران"), AFFIX("گذاری"),
    AFFIX("سازان"), AFFIX("سازی"), AFFIX("رسانی"), AFFIX("شناسان"),
    AFFIX("شناسی"), AFFIX("شناس"), AFFIX("نگاران"), AFFIX("نگاری"),
    AFFIX("نگار"), AFFIX("کنندگان"), AFFIX("کننده"), AFFIX("آموزان"),
    AFFIX("پردازی"), AFFIX("پرداز"), AFFIX("آفرینی"), AFFIX("سرایی"),
    AFFIX("نویسان"), AFFIX("نویسی"), AFFIX("درمانی"), AFFIX("زدایی"),
};

/* Second parts that news writes joined (هدفمند, اصولگرا, پیگیری) except
 * after a final ه, which would otherwise read as a medial ه (علاقه‌مند). */
static const affix bound_after_heh[] = {
    AFFIX("مندانه"), AFFIX("مندان"), AFFIX("مندی"), AFFIX("مند"),
    AFFIX("گرایان"), AFFIX("گرایی"), AFFIX("گرا"), AFFIX("گیری"),
    AFFIX("طلبان"), AFFIX("طلبی"), AFFIX("طلب"), AFFIX("پذیری"),
    AFFIX("پذیر"), AFFIX("آمیز"), AFFIX("انگیز"), AFFIX("خوانی"),
    AFFIX("برداری"), AFFIX("گذار"), AFFIX("آموز"),
};

/* Month names that end in a joining letter, before ماه (اردیبهشت‌ماه). */
static const affix month[] = {
    AFFIX("فروردین"), AFFIX("اردیبهشت"), AFFIX("دی"), AFFIX("بهمن"),
};

/* Words after هم that make one word with it when typed apart (هم زمان);
 * elsewhere هم is the adverb "also" and stays a word. */
static const affix with_ham[] = {
    AFFIX("زمان"), AFFIX("زمانی"), AFFIX("چنین"), AFFIX("چنان"),
    AFFIX("اکنون"), AFFIX("چون"),
};

/* Words after بی that stay apart: the conjunction بی آنکه, بی هیچ, بی بی. */
static const affix not_after_bi[] = {
    AFFIX("آن"), AFFIX("آنکه"), AFFIX("آنچه"), AFFIX("هیچ"), AFFIX("بی"),
};

static inline int ends_with(span w, const affix *a)
{
    return w.n > a->n && w.p[w.n - 1] == a->s[a->n - 1] &&
           w.p[w.n - 2] == a->s[a->n - 2] &&
           memcmp(w.p + w.n - a->n, a->s, a->n - 2) == 0;
}

static inline int starts_with(span w, const affix *a)
{
    return w.n > a->n && w.p[0] == a->s[0] && w.p[1] == a->s[1] &&
           memcmp(w.p, a->s, a->n) == 0;
}

static inline int equals(span w, const affix *a)
{
    return w.n == a->n && w.p[w.n - 1] == a->s[a->n - 1] &&
           memcmp(w.p, a->s, a->n) == 0;
}

static int in_list(span w, const affix *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (equals(w, &list[i]))
            return 1;
    return 0;
}

/* Letters after which Persian writes no ZWNJ: they never join the next
 * letter (ا د ر ز ژ و and kin), plus the ezafe hamza mark. */
static int joins_left(unsigned c)
{
    switch (c) {
    case 0x0621: case 0x0622: case 0x0623: case 0x0624: case 0x0625:
    case 0x0627: case 0x0629: case 0x062f: case 0x0630: case 0x0631:
    case 0x0632: case 0x0648: case 0x0654: case 0x0698: case 0x06c0:
        return 0;
    default:
        return 1;
    }
}

int rasad__zw_last_joins(const char *p, size_t n)
{
    return n >= 2 && joins_left(rasad__zw_cp2(p + n - 2));
}

static size_t letters(span w)
{
    return w.n / 2;
}

static unsigned last_cp(span w)
{
    return w.n >= 2 ? rasad__zw_cp2(w.p + w.n - 2) : 0;
}

/* Looks up a + b (+ c) in the lexicon without allocating. */
static int lex3(const char *a, size_t an, const char *b, size_t bn,
                const char *c, size_t cn)
{
    char key[KEY_MAX];
    if (an + bn + cn > sizeof key)
        return 0;
    memcpy(key, a, an);
    memcpy(key + an, b, bn);
    if (cn)
        memcpy(key + an + bn, c, cn);
    return rasad__lex_contains(key, an + bn + cn);
}

static int lex(span w)
{
    return rasad__lex_contains(w.p, w.n);
}

/* Is w a word of the list, or w less a plain ending (ی, ان, یان) one? The
 * list lacks many such forms (بیکاری, دانشمندان) that news writes joined. */
static int lex_base(span w)
{
    static const affix plain[] = { AFFIX("یان"), AFFIX("ان"), AFFIX("ی") };
    if (lex(w))
        return 1;
    for (size_t i = 0; i < COUNT(plain); i++) {
        if (!ends_with(w, &plain[i]))
            continue;
        span x = { w.p, w.n - plain[i].n };
        if (letters(x) >= 2 && lex(x))
            return 1;
    }
    return 0;
}

static int known(span w)
{
    rasad__zw_hit hit;
    return rasad__zw_find(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, w.p, w.n),
                          w.p, w.n, NULL, 0, &hit) || lex(w);
}

int rasad__zw_keep_joined(span w)
{
    return in_list(w, keep_joined, COUNT(keep_joined));
}

/* Is w a finite verb form that takes می (رود, کنند, رفتیم, گفت)? */
static int is_verb(span w)
{
    if (letters(w) < 2)
        return 0;
    if (lex3("می" ZW, 7, w.p, w.n, NULL, 0))
        return 1;
    for (size_t i = 0; i < COUNT(ending); i++) {
        if (!ends_with(w, &ending[i]))
            continue;
        /* present: the subjunctive of the stem is a word in the third
         * person (برود, بروند) */
        size_t stem = w.n - ending[i].n;
        if (stem >= 4 && (lex3("ب", 2, w.p, stem, "د", 2) || lex3("ب", 2, w.p, stem, "ند", 4)))
            return 1;
    }
    /* past: stem ending in د or ت, and stem + ن is the infinitive */
    for (size_t i = 0; i <= COUNT(ending); i++) {
        span s = w;
        if (i < COUNT(ending)) {
            if (!ends_with(w, &ending[i]))
                continue;
            s.n -= ending[i].n;
        }
        if (letters(s) < 2)
            continue;
        unsigned last = last_cp(s);
        if ((last == 0x062f || last == 0x062a) && lex3(s.p, s.n, "ن", 2, NULL, 0) &&
            lex3(s.p, s.n, "ند", 4, NULL, 0))
            return 1;
    }
    return 0;
}

/* Is w an adjective that takes تر/ترین (its superlative is a word)? */
static int is_adjective(span w)
{
    if (letters(w) < 2 || rasad__zw_keep_joined(w))
        return 0;
    /* both degrees, so that ویترین is not وی + ترین */
    return (lex3(w.p, w.n, "ترین", 8, NULL, 0) ||
            lex3(w.p, w.n, ZW "ترین", 11, NULL, 0)) &&
           (lex3(w.p, w.n, "تر", 4, NULL, 0) ||
            lex3(w.p, w.n, ZW "تر", 7, NULL, 0));
}

/* Is w a past participle (کرده, رفته): stem + ه, stem + ن the infinitive? */
static int is_participle(span w)
{
    if (letters(w) < 3 || last_cp(w) != 0x0647)
        return 0;
    unsigned last = rasad__zw_cp2(w.p + w.n - 4);
    return (last == 0x062f || last == 0x062a) &&
           lex3(w.p, w.n - 2, "ن", 2, NULL, 0);
}

size_t rasad__zw_verb_prefix(span t)
{
    /* every prefix ends in می, at byte 0, 2, 4 or 6 */
    static const char mi[4] = { '\xd9', '\x85', '\xdb', '\x8c' };
    int any = 0;
    for (size_t at = 0; at <= 6 && at + 4 < t.n; at += 2)
        any |= memcmp(t.p + at, mi, 4) == 0;
    if (!any)
        return 0;
    for (size_t i = 0; i < COUNT(verb_prefix); i++) {
        if (!starts_with(t, &verb_prefix[i]))
            continue;
        span r = { t.p + verb_prefix[i].n, t.n - verb_prefix[i].n };
        return is_verb(r) ? verb_prefix[i].n : 0;
    }
    return 0;
}

/* Plural candidate: stem length, or 0. An unknown stem of four letters or
 * more counts when the joined word is no word either (حوثی‌ها). */
static size_t plural_stem(span t)
{
    for (size_t i = 0; i < COUNT(plural); i++) {
        if (!ends_with(t, &plural[i]))
            continue;
        span x = { t.p, t.n - plural[i].n };
        if (letters(x) < 2)
            return 0;
        if (known(x) || (letters(x) >= 4 && !lex(t)))
            return x.n;
        return 0;
    }
    return 0;
}

/* ه + clitic candidate: stem length (ending in ه), or 0. */
static size_t heh_stem(span t)
{
    for (size_t i = 0; i < COUNT(after_heh); i++) {
        if (!ends_with(t, &after_heh[i]))
            continue;
        span y = { t.p, t.n - after_heh[i].n };
        if (letters(y) >= 3 && last_cp(y) == 0x0647 && lex(y) &&
            (i < 4 || is_participle(y) || !lex(t)))
            return y.n;
        return 0;
    }
    return 0;
}

/* ی + clitic candidate (زندگی‌ام): stem length, or 0. */
static size_t yeh_stem(span t)
{
    for (size_t i = 0; i < COUNT(after_yeh); i++) {
        if (!ends_with(t, &after_yeh[i]))
            continue;
        span y = { t.p, t.n - after_yeh[i].n };
        if (letters(y) >= 3 && last_cp(y) == 0x06cc && lex(y) && !lex(t))
            return y.n;
        return 0;
    }
    return 0;
}

int rasad__zw_outer_suffix(span t, size_t *stem)
{
    size_t x = plural_stem(t);
    size_t y = heh_stem(t);
    if (x && y) {
        /* دسته‌ای or دست‌های: a participle (کرده‌ای) or a long stem
         * (هسته‌ای, جامعه‌ای) reads as ه + ای; a short stem (سال, دست,
         * کار) as the plural, which news uses more. */
        span h = { t.p, y };
        span p = { t.p, x };
        if (is_participle(h) || letters(p) > 3)
            x = 0;
    }
    if (x) {
        *stem = x;
        return rasad__zw_last_joins(t.p, x) ? 1 : 2;
    }
    if (y || (y = yeh_stem(t)) != 0) {
        *stem = y;
        return 1;
    }
    return 0;
}

int rasad__zw_compar_suffix(span t, size_t *stem)
{
    if (rasad__zw_keep_joined(t))
        return 0;
    for (size_t i = 0; i < COUNT(compar); i++) {
        if (!ends_with(t, &compar[i]))
            continue;
        span x = { t.p, t.n - compar[i].n };
        /* تری: not a joined word (بهتری, کمتری: بهتر + ی) */
        span xt = { t.p, t.n - 2 };
        if (!is_adjective(x) ||
            (i == 1 && (lex(t) || rasad__zw_keep_joined(xt))))
            return 0;
        *stem = x.n;
        return rasad__zw_last_joins(x.p, x.n) ? 1 : 2;
    }
    return 0;
}

unsigned rasad__zw_tail_layers(span t)
{
    if (t.n < 4)
        return 0;
    unsigned c1 = rasad__zw_cp2(t.p + t.n - 2), c2 = rasad__zw_cp2(t.p + t.n - 4);
    /* the last two letters of every affix in the lists above */
    switch (c1) {
    case 0x0646: /* ن: ان ین */
        return c2 == 0x0627 ? RASAD__ZW_L_OUTER | RASAD__ZW_L_INNER
             : c2 == 0x06cc ? RASAD__ZW_L_COMPAR | RASAD__ZW_L_KEEP : 0;
    case 0x0634: case 0x062a: case 0x0645: /* ش ت م: یش اش یت ات یم ام */
        return c2 == 0x06cc || c2 == 0x0627 ? RASAD__ZW_L_OUTER : 0;
    case 0x062f: /* د: ید ند */
        return c2 == 0x06cc || c2 == 0x0646 ? RASAD__ZW_L_OUTER | RASAD__ZW_L_INNER : 0;
    case 0x0627: /* ا: ها را */
        return c2 == 0x0647 ? RASAD__ZW_L_OUTER | RASAD__ZW_L_KEEP
             : c2 == 0x0631 ? RASAD__ZW_L_INNER : 0;
    case 0x0631: /* ر: تر ار یر */
        return c2 == 0x062a ? RASAD__ZW_L_COMPAR | RASAD__ZW_L_KEEP
             : c2 == 0x0627 || c2 == 0x06cc ? RASAD__ZW_L_INNER : 0;
    case 0x06cc: /* ی: یی ای ری زی نی سی دی بی */
        switch (c2) {
        case 0x06cc: case 0x0627:
            return RASAD__ZW_L_OUTER | RASAD__ZW_L_KEEP | RASAD__ZW_L_INNER;
        case 0x0631:
            return RASAD__ZW_L_COMPAR | RASAD__ZW_L_INNER;
        case 0x0632: case 0x0646: case 0x0633: case 0x062f: case 0x0628:
            return RASAD__ZW_L_INNER;
        default:
            return 0;
        }
    case 0x0647: /* ه: مه ده نه اه */
        return c2 == 0x0645 || c2 == 0x062f || c2 == 0x0646 || c2 == 0x0627
                   ? RASAD__ZW_L_INNER : 0;
    case 0x0632: /* ز: از یز وز */
        return c2 == 0x0627 || c2 == 0x06cc || c2 == 0x0648 ? RASAD__ZW_L_INNER : 0;
    case 0x0633: /* س: اس */
        return c2 == 0x0627 ? RASAD__ZW_L_INNER : 0;
    case 0x0628: /* ب: لب */
        return c2 == 0x0644 ? RASAD__ZW_L_INNER : 0;
    default:
        return 0;
    }
}

/* Stem before a productive second part of t from list, or 0. */
static size_t bound_stem(span t, const affix *list, size_t count, int heh_only)
{
    for (size_t i = 0; i < count; i++) {
        if (!ends_with(t, &list[i]))
            continue;
        span x = { t.p, t.n - list[i].n };
        if (letters(x) >= 2 && rasad__zw_last_joins(x.p, x.n) &&
            (!heh_only || last_cp(x) == 0x0647) && lex(x) && !lex_base(t))
            return x.n;
        return 0;
    }
    return 0;
}

size_t rasad__zw_inner_split(span t)
{
    static const affix maah = AFFIX("ماه");
    if (rasad__zw_tail_layers(t) & RASAD__ZW_L_INNER) {
        size_t x = bound_stem(t, bound, COUNT(bound), 0);
        if (!x)
            x = bound_stem(t, bound_after_heh, COUNT(bound_after_heh), 1);
        if (x)
            return x;
    }
    if (ends_with(t, &maah)) {
        span m = { t.p, t.n - maah.n };
        if (in_list(m, month, COUNT(month)))
            return m.n;
    }
    static const affix bi = AFFIX("بی");
    if (starts_with(t, &bi)) {
        /* not the subjunctive بی + verb (بیاندیشند, بیارزد) */
        span r = { t.p + 4, t.n - 4 };
        if (letters(r) >= 3 && lex_base(r) && !lex_base(t) && !is_verb(r))
            return 4;
    }
    return 0;
}

int rasad__zw_pair_rule(span a, span b, int a_whole)
{
    static const affix bi = AFFIX("بی"), ham = AFFIX("هم"), mi = AFFIX("می");
    if (!a_whole)
        return -1;
    /* every rule below needs a short b (a suffix: ه ت ا first), a = بی or
     * هم, or a verb prefix (ending in می) */
    unsigned b1 = rasad__zw_cp2(b.p);
    if (a.n != 4 && b1 != 0x0647 && b1 != 0x062a && b1 != 0x0627 &&
        !(a.n >= 4 && memcmp(a.p + a.n - 4, mi.s, 4) == 0))
        return -1;
    if (in_list(a, verb_prefix, COUNT(verb_prefix)))
        return is_verb(b);
    if (in_list(b, plural, COUNT(plural)))
        return letters(a) >= 2;
    if (in_list(b, compar, COUNT(compar)))
        /* or an adjective in ی the list gives no degrees (آبی تر) */
        return is_adjective(a) ||
               (letters(a) >= 3 && last_cp(a) == 0x06cc && lex(a));
    if (in_list(b, after_heh, COUNT(after_heh))) {
        if (letters(a) >= 2 && last_cp(a) == 0x0647)
            return 1;
        return 0;
    }
    if (equals(a, &bi))
        return letters(b) >= 2 && !in_list(b, not_after_bi, COUNT(not_after_bi)) &&
               known(b);
    if (equals(a, &ham))
        return in_list(b, with_ham, COUNT(with_ham));
    return -1;
}
