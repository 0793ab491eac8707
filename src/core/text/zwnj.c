/* zwnj.c - plans where ZWNJ (U+200C) belongs: prefixes می/نمی, suffixes
 * ها/های/تر/ترین and ای/ام/اند... after ه, and compounds of the lexicon,
 * whether the ZWNJ was lost (letters joined) or typed as a space.
 *
 * The rules and the reasons for each are in docs/zwnj.md. Everything here is
 * pure: the tables are const (rules below, words in the generated lexicon),
 * nothing is allocated, and the only state is on the stack. */
#include "zwnj.h"

#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_tables.h"

#define ZWNJ_UTF8 "\xe2\x80\x8c"
#define KEY_MAX 255 /* the lexicon holds no longer word */

typedef struct span {
    const char *p; /* first byte (borrowed from the planned text) */
    size_t n;      /* length in bytes */
} span;

typedef struct affix {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} affix;

#define AFFIX(lit) { lit, sizeof(lit) - 1 }

/* Plural and its possessives, longest first. */
static const affix plural[] = {
    AFFIX("هایشان"), AFFIX("هایتان"), AFFIX("هایمان"), AFFIX("هایش"),
    AFFIX("هایت"), AFFIX("هایم"), AFFIX("هایی"), AFFIX("های"), AFFIX("ها"),
};

/* Comparative and superlative. */
static const affix compar[] = { AFFIX("ترین"), AFFIX("تر") };

/* Clitics written with ZWNJ after a final ه (خانه‌ای, رفته‌اند), longest
 * first. The first four are checked on rules alone; ام اش ات also need the
 * joined form not to be a word of its own (سهام, الهام, اتهام). */
