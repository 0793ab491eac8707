/* zwnj.c - plans where ZWNJ (U+200C) belongs, whether the ZWNJ was lost
 * (letters joined) or typed as a space: walks the words, asks the word rules
 * (zwnj_rules.c) and the compound tables (lexicon.c), and writes the edits.
 *
 * The rules and the reasons for each are in docs/zwnj.md. Everything here is
 * pure: the tables are const, nothing is allocated, and the only state is on
 * the stack. */
#include "zwnj.h"

#include <stdint.h>
#include <string.h>

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

/* Is b a bound second part after the word a (three letters or more, in
 * the lexicon), or ماه after a month whose name joins it (دی‌ماه)? */
static int bound_pair(span a, span b)
{
    const rasad__zw_affix *m = &rasad__zw_month_suffix[0];
    if (b.n == m->n && memcmp(b.p, m->s, m->n) == 0) { /* دی ماه */
        for (size_t k = 0; k < sizeof rasad__zw_month / sizeof rasad__zw_month[0]; k++)
            if (a.n == rasad__zw_month[k].n && memcmp(a.p, rasad__zw_month[k].s, a.n) == 0)
                return 1;
        return 0;
    }
    for (size_t k = 0; k < sizeof pair_bound / sizeof pair_bound[0]; k++)
        if (b.n == pair_bound[k].n && memcmp(b.p, pair_bound[k].s, b.n) == 0)
            return a.n >= 6 && rasad__lex_contains(a.p, a.n);
    return 0;
}

/* Should the space between words a and b (their last and first ZWNJ-free
 * segments) become a ZWNJ or go? ha is a's hash state, fa and fb the final
 * hashes of a and b. */
static int join_pair(span a, span b, int a_whole, uint32_t ha, uint32_t fa, uint32_t fb)
{
    int r = rasad__zw_pair_rule_may(a, b, a_whole) ? rasad__zw_pair_rule(a, b, a_whole) : -1;
    if (r >= 0)
        return r;
    if (b.n >= 6 && a_whole && bound_pair(a, b))
        return 1;
    if (!rasad__zw_pair_may(fa, fb))
        return 0;
    rasad__zw_hit hit;
    if (!rasad__zw_find(rasad__lex_hash_more(ha, b.p, b.n), a.p, a.n, b.p, b.n, &hit))
        return 0;
    return (hit.flags & RASAD__ZW_PAIR) && hit.n == a.n + 3 + b.n &&
           memcmp(hit.w + a.n, ZW, 3) == 0;
}

/* Is there a ZWNJ and then a letter at byte i (before n)? */
static int zwnj_then_letter(const char *p, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)p + i;
    return i + 4 < n && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x8c &&
           rasad__zw_letter_at(p + i + 3);
}

size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits)
{
    plan pl = { edits, 0 };
    size_t i = 0;
    span last = { NULL, 0 }; /* last segment of the word before, when only a space sits between */
    int last_whole = 0;      /* that segment is the whole word */
    uint32_t last_h = 0;     /* its hash state */
    uint32_t last_fin = 0;   /* and final hash */
    hashes hs;
    while (i < n) {
        if (p[i] == ' ') {
            i++; /* a space keeps last: the pair test needs it */
            continue;
        }
        if (!(i + 1 < n && rasad__zw_letter_at(p + i))) {
            if (p[i] != ' ')
                last.p = NULL;
            i++;
            continue;
        }
        size_t z = scan_segment(p, i, n, &hs);
        span head = hs.t;
        uint32_t head_fin = hs.fin;
        int pair = last.p && last.p + last.n + 1 == p + i;
        span prev = last;
        int prev_whole = last_whole;
        uint32_t prev_h = last_h, prev_fin = last_fin;
        /* inserts inside each ZWNJ-free segment of the word */
        size_t mark = pl.n;
        size_t s = i;
        for (;;) {
            if (hs.t.n >= 6 && !untouched(hs.t, s == i, &hs, hs.fin))
                plan_rules(&pl, hs.t, s, s == i, &hs, hs.full, hs.fin);
            last = hs.t;
            last_h = hs.full;
            last_fin = hs.fin;
            if (!zwnj_then_letter(p, n, z))
                break;
            s = z + 3;
            z = scan_segment(p, s, n, &hs);
        }
        last_whole = s == i;
        /* the space before: judged on the first piece of this word as it
         * will be once its own ZWNJs are in (می روی‌ها), so that planning
         * the output again changes nothing */
        if (pair) {
            if (pl.n > mark && pl.e[mark].pos < (size_t)(head.p + head.n - p)) {
                head.n = pl.e[mark].pos - i;
                head_fin = rasad__lex_hash_final(hash_of(head));
            }
            if (join_pair(prev, head, prev_whole, prev_h, prev_fin, head_fin)) {
                memmove(pl.e + mark + 1, pl.e + mark, (pl.n - mark) * sizeof *pl.e);
                pl.e[mark].pos = i - 1;
                pl.e[mark].op = rasad__zw_last_joins(prev.p, prev.n)
                                    ? RASAD__ZW_SPACE_TO_ZWNJ
                                    : RASAD__ZW_SPACE_DROP;
                pl.n++;
            }
        }
        i = z;
    }
    return pl.n;
}
