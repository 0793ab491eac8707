/* zwnj_rules.h - the word rules of the ZWNJ planner (internal to zwnj.c and
 * zwnj_rules.c): which affix or part of a word takes a ZWNJ, decided from
 * closed lists and the myspell-fa lexicon. All functions are pure; spans
 * borrow the caller's text. The rules and their reasons: docs/zwnj.md. */
#ifndef RASAD_ZWNJ_RULES_H
#define RASAD_ZWNJ_RULES_H

#include <stddef.h>

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

/* Which rule layers can apply to t, judged from its last two letters alone
 * (a superset: a layer left out has no affix ending so). Most words end in
 * none, and so cost no list scan. */
#define RASAD__ZW_L_OUTER 1u  /* rasad__zw_outer_suffix */
#define RASAD__ZW_L_COMPAR 2u /* rasad__zw_compar_suffix */
#define RASAD__ZW_L_KEEP 4u   /* rasad__zw_keep_joined */
#define RASAD__ZW_L_INNER 8u  /* rasad__zw_inner_split's second parts */
unsigned rasad__zw_tail_layers(rasad__zspan t);

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

#endif
