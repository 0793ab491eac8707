/* zwnj_rules.h - the word rules of the ZWNJ planner (internal to zwnj.c and
 * zwnj_rules.c): which affix or part of a word takes a ZWNJ, decided from
 * closed lists and the myspell-fa lexicon. All functions are pure; spans
 * borrow the caller's text. The rules and their reasons: docs/zwnj.md. */
#ifndef RASAD_ZWNJ_RULES_H
#define RASAD_ZWNJ_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "zwnj_lists.h"

#define RASAD__ZWNJ_UTF8 "\xe2\x80\x8c"

typedef struct rasad__zspan {
    const char *p; /* first byte (borrowed) */
    size_t n;      /* length in bytes; Persian letters are two bytes each */
} rasad__zspan;

/* Code point of the two-byte sequence at p, or 0 when it is not one. */
static inline unsigned rasad__zw_cp2(const char *p)
{
    unsigned a = (unsigned char)p[0], b = (unsigned char)p[1];
    if ((a & 0xe0) != 0xc0 || (b & 0xc0) != 0x80)
        return 0;
    return ((a & 0x1f) << 6) | (b & 0x3f);
}

/* Is c a letter the planner treats as part of a word? */
static inline int rasad__zw_is_letter(unsigned c)
{
    return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) ||
           c == 0x0654 || (c >= 0x0671 && c <= 0x06d3);
}

/* Is the two-byte sequence at p a letter (rasad__zw_is_letter)? The same
 * answer from one bit of a table over U+0600..U+06FF. */
static const uint64_t rasad__zw_letter_bits[4] = {
    0x07fffffe00000000u, /* U+0621..U+063A */
    0xfffe0000001007feu, /* U+0641..U+064A, U+0654, U+0671.. */
    0xffffffffffffffffu,
    0x00000000000fffffu, /* ..U+06D3 */
};

static inline int rasad__zw_letter_at(const char *p)
{
    unsigned a = (unsigned char)p[0] - 0xd8u, b = (unsigned char)p[1];
    if (a > 3u || (b & 0xc0u) != 0x80u)
        return 0;
    return (int)((rasad__zw_letter_bits[a] >> (b & 0x3fu)) & 1u);
}

/* Does t hold می at byte 0, 2, 4 or 6 (with a letter after it)? Every verb
 * prefix ends so; without it rasad__zw_verb_prefix returns 0. */
static inline int rasad__zw_may_prefix(rasad__zspan t)
{
    const unsigned char *u = (const unsigned char *)t.p;
    if (t.n < 5)
        return 0;
    size_t last = t.n < 11 ? t.n - 5 : 6; /* at + 4 < t.n */
    /* most words hold no م (0xd9 0x85) there: one look at the bytes */
    if (u[1] != 0x85 && (last < 2 || u[3] != 0x85) && (last < 4 || u[5] != 0x85) &&
        (last < 6 || u[7] != 0x85))
        return 0;
    for (size_t at = 0; at <= last; at += 2)
        if (u[at + 1] == 0x85 && u[at] == 0xd9 && u[at + 3] == 0x8c && u[at + 2] == 0xdb)
            return 1;
    return 0;
}

/* Which rule layers can apply to t, judged from its last two letters alone
 * (the generated tail table, zwnj_lists.h: a layer left out has no affix
 * ending so). Most words end in none, and so cost no list scan. */
#define RASAD__ZW_L_OUTER 1u  /* rasad__zw_outer_suffix */
#define RASAD__ZW_L_COMPAR 2u /* rasad__zw_compar_suffix */
#define RASAD__ZW_L_KEEP 4u   /* rasad__zw_keep_joined */
#define RASAD__ZW_L_INNER 8u  /* rasad__zw_inner_split's second parts and ماه */
static inline unsigned rasad__zw_tail_layers(rasad__zspan t)
{
    const uint32_t *m = rasad__zw_tail_of(t.p, t.n);
    unsigned l = 0;
    if (m[RASAD__ZW_T_PLURAL] | m[RASAD__ZW_T_AFTER_HEH] | m[RASAD__ZW_T_AFTER_YEH])
        l |= RASAD__ZW_L_OUTER;
    if (m[RASAD__ZW_T_COMPAR])
        l |= RASAD__ZW_L_COMPAR;
    if (m[RASAD__ZW_T_KEEP_JOINED])
        l |= RASAD__ZW_L_KEEP;
    if (m[RASAD__ZW_T_BOUND] | m[RASAD__ZW_T_BOUND_AFTER_HEH] | m[RASAD__ZW_T_MONTH_SUFFIX])
        l |= RASAD__ZW_L_INNER;
    return l;
}

