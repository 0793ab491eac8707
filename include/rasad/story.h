/* story.h - stories and threads: online clustering of news articles.
 *
 * A story is one event as many outlets reported it; a thread links the
 * stories of one topic over weeks and years. Articles arrive one at a time
 * (rasad_story_add): each is compared with the stories seen so far and
 * joins the best one when the vote allows it, or starts a story of its own;
 * a new story joins the thread of the most similar earlier story when that
 * is close enough, or starts a thread. Nothing is ever recomputed: the same
 * articles in the same order give the same stories and threads, whether
 * added in one run or many (the state can be saved and restored exactly:
 * rasad_story_export / rasad_story_import). The method, the votes and the
 * figures that chose the defaults: docs/stories.md.
 *
 * Votes. Text: average link, the mean cosine between the article's TF-IDF
 * vector (stemmed words, stop words left out, the title counted twice;
 * document frequencies of the articles seen so far) and the vectors of
 * the articles in the story (each weighted as it was when it joined). Time:
 * a dated article joins only a story seen within `window` days of its day
 * (undated articles and stories are clustered on text alone). Event
 * marks: an ordinal beside an event noun (هفتمین کنفرانس، دور ششم
 * مذاکرات) names one edition of a recurring event, a format of three or
 * more sides after one (نشست چهارجانبه) names the kind of meeting; an
 * article and a story that both carry marks, and no mark in common, are
 * different events however close their words. Entities: the names the
 * caller gives (rasad_story_doc.names: the store gives entity ids) are
 * words of their own, counted twice.
 *
 * Ids are the caller's: a story's id is the id of its first article, a
 * thread's id the id of its first story. */
#ifndef RASAD_STORY_H
#define RASAD_STORY_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

/* Defaults, used for the zero fields of rasad_story_opts (docs/stories.md). */
#define RASAD_STORY_JOIN   0.16 /* mean cosine at or above which an article joins a story */
#define RASAD_STORY_THREAD 0.12 /* mean cosine at or above which a new story joins a thread */
#define RASAD_STORY_WINDOW 7    /* days around a story's span a dated article may join it */
#define RASAD_STORY_TERMS  200u /* words kept in a story's centroid */
#define RASAD_STORY_UNDATED INT32_MIN /* rasad_story_doc.day of an article without a date */
#define RASAD_STORY_EDITIONS 8u /* event marks kept per story */
#define RASAD_STORY_SIDES 0x40000000u /* + n: the mark of a meeting of n sides */

typedef struct rasad_story_opts {
    double join;       /* (0, 1]; 0 = RASAD_STORY_JOIN */
    double thread;     /* (0, 1]; 0 = RASAD_STORY_THREAD; above join means never */
    int window;        /* days, >= 1; 0 = RASAD_STORY_WINDOW */
    unsigned terms;    /* 16..4096; 0 = RASAD_STORY_TERMS */
} rasad_story_opts;

typedef struct rasad_story_doc {
    uint64_t id;            /* the caller's article id (not RASAD_STORY_NONE) */
    const char *title;      /* headline, or NULL */
    size_t title_n;
    const char *text;       /* clean body (any bytes; invalid UTF-8 is tolerated) */
    size_t text_n;
    int32_t day;            /* days since 1970-01-01, or RASAD_STORY_UNDATED */
    const char *const *names; /* the people, places and organisations it names
                                 (canonical names, entity.h), or NULL */
    size_t nnames;
} rasad_story_doc;

#define RASAD_STORY_NONE UINT64_MAX

typedef struct rasad_story_result {
    uint64_t story;     /* the story the article is in */
    uint64_t thread;    /* that story's thread */
    double sim;         /* mean cosine with the story it joined; 1 when it started it */
    double best;        /* best mean cosine with any earlier story (0 when none) */
    uint64_t best_story;/* that story, or RASAD_STORY_NONE */
    int vetoed;         /* 1 when best_story was refused for time or event marks */
    int new_story;      /* 1 when the article started its story */
    int new_thread;     /* 1 when that story started its thread */
} rasad_story_result;

