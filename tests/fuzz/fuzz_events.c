/* fuzz_events.c - quotes, events and dates (events.h) on any bytes, with
 * entity spans made from the input (any type, any range, overlapping).
 *
 * Properties: rasad_events_extract returns RASAD_OK; every span of the
 * result lies in the text with start <= end; every entity index names a
 * span the caller gave (with a PER, LOC or ORG type where it is a speaker,
 * a participant or a place); each event's participants lie inside
 * result.parts and its date index inside result.dates; dates are in text
 * order; ignored + usable spans never exceed the spans given; and a
 * second run gives the same result, byte for byte. */
#include <string.h>
#include "fuzz.h"
#include "rasad/events.h"
#include "rasad/ner.h"

#define MAX_SPANS 24

static void check_span(size_t s, size_t e, size_t n)
{
    FZ_CHECK(s <= e && e <= n);
}

static int speaking_type(int t)
{
    return t == RASAD_NER_PER || t == RASAD_NER_LOC || t == RASAD_NER_ORG;
}

static void check(const rasad_events_result *r, const rasad_events_span *sp, size_t nsp, size_t n)
{
    FZ_CHECK(r->ignored <= nsp);
    for (size_t i = 0; i < r->nquotes; i++) {
        const rasad_quote *q = &r->quotes[i];
        FZ_CHECK(q->kind == RASAD_QUOTE_DIRECT || q->kind == RASAD_QUOTE_REPORTED);
        check_span(q->start, q->end, n);
        check_span(q->sent_start, q->sent_end, n);
        check_span(q->who_start, q->who_end, n);
        check_span(q->desc_start, q->desc_end, n);
        check_span(q->verb_start, q->verb_end, n);
        FZ_CHECK(q->verb >= 0 && q->verb < rasad_events_verb_count());
        FZ_CHECK(q->speaker == RASAD_EVENTS_NONE || ((size_t)q->speaker < nsp &&
                 speaking_type(sp[q->speaker].type) && sp[q->speaker].end <= n));
    }
    for (size_t i = 0; i < r->nevents; i++) {
        const rasad_event *ev = &r->events[i];
        FZ_CHECK(ev->type >= RASAD_EVENT_MEETING && ev->type <= RASAD_EVENT_VISIT);
        check_span(ev->sent_start, ev->sent_end, n);
        check_span(ev->trig_start, ev->trig_end, n);
        check_span(ev->occ_start, ev->occ_end, n);
        FZ_CHECK(ev->part <= r->nparts && ev->nparts <= r->nparts - ev->part);
        for (size_t k = 0; k < ev->nparts; k++) {
            const rasad_event_part *p = &r->parts[ev->part + k];
            if (p->entity == RASAD_EVENTS_NONE) {   /* described: «نماینده پوتین», «همتای خود»,
                                                       «استاندار اصفهان» */
                FZ_CHECK(p->of == RASAD_EVENTS_NONE ||
                         (p->of >= 0 && (size_t)p->of < nsp &&
                          (sp[p->of].type == RASAD_NER_PER || sp[p->of].type == RASAD_NER_LOC)));
                check_span(p->desc_start, p->desc_end, n);
                FZ_CHECK(p->desc_start < p->desc_end);
            } else {
                FZ_CHECK(p->entity >= 0 && (size_t)p->entity < nsp &&
                         speaking_type(sp[p->entity].type));
                FZ_CHECK(p->of == RASAD_EVENTS_NONE && p->desc_start == p->desc_end);
            }
            FZ_CHECK(p->side == RASAD_SIDE_SUBJECT || p->side == RASAD_SIDE_WITH);
        }
        FZ_CHECK(ev->place == RASAD_EVENTS_NONE ||
                 ((size_t)ev->place < nsp && sp[ev->place].type == RASAD_NER_LOC));
        FZ_CHECK(ev->date == RASAD_EVENTS_NONE || (ev->date >= 0 && (size_t)ev->date < r->ndates));
        FZ_CHECK(ev->ordinal >= 0);
    }
    for (size_t i = 0; i < r->ndates; i++) {
        check_span(r->dates[i].start, r->dates[i].end, n);
        FZ_CHECK(r->dates[i].start < r->dates[i].end);
        if (i > 0)
            FZ_CHECK(r->dates[i - 1].start <= r->dates[i].start);
    }
}

static int same(const rasad_events_result *a, const rasad_events_result *b)
{
    return a->nquotes == b->nquotes && a->nevents == b->nevents && a->nparts == b->nparts &&
           a->ndates == b->ndates && a->ignored == b->ignored &&
           (!a->nquotes || !memcmp(a->quotes, b->quotes, a->nquotes * sizeof *a->quotes)) &&
           (!a->nevents || !memcmp(a->events, b->events, a->nevents * sizeof *a->events)) &&
           (!a->nparts || !memcmp(a->parts, b->parts, a->nparts * sizeof *a->parts)) &&
           (!a->ndates || !memcmp(a->dates, b->dates, a->ndates * sizeof *a->dates));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    rasad_events_span sp[MAX_SPANS];
    size_t nsp = 0;
    /* spans from the last bytes: 3 bytes each (type, start, length),
       starts spread over the text; the text is the whole input */
    size_t want = size ? data[0] % (MAX_SPANS + 1) : 0;
    for (size_t i = 0; i < want && 3 * (i + 1) < size; i++) {
        const uint8_t *b = data + size - 3 * (i + 1);
        size_t start = size ? (size_t)b[1] * size / 200 : 0;
        sp[nsp++] = (rasad_events_span){ b[0] % 9, start, start + b[2] % 40 };
    }
    int32_t pub = size > 2 && data[1] % 2 ? 19000 + data[2] * 17 : RASAD_EVENTS_UNDATED;
    rasad_events_result a, b;
    FZ_CHECK(rasad_events_extract(text, size, sp, nsp, pub, &a) == RASAD_OK);
    check(&a, sp, nsp, size);
    FZ_CHECK(rasad_events_extract(text, size, sp, nsp, pub, &b) == RASAD_OK);
    FZ_CHECK(same(&a, &b));
    rasad_events_result_release(&a);
    rasad_events_result_release(&b);
    return 0;
}
