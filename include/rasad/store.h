/* store.h - the archive: one SQLite file of articles with rasad's Persian
 * full-text index, and the ingest and search built on it.
 *
 * A store is one SQLite database in WAL mode whose schema is versioned by
 * PRAGMA user_version and brought up to date by migrations when opened.
 * Each article is kept as it came (raw), cleaned (body, with every removed
 * line and its reason), and normalized, with its metadata; the FTS5 table
 * indexes title and body with the "rasad" tokenizer (fts.h).
 *
 * A rasad_store is used from one thread at a time. Strings handed to
 * callbacks are valid only during the call. */
#ifndef RASAD_STORE_H
#define RASAD_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"
#include "rasad/article.h"
#include "rasad/read.h"
#include "rasad/clean.h"

typedef struct rasad_store rasad_store;

/* Opens (creating if needed) the database at path and migrates it to the
 * current schema. On success returns 0 and stores the handle in *out (close
 * it with rasad_store_close). On failure *out is NULL and, when errbuf is
 * not NULL, a one-line reason is written there (NUL-terminated, truncated
 * to errcap). Returns RASAD_IO (cannot open, not a database, locked),
 * RASAD_UNSUPPORTED (a newer schema, or no FTS5), RASAD_NOMEM. */
RASAD_API int rasad_store_open(const char *path, rasad_store **out,
                               char *errbuf, size_t errcap);

/* Opens the database at path for reading only (a server's worker): no
 * migration (RASAD_UNSUPPORTED when its schema is not the current one),
 * nothing is ever written, ingest is refused; stories are shown as the
 * last ingest left them. Otherwise as rasad_store_open. One handle per
 * thread. */
RASAD_API int rasad_store_open_readonly(const char *path, rasad_store **out,
                                        char *errbuf, size_t errcap);

/* For a program that opens many stores from many threads (a server):
 * turns off SQLite's memory statistics, whose global lock every allocation
 * takes. Must come before any store is opened in the process; returns
 * RASAD_OK, or RASAD_INVAL when SQLite has already started (nothing
 * changes then). */
RASAD_API int rasad_store_threads_init(void);

/* Commits what is pending and closes. NULL is fine. Returns 0 or RASAD_IO
 * when the last commit failed. */
RASAD_API int rasad_store_close(rasad_store *s);

/* The last error SQLite reported on s, in English; never NULL, owned by s. */
RASAD_API const char *rasad_store_errmsg(const rasad_store *s);

/* The schema version this library writes (PRAGMA user_version). */
RASAD_API int rasad_store_schema_version(void);

/* ---- ingest ------------------------------------------------------------ */

/* What happened to one article given to rasad_store_put(). */
enum rasad_put_outcome {
    RASAD_PUT_NEW = 1,        /* a new article */
    RASAD_PUT_UPDATED = 2,    /* same id, new content: replaced in place */
    RASAD_PUT_UNCHANGED = 3,  /* already stored exactly so: nothing done */
};

/* Cleans, normalizes, stores and indexes article a. Its key is the input's
 * id, else its URL, else for a .txt or .html file "file:" and its path,
 * else "h:" and a hash of source and text; the same key with the
 * same raw content is UNCHANGED, with other content UPDATED. Writes go in
 * transactions of batch articles (rasad_store_set_batch), so a crash loses
 * at most the open batch, never consistency; rasad_store_flush or close
 * commits. A new article that duplicates an earlier one (exact, or near at
 * Jaccard >= 0.8: docs/dedup.md) is stored with dup_of set and is not
 * indexed: search finds its group through the earliest article, with its
 * number of copies. Stores the outcome in *outcome when not NULL. Returns 0,
 * RASAD_INVAL (no text), RASAD_IO (SQLite error: see rasad_store_errmsg),
 * RASAD_NOMEM. */
RASAD_API int rasad_store_put(rasad_store *s, const rasad_article *a,
                              int *outcome);

/* Records a rejected input (file, line, reason) so that stats count it;
 * the same (file, line, what) is recorded once. Returns 0 or RASAD_IO. */
RASAD_API int rasad_store_reject(rasad_store *s, const char *file, long line,
                                 const char *what);

/* Articles per transaction (default 500, at least 1). */
RASAD_API void rasad_store_set_batch(rasad_store *s, unsigned batch);

/* Commits the open transaction, if any. Returns 0 or RASAD_IO. */
RASAD_API int rasad_store_flush(rasad_store *s);

