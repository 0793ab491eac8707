/* zwnj.c - plans where ZWNJ (U+200C) belongs, whether the ZWNJ was lost
 * (letters joined) or typed as a space: walks the words, asks the word rules
 * (zwnj_rules.c) and the compound tables (lexicon.c), and writes the edits.
 *
 * The rules and the reasons for each are in docs/zwnj.md. The planning is
 * pure: the tables are const and the state is on the stack. The one thing
 * kept between calls is the optional chunk cache (rasad__zwnj_cache), which
 * holds what planning a chunk gave, by the chunk's bytes: it changes nothing
 * the planner says, only how soon. */
#include "zwnj.h"

#include <stdint.h>
#include <string.h>

#include "rasad/alloc.h"
#include "lexicon.h"
#include "lexicon_tables.h"
#include "zwnj_rules.h"

#define ZW RASAD__ZWNJ_UTF8

typedef rasad__zspan span;

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

static uint32_t hash_of(span t)
{
    return rasad__lex_hash_more(RASAD__LEX_HASH_INIT, t.p, t.n);
}

/* Hash states of a segment and its prefixes, taken while walking it, so
 * that each word is hashed once: the whole segment, its stem less a plain
 * ending and the pair across a space all reuse them. */
#define PREFIX_MAX 32 /* letters; a longer prefix is hashed again */

typedef struct hashes {
    span t;                      /* the segment */
    uint32_t full;               /* state after all of t */
    uint32_t fin;                /* rasad__lex_hash_final(full) */
    uint32_t at[PREFIX_MAX + 1]; /* at[k]: state after the first k letters of t */
} hashes;

/* Is the two-byte unit at u a letter (rasad__zw_letter_at)? One subtraction
 * from the unit read little-endian puts lead byte 0xd8..0xdb in bits 0-1
 * and continuation 0x80..0xbf in bits 8-13, or sets a bit of 0xc0fc. */
static inline int letter_unit(const unsigned char *u)
{
    unsigned x = ((unsigned)u[0] | (unsigned)u[1] << 8) - 0x80d8u;
    return !(x & 0xc0fcu) && ((rasad__zw_letter_bits[x & 3u] >> (x >> 8)) & 1u);
}

/* Walks the letters from byte i (before n), hashing them into *hs; returns
 * the byte after the last letter. */
static inline size_t scan_segment(const char *p, size_t i, size_t n, hashes *hs)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t h = RASAD__LEX_HASH_INIT, *at = hs->at;
    size_t s = i;
    /* the first PREFIX_MAX letters keep their states, the rest only hash */
    size_t lim = n - i > 2 * PREFIX_MAX ? i + 2 * PREFIX_MAX : n;
    *at = h;
    for (; i + 1 < lim && letter_unit(u + i); i += 2)
        *++at = h = rasad__lex_hash_unit(h, p + i);
    if (i == lim)
        for (; i + 1 < n && letter_unit(u + i); i += 2)
            h = rasad__lex_hash_unit(h, p + i);
    hs->t.p = p + s;
    hs->t.n = i - s;
    hs->full = h;
    hs->fin = rasad__lex_hash_final(h);
    return i;
}

/* Hash state of the first n bytes of hs->t. */
static inline uint32_t hash_prefix(const hashes *hs, size_t n)
{
    if (n == hs->t.n)
        return hs->full;
    if (n / 2 <= PREFIX_MAX)
        return hs->at[n / 2];
    return rasad__lex_hash_more(RASAD__LEX_HASH_INIT, hs->t.p, n);
}

/* Suffixes that take no ZWNJ but hide a compound from the tables
 * (اصلاح‌طلبان, صاحب‌نظرانی), tried in this order. */
static const struct {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} plain_suffix[] = {
    { "یان", 6 }, { "انی", 6 }, { "ان", 4 }, { "ی", 2 },
};

static inline unsigned pair_at(span t, size_t back)
{
    const unsigned char *u = (const unsigned char *)t.p + t.n - back;
    return (unsigned)u[0] << 8 | u[1];
}

/* Which plain_suffix entries t ends with: bit i for entry i. */
static inline unsigned plain_ends(span t)
{
    enum { YEH = 0xdb8c, ALEF = 0xd8a7, NOON = 0xd986 };
    if (t.n < 4)
        return t.n >= 2 && pair_at(t, 2) == YEH ? 8u : 0u;
    unsigned c1 = pair_at(t, 2), c2 = pair_at(t, 4);
    if (c1 == YEH)
        return 8u | (c2 == NOON && t.n >= 6 && pair_at(t, 6) == ALEF ? 2u : 0u);
    if (c1 == NOON && c2 == ALEF)
        return 4u | (t.n >= 6 && pair_at(t, 6) == YEH ? 1u : 0u);
    return 0;
}

static inline int zw_may(uint32_t h)
{
    return rasad__zw_bloom_may(rasad__lex_hash_final(h));
}

/* Can no rule touch segment t (six bytes or more)? Judged from its ends
 * and the filter in front of the zw table, before any rule runs: most
 * words stop here. A superset test: 0 only means "look closer". hs holds
 * t's prefixes, fh is t's final hash. */
static inline int untouched(span t, int first, const hashes *hs, uint32_t fh)
{
    const unsigned char *u = (const unsigned char *)t.p;
    if (rasad__zw_tail_match(t.p, t.n) /* a suffix of the lists ends t */ ||
        (u[0] == 0xd8 && u[1] == 0xa8 && u[2] == 0xdb && u[3] == 0x8c) /* بی */ ||
        (first && rasad__zw_may_prefix(t)) || rasad__zw_bloom_may(fh))
        return 0;
    for (unsigned m = plain_ends(t); m; m &= m - 1) {
        size_t k = plain_suffix[rasad__zw_low_bit(m)].n;
        if (t.n >= k + 6 && zw_may(hash_prefix(hs, t.n - k)))
            return 0;
    }
    return 1;
}

/* Inserts the ZWNJs of the lexicon word z[0..zl) into segment t (same
 * letters) at byte base, except after a letter that does not join. */
