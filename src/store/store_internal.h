/* store_internal.h - shared by the files of src/store. */
#ifndef RASAD_STORE_INTERNAL_H
#define RASAD_STORE_INTERNAL_H

#include <sqlite3.h>
#include "buf.h"
#include "rasad/clean.h"
#include "rasad/dedup.h"
#include "rasad/store.h"
#include "rasad/ner.h"
#include "rasad/entity.h"
#include "rasad/events.h"
#include "rasad/story.h"
#include "rasad/text.h"

/* Prepared statements, made once per store (index into rasad_store.st). */
enum store_stmt {
    ST_FIND_KEY,      /* rowid, hash, dup_of of an article by key */
    ST_SET_DUP,       /* mark an article a duplicate */
    ST_INSERT,        /* a new article */
    ST_UPDATE,        /* replace an article's content */
    ST_FTS_INSERT,    /* index title/text under a rowid */
    ST_FTS_DELETE,    /* unindex the old title/text */
    ST_OLD_CONTENT,   /* title/text of a rowid, for unindexing */
    ST_REJECT,        /* record a rejected input */
    ST_STORY_OF,      /* the story of an article */
    ST_SET_STORY,     /* put an article in a story */
    ST_NEW_STORY,     /* a new story: thread, span, count, title */
    ST_GROW_STORY,    /* one more article: count and span */
    ST_STORY_TITLE,   /* a story's title, its kind and the body it came from */
    ST_SET_TITLE,     /* a story's new title */
    ST_ENT_FORM,      /* the entity of a written form */
    ST_ENT_BY_KEY,    /* entities with a spelling key */
    ST_ENT_BY_LAST,   /* entities of two words or more with a last word */
    ST_ENT_BY_JKEY,   /* entities whose whole name, spaces out, has a spelling key */
    ST_ENT_HAS_ROLE,  /* has an entity been seen with a role */
    ST_ENT_NEW,       /* a new entity */
    ST_ENT_FORM_ADD,  /* a form of an entity, or more of it */
    ST_ENT_ROLE,      /* a role seen with an entity */
    ST_ENT_COUNT,     /* an entity's mentions and articles grow */
    ST_MENTION,       /* one mention */
    ST_ENT_UPTO,      /* the last article linked */
    ST_ARTICLE_ENTITIES, /* the entities an article names */
    ST_QUOTE,         /* one quote */
    ST_EVENT,         /* one event */
    ST_EVENT_PART,    /* one participant of an event */
    ST_COUNT
};

struct rasad_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    rasad_cleaner *cleaner;     /* learns per-source lines during ingest */
    rasad_norm *norm;           /* reader's normal form for the norm column */
    rasad_dedup *dd;            /* the canonical articles' shingles (dedup.c), made
                                   on the first put of a session */
    rasad_story *sc;            /* the story clusterer (store_story.c), loaded on
                                   first use in a session */
    int64_t story_upto;         /* last article the clusterer has seen */
    int story_dirty;            /* articles clustered since its state was saved */
    unsigned batch;             /* articles per transaction */
    unsigned pending;           /* articles in the open transaction */
    int in_tx;
    int learned;                /* articles cleaned since the memory was saved */
    int readonly;               /* rasad_store_open_readonly: never writes */
    rasad_ner *ner;             /* the tagger when a model was given (store_entity.c) */
    rasad_ner *ner2;            /* a second one, for the second half of a long body */
    rasad_entity_namer *namer;
    int64_t entity_upto;        /* last article linked; -1 until read */
    rasad_link_progress_fn link_progress; /* rasad_store_set_link_progress, or NULL */
    void *link_ud;
    char err[256];              /* last error not from SQLite */
};

/* Runs the migrations up to the current schema. Returns 0 or RASAD_IO /
 * RASAD_UNSUPPORTED with s->err set. */
int rasad__store_migrate(rasad_store *s);

/* The lead sentence of t (cut to 300 bytes at a character edge) as
 * t[*start..*start+*len); returns 0 when there is none. */
int rasad__story_lead(const char *t, size_t n, size_t *start, size_t *len);

/* Days since 1970-01-01 of "YYYY-MM-DD" (store_story.c), or INT32_MIN
 * (RASAD_STORY_UNDATED, RASAD_EVENTS_UNDATED) for anything else. */
int32_t rasad__day_of(const char *d);

