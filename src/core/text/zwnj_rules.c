/* zwnj_rules.c - the word rules of the ZWNJ planner: verb prefixes, plural,
 * comparative, clitics after ه and ی, productive parts of compounds, and the
 * space between two words. Closed lists are rasad's own; word membership
 * comes from the lexicon. Everything is pure (docs/zwnj.md). */
#include "zwnj_rules.h"

#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_tables.h"
#include "zwnj_lists.h"

#define ZW RASAD__ZWNJ_UTF8
#define KEY_MAX 255 /* the lexicon holds no longer word */

typedef rasad__zspan span;

typedef rasad__zw_affix affix;

#define AFFIX(lit) { lit, sizeof(lit) - 1 }
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Are the last k bytes of p and q the same? Compared from the end, where
 * words of one tail differ; the lists are too short for memcmp to pay. */
static inline int same_tail(const char *p, const char *q, size_t k)
{
    while (k--)
        if (p[k] != q[k])
            return 0;
    return 1;
}

static inline int ends_with(span w, const affix *a)
{
    return w.n > a->n && same_tail(w.p + w.n - a->n, a->s, a->n);
}

static inline int starts_with(span w, const affix *a)
{
    return w.n > a->n && w.p[0] == a->s[0] && w.p[1] == a->s[1] &&
           same_tail(w.p, a->s, a->n);
}

static inline int equals(span w, const affix *a)
{
    return w.n == a->n && same_tail(w.p, a->s, a->n);
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

/* Is w less one of the endings of list[0..n) a word of the list, with at
 * least min letters left? */
static int less_ending_is_word(span w, const affix *list, size_t n, size_t min)
{
    for (size_t i = 0; i < n; i++) {
        if (!ends_with(w, &list[i]))
            continue;
        span x = { w.p, w.n - list[i].n };
        if (letters(x) >= min && lex(x))
            return 1;
    }
    return 0;
}

/* Is w a word of the list, or w less a plain ending (ی, ان, یان) one? The
 * list lacks many such forms (بیکاری, دانشمندان) that news writes joined. */
static int lex_base(span w)
{
    static const affix plain[] = { AFFIX("یان"), AFFIX("ان"), AFFIX("ی") };
    return lex(w) || less_ending_is_word(w, plain, COUNT(plain), 2);
}

/* lex_base(), or w less a pronoun clitic (ش م ت مان تان شان) is a list
 * word joined: بیمارش is بیمار + ش, not بی + مارش. */
static int lex_base_clitic(span w)
{
    static const affix clitic[] = { AFFIX("مان"), AFFIX("تان"), AFFIX("شان"),
                                    AFFIX("ش"), AFFIX("م"), AFFIX("ت") };
    return lex_base(w) || less_ending_is_word(w, clitic, COUNT(clitic), 3);
}

static int known(span w)
{
    rasad__zw_hit hit;
    return rasad__zw_find(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, w.p, w.n),
                          w.p, w.n, NULL, 0, &hit) || lex(w);
}

int rasad__zw_keep_joined(span w)
{
    const uint32_t *tail = rasad__zw_tail_of(w.p, w.n);
    for (uint32_t m = tail[RASAD__ZW_T_KEEP_JOINED]; m; m &= m - 1)
        if (equals(w, &rasad__zw_kept[rasad__zw_low_bit(m)]))
            return 1;
    return 0;
}

/* Is w a finite verb form that takes می (رود, کنند, رفتیم, گفت)? */
static int is_participle(span w);

