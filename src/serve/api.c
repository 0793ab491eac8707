/* api.c - the JSON API under /api/v1/ (docs/serve.md): the shapes of the
 * CLI's --json, with limit and offset on every list. */
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/events.h"
#include "rasad/ner.h"
#include "serve_internal.h"

int api_health(srv_req *r)
{
    rasad_store_stats st;
    if (rasad_store_stats_get(r->store, &st) != RASAD_OK)
        return srv_error(r, 503, "the archive cannot be read");
    JW(&r->out, "{\"status\":\"ok\",\"articles\":");
    jw_int(&r->out, st.articles);
    JW(&r->out, ",\"duplicates\":");
    jw_int(&r->out, st.duplicates);
    JW(&r->out, ",\"sources\":");
    jw_int(&r->out, st.sources);
    JW(&r->out, ",\"schema\":");
    jw_int(&r->out, st.schema_version);
    JW(&r->out, "}");
    return 0;
}

/* ---- search ------------------------------------------------------------ */

typedef struct hits_ctx {
    rasad_buf *b;
    long n;
} hits_ctx;

static int json_hit(void *ud, const rasad_hit *h)
{
    hits_ctx *c = ud;
    rasad_buf *b = c->b;
    if (c->n++)
        rasad__buf_addc(b, ',');
    JW(b, "{\"rowid\":");
    jw_int(b, h->rowid);
    JW(b, ",\"id\":");
    jw_str(b, h->id);
    JW(b, ",\"title\":");
    jw_str(b, h->title);
    JW(b, ",\"source\":");
    jw_str(b, h->source);
    JW(b, ",\"published\":");
    jw_str(b, h->published);
    JW(b, ",\"url\":");
    jw_str(b, h->url);
    char t[48];
    int k = snprintf(t, sizeof t, ",\"score\":%.4f,\"copies\":", h->score);
    rasad__buf_add(b, t, (size_t)k);
    jw_int(b, h->copies);
    JW(b, ",\"snippet\":");
    jw_str(b, h->snippet ? h->snippet : "");
    rasad__buf_addc(b, '}');
    return 0;
}

/* The search options from the request (q, limit, offset, source, since,
 * until). Returns 0, or -1 with a 400 written. */
int srv_search_opts(srv_req *r, rasad_search_opts *o, long max_limit)
{
    long limit, offset;
    memset(o, 0, sizeof *o);
    o->query = srv_arg(r, "q");
    if (!o->query || !*o->query)
        return srv_error(r, 400, "q is missing: /api/v1/search?q=words"), -1;
    if (srv_int_arg(r, "limit", 10, 1, max_limit, &limit) ||
        srv_int_arg(r, "offset", 0, 0, 10000, &offset))
        return -1;
    o->limit = (int)limit;
    o->offset = (int)offset;
    o->source = srv_arg(r, "source");
    o->since = srv_arg(r, "since");
    o->until = srv_arg(r, "until");
    if (o->source && !*o->source)
        o->source = NULL;
    if (o->since && !*o->since)
        o->since = NULL;
    if (o->until && !*o->until)
        o->until = NULL;
    return 0;
}

