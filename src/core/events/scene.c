/* scene.c - what every event needs from its sentence: the «در ...» phrases
 * (zones: where and on what occasion; entities in them are not
 * participants), the participants of one side, the place, the occasion
 * and its ordinal, the day; and adding an event to the result. */
#include <stdlib.h>
#include "rasad/ner.h"
#include "events_internal.h"
#include "scene.h"

#define ZONE_WORDS 14
#define OCC_REACH 40   /* tokens around the trigger an occasion may stand */
#define SAME_BACK 16   /* earlier events of the sentence compared for a repeat */
#define PLAN_BACK 12   /* tokens before an event a plan (قرار است) may stand */
#define NOT_BACK 8     /* tokens before an event a «نتوانست» may stand */
#define CP_WORDS 6     /* tokens a counterpart phrase runs to its «خود» */
#define NOT_AFTER 4    /* tokens after it a «نکرد», «امتناع» may stand */

static const ev_word zone_open[] = { { "در" }, { "طی" } };
static const ev_word host[] = { { "میزبانی" }, { "وارد" }, { "عازم" } };
static const ev_word to[] = { { "به" } };
static const ev_word trip[] = { { "سفر" } };
static const ev_word and[] = { { "و" } };
static const ev_word counterparts[] = { { "همتای" }, { "همتایان" } };
static const ev_word selves[] = { { "خود" }, { "خویش" }, { "خودش" } };

/* The counterpart phrase at token u («همتای روس خود», «همتایان پاکستانی،
 * افغان و هندی خود»): its end, through خود within CP_WORDS tokens, else
 * its next word; u when there is none. */
static size_t counterpart_end(const ev_doc *d, size_t u, size_t hi)
{
    if (d->tok[u].ent >= 0 || !rasad__ev_in(d, u, counterparts, EV_COUNT(counterparts)))
        return u;
    for (size_t z = u + 1; z < hi && z - u <= CP_WORDS; z++) {
        if (d->tok[z].gap & EV_G_HARD || (d->tok[z].ent >= 0 &&
                                          d->ent[d->tok[z].ent].type == RASAD_NER_PER))
            break;
        if (rasad__ev_in(d, z, selves, EV_COUNT(selves)))
            return z + 1;
    }
    return u + 1 < hi && !(d->tok[u + 1].gap & (EV_G_HARD | EV_G_COMMA)) &&
           d->tok[u + 1].ent < 0 ? u + 2 : u + 1;
}

/* The end of the «در ...» phrase whose «در» is token u. */
static size_t zone_end(const ev_doc *d, size_t u, size_t hi)
{
    size_t z = u + 1, m;
    while (z < hi && z - u < ZONE_WORDS) {
        const ev_tok *k = &d->tok[z];
        if (k->gap & (EV_G_COMMA | EV_G_HARD | EV_G_PAREN))
            break;
        if (z > u + 1) {
            if (rasad__ev_in(d, z, rasad__ev_zone_stops, rasad__ev_nzone_stops) ||
                rasad__ev_longest(d, z, hi, rasad__ev_light, sizeof *rasad__ev_light,
                                  rasad__ev_nlight, &m) >= 0)
                break;
            /* a meeting noun ends it when it is the verb's (در مسکو دیدار کرد) */
            if (rasad__ev_longest(d, z, hi, rasad__ev_meet_nouns, sizeof *rasad__ev_meet_nouns,
                                  rasad__ev_nmeet_nouns, &m) >= 0 && z + m < hi &&
                (rasad__ev_longest(d, z + m, hi, rasad__ev_light, sizeof *rasad__ev_light,
                                   rasad__ev_nlight, &m) >= 0 || rasad__ev_in(d, z + m, and, 1)))
                break;
            if (rasad__ev_in(d, z, to, 1) && !rasad__ev_in(d, z - 1, trip, 1))
                break;
            if (k->ent >= 0 && d->ent[k->ent].t0 == z && d->ent[k->ent].type == RASAD_NER_PER)
                break;
        }
        z++;
    }
    return z;
}

/* The place an office [r0, r1) names no holder of («استاندار اصفهان»,
 * «وزیر خارجه عراق»): its first LOC entity, or -1 (organisations are left
 * out: the tagger cuts them from the office, «وزیر امور خارجه»);
 * -1 too when a person stands right beside the office, whose role it is
 * («حسین دهقان وزیر دفاع ایران», «وزیر دفاع ایران حسین دهقان»). */