static const affix after_heh[] = {
    AFFIX("ایم"), AFFIX("اید"), AFFIX("اند"), AFFIX("ای"), AFFIX("ام"),
    AFFIX("اش"), AFFIX("ات"),
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
    AFFIX("کهتر"), AFFIX("دکتر"),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Affixes are at least one two-byte letter: the last (first) byte pair is
 * compared inline, so most words cost no memcmp call. */
static int ends_with(span w, const affix *a)
{
    return w.n > a->n && w.p[w.n - 1] == a->s[a->n - 1] &&
           w.p[w.n - 2] == a->s[a->n - 2] &&
           memcmp(w.p + w.n - a->n, a->s, a->n - 2) == 0;
}

static int starts_with(span w, const affix *a)
{
    return w.n > a->n && w.p[0] == a->s[0] && w.p[1] == a->s[1] &&
           memcmp(w.p, a->s, a->n) == 0;
}

static int equals(span w, const affix *a)
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

/* Code point of the two-byte sequence at p, or 0 when it is not one. */
static unsigned cp2(const char *p)
{
    unsigned a = (unsigned char)p[0], b = (unsigned char)p[1];
    if ((a & 0xe0) != 0xc0 || (b & 0xc0) != 0x80)
        return 0;
    return ((a & 0x1f) << 6) | (b & 0x3f);
}

static int is_letter(unsigned c)
{
    return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) ||
           c == 0x0654 || (c >= 0x0671 && c <= 0x06d3);
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

/* Does the word end (before byte n) with a letter that joins left? */
static int last_joins(const char *p, size_t n)
{
    return n >= 2 && joins_left(cp2(p + n - 2));
}

static size_t letters(span w)
{
    return w.n / 2; /* Persian letters are two bytes each */
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

static int known(span w)
{
    size_t len;
    return rasad__lex_contains(w.p, w.n) || rasad__zw_lookup(w.p, w.n, &len);
}

/* Is w a finite verb form that takes می (رود, کنند, رفتیم, گفت)? */
static int is_verb(span w)
{
    if (letters(w) < 2)
        return 0;
    if (lex3("می" ZWNJ_UTF8, 7, w.p, w.n, NULL, 0))
        return 1;
    for (size_t i = 0; i < COUNT(ending); i++) {
        if (!ends_with(w, &ending[i]))
            continue;
        /* present: the subjunctive of the stem is a word in the third
         * person (برود, بروند) */
        size_t stem = w.n - ending[i].n;
        if (lex3("ب", 2, w.p, stem, "د", 2) || lex3("ب", 2, w.p, stem, "ند", 4))
            return 1;
    }
    /* past: stem ending in د or ت, and stem + ن is the infinitive */
    span s = w;
    for (size_t i = 0; i <= COUNT(ending); i++) {
        s = w;
        if (i < COUNT(ending)) {
            if (!ends_with(w, &ending[i]))
                continue;
            s.n -= ending[i].n;
        }
        if (letters(s) < 2)
            continue;
        unsigned last = cp2(s.p + s.n - 2);
        if ((last == 0x062f || last == 0x062a) && lex3(s.p, s.n, "ن", 2, NULL, 0) &&
            lex3(s.p, s.n, "ند", 4, NULL, 0))
            return 1;
    }
    return 0;
}

/* Is w an adjective that takes تر/ترین (its superlative is a word)? */
static int is_adjective(span w)
{
    if (letters(w) < 2)
        return 0;
    return lex3(w.p, w.n, "ترین", 8, NULL, 0) ||
           lex3(w.p, w.n, ZWNJ_UTF8 "ترین", 11, NULL, 0);
}

/* Is w a past participle (کرده, رفته): stem + ه, stem + ن the infinitive? */
static int is_participle(span w)
{
    if (letters(w) < 3)
        return 0;
    unsigned last = cp2(w.p + w.n - 4);
    return (last == 0x062f || last == 0x062a) &&
           lex3(w.p, w.n - 2, "ن", 2, NULL, 0);
}

typedef struct plan {
    rasad__zwnj_edit *e; /* caller's array */
    size_t n;            /* edits written */
} plan;

static void add(plan *pl, size_t pos, int op)
{
    if (pl->n && pl->e[pl->n - 1].pos >= pos)
        return; /* keep strictly increasing order */
    pl->e[pl->n].pos = pos;
    pl->e[pl->n].op = op;
    pl->n++;
}

/* Finds a suffix of joined segment t that a rule splits off. Returns 0 when
 * none applies; otherwise sets *stem to the stem length and returns 1 when
 * a ZWNJ belongs after the stem, 2 when the stem does not join (نیروها). */
static int suffix_split(span t, size_t *stem)
{
    for (size_t i = 0; i < COUNT(plural); i++) {
        if (!ends_with(t, &plural[i]))
            continue;
        span x = { t.p, t.n - plural[i].n };
        if (letters(x) < 2 || !known(x))
            break; /* maybe ه + ای (عده‌ای) */
        *stem = x.n;
        return last_joins(x.p, x.n) ? 1 : 2;
    }
    for (size_t i = 0; i < COUNT(compar); i++) {
        if (!ends_with(t, &compar[i]))
            continue;
        span x = { t.p, t.n - compar[i].n };
        if (!is_adjective(x))
            return 0;
        *stem = x.n;
        return last_joins(x.p, x.n) ? 1 : 2;
    }
    for (size_t i = 0; i < COUNT(after_heh); i++) {
        if (!ends_with(t, &after_heh[i]))
            continue;
        span x = { t.p, t.n - after_heh[i].n };
        if (letters(x) >= 2 && cp2(x.p + x.n - 2) == 0x0647 &&
            rasad__lex_contains(x.p, x.n) &&
            (i < 4 || is_participle(x) || !rasad__lex_contains(t.p, t.n))) {
            *stem = x.n;
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Inserts the ZWNJs of the lexicon word z[0..zl) into segment t (same
 * letters), except after a letter that does not join. */
static void insert_like(plan *pl, span t, size_t base, const char *z, size_t zl)
{
    size_t k = 0;
    for (size_t j = 0; j < zl; j++) {
        if (j + 2 < zl && memcmp(z + j, ZWNJ_UTF8, 3) == 0) {
            if (k > 0 && k < t.n && last_joins(t.p, k))
                add(pl, base + k, RASAD__ZW_INSERT);
            j += 2;
        } else {
            k++;
        }
    }
}

/* Plans the inserts inside one ZWNJ-free segment t at byte base; first says
 * whether it starts the word (where a verb prefix may be). */
static void plan_segment(plan *pl, span t, size_t base, int first)
{
    if (letters(t) < 3 || in_list(t, keep_joined, COUNT(keep_joined)))
        return;
    span rest = t;
    if (first) {
        for (size_t i = 0; i < COUNT(verb_prefix); i++) {
            if (!starts_with(t, &verb_prefix[i]))
                continue;
            span r = { t.p + verb_prefix[i].n, t.n - verb_prefix[i].n };
            if (is_verb(r)) {
                add(pl, base + verb_prefix[i].n, RASAD__ZW_INSERT);
                rest = r;
            }
            break;
        }
    }
    size_t x = 0;
    int split = suffix_split(rest, &x);
    span stem = { rest.p, split ? x : rest.n };
    size_t zl;
    const char *z = NULL;
    if (rest.p == t.p)
        z = rasad__zw_lookup(stem.p, stem.n, &zl);
    if (z)
        insert_like(pl, stem, base, z, zl);
    if (split == 1)
        add(pl, base + (size_t)(rest.p - t.p) + x, RASAD__ZW_INSERT);
}

/* Should the space between words a and b be a ZWNJ (or dropped)? */
static int join_pair(span a, span b)
{
    if (in_list(a, verb_prefix, COUNT(verb_prefix)))
        return is_verb(b);
    if (in_list(b, plural, COUNT(plural)))
        return letters(a) >= 2;
    if (in_list(b, compar, COUNT(compar)))
        return is_adjective(a);
    if (in_list(b, after_heh, COUNT(after_heh)))
        return letters(a) >= 2 && cp2(a.p + a.n - 2) == 0x0647;
    /* a compound the lexicon writes with a ZWNJ exactly here */
    char key[KEY_MAX];
    if (a.n + b.n > sizeof key)
        return 0;
    memcpy(key, a.p, a.n);
    memcpy(key + a.n, b.p, b.n);
    size_t zl;
    const char *z = rasad__zw_lookup(key, a.n + b.n, &zl);
    return z && zl == a.n + 3 + b.n && memcmp(z, a.p, a.n) == 0 &&
           memcmp(z + a.n, ZWNJ_UTF8, 3) == 0;
}

/* End of the word (letters and inner ZWNJs) that starts at i. */
static size_t word_end(const char *p, size_t n, size_t i)
{
    while (i < n) {
        if (i + 1 < n && is_letter(cp2(p + i)))
            i += 2;
        else if (i + 3 < n && memcmp(p + i, ZWNJ_UTF8, 3) == 0 &&
                 is_letter(cp2(p + i + 3)))
            i += 3;
        else
            break;
    }
    return i;
}

size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits)
{
    plan pl = { edits, 0 };
    size_t i = 0;
    size_t prev_s = 0, prev_e = 0; /* the word before, when only a space sits between */
    int have_prev = 0;
    while (i < n) {
        size_t e = word_end(p, n, i);
        if (e == i) {
            if (p[i] != ' ')
                have_prev = 0;
            i++;
            continue;
        }
        if (have_prev && prev_e + 1 == i) {
            span a = { p + prev_s, prev_e - prev_s }, b = { p + i, e - i };
            if (join_pair(a, b))
                add(&pl, prev_e, last_joins(a.p, a.n) ? RASAD__ZW_SPACE_TO_ZWNJ
                                                     : RASAD__ZW_SPACE_DROP);
        }
        /* inserts inside each ZWNJ-free segment of the word */
        size_t s = i;
        while (s < e) {
            size_t z = s;
            while (z < e && (unsigned char)p[z] != 0xe2)
                z += 2;
            span t = { p + s, z - s };
            plan_segment(&pl, t, s, s == i);
            s = z + 3;
        }
        have_prev = 1;
        prev_s = i;
        prev_e = e;
        i = e;
    }
    return pl.n;
}
