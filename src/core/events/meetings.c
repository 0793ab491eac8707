/* meetings.c - meetings in one sentence.
 *
 * A meeting noun (دیدار، ملاقات، گفت‌وگو، مذاکره، نشست، رایزنی ...) is
 *   verbal   when a light verb follows it: «X با Y دیدار کرد» (X before
 *            «با», Y between «با» and the noun), «X و Y دیدار کردند»;
 *   nominal  otherwise: «X در دیدار با Y ...» (X before «در»), «دیدار X با
 *            Y», «نشست X و Y».
 * «این دیدار» tells of a meeting already told and is passed over; «در
 * گفت‌وگو با خبرنگار» is an interview; in a sports report دیدار is a match.
 * A verbal meeting needs one participant; a nominal one a participant
 * after «با», or two. */
#include "rasad/ner.h"
#include "events_internal.h"
#include "scene.h"

#define CLAUSE 40      /* tokens a subject may stand before its verb */
#define SIDE_WORDS 12  /* tokens of a side after a nominal trigger */
#define PLACE_AFTER 10 /* tokens after the trigger (or the «با» side) a place may stand */

static const ev_word with[] = { { "با" } };
static const ev_word and[] = { { "و" } };
static const ev_word opens[] = { { "در" }, { "طی" }, { "ضمن" }, { "پس از" } };
static const ev_word matches[] = { { "دیدار" }, { "دیداری" }, { "دیدارهای" } };
static const ev_word talks[] = { { "گفتگو" }, { "گفتگوی" }, { "گفت و گو" }, { "گفت و گوی" },
                                 { "گفت وگو" }, { "گفت وگوی" } };
/* «در گفت‌وگویی (کوتاه/تلفنی) با ایسنا»: the indefinite is an interview */
static const ev_word a_talk[] = { { "گفتگویی" }, { "گفت و گویی" }, { "گفت وگویی" } };
static const ev_word sat[] = { { "نشست" }, { "نشستند" } };
/* Talks (not a meeting): named without a light verb they are a process or
 * a topic («مسئول مذاکرات با تهران», «مذاکره با آمریکا»), or an interview
 * («در گفت‌وگو با اسپوتنیک»), not a meeting held; but «گفت‌وگوی تلفنی» is
 * one, and so is «X در گفت‌وگو با <a person> گفت» (talk in meeting()). */
static const ev_word talk_nouns[] = {
    { "مذاکره" }, { "مذاکره ی" }, { "مذاکراتی" }, { "مذاکرات" }, { "گفتگو" }, { "گفتگوی" },
    { "گفتگویی" }, { "گفت و گو" }, { "گفت و گوی" }, { "گفت و گویی" }, { "گفت وگو" },
    { "گفت وگوی" }, { "گفت وگویی" }, { "رایزنی" }, { "رایزنی هایی" }, { "رایزنی ها" },
    { "گفتگو و رایزنی" }, { "مذاکره و رایزنی" } };
static const ev_word by_phone[] = { { "تلفنی" } };
/* ... but talks that are over («پس از مذاکره با X به توافق رسید») or held
 * («مذاکرات … برگزار می‌شود», «گفت‌وگو … را آغاز کرد») were held */
static const ev_word talks_over[] = { { "پس از" }, { "بعد از" }, { "طی" } };
static const ev_word talks_held[] = { { "برگزار" }, { "آغاز" } };
#define HELD_AFTER 15 /* tokens after the noun «برگزار» or «آغاز» may stand */
/* Verbs that end the talks' clause: a «برگزار» after them is another's. */
static const ev_word clause_ends[] = { { "است" }, { "بود" }, { "نیست" }, { "بودند" },
                                       { "هستند" }, { "شد" }, { "کرد" }, { "کردند" } };

/* Were the talks named by the nominal trigger [t, n1), in the clause from
 * cs, held: over before the clause goes on, or held by a verb after them? */
