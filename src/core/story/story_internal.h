/* story_internal.h - shared by the files of src/core/story. */
#ifndef RASAD_STORY_INTERNAL_H
#define RASAD_STORY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/story.h"
#include "rasad/text.h"

/* ---- map.c: uint64 key -> uint32 value, open addressing ----------------- */

typedef struct rasad__map {
    uint64_t *key;    /* key + 1; 0 marks an empty slot */
    uint32_t *val;
    size_t cap, used; /* cap is 0 or a power of two */
} rasad__map;

void rasad__map_release(rasad__map *m);
/* Returns a pointer to key's value, or NULL when absent. */
uint32_t *rasad__map_find(const rasad__map *m, uint64_t key);
/* Returns key's value slot, inserting it with value init when absent;
 * NULL on NOMEM. *added says whether it was inserted. */
uint32_t *rasad__map_put(rasad__map *m, uint64_t key, uint32_t init, int *added);

/* ---- features.c: a text as weighted words ------------------------------- */

/* One word of a vector: its id (a hash of its stem) and its weight. */
typedef struct rasad__tw {
    uint32_t term;
    float w;
} rasad__tw;

/* A text's features: words with log-scaled counts, normalized to unit
 * length, sorted by term; and the event numbers it names. */
typedef struct rasad__feats {
    rasad_tokenizer *tok;
    uint32_t *terms;       /* scratch: every word's id, in text order */
    size_t nterms, cterms;
    rasad__tw *v;          /* result */
    size_t nv, cv;
    uint32_t ed[RASAD_STORY_EDITIONS];
    unsigned ned;
    /* scanner state between tokens */
    const char *src;       /* the text being read (raw bytes) */
    size_t src_n;
    uint32_t prev_ord;     /* value of the previous token when an ordinal, else 0 */
    int prev_event;        /* previous token is an event noun */
    int64_t prev_card;     /* the cardinal before «و» before this token, or -1 */
    int64_t card;          /* value of the previous token when a cardinal word, else -1 */
    int prev_and;          /* previous token is «و» */
    int card_after_event;  /* previous token is a cardinal word after an event noun */
    size_t limit;          /* words kept stop at this count (the lead of the body) */
    int err;
} rasad__feats;

int rasad__feats_init(rasad__feats *f);
void rasad__feats_release(rasad__feats *f);
/* Reads title (counted twice; may be NULL), text and the entity names
 * (each a word of its own, counted NAME_REPEAT times) into f->v, f->ed.
 * Returns 0 or a status. */
int rasad__feats_run(rasad__feats *f, const char *title, size_t title_n,
                     const char *text, size_t text_n, const char *const *names, size_t nnames);
/* Adds the edition value to ed[] (sorted, unique, at most
 * RASAD_STORY_EDITIONS). */
void rasad__editions_add(uint32_t *ed, unsigned *ned, uint32_t v);

/* ---- the clusterer ------------------------------------------------------ */

typedef struct rasad__story {
    uint64_t id, thread;
    uint32_t articles;     /* added and joined (duplicates) */
    uint32_t members;      /* added: the unit vectors summed in v */
    int32_t first, last;
    unsigned ned;
    uint32_t ed[RASAD_STORY_EDITIONS];
    rasad__tw *v;          /* centroid: sum of its members' TF-IDF unit vectors
                              (idf as it was when each joined), sorted by term */
    uint32_t nv, cv;
} rasad__story;

typedef struct rasad__posting {
    uint32_t *s;           /* story indexes (may repeat, or name a story that
                              has since dropped the word: cluster.c) */
    uint32_t n, cap;
} rasad__posting;

struct rasad_story {
    rasad_story_opts o;
    rasad__story *st;      /* in creation order */
    size_t nst, cst;
    rasad__map by_id;      /* story id -> index in st */
    rasad__map ids;        /* article ids added -> 1 */
    rasad__map df;         /* term -> articles holding it */
    uint64_t ndocs;        /* articles counted in df */
    rasad__map post_of;    /* term -> index in post */
    rasad__posting *post;
    size_t npost, cpost;
    rasad__feats f;
    /* scratch for one add */
    uint32_t *stamp, *tstamp; /* per story: last add / last term that touched it */
    float *acc;               /* per story: candidate score */
    size_t cstamp;
    uint32_t now, tnow;
    uint32_t *cand;
    size_t ccand;
    double *idf;              /* per word of the article: idf */
    rasad__tw *aw;            /* per word of the article: TF-IDF, unit length */
    size_t cidf;              /* capacity of idf and aw */
};

/* Frees every story, word count and scratch array: c is empty again
 * (options and tokenizer kept). */
void rasad__story_clear(rasad_story *c);
/* idf of term under the current counts. */
double rasad__story_idf(const rasad_story *c, uint32_t term);
/* The posting of term, made empty when absent; NULL on NOMEM. */
rasad__posting *rasad__posting_add(rasad_story *c, uint32_t term);
/* Indexes story si's words in the postings. Returns 0 or NOMEM. */
int rasad__story_post(rasad_story *c, uint32_t si, const rasad__tw *v, size_t n);
/* Appends an empty story with id; returns its index or -1 on NOMEM. */
long rasad__story_append(rasad_story *c, uint64_t id);

#endif