typedef struct rasad_ingest_stats {
    uint64_t read;        /* articles read */
    uint64_t added;       /* RASAD_PUT_NEW */
    uint64_t updated;     /* RASAD_PUT_UPDATED */
    uint64_t unchanged;   /* RASAD_PUT_UNCHANGED */
    uint64_t rejected;    /* inputs rejected by a reader or by put */
    uint64_t files;       /* files opened */
} rasad_ingest_stats;

/* Progress of rasad_store_ingest(), called after each file starts and
 * about every 256 articles. */
typedef void (*rasad_ingest_progress_fn)(void *ud, const rasad_ingest_stats *st,
                                         size_t file_index, size_t files_total);

typedef struct rasad_ingest_opts {
    rasad_read_error_fn on_error;       /* each rejected input; may be NULL */
    rasad_ingest_progress_fn progress;  /* may be NULL */
    void *ud;                           /* passed to both */
} rasad_ingest_opts;

/* Reads every path (files and folders; read.h) and puts each article into
 * s, recording rejects. Records over 32 MB (a JSONL line, an HTML file, a
 * WARC record) are rejected as too long. Adds to *st (which must be zeroed by the caller the
 * first time). Returns 0 when all input was stored, RASAD_PARSE when some
 * was rejected (reported, the rest stored), RASAD_IO or RASAD_NOMEM when
 * storing failed (ingest stops; what was committed stays). */
RASAD_API int rasad_store_ingest(rasad_store *s, const char *const *paths,
                                 size_t n, const rasad_ingest_opts *opts,
                                 rasad_ingest_stats *st);

/* ---- search ------------------------------------------------------------ */

/* Turns a user query into an FTS5 expression over rasad's tokens.
 * Syntax: words (all must match), "a phrase", prefix*, AND, OR, NOT and
 * parentheses; Persian stop words are dropped from word lists. With any
 * set, the words are OR'ed (best matches of any of them). Never fails on
 * content: a query with nothing searchable gives RASAD_NOTFOUND and a
 * reason in errbuf; a NOT without anything before it, an unclosed quote or
 * parenthesis are repaired or reported there too. On success *expr is a
 * NUL-terminated string the caller frees with rasad_free(), and *nterms
 * (when not NULL) counts the plain words kept, or is -1 when the query
 * used operators, phrases, prefixes or parentheses. At most 64 words are
 * searched and parentheses nest at most 8 deep; on success errbuf says
 * when words were left out ("" otherwise). Returns 0, RASAD_NOTFOUND,
 * RASAD_NOMEM. */
RASAD_API int rasad_query_to_fts(const char *q, size_t n, int any,
                                 char **expr, int *nterms,
                                 char *errbuf, size_t errcap);

typedef struct rasad_search_opts {
    const char *query;    /* the user's query, UTF-8, NUL-terminated */
    int any;              /* rank by any of the words (BM25 over OR) */
    int limit;            /* results wanted (default 10 when <= 0) */
    int offset;           /* results to skip */
    const char *source;   /* only this source, or NULL */
    const char *since;    /* only published on or after this date (YYYY-MM-DD or Jalali), or NULL */
    const char *until;    /* only published on or before, or NULL */
    const char *mark_open;   /* put before each matched token in snippets ("" when NULL) */
    const char *mark_close;  /* put after it */
    int snippet_tokens;   /* snippet length in tokens (default 24) */
} rasad_search_opts;

typedef struct rasad_hit {
    int64_t rowid;
    const char *id;         /* the input's id, else the store's key */
    const char *title;
    const char *source;
    const char *published;  /* as written in the input */
    const char *url;
    double score;           /* BM25, higher is better */
    const char *snippet;    /* from the original text, matches marked */
    int64_t copies;         /* articles stored as duplicates of this one */
} rasad_hit;

typedef int (*rasad_hit_fn)(void *ud, const rasad_hit *hit);

typedef struct rasad_search_info {
    int64_t total;          /* matching articles (before limit) */
    int fallback;           /* 1 when nothing matched all words and any-word ranking was used */
    char message[256];      /* why nothing could be searched, a note (words left out), or "" */
    double ms;              /* time spent, milliseconds */
} rasad_search_info;

/* Runs a search and calls fn for each hit, best first. Returns 0 (also for
 * zero hits), RASAD_NOTFOUND when the query has nothing searchable or a
 * date is unreadable (info->message says why), RASAD_IO, RASAD_NOMEM, or
 * fn's non-zero value. */
RASAD_API int rasad_store_search(rasad_store *s, const rasad_search_opts *o,
                                 rasad_hit_fn fn, void *ud,
                                 rasad_search_info *info);

/* ---- show and stats ---------------------------------------------------- */

