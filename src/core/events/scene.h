/* scene.h - helpers shared by the event passes (scene.c). */
#ifndef RASAD_EVENTS_SCENE_H
#define RASAD_EVENTS_SCENE_H

#include "events_internal.h"

/* A participant: a doc entity and its side (enum rasad_event_side); or,
 * with ent -1, one described by a relation to a person (نماینده پوتین:
 * tokens [d0, d1), of the doc entity پوتین), or a counterpart with no
 * name (همتای روس خود: of -1). */
typedef struct ev_party {
    int ent;
    int side;
    int of;
    size_t d0, d1;
} ev_party;

/* A named participant: doc entity e on side. */
static inline ev_party ev_named(int e, int side)
{
    return (ev_party){ e, side, -1, 0, 0 };
}

/* The participants of one side, tokens [lo, hi): persons and organisations
 * not in a «در ...» phrase, not after a preposition, not in a role after a
 * name (وزیر دفاع ایران); a person's envoy, adviser, counterpart ...
 * (نماینده پوتین) as a described participant; places only when there is
 * none of these (وزرای دفاع ایران و روسیه: the countries stand for their
 * ministers). A pronoun not after a preposition counts when
 * subject_pronoun is set. Writes at most max into out; returns how many. */
size_t ev_side(ev_doc *d, size_t lo, size_t hi, int side, int subject_pronoun, ev_party *out,
               size_t max);

/* The place of an event in sentence tokens [t0, t1): a LOC right after
 * «در» or «میزبانی», else the first LOC inside a «در ...» phrase; not one
 * of the participants p[0..np). -1 when none. */
int ev_place(const ev_doc *d, size_t t0, size_t t1, const ev_party *p, size_t np);

/* The occasion («در حاشیه X»: X; «در نشست X»: نشست X) of an event whose
 * words are tokens [trig0, trig1), as bytes [*os, *oe) (equal when none),
 * and the first ordinal in it, else one within two words of the trigger. */
void ev_occasion(const ev_doc *d, size_t t0, size_t t1, size_t trig0, size_t trig1,
                 size_t *os, size_t *oe, int64_t *ordinal);

/* Adds an event of sentence s (once: the same type, participants and
 * place in one sentence are one event) with its occasion and day. */
void ev_emit(ev_doc *d, size_t s, int type, unsigned flags, size_t trig0, size_t trig1,
             const ev_party *p, size_t np, int place);

/* Agreement signed, its document noun at tokens [t, n1) of sentence s
 * (deals.c). Returns 1 when one was added. */
int rasad__ev_agreement(ev_doc *d, size_t s, size_t t, size_t n1);
/* A visit whose word (سفر، وارد، عازم) is tokens [t, n1) (deals.c).
 * Returns the token to go on from. */
size_t rasad__ev_visit(ev_doc *d, size_t s, size_t t, size_t n1);

#endif
