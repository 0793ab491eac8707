/* extract.c - rasad_events_extract: reads the article (doc.c), finds its
 * date expressions, then, sentence by sentence, its quotes and events;
 * and the names of verbs, kinds and types. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/date.h"
#include "events_internal.h"

/* Publication days from 0002-01-01 to 9998-12-31: relative dates a year
 * away stay inside the calendars' range. */
#define PUB_MIN (-719162 + 366)
#define PUB_MAX (2932896 - 366)

/* A sentence in the first person or asking a question: the voice of the
 * speaker quoted just before, not the narrator's. */
static int own_voice(const ev_doc *d, size_t s)
{
    const ev_sent *se = &d->sent[s];
    for (size_t t = se->t0; t < se->t1; t++)
        if (d->tok[t].depth == 0 && rasad__ev_in(d, t, rasad__ev_first_person, rasad__ev_nfirst_person) &&
            !(t > se->t0 && rasad__ev_is(d, t - 1, "خبرنگار")))    /* «به گزارش خبرنگار ما» */
            return 1;
    for (size_t i = se->start; i < se->end; i++)
        if (d->p[i] == '?' || (i + 1 < se->end && d->p[i] == '\xd8' && d->p[i + 1] == '\x9f'))
            return 1;
    return 0;
}

int rasad_events_extract(const char *text, size_t n, const rasad_events_span *entities,
                         size_t nent, int32_t pub_day, rasad_events_result *out)
{
    if (!out)
        return RASAD_INVAL;
    memset(out, 0, sizeof *out);
    if (!text || (nent > 0 && !entities))
        return RASAD_INVAL;
    if (n > RASAD_EVENTS_MAX_TEXT)
        return RASAD_TOOBIG;
    if (pub_day != RASAD_EVENTS_UNDATED && (pub_day < PUB_MIN || pub_day > PUB_MAX))
        return RASAD_RANGE;
    ev_doc d;
    int rc = rasad__ev_doc_init(&d, text, n, entities, nent, pub_day, out);
    if (rc == RASAD_OK) {
        size_t sport = 0;
        for (size_t t = 0; t < d.ntok; t++)
            sport += rasad__ev_in(&d, t, rasad__ev_sport_terms, rasad__ev_nsport_terms);
        d.sporty = sport >= EV_SPORTY && sport * EV_SPORTY_EVERY >= d.ntok;
        rasad__ev_dates(&d);
        int voice = 0;                  /* the last speaker may still be talking */
        for (size_t s = 0; s < d.nsent && !d.err; s++) {
            d.spoke = 0;
            size_t nq = out->nquotes;
            rasad__ev_quotes(&d, s);
            rasad__ev_events(&d, s);
            if (d.spoke) {
                voice = 1;
                continue;
            }
            /* «من …» or a question right after a quote is still the speaker
             * talking: a person named there does not take the focus */
            if (voice && out->nquotes == nq && own_voice(&d, s))
                continue;
            voice = 0;
            int subj = rasad__ev_subject(&d, d.sent[s].t0, d.sent[s].t1);
            if (subj >= 0)
                d.salient = subj;
        }
        rc = d.err;
    }
    rasad__ev_doc_release(&d);
    if (rc != RASAD_OK)
        rasad_events_result_release(out);
    return rc;
}

void rasad_events_result_release(rasad_events_result *r)
{
    if (!r)
        return;
    rasad_free(r->quotes);
    rasad_free(r->events);
    rasad_free(r->parts);
    rasad_free(r->dates);
    memset(r, 0, sizeof *r);
}

const char *rasad_events_verb_name(int v)
{
    return v >= 0 && (size_t)v < rasad__ev_nverbs ? rasad__ev_verbs[v].lemma : "";
}

int rasad_events_verb_count(void)
{
    return (int)rasad__ev_nverbs;
}

static const char *const event_types[] = { "", "meeting", "agreement", "visit" };
static const char *const quote_kinds[] = { "", "direct", "reported" };
static const char *const date_kinds[] = { "", "absolute", "day", "weekday", "week", "month", "year" };

const char *rasad_event_type_name(int type)
{
    return type > 0 && (size_t)type < EV_COUNT(event_types) ? event_types[type] : "";
}

int rasad_event_type_parse(const char *p, size_t n)
{
    for (size_t i = 1; p && i < EV_COUNT(event_types); i++)
        if (strlen(event_types[i]) == n && memcmp(event_types[i], p, n) == 0)
            return (int)i;
    return 0;
}

const char *rasad_quote_kind_name(int kind)
{
    return kind > 0 && (size_t)kind < EV_COUNT(quote_kinds) ? quote_kinds[kind] : "";
}

const char *rasad_textdate_kind_name(int kind)
{
    return kind > 0 && (size_t)kind < EV_COUNT(date_kinds) ? date_kinds[kind] : "";
}