/* One stored article, every string owned by the struct (NULL when absent);
 * free with rasad_stored_free(). meta_json is a JSON object (input fields
 * rasad did not know and what the cleaner found), removed_json a JSON array
 * of {"line":N,"reason":"...","text":"..."}. */
typedef struct rasad_stored {
    int64_t rowid;
    char *id, *key, *url, *source, *title, *published, *published_date;
    char *text;            /* the clean body */
    char *norm;            /* the normalized body */
    char *meta_json, *removed_json;
    struct rasad_stored_removed {
        long line;         /* 1-based line of the text given to the cleaner */
        char *reason;      /* rasad_clean_reason_name() */
        char *text;
    } *removed;            /* removed_json as an array */
    size_t n_removed;
    char *file;            /* where it was read from */
    long line;
    char *format;
    char *dup_of;          /* id of the article this one duplicates, or NULL */
    double dup_jaccard;    /* how close (1 for an exact copy) */
    int64_t copies;        /* articles stored as duplicates of this one */
    int64_t story;         /* the story it is in (docs/stories.md), or 0 */
} rasad_stored;

/* Finds the article whose input id is id (else whose key is id, else the
 * one read from the .txt or .html file at path id, else, for "#N", whose
 * rowid is N) and fills *out. Returns 0, RASAD_NOTFOUND,
 * RASAD_IO, RASAD_NOMEM. */
RASAD_API int rasad_store_get(rasad_store *s, const char *id, rasad_stored *out);
RASAD_API void rasad_stored_free(rasad_stored *a);

typedef struct rasad_store_stats {
    int64_t articles;
    int64_t duplicates;     /* articles stored as duplicates of an earlier one */
    int64_t sources;
    int64_t rejected;       /* distinct rejected inputs recorded */
    int64_t db_bytes;       /* size of the database (page_count * page_size) */
    int schema_version;
} rasad_store_stats;

/* Fills *st. Returns 0 or RASAD_IO. */
RASAD_API int rasad_store_stats_get(rasad_store *s, rasad_store_stats *st);

/* Checks the database (PRAGMA integrity_check) and that the full-text
 * index matches the articles (FTS5 integrity-check). Returns 0 when both
 * pass, RASAD_PARSE when not (a one-line reason in msg), RASAD_IO. */
RASAD_API int rasad_store_check(rasad_store *s, char *msg, size_t cap);

/* Calls fn for each source with its article count, most articles first. */
RASAD_API int rasad_store_each_source(rasad_store *s,
                                      int (*fn)(void *ud, const char *source, int64_t n),
                                      void *ud);

/* ---- stories and threads (docs/stories.md) -------------------------------- */

/* One article of a story. */
typedef struct rasad_story_article {
    int64_t rowid;
    char *id;              /* the input's id, else the store's key */
    char *title, *source;  /* or NULL */
    char *published;       /* YYYY-MM-DD, or NULL when undated */
    int64_t dup_of;        /* rowid of the article it duplicates, or 0 */
} rasad_story_article;

/* One story as the store shows it. Every string and array is owned by the
 * view (rasad_story_view_free). */
typedef struct rasad_story_view {
    int64_t id;            /* the rowid of its first article */
    int64_t thread;        /* the id of its thread's first story */
    char *title;           /* the most central headline, else the lead
                              sentence of the most central article */
    char *first_seen, *last_seen; /* YYYY-MM-DD, or NULL when no article is dated */
    char **sources;        /* distinct, in time order of their first article */
    size_t nsources;
    rasad_story_article *articles; /* dated ones by date, then undated; ties by rowid */
    size_t narticles;
    size_t copies;         /* of which duplicates of another article */
    char **summary;        /* 3-5 sentences (rasad_store_story only; else NULL) */
    size_t nsummary;
} rasad_story_view;

typedef struct rasad_stories_opts {
    const char *since, *until; /* stories seen in the range (any form rasad reads
                                  as a date); NULL: open; an undated story is in
                                  no range */
    const char *source;        /* stories with an article from this source, or NULL */
    int64_t thread;            /* stories of this thread, or 0 for all */
} rasad_stories_opts;

/* Calls fn for every story matching o (NULL: all), most recently seen
 * first, undated ones last, ties by id; the view is valid during the call.
 * fn returning non-zero stops and is returned. Returns 0, RASAD_INVAL (a
 * date not understood: message in rasad_store_errmsg), RASAD_IO,
 * RASAD_NOMEM. */
RASAD_API int rasad_store_stories(rasad_store *s, const rasad_stories_opts *o,
                                  int (*fn)(void *ud, const rasad_story_view *v), void *ud);

