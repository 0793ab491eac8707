/* roles.c - who is the subject: entities after prepositions, titles and
 * roles around a name (سردار ... وزیر دفاع ایران), the sentence's subject,
 * and the person a pronoun (وی، او، ایشان) refers to. */
#include <string.h>
#include "rasad/ner.h"
#include "rasad/number.h"
#include "events_internal.h"

#define ROLE_WORDS 6   /* words a role phrase may run after its office word */
#define RESOLVE_BACK 256 /* entities looked back at for the last person named */

int rasad__ev_in(const ev_doc *d, size_t t, const ev_word *list, size_t n)
{
    size_t m;
    return rasad__ev_longest(d, t, t + 1, list, sizeof *list, n, &m) >= 0;
}

/* Tokens of a title at t (سردار، حجت الاسلام), 0 when none; below lim. */
static size_t title_at(const ev_doc *d, size_t t, size_t lim)
{
    size_t m;
    rasad__ev_longest(d, t, lim, rasad__ev_titles, sizeof *rasad__ev_titles, rasad__ev_ntitles, &m);
    return m;
}

static size_t role_at(const ev_doc *d, size_t t, size_t lim)
{
    size_t m;
    rasad__ev_longest(d, t, lim, rasad__ev_roles, sizeof *rasad__ev_roles, rasad__ev_nroles, &m);
    return m;
}

/* Titles written right before token t, down to lo: the first title's token. */
static size_t titles_before(const ev_doc *d, size_t t, size_t lo)
{
    while (t > lo && !(d->tok[t].gap & (EV_G_HARD | EV_G_COMMA | EV_G_PAREN))) {
        size_t u = t - 1, m = 0;
        for (size_t back = 1; back <= 3 && back <= t - lo; back++)
            if (title_at(d, t - back, t) == back) {
                u = t - back;
                m = back;
            }
        if (!m)
            break;
        t = u;
    }
    return t;
}

size_t rasad__ev_relation(const ev_doc *d, size_t e, size_t lo)
{
    size_t t = titles_before(d, d->ent[e].t0, lo), m;
    if (d->ent[e].type != RASAD_NER_PER || t <= lo || d->tok[t].gap & (EV_G_HARD | EV_G_COMMA))
        return SIZE_MAX;
    for (size_t k = 2; k >= 1; k--)            /* «فرستاده ویژه پوتین», «نماینده پوتین» */
        if (k <= t - lo && !(k == 2 && d->tok[t - 1].gap & (EV_G_HARD | EV_G_COMMA)) &&
            rasad__ev_longest(d, t - k, t, rasad__ev_relational, sizeof *rasad__ev_relational,
                              rasad__ev_nrelational, &m) >= 0 && m == k)
            return t - k;
    return SIZE_MAX;
}

int rasad__ev_after_prep(const ev_doc *d, size_t e, size_t lo)
{
    size_t t = titles_before(d, d->ent[e].t0, lo);
    if (t <= lo || d->tok[t].gap & (EV_G_HARD | EV_G_COMMA))
        return 0;
    return rasad__ev_in(d, t - 1, rasad__ev_preps, rasad__ev_npreps) ||
           rasad__ev_relation(d, e, lo) != SIZE_MAX;
}

size_t rasad__ev_role_end(const ev_doc *d, size_t t, size_t hi)
{
    size_t u = t + role_at(d, t, hi);
    return u == t ? t : rasad__ev_phrase_end(d, u, hi);
}

size_t rasad__ev_phrase_end(const ev_doc *d, size_t u, size_t hi)
{
    size_t words = 0;
    while (u < hi && words < ROLE_WORDS) {
        const ev_tok *k = &d->tok[u];
        if (k->gap & (EV_G_HARD | EV_G_COMMA | EV_G_PAREN | EV_G_DASH))
            break;
        if (k->ent >= 0 && d->ent[k->ent].type == RASAD_NER_PER)
            break;
        if (title_at(d, u, hi) || rasad__ev_in(d, u, rasad__ev_role_stops, rasad__ev_nrole_stops))
            break;
        u++;
        words++;
    }
    return u;
}

