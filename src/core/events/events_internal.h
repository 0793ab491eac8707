/* events_internal.h - shared by the files of src/core/events.
 *
 * One article is read once into an ev_doc: its tokens (the tokenizer's
 * index form, ZWNJ taken out, so «تفاهم‌نامه», «تفاهمنامه» and «تفاهم
 * نامه» are one key sequence), the punctuation between them, the caller's
 * entities mapped onto the tokens, and its sentences. The passes (dates.c,
 * quotes.c, meetings.c) read the doc and append to its result arrays. */
#ifndef RASAD_EVENTS_INTERNAL_H
#define RASAD_EVENTS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/events.h"

/* Punctuation between two tokens (ev_tok.gap). */
enum {
    EV_G_COMMA  = 1u << 0, /* ، , */
    EV_G_COLON  = 1u << 1, /* : */
    EV_G_SEMI   = 1u << 2, /* ؛ ; */
    EV_G_QOPEN  = 1u << 3, /* « “ and an opening " */
    EV_G_QCLOSE = 1u << 4, /* » ” and a closing " */
    EV_G_STOP   = 1u << 5, /* . ! ? ؟ */
    EV_G_PAREN  = 1u << 6, /* ( ) [ ] */
    EV_G_DASH   = 1u << 7, /* - – — */
    EV_G_LINE   = 1u << 8, /* a line break */
};
#define EV_G_HARD (EV_G_COLON | EV_G_SEMI | EV_G_QOPEN | EV_G_QCLOSE | EV_G_STOP | EV_G_LINE)

typedef struct ev_tok {
    size_t start, end;  /* bytes of the text */
    uint32_t key, nkey; /* its index form, ZWNJ removed: doc->keys + key */
    int ent;            /* index into doc->ent whose span holds this token, or -1 */
    unsigned gap;       /* EV_G_* marks between the previous token and this one */
    int depth;          /* quote marks open at this token (0: outside quotes) */
    int num;            /* 1 when the token is a number (digits or a number word) */
} ev_tok;

typedef struct ev_ent {
    int type;           /* enum rasad_ner_type */
    size_t start, end;
    int idx;            /* index in the caller's entities[] */
    size_t t0, t1;      /* tokens it covers: [t0, t1); t0 == t1 when none */
} ev_ent;

typedef struct ev_sent {
    size_t start, end;  /* bytes */
    size_t t0, t1;      /* tokens */
} ev_sent;

typedef struct ev_doc {
    const char *p;
    size_t n;
    int32_t pub;               /* publication day or RASAD_EVENTS_UNDATED */
    ev_tok *tok;
    size_t ntok, ctok;
    char *keys;
    size_t nkeys, ckeys;
    unsigned gap_end;          /* marks after the last token */
    ev_ent *ent;               /* the usable entities, in text order */
    size_t nent;
    ev_sent *sent;
    size_t nsent, csent;
    int salient;               /* doc->ent index of the person last in subject
                                  position (a speaker, a sentence's subject), or -1 */
    int spoke;                 /* a quote of this sentence set salient */
    int sporty;                /* a sports report: EV_SPORTY words of the sports
                                  list or more; there دیدار is mostly a match */
    size_t cq, cev, cparts, cdates; /* capacities of the result arrays */
    rasad_events_result *res;
    int err;                   /* first error; once set, passes add nothing */
} ev_doc;

#define EV_SPORTY 6         /* sport_terms that make an article a sports report... */
#define EV_SPORTY_EVERY 200 /* ...when there is one in this many tokens */

/* ---- doc.c: reading the article ----------------------------------------- */

int rasad__ev_doc_init(ev_doc *d, const char *p, size_t n, const rasad_events_span *ents,
                       size_t nent, int32_t pub, rasad_events_result *res);
void rasad__ev_doc_release(ev_doc *d);

/* The marks after token t (before token t + 1, or at the end). */
unsigned rasad__ev_gap_after(const ev_doc *d, size_t t);

/* Matches the table phrase w (UTF-8; letters folded as the tokenizer folds
 * them, spaces and ZWNJ ignored) against the keys of tokens t, t+1 ...
 * below lim. Returns the tokens matched (the phrase must end at a token's
 * end), 0 when it does not match. */
size_t rasad__ev_match(const ev_doc *d, size_t t, size_t lim, const char *w);

/* The longest phrase of list[0..nw) (an array of structs of size stride
 * beginning with a const char *) matching at t: returns its index, or -1;
 * *ntok gets the tokens it covers. */