static void insert_like(plan *pl, span t, size_t base, const char *z, size_t zl)
{
    size_t k = 0;
    for (size_t j = 0; j < zl; j++) {
        if (j + 2 < zl && memcmp(z + j, ZW, 3) == 0) {
            if (k > 0 && k < t.n && rasad__zw_last_joins(t.p, k))
                add(pl, base + k, RASAD__ZW_INSERT);
            j += 2;
        } else {
            k++;
        }
    }
}

/* Offset in segment t of its last piece once the ZWNJs of z[0..zl) are in,
 * or 0 when no ZWNJ is inserted before it. */
static size_t last_piece(span t, const char *z, size_t zl)
{
    size_t k = 0, at = 0;
    for (size_t j = 0; j < zl; j++) {
        if (j + 2 < zl && memcmp(z + j, ZW, 3) == 0) {
            at = k > 0 && k < t.n && rasad__zw_last_joins(t.p, k) ? k : 0;
            j += 2;
        } else {
            k++;
        }
    }
    return at;
}

/* May the hit's ZWNJs go in? Always for the word list's words; a spelling
 * learned from news only when each of its pieces comes back unchanged when
 * planned alone, as the next pass will plan it: otherwise normalize would
 * not be idempotent (the news writes خوشبینانه‌ترین, but خوشبینانه alone is
 * خوش‌بینانه; کاراته‌کاهای, but کاهای alone reads as کاه + ای). Learned keys
 * nest only as deep as the table's words do, so the recursion is short. */
static int hit_usable(const rasad__zw_hit *hit)
{
    if (!(hit->flags & RASAD__ZW_LEARNED))
        return 1;
    rasad__zwnj_edit ed[RASAD__ZW_HIT_MAX + 1];
    const char *w = hit->w;
    size_t n = hit->n, s = 0;
    for (size_t i = 0; i <= n; i++) {
        int z = i + 2 < n && (unsigned char)w[i] == 0xe2 && (unsigned char)w[i + 1] == 0x80 &&
                (unsigned char)w[i + 2] == 0x8c;
        if (i < n && !z)
            continue;
        if (rasad__zwnj_plan(w + s, i - s, ed) != 0)
            return 0;
        s = i + 3;
        i += 2;
    }
    return 1;
}

/* Plans the inserts inside stem s (a compound the tables may know, or a
 * productive one). whole says s is the whole segment, already looked up.
 * Returns the offset of the last ZWNJ inserted, or 0. */
static size_t plan_compound(plan *pl, span s, size_t base, int whole, const hashes *hs)
{
    if (s.n < 6)
        return 0;
    rasad__zw_hit hit;
    if (!whole && rasad__zw_find(hash_prefix(hs, s.n), s.p, s.n, NULL, 0, &hit)) {
        if (!(hit.flags & RASAD__ZW_SPLIT) || !hit_usable(&hit))
            return 0;
        insert_like(pl, s, base, hit.w, hit.n);
        return last_piece(s, hit.w, hit.n);
    }
    for (unsigned m = plain_ends(s); m; m &= m - 1) {
        size_t k = plain_suffix[rasad__zw_low_bit(m)].n;
        if (s.n < k + 6)
            continue;
        span x = { s.p, s.n - k };
        if (rasad__zw_find(hash_prefix(hs, x.n), x.p, x.n, NULL, 0, &hit) &&
            (hit.flags & RASAD__ZW_SPLIT) && !rasad__lex_contains(s.p, s.n) && hit_usable(&hit)) {
            insert_like(pl, x, base, hit.w, hit.n);
            return last_piece(x, hit.w, hit.n);
        }
    }
    size_t at = rasad__zw_inner_split(s);
    if (at)
        add(pl, base + at, RASAD__ZW_INSERT);
    return at;
}

/* Plans the inserts inside one ZWNJ-free segment t at byte base; first says
 * whether it starts the word (where a verb prefix may be).
 *
 * Where a ZWNJ goes in, the pieces become segments of their own, and planning
 * the output again sees them alone; so each piece after an inserted ZWNJ is
 * planned here as it will be then (normalize is idempotent). */
static void plan_segment(plan *pl, span t, size_t base, int first, const hashes *hs);

/* plan_segment() of a piece inside a segment: its hashes are taken anew. */
static void plan_piece(plan *pl, span t, size_t base, int first)
{
    if (t.n < 6)
        return;
    hashes hs;
    scan_segment(t.p, 0, t.n, &hs);
    plan_segment(pl, t, base, first, &hs);
}

/* plan_segment() past its untouched() test: h and fh are t's hash state
 * and final hash. */
static void plan_rules(plan *pl, span t, size_t base, int first, const hashes *hs,
                       uint32_t h, uint32_t fh)
{
    unsigned layers = rasad__zw_tail_layers(t);
    int may = rasad__zw_bloom_may(fh);
    if ((layers & RASAD__ZW_L_KEEP) && rasad__zw_keep_joined(t))
        return;
    if (may && rasad__zw_news_kept(fh, t.p, t.n))
        return; /* the news keeps it joined (میانی: not می + انی) */
    rasad__zw_hit hit;
    int found = may && rasad__zw_find(h, t.p, t.n, NULL, 0, &hit);
    if (found && (hit.flags & RASAD__ZW_SPLIT) && hit_usable(&hit)) {
        insert_like(pl, t, base, hit.w, hit.n);
        size_t at = last_piece(t, hit.w, hit.n);
        if (at) {
            span tail = { t.p + at, t.n - at };
            plan_piece(pl, tail, base + at, 0);
        }
        return;
    }
    size_t pre = first && rasad__zw_may_prefix(t) ? rasad__zw_verb_prefix(t) : 0;
    span rest = { t.p + pre, t.n - pre };
    size_t x;
    for (int layer = 0; layer < 2; layer++) {
        int r = 0;
        if (layer == 0 && (layers & RASAD__ZW_L_OUTER))
            r = rasad__zw_outer_suffix(rest, &x);
        else if (layer == 1 && rest.n == t.n - pre && (layers & RASAD__ZW_L_COMPAR))
            r = rasad__zw_compar_suffix(rest, &x);
        else if (layer == 1 && rest.n != t.n - pre)
            r = rasad__zw_compar_suffix(rest, &x);
        if (r == 1) {
            /* stem, ZWNJ, suffix: the stem is planned as its own segment */
            if (pre)
                add(pl, base + pre, RASAD__ZW_INSERT);
            span stem = { rest.p, x };
            if (pre)
                plan_piece(pl, stem, base + pre, 0);
            else
                plan_segment(pl, stem, base, first, hs);
            add(pl, base + pre + x, RASAD__ZW_INSERT);
            return;
        }
        if (r == 2)
            rest.n = x; /* the stem does not join: no ZWNJ, one segment */
    }
    if (pre)
        add(pl, base + pre, RASAD__ZW_INSERT);
    else if (!(found && rest.n == t.n)) {
        size_t at = plan_compound(pl, rest, base, rest.n == t.n, hs);
        if (at) {
            /* the last piece with the suffix that took no ZWNJ */
            span tail = { t.p + at, t.n - at };
            plan_piece(pl, tail, base + at, 0);
        }
    }
}