/* Fills *out with story id and its summary. Returns 0, RASAD_NOTFOUND,
 * RASAD_IO, RASAD_NOMEM. Free with rasad_story_view_free. */
RASAD_API int rasad_store_story(rasad_store *s, int64_t id, rasad_story_view *out);
RASAD_API void rasad_story_view_free(rasad_story_view *v);

/* One thread: its stories in the order they began. */
typedef struct rasad_thread_view {
    int64_t id;
    char *title;           /* the title of its largest story (ties: the first) */
    char *first_seen, *last_seen;
    int64_t *stories;
    size_t nstories;
    int64_t articles;
} rasad_thread_view;

/* Calls fn for every thread, most recently seen first, undated last, ties
 * by id. Returns as rasad_store_stories. */
RASAD_API int rasad_store_threads(rasad_store *s,
                                  int (*fn)(void *ud, const rasad_thread_view *t), void *ud);

/* Forgets every story and thread and clusters all articles again in rowid
 * order (the order they were ingested): the result is the same as the
 * ingests gave. *articles (may be NULL) gets the number clustered. Returns
 * 0 or a status. */
RASAD_API int rasad_store_recluster(rasad_store *s, int64_t *articles);

/* ---- entities (docs/entities.md) ------------------------------------------ */

typedef struct rasad_ner_model rasad_ner_model;

/* Gives the store a named-entity model (ner.h; borrowed: it must outlive
 * the store or the next call): from now on each new article's people,
 * places and organisations are linked into entities as it is stored, and
 * articles stored earlier without a model are linked first, in order. NULL
 * stops tagging. Returns 0, RASAD_INVAL (a read-only store), RASAD_NOMEM. */
RASAD_API int rasad_store_set_ner(rasad_store *s, const rasad_ner_model *m);

/* Receives progress while articles stored earlier are linked after the
 * fact (an archive ingested without a model, or linked again after an
 * upgrade): done of total articles of this catch-up, every
 * RASAD_LINK_PROGRESS_EVERY articles and once at the end. */
typedef void (*rasad_link_progress_fn)(void *ud, int64_t done, int64_t total);
#define RASAD_LINK_PROGRESS_EVERY 256

/* Sets (fn non-NULL) or clears the link progress callback of s. */
RASAD_API void rasad_store_set_link_progress(rasad_store *s, rasad_link_progress_fn fn, void *ud);

/* Links every article not linked yet (needs a model); *articles (may be
 * NULL) gets how many rowids were passed. Returns 0 or a status. */
RASAD_API int rasad_store_link_entities(rasad_store *s, int64_t *articles);

/* Forgets every entity and links all articles again, in rowid order.
 * Returns as rasad_store_link_entities. */
RASAD_API int rasad_store_relink_entities(rasad_store *s, int64_t *articles);

/* One written form of an entity: how often, and why it was linked. */
typedef struct rasad_entity_form {
    char *form;
    int64_t n;
    char *why;
} rasad_entity_form;

/* A role seen beside an entity, how often and when (YYYY-MM-DD or NULL). */
typedef struct rasad_entity_role {
    char *role;
    int64_t n;
    char *first_seen, *last_seen;
} rasad_entity_role;

/* Another entity named in the same articles. */
typedef struct rasad_entity_cooc {
    int64_t id;
    int type;
    char *name;
    int64_t articles;      /* articles naming both */
} rasad_entity_cooc;

/* One entity as the store shows it; everything owned by the view
 * (rasad_entity_view_free). */
typedef struct rasad_entity_view {
    int64_t id;
    int type;              /* enum rasad_ner_type */
    char *name;            /* its most written form */
    rasad_entity_form *forms;   /* every form, most written first */
    size_t nforms;
    rasad_entity_role *roles;   /* most seen first */
    size_t nroles;
    int64_t *articles;     /* rowids, ascending */
    size_t narticles;
    int64_t mentions;
    rasad_entity_cooc *cooc;    /* rasad_store_entity only: the 20 most shared */
    size_t ncooc;
} rasad_entity_view;

typedef struct rasad_entities_opts {
    int type;              /* 0: every type, else enum rasad_ner_type */
    int64_t article;       /* 0, or only the entities named in this article */
    int64_t story;         /* 0, or only the entities named in this story's articles */
    int limit, offset;     /* limit <= 0: all */
    int brief;             /* 1: id, type, name and mentions only (no forms, roles,
                              articles: cheap for lists of names) */
} rasad_entities_opts;

/* Calls fn for the entities matching o (NULL: all), most mentioned first,
 * ties by id. Returns 0, RASAD_IO, RASAD_NOMEM, or fn's non-zero value. */