int rasad__ev_longest(const ev_doc *d, size_t t, size_t lim, const void *list,
                      size_t stride, size_t nw, size_t *ntok);

/* 1 when token t's key is exactly the phrase w (one token, or w's words
 * joined). */
int rasad__ev_is(const ev_doc *d, size_t t, const char *w);

/* Position of the first (last when last != 0) character with an EV_G_*
 * bit of mark in the gap before token t (t == ntok: after the last token),
 * and in *after (may be NULL) the byte after it; when there is none, the
 * gap's end (first) or start (last), *after the same. */
size_t rasad__ev_mark_pos(const ev_doc *d, size_t t, unsigned mark, int last, size_t *after);

/* Grows a result array by one element; returns it zeroed, or NULL (d->err set). */
void *rasad__ev_push(ev_doc *d, void **arr, size_t *n, size_t *cap, size_t elem);

/* ---- tables.c: the word lists ------------------------------------------- */

typedef struct ev_word {
    const char *w;
} ev_word;

typedef struct ev_verb {
    const char *lemma;  /* the infinitive shown to users */
    const char *noun;   /* the non-verbal part of a compound verb, or NULL */
    const char *past;   /* past stem: گفت; for a compound, of its light verb */
    const char *pres;   /* present stem: گو */
    unsigned flags;     /* EV_V_* */
} ev_verb;

enum {
    EV_V_MARKED = 1u << 0, /* speech only before a colon, «, or که (ادامه داد، اضافه کرد) */
};

typedef struct ev_rel {
    const char *w;
    int kind;           /* RASAD_TD_DAY, _WEEK, _MONTH, _YEAR, _WEEKDAY */
    int offset;
} ev_rel;

extern const ev_verb rasad__ev_verbs[];
extern const size_t rasad__ev_nverbs;
extern const ev_rel rasad__ev_rel[];
extern const size_t rasad__ev_nrel;

/* Named lists (NULL-free arrays and their lengths). */
#define EV_LIST(name) extern const ev_word rasad__ev_##name[]; extern const size_t rasad__ev_n##name
EV_LIST(pronouns);      /* وی، او، ایشان */
EV_LIST(first_person);  /* من، ما، بنده … */
EV_LIST(person_nouns);   /* نامزد، استاد، دیپلمات …: «این X» is a person */
EV_LIST(group_nouns);    /* کارشناسان، دانشمندان …: a group that speaks */
EV_LIST(preps);         /* prepositions: an entity right after one is not a subject */
EV_LIST(titles);        /* title words before a name: سردار، دکتر ... */
EV_LIST(roles);         /* office words: وزیر، رئیس، سخنگوی ... */
EV_LIST(role_stops);    /* words that end a role phrase */
EV_LIST(vague_offices); /* وزرای، مقامات، منابع ...: offices that name no one person */
EV_LIST(meet_nouns);    /* دیدار، ملاقات، گفت‌وگو ... */
EV_LIST(light);         /* light verbs after a meeting noun: کرد، داشت، نمود ... */
EV_LIST(not_meetings);  /* words after «با» that make it an interview (خبرنگار) */
EV_LIST(sports);
EV_LIST(sport_terms);   /* تیم، لیگ، سرمربی ...: words of a sports report */        /* words of a sports report: دیدار there is a match */
EV_LIST(deals);         /* تفاهم‌نامه، قرارداد ... */
EV_LIST(signs);         /* امضا، امضای ... */
EV_LIST(occasions);     /* حاشیه، جریان، خلال ... after در */
EV_LIST(gatherings);    /* نشست، کنفرانس، اجلاس ... after در */
EV_LIST(visits);        /* سفر، وارد، عازم */
EV_LIST(arrive_verbs);  /* شد ... after «وارد X» */
EV_LIST(zone_stops);    /* words that end a «در ...» phrase */
EV_LIST(relational);    /* نماینده، مشاور ...: a person after them is not the holder */
EV_LIST(topics);        /* مورد، باره ... after «در»: not a place */
EV_LIST(intents);       /* برای، خواستار ... before a meeting noun: not held */
EV_LIST(not_held);      /* نتوانست، امتناع، نشد ...: the event did not happen */
EV_LIST(futures);       /* خواهد، کند ...: the verb tells of what is to come */
EV_LIST(plans);         /* قرار است، قرار شد ...: a plan, not a deed */
EV_LIST(demonstratives);/* این، آن، همین: «این دیدار» names an event already told;
                           هرگونه، هیچ: «هرگونه نشست» names none */