/* One story as the clusterer holds it (rasad_story_get). */
typedef struct rasad_story_info {
    uint64_t id, thread;
    uint32_t articles;          /* articles added to it (rasad_story_add and _join) */
    int32_t first_day, last_day;/* RASAD_STORY_UNDATED when none of them was dated */
    unsigned editions;          /* event marks in edition[]: an edition number, or
                                   RASAD_STORY_SIDES + n for a meeting of n sides */
    uint32_t edition[RASAD_STORY_EDITIONS];
} rasad_story_info;

typedef struct rasad_story rasad_story; /* opaque; one per thread */

/* Creates an empty clusterer with opts (NULL: all defaults). Returns
 * RASAD_OK and stores it in *out (caller frees with rasad_story_free);
 * RASAD_INVAL for options out of range; RASAD_NOMEM. */
RASAD_API int rasad_story_new(const rasad_story_opts *opts, rasad_story **out) RASAD_WARN_UNUSED;
RASAD_API void rasad_story_free(rasad_story *c);

/* Adds doc: it joins a story or starts one (see the top of this file), and
 * *res says which. The clusterer copies what it keeps; doc's strings are
 * not referenced after the call. Returns RASAD_OK; RASAD_INVAL for a NULL
 * argument or an id already added; RASAD_NOMEM (the clusterer is then
 * unchanged). */
RASAD_API int rasad_story_add(rasad_story *c, const rasad_story_doc *doc,
                              rasad_story_result *res) RASAD_WARN_UNUSED;

/* Puts doc in story `story` without comparing it (a duplicate of an
 * article already in that story): the story's span and article count
 * grow, its words do not. Returns RASAD_OK; RASAD_NOTFOUND when there is
 * no such story; RASAD_INVAL. */
RASAD_API int rasad_story_join(rasad_story *c, uint64_t story, const rasad_story_doc *doc,
                               rasad_story_result *res) RASAD_WARN_UNUSED;

/* Fills *out with story id. Returns RASAD_OK or RASAD_NOTFOUND. */
RASAD_API int rasad_story_get(const rasad_story *c, uint64_t id, rasad_story_info *out);

/* Mean cosine between text (and title, counted twice; may be NULL) and
 * the articles of story id, as rasad_story_add would compute it now; *out
 * gets it (0 for a text without words). Changes nothing. Returns RASAD_OK,
 * RASAD_NOTFOUND, RASAD_NOMEM. */
RASAD_API int rasad_story_similarity(rasad_story *c, uint64_t id, const char *title, size_t title_n,
                                     const char *text, size_t text_n, double *out) RASAD_WARN_UNUSED;

/* Saving and restoring. rasad_story_export writes the whole state (word
 * counts, every story's centroid, span and event marks) as one
 * self-describing byte string, little-endian whatever the machine, to *out
 * (caller frees with rasad_free), *n its size; rasad_story_import reads
 * one into an empty clusterer made with the same options, after which it
 * behaves exactly as the one exported. Import returns RASAD_PARSE for
 * bytes that are not such a state (the clusterer is then emptied),
 * RASAD_INVAL when c is not empty or the options differ. */
RASAD_API int rasad_story_export(const rasad_story *c, char **out, size_t *n) RASAD_WARN_UNUSED;
RASAD_API int rasad_story_import(rasad_story *c, const char *p, size_t n) RASAD_WARN_UNUSED;

/* ---- summaries ----------------------------------------------------------- */

/* One sentence chosen for a summary: text index (into the texts given) and
 * its byte span there. */
typedef struct rasad_summary_pick {
    size_t text;
    size_t start, end;
    double centrality;  /* cosine with the centroid of all the sentences */
} rasad_summary_pick;

/* Chooses up to max (1..16) sentences from texts[0..ntexts) (the clean
 * bodies of one story's articles, duplicates left out, in time order) by
 * maximal marginal relevance: each pick is the sentence with the best
 * 0.7 * centrality - 0.3 * (highest cosine with a sentence already picked),
 * and a sentence whose cosine with a pick is 0.6 or more is never picked.
 * Sentences of fewer than 4 words are skipped. picks[] receives them in
 * text order (text index, then position); *npicks their number. Returns
 * RASAD_OK, RASAD_INVAL, RASAD_NOMEM. */
RASAD_API int rasad_story_summary(const char *const *texts, const size_t *lens, size_t ntexts,
                                  unsigned max, rasad_summary_pick *picks, size_t *npicks) RASAD_WARN_UNUSED;

#endif