RASAD_API int rasad_store_entities(rasad_store *s, const rasad_entities_opts *o,
                                   int (*fn)(void *ud, const rasad_entity_view *e), void *ud);

/* Fills *out with entity id, with its co-occurring entities. Returns 0,
 * RASAD_NOTFOUND, RASAD_IO, RASAD_NOMEM. */
RASAD_API int rasad_store_entity(rasad_store *s, int64_t id, rasad_entity_view *out);

/* Finds the entity written as name (normalized as the linker does; any
 * type, the most mentioned when several). Returns 0 with *id,
 * RASAD_NOTFOUND, RASAD_IO, RASAD_NOMEM. */
RASAD_API int rasad_store_entity_find(rasad_store *s, const char *name, int64_t *id);

RASAD_API void rasad_entity_view_free(rasad_entity_view *v);

/* One mention in an article: the entity, its type, where (part 0 the clean
 * body, 1 the title; byte span into that text). */
typedef struct rasad_mention {
    int64_t entity;
    int type;
    int part;
    size_t start, end;
} rasad_mention;

/* Calls fn for each mention of article rowid, in text order (title
 * first). Returns 0, RASAD_IO, or fn's non-zero value. */
RASAD_API int rasad_store_mentions(rasad_store *s, int64_t article,
                                   int (*fn)(void *ud, const rasad_mention *m), void *ud);

/* ---- quotes and events (docs/events.md) ----------------------------------- */

/* One quote; strings owned by the store, valid during the callback. */
typedef struct rasad_quote_view {
    int64_t id, article;
    int64_t speaker;       /* entity id, or 0 when the speaker is not an entity */
    const char *speaker_name; /* its most written form, or NULL */
    const char *who;       /* the speaker as written (a name, وی, a description), or NULL */
    int kind;              /* enum rasad_quote_kind */
    const char *verb;      /* the speech verb's lemma, or NULL */
    const char *text;      /* the words said */
    const char *day;       /* the article's day (YYYY-MM-DD) or NULL */
} rasad_quote_view;

typedef struct rasad_quotes_opts {
    int64_t speaker;       /* 0, or only this entity's */
    int64_t article;       /* 0, or only this article's */
    int64_t story;         /* 0, or only this story's */
    int limit, offset;     /* limit <= 0: all */
} rasad_quotes_opts;

/* Calls fn for the quotes matching o (NULL: all), newest article first,
 * then in text order. Returns 0, RASAD_IO, or fn's non-zero value. */
RASAD_API int rasad_store_quotes(rasad_store *s, const rasad_quotes_opts *o,
                                 int (*fn)(void *ud, const rasad_quote_view *q), void *ud);

/* One participant of an event: an entity, or a person described by a
 * relation to one (entity 0, name «نماینده پوتین», of = Putin). */
typedef struct rasad_event_party {
    int64_t entity;        /* 0 when described */
    const char *name;      /* the entity's most written form, or the description */
    int type;              /* enum rasad_ner_type (PER when described) */
    int side;              /* enum rasad_event_side */
    int64_t of;            /* described: the person it is relative to; else 0 */
    const char *of_name;   /* that person's most written form, or NULL */
} rasad_event_party;

/* One event; strings owned by the store, valid during the callback. */
typedef struct rasad_event_view {
    int64_t id, article;
    int type;              /* enum rasad_event_type */
    const char *trigger;   /* the words that name it */
    const char *sentence;  /* its sentence */
    const rasad_event_party *parts;
    size_t nparts;
    int64_t place;         /* a LOC entity, or 0 */
    const char *place_name;
    const char *occasion;  /* or NULL */
    int64_t ordinal;       /* of the occasion or event, 0 when none */
    const char *day;       /* YYYY-MM-DD or NULL */
    int planned;           /* 1 when told as to come (RASAD_EVENT_PLANNED) */
} rasad_event_view;

typedef struct rasad_events_opts {
    int type;              /* 0, or one enum rasad_event_type */
    int64_t entity;        /* 0, or only events with this participant (or place) */
    int64_t article;       /* 0, or only this article's */
    int64_t story;         /* 0, or only this story's */
    int limit, offset;
} rasad_events_opts;

/* Calls fn for the events matching o (NULL: all), latest day first
 * (undated last), then by id. Returns 0, RASAD_IO, RASAD_NOMEM, or fn's
 * non-zero value. */
RASAD_API int rasad_store_events(rasad_store *s, const rasad_events_opts *o,
                                 int (*fn)(void *ud, const rasad_event_view *e), void *ud);

#endif