/* strings.c: a copy of p[0..n) (NULL for NULL p), and of column i of a
 * row (NULL for SQL NULL); both set *nomem when out of memory. The caller
 * frees with rasad_free. */
char *rasad__dup_n(const char *p, size_t n, int *nomem);
char *rasad__col_dup(sqlite3_stmt *st, int i, int *nomem);

/* Checks that the schema is the current one without changing it (for a
 * read-only store). Returns 0 or RASAD_UNSUPPORTED / RASAD_IO, s->err set. */
int rasad__store_check_version(rasad_store *s);

/* Prepares statement k once; returns it reset, or NULL on error. */
sqlite3_stmt *rasad__store_stmt(rasad_store *s, enum store_stmt k);

/* The cleaner's memory of each source's lines (memory.c): loaded when the
 * store opens, saved after an ingest and when it closes. Both return 0 or
 * a status. */
int rasad__memory_load(rasad_store *s);
int rasad__memory_save(rasad_store *s);

/* Duplicates (store_dedup.c): *dup_of gets the rowid of the canonical
 * article that body (of the article just stored as rowid) duplicates, or
 * 0; *jaccard how close. Loads the index from the database first when the
 * session has none. Returns 0 or a status. */
int rasad__dedup_check(rasad_store *s, int64_t rowid, const char *body, size_t n,
                       int64_t *dup_of, double *jaccard);

/* Entities (store_entity.c): links the new article rowid's mentions when
 * the store has a tagger (first those of earlier articles not yet linked);
 * a duplicate only moves entity_state on. Returns 0 or a status. */
int rasad__entity_assign(rasad_store *s, int64_t rowid, const char *title, const char *body,
                         size_t n, const char *date, int64_t dup_of);

/* Before entities, quotes or events are read (entities.c): a store with a
 * model links the articles stored without one. Returns 0 or a status. */
int rasad__entity_prepare(rasad_store *s);

/* Quotes and events (store_events.c) of article rowid, from its clean body
 * and its k linked entity spans (ids[i] the entity of spans[i]). Returns 0
 * or a status. */
int rasad__events_store(rasad_store *s, int64_t rowid, const char *body, size_t n,
                        const char *date, const rasad_events_span *spans, const int64_t *ids,
                        size_t k);

/* Stories (store_story.c). rasad__story_assign puts the new article rowid
 * (title may be NULL, date "YYYY-MM-DD" or "") in a story, dup_of (0 or
 * the rowid it duplicates) in its original's story; rasad__story_save
 * writes the clusterer's state when it changed; rasad__story_load makes
 * s->sc (from the saved state, then every later article before rowid
 * `before` (0: all) in rowid order).
 * All return 0 or a status. */
int rasad__story_assign(rasad_store *s, int64_t rowid, const char *title, const char *body,
                        size_t n, const char *date, int64_t dup_of);
int rasad__story_save(rasad_store *s);
/* Makes and stores the summary of every story without one (stories.c).
 * Returns 0 or a status. */
int rasad__story_summaries(rasad_store *s);
int rasad__story_load(rasad_store *s, int64_t before);

/* Opens a transaction if none is open. Returns 0 or RASAD_IO. */
int rasad__store_begin(rasad_store *s);

/* Reads a publication date as written (ISO 8601, YYYY/MM/DD, Jalali in
 * digits or words) into "YYYY-MM-DD" (Gregorian) in out[11]. Returns 1 when
 * a date was found, 0 otherwise. */
int rasad__pubdate_iso(const char *p, size_t n, char out[11]);

/* Does the index hold the word tok (as the tokenizer would index it)? */
typedef int (*rasad__term_exists_fn)(void *ud, const char *tok);

/* rasad_query_to_fts(), with a way to ask the index about words: a word
 * in no article is then tried as two words (query.c, split_unknown). */
int rasad__query_to_fts_ex(const char *q, size_t n, int any,
                           rasad__term_exists_fn exists, void *exists_ud,
                           char **expr, int *nterms, char *errbuf, size_t errcap);

/* Appends t to out as one FTS5 string ("t", inner quotes doubled), so
 * that nothing in t is FTS5 syntax (query.c). */
void rasad__fts_string(rasad_buf *out, const char *t);

/* Maps an SQLite result code to a rasad status. */
int rasad__store_status(int sqlite_rc);

#endif
