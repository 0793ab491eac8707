/* events.h - who said what, who met whom, where and when, in one article.
 *
 * rasad_events_extract reads one article's text together with the entity
 * spans the caller found in it (with the tagger, ner.h, or any other way:
 * this layer does not run a tagger) and returns:
 *
 *  - quotes: direct speech in «…» or "…" and reported speech with a speech
 *    verb (گفت، افزود، تاکید کرد، اظهار داشت، خاطرنشان کرد ... a table in
 *    tables.c, present and perfect forms included), in the shapes «X گفت:
 *    …»، «X گفت که …»، «به گفته X، …»، «…، X افزود.»، «وی افزود: …»; each with
 *    its speaker (an entity, or a pronoun وی/او/ایشان resolved to a person),
 *    the titles and role written beside the speaker, the verb, the words;
 *  - events: meetings (دیدار، ملاقات، گفت‌وگو، مذاکره، نشست، رایزنی ... با),
 *    agreements signed (امضای تفاهم‌نامه / قرارداد ... میان X و Y) and
 *    visits (سفر X به Y، ورود X به Y), each with its participants, place,
 *    occasion (در حاشیه هفتمین کنفرانس ... with the ordinal as a number) and
 *    day;
 *  - date expressions: absolute dates (date.h) and relative ones (امروز،
 *    دیروز، روز سه‌شنبه، هفته گذشته، ماه گذشته، پارسال ...), resolved
 *    against the publication day when the caller gives one.
 *
 * The method, the tables and the limits: docs/events.md.
 *
 * Every span is a byte range [start, end) of the caller's text. The result
 * is deterministic (the same text and entities give the same result) and
 * any bytes are accepted: invalid UTF-8 is read as U+FFFD. Nothing is kept
 * between calls: safe from any thread. */
#ifndef RASAD_EVENTS_H
#define RASAD_EVENTS_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/date.h"
#include "rasad/export.h"
#include "rasad/status.h"

#define RASAD_EVENTS_MAX_TEXT (16u << 20) /* bytes of text read; more is RASAD_TOOBIG */
#define RASAD_EVENTS_UNDATED INT32_MIN    /* a day that is not known */
#define RASAD_EVENTS_NONE (-1)            /* no entity, no verb, no date */
#define RASAD_EVENTS_MAX_PARTS 8u         /* participants kept per side of an event */

/* One entity span given by the caller. type is an enum rasad_ner_type
 * value of ner.h (RASAD_NER_PER = 1, LOC = 2, ORG = 3, DAT ... PCT up to
 * 7): PER, LOC and ORG take part, the others are kept and ignored. */
typedef struct rasad_events_span {
    int type;            /* enum rasad_ner_type */
    size_t start, end;   /* bytes of the text */
} rasad_events_span;

/* ---- quotes ------------------------------------------------------------ */

enum rasad_quote_kind {
    RASAD_QUOTE_DIRECT = 1,   /* the words in «…» or "…" */
    RASAD_QUOTE_REPORTED = 2, /* the words after (or before) a speech verb, no quote marks */
};

/* Bits of rasad_quote.flags. */
enum rasad_quote_flag {
    RASAD_QUOTE_PRONOUN   = 1u << 0, /* the speaker is a pronoun (وی، او، ایشان), resolved to speaker */
    RASAD_QUOTE_FALLBACK  = 1u << 1, /* ...resolved to the last person named, no earlier subject was known */
    RASAD_QUOTE_UNNAMED   = 1u << 2, /* no entity: the speaker is only described (desc), or not found */
    RASAD_QUOTE_COLON     = 1u << 3, /* the verb is followed by a colon: the speaker's words, unmarked */
    RASAD_QUOTE_AFTER     = 1u << 4, /* the verb comes after the words («…»، X افزود.) */
    RASAD_QUOTE_ACCORDING = 1u << 5, /* «به گفته X، …» */
    RASAD_QUOTE_OPEN      = 1u << 6, /* a « without its »: the words run to the end of the sentence */
    RASAD_QUOTE_ROLE      = 1u << 7, /* the speaker is named by an office (سخنگوی کاخ سفید) written
                                        beside that person's name earlier in the text */
};

