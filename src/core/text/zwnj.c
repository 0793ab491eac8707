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

/* Suffixes that take no ZWNJ but hide a compound from the tables
 * (اصلاح‌طلبان, صاحب‌نظرانی). */
static const struct {
    const char *s; /* UTF-8 */
    size_t n;      /* bytes */
} plain_suffix[] = {
    { "یان", 6 }, { "انی", 6 }, { "ان", 4 }, { "ی", 2 },
};

/* Plans the inserts inside stem s (a compound the tables may know, or a
 * productive one). whole says s is the whole segment, already looked up.
 * Returns the offset of the last ZWNJ inserted, or 0. */
static size_t plan_compound(plan *pl, span s, size_t base, int whole)
{
    if (s.n < 6)
        return 0;
    rasad__zw_hit hit;
    if (!whole && rasad__zw_find(hash_of(s), s.p, s.n, NULL, 0, &hit)) {
        if (!(hit.flags & RASAD__ZW_SPLIT))
            return 0;
        insert_like(pl, s, base, hit.w, hit.n);
        return last_piece(s, hit.w, hit.n);
    }
    for (size_t i = 0; i < sizeof plain_suffix / sizeof plain_suffix[0]; i++) {
        size_t k = plain_suffix[i].n;
        if (s.n < k + 6 || memcmp(s.p + s.n - k, plain_suffix[i].s, k) != 0)
            continue;
        span x = { s.p, s.n - k };
        if (rasad__zw_find(hash_of(x), x.p, x.n, NULL, 0, &hit) &&
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
static void plan_segment(plan *pl, span t, size_t base, int first)
{
    if (t.n < 6)
        return;
    unsigned layers = rasad__zw_tail_layers(t);
    if ((layers & RASAD__ZW_L_KEEP) && rasad__zw_keep_joined(t))
        return;
    rasad__zw_hit hit;
    int found = rasad__zw_find(hash_of(t), t.p, t.n, NULL, 0, &hit);
    if (found && (hit.flags & RASAD__ZW_SPLIT)) {
        insert_like(pl, t, base, hit.w, hit.n);
        size_t at = last_piece(t, hit.w, hit.n);
        if (at) {
            span tail = { t.p + at, t.n - at };
            plan_segment(pl, tail, base + at, 0);
        }
        return;
    }
    size_t pre = first ? rasad__zw_verb_prefix(t) : 0;
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
            plan_segment(pl, stem, base + pre, first && !pre);
            add(pl, base + pre + x, RASAD__ZW_INSERT);
            return;
        }
        if (r == 2)
            rest.n = x; /* the stem does not join: no ZWNJ, one segment */
    }
    if (pre)
        add(pl, base + pre, RASAD__ZW_INSERT);
    else if (!(found && rest.n == t.n)) {
        size_t at = plan_compound(pl, rest, base, rest.n == t.n);
        if (at) {
            /* the last piece with the suffix that took no ZWNJ */
            span tail = { t.p + at, t.n - at };
            plan_segment(pl, tail, base + at, 0);
        }
    }
}

/* Should the space between words a and b (their last and first ZWNJ-free
 * segments) become a ZWNJ or go? ha is the hash state of a. */
static int join_pair(span a, span b, int a_whole, uint32_t ha)
{
    int r = rasad__zw_pair_rule(a, b, a_whole);
    if (r >= 0)
        return r;
    rasad__zw_hit hit;
    if (!rasad__zw_find(rasad__lex_hash_more(ha, b.p, b.n), a.p, a.n, b.p, b.n, &hit))
        return 0;
    return (hit.flags & RASAD__ZW_PAIR) && hit.n == a.n + 3 + b.n &&
           memcmp(hit.w + a.n, ZW, 3) == 0;
}

/* End of the word (letters and inner ZWNJs) that starts at i. */
static size_t word_end(const char *p, size_t n, size_t i)
{
    while (i < n) {
        if (i + 1 < n && rasad__zw_is_letter(rasad__zw_cp2(p + i)))
            i += 2;
        else if (i + 4 < n && memcmp(p + i, ZW, 3) == 0 &&
                 rasad__zw_is_letter(rasad__zw_cp2(p + i + 3)))
            i += 3;
        else
            break;
    }
    return i;
}

/* End of the ZWNJ-free segment that starts at s, before e. */
static size_t segment_end(const char *p, size_t s, size_t e)
{
    while (s < e && (unsigned char)p[s] != 0xe2)
        s += 2;
    return s;
}

size_t rasad__zwnj_plan(const char *p, size_t n, rasad__zwnj_edit *edits)
{
    plan pl = { edits, 0 };
    size_t i = 0;
    span last = { NULL, 0 }; /* last segment of the word before, when only a space sits between */
    int last_whole = 0;      /* that segment is the whole word */
    while (i < n) {
        size_t e = word_end(p, n, i);
        if (e == i) {
            if (p[i] != ' ')
                last.p = NULL;
            i++;
            continue;
        }
        size_t z = segment_end(p, i, e);
        span head = { p + i, z - i };
        int pair = last.p && last.p + last.n + 1 == p + i;
        span prev = last;
        int prev_whole = last_whole;
        /* inserts inside each ZWNJ-free segment of the word */
        size_t mark = pl.n;
        size_t s = i;
        while (s < e) {
            z = segment_end(p, s, e);
            span t = { p + s, z - s };
            plan_segment(&pl, t, s, s == i);
            last = t;
            last_whole = s == i && z == e;
            s = z + 3;
        }
        /* the space before: judged on the first piece of this word as it
         * will be once its own ZWNJs are in (می روی‌ها), so that planning
         * the output again changes nothing */
        if (pair) {
            if (pl.n > mark && pl.e[mark].pos < (size_t)(head.p + head.n - p))
                head.n = pl.e[mark].pos - i;
            if (join_pair(prev, head, prev_whole, hash_of(prev))) {
                memmove(pl.e + mark + 1, pl.e + mark, (pl.n - mark) * sizeof *pl.e);
                pl.e[mark].pos = i - 1;
                pl.e[mark].op = rasad__zw_last_joins(prev.p, prev.n)
                                    ? RASAD__ZW_SPACE_TO_ZWNJ
                                    : RASAD__ZW_SPACE_DROP;
                pl.n++;
            }
        }
        i = e;
    }
    return pl.n;
}