static void plan_segment(plan *pl, span t, size_t base, int first, const hashes *hs)
{
    if (t.n < 6)
        return;
    uint32_t h = hash_prefix(hs, t.n); /* t is hs->t or a stem of it */
    uint32_t fh = t.n == hs->t.n ? hs->fin : rasad__lex_hash_final(h);
    if (!untouched(t, first, hs, fh))
        plan_rules(pl, t, base, first, hs, h, fh);
}

/* Second parts of compounds that are never words of their own: present
 * stem + ی (the noun of the act) or + ان (the doers). Typed after a space
 * they still belong to the word before (سالم سازی, روزنامه نگاران). Not
 * here: شده, نامه, کننده, which news also writes as separate words. In two
 * groups by their last letter, so that a word is compared only with the
 * entries that end as it does (an entry in the wrong group is never found). */
#define PAIR_BOUND_YEH(X) /* ending in ی */                                                \
    X("گذاری") X("سازی") X("رسانی") X("شناسی") X("نگاری") X("پردازی") X("آفرینی")           \
    X("سرایی") X("نویسی") X("درمانی") X("زدایی") X("ریزی") X("خوانی") X("گیری") X("پوشی")    \
    X("شویی") X("پرسی") X("فشانی") X("گزینی")
#define PAIR_BOUND_NOON(X) /* ending in ن */                                               \
    X("گذاران") X("سازان") X("شناسان") X("نگاران")

typedef struct bound_word {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} bound_word;

#define PB(x) { x, sizeof x - 1 },
static const bound_word pair_bound_yeh[] = { PAIR_BOUND_YEH(PB) };
static const bound_word pair_bound_noon[] = { PAIR_BOUND_NOON(PB) };
#undef PB

/* The byte lengths of the pair_bound entries, one bit each (all are under
 * 64 bytes): most words have none of them and are ruled out by one test. */
#define PB_LEN(x) | (1ull << (sizeof x - 1))
static const uint64_t pair_bound_lens = 0 PAIR_BOUND_YEH(PB_LEN) PAIR_BOUND_NOON(PB_LEN);
#undef PB_LEN

/* What the first piece b of a word is as the second part of a pair
 * (bound_pair): judged from b alone, so it is known once per word. */
enum { BOUND_NONE, BOUND_MONTH, BOUND_PART };

/* Is b the n bytes at s? Compared from the end, where the entries differ. */
static inline int same_word(span b, const char *s, size_t n)
{
    if (b.n != n)
        return 0;
    while (n--)
        if (b.p[n] != s[n])
            return 0;
    return 1;
}

static unsigned bound_kind(span b)
{
    const rasad__zw_affix *m = &rasad__zw_month_suffix[0];
    if (same_word(b, m->s, m->n)) /* دی ماه */
        return BOUND_MONTH;
    if (b.n >= 64 || !((pair_bound_lens >> b.n) & 1u))
        return BOUND_NONE;
    /* b.n is an entry's length here, eight bytes or more */
    unsigned last = (unsigned)(unsigned char)b.p[b.n - 2] << 8 | (unsigned char)b.p[b.n - 1];
    const bound_word *list = last == 0xdb8c   ? pair_bound_yeh
                             : last == 0xd986 ? pair_bound_noon
                                              : NULL;
    size_t count = last == 0xdb8c   ? sizeof pair_bound_yeh / sizeof pair_bound_yeh[0]
                   : last == 0xd986 ? sizeof pair_bound_noon / sizeof pair_bound_noon[0]
                                    : 0;
    for (size_t k = 0; k < count; k++)
        if (same_word(b, list[k].s, list[k].n))
            return BOUND_PART;
    return BOUND_NONE;
}

/* Is b (of kind bound, bound_kind()) a bound second part after the word a
 * (three letters or more, in the lexicon), or ماه after a month whose name
 * joins it (دی‌ماه)? */
static int bound_pair(span a, unsigned bound)
{
    if (bound == BOUND_MONTH) {
        for (size_t k = 0; k < sizeof rasad__zw_month / sizeof rasad__zw_month[0]; k++)
            if (a.n == rasad__zw_month[k].n && memcmp(a.p, rasad__zw_month[k].s, a.n) == 0)
                return 1;
        return 0;
    }
    return bound == BOUND_PART && a.n >= 6 && rasad__lex_contains(a.p, a.n);
}

/* Should the space between words a and b (their last and first ZWNJ-free
 * segments) become a ZWNJ or go? bound is what b is as a second part
 * (bound_kind()), rules rasad__zw_pair_rule_may(a, b, a_whole), parts
 * whether a may be a first and b a second part of a PAIR entry
 * (rasad__zw_part_may() of both). The three are known per word
 * (plan_chunk() keeps them); the hashes of a and b are taken here, for the
 * few pairs that get this far, rather than kept with every chunk. */