typedef struct rasad_quote {
    int kind;                /* enum rasad_quote_kind */
    unsigned flags;          /* rasad_quote_flag bits */
    size_t start, end;       /* the quoted or reported words (inside the marks) */
    size_t sent_start, sent_end; /* the sentence the verb is in */
    int speaker;             /* index into the caller's entities[] (PER, ORG or LOC),
                                or RASAD_EVENTS_NONE */
    size_t who_start, who_end;   /* the speaker as written here: the entity, the
                                    pronoun, or the description; empty when none */
    size_t desc_start, desc_end; /* titles and role written beside the speaker
                                    (سردار ... وزیر دفاع ایران), the name included;
                                    empty when there are none */
    int verb;                /* rasad_events_verb_name(verb) is its lemma; for
                                «به گفته» the verb is گفتن */
    size_t verb_start, verb_end; /* the verb (or «به گفته») as written */
} rasad_quote;

/* ---- date expressions -------------------------------------------------- */

enum rasad_textdate_kind {
    RASAD_TD_ABSOLUTE = 1, /* «۲۵ آذر ۱۳۹۵», «1395/09/25» ... (rasad_date_find) */
    RASAD_TD_DAY      = 2, /* امروز، دیروز، پریروز، فردا ...: offset days from publication */
    RASAD_TD_WEEKDAY  = 3, /* (روز) سه‌شنبه (گذشته/آینده): offset is the weekday, 0 = شنبه */
    RASAD_TD_WEEK     = 4, /* هفته گذشته/جاری/آینده: offset -1, 0, 1 (weeks start on شنبه) */
    RASAD_TD_MONTH    = 5, /* ماه گذشته/جاری/آینده: Jalali months */
    RASAD_TD_YEAR     = 6, /* سال گذشته، پارسال، امسال، سال آینده: Jalali years */
};

/* Bits of rasad_textdate.flags. */
enum rasad_textdate_flag {
    RASAD_TD_UNRESOLVED = 1u << 0, /* relative (or without year) and no publication day: day is UNDATED */
    RASAD_TD_YEAR_GUESSED = 1u << 1, /* «۲۵ آذر» without a year: the year closest to publication */
    RASAD_TD_PAST       = 1u << 2, /* weekday with گذشته/پیش: strictly before publication */
    RASAD_TD_NEXT       = 1u << 3, /* weekday with آینده: strictly after publication */
};

typedef struct rasad_textdate {
    int kind;            /* enum rasad_textdate_kind */
    unsigned flags;      /* rasad_textdate_flag bits */
    size_t start, end;   /* the expression */
    int offset;          /* see the kinds; 0 for ABSOLUTE */
    int32_t day;         /* first day meant (days since 1970-01-01), or RASAD_EVENTS_UNDATED */
    int32_t ndays;       /* days meant from day: 1 for a day, 7 for a week, a month's
                            or a year's length; 0 when unresolved */
    rasad_date date;     /* ABSOLUTE: the date as written (year 0 when none was) */
} rasad_textdate;

/* ---- events ------------------------------------------------------------ */

enum rasad_event_type {
    RASAD_EVENT_MEETING = 1,   /* دیدار، ملاقات، گفت‌وگو، مذاکره، نشست، رایزنی */
    RASAD_EVENT_AGREEMENT = 2, /* امضای تفاهم‌نامه، قرارداد، توافق‌نامه، سند ... */
    RASAD_EVENT_VISIT = 3,     /* سفر X به Y، ورود X به Y */
};

/* Bits of rasad_event.flags. */
enum rasad_event_flag {
    RASAD_EVENT_DATE_TEXT = 1u << 0, /* day comes from a date expression in the sentence */
    RASAD_EVENT_DATE_PUB  = 1u << 1, /* day is the publication day: the sentence has no date */
    RASAD_EVENT_NOMINAL   = 1u << 2, /* the event is named by a noun (دیدار X با Y), no verb */
    RASAD_EVENT_PLANNED   = 1u << 3, /* told as to come: a future verb (دیدار خواهد کرد, وارد
                                        تهران خواهد شد), «قرار است/شد …» before it, or its
                                        day in the text after publication (فردا) */
};

/* Which side of the event a participant is on. */
enum rasad_event_side {
    RASAD_SIDE_SUBJECT = 1, /* the subject (X با Y دیدار کرد: X; سفر X به Y: X) */
    RASAD_SIDE_WITH = 2,    /* the other side: after «با», or after «میان/بین» */
};