int api_search(srv_req *r)
{
    rasad_search_opts o;
    rasad_search_info info;
    rasad_buf hits;
    if (srv_search_opts(r, &o, 100))
        return 0;
    o.mark_open = "<b>";
    o.mark_close = "</b>";
    rasad__buf_init(&hits, 0);
    hits_ctx c = { &hits, 0 };
    int rc = rasad_store_search(r->store, &o, json_hit, &c, &info);
    if (rc == RASAD_NOTFOUND) {
        rasad__buf_release(&hits);
        return srv_error(r, 400, info.message[0] ? info.message : "nothing to search");
    }
    if (rc != RASAD_OK || hits.err) {
        rasad__buf_release(&hits);
        return srv_error(r, 500, "the search failed");
    }
    JW(&r->out, "{\"query\":");
    jw_str(&r->out, o.query);
    JW(&r->out, ",\"total\":");
    jw_int(&r->out, info.total);
    JW(&r->out, ",\"offset\":");
    jw_int(&r->out, o.offset);
    JW(&r->out, ",\"limit\":");
    jw_int(&r->out, o.limit);
    if (info.fallback)
        JW(&r->out, ",\"fallback\":true,\"results\":[");
    else
        JW(&r->out, ",\"fallback\":false,\"results\":[");
    if (hits.n)
        rasad__buf_add(&r->out, hits.p, hits.n);
    char t[48];
    int k = snprintf(t, sizeof t, "],\"ms\":%.3f", info.ms);
    rasad__buf_add(&r->out, t, (size_t)k);
    if (info.message[0]) {
        JW(&r->out, ",\"message\":");
        jw_str(&r->out, info.message);
    }
    rasad__buf_addc(&r->out, '}');
    rasad__buf_release(&hits);
    return 0;
}

/* ---- stories and threads -------------------------------------------------- */

typedef struct page_ctx {
    srv_req *r;
    long offset, limit, seen, written;
    int64_t only;       /* threads: just this id, or 0 */
} page_ctx;

static int story_item(void *ud, const rasad_story_view *v)
{
    page_ctx *c = ud;
    if (c->seen++ < c->offset)
        return 0;
    if (c->written == c->limit)
        return 1;                       /* one more exists: stop */
    if (c->written++)
        rasad__buf_addc(&c->r->out, ',');
    jw_story_list_item(&c->r->out, v);
    return 0;
}

/* Fills o from the request's since, until, source and thread. */
int srv_stories_opts(srv_req *r, rasad_stories_opts *o)
{
    long thread;
    memset(o, 0, sizeof *o);
    o->since = srv_arg(r, "since");
    o->until = srv_arg(r, "until");
    o->source = srv_arg(r, "source");
    if (srv_int_arg(r, "thread", 0, 0, 9007199254740991L, &thread))
        return -1;
    o->thread = thread;
    return 0;
}

static int list_status(srv_req *r, int rc)
{
    if (rc == RASAD_INVAL)
        return srv_error(r, 400, rasad_store_errmsg(r->store));
    if (rc != RASAD_OK && rc != 1)
        return srv_error(r, 500, "the archive cannot be read");
    return 0;
}

int api_stories(srv_req *r)
{
    rasad_stories_opts o;
    page_ctx c = { r, 0, 0, 0, 0, 0 };
    if (srv_stories_opts(r, &o) || srv_int_arg(r, "limit", 50, 1, 500, &c.limit) ||
        srv_int_arg(r, "offset", 0, 0, 1000000, &c.offset))
        return 0;
    rasad__buf_addc(&r->out, '[');
    int rc = rasad_store_stories(r->store, &o, story_item, &c);
    rasad__buf_addc(&r->out, ']');
    return list_status(r, rc);
}

int api_story(srv_req *r)
{
    int64_t id;
    rasad_story_view v;
    if (srv_id(r, &id))
        return 0;
    int rc = rasad_store_story(r->store, id, &v);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such story");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    jw_story_full(&r->out, &v);
    rasad_story_view_free(&v);
    return 0;
}

static int thread_item(void *ud, const rasad_thread_view *t)
{
    page_ctx *c = ud;
    if (c->only && t->id != c->only)
        return 0;
    if (c->seen++ < c->offset)
        return 0;
    if (c->written == c->limit)
        return 1;
    if (c->written++ && !c->only)
        rasad__buf_addc(&c->r->out, ',');
    jw_thread(&c->r->out, t);
    return c->only ? 1 : 0;
}

int api_threads(srv_req *r)
{
    page_ctx c = { r, 0, 0, 0, 0, 0 };
    if (srv_int_arg(r, "limit", 50, 1, 500, &c.limit) ||
        srv_int_arg(r, "offset", 0, 0, 1000000, &c.offset))
        return 0;
    rasad__buf_addc(&r->out, '[');
    int rc = rasad_store_threads(r->store, thread_item, &c);
    rasad__buf_addc(&r->out, ']');
    return list_status(r, rc);
}