static int join_pair(span a, span b, int a_whole, unsigned bound, int rules, int parts)
{
    int r = rules ? rasad__zw_pair_rule(a, b, a_whole) : -1;
    if (r >= 0)
        return r;
    if (bound != BOUND_NONE && a_whole && bound_pair(a, bound))
        return 1;
    if (!parts)
        return 0;
    uint32_t ha = hash_of(a);
    if (!rasad__zw_pair_may(rasad__lex_hash_final(ha), rasad__lex_hash_final(hash_of(b))))
        return 0;
    rasad__zw_hit hit;
    if (!rasad__zw_find(rasad__lex_hash_more(ha, b.p, b.n), a.p, a.n, b.p, b.n, &hit))
        return 0;
    return (hit.flags & RASAD__ZW_PAIR) && hit.n == a.n + 3 + b.n &&
           memcmp(hit.w + a.n, ZW, 3) == 0;
}

/* Is there a ZWNJ and then a letter at byte i (before n)? */
static inline int zwnj_then_letter(const char *p, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)p + i;
    return i + 4 < n && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x8c &&
           rasad__zw_letter_at(p + i + 3);
}

/* What the walk needs of a word (its letters and the ZWNJs between them)
 * besides its edits, for the spaces on either side of it. All of it
 * depends on the word's bytes alone. */
typedef struct word_info {
    size_t n;          /* bytes */
    size_t last_off;   /* where its last ZWNJ-free segment starts; 0: one segment */
    size_t head_n;     /* bytes of its first piece once its own ZWNJs are in */
    uint32_t last_h;   /* hash state of the last segment */
    uint32_t last_fin; /* its final hash */
    uint32_t head_fin; /* final hash of the first piece */
    unsigned bound;    /* the first piece as a second part: bound_kind() */
} word_info;

/* Does p[0..n) (8 bytes or more) end in ه + the ezafe mark ٔ (هفته‌نامهٔ)?
 * Such a segment is planned, and paired, as the word without the mark. */
static inline int ends_heh_mark(const char *p, size_t n)
{
    return n >= 8 && (unsigned char)p[n - 4] == 0xD9 && (unsigned char)p[n - 3] == 0x87 &&
           (unsigned char)p[n - 2] == 0xD9 && (unsigned char)p[n - 1] == 0x94;
}

/* Plans the inserts inside the word that starts at byte i (a letter) of
 * p[0..n): each of its ZWNJ-free segments. Fills *w; returns the byte after
 * the word. */
static size_t plan_word(plan *pl, const char *p, size_t i, size_t n, word_info *w)
{
    hashes hs;
    size_t mark = pl->n, s = i, z = scan_segment(p, i, n, &hs);
    span head = hs.t;
    uint32_t head_fin = hs.fin;
    for (;;) {
        hashes hm;
        const hashes *hp = &hs;
        if (ends_heh_mark(hs.t.p, hs.t.n)) {
            scan_segment(p, s, z - 2, &hm);
            hp = &hm;
        }
        if (hp->t.n >= 6 && !untouched(hp->t, s == i, hp, hp->fin))
            plan_rules(pl, hp->t, s, s == i, hp, hp->full, hp->fin);
        if (!zwnj_then_letter(p, n, z))
            break;
        s = z + 3;
        z = scan_segment(p, s, n, &hs);
    }
    w->n = z - i;
    w->last_off = s - i;
    w->last_h = hs.full;
    w->last_fin = hs.fin;
    /* the space before is judged on the first piece of this word as it will
     * be once its own ZWNJs are in (می روی‌ها), so that planning the output
     * again changes nothing */
    if (pl->n > mark && pl->e[mark].pos < i + head.n) {
        head.n = pl->e[mark].pos - i;
        head_fin = rasad__lex_hash_final(hash_of(head));
    } else if (ends_heh_mark(head.p, head.n)) {
        head.n -= 2;                            /* «هفته نامهٔ»: the pair is هفته + نامه */
        head_fin = rasad__lex_hash_final(hash_of(head));
    }
    w->head_n = head.n;
    w->head_fin = head_fin;
    w->bound = head.n >= 6 ? bound_kind(head) : BOUND_NONE;
    return z;
}

/* What a run of non-ASCII bytes (a "chunk": words and the punctuation
 * glued to them, between spaces and ASCII) gives the walk besides its
 * edits: its first word, when the chunk starts with one (for the space
 * before it), and its last, when the chunk ends with one (for the space
 * after it). A space is ASCII, so no pair of words is inside a chunk, and
 * everything here depends on the chunk's bytes alone. */
#define CH_FIRST 1u      /* the chunk starts with a word: head_* are set */
#define CH_LAST 2u       /* the chunk ends with a word: last_* are set */
#define CH_LAST_WHOLE 4u /* that word's last segment is the whole word */
#define CH_HEAD_SECOND 8u /* the first word's first piece may be a second part of a
                             PAIR entry (rasad__zw_part_may) */
#define CH_HEAD_RULE 16u  /* rasad__zw_pair_rule_b_listed() of that piece */
#define CH_LAST_FIRST 32u /* the last word's last segment may be a first part */
#define CH_LAST_RULE 64u  /* rasad__zw_pair_rule_may_a() of that segment */
#define CH_HEAD_BOUND 128u /* the first word's first piece is a second part by
                              bound_kind() (bound is not BOUND_NONE) */

typedef struct chunk_info {
    unsigned flags;    /* CH_* */
    size_t head_n;     /* word_info of the first word (offset 0) */
    uint32_t head_fin;
    unsigned bound;
    size_t last_off;   /* offset in the chunk of the last word's last segment */
    uint32_t last_h;   /* word_info of the last word */
    uint32_t last_fin;
    int one_word;      /* the chunk is one word, first byte to last: letters and
                          ZWNJs between letters */
} chunk_info;

/* Plans the inserts inside the chunk p[i..e) (e is n or an ASCII byte) and
 * fills *ci. */