static int office_of(const ev_doc *d, size_t r0, size_t r1, size_t lo, size_t hi)
{
    if (rasad__ev_is(d, r0, "منابع") || rasad__ev_is(d, r0, "منبع"))
        return -1;                             /* «منابع مالی ایران»: money, not people */
    for (size_t k = 1; k <= 2 && k <= r0 - lo; k++) {   /* «حسین صادقی آخرین سفیر ایران» */
        /* quote marks may stand between («نهاد المشنوق» وزیر کشور لبنان) */
        if (d->tok[r0 - k + 1].gap & ((EV_G_HARD & ~(EV_G_QOPEN | EV_G_QCLOSE)) | EV_G_PAREN |
                                       (k > 1 ? EV_G_COMMA : 0)))
            break;
        int b = d->tok[r0 - k].ent;
        if (b >= 0 && d->ent[b].type == RASAD_NER_PER)
            return -1;
        if (b >= 0 || rasad__ev_is(d, r0 - k, "و") ||
            rasad__ev_in(d, r0 - k, rasad__ev_preps, rasad__ev_npreps))
            break;
    }
    for (size_t u = r1; u < hi && u < r1 + 4; u++) {
        if (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA))
            break;
        if (d->tok[u].ent >= 0 && d->ent[d->tok[u].ent].type == RASAD_NER_PER)
            return -1;
    }
    for (size_t k = r0 + 1; k < r1; k++) {
        int f = d->tok[k].ent;
        if (f >= 0 && d->ent[f].t0 == k && d->ent[f].type == RASAD_NER_LOC)
            return f;
    }
    return -1;
}

/* 1 when the entity at u is the source a report cites, «به نقل (از) X»,
 * «به گزارش X», also where a long clause was cut right before X (the
 * side then starts at X, and the preposition test cannot see «نقل»). */
static int cited_source(const ev_doc *d, size_t u)
{
    if (u < 2 || (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)))
        return 0;
    size_t p = rasad__ev_is(d, u - 1, "از") && u >= 3 ? u - 2 : u - 1;
    return (rasad__ev_is(d, p, "نقل") || rasad__ev_is(d, p, "گزارش")) && rasad__ev_is(d, p - 1, "به");
}