static int talks_were_held(const ev_doc *d, size_t s, size_t cs, size_t t, size_t n1)
{
    const ev_sent *se = &d->sent[s];
    if (rasad__ev_phrase_before(d, cs, t, talks_over, EV_COUNT(talks_over)))
        return 1;
    for (size_t u = n1; u < se->t1 && u < n1 + HELD_AFTER; u++) {
        if (u > n1 && (d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)))
            break;                              /* in its own clause only */
        if (rasad__ev_in(d, u, clause_ends, EV_COUNT(clause_ends)))
            break;                              /* «… است و نشست بعدی برگزار می‌شود» */
        if (rasad__ev_in(d, u, talks_held, EV_COUNT(talks_held)))
            return 1;
    }
    return 0;
}
/* «دیدار برابر/مقابل X», «دیدار فینال»: a match */
static const ev_word against[] = { { "برابر" }, { "مقابل" }, { "فینال" } };
/* «نشست خبری»: a press conference, no one met */
static const ev_word press[] = { { "خبری" }, { "مطبوعاتی" }, { "رسانه ای" } };

/* The end of a side that starts at a, before hi: a comma or stronger mark,
 * «در», «که», a light verb or a meeting noun, at most SIDE_WORDS. */
static size_t side_end(const ev_doc *d, size_t a, size_t hi)
{
    size_t z = a, m;
    while (z < hi && z - a < SIDE_WORDS) {
        if (z > a && (d->tok[z].gap & (EV_G_COMMA | EV_G_HARD | EV_G_PAREN)))
            break;
        if (z > a && (rasad__ev_in(d, z, rasad__ev_zone_stops, rasad__ev_nzone_stops) ||
                      rasad__ev_longest(d, z, hi, rasad__ev_light, sizeof *rasad__ev_light,
                                        rasad__ev_nlight, &m) >= 0))
            break;
        z++;
    }
    return z;
}

static int sports(const ev_doc *d, const ev_sent *se)
{
    for (size_t t = se->t0; t < se->t1; t++)
        if (rasad__ev_in(d, t, rasad__ev_sports, rasad__ev_nsports))
            return 1;
    return 0;
}

/* 1 when one of p[0..n) is a person or an organisation. */
static int has_person(const ev_doc *d, const ev_party *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i].ent < 0 || d->ent[p[i].ent].type != RASAD_NER_LOC)
            return 1;
    return 0;
}

/* 1 when one of p[0..n) is described, not named (an office, an envoy):
 * a person too. */
static int has_described(const ev_party *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i].ent < 0)
            return 1;
    return 0;
}

/* 1 when one of the named p[0..n) has entity type `type`. */
static int has_type(const ev_doc *d, const ev_party *p, size_t n, int type)
{
    for (size_t i = 0; i < n; i++)
        if (p[i].ent >= 0 && d->ent[p[i].ent].type == type)
            return 1;
    return 0;
}

/* The last «با» in [lo, hi) outside a name, or hi. */
static size_t last_with(const ev_doc *d, size_t lo, size_t hi)
{
    for (size_t u = hi; u-- > lo;)
        if (d->tok[u].ent < 0 && rasad__ev_in(d, u, with, 1))
            return u;
    return hi;
}