static __attribute__((noinline)) void plan_chunk(plan *pl, const char *p, size_t i, size_t e,
                                                 chunk_info *ci)
{
    size_t from = i;
    memset(ci, 0, sizeof *ci);
    while (i < e) {
        if (!(i + 1 < e && rasad__zw_letter_at(p + i))) {
            i++;
            continue;
        }
        word_info w;
        size_t z = plan_word(pl, p, i, e, &w);
        if (i == from) {
            span head = { p + i, w.head_n };
            ci->flags |= CH_FIRST;
            if (rasad__zw_part_may(rasad__zw_pair_second, w.head_fin))
                ci->flags |= CH_HEAD_SECOND;
            /* the exact test: it runs once per chunk, the rules once per
             * space that passes it */
            if (rasad__zw_pair_rule_may_b(head) && rasad__zw_pair_rule_b_listed(head))
                ci->flags |= CH_HEAD_RULE;
            ci->head_n = w.head_n;
            ci->head_fin = w.head_fin;
            ci->bound = w.bound;
            if (w.bound != BOUND_NONE)
                ci->flags |= CH_HEAD_BOUND;
        }
        if (z == e) {
            span last = { p + i + w.last_off, z - i - w.last_off };
            ci->one_word = i == from;
            ci->flags |= CH_LAST;
            if (w.last_off == 0)
                ci->flags |= CH_LAST_WHOLE;
            if (rasad__zw_part_may(rasad__zw_pair_first, w.last_fin))
                ci->flags |= CH_LAST_FIRST;
            if (rasad__zw_pair_rule_may_a(last))
                ci->flags |= CH_LAST_RULE;
            ci->last_off = i + w.last_off - from;
            ci->last_h = w.last_h;
            ci->last_fin = w.last_fin;
        }
        i = z;
    }
}

/* The chunk cache: a chunk's edits and chunk_info by its bytes. News text
 * is Zipfian, so most chunks were planned before; a hit costs one pass over
 * the chunk, eight bytes at a time, to find its end and hash it, and a
 * compare. Four-way set-associative with a fixed number of slots: a new
 * chunk takes the last way of its set, and a hit moves its chunk one way
 * up, so that words seen often stay and a rare word evicts only another
 * rare one. */
#define ZC_SET_BITS 12
#define ZC_SETS (1u << ZC_SET_BITS) /* 4096 * 4 * 32 bytes = 512 KiB */
#define ZC_WAYS 4
#define ZC_EDITS 3    /* edits a cached chunk may have */
#define ZC_KEY 24     /* bytes a cached chunk may have (a multiple of 8): 99.7% of
                         the chunks of news; a 32-byte slot holds twice the chunks
                         a 64-byte one with 40 did, in the same memory, and misses
                         a third fewer */

/* A chunk's plan in 32 bytes. The hash states of its first and last word
 * (chunk_info) are not kept: the pair test that needs them is rare and
 * hashes the two words again (join_pair). */
typedef struct zc_slot {
    unsigned char bytes[ZC_KEY]; /* the chunk, zeros after it */
    uint8_t len;                 /* the chunk's bytes; 0: empty */
    uint8_t flags;               /* CH_* */
    uint8_t head_n;
    uint8_t last_off;
    uint8_t meta;                /* edits in edit[] | bound_kind() << 2 | ZC_ONE_WORD */
    uint8_t edit[ZC_EDITS];      /* its edits: byte offset in the chunk | op << 5 */
} zc_slot;

#define ZC_ONE_WORD 16u /* in meta: chunk_info.one_word */

_Static_assert(sizeof(zc_slot) == 32, "two cache slots are one cache line");
_Static_assert(ZC_KEY <= 32 && ZC_EDITS <= 3, "an edit's offset fits in five bits, "
               "the number of edits in two");

struct rasad__zwnj_cache {
    zc_slot *slot;            /* way w of set k is slot[w * ZC_SETS + k]: the ways 0,
                                 where the frequent chunks are, lie together (128 KiB,
                                 two sets a cache line); len 0: empty */
    void *mem;                /* the allocation (owned) */
};

rasad__zwnj_cache *rasad__zwnj_cache_new(void)
{
    rasad__zwnj_cache *c = rasad_malloc(sizeof *c);
    size_t bytes = (size_t)ZC_SETS * ZC_WAYS * sizeof(zc_slot);
    if (!c)
        return NULL;
    /* slots on 32 bytes: a lookup that hits way 0 reads one cache line */
    if (!(c->mem = rasad_malloc(bytes + 63))) {
        rasad_free(c);
        return NULL;
    }
    c->slot = (zc_slot *)(((uintptr_t)c->mem + 63) & ~(uintptr_t)63);
    memset(c->slot, 0, bytes);
    return c;
}

void rasad__zwnj_cache_free(rasad__zwnj_cache *c)
{
    if (!c)
        return;
    rasad_free(c->mem);
    rasad_free(c);
}

/* Eight bytes at a time where the byte order is known to be little-endian
 * (the first byte is the low one); a byte at a time elsewhere. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ZC_WORDS 1
#else
#define ZC_WORDS 0
#endif

/* SSE2 (every x86-64 CPU): chunk_scan() finds a short chunk's end with one
 * sixteen-byte load. */
#if ZC_WORDS && defined(__SSE2__) && defined(__x86_64__)
#define ZC_SSE2 1
#include <emmintrin.h>
/* sixteen bytes from zc_ones + 16 - len: len 0xff bytes, then zeros */
static const unsigned char zc_ones[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};
#else
#define ZC_SSE2 0
#endif