size_t ev_side(ev_doc *d, size_t lo, size_t hi, int side, int subject_pronoun, ev_party *out, size_t max)
{
    size_t n = 0, nloc = 0, zone = lo, cp0 = SIZE_MAX, cp1 = 0;
    ev_party locs[RASAD_EVENTS_MAX_PARTS];
    int any_role = 0;
    for (size_t u = lo; u < hi && u < d->ntok; u++) {
        if (u >= zone && rasad__ev_in(d, u, zone_open, EV_COUNT(zone_open))) {
            zone = zone_end(d, u, hi);
            continue;
        }
        if (u < zone)
            continue;
        size_t ce = counterpart_end(d, u, hi);
        if (ce > u && !(u > lo && !(d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)) &&
                        rasad__ev_in(d, u - 1, rasad__ev_preps, rasad__ev_npreps))) {
            if (cp0 == SIZE_MAX) {             /* «با همتای روس خود»: kept for later */
                cp0 = u;
                cp1 = ce;
            }
            u = ce - 1;
            continue;
        }
        size_t rend = rasad__ev_role_end(d, u, hi);
        int e = d->tok[u].ent;
        if (rend > u) {
            any_role = 1;
            /* «وزیر خارجه آمریکا» after «آنتونی بلینکن، وزیر خارجه آمریکا» */
            int h = e < 0 ? rasad__ev_office_holder(d, u, rend, lo, hi) : -1;
            for (size_t i = 0; h >= 0 && i < n; i++)
                if (out[i].ent >= 0 && rasad__ev_same_name(d, (size_t)out[i].ent, (size_t)h))
                    h = -1;
            if (h >= 0 && n < max) {
                out[n++] = ev_named(h, side);
                u = rend - 1;
                continue;
            }
            int of = e < 0 ? office_of(d, u, rend, lo, hi) : -1;
            if (of >= 0 && n < max) {          /* «استاندار اصفهان»: described, of اصفهان */
                size_t r0 = u;
                out[n++] = (ev_party){ -1, side, of, r0, d->ent[of].t0 };
                u = d->ent[of].t1 - 1;
                /* «وزرای دفاع ایران، روسیه و ترکیه»: the other countries too */
                for (;;) {
                    size_t v = u + 1;
                    if (v >= hi || (d->tok[v].gap & EV_G_HARD))
                        break;
                    if (rasad__ev_is(d, v, "و"))
                        v++;
                    else if (!(d->tok[v].gap & EV_G_COMMA))
                        break;
                    int o2 = v < hi ? d->tok[v].ent : -1;
                    if (n >= max || o2 < 0 || d->ent[o2].t0 != v || d->ent[o2].type != RASAD_NER_LOC ||
                        (v > u + 1 && (d->tok[v].gap & (EV_G_HARD | EV_G_COMMA))))
                        break;
                    out[n++] = (ev_party){ -1, side, o2, r0, d->ent[of].t0 };
                    u = d->ent[o2].t1 - 1;
                }
                continue;
            }
            if (e < 0) {                       /* «معاون وزیر …»: one office, not two */
                u = rend - 1;
                continue;
            }
        }
        if (e < 0) {
            if (subject_pronoun && n < max &&
                rasad__ev_in(d, u, rasad__ev_pronouns, rasad__ev_npronouns) &&
                !(u > lo && rasad__ev_in(d, u - 1, rasad__ev_preps, rasad__ev_npreps))) {
                int fb, r = rasad__ev_resolve(d, u, lo, &fb);
                if (r >= 0)
                    out[n++] = ev_named(r, side);
            }
            continue;
        }
        if (d->ent[e].t0 != u)
            continue;
        size_t rel = rasad__ev_relation(d, (size_t)e, lo), rm;
        if (rel != SIZE_MAX) {                 /* «نماینده پوتین»: Putin's envoy */
            int e0 = rel > lo ? d->tok[rel - 1].ent : -1;
            int apposed = e0 >= 0 && d->ent[e0].type == RASAD_NER_PER && d->ent[e0].t1 == rel;
            int after_prep = rel > lo && !(d->tok[rel].gap & (EV_G_HARD | EV_G_COMMA)) &&
                             rasad__ev_in(d, rel - 1, rasad__ev_preps, rasad__ev_npreps);
            if (!apposed && !after_prep && n < max &&
                rasad__ev_longest(d, rel, d->ent[e].t0, rasad__ev_relational,
                                  sizeof *rasad__ev_relational, rasad__ev_nrelational, &rm) >= 0)
                out[n++] = (ev_party){ -1, side, e, rel, rel + rm };
            any_role = 0;                      /* «X، سخنگوی پوتین»: X's role, no one new */
            continue;
        }
        if (rasad__ev_after_prep(d, (size_t)e, lo) || cited_source(d, u))
            continue;
        int ty = d->ent[e].type;
        if (ty == RASAD_NER_PER || (ty == RASAD_NER_ORG && !any_role)) {
            if (n < max)
                out[n++] = ev_named(e, side);
            any_role = 0;
        } else if (ty == RASAD_NER_LOC && nloc < RASAD_EVENTS_MAX_PARTS) {
            locs[nloc++] = ev_named(e, side);
        }
    }
    if (n == 0 && nloc == 0 && cp0 != SIZE_MAX && max > 0) {
        out[0] = (ev_party){ -1, side, -1, cp0, cp1 };   /* a counterpart, unnamed */
        return 1;
    }
    for (size_t i = 0; n == 0 && i < nloc && i < max; i++)
        out[i] = locs[i];
    return n ? n : (nloc < max ? nloc : max);
}

int ev_place(const ev_doc *d, size_t t0, size_t t1, const ev_party *p, size_t np)
{
    int inside = -1;
    for (size_t u = t0; u < t1; u++) {
        int opens = rasad__ev_in(d, u, zone_open, EV_COUNT(zone_open)) ||
                    rasad__ev_in(d, u, host, EV_COUNT(host));
        if (!opens || d->tok[u].depth > 0 ||
            (u + 1 < t1 && rasad__ev_in(d, u + 1, rasad__ev_topics, rasad__ev_ntopics)))
            continue;
        size_t z = zone_end(d, u, t1);
        for (size_t k = u + 1; k < z; k++) {
            int e = d->tok[k].ent;
            if (e < 0 || d->ent[e].t0 != k || d->ent[e].type != RASAD_NER_LOC)
                continue;
            int taken = 0;
            for (size_t i = 0; i < np; i++)
                taken |= p[i].ent == e || p[i].of == e;
            if (taken)
                continue;
            if (k == u + 1)
                return e;                      /* «در مسکو», «به میزبانی مسکو» */
            if (inside < 0)
                inside = e;                    /* «در حاشیه کنفرانس ... مسکو» */
        }
    }
    return inside;
}

