/* stories.c - stories and threads as the store shows them: lists with
 * filters, one story with its summary, threads (store.h). The clustering
 * itself is in store_story.c and src/core/story. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/sentence.h"
#include "store_internal.h"

#define SUMMARY_MAX 5

void rasad_story_view_free(rasad_story_view *v)
{
    if (!v)
        return;
    rasad_free(v->title);
    rasad_free(v->first_seen);
    rasad_free(v->last_seen);
    for (size_t i = 0; i < v->nsources; i++)
        rasad_free(v->sources[i]);
    rasad_free(v->sources);
    for (size_t i = 0; i < v->narticles; i++) {
        rasad_free(v->articles[i].id);
        rasad_free(v->articles[i].title);
        rasad_free(v->articles[i].source);
        rasad_free(v->articles[i].published);
    }
    rasad_free(v->articles);
    for (size_t i = 0; i < v->nsummary; i++)
        rasad_free(v->summary[i]);
    rasad_free(v->summary);
    memset(v, 0, sizeof *v);
}

static int fail(rasad_store *s)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return RASAD_IO;
}

/* Fills v's articles, sources and span for story v->id (its thread and
 * title come from table story); with texts, also hands back the bodies of
 * the non-duplicates (for a summary). */
static int fill(rasad_store *s, rasad_story_view *v, char ***texts, size_t **lens, size_t *ntexts)
{
    sqlite3_stmt *st;
    int nomem = 0, rc, status = RASAD_OK;
    size_t cap = 0, tcap = 0, lcap = 0, scap = 0;
    if (sqlite3_prepare_v2(s->db,
            "SELECT rowid, coalesce(ext_id, key), title, coalesce(source, json_extract(meta, '$.agency')), "
            "published_date, dup_of, CASE WHEN ?2 AND dup_of IS NULL THEN text END "
            "FROM article WHERE story = ?1 "
            "ORDER BY published_date IS NULL, published_date, rowid", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, v->id);
    sqlite3_bind_int(st, 2, texts != NULL);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !nomem) {
        rasad_story_article *a = rasad__grow(v->articles, &cap, v->narticles + 1, sizeof *a, 8);
        if (!a) {
            nomem = 1;
            break;
        }
        v->articles = a;
        a = &v->articles[v->narticles++];
        memset(a, 0, sizeof *a);
        a->rowid = sqlite3_column_int64(st, 0);
        a->id = rasad__col_dup(st, 1, &nomem);
        a->title = rasad__col_dup(st, 2, &nomem);
        a->source = rasad__col_dup(st, 3, &nomem);
        a->published = rasad__col_dup(st, 4, &nomem);
        a->dup_of = sqlite3_column_int64(st, 5);
        if (a->published) {
            if (!v->first_seen)
                v->first_seen = rasad__dup_n(a->published, strlen(a->published), &nomem);
            rasad_free(v->last_seen);
            v->last_seen = rasad__dup_n(a->published, strlen(a->published), &nomem);
        }
        if (a->source) {
            size_t k = 0;
            while (k < v->nsources && strcmp(v->sources[k], a->source) != 0)
                k++;
            if (k == v->nsources) {
                char **p = rasad__grow(v->sources, &scap, v->nsources + 1, sizeof *p, 4);
                if (!p) {
                    nomem = 1;
                    break;
                }
                v->sources = p;
                v->sources[v->nsources++] = rasad__dup_n(a->source, strlen(a->source), &nomem);
            }
        }
        if (a->dup_of) {
            v->copies++;
            continue;
        }
        const char *body = (const char *)sqlite3_column_text(st, 6);
        size_t bn = (size_t)sqlite3_column_bytes(st, 6);
        if (texts && body) {
            char **t = rasad__grow(*texts, &tcap, *ntexts + 1, sizeof *t, 8);
            if (t)
                *texts = t;
            size_t *l = t ? rasad__grow(*lens, &lcap, *ntexts + 1, sizeof *l, 8) : NULL;
            if (!l) {
                nomem = 1;
                break;
            }
            *lens = l;
            (*texts)[*ntexts] = rasad__dup_n(body, bn, &nomem);
            (*lens)[*ntexts] = bn;
            (*ntexts)++;
        }
    }
    if (!nomem && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = fail(s);
    sqlite3_finalize(st);
    if (nomem)
        return RASAD_NOMEM;
    if (status == RASAD_OK && !v->narticles)
        return RASAD_NOTFOUND;
    return status;
}

static int date_opt(rasad_store *s, const char *in, char out[11])
{
    out[0] = '\0';
    if (!in)
        return RASAD_OK;
    if (!rasad__pubdate_iso(in, strlen(in), out)) {
        snprintf(s->err, sizeof s->err, "not a date: '%s' (use 2017-04-26 or 1396/02/06)", in);
        return RASAD_INVAL;
    }
    return RASAD_OK;
}

int rasad_store_stories(rasad_store *s, const rasad_stories_opts *o,
                        int (*fn)(void *ud, const rasad_story_view *v), void *ud)
{
    rasad_stories_opts none = {0};
    char since[11], until[11];
    sqlite3_stmt *st;
    int rc;
    if (!s || !fn)
        return RASAD_INVAL;
    if (!o)
        o = &none;
    if ((rc = date_opt(s, o->since, since)) != RASAD_OK ||
        (rc = date_opt(s, o->until, until)) != RASAD_OK)
        return rc;
    if (!s->readonly && (rc = rasad__story_load(s, 0)) != RASAD_OK)
        return rc;              /* brings stories up to date with what was ingested */
    if (sqlite3_prepare_v2(s->db,
            "SELECT id, thread, title FROM story "
            "WHERE (?1 IS NULL OR last_seen >= ?1) AND (?2 IS NULL OR first_seen <= ?2) "
            "  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM article a WHERE a.story = story.id "
            "       AND coalesce(a.source, json_extract(a.meta, '$.agency')) = ?3)) "
            "  AND (?4 = 0 OR thread = ?4) "
            "ORDER BY last_seen IS NULL, last_seen DESC, id", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    if (since[0])
        sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
    if (until[0])
        sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
    if (o->source)
        sqlite3_bind_text(st, 3, o->source, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, o->thread);
    int status = RASAD_OK;
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_story_view v;
        memset(&v, 0, sizeof v);
        v.id = sqlite3_column_int64(st, 0);
        v.thread = sqlite3_column_int64(st, 1);
        int nomem = 0;
        v.title = rasad__col_dup(st, 2, &nomem);
        status = nomem ? RASAD_NOMEM : fill(s, &v, NULL, NULL, NULL);
        if (status == RASAD_OK)
            status = fn(ud, &v);
        rasad_story_view_free(&v);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = fail(s);
    sqlite3_finalize(st);
    return status;
}

/* Fills out's articles and its summary, made from the bodies now. */
static int summarize(rasad_store *s, rasad_story_view *out)
{
    char **texts = NULL;
    size_t *lens = NULL, nt = 0;
    int nomem = 0;
    int rc = fill(s, out, &texts, &lens, &nt);
    if (rc == RASAD_OK && nt) {
        rasad_summary_pick picks[SUMMARY_MAX];
        size_t np = 0;
        rc = rasad_story_summary((const char *const *)texts, lens, nt, SUMMARY_MAX, picks, &np);
        if (rc == RASAD_OK && np) {
            if (!(out->summary = rasad_malloc(np * sizeof *out->summary)))
                rc = RASAD_NOMEM;
            for (size_t i = 0; rc == RASAD_OK && i < np; i++) {
                out->summary[i] = rasad__dup_n(texts[picks[i].text] + picks[i].start,
                                        picks[i].end - picks[i].start, &nomem);
                out->nsummary++;
            }
            if (nomem)
                rc = RASAD_NOMEM;
        }
    }
    for (size_t i = 0; i < nt; i++)
        rasad_free(texts[i]);
    rasad_free(texts);
    rasad_free(lens);
    return rc;
}

/* The summary as a JSON array of strings (caller frees with free), or NULL
 * when a sentence is not valid UTF-8 (then it is made again when asked). */
static char *summary_json(const rasad_story_view *v)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->nsummary; i++) {
        json_t *str = json_string(v->summary[i]);
        if (!str || json_array_append_new(a, str) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    char *out = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return out;
}

/* Reads story id's stored summary into out. RASAD_NOTFOUND when none is
 * stored (or it cannot be read). */
static int summary_load(rasad_store *s, rasad_story_view *out)
{
    sqlite3_stmt *st;
    int status = RASAD_NOTFOUND, nomem = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT summary FROM story WHERE id = ?1", -1, &st, NULL)
        != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, out->id);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        json_t *a = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
        size_t n = a && json_is_array(a) ? json_array_size(a) : 0;
        if (a && json_is_array(a)) {
            status = RASAD_OK;
            if (n && !(out->summary = rasad_malloc(n * sizeof *out->summary)))
                status = RASAD_NOMEM;
            for (size_t i = 0; status == RASAD_OK && i < n; i++) {
                const char *t = json_string_value(json_array_get(a, i));
                if (!t)
                    continue;
                out->summary[out->nsummary++] = rasad__dup_n(t, strlen(t), &nomem);
            }
            if (nomem)
                status = RASAD_NOMEM;
        }
        json_decref(a);
    }
    sqlite3_finalize(st);
    return status;
}

int rasad_store_story(rasad_store *s, int64_t id, rasad_story_view *out)
{
    sqlite3_stmt *st;
    int rc;
    if (!s || !out)
        return RASAD_INVAL;
    memset(out, 0, sizeof *out);
    if (!s->readonly && (rc = rasad__story_load(s, 0)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db, "SELECT thread, title FROM story WHERE id = ?1", -1, &st, NULL)
        != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    int nomem = 0;
    if (rc == SQLITE_ROW) {
        out->thread = sqlite3_column_int64(st, 0);
        out->title = rasad__col_dup(st, 1, &nomem);
    }
    sqlite3_finalize(st);
    if (nomem)
        return RASAD_NOMEM;
    if (rc == SQLITE_DONE)
        return RASAD_NOTFOUND;
    if (rc != SQLITE_ROW)
        return fail(s);
    out->id = id;
    rc = summary_load(s, out);
    if (rc == RASAD_NOTFOUND)
        rc = summarize(s, out);            /* none stored: make it now */
    else if (rc == RASAD_OK)
        rc = fill(s, out, NULL, NULL, NULL);
    if (rc != RASAD_OK)
        rasad_story_view_free(out);
    return rc;
}

int rasad__story_summaries(rasad_store *s)
{
    sqlite3_stmt *st, *up;
    int rc, status = RASAD_OK;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM story WHERE summary IS NULL ORDER BY id", -1,
                           &st, NULL) != SQLITE_OK)
        return fail(s);
    if (sqlite3_prepare_v2(s->db, "UPDATE story SET summary = ?2 WHERE id = ?1", -1, &up, NULL)
        != SQLITE_OK) {
        sqlite3_finalize(st);
        return fail(s);
    }
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_story_view v;
        memset(&v, 0, sizeof v);
        v.id = sqlite3_column_int64(st, 0);
        status = summarize(s, &v);
        char *json = status == RASAD_OK ? summary_json(&v) : NULL;
        if (json) {
            sqlite3_bind_int64(up, 1, v.id);
            sqlite3_bind_text(up, 2, json, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(up) != SQLITE_DONE)
                status = fail(s);
            sqlite3_reset(up);
            free(json);          /* jansson's json_dumps allocates with malloc */
        }
        if (status == RASAD_NOTFOUND)
            status = RASAD_OK;   /* a story whose articles are gone */
        rasad_story_view_free(&v);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = fail(s);
    sqlite3_finalize(st);
    sqlite3_finalize(up);
    return status;
}