static inline uint64_t load8(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* A chunk as the cache sees it: its bytes in eight-byte words as they lie
 * in memory (all ZC_KEY bytes: zeros after its end), and a hash of them. */
typedef struct chunk_key {
    uint64_t w[ZC_KEY / 8];
    uint64_t h;
} chunk_key;

/* The hash of a key is the xor of its words, each times a constant of its
 * own: the products are independent (no chain of multiplies), and the top
 * bits of each, which pick the set, depend on every bit of its word. The
 * chunk's length needs no part in it: a chunk has no zero byte, so its
 * words tell where it ends. */
static const uint64_t zc_mul[ZC_KEY / 8] = {
    0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full, 0x165667b19e3779f9ull,
};

/* chunk_scan() for a chunk of more than sixteen bytes, or near the end of
 * the text: sets *end and returns the key. Out of line and by value, so
 * that the walk's key is never indexed by a variable and stays in
 * registers. */
static __attribute__((noinline)) chunk_key chunk_scan_long(const char *p, size_t i, size_t n,
                                                          size_t *end)
{
    chunk_key k;
    size_t j = 0;
    uint64_t h = 0;
    memset(&k, 0, sizeof k);
#if ZC_WORDS
    for (; j < ZC_KEY / 8 && i + 8 <= n; i += 8, j++) {
        uint64_t x = load8(p + i), m = ~x & 0x8080808080808080ull;
        if (m) {
            unsigned b = (unsigned)__builtin_ctzll(m) >> 3; /* bytes of the chunk in x */
            x &= (1ull << (b * 8)) - 1;                      /* b < 8: no shift by 64 */
            k.w[j] = x;
            k.h = h ^ x * zc_mul[j];
            *end = i + b;
            return k;
        }
        k.w[j] = x;
        h ^= x * zc_mul[j];
    }
    if (j == ZC_KEY / 8) {
        /* ZC_KEY bytes and more: only the end is wanted (and the hash,
         * should the chunk end right here) */
        k.h = h;
        for (; i + 8 <= n; i += 8) {
            uint64_t m = ~load8(p + i) & 0x8080808080808080ull;
            if (m) {
                *end = i + ((unsigned)__builtin_ctzll(m) >> 3);
                return k;
            }
        }
        while (i < n && (unsigned char)p[i] >= 0x80)
            i++;
        *end = i;
        return k;
    }
#endif
    /* the last few bytes of the text (or no word loads) */
    for (;;) {
        uint64_t x = 0;
        unsigned b = 0;
        while (b < 8 && i + b < n && (unsigned char)p[i + b] >= 0x80)
            b++;
        memcpy(&x, p + i, b);
        if (j < ZC_KEY / 8) {
            k.w[j] = x;
            h ^= x * zc_mul[j];
        }
        i += b;
        j++;
        if (b < 8)
            break;
    }
    k.h = h;
    *end = i;
    return k;
}

/* Finds the end of the chunk that starts at p[i] (a byte >= 0x80): the
 * first ASCII byte after it, or n. Fills *k on the way when the chunk has
 * at most ZC_KEY bytes (a longer one is not looked up). */
static inline size_t chunk_scan(const char *p, size_t i, size_t n, chunk_key *k)
{
    _Static_assert(ZC_KEY == 24, "the words of a key are set one by one");
#if ZC_SSE2
    /* a chunk of at most fifteen bytes (95% of them) with one sixteen-byte
     * load and no branch on its length (whether it ends in its first eight
     * bytes is a coin toss for the branch predictor, and a wrong guess
     * stalls the lookup after it), when sixteen bytes can be read */
    if (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        unsigned ascii = ~(unsigned)_mm_movemask_epi8(v) & 0xFFFFu; /* bit b: p[i + b] < 0x80 */
        if (ascii) {
            unsigned len = (unsigned)__builtin_ctz(ascii);
            /* its bytes, zeros after them */
            v = _mm_and_si128(v, _mm_loadu_si128((const __m128i *)(const void *)(zc_ones + 16 - len)));
            k->w[0] = (uint64_t)_mm_cvtsi128_si64(v);
            k->w[1] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v));
            k->w[2] = 0;
            k->h = k->w[0] * zc_mul[0] ^ k->w[1] * zc_mul[1];
            return i + len;
        }
    }
#elif ZC_WORDS
    /* a chunk of at most sixteen bytes (95% of them) in two steps without
     * a loop, when sixteen bytes can be read */
    if (i + 16 <= n) {
        uint64_t x = load8(p + i), m = ~x & 0x8080808080808080ull;
        if (m) {
            unsigned b = (unsigned)__builtin_ctzll(m) >> 3; /* bytes of the chunk in x */
            x &= (1ull << (b * 8)) - 1;                      /* b < 8: no shift by 64 */
            k->w[0] = x;
            k->w[1] = k->w[2] = 0;
            k->h = x * zc_mul[0];
            return i + b;
        }
        uint64_t y = load8(p + i + 8);
        m = ~y & 0x8080808080808080ull;
        if (m) {
            unsigned b = (unsigned)__builtin_ctzll(m) >> 3;
            y &= (1ull << (b * 8)) - 1;
            k->w[0] = x;
            k->w[1] = y;
            k->w[2] = 0;
            k->h = x * zc_mul[0] ^ y * zc_mul[1];
            return i + 8 + b;
        }
    }
#endif
    size_t e;
    *k = chunk_scan_long(p, i, n, &e);
    return e;
}

/* Is the chunk of len bytes and key k in slot s? All the words are
 * compared at once: both have zeros after the chunk. The length is
 * compared too, since a slot emptied for a chunk that did not fit
 * (len 0) keeps its old bytes. */
static inline int slot_holds(const zc_slot *s, size_t len, const chunk_key *k)
{
    return ((s->len ^ (uint64_t)len) | (load8(s->bytes) ^ k->w[0]) |
            (load8(s->bytes + 8) ^ k->w[1]) | (load8(s->bytes + 16) ^ k->w[2])) == 0;
}

/* chunk_lookup() past way 0 (w0, its slot in way 0): the other ways of the
 * set, and the slot a chunk that is not there goes to. */
static inline zc_slot *chunk_lookup_ways(zc_slot *w0, size_t len, const chunk_key *k, int *hit)
{
    for (size_t w = 1; w < ZC_WAYS; w++) {
        zc_slot *s = w0 + w * ZC_SETS, *up = s - ZC_SETS;
        if (!slot_holds(s, len, k))
            continue;
        /* one way up: a chunk seen again outlives one seen once */
        zc_slot t = *up;
        *up = *s;
        *s = t;
        *hit = 1;
        return up;
    }
    *hit = 0;
    w0[(ZC_WAYS - 1) * ZC_SETS].len = 0; /* filled by chunk_store, if the chunk fits */
    return &w0[(ZC_WAYS - 1) * ZC_SETS];
}

/* Looks the chunk (len <= ZC_KEY bytes, key k) up in c. Returns its slot and
 * sets *hit when it is there; otherwise returns the slot it goes to. */