void ev_occasion(const ev_doc *d, size_t t0, size_t t1, size_t trig0, size_t trig1,
                 size_t *os, size_t *oe, int64_t *ordinal)
{
    *os = *oe = 0;
    *ordinal = 0;
    for (size_t u = t0; u + 1 < t1; u++) {
        if (!rasad__ev_in(d, u, zone_open, EV_COUNT(zone_open)) || d->tok[u].depth > 0)
            continue;
        size_t m, a = u + 1;
        if (rasad__ev_longest(d, a, t1, rasad__ev_occasions, sizeof *rasad__ev_occasions,
                              rasad__ev_noccasions, &m) >= 0)
            a += m;
        else if (rasad__ev_longest(d, a, t1, rasad__ev_gatherings, sizeof *rasad__ev_gatherings,
                                   rasad__ev_ngatherings, &m) < 0)
            continue;
        size_t z = zone_end(d, u, t1);
        if (a >= z || (a <= trig0 && trig0 < z))
            continue;
        *os = d->tok[a].start;
        *oe = d->tok[z - 1].end;
        for (size_t k = a; k < z && !*ordinal; k++)
            *ordinal = rasad__ev_ordinal(d, k);
        break;
    }
    /* «ششمین دور مذاکرات», «دور ششم مذاکرات», «هفتمین نشست» */
    size_t lo = trig0 >= t0 + 2 ? trig0 - 2 : t0, hi = trig1 + 2 < t1 ? trig1 + 2 : t1;
    for (size_t k = lo; k < hi && !*ordinal; k++)
        *ordinal = rasad__ev_ordinal(d, k);
}

/* The date expression of sentence [s0, s1) nearest to byte at, or -1.
 * Dates do not overlap and are sorted: the nearest is the last one
 * starting before at or the first one after. */
