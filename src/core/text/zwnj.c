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

/* Plans the inserts inside stem s (a compound the tables may know, or a
 * productive one). whole says s is the whole segment, already looked up.
 * Returns the offset of the last ZWNJ inserted, or 0. */
static size_t plan_compound(plan *pl, span s, size_t base, int whole, const hashes *hs)
{
    if (s.n < 6)
        return 0;
    rasad__zw_hit hit;
    if (!whole && rasad__zw_find(hash_prefix(hs, s.n), s.p, s.n, NULL, 0, &hit)) {
        if (!(hit.flags & RASAD__ZW_SPLIT))
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
            (hit.flags & RASAD__ZW_SPLIT) && !rasad__lex_contains(s.p, s.n)) {
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
    rasad__zw_hit hit;
    int found = may && rasad__zw_find(h, t.p, t.n, NULL, 0, &hit);
    if (found && (hit.flags & RASAD__ZW_SPLIT)) {
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
 * here: شده, نامه, کننده, which news also writes as separate words. */
static const struct {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} pair_bound[] = {
#define PB(x) { x, sizeof x - 1 }
    PB("گذاری"), PB("گذاران"), PB("سازی"), PB("سازان"), PB("رسانی"), PB("شناسی"),
    PB("شناسان"), PB("نگاری"), PB("نگاران"), PB("پردازی"), PB("آفرینی"), PB("سرایی"),
    PB("نویسی"), PB("درمانی"), PB("زدایی"), PB("ریزی"), PB("خوانی"), PB("گیری"),
    PB("پوشی"), PB("شویی"), PB("پرسی"), PB("فشانی"), PB("گزینی"),
#undef PB
};

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
    for (size_t k = 0; k < sizeof pair_bound / sizeof pair_bound[0]; k++)
        if (same_word(b, pair_bound[k].s, pair_bound[k].n))
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
 * segments) become a ZWNJ or go? ha is a's hash state, fa and fb the final
 * hashes of a and b, bound what b is as a second part (bound_kind()),
 * rules rasad__zw_pair_rule_may(a, b, a_whole), parts whether a may be a
 * first and b a second part of a PAIR entry (rasad__zw_part_may() of
 * both). The last three are known per word (plan_chunk() keeps them). */
static int join_pair(span a, span b, int a_whole, uint32_t ha, uint32_t fa, uint32_t fb,
                     unsigned bound, int rules, int parts)
{
    int r = rules ? rasad__zw_pair_rule(a, b, a_whole) : -1;
    if (r >= 0)
        return r;
    if (bound != BOUND_NONE && a_whole && bound_pair(a, bound))
        return 1;
    if (!parts || !rasad__zw_pair_may(fa, fb))
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
#define CH_HEAD_RULE 16u  /* rasad__zw_pair_rule_may_b() of that piece */
#define CH_LAST_FIRST 32u /* the last word's last segment may be a first part */
#define CH_LAST_RULE 64u  /* rasad__zw_pair_rule_may_a() of that segment */

typedef struct chunk_info {
    unsigned flags;    /* CH_* */
    size_t head_n;     /* word_info of the first word (offset 0) */
    uint32_t head_fin;
    unsigned bound;
    size_t last_off;   /* offset in the chunk of the last word's last segment */
    uint32_t last_h;   /* word_info of the last word */
    uint32_t last_fin;
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
            if (rasad__zw_pair_rule_may_b(head))
                ci->flags |= CH_HEAD_RULE;
            ci->head_n = w.head_n;
            ci->head_fin = w.head_fin;
            ci->bound = w.bound;
        }
        if (z == e) {
            span last = { p + i + w.last_off, z - i - w.last_off };
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
#define ZC_SETS 2048u /* a power of two: 2048 * 4 * 64 bytes = 512 KiB */
#define ZC_WAYS 4
#define ZC_EDITS 3    /* edits a cached chunk may have */
#define ZC_KEY 40     /* bytes a cached chunk may have (a multiple of 8) */

typedef struct zc_slot {
    uint32_t last_h, last_fin, head_fin; /* chunk_info, narrowed */
    uint8_t len;                 /* the chunk's bytes */
    uint8_t flags;
    uint8_t head_n;
    uint8_t last_off;
    uint8_t bound;
    uint8_t nedits;              /* edits in pos/op */
    uint8_t op[ZC_EDITS];        /* its edits: op and byte offset in the chunk */
    uint8_t pos[ZC_EDITS];
    unsigned char bytes[ZC_KEY]; /* the chunk, zeros after it */
} zc_slot;

_Static_assert(sizeof(zc_slot) == 64, "a cache slot is one cache line");

struct rasad__zwnj_cache {
    zc_slot (*slot)[ZC_WAYS]; /* ZC_SETS sets in mem, on a 64-byte line each; len 0: empty */
    void *mem;                /* the allocation (owned) */
};

rasad__zwnj_cache *rasad__zwnj_cache_new(void)
{
    rasad__zwnj_cache *c = rasad_malloc(sizeof *c);
    size_t bytes = (size_t)ZC_SETS * ZC_WAYS * sizeof(zc_slot);
    if (!c)
        return NULL;
    /* one slot per cache line: a lookup that hits way 0 reads one line */
    if (!(c->mem = rasad_malloc(bytes + 63))) {
        rasad_free(c);
        return NULL;
    }
    c->slot = (zc_slot(*)[ZC_WAYS])(((uintptr_t)c->mem + 63) & ~(uintptr_t)63);
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

#define ZC_MUL 0x9e3779b97f4a7c15ull

static inline uint64_t load8(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* A chunk as the cache sees it: its bytes in eight-byte words as they lie
 * in memory (zeros after its end; only the first ZC_KEY bytes), and a hash
 * of all of it. */
typedef struct chunk_key {
    uint64_t w[ZC_KEY / 8];
    uint64_t h;
} chunk_key;

/* Finds the end of the chunk that starts at p[i] (a byte >= 0x80): the
 * first ASCII byte after it, or n. Fills *k on the way when the chunk has
 * at most ZC_KEY bytes (a longer one is not looked up). */
static inline size_t chunk_scan(const char *p, size_t i, size_t n, chunk_key *k)
{
    size_t from = i, j = 0;
    uint64_t h = 0;
#if ZC_WORDS
    for (; j < ZC_KEY / 8 && i + 8 <= n; i += 8, j++) {
        uint64_t x = load8(p + i), m = ~x & 0x8080808080808080ull;
        if (m) {
            unsigned b = (unsigned)__builtin_ctzll(m) >> 3; /* bytes of the chunk in x */
            if (b) {
                x &= (1ull << (b * 8)) - 1;
                k->w[j] = x;
                h = (h ^ x) * ZC_MUL;
            }
            i += b;
            k->h = (h ^ (i - from)) * ZC_MUL;
            return i;
        }
        k->w[j] = x;
        h = (h ^ x) * ZC_MUL;
    }
    if (j == ZC_KEY / 8) {
        /* ZC_KEY bytes and more: only the end is wanted (and the hash,
         * should the chunk end right here) */
        k->h = (h ^ ZC_KEY) * ZC_MUL;
        for (; i + 8 <= n; i += 8) {
            uint64_t m = ~load8(p + i) & 0x8080808080808080ull;
            if (m)
                return i + ((unsigned)__builtin_ctzll(m) >> 3);
        }
        while (i < n && (unsigned char)p[i] >= 0x80)
            i++;
        return i;
    }
#endif
    /* the last few bytes of the text (or no word loads) */
    for (;;) {
        uint64_t x = 0;
        unsigned b = 0;
        while (b < 8 && i + b < n && (unsigned char)p[i + b] >= 0x80)
            b++;
        if (b == 0)
            break;
        memcpy(&x, p + i, b);
        if (j < ZC_KEY / 8)
            k->w[j] = x;
        h = (h ^ x) * ZC_MUL;
        i += b;
        j++;
        if (b < 8)
            break;
    }
    k->h = (h ^ (i - from)) * ZC_MUL;
    return i;
}

/* Is the chunk of len bytes and key k in slot s? */
static inline int slot_holds(const zc_slot *s, size_t len, const chunk_key *k)
{
    if (s->len != len)
        return 0;
    for (size_t j = 0; j * 8 < len; j++)
        if (load8(s->bytes + 8 * j) != k->w[j])
            return 0;
    return 1;
}

/* Looks the chunk (len <= ZC_KEY bytes, key k) up in c. Returns its slot and
 * sets *hit when it is there; otherwise returns the slot it goes to. */
static inline zc_slot *chunk_lookup(rasad__zwnj_cache *c, size_t len, const chunk_key *k,
                                    int *hit)
{
    zc_slot *ways = c->slot[(size_t)(k->h >> 32) & (ZC_SETS - 1)];
    *hit = 1;
    if (slot_holds(&ways[0], len, k))
        return &ways[0]; /* where a frequent chunk ends up: one cache line */
    for (int w = 1; w < ZC_WAYS; w++) {
        if (!slot_holds(&ways[w], len, k))
            continue;
        /* one way up: a chunk seen again outlives one seen once */
        zc_slot t = ways[w - 1];
        ways[w - 1] = ways[w];
        ways[w] = t;
        return &ways[w - 1];
    }
    *hit = 0;
    ways[ZC_WAYS - 1].len = 0; /* filled by chunk_store, if the chunk fits */
    return &ways[ZC_WAYS - 1];
}

/* Puts the chunk p[i..e), its edits pl->e[mark..] and *ci in the
 * slot chunk_lookup() gave, when they fit. */
static void chunk_store(zc_slot *s, const plan *pl, size_t mark, const char *p, size_t i,
                        size_t e, const chunk_info *ci)
{
    size_t nedits = pl->n - mark;
    if (nedits > ZC_EDITS || ((ci->flags & CH_FIRST) && ci->head_n > 0xff) ||
        ((ci->flags & CH_LAST) && ci->last_off > 0xff))
        return;
    memset(s, 0, sizeof *s);
    s->len = (uint8_t)(e - i);
    s->flags = (uint8_t)ci->flags;
    s->nedits = (uint8_t)nedits;
    for (size_t k = 0; k < nedits; k++) {
        s->op[k] = (uint8_t)pl->e[mark + k].op;
        s->pos[k] = (uint8_t)(pl->e[mark + k].pos - i);
    }
    if (ci->flags & CH_FIRST) {
        s->head_n = (uint8_t)ci->head_n;
        s->head_fin = ci->head_fin;
        s->bound = (uint8_t)ci->bound;
    }
    if (ci->flags & CH_LAST) {
        s->last_off = (uint8_t)ci->last_off;
        s->last_h = ci->last_h;
        s->last_fin = ci->last_fin;
    }
    memcpy(s->bytes, p + i, e - i);
}

/* The walk's state from one chunk to the next. */
typedef struct walk {
    int have_prev;   /* a word ended at last; only spaces since */
    span last;       /* that word's last ZWNJ-free segment */
    int last_whole;  /* that segment is the whole word */
    int last_first;  /* it may be a first part (CH_LAST_FIRST) */
    int last_rule;   /* CH_LAST_RULE */
    uint32_t last_h; /* its hash state */
    uint32_t last_fin; /* and final hash */
} walk;

/* The space before the chunk at byte i (CH_* flags), whose first word's
 * first piece is head_n bytes (final hash head_fin, bound_kind() bound):
 * joins it to the word before when join_pair() says so, putting the edit
 * at pl->e[mark] (before the chunk's own edits). */
static inline void space_before(const walk *wk, plan *pl, size_t mark, const char *p, size_t i,
                                unsigned flags, size_t head_n, uint32_t head_fin, unsigned bound)
{
    if (!wk->have_prev || wk->last.p + wk->last.n + 1 != p + i)
        return;
    int rules = wk->last_whole && (wk->last_rule || (flags & CH_HEAD_RULE));
    int parts = wk->last_first && (flags & CH_HEAD_SECOND);
    if (!rules && !parts && !(bound != BOUND_NONE && wk->last_whole))
        return; /* what join_pair() would say: most spaces stop here */
    span b = { p + i, head_n };
    if (!join_pair(wk->last, b, wk->last_whole, wk->last_h, wk->last_fin, head_fin, bound,
                   rules, parts))
        return;
    memmove(pl->e + mark + 1, pl->e + mark, (pl->n - mark) * sizeof *pl->e);
    pl->e[mark].pos = i - 1;
    pl->e[mark].op = rasad__zw_last_joins(wk->last.p, wk->last.n) ? RASAD__ZW_SPACE_TO_ZWNJ
                                                                   : RASAD__ZW_SPACE_DROP;
    pl->n++;
}

/* «گوشهای از», «نامهای که»: before از or که, a joined ه + ای the word's
 * own plan read as the plural (گوش‌های) is the indefinite (گوشه‌ای), since
 * a plural takes هایی there. The word before the space is wk->last; its
 * plural edit, an insert before its last six bytes (های), is the last one
 * before mark and moves two bytes on. */
static inline void indefinite_before(const walk *wk, plan *pl, size_t mark, const char *p,
                                     size_t i, size_t head_n)
{
    static const char az[] = "\xD8\xA7\xD8\xB2", ke[] = "\xDA\xA9\xD9\x87";
    static const char hay[] = "\xD9\x87\xD8\xA7\xDB\x8C";    /* های */
    if (!wk->have_prev || wk->last.p + wk->last.n + 1 != p + i || head_n != 4 || mark == 0 ||
        (memcmp(p + i, az, 4) != 0 && memcmp(p + i, ke, 4) != 0) || wk->last.n < 12 ||
        memcmp(wk->last.p + wk->last.n - 6, hay, 6) != 0)
        return;
    size_t end = (size_t)(wk->last.p + wk->last.n - p);
    rasad__zwnj_edit *e = &pl->e[mark - 1];
    if (e->op != RASAD__ZW_INSERT || e->pos != end - 6 ||
        !rasad__lex_contains(wk->last.p, wk->last.n - 4))   /* the ه noun: گوشه */
        return;
    e->pos = end - 4;
}

/* After the chunk p[i..e): its last word, if it ends the chunk (flags has
 * CH_LAST), is the one before the next space. */
static inline void chunk_done(walk *wk, const char *p, size_t i, size_t e, unsigned flags,
                              size_t last_off, uint32_t last_h, uint32_t last_fin)
{
    wk->have_prev = (flags & CH_LAST) != 0;
    wk->last.p = p + i + last_off;
    wk->last.n = e - i - last_off;
    wk->last_whole = (flags & CH_LAST_WHOLE) != 0;
    wk->last_first = (flags & CH_LAST_FIRST) != 0;
    wk->last_rule = (flags & CH_LAST_RULE) != 0;
    wk->last_h = last_h;
    wk->last_fin = last_fin;
}

size_t rasad__zwnj_plan_cached(rasad__zwnj_cache *c, const char *p, size_t n,
                               rasad__zwnj_edit *edits)
{
    plan pl = { edits, 0 };
    size_t i = 0;
    walk wk = { 0, { NULL, 0 }, 0, 0, 0, 0, 0 };
    while (i < n) {
        if ((unsigned char)p[i] < 0x80) {
            if (p[i] != ' ')
                wk.have_prev = 0; /* a space keeps it: the pair test needs it */
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
            if (s->flags & CH_FIRST) {
                indefinite_before(&wk, &pl, mark, p, i, s->head_n);
                space_before(&wk, &pl, mark, p, i, s->flags, s->head_n, s->head_fin, s->bound);
            }
            for (unsigned k = 0; k < s->nedits; k++)
                add(&pl, i + s->pos[k], s->op[k]);
            chunk_done(&wk, p, i, e, s->flags, s->last_off, s->last_h, s->last_fin);
        } else {
            chunk_info ci;
            plan_chunk(&pl, p, i, e, &ci);
            if (s)
                chunk_store(s, &pl, mark, p, i, e, &ci);
            if (ci.flags & CH_FIRST) {
                indefinite_before(&wk, &pl, mark, p, i, ci.head_n);
                space_before(&wk, &pl, mark, p, i, ci.flags, ci.head_n, ci.head_fin, ci.bound);
            }
            chunk_done(&wk, p, i, e, ci.flags, ci.last_off, ci.last_h, ci.last_fin);
        }
        i = e;
    }
    return pl.n;
}

size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits)
{
    return rasad__zwnj_plan_cached(NULL, p, n, edits);
}
