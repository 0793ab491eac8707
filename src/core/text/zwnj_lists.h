/* zwnj_lists.h - the closed word lists of the ZWNJ planner (internal to
 * zwnj_rules.c and zwnj_lists.c), and the generated table that names, from
 * a word's last letters, which entries of the suffix lists can end it.
 *
 * tools/gen_zwnj_lexicon.py reads the lists from zwnj_lists.c (entries
 * written as AFFIX("...")) and writes the tail table into the generated
 * lexicon; the sizes below make the compiler check each list's length. */
#ifndef RASAD_ZWNJ_LISTS_H
#define RASAD_ZWNJ_LISTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct rasad__zw_affix {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} rasad__zw_affix;

extern const rasad__zw_affix rasad__zw_plural[9];           /* ها, های... */
extern const rasad__zw_affix rasad__zw_compar[3];           /* تر, ترین, تری */
extern const rasad__zw_affix rasad__zw_after_heh[10];
#define RASAD__ZW_HEH_BY_RULE 7 /* after_heh entries checked on rules alone */
#define RASAD__ZW_HEH_POSS 4    /* after_heh[4..7): مان تان شان, not after a sounded ه,
                                   nor after a 3-letter stem when joined it is a word (متهمان) */        /* clitics after ه */
extern const rasad__zw_affix rasad__zw_after_yeh[6];        /* clitics after ی */
extern const rasad__zw_affix rasad__zw_kept[29];            /* آنها, بیشتر, علیها... */
extern const rasad__zw_affix rasad__zw_bound[32];           /* productive second parts */
extern const rasad__zw_affix rasad__zw_bound_after_heh[19]; /* the same, after ه only */
extern const rasad__zw_affix rasad__zw_month_suffix[1];     /* ماه */
extern const rasad__zw_affix rasad__zw_verb_prefixes[7];    /* می, نمی, برمی... */
extern const rasad__zw_affix rasad__zw_ending[6];           /* personal endings */
extern const rasad__zw_affix rasad__zw_month[4];            /* months before ماه */
extern const rasad__zw_affix rasad__zw_with_ham[6];         /* هم + word */
extern const rasad__zw_affix rasad__zw_not_after_bi[5];     /* بی + word kept apart */

/* The lists the tail table covers, in the generator's order (TAIL_LISTS in
 * tools/gen_zwnj_lexicon.py). */
enum rasad__zw_tail_list {
    RASAD__ZW_T_PLURAL,
    RASAD__ZW_T_COMPAR,
    RASAD__ZW_T_AFTER_HEH,
    RASAD__ZW_T_AFTER_YEH,
    RASAD__ZW_T_KEEP_JOINED,
    RASAD__ZW_T_BOUND,
    RASAD__ZW_T_BOUND_AFTER_HEH,
    RASAD__ZW_T_MONTH_SUFFIX,
    RASAD__ZW_T_LISTS
};

/* The lists of enum rasad__zw_tail_list, by their index there. */
extern const rasad__zw_affix *const rasad__zw_tail_lists[RASAD__ZW_T_LISTS];

/* Generated (zwnj_lexicon.c). A letter U+0600 + i has class
 * rasad__zw_tail_class[i] (0: in the last three letters of no entry); the
 * last two letters of a word, classes c2 c1, give tail
 * rasad__zw_tail_id[c2 << 5 | c1]; bit k of rasad__zw_tail_mask[tail][list]
 * is set when entry k of list ends with those two letters. Tail 0 has no
 * bit set. With c3 the class of the letter before, the entries that may end
 * the word are rasad__zw_cand[rasad__zw_cand_off[tail << 5 | c3] ..
 * rasad__zw_cand_off[(tail << 5 | c3) + 1]), each list << 8 | entry. */
extern const uint8_t rasad__zw_tail_class[256];
extern const uint8_t rasad__zw_tail_id[32 * 32];
extern const uint32_t rasad__zw_tail_mask[][RASAD__ZW_T_LISTS];
extern const uint16_t rasad__zw_cand_off[];
extern const uint16_t rasad__zw_cand[];

/* Class of the letter at p, one of a word's (U+0600..U+06FF, two bytes). */
static inline unsigned rasad__zw_tail_class_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return rasad__zw_tail_class[(u[0] & 3u) << 6 | (u[1] & 0x3fu)];
}

/* Tail of w[0..n) (letters, as in a planner segment): 0 when no entry of
 * the lists ends with its last two letters. */
static inline unsigned rasad__zw_tail_id_of(const char *w, size_t n)
{
    if (n < 4)
        return 0;
    unsigned c1 = rasad__zw_tail_class_at(w + n - 2), c2 = rasad__zw_tail_class_at(w + n - 4);
    return rasad__zw_tail_id[c2 << 5 | c1];
}

/* Candidate masks (one per list) for the entries that may end w[0..n). */
static inline const uint32_t *rasad__zw_tail_of(const char *w, size_t n)
{
    return rasad__zw_tail_mask[rasad__zw_tail_id_of(w, n)];
}

/* Index of the lowest set bit of m (m != 0). */
static inline unsigned rasad__zw_low_bit(uint32_t m)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctz(m);
#else
    unsigned i = 0;
    while (!(m & 1u)) {
        m >>= 1;
        i++;
    }
    return i;
#endif
}

/* Does w[0..n) end with an entry of the lists the tail table covers (or
 * equal one)? When not, no suffix rule of the planner applies to w. The
 * candidates come from its last three letters. */
static inline int rasad__zw_tail_match(const char *w, size_t n)
{
    unsigned id = rasad__zw_tail_id_of(w, n);
    if (!id)
        return 0;
    if (n < 6)
        return 1;
    unsigned at = id << 5 | rasad__zw_tail_class_at(w + n - 6);
    for (unsigned c = rasad__zw_cand_off[at]; c < rasad__zw_cand_off[at + 1]; c++) {
        const rasad__zw_affix *a =
            &rasad__zw_tail_lists[rasad__zw_cand[c] >> 8][rasad__zw_cand[c] & 0xffu];
        if (n < a->n)
            continue;
        /* the last three letters are known to match: compare the rest */
        const char *x = w + n - a->n;
        size_t k = a->n > 6 ? a->n - 6 : 0;
        while (k && x[k - 1] == a->s[k - 1])
            k--;
        if (k == 0)
            return 1;
    }
    return 0;
}

#endif