int api_thread(srv_req *r)
{
    int64_t id;
    if (srv_id(r, &id))
        return 0;
    page_ctx c = { r, 0, 1, 0, 0, id };
    int rc = rasad_store_threads(r->store, thread_item, &c);
    if (list_status(r, rc) == 0 && r->status == 200 && !c.written)
        return srv_error(r, 404, "no such thread");
    return 0;
}

/* ---- one article ---------------------------------------------------------- */

/* meta and removed are JSON the library wrote; < > & appear in them only
 * inside strings, where \u escapes mean the same. */
static void raw_json(rasad_buf *b, const char *j, const char *empty)
{
    if (!j)
        j = empty;
    for (; *j; j++) {
        if (*j == '<')
            JW(b, "\\u003c");
        else if (*j == '>')
            JW(b, "\\u003e");
        else if (*j == '&')
            JW(b, "\\u0026");
        else
            rasad__buf_addc(b, *j);
    }
}

int api_article(srv_req *r)
{
    int64_t id;
    char key[32];
    rasad_stored a;
    if (srv_id(r, &id))
        return 0;
    snprintf(key, sizeof key, "#%lld", (long long)id);
    int rc = rasad_store_get(r->store, key, &a);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such article");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    rasad_buf *b = &r->out;
    JW(b, "{\"rowid\":");
    jw_int(b, a.rowid);
    JW(b, ",\"id\":");
    jw_str(b, a.id ? a.id : a.key);
    JW(b, ",\"title\":");
    jw_str(b, a.title);
    JW(b, ",\"source\":");
    jw_str(b, a.source);
    JW(b, ",\"url\":");
    jw_str(b, a.url);
    JW(b, ",\"published\":");
    jw_str(b, a.published);
    JW(b, ",\"published_date\":");
    jw_str(b, a.published_date);
    JW(b, ",\"text\":");
    jw_str(b, a.text);
    JW(b, ",\"dup_of\":");
    jw_str(b, a.dup_of);
    JW(b, ",\"copies\":");
    jw_int(b, a.copies);
    JW(b, ",\"story\":");
    if (a.story)
        jw_int(b, a.story);
    else
        JW(b, "null");
    JW(b, ",\"meta\":");
    raw_json(b, a.meta_json, "{}");
    JW(b, ",\"removed\":");
    raw_json(b, a.removed_json, "[]");
    rasad__buf_addc(b, '}');
    rasad_stored_free(&a);
    return 0;
}

/* ---- entities, quotes, events -------------------------------------------- */

typedef struct ent_ctx {
    srv_req *r;
    long n;
} ent_ctx;

static int entity_item(void *ud, const rasad_entity_view *e)
{
    ent_ctx *c = ud;
    if (c->n++)
        rasad__buf_addc(&c->r->out, ',');
    jw_entity(&c->r->out, e, 0);
    return 0;
}

/* type=PER|LOC|ORG (or empty) into *type; -1 after a 400. */
static int type_arg(srv_req *r, int *type)
{
    const char *t = srv_arg(r, "type");
    *type = 0;
    if (!t || !*t)
        return 0;
    for (int k = 1; k < RASAD_NER_NTYPES; k++)
        if (strcmp(rasad_ner_type_name(k), t) == 0) {
            *type = k;
            return 0;
        }
    srv_error(r, 400, "type must be PER, LOC, ORG, DAT, TIM, MON or PCT");
    return -1;
}