/* The role phrases written beside entity e inside [lo, hi): before the
 * name (وزیر دفاع روسیه سرگئی شویگو) in [*b0, *b1), *b1 being where the
 * titles before the name start; after it (دهقان، وزیر دفاع ایران) in
 * [*a0, *a1); empty ranges when none. */
static void roles_of(const ev_doc *d, size_t e, size_t lo, size_t hi, size_t *b0, size_t *b1,
                     size_t *a0, size_t *a1)
{
    const ev_ent *en = &d->ent[e];
    size_t s = titles_before(d, en->t0, lo), f = en->t1;
    *b0 = *b1 = *a0 = *a1 = 0;
    for (size_t back = 1; back <= ROLE_WORDS + 2 && back <= s - lo; back++) {
        size_t r = s - back;
        if (d->tok[r + 1].gap & (EV_G_HARD | EV_G_COMMA | EV_G_PAREN))
            break;
        if (role_at(d, r, s) && rasad__ev_role_end(d, r, s) == s) {
            *b0 = r;
            *b1 = s;
            break;
        }
    }
    if (f < hi && !(d->tok[f].gap & (EV_G_HARD | EV_G_PAREN)) && role_at(d, f, hi)) {
        *a0 = f;
        *a1 = rasad__ev_role_end(d, f, hi);
    }
}

void rasad__ev_desc(const ev_doc *d, size_t e, size_t lo, size_t hi, size_t *start, size_t *end)
{
    const ev_ent *en = &d->ent[e];
    size_t b0, b1, a0, a1;
    roles_of(d, e, lo, hi, &b0, &b1, &a0, &a1);
    size_t s = titles_before(d, b1 > b0 ? b0 : en->t0, lo), f = a1 > a0 ? a1 : en->t1;
    if (s == en->t0 && f == en->t1) {
        *start = *end = en->start;
        return;
    }
    *start = d->tok[s].start < en->start ? d->tok[s].start : en->start;
    *end = d->tok[f - 1].end > en->end ? d->tok[f - 1].end : en->end;
}

/* 1 when tokens [a, a + n) and [b, b + n) have the same keys. */
static int same_keys(const ev_doc *d, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ev_tok *x = &d->tok[a + k], *y = &d->tok[b + k];
        if (x->nkey != y->nkey || memcmp(d->keys + x->key, d->keys + y->key, x->nkey) != 0)
            return 0;
    }
    return 1;
}

int rasad__ev_same_name(const ev_doc *d, size_t x, size_t y)
{
    const ev_ent *a = &d->ent[x], *b = &d->ent[y];
    size_t na = a->t1 - a->t0, nb = b->t1 - b->t0, m = na < nb ? na : nb;
    return m > 0 && same_keys(d, a->t1 - m, b->t1 - m, m);
}

int rasad__ev_role_person(const ev_doc *d, size_t r0, size_t r1, size_t before)
{
    size_t n = r1 - r0;
    int exact = -1, prefix = -1, prefixes = 0, focus = -1;
    if (n < 2 || rasad__ev_in(d, r0, rasad__ev_vague_offices, rasad__ev_nvague_offices))
        return -1;                              /* «نماینده» alone names no one */
    for (size_t i = 0; i < d->nent && d->ent[i].t1 <= before; i++) {
        if (d->ent[i].type != RASAD_NER_PER || d->ent[i].t0 == d->ent[i].t1)
            continue;
        size_t rb[2][2];
        roles_of(d, i, 0, d->ntok, &rb[0][0], &rb[0][1], &rb[1][0], &rb[1][1]);
        for (int k = 0; k < 2; k++) {
            size_t m = rb[k][1] - rb[k][0];
            if (m == n && same_keys(d, rb[k][0], r0, n)) {
                exact = (int)i;                 /* the latest one written so */
            } else if (m > n && same_keys(d, rb[k][0], r0, n)) {
                if (prefix < 0 || !rasad__ev_same_name(d, (size_t)prefix, i))
                    prefixes++;
                prefix = (int)i;                /* وزیر دفاع of وزیر دفاع روسیه */
                if (d->salient >= 0 && rasad__ev_same_name(d, (size_t)d->salient, i))
                    focus = (int)i;
            }
        }
    }
    if (exact >= 0)
        return exact;
    if (prefixes > 1 && focus >= 0)
        return focus;                           /* two ministers of defence: the one in focus */
    return prefixes == 1 ? prefix : -1;
}

