/* deals.c - agreements signed and visits, in one sentence.
 *
 * Agreement: a document noun (تفاهم‌نامه، قرارداد، توافق‌نامه، سند همکاری
 * ...) in a sentence that also has a signing word (امضا، امضای، به امضا
 * رسید); the parties are the names after «میان» or «بین» (X و Y), else
 * the subject of the clause and the names after «با». One per sentence.
 *
 * Visit: «سفر X به Y», «X در سفر به Y», «X به Y سفر کرد», «X وارد Y شد»,
 * «X عازم Y شد»: the visitor is the subject, the destination Y a place
 * entity (required), which is also the event's place. */
#include "rasad/ner.h"
#include "events_internal.h"
#include "scene.h"

#define CLAUSE 40
#define REACH 10   /* tokens between a visit word and its destination */

static const ev_word between[] = { { "میان" }, { "بین" } };
static const ev_word with[] = { { "با" } };
static const ev_word to[] = { { "به" } };
static const ev_word self[] = { { "خود" }, { "خویش" } };
static const ev_word opens[] = { { "در" }, { "طی" }, { "از" }, { "پس از" } };

/* Tokens [a, z): up to a comma or stronger mark, at most max. */
static size_t phrase_end(const ev_doc *d, size_t a, size_t hi, size_t max)
{
    size_t z = a;
    while (z < hi && z - a < max && !(z > a && (d->tok[z].gap & (EV_G_COMMA | EV_G_HARD))))
        z++;
    return z;
}

/* Every PER, ORG and LOC of [lo, hi) not after a preposition (other than
 * the «و» between parties). */
static size_t parties(const ev_doc *d, size_t lo, size_t hi, int side, ev_party *out, size_t max)
{
    size_t n = 0;
    for (size_t u = lo; u < hi && n < max; u++) {
        int e = d->tok[u].ent;
        if (e < 0 || d->ent[e].t0 != u || d->tok[u].depth > 0)
            continue;
        int ty = d->ent[e].type;
        if ((ty == RASAD_NER_PER || ty == RASAD_NER_ORG || ty == RASAD_NER_LOC) &&
            !rasad__ev_after_prep(d, (size_t)e, lo))
            out[n++] = ev_named(e, side);
    }
    return n;
}

int rasad__ev_agreement(ev_doc *d, size_t s, size_t t, size_t n1)
{
    const ev_sent *se = &d->sent[s];
    size_t sign = SIZE_MAX, m = 0, sm = 0;
    for (size_t u = se->t0; u < se->t1 && sign == SIZE_MAX; u++)
        if (rasad__ev_longest(d, u, se->t1, rasad__ev_signs, sizeof *rasad__ev_signs,
                              rasad__ev_nsigns, &m) >= 0) {
            sign = u;
            sm = m;
        }
    if (sign == SIZE_MAX)
        return 0;
    size_t lead = sign < t ? sign : t;          /* «ضرورت امضای پروتکل»: not signed */
    if (lead > se->t0 && !(d->tok[lead].gap & (EV_G_HARD | EV_G_COMMA)) &&
        rasad__ev_in(d, lead - 1, rasad__ev_intents, rasad__ev_nintents))
        return 0;
    ev_party p[2 * RASAD_EVENTS_MAX_PARTS];
    size_t np = 0;
    for (size_t u = se->t0; u < se->t1 && np == 0; u++)
        if (d->tok[u].ent < 0 && rasad__ev_in(d, u, between, EV_COUNT(between)))
            np = parties(d, u + 1, phrase_end(d, u + 1, se->t1, 16), RASAD_SIDE_SUBJECT, p,
                         2 * RASAD_EVENTS_MAX_PARTS);
    if (np == 0) {
        size_t first = sign < t ? sign : t;
        size_t cs = rasad__ev_clause(d, se->t0, first, CLAUSE), b = first;
        for (size_t u = first; u-- > cs;)
            if (d->tok[u].ent < 0 && rasad__ev_in(d, u, with, 1)) {
                b = u;
                break;
            }
        np = ev_side(d, cs, b, RASAD_SIDE_SUBJECT, 1, p, RASAD_EVENTS_MAX_PARTS);
        if (b < first)
            np += ev_side(d, b + 1, first, RASAD_SIDE_WITH, 0, p + np, RASAD_EVENTS_MAX_PARTS);
    }
    if (np == 0)
        return 0;
    size_t a = t, z = n1;                      /* «امضای تفاهم‌نامه»: both words */
    if (sign + sm == t)
        a = sign;
    else if (n1 == sign)
        z = sign + sm;
    ev_emit(d, s, RASAD_EVENT_AGREEMENT, 0, a, z, p, np, ev_place(d, se->t0, se->t1, p, np));
    return 1;
}

/* The first LOC right after «به» in [a, hi), at most REACH tokens on; its
 * «به» token in *at. -1 when none. */