EV_LIST(sources);       /* «به گزارش», «به نقل از»: a source, not a speaker */
#undef EV_LIST

#define EV_COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- the passes --------------------------------------------------------- */

/* Date expressions of the whole text into res->dates (sorted by start). */
void rasad__ev_dates(ev_doc *d);
/* Quotes of sentence s. */
/* 1 when a speech verb (گفت، اظهار کرد …) stands outside quote marks in
 * sentence s at or after token t. */
int rasad__ev_speech_after(const ev_doc *d, size_t s, size_t t);
void rasad__ev_quotes(ev_doc *d, size_t s);
/* Meetings, agreements and visits of sentence s. */
void rasad__ev_events(ev_doc *d, size_t s);

/* ---- roles.c: subjects, speakers, participants -------------------------- */

/* 1 when token t is in the list. */
int rasad__ev_in(const ev_doc *d, size_t t, const ev_word *list, size_t n);

/* How many of the (at most 2) tokens right before t, none before lo, make
 * a phrase of list[0..n) (the longest that does); 0 when none: «در» or
 * «پس از» before a trigger. */
size_t rasad__ev_phrase_before(const ev_doc *d, size_t lo, size_t t, const ev_word *list, size_t n);
/* 1 when entity e (doc index) is right after a preposition (title words
 * between them skipped), or is a person right after a relational office
 * (نماینده پوتین), at or after token lo. */
int rasad__ev_after_prep(const ev_doc *d, size_t e, size_t lo);
/* The first token of the relational office (نماینده، فرستاده ویژه ...)
 * written right before person e (titles between them skipped), at or
 * after token lo; SIZE_MAX when e is no person or has none. */
size_t rasad__ev_relation(const ev_doc *d, size_t e, size_t lo);
/* The end (token) of the role phrase that starts at token t (an office
 * word), at most hi. */
size_t rasad__ev_role_end(const ev_doc *d, size_t t, size_t hi);
/* The end of a noun phrase going on at u (below hi): up to ROLE_WORDS words,
 * stopped by punctuation, a person, a title or a role stop (در، با، که …). */
size_t rasad__ev_phrase_end(const ev_doc *d, size_t u, size_t hi);
/* The person named before token `before` beside whom the role phrase of
 * tokens [r0, r1) (two words or more) was written (سخنگوی کاخ سفید ... later «سخنگوی کاخ سفید
 * گفت»): the latest with the same words, else the only one whose role
 * starts with them (وزیر دفاع: وزیر دفاع روسیه), or of several such the
 * person in focus (the last subject or speaker); -1 when none or two. */
int rasad__ev_role_person(const ev_doc *d, size_t r0, size_t r1, size_t before);
/* The person an office phrase at tokens [r0, r1) of a clause [lo, hi)
 * stands for (rasad__ev_role_person), or -1: also -1 when a person follows
 * it (X's envoy: «فرستاده ویژه آقای X»), when it is the role of a person
 * just named («X، وزیر دفاع»), or when it is owned by a relation or a
 * plural before it («حامیان نماینده Y»). */
int rasad__ev_office_holder(const ev_doc *d, size_t r0, size_t r1, size_t lo, size_t hi);
/* 1 when entities x and y (doc indexes) are written with the same words,
 * or one's words end the other's (شمخانی, علی شمخانی). */
int rasad__ev_same_name(const ev_doc *d, size_t x, size_t y);
/* The titles and role around entity e inside [lo, hi) as a byte span. */
void rasad__ev_desc(const ev_doc *d, size_t e, size_t lo, size_t hi, size_t *start, size_t *end);
/* The person a pronoun at token t refers to (doc index), or -1; *fallback
 * set when it is only the last person named. */
int rasad__ev_resolve(const ev_doc *d, size_t t, size_t sent_t0, int *fallback);
/* The sentence's subject person (first PER of [t0, t1) outside quotes and
 * not after a preposition), or -1. */
int rasad__ev_subject(const ev_doc *d, size_t t0, size_t t1);
/* The first token of the clause of token t: after a colon, semicolon,
 * quote mark or line break, at most max tokens back, not before t0;
 * «به گزارش X،» at its start skipped. */
size_t rasad__ev_clause(const ev_doc *d, size_t t0, size_t t, size_t max);
/* The number value of token t when it is an ordinal (هفتمین, ششم), else 0. */
int64_t rasad__ev_ordinal(const ev_doc *d, size_t t);

#endif