static inline zc_slot *chunk_lookup(rasad__zwnj_cache *c, size_t len, const chunk_key *k,
                                    int *hit)
{
    zc_slot *w0 = &c->slot[(size_t)(k->h >> (64 - ZC_SET_BITS))];
    /* the other ways are asked for with way 0, not one after another when
     * it misses: a quarter of the lookups go past way 0, and those slots
     * are seldom in the CPU's first-level cache */
    __builtin_prefetch(w0 + ZC_SETS);
    __builtin_prefetch(w0 + 2 * ZC_SETS);
    __builtin_prefetch(w0 + 3 * ZC_SETS);
    *hit = 1;
    if (slot_holds(w0, len, k))
        return w0; /* where a frequent chunk ends up */
    return chunk_lookup_ways(w0, len, k, hit);
}

/* Puts the chunk p[i..e), its edits pl->e[mark..] and *ci in the
 * slot chunk_lookup() gave, when they fit. */
static void chunk_store(zc_slot *s, const plan *pl, size_t mark, const char *p, size_t i,
                        size_t e, const chunk_info *ci)
{
    size_t nedits = pl->n - mark;
    /* e - i <= ZC_KEY (only such chunks have a slot), so offsets fit */
    if (nedits > ZC_EDITS)
        return;
    memset(s, 0, sizeof *s);
    s->len = (uint8_t)(e - i);
    s->flags = (uint8_t)ci->flags;
    for (size_t k = 0; k < nedits; k++)
        s->edit[k] = (uint8_t)((pl->e[mark + k].pos - i) | (size_t)pl->e[mark + k].op << 5);
    s->meta = (uint8_t)(nedits | (ci->one_word ? ZC_ONE_WORD : 0));
    if (ci->flags & CH_FIRST) {
        s->head_n = (uint8_t)ci->head_n;
        s->meta |= (uint8_t)(ci->bound << 2);
    }
    if (ci->flags & CH_LAST)
        s->last_off = (uint8_t)ci->last_off;
    memcpy(s->bytes, p + i, e - i);
}

/* space_before()'s first test as a table of 64 bits: bit k answers for
 * the flags k << 2 (the six flags are bits 2 to 7). It is
 *   (whole && (last rule || head rule || head bound)) || (first && second),
 * written with V(b), the set of k whose bit b is set. */
_Static_assert(CH_LAST_WHOLE == 4u && CH_HEAD_SECOND == 8u && CH_HEAD_RULE == 16u &&
               CH_LAST_FIRST == 32u && CH_LAST_RULE == 64u && CH_HEAD_BOUND == 128u,
               "PAIR_NEED is written for these bits");
#define PN_V0 0xAAAAAAAAAAAAAAAAull /* CH_LAST_WHOLE */
#define PN_V1 0xCCCCCCCCCCCCCCCCull /* CH_HEAD_SECOND */
#define PN_V2 0xF0F0F0F0F0F0F0F0ull /* CH_HEAD_RULE */
#define PN_V3 0xFF00FF00FF00FF00ull /* CH_LAST_FIRST */
#define PN_V4 0xFFFF0000FFFF0000ull /* CH_LAST_RULE */
#define PN_V5 0xFFFFFFFF00000000ull /* CH_HEAD_BOUND */
#define PAIR_NEED ((PN_V0 & (PN_V4 | PN_V2 | PN_V5)) | (PN_V3 & PN_V1))

/* The walk's state from one chunk to the next. */
typedef struct walk {
    unsigned flags;  /* the last chunk's CH_* flags; CH_LAST is cleared by any
                        ASCII byte but a space after it, so CH_LAST says a word
                        ended there and only spaces came since */
    size_t last_at;  /* where that word's last ZWNJ-free segment starts */
    size_t end;      /* the byte after it (the chunk's end) */
    size_t *words;   /* where the next one_word chunk goes (rasad__zwnj_plan_words),
                        or NULL */
    ptrdiff_t to;    /* the base of rasad__zwnj_plan_words, plus the bytes the edits
                        so far add to the text: a byte at i then is at i + to */
} walk;

/* How many bytes an edit adds to the text (a ZWNJ is three bytes). */
static inline ptrdiff_t edit_shift(int op)
{
    return op == RASAD__ZW_INSERT ? 3 : op == RASAD__ZW_SPACE_TO_ZWNJ ? 2 : -1;
}

/* After the chunk p[i..e), whose edits (the space before it, its own) are
 * pl->e[mark ..], when the caller asked for words: moves wk->to on by what
 * they add and, when the chunk is one word, records where it is once the
 * edits are made. */
static inline void chunk_words(walk *wk, const plan *pl, size_t mark, size_t i, size_t e,
                               int one)
{
    ptrdiff_t at = wk->to; /* for the chunk's start: the space edit counts */
    for (size_t k = mark; k < pl->n; k++) {
        ptrdiff_t d = edit_shift(pl->e[k].op);
        if (pl->e[k].pos < i)
            at += d;
        wk->to += d;
    }
    if (one) {
        wk->words[0] = (size_t)((ptrdiff_t)i + at);
        wk->words[1] = (size_t)((ptrdiff_t)e + wk->to);
        wk->words += 2;
    }
}

/* Does the chunk at byte i follow the word that ended the last chunk, one
 * space after it? Only then do space_before() and indefinite_before()
 * apply. */
static inline int after_one_space(const walk *wk, size_t i)
{
    return (wk->flags & CH_LAST) && wk->end + 1 == i;
}

/* The space before the chunk at byte i (after_one_space(); CH_* flags),
 * whose first word's first piece is head_n bytes (bound_kind() bound):
 * joins it to the word before when join_pair() says so, putting the edit at
 * pl->e[mark] (before the chunk's own edits). */