int rasad__ev_office_holder(const ev_doc *d, size_t r0, size_t r1, size_t lo, size_t hi)
{
    for (size_t u = r1; u < hi && u < r1 + 4; u++) {   /* «فرستاده ویژه آقای X»: X's envoy */
        if (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA))
            break;
        if (d->tok[u].ent >= 0 && d->ent[d->tok[u].ent].type == RASAD_NER_PER)
            return -1;
    }
    if (r0 > lo && !(d->tok[r0].gap & (EV_G_HARD | EV_G_PAREN))) {
        int e = d->tok[r0 - 1].ent;             /* «X، وزیر دفاع»: X's own role */
        if (e >= 0 && d->ent[e].type == RASAD_NER_PER)
            return -1;
        if (!(d->tok[r0].gap & EV_G_COMMA) &&   /* «حامیان نماینده Y»: not Y who acts */
            (rasad__ev_in(d, r0 - 1, rasad__ev_relational, rasad__ev_nrelational) ||
             rasad__ev_in(d, r0 - 1, rasad__ev_vague_offices, rasad__ev_nvague_offices)))
            return -1;
    }
    return rasad__ev_role_person(d, r0, r1, r0);
}

int rasad__ev_subject(const ev_doc *d, size_t t0, size_t t1)
{
    for (size_t t = t0; t < t1 && t < d->ntok; t++) {
        int e = d->tok[t].ent;
        if (d->tok[t].depth > 0 || e < 0 || d->ent[e].t0 != t || d->ent[e].type != RASAD_NER_PER)
            continue;
        if (!rasad__ev_after_prep(d, (size_t)e, t0))
            return e;
    }
    return -1;
}

int rasad__ev_resolve(const ev_doc *d, size_t t, size_t sent_t0, int *fallback)
{
    *fallback = 0;
    int e = rasad__ev_subject(d, sent_t0, t);
    if (e >= 0)
        return e;
    if (d->salient >= 0 && d->ent[d->salient].t1 <= t)
        return d->salient;
    size_t lo = 0, hi = d->nent;             /* the entities ending by t */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ent[mid].t1 <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo, k = 0; i-- > 0 && k < RESOLVE_BACK; k++)   /* the last person named */
        if (d->ent[i].type == RASAD_NER_PER && d->ent[i].t0 < d->ent[i].t1) {
            *fallback = 1;
            return (int)i;
        }
    return -1;
}

int64_t rasad__ev_ordinal(const ev_doc *d, size_t t)
{
    rasad_number num;
    if (t >= d->ntok)
        return 0;
    size_t s = d->tok[t].start;
    if (rasad_number_parse(d->p + s, d->n - s, 0, &num) != RASAD_OK ||
        !(num.flags & RASAD_NUM_ORDINAL) || num.scale != 0)
        return 0;
    return num.mant;
}

size_t rasad__ev_clause(const ev_doc *d, size_t t0, size_t t, size_t max)
{
    size_t w = t;
    while (w > t0 && t - w < max && !(d->tok[w].gap & (EV_G_HARD & ~EV_G_STOP)))
        w--;
    size_t m;
    if (rasad__ev_longest(d, w, t, rasad__ev_sources, sizeof *rasad__ev_sources,
                          rasad__ev_nsources, &m) >= 0)
        for (size_t u = w + m; u < t; u++)
            if (d->tok[u].gap & EV_G_COMMA)
                return u;
    return w;
}