/* Does the letter ending p[0..n) join the next one (so a ZWNJ may follow)? */
int rasad__zw_last_joins(const char *p, size_t n);

/* Is w one of the words kept joined as written (آنها, بیشتر, تنها)? */
int rasad__zw_keep_joined(rasad__zspan w);

/* Length of the verb prefix (می, نمی, برمی...) that w starts with and that
 * a ZWNJ follows, or 0 when w is no prefixed verb. */
size_t rasad__zw_verb_prefix(rasad__zspan w);

/* Splits off the outer suffix of a joined word t: plural ها/های..., the
 * clitics ای/ام/اند... after ه or ی. Returns 0 when none applies, else sets
 * *stem to the stem's length and returns 1 when a ZWNJ goes after the stem,
 * 2 when the stem ends in a letter that does not join (کشورها). */
int rasad__zw_outer_suffix(rasad__zspan t, size_t *stem);

/* The same for the comparative تر/ترین/تری after an adjective. */
int rasad__zw_compar_suffix(rasad__zspan t, size_t *stem);

/* Where a ZWNJ goes inside a joined word t that no table knows: before a
 * productive second part (علاقه‌مند, اعلام‌شده) or after the prefix بی.
 * Returns the byte offset, or 0 for none. */
size_t rasad__zw_inner_split(rasad__zspan t);

/* Rules for the space between words a and b (b's first ZWNJ-free segment;
 * a is the word before, or only its last segment when a_whole is 0): 1 when
 * the space should go (become a ZWNJ, or vanish after a letter that does not
 * join), 0 when it must stay, -1 when the rules have no opinion and the
 * compound tables decide. */
int rasad__zw_pair_rule(rasad__zspan a, rasad__zspan b, int a_whole);

/* Is b one of the suffixes of the lists rasad__zw_pair_rule() reads b
 * against (plural, comparative, ه-clitic)? The exact form of
 * rasad__zw_pair_rule_may_b(), for the planner to judge once per word:
 * when it is 0 and rasad__zw_pair_rule_may_a(a) is 0 too, the rules have
 * no opinion on a and b. */
int rasad__zw_pair_rule_b_listed(rasad__zspan b);

/* May rasad__zw_pair_rule have an opinion on a and b? When 0 it would
 * return -1: every rule needs a whole a, and b a suffix of its lists,
 * a = بی or هم, or a a verb prefix (ending in می). The test is a whole a
 * and one of two tests of one word each, so that the planner can keep
 * their answers with each word: rasad__zw_pair_rule_may_b(b) (b may be a
 * suffix of the lists) or rasad__zw_pair_rule_may_a(a) (a is بی or هم, or
 * ends in می). A rule that needs more must widen one of the two. */
static inline int rasad__zw_pair_rule_may_b(rasad__zspan b)
{
    const unsigned char *v = (const unsigned char *)b.p;
    if (b.n < 4)
        return 0;
    unsigned b1 = (unsigned)v[0] << 8 | v[1];
    /* b may be one of the suffixes by its length: two letters or more, and
     * no longer than the first (longest) entry of its list */
    return (b1 == 0xd987 /* ه */ && b.n <= rasad__zw_plural[0].n) ||
           (b1 == 0xd8aa /* ت */ && b.n <= rasad__zw_compar[0].n) ||
           (b1 == 0xd8a7 /* ا */ && b.n <= rasad__zw_after_heh[0].n);
}

static inline int rasad__zw_pair_rule_may_a(rasad__zspan a)
{
    if (a.n < 4)
        return 0;
    const unsigned char *u = (const unsigned char *)a.p + a.n - 4;
    unsigned a1 = (unsigned)u[0] << 8 | u[1], a2 = (unsigned)u[2] << 8 | u[3];
    return (a1 == 0xd985 && a2 == 0xdb8c) /* ...می */ ||
           (a.n == 4 && ((a1 == 0xd8a8 && a2 == 0xdb8c) /* بی */ ||
                         (a1 == 0xd987 && a2 == 0xd985) /* هم */));
}

static inline int rasad__zw_pair_rule_may(rasad__zspan a, rasad__zspan b, int a_whole)
{
    return a_whole && (rasad__zw_pair_rule_may_b(b) || rasad__zw_pair_rule_may_a(a));
}

#endif