typedef struct rasad_event_part {
    int entity;          /* index into the caller's entities[], or RASAD_EVENTS_NONE
                            when the participant is only described: by a relation
                            to a person, «نماینده پوتین» (Putin's envoy), or as a
                            counterpart with no name, «همتای روس خود» */
    int side;            /* enum rasad_event_side */
    int of;              /* described by a relation: the person it is relative to
                            (پوتین), or the place of an office no one named holds
                            (استاندار اصفهان: اصفهان), an index into entities[];
                            else RASAD_EVENTS_NONE */
    size_t desc_start, desc_end; /* described: the relation or office as written
                                    (نماینده, فرستاده ویژه, استاندار), before the
                                    person or place, or the whole counterpart phrase
                                    (همتای روس خود); else empty */
} rasad_event_part;

typedef struct rasad_event {
    int type;                    /* enum rasad_event_type */
    unsigned flags;              /* rasad_event_flag bits */
    size_t sent_start, sent_end; /* its sentence */
    size_t trig_start, trig_end; /* the words that name it (دیدار کرد، امضای تفاهم‌نامه، سفر) */
    size_t part, nparts;         /* participants: result.parts[part .. part + nparts) */
    int place;                   /* a LOC entity (for a visit, the destination), or NONE */
    size_t occ_start, occ_end;   /* the occasion (هفتمین کنفرانس امنیت ...), empty when none */
    int64_t ordinal;             /* the ordinal of the occasion or of the event
                                    (دور ششم مذاکرات), 0 when none */
    int date;                    /* index into result.dates of its day, or NONE */
    int32_t day;                 /* its day, or RASAD_EVENTS_UNDATED */
} rasad_event;

/* ---- extraction -------------------------------------------------------- */

/* What rasad_events_extract returns; every array is owned by the result
 * and freed by rasad_events_result_release. Each array is in text order. */
typedef struct rasad_events_result {
    rasad_quote *quotes;      /* nquotes quotes */
    size_t nquotes;
    rasad_event *events;      /* nevents events */
    size_t nevents;
    rasad_event_part *parts;  /* the participants of every event */
    size_t nparts;
    rasad_textdate *dates;    /* every date expression found */
    size_t ndates;
    size_t ignored;           /* entity spans ignored (empty, out of range,
                                 overlapping an earlier one, unknown type) */
} rasad_events_result;

/* Reads text[0..n) (any bytes) with its entities[0..nent) (in any order;
 * read only during the call; entities may be NULL when nent is 0). Spans
 * that are empty, end past n, have an unknown type, or overlap a span
 * starting earlier (or starting at the same byte and longer) are ignored
 * and counted in out->ignored; indexes in the result always refer to the
 * caller's entities[]. pub_day is the publication day (days since
 * 1970-01-01) or RASAD_EVENTS_UNDATED: relative dates are then left
 * unresolved. On RASAD_OK *out holds the result (caller releases it with
 * rasad_events_result_release). Errors: RASAD_INVAL (text or out NULL, or
 * entities NULL with nent > 0), RASAD_TOOBIG (n > RASAD_EVENTS_MAX_TEXT),
 * RASAD_RANGE (pub_day is neither UNDATED nor a day of the years
 * 2-9998), RASAD_NOMEM; on error *out is empty (and needs no release). */
RASAD_API int rasad_events_extract(const char *text, size_t n,
                                   const rasad_events_span *entities, size_t nent,
                                   int32_t pub_day,
                                   rasad_events_result *out) RASAD_WARN_UNUSED;

/* Frees the arrays of r and empties it. NULL, or an empty result, is fine. */
RASAD_API void rasad_events_result_release(rasad_events_result *r);

/* Returns the lemma of speech verb v (UTF-8, static: "گفتن", "تاکید کردن"),
 * or "" for an unknown value. */
RASAD_API const char *rasad_events_verb_name(int v);

/* Returns the number of speech verbs: v ranges over 0..count-1. */
RASAD_API int rasad_events_verb_count(void);

/* Returns "meeting", "agreement", "visit", or "" for an unknown type. */
RASAD_API const char *rasad_event_type_name(int type);

/* Returns the type named "meeting", "agreement" or "visit" (p[0..n)), or 0
 * for anything else (for a --type option). */
RASAD_API int rasad_event_type_parse(const char *p, size_t n);

/* Returns "direct" or "reported", or "" for an unknown kind. */
RASAD_API const char *rasad_quote_kind_name(int kind);

/* Returns "absolute", "day", "weekday", "week", "month", "year", or "". */
RASAD_API const char *rasad_textdate_kind_name(int kind);

#endif
