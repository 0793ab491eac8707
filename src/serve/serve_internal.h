/* serve_internal.h - shared by the files of src/serve. */
#ifndef RASAD_SERVE_INTERNAL_H
#define RASAD_SERVE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/store.h"
#include "buf.h"

/* ---- one request -------------------------------------------------------- */

enum { SRV_MAX_ARG = 1000 };   /* bytes of one query argument at most */

typedef struct srv_req {
    void *conn;              /* struct MHD_Connection */
    rasad_store *store;      /* this worker's read-only handle */
    const char *rest;        /* the path after the route's prefix */
    int api;                 /* under /api/: errors as JSON */
    rasad_buf out;           /* the body */
    int status;              /* HTTP status; 200 unless a handler says */
    const char *ctype;       /* Content-Type */
} srv_req;

typedef int (*srv_handler)(srv_req *r);

/* A query argument (decoded by the server), or NULL when absent. */
const char *srv_arg(srv_req *r, const char *name);
/* Reads argument name as an integer in [min, max], def when absent.
 * Returns 0, or -1 after writing a 400 error into r. */
int srv_int_arg(srv_req *r, const char *name, long def, long min, long max, long *out);
/* Reads the id at r->rest (digits only, 1..2^53). Returns 0, or -1 after
 * writing a 404 into r. */
int srv_id(srv_req *r, int64_t *id);
/* Replaces r's body by an error (JSON under /api/, else a page) with
 * status and message; returns 0 so handlers can `return srv_error(...)`. */
int srv_error(srv_req *r, int status, const char *message);
/* 1 when argument name is present and its value is not valid UTF-8 or is
 * longer than SRV_MAX_ARG; the server answers 400 before any handler. */
int srv_arg_bad(const char *value);

/* ---- cache.c: rendered answers kept (see there) --------------------------- */

#define SRV_CACHE_TTL 5.0      /* seconds an answer is used at most */
typedef struct srv_cache srv_cache;
srv_cache *srv_cache_new(const char *db, size_t max_bytes);
void srv_cache_free(srv_cache *c);
/* The archive's state, from its files (never 0). */
uint64_t srv_cache_version(const srv_cache *c);
/* 1 and a copy of the body (rasad_malloc) when key is kept for version. */
int srv_cache_get(srv_cache *c, const char *key, size_t keyn, uint64_t version,
                  char **body, size_t *n, const char **ctype, char etag[24]);
/* Keeps a copy; ctype must be a literal. */
void srv_cache_put(srv_cache *c, const char *key, size_t keyn, uint64_t version,
                   const char *body, size_t n, const char *ctype, const char etag[24]);

/* ---- json.c: JSON into a buffer ----------------------------------------- */

/* s as a JSON string ("null" for NULL); invalid UTF-8 becomes U+FFFD and
 * < > & are written as \u escapes, so a JSON body is inert as HTML too. */
void jw_str(rasad_buf *b, const char *s);
void jw_int(rasad_buf *b, long long v);
#define JW(b, lit) rasad__buf_add((b), "" lit, sizeof(lit) - 1)

/* The shapes of the CLI's --json (cmd_stories.c, cmd_search.c). */
void jw_story_head(rasad_buf *b, const rasad_story_view *v);
void jw_story_list_item(rasad_buf *b, const rasad_story_view *v);
void jw_story_full(rasad_buf *b, const rasad_story_view *v);
void jw_thread(rasad_buf *b, const rasad_thread_view *t);
/* As `rasad entities --json` (full: as `rasad entity --json`), `rasad
 * quotes --json`, `rasad events --json`. */
void jw_entity(rasad_buf *b, const rasad_entity_view *e, int full);
void jw_quote(rasad_buf *b, const rasad_quote_view *q);
void jw_event(rasad_buf *b, const rasad_event_view *e);

/* ---- html.c: HTML into a buffer, escaped by construction ----------------- */

/* Markup goes in only as string literals (H); every other string goes
 * through ht_text, ht_attr_url or ht_snippet, which escape it. */
#define H(b, lit) rasad__buf_add((b), "" lit, sizeof(lit) - 1)
void ht_text(rasad_buf *b, const char *s);          /* NULL writes nothing */
void ht_textn(rasad_buf *b, const char *s, size_t n);
void ht_num(rasad_buf *b, long long v);             /* in Persian digits */
void ht_date(rasad_buf *b, const char *iso);        /* ۶ اردیبهشت ۱۳۹۶ (2017-04-26) */
/* s as a URL query value (percent-encoded: safe in an attribute). */
void ht_qval(rasad_buf *b, const char *s);
/* A snippet whose matches are between \x01 and \x02: escaped, the matches
 * in <mark>. */
void ht_snippet(rasad_buf *b, const char *s);
/* 1 when url is an absolute http(s) URL that may be a link. */
int ht_url_ok(const char *url);
void ht_page_begin(rasad_buf *b, const char *title, const char *q);
void ht_page_end(rasad_buf *b);
extern const char ht_css[];
extern const size_t ht_css_len;

/* ---- the handlers ------------------------------------------------------- */

/* Request arguments shared by the API and the pages (api.c): return 0, or
 * -1 with a 400 written into r. */
int srv_search_opts(srv_req *r, rasad_search_opts *o, long max_limit);
int srv_stories_opts(srv_req *r, rasad_stories_opts *o);

int api_health(srv_req *r);
int api_search(srv_req *r);
int api_stories(srv_req *r);
int api_story(srv_req *r);
int api_threads(srv_req *r);
int api_thread(srv_req *r);
int api_article(srv_req *r);
int api_entities(srv_req *r);
int api_entity(srv_req *r);
int api_quotes(srv_req *r);
int api_events(srv_req *r);

int page_home(srv_req *r);
int page_search(srv_req *r);
int page_story(srv_req *r);
int page_thread(srv_req *r);
int page_article(srv_req *r);
int page_entity(srv_req *r);
int page_css(srv_req *r);

#endif