int api_entities(srv_req *r)
{
    rasad_entities_opts o = { 0, 0, 0, 0, 0, 0 };
    long limit, offset, story;
    if (type_arg(r, &o.type) || srv_int_arg(r, "limit", 50, 1, 500, &limit) ||
        srv_int_arg(r, "offset", 0, 0, 1000000, &offset) ||
        srv_int_arg(r, "story", 0, 0, 9007199254740991L, &story))
        return 0;
    o.limit = (int)limit;
    o.offset = (int)offset;
    o.story = story;
    ent_ctx c = { r, 0 };
    rasad__buf_addc(&r->out, '[');
    int rc = rasad_store_entities(r->store, &o, entity_item, &c);
    rasad__buf_addc(&r->out, ']');
    return list_status(r, rc);
}

static int quote_item(void *ud, const rasad_quote_view *q);
static int event_item(void *ud, const rasad_event_view *e);

int api_entity(srv_req *r)
{
    int64_t id;
    rasad_entity_view e;
    if (srv_id(r, &id))
        return 0;
    int rc = rasad_store_entity(r->store, id, &e);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such entity");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    jw_entity(&r->out, &e, 1);
    rasad_entity_view_free(&e);
    /* as `rasad entity --json`: its latest quotes and events too */
    if (r->out.n && !r->out.err)
        r->out.n--;                          /* reopen the object: drop its '}' */
    rasad_quotes_opts qo = { id, 0, 0, 20, 0 };
    rasad_events_opts eo = { 0, id, 0, 0, 20, 0 };
    ent_ctx c = { r, 0 };
    JW(&r->out, ",\"quotes\":[");
    rc = rasad_store_quotes(r->store, &qo, quote_item, &c);
    c.n = 0;
    JW(&r->out, "],\"events\":[");
    if (rc == RASAD_OK)
        rc = rasad_store_events(r->store, &eo, event_item, &c);
    JW(&r->out, "]}");
    return list_status(r, rc);
}

static int quote_item(void *ud, const rasad_quote_view *q)
{
    ent_ctx *c = ud;
    if (c->n++)
        rasad__buf_addc(&c->r->out, ',');
    jw_quote(&c->r->out, q);
    return 0;
}

static int event_item(void *ud, const rasad_event_view *e)
{
    ent_ctx *c = ud;
    if (c->n++)
        rasad__buf_addc(&c->r->out, ',');
    jw_event(&c->r->out, e);
    return 0;
}

int api_quotes(srv_req *r)
{
    long speaker, story, limit, offset;
    if (srv_int_arg(r, "speaker", 0, 0, 9007199254740991L, &speaker) ||
        srv_int_arg(r, "story", 0, 0, 9007199254740991L, &story) ||
        srv_int_arg(r, "limit", 50, 1, 500, &limit) ||
        srv_int_arg(r, "offset", 0, 0, 1000000, &offset))
        return 0;
    rasad_quotes_opts o = { speaker, 0, story, (int)limit, (int)offset };
    ent_ctx c = { r, 0 };
    rasad__buf_addc(&r->out, '[');
    int rc = rasad_store_quotes(r->store, &o, quote_item, &c);
    rasad__buf_addc(&r->out, ']');
    return list_status(r, rc);
}

int api_events(srv_req *r)
{
    long entity, story, limit, offset;
    const char *t = srv_arg(r, "type");
    int type = t && *t ? rasad_event_type_parse(t, strlen(t)) : 0;
    if (t && *t && !type)
        return srv_error(r, 400, "type must be meeting, agreement or visit");
    if (srv_int_arg(r, "entity", 0, 0, 9007199254740991L, &entity) ||
        srv_int_arg(r, "story", 0, 0, 9007199254740991L, &story) ||
        srv_int_arg(r, "limit", 50, 1, 500, &limit) ||
        srv_int_arg(r, "offset", 0, 0, 1000000, &offset))
        return 0;
    rasad_events_opts o = { type, entity, 0, story, (int)limit, (int)offset };
    ent_ctx c = { r, 0 };
    rasad__buf_addc(&r->out, '[');
    int rc = rasad_store_events(r->store, &o, event_item, &c);
    rasad__buf_addc(&r->out, ']');
    return list_status(r, rc);
}