static inline void space_before(const walk *wk, plan *pl, size_t mark, const char *p, size_t i,
                                unsigned flags, size_t head_n, unsigned bound)
{
    unsigned pf = wk->flags;
    /* what join_pair() would say without looking, most spaces stop here:
     * one bit of PAIR_NEED, picked by the six flags it reads */
    unsigned idx = ((pf & (CH_LAST_WHOLE | CH_LAST_FIRST | CH_LAST_RULE)) |
                    (flags & (CH_HEAD_SECOND | CH_HEAD_RULE | CH_HEAD_BOUND))) >> 2;
    if (!((PAIR_NEED >> idx) & 1u))
        return;
    int whole = (pf & CH_LAST_WHOLE) != 0;
    int rules = whole && ((pf & CH_LAST_RULE) || (flags & CH_HEAD_RULE));
    int parts = (pf & CH_LAST_FIRST) && (flags & CH_HEAD_SECOND);
    span a = { p + wk->last_at, wk->end - wk->last_at };
    span b = { p + i, head_n };
    if (!join_pair(a, b, whole, bound, rules, parts))
        return;
    memmove(pl->e + mark + 1, pl->e + mark, (pl->n - mark) * sizeof *pl->e);
    pl->e[mark].pos = i - 1;
    pl->e[mark].op = rasad__zw_last_joins(a.p, a.n) ? RASAD__ZW_SPACE_TO_ZWNJ
                                                    : RASAD__ZW_SPACE_DROP;
    pl->n++;
}

/* «گوشهای از», «نامهای که»: before از or که, a joined ه + ای the word's
 * own plan read as the plural (گوش‌های) is the indefinite (گوشه‌ای), since
 * a plural takes هایی there. The word before the space (after_one_space())
 * is the last segment of the walk; its plural edit, an insert before its
 * last six bytes (های), is the last one before mark and moves two bytes
 * on. */
static inline void indefinite_before(const walk *wk, plan *pl, size_t mark, const char *p,
                                     size_t i, size_t head_n)
{
    static const char az[] = "\xD8\xA7\xD8\xB2", ke[] = "\xDA\xA9\xD9\x87";
    static const char hay[] = "\xD9\x87\xD8\xA7\xDB\x8C";    /* های */
    size_t end = wk->end, n = end - wk->last_at;
    /* the cheap tests first: most words are not two letters long */
    if (head_n != 4 || mark == 0 || n < 12 ||
        (memcmp(p + i, az, 4) != 0 && memcmp(p + i, ke, 4) != 0) ||
        memcmp(p + end - 6, hay, 6) != 0)
        return;
    rasad__zwnj_edit *e = &pl->e[mark - 1];
    if (e->op != RASAD__ZW_INSERT || e->pos != end - 6 ||
        !rasad__lex_contains(p + wk->last_at, n - 4))   /* the ه noun: گوشه */
        return;
    e->pos = end - 4;
}

/* After the chunk p[i..e): its last word, if it ends the chunk (flags has
 * CH_LAST), is the one before the next space. */
static inline void chunk_done(walk *wk, size_t i, size_t e, unsigned flags, size_t last_off)
{
    wk->flags = flags;
    wk->last_at = i + last_off;
    wk->end = e;
}

/* The walk's step for the chunk p[i..e) when the cache does not hold it:
 * plans it, stores it in slot s (NULL: no cache, or a chunk too long for
 * one) and judges the space before it. Out of line: one chunk in sixteen
 * comes here, and the walk's hit path keeps its registers. */
static __attribute__((noinline)) void chunk_missed(walk *wk, plan *pl, zc_slot *s,
                                                   const char *p, size_t i, size_t e)
{
    chunk_info ci;
    size_t mark = pl->n;
    plan_chunk(pl, p, i, e, &ci);
    if (s)
        chunk_store(s, pl, mark, p, i, e, &ci);
    if ((ci.flags & CH_FIRST) && after_one_space(wk, i)) {
        indefinite_before(wk, pl, mark, p, i, ci.head_n);
        space_before(wk, pl, mark, p, i, ci.flags, ci.head_n, ci.bound);
    }
    chunk_done(wk, i, e, ci.flags, ci.last_off);
    if (wk->words)
        chunk_words(wk, pl, mark, i, e, ci.one_word);
}

size_t rasad__zwnj_plan_words(rasad__zwnj_cache *c, const char *p, size_t n,
                              rasad__zwnj_edit *edits, size_t *words, size_t base,
                              size_t *nwords)
{
    plan pl = { edits, 0 };
    size_t i = 0;
    walk wk = { 0, 0, 0, words, (ptrdiff_t)base };
    while (i < n) {
        if ((unsigned char)p[i] < 0x80) {
            if (p[i] != ' ')
                wk.flags &= ~CH_LAST; /* a space keeps it: the pair test needs it */
            i++;
            continue;
        }
        chunk_key key;
        size_t e = chunk_scan(p, i, n, &key), mark = pl.n;
        zc_slot *s = NULL;
        int hit = 0;
        if (c && e - i <= ZC_KEY)
            s = chunk_lookup(c, e - i, &key, &hit);
        if (hit) {
            unsigned flags = s->flags, meta = s->meta;
            if ((flags & CH_FIRST) && after_one_space(&wk, i)) {
                indefinite_before(&wk, &pl, mark, p, i, s->head_n);
                space_before(&wk, &pl, mark, p, i, flags, s->head_n, (meta >> 2) & 3u);
            }
            for (unsigned k = 0; k < (meta & 3u); k++)
                add(&pl, i + (s->edit[k] & 31u), s->edit[k] >> 5);
            chunk_done(&wk, i, e, flags, s->last_off);
            if (wk.words)
                chunk_words(&wk, &pl, mark, i, e, meta & ZC_ONE_WORD);
        } else {
            /* copies, so that the address of neither escapes and the
             * compiler keeps both in registers through the hit path */
            walk w2 = wk;
            plan p2 = pl;
            chunk_missed(&w2, &p2, s, p, i, e);
            wk = w2;
            pl = p2;
        }
        i = e;
        /* the most common next step: one space, then the next chunk (a
         * space keeps wk.flags as it is) */
        if (i + 1 < n && p[i] == ' ' && (unsigned char)p[i + 1] >= 0x80)
            i++;
    }
    if (nwords)
        *nwords = words ? (size_t)(wk.words - words) / 2 : 0;
    return pl.n;
}

size_t rasad__zwnj_plan_cached(rasad__zwnj_cache *c, const char *p, size_t n,
                               rasad__zwnj_edit *edits)
{
    return rasad__zwnj_plan_words(c, p, n, edits, NULL, 0, NULL);
}

size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits)
{
    return rasad__zwnj_plan_cached(NULL, p, n, edits);
}