/* The meeting whose noun is tokens [t, n1); returns the token to go on from. */
static size_t meeting(ev_doc *d, size_t s, size_t t, size_t n1)
{
    const ev_sent *se = &d->sent[s];
    ev_party p[2 * RASAD_EVENTS_MAX_PARTS];
    size_t np = 0, nwith = 0, m, end = n1;
    unsigned flags = 0;
    int talk = 0;         /* «X در گفت‌وگو با Y … گفت:» */
    if (t > se->t0 && !(d->tok[t].gap & (EV_G_HARD | EV_G_COMMA)) &&
        rasad__ev_in(d, t - 1, rasad__ev_demonstratives, rasad__ev_ndemonstratives))
        return n1;
    if (n1 < se->t1 && rasad__ev_in(d, n1, rasad__ev_demonstratives, rasad__ev_ndemonstratives))
        return n1;
    if (n1 < se->t1 && rasad__ev_in(d, t, matches, EV_COUNT(matches)) &&
        rasad__ev_in(d, n1, against, EV_COUNT(against)))
        return n1;                              /* «دیدار برابر تراکتورسازی»: a match */
    if (n1 < se->t1 && rasad__ev_in(d, n1, press, EV_COUNT(press)))
        return n1;                              /* «نشست خبری»: a press conference */
    size_t cs = rasad__ev_clause(d, se->t0, t, CLAUSE);
    if (n1 - t == 1 && rasad__ev_in(d, t, sat, EV_COUNT(sat)) &&
        (n1 == se->t1 || d->tok[n1].gap & (EV_G_HARD | EV_G_COMMA) || rasad__ev_is(d, n1, "و")))
        return n1;                              /* «به زمین نشست»: sat down, no meeting */
    int verbal = n1 < se->t1 && !(d->tok[n1].gap & (EV_G_HARD | EV_G_COMMA)) &&
                 rasad__ev_longest(d, n1, se->t1, rasad__ev_light, sizeof *rasad__ev_light,
                                   rasad__ev_nlight, &m) >= 0;
    int elided = 0;       /* «X با Y دیدار و بر … تاکید کردند»: دیدار [کردند] و */
    if (!verbal && n1 < se->t1 && t > cs && rasad__ev_in(d, n1, and, 1) &&
        !(d->tok[n1].gap & (EV_G_HARD | EV_G_COMMA)) &&
        !rasad__ev_in(d, t - 1, rasad__ev_preps, rasad__ev_npreps) &&
        !rasad__ev_in(d, t - 1, rasad__ev_intents, rasad__ev_nintents)) {
        verbal = elided = 1;
        m = 0;
    }
    if (!verbal && t > cs && rasad__ev_in(d, t - 1, rasad__ev_intents, rasad__ev_nintents))
        return n1;                              /* «برای گفت‌وگو»: not held */
    size_t before = t - rasad__ev_phrase_before(d, cs, t, opens, EV_COUNT(opens)); /* «X در دیدار با Y» */
    size_t wlo = 0, whi = 0, slo = 0, shi = 0;  /* the «با» side and the subject side */
    if (verbal) {
        end = n1 + m;
        size_t b = last_with(d, cs, t);
        slo = cs;
        shi = b;
        if (b < t) {
            wlo = b + 1;
            whi = t;
        }
    } else if (before < t || (n1 < se->t1 && rasad__ev_in(d, n1, with, 1) && t > cs)) {
        flags |= RASAD_EVENT_NOMINAL;
        slo = cs;
        shi = before;
        size_t b = n1;                          /* «با» a few words on (خود، a day) */
        while (b < se->t1 && b - n1 < 6 && !rasad__ev_in(d, b, with, 1) &&
               (d->tok[b].ent < 0 || d->ent[d->tok[b].ent].type > RASAD_NER_ORG) &&
               !(d->tok[b].gap & (EV_G_HARD | EV_G_COMMA)))
            b++;
        if (b < se->t1 && rasad__ev_in(d, b, with, 1) && !(d->tok[b].gap & (EV_G_HARD | EV_G_COMMA))) {
            size_t m2;
            talk = before < t &&
                   rasad__ev_longest(d, t, n1, talks, sizeof *talks, EV_COUNT(talks), &m2) >= 0 &&
                   m2 == n1 - t && rasad__ev_speech_after(d, s, n1);
            talk |= rasad__ev_longest(d, t, n1, a_talk, sizeof *a_talk, EV_COUNT(a_talk), &m2) >= 0 &&
                    m2 == n1 - t;
            wlo = b + 1;
            whi = side_end(d, wlo, se->t1);
        } else if (before == t) {
            return n1;
        }
    } else {
        flags |= RASAD_EVENT_NOMINAL;         /* «دیدار X با Y», «نشست X و Y» */
        size_t z = side_end(d, n1, se->t1);
        size_t b = last_with(d, n1, z);
        slo = n1;
        shi = b;
        if (b < z) {
            wlo = b + 1;
            whi = side_end(d, wlo, se->t1);
        }
    }
    if (wlo < whi && rasad__ev_in(d, wlo, rasad__ev_not_meetings, rasad__ev_nnot_meetings))
        return end;                             /* an interview */
    for (size_t u = slo; verbal && u + 1 < shi; u++)    /* «با خبرنگار … گفت‌وگو کرد» */
        if (d->tok[u].ent < 0 && rasad__ev_in(d, u, with, 1) &&
            rasad__ev_in(d, u + 1, rasad__ev_not_meetings, rasad__ev_nnot_meetings))
            return end;
    np = ev_side(d, slo, shi, RASAD_SIDE_SUBJECT, 1, p, RASAD_EVENTS_MAX_PARTS);
    if (wlo < whi)
        nwith = ev_side(d, wlo, whi, RASAD_SIDE_WITH, 0, p + np, RASAD_EVENTS_MAX_PARTS);
    if (np + nwith == 0 || ((flags & RASAD_EVENT_NOMINAL) && nwith == 0 && np < 2))
        return end;
    if (talk && !has_type(d, p + np, nwith, RASAD_NER_PER) && !has_described(p + np, nwith))
        return end;                             /* «در گفت‌وگو با ایسنا گفت»: an interview */
    if ((flags & RASAD_EVENT_NOMINAL) && !talk &&
        rasad__ev_longest(d, t, n1, talk_nouns, sizeof *talk_nouns, EV_COUNT(talk_nouns), &m) >= 0 &&
        m == n1 - t && !(n1 < se->t1 && rasad__ev_in(d, n1, by_phone, 1)) &&
        !talks_were_held(d, s, cs, t, n1))
        return end;                             /* «مذاکرات با تهران»: talks, none held here */
    if (d->sporty && rasad__ev_in(d, t, matches, EV_COUNT(matches)) &&
        !(verbal && has_type(d, p, np, RASAD_NER_PER) && has_type(d, p + np, nwith, RASAD_NER_PER)))
        return end;                             /* a sports report: «دیدار با استقلال» is a match */
    if ((flags & RASAD_EVENT_NOMINAL) && np + nwith < 2 && !has_person(d, p, np + nwith))
        return end;                             /* «گفت‌وگو با ترکیه»: no one met */
    (void)elided;
    np += nwith;
    size_t last = whi > end ? whi : end;
    size_t near = last + PLACE_AFTER < se->t1 ? last + PLACE_AFTER : se->t1;
    ev_emit(d, s, RASAD_EVENT_MEETING, flags, t, end, p, np, ev_place(d, cs, near, p, np));
    return end;
}

void rasad__ev_events(ev_doc *d, size_t s)
{
    const ev_sent *se = &d->sent[s];
    int sport = sports(d, se);
    int deal_done = 0;
    for (size_t t = se->t0; t < se->t1 && !d->err;) {
        size_t m;
        if (d->tok[t].depth > 0) {
            t++;
            continue;
        }
        if (!sport && rasad__ev_longest(d, t, se->t1, rasad__ev_meet_nouns, sizeof *rasad__ev_meet_nouns,
                                        rasad__ev_nmeet_nouns, &m) >= 0) {
            t = meeting(d, s, t, t + m);
            continue;
        }
        if (!deal_done && rasad__ev_longest(d, t, se->t1, rasad__ev_deals, sizeof *rasad__ev_deals,
                                            rasad__ev_ndeals, &m) >= 0) {
            rasad__ev_agreement(d, s, t, t + m);
            deal_done = 1;                      /* one try per sentence */
            t += m;
            continue;
        }
        if (rasad__ev_longest(d, t, se->t1, rasad__ev_visits, sizeof *rasad__ev_visits,
                              rasad__ev_nvisits, &m) >= 0) {
            t = rasad__ev_visit(d, s, t, t + m);
            continue;
        }
        t++;
    }
}