static int destination(const ev_doc *d, size_t a, size_t hi, size_t *at)
{
    for (size_t u = a; u + 1 < hi && u - a < REACH; u++) {
        if (u > a && (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)))
            break;
        int e = d->tok[u + 1].ent;
        if (rasad__ev_in(d, u, to, 1) && e >= 0 && d->ent[e].t0 == u + 1 &&
            d->ent[e].type == RASAD_NER_LOC) {
            *at = u;
            return e;
        }
    }
    return -1;
}

/* Words after «وارد» that make «وارد … شد» no visit: a goal, a stage, a
 * market, a field of work; and territory, waters and airspace, which
 * troops, fleets and storms enter («وارد خاک عراق شدند», «وارد آب‌های
 * اقیانوس اطلس شد», «وارد خلیج فارس شد»). */
static const ev_word not_entered[] = {
    { "دروازه" }, { "دروازه ی" }, { "تور" }, { "مرحله" }, { "مرحله ی" }, { "فاز" },
    { "بازار" }, { "چرخه" }, { "عرصه" }, { "جرگه" }, { "لیگ" }, { "فهرست" }, { "لیست" },
    { "بدن" }, { "ذهن" }, { "حساب" }, { "شبکه" }, { "مذاکره" }, { "مذاکرات" },
    { "خاک" }, { "مرز" }, { "مرزهای" }, { "حریم" }, { "آب های" }, { "آب ها" }, { "اقیانوس" },
    { "خلیج" }, { "دریای" }, { "تنگه" }, { "آسمان" }, { "فضای" }, { "حوزه" } };

size_t rasad__ev_visit(ev_doc *d, size_t s, size_t t, size_t n1)
{
    const ev_sent *se = &d->sent[s];
    ev_party p[RASAD_EVENTS_MAX_PARTS];
    size_t np = 0, m, at = 0, end = n1;
    int dest = -1;
    unsigned flags = 0;
    size_t cs = rasad__ev_clause(d, se->t0, t, CLAUSE);
    if (!rasad__ev_is(d, t, "سفر") && !rasad__ev_is(d, t, "سفرهای")) {
        /* «X وارد Y شد», «X عازم Y شد»; not «وارد دروازه تیم ایران شد» (a
         * goal), «وارد مرحله/بازار … شد» */
        if (n1 < se->t1 && rasad__ev_in(d, n1, not_entered, EV_COUNT(not_entered)))
            return n1;
        for (size_t u = n1; u < se->t1 && u - n1 < 6 && dest < 0; u++) {
            int e = d->tok[u].ent;
            if (e >= 0 && d->ent[e].t0 == u && d->ent[e].type == RASAD_NER_LOC &&
                d->ent[e].t1 < se->t1 &&
                rasad__ev_longest(d, d->ent[e].t1, se->t1, rasad__ev_arrive_verbs,
                                  sizeof *rasad__ev_arrive_verbs, rasad__ev_narrive_verbs, &m) >= 0) {
                dest = e;
                end = d->ent[e].t1 + m;
            }
        }
        if (dest < 0)
            return n1;
        np = ev_side(d, cs, t, RASAD_SIDE_SUBJECT, 1, p, RASAD_EVENTS_MAX_PARTS);
    } else if (n1 < se->t1 && rasad__ev_longest(d, n1, se->t1, rasad__ev_light, sizeof *rasad__ev_light,
                                                rasad__ev_nlight, &m) >= 0) {
        end = n1 + m;                          /* «X به Y سفر کرد» */
        for (size_t u = cs; u < t; u++)
            if ((dest = destination(d, u, t, &at)) >= 0)
                break;
        if (dest < 0)
            return end;
        np = ev_side(d, cs, at, RASAD_SIDE_SUBJECT, 1, p, RASAD_EVENTS_MAX_PARTS);
    } else {
        flags |= RASAD_EVENT_NOMINAL;          /* «سفر X به Y», «X در سفر (خود) به Y» */
        if (t > cs && rasad__ev_in(d, t - 1, rasad__ev_demonstratives, rasad__ev_ndemonstratives))
            return n1;
        dest = destination(d, n1, se->t1, &at);
        if (dest < 0)
            return n1;
        size_t a = n1;
        while (a < at && rasad__ev_in(d, a, self, EV_COUNT(self)))
            a++;
        if (a < at)
            np = ev_side(d, a, at, RASAD_SIDE_SUBJECT, 0, p, RASAD_EVENTS_MAX_PARTS);
        size_t before = np == 0 ? t - rasad__ev_phrase_before(d, cs, t, opens, EV_COUNT(opens)) : t;
        if (np == 0 && before < t)
            np = ev_side(d, cs, before, RASAD_SIDE_SUBJECT, 1, p, RASAD_EVENTS_MAX_PARTS);
        end = at + 1 + (d->ent[dest].t1 - d->ent[dest].t0);
    }
    for (size_t i = 0; i < np;)               /* the destination is no visitor */
        if (p[i].ent == dest)
            p[i] = p[--np];
        else
            i++;
    if (np == 0)
        return end > n1 ? end : n1;
    ev_emit(d, s, RASAD_EVENT_VISIT, flags, t, (flags & RASAD_EVENT_NOMINAL) || end <= t ? n1 : end,
            p, np, dest);
    return end > n1 ? end : n1;
}