int rasad_store_threads(rasad_store *s, int (*fn)(void *ud, const rasad_thread_view *t), void *ud)
{
    sqlite3_stmt *st, *ss;
    int rc, status = RASAD_OK, nomem = 0;
    if (!s || !fn)
        return RASAD_INVAL;
    if (!s->readonly && (rc = rasad__story_load(s, 0)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db,
            "SELECT thread, min(first_seen), max(last_seen) AS last, sum(articles) "
            "FROM story GROUP BY thread "
            "ORDER BY last IS NULL, last DESC, thread", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    if (sqlite3_prepare_v2(s->db,
            "SELECT id, articles, title FROM story WHERE thread = ?1 ORDER BY id",
            -1, &ss, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return fail(s);
    }
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_thread_view t;
        size_t cap = 0;
        int64_t most = -1;
        memset(&t, 0, sizeof t);
        t.id = sqlite3_column_int64(st, 0);
        t.first_seen = rasad__col_dup(st, 1, &nomem);
        t.last_seen = rasad__col_dup(st, 2, &nomem);
        t.articles = sqlite3_column_int64(st, 3);
        sqlite3_bind_int64(ss, 1, t.id);
        while ((rc = sqlite3_step(ss)) == SQLITE_ROW) {
            int64_t *p = rasad__grow(t.stories, &cap, t.nstories + 1, sizeof *p, 8);
            if (!p) {
                nomem = 1;
                break;
            }
            t.stories = p;
            t.stories[t.nstories++] = sqlite3_column_int64(ss, 0);
            if (sqlite3_column_int64(ss, 1) > most) {      /* the largest; ties: the first */
                most = sqlite3_column_int64(ss, 1);
                rasad_free(t.title);
                t.title = rasad__col_dup(ss, 2, &nomem);
            }
        }
        sqlite3_reset(ss);
        if (nomem)
            status = RASAD_NOMEM;
        if (status == RASAD_OK)
            status = fn(ud, &t);
        rasad_free(t.title);
        rasad_free(t.first_seen);
        rasad_free(t.last_seen);
        rasad_free(t.stories);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = fail(s);
    sqlite3_finalize(st);
    sqlite3_finalize(ss);
    return status;
}