static int is_verb(span w)
{
    if (letters(w) < 2)
        return 0;
    if (lex3("می" ZW, 7, w.p, w.n, NULL, 0))
        return 1;
    for (size_t i = 0; i < COUNT(rasad__zw_ending); i++) {
        if (!ends_with(w, &rasad__zw_ending[i]))
            continue;
        /* present: the subjunctive of the stem is a word in the third
         * person (برود, بروند) */
        size_t stem = w.n - rasad__zw_ending[i].n;
        if (stem >= 4 && (lex3("ب", 2, w.p, stem, "د", 2) || lex3("ب", 2, w.p, stem, "ند", 4)))
            return 1;
        /* or another person of it is in the list with می (می‌دمد for می دمیم) */
        if (stem >= 4 && (lex3("می" ZW, 7, w.p, stem, "د", 2) || lex3("می" ZW, 7, w.p, stem, "ند", 4)))
            return 1;
    }
    if (is_participle(w))                       /* the past progressive: می‌کرده */
        return 1;
    /* past: stem ending in د or ت, and stem + ن is the infinitive */
    for (size_t i = 0; i <= COUNT(rasad__zw_ending); i++) {
        span s = w;
        if (i < COUNT(rasad__zw_ending)) {
            if (!ends_with(w, &rasad__zw_ending[i]))
                continue;
            s.n -= rasad__zw_ending[i].n;
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
    if (!rasad__zw_may_prefix(t))
        return 0;
    for (size_t i = 0; i < COUNT(rasad__zw_verb_prefixes); i++) {
        if (!starts_with(t, &rasad__zw_verb_prefixes[i]))
            continue;
        span r = { t.p + rasad__zw_verb_prefixes[i].n, t.n - rasad__zw_verb_prefixes[i].n };
        return is_verb(r) ? rasad__zw_verb_prefixes[i].n : 0;
    }
    return 0;
}

/* Plural candidate: stem length, or 0. An unknown stem of four letters or
 * more counts when the joined word is no word either (حوثی‌ها). */
static size_t plural_stem(span t)
{
    for (uint32_t m = rasad__zw_tail_of(t.p, t.n)[RASAD__ZW_T_PLURAL]; m; m &= m - 1) {
        unsigned i = rasad__zw_low_bit(m);
        if (!ends_with(t, &rasad__zw_plural[i]))
            continue;
        span x = { t.p, t.n - rasad__zw_plural[i].n };
        if (letters(x) < 2)
            return 0;
        /* not when the ها belongs to a word of the list (گرانبهایی:
         * گرانبها + یی, not گرانب + هایی) */
        if (known(x) || (letters(x) >= 4 && !lex(t) && !lex3(x.p, x.n, "ها", 4, NULL, 0)))
            return x.n;
        return 0;
    }
    return 0;
}

/* Is the final ه of w (3 letters or more) sounded (نگاه, کوه: after ا or و,
 * where مان تان شان join: نگاهشان), not the silent ه of خانه? */
static int sounded_heh(span w)
{
    unsigned c = rasad__zw_cp2(w.p + w.n - 4);
    return c == 0x0627 || c == 0x0622 || c == 0x0648;
}

/* ه + clitic candidate: stem length (ending in ه), or 0. */
static size_t heh_stem(span t)
{
    for (uint32_t m = rasad__zw_tail_of(t.p, t.n)[RASAD__ZW_T_AFTER_HEH]; m; m &= m - 1) {
        unsigned i = rasad__zw_low_bit(m);
        if (!ends_with(t, &rasad__zw_after_heh[i]))
            continue;
        span y = { t.p, t.n - rasad__zw_after_heh[i].n };
        if (letters(y) >= 3 && last_cp(y) == 0x0647 && lex(y) &&
            (i < RASAD__ZW_HEH_BY_RULE || is_participle(y) || !lex(t)) &&
            !(i >= RASAD__ZW_HEH_POSS && i < RASAD__ZW_HEH_BY_RULE &&
              (sounded_heh(y) || (letters(y) < 4 && lex(t)))))
            return y.n;
        return 0;
    }
    return 0;
}

/* ی + clitic candidate (زندگی‌ام, سنتی‌ای): stem length, or 0. For ای,
 * the word less its ی must not be a word (دنیای, دریای: دنیا, دریا + ی). */
static size_t yeh_stem(span t)
{
    for (uint32_t m = rasad__zw_tail_of(t.p, t.n)[RASAD__ZW_T_AFTER_YEH]; m; m &= m - 1) {
        unsigned i = rasad__zw_low_bit(m);
        if (!ends_with(t, &rasad__zw_after_yeh[i]))
            continue;
        span y = { t.p, t.n - rasad__zw_after_yeh[i].n };
        int ezafe = rasad__zw_after_yeh[i].n == 4 && lex((span){ t.p, t.n - 2 });
        if (letters(y) >= 3 && last_cp(y) == 0x06cc && lex(y) && !lex(t) && !ezafe)
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
        /* but after a letter that does not join, a joined های is how the
         * plural is written (واحدهای, قراردادهای; ه + ای, rare after a
         * participle, would have its ZWNJ), which also keeps a plural the
         * planner joined itself (قرارداد های) as it is on a second pass;
         * ایم اید اند after a participle stay verb endings (دیده‌ایم) */
        int bare_ye = t.n - y == 4 && memcmp(t.p + y, "\xD8\xA7\xDB\x8C", 4) == 0;
        if (!(bare_ye && !rasad__zw_last_joins(t.p, x)) && (is_participle(h) || letters(p) > 3))
            x = 0;
        /* a plural of no known word loses to ه + ای of a known one
         * (ماهواره‌ای, not ماهوار + های) */
        else if (!known(p))
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
    for (uint32_t m = rasad__zw_tail_of(t.p, t.n)[RASAD__ZW_T_COMPAR]; m; m &= m - 1) {
        unsigned i = rasad__zw_low_bit(m);
        if (!ends_with(t, &rasad__zw_compar[i]))
            continue;
        span x = { t.p, t.n - rasad__zw_compar[i].n };
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

/* Stem before a productive second part of t from list, or 0; m names the
 * entries that end with t's last two letters. */
static size_t bound_stem(span t, const affix *list, uint32_t m, int heh_only)
{
    for (; m; m &= m - 1) {
        unsigned i = rasad__zw_low_bit(m);
        if (!ends_with(t, &list[i]))
            continue;
        span x = { t.p, t.n - list[i].n };
        size_t ignored;
        /* and only where the first part is final: were it a verb with می
         * or a word with a suffix of its own, planning the output again
         * would split it further (میروی‌گزینی -> می‌روی‌گزینی) */
        if (letters(x) >= 2 && rasad__zw_last_joins(x.p, x.n) &&
            (!heh_only || last_cp(x) == 0x0647) && lex(x) && !lex_base(t) &&
            !rasad__zw_verb_prefix(x) && !rasad__zw_outer_suffix(x, &ignored))
            return x.n;
        return 0;
    }
    return 0;
}

size_t rasad__zw_inner_split(span t)
{
    const uint32_t *tail = rasad__zw_tail_of(t.p, t.n);
    size_t x = 0;
    if (tail[RASAD__ZW_T_BOUND])
        x = bound_stem(t, rasad__zw_bound, tail[RASAD__ZW_T_BOUND], 0);
    if (!x && tail[RASAD__ZW_T_BOUND_AFTER_HEH])
        x = bound_stem(t, rasad__zw_bound_after_heh, tail[RASAD__ZW_T_BOUND_AFTER_HEH], 1);
    if (x)
        return x;
    const affix *maah = &rasad__zw_month_suffix[0];
    if (tail[RASAD__ZW_T_MONTH_SUFFIX] && ends_with(t, maah)) {
        span m = { t.p, t.n - maah->n };
        if (in_list(m, rasad__zw_month, COUNT(rasad__zw_month)))
            return m.n;
    }
    /* بی، شبه، نیمه، صاحب + a known word (بی‌نظمی, شبه‌جزیره, صاحب‌نام); not
     * the subjunctive بی + verb (بیاندیشند, بیارزد) */
    static const affix firsts[] = { AFFIX("بی"), AFFIX("شبه"), AFFIX("نیمه"), AFFIX("صاحب") };
    for (size_t i = 0; i < COUNT(firsts); i++) {
        if (!starts_with(t, &firsts[i]))
            continue;
        span r = { t.p + firsts[i].n, t.n - firsts[i].n };
        if (letters(r) >= 3 && lex_base(r) && !lex_base_clitic(t) && !is_verb(r))
            return firsts[i].n;
    }
    return 0;
}

/* a does not join, so joining a and the plural suffix b only drops the
 * space (دانند هایم -> دانندهایم), and the next pass plans the joined word
 * afresh. Join only if it will read again as a + b: not as a + ه + a
 * clitic (داننده‌ایم), not as nothing for want of a known stem (کاه‌ای).
 * Asked of a without its verb prefix too, which the word may be given
 * (می‌دانند). */
static int rejoins_as_plural(span a, span b)
{
    char w[KEY_MAX];
    size_t k = rasad__zw_verb_prefix(a);
    for (int pass = 0; pass < (k ? 2 : 1); pass++) {
        span x = pass ? (span){ a.p + k, a.n - k } : a;
        size_t stem;
        if (x.n + b.n > sizeof w)
            return 0;
        memcpy(w, x.p, x.n);
        memcpy(w + x.n, b.p, b.n);
        span t = { w, x.n + b.n };
        if (rasad__zw_outer_suffix(t, &stem) != 2 || stem != x.n)
            return 0;
        /* nor as a verb with می that a lacks (میر های -> میرهای would
         * plan again as می‌رهای) */
        if (!k && rasad__zw_verb_prefix(t))
            return 0;
        /* nor as a word the tables split, which the planner asks first
         * (رد های -> ردهای would plan again as the learned رده‌ای) */
        uint32_t h = rasad__lex_hash_more(RASAD__LEX_HASH_INIT, t.p, t.n);
        rasad__zw_hit hit;
        if (!rasad__zw_news_kept(rasad__lex_hash_final(h), t.p, t.n) &&
            rasad__zw_find(h, t.p, t.n, NULL, 0, &hit) && (hit.flags & RASAD__ZW_SPLIT))
            return 0;
    }
    return 1;
}

int rasad__zw_pair_rule_b_listed(span b)
{
    if (b.n < 2)
        return 0;
    unsigned b1 = rasad__zw_cp2(b.p);
    return (b1 == 0x0647 && in_list(b, rasad__zw_plural, COUNT(rasad__zw_plural))) ||
           (b1 == 0x062a && in_list(b, rasad__zw_compar, COUNT(rasad__zw_compar))) ||
           (b1 == 0x0627 && in_list(b, rasad__zw_after_heh, COUNT(rasad__zw_after_heh)));
}

int rasad__zw_pair_rule(span a, span b, int a_whole)
{
    static const affix bi = AFFIX("بی"), ham = AFFIX("هم"), mi = AFFIX("می");
    if (!a_whole)
        return -1;
    /* every rule below needs a short b (a suffix: ه ت ا first), a = بی or
     * هم, or a verb prefix (ending in می) */
    unsigned b1 = rasad__zw_cp2(b.p);
    int a_mi = a.n >= 4 && memcmp(a.p + a.n - 4, mi.s, 4) == 0;
    if (a.n != 4 && b1 != 0x0647 && b1 != 0x062a && b1 != 0x0627 && !a_mi)
        return -1;
    /* each list below holds only words that end in می, or start with ه,
     * ت or ا: that is tested first */
    if (a_mi && in_list(a, rasad__zw_verb_prefixes, COUNT(rasad__zw_verb_prefixes)))
        return is_verb(b);
    if (b1 == 0x0647 && in_list(b, rasad__zw_plural, COUNT(rasad__zw_plural))) {
        if (letters(a) < 2)
            return 0;
        /* not a plural onto a plural (X ها ها): joined, the next pass
         * would take the pair apart differently */
        for (uint32_t m = rasad__zw_tail_of(a.p, a.n)[RASAD__ZW_T_PLURAL]; m; m &= m - 1)
            if (ends_with(a, &rasad__zw_plural[rasad__zw_low_bit(m)]))
                return 0;
        if (!rasad__zw_last_joins(a.p, a.n) && !rejoins_as_plural(a, b))
            return 0;
        return 1;
    }
    if (b1 == 0x062a && in_list(b, rasad__zw_compar, COUNT(rasad__zw_compar)))
        /* or an adjective in ی the list gives no degrees (آبی تر) */
        return is_adjective(a) ||
               (letters(a) >= 3 && last_cp(a) == 0x06cc && lex(a));
    if (b1 == 0x0627 && in_list(b, rasad__zw_after_heh, COUNT(rasad__zw_after_heh))) {
        if (letters(a) >= 2 && last_cp(a) == 0x0647)
            return 1;
        return 0;
    }
    if (equals(a, &bi))
        return letters(b) >= 2 && !in_list(b, rasad__zw_not_after_bi, COUNT(rasad__zw_not_after_bi)) &&
               known(b);
    if (equals(a, &ham))
        return in_list(b, rasad__zw_with_ham, COUNT(rasad__zw_with_ham));
    return -1;
}