static int nearest_date(const ev_doc *d, size_t s0, size_t s1, size_t at)
{
    const rasad_events_result *r = d->res;
    size_t lo = 0, hi = r->ndates;
    while (lo < hi) {                            /* the first date starting at or after at */
        size_t mid = lo + (hi - lo) / 2;
        if (r->dates[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    int best = -1;
    size_t bd = SIZE_MAX;
    for (size_t i = lo > 0 ? lo - 1 : 0; i <= lo && i < r->ndates; i++) {
        const rasad_textdate *td = &r->dates[i];
        if (td->start < s0 || td->end > s1)
            continue;
        size_t dist = td->end <= at ? at - td->end : (td->start > at ? td->start - at : 0);
        if (dist < bd) {
            bd = dist;
            best = (int)i;
        }
    }
    return best;
}

/* 1 when a phrase of list[0..n) starts at one of the max tokens before
 * token t (down to t0), looking back no further than a mark of stops and,
 * when and_stops, than a «و». */
static int phrase_before(const ev_doc *d, size_t t0, size_t t, size_t max, unsigned stops,
                         int and_stops, const ev_word *list, size_t n)
{
    size_t m;
    for (size_t u = t; u > t0 && t - u < max;) {
        if (d->tok[u].gap & stops)
            break;
        u--;
        if (and_stops && rasad__ev_is(d, u, "و"))
            break;
        if (rasad__ev_longest(d, u, t, list, sizeof *list, n, &m) >= 0)
            return 1;
    }
    return 0;
}

/* 1 when a word of not_held stands in the clause right around the event
 * of tokens [trig0, trig1): up to NOT_BACK tokens before it and NOT_AFTER
 * after it, not past a comma, «و» or a stronger mark. */
static int not_held(const ev_doc *d, size_t t0, size_t t1, size_t trig0, size_t trig1)
{
    size_t m;
    if (phrase_before(d, t0, trig0, NOT_BACK, EV_G_HARD | EV_G_COMMA, 1, rasad__ev_not_held,
                      rasad__ev_nnot_held))
        return 1;
    for (size_t u = trig1; u < t1 && u - trig1 < NOT_AFTER; u++) {
        if (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA) || rasad__ev_is(d, u, "و"))
            break;
        if (rasad__ev_longest(d, u, t1, rasad__ev_not_held, sizeof *rasad__ev_not_held,
                              rasad__ev_nnot_held, &m) >= 0)
            return 1;
    }
    return 0;
}

/* 1 when the event of tokens [trig0, trig1) is told as to come: a future
 * auxiliary among its words, or a plan (قرار است) in the PLAN_BACK tokens
 * of its clause before it. */
static int planned(const ev_doc *d, size_t t0, size_t trig0, size_t trig1)
{
    for (size_t u = trig0; u < trig1; u++)
        if (rasad__ev_in(d, u, rasad__ev_futures, rasad__ev_nfutures))
            return 1;
    return phrase_before(d, t0, trig0, PLAN_BACK, EV_G_HARD, 0, rasad__ev_plans,
                         rasad__ev_nplans);
}

void ev_emit(ev_doc *d, size_t s, int type, unsigned flags, size_t trig0, size_t trig1,
             const ev_party *p, size_t np, int place)
{
    rasad_events_result *r = d->res;
    const ev_sent *se = &d->sent[s];
    if (not_held(d, se->t0, se->t1, trig0, trig1))
        return;                                 /* «نتوانست … سفر کند» */
    /* the same participants and place as an event of this sentence: once */
    for (size_t i = r->nevents; i-- > 0 && r->nevents - i <= SAME_BACK &&
                                r->events[i].sent_start == se->start;) {
        const rasad_event *o = &r->events[i];
        if (o->type != type || o->nparts != np ||
            o->place != (place >= 0 ? d->ent[place].idx : RASAD_EVENTS_NONE))
            continue;
        size_t same = 0;
        for (size_t k = 0; k < np; k++) {
            const rasad_event_part *q = &r->parts[o->part + k];
            same += p[k].ent >= 0 ? q->entity == d->ent[p[k].ent].idx
                                  : q->entity == RASAD_EVENTS_NONE &&
                                    q->of == (p[k].of >= 0 ? d->ent[p[k].of].idx : RASAD_EVENTS_NONE) &&
                                    q->desc_start == d->tok[p[k].d0].start;
        }
        if (same == np)
            return;
    }
    size_t first = r->nparts;
    for (size_t k = 0; k < np; k++) {
        rasad_event_part *ep = rasad__ev_push(d, (void **)&r->parts, &r->nparts, &d->cparts,
                                              sizeof *ep);
        if (!ep)
            return;
        ep->side = p[k].side;
        if (p[k].ent >= 0) {
            ep->entity = d->ent[p[k].ent].idx;
            ep->of = RASAD_EVENTS_NONE;
            ep->desc_start = ep->desc_end = 0;
        } else {
            ep->entity = RASAD_EVENTS_NONE;
            ep->of = p[k].of >= 0 ? d->ent[p[k].of].idx : RASAD_EVENTS_NONE;
            ep->desc_start = d->tok[p[k].d0].start;
            ep->desc_end = d->tok[p[k].d1 - 1].end;   /* the relation words */
        }
    }
    rasad_event *ev = rasad__ev_push(d, (void **)&r->events, &r->nevents, &d->cev, sizeof *ev);
    if (!ev)
        return;
    ev->type = type;
    ev->flags = flags | (planned(d, se->t0, trig0, trig1) ? RASAD_EVENT_PLANNED : 0);
    ev->sent_start = se->start;
    ev->sent_end = se->end;
    ev->trig_start = d->tok[trig0].start;
    ev->trig_end = d->tok[trig1 - 1].end;
    ev->part = first;
    ev->nparts = np;
    ev->place = place >= 0 ? d->ent[place].idx : RASAD_EVENTS_NONE;
    size_t olo = trig0 > se->t0 + OCC_REACH ? trig0 - OCC_REACH : se->t0;
    size_t ohi = trig1 + OCC_REACH < se->t1 ? trig1 + OCC_REACH : se->t1;
    ev_occasion(d, olo, ohi, trig0, trig1, &ev->occ_start, &ev->occ_end, &ev->ordinal);
    ev->date = nearest_date(d, se->start, se->end, ev->trig_start);
    ev->day = RASAD_EVENTS_UNDATED;
    if (ev->date >= 0) {
        ev->day = r->dates[ev->date].day;
        ev->flags |= RASAD_EVENT_DATE_TEXT;
    } else if (d->pub != RASAD_EVENTS_UNDATED) {
        ev->day = d->pub;
        ev->date = RASAD_EVENTS_NONE;
        ev->flags |= RASAD_EVENT_DATE_PUB;
    } else {
        ev->date = RASAD_EVENTS_NONE;
    }
    if ((ev->flags & RASAD_EVENT_DATE_TEXT) && d->pub != RASAD_EVENTS_UNDATED &&
        ev->day != RASAD_EVENTS_UNDATED && ev->day > d->pub)
        ev->flags |= RASAD_EVENT_PLANNED;       /* «فردا … سفر می‌کند» */
}
