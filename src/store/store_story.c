/* store_story.c - stories and threads while ingesting (docs/stories.md).
 *
 * Every new article goes through the clusterer (rasad_story, story.h) in
 * rowid order: a duplicate joins its original's story; any other article
 * joins the best story or starts one. article.story holds the result and
 * table story each story's thread. The clusterer's state is saved in
 * story_state (with `upto`, the last rowid it has seen) when an ingest
 * ends and when the store closes; loading it replays every article after
 * `upto` in rowid order (the ones an interrupted ingest committed, or an
 * archive made before stories existed), so the state always covers the
 * whole archive. Because the clusterer is deterministic, that replay, and
 * `rasad recluster` (replay of everything from an empty state), give the
 * same stories as the ingests did. Articles updated in place keep their
 * story.
 *
 * Table story also keeps what lists show, as articles arrive: first and
 * last day, article count, and the title. The title is a running contest:
 * each new headline is compared with the one kept, both against the story
 * as it is now, and the closer wins (ties: the one kept); a headline beats
 * a lead sentence, which stories without any headline show (the lead of
 * the article whose body is closest, contested the same way). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/sentence.h"
#include "store_internal.h"

enum { LEAD_MAX = 300 };   /* bytes of a lead sentence used as a title */

static int first_sentence(void *ud, size_t start, size_t end)
{
    size_t *span = ud;
    span[0] = start;
    span[1] = end;
    return 1;
}

int rasad__story_lead(const char *t, size_t n, size_t *start, size_t *len)
{
    size_t span[2] = { 0, 0 };
    if (!t || !n)
        return 0;
    rasad_sentence_split(t, n, 0, first_sentence, span);
    if (span[1] <= span[0])
        return 0;
    size_t k = span[1] - span[0];
    if (k > LEAD_MAX) {
        k = LEAD_MAX;
        while (k > 0 && ((unsigned char)t[span[0] + k] & 0xC0) == 0x80)
            k--;
    }
    *start = span[0];
    *len = k;
    return k > 0;
}

int32_t rasad__day_of(const char *d)
{
    int y, m, dd;
    if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) != 3 || m < 1 || m > 12 || dd < 1 || dd > 31)
        return RASAD_STORY_UNDATED;
    /* days_from_civil (proleptic Gregorian) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

static int exec_fail(rasad_store *s, int rc)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return rasad__store_status(rc);
}

/* The story of article rowid, or 0. */
static int story_of(rasad_store *s, int64_t rowid, int64_t *story)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_STORY_OF);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    int rc = sqlite3_step(st);
    *story = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

static void bind_date(sqlite3_stmt *st, int k, const char *date)
{
    if (date && *date)
        sqlite3_bind_text(st, k, date, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, k);
}

/* Binds the title a story gets from an article: its headline (kind 1), else
 * the lead sentence of its body (kind 0), else NULL. Returns the kind. */
static int bind_title(sqlite3_stmt *st, int k, const char *title, const char *body, size_t n)
{
    size_t start, len;
    if (title && *title) {
        sqlite3_bind_text(st, k, title, -1, SQLITE_STATIC);
        return 1;
    }
    if (rasad__story_lead(body, n, &start, &len))
        sqlite3_bind_text(st, k, body + start, (int)len, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, k);
    return 0;
}

static int new_story(rasad_store *s, int64_t rowid, const rasad_story_result *res,
                     const char *title, const char *body, size_t n, const char *date)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_NEW_STORY);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, (int64_t)res->story);
    sqlite3_bind_int64(st, 2, (int64_t)res->thread);
    bind_date(st, 3, date);
    int kind = bind_title(st, 4, title, body, n);
    sqlite3_bind_int64(st, 5, rowid);
    sqlite3_bind_int(st, 6, kind);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

/* The title contest (top of this file) between the kept title and this
 * article's (title and body NULL for a duplicate: no contest). */
static int contest(rasad_store *s, int64_t story, int64_t rowid, const char *title,
                   const char *body, size_t n)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_STORY_TITLE);
    double now = 0, kept = 0;
    int rc, take = 0;
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, story);
    if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
    }
    const char *old = (const char *)sqlite3_column_text(st, 0);
    int kind = sqlite3_column_int(st, 1);
    const char *old_body = (const char *)sqlite3_column_text(st, 2);
    size_t old_n = (size_t)sqlite3_column_bytes(st, 2);
    rc = RASAD_OK;
    if (title && *title) {
        if (kind == 0 || !old)
            take = 1;
        else if ((rc = rasad_story_similarity(s->sc, (uint64_t)story, title, strlen(title),
                                              NULL, 0, &now)) == RASAD_OK &&
                 (rc = rasad_story_similarity(s->sc, (uint64_t)story, old, strlen(old),
                                              NULL, 0, &kept)) == RASAD_OK)
            take = now > kept;
    } else if (kind == 0 && body && n) {
        if (!old_body)
            take = 1;
        else if ((rc = rasad_story_similarity(s->sc, (uint64_t)story, NULL, 0, body, n,
                                              &now)) == RASAD_OK &&
                 (rc = rasad_story_similarity(s->sc, (uint64_t)story, NULL, 0, old_body,
                                              old_n, &kept)) == RASAD_OK)
            take = now > kept;
    }
    sqlite3_reset(st);
    if (rc != RASAD_OK || !take)
        return rc;
    if (!(st = rasad__store_stmt(s, ST_SET_TITLE)))
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, story);
    int nkind = bind_title(st, 2, title, body, n);
    sqlite3_bind_int64(st, 3, rowid);
    sqlite3_bind_int(st, 4, nkind);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

static int grow_story(rasad_store *s, int64_t story, int64_t rowid, const char *title,
                      const char *body, size_t n, const char *date)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_GROW_STORY);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, story);
    bind_date(st, 2, date);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return exec_fail(s, rc);
    return title || body ? contest(s, story, rowid, title, body, n) : RASAD_OK;
}

enum { NAMES_MAX = 64 };

/* The entities article rowid names (linked before it is clustered), as
 * "#id" strings in names[]; returns how many. Entity ids, not forms: the
 * spellings of one person vote as one. */
static int entity_names(rasad_store *s, int64_t rowid, char names[][24], const char **ptr,
                        size_t *n)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ARTICLE_ENTITIES);
    int rc;
    *n = 0;
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    while (*n < NAMES_MAX && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(names[*n], 24, "#%lld", (long long)sqlite3_column_int64(st, 0));
        ptr[*n] = names[*n];
        (*n)++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

/* Clusters one article (the clusterer is loaded) and records the result. */
static int assign(rasad_store *s, int64_t rowid, const char *title, const char *body,
                  size_t n, const char *date, int64_t dup_of)
{
    char names[NAMES_MAX][24];
    const char *ptr[NAMES_MAX];
    size_t nnames = 0;
    rasad_story_doc doc = { (uint64_t)rowid, title, title ? strlen(title) : 0,
                            body, n, rasad__day_of(date), ptr, 0 };
    rasad_story_result res;
    int64_t story = 0;
    int rc;
    if (!dup_of && (rc = entity_names(s, rowid, names, ptr, &nnames)) != RASAD_OK)
        return rc;
    doc.nnames = nnames;
    if (dup_of && (rc = story_of(s, dup_of, &story)) != RASAD_OK)
        return rc;
    rc = story ? rasad_story_join(s->sc, (uint64_t)story, &doc, &res) : RASAD_NOTFOUND;
    if (rc == RASAD_NOTFOUND)
        rc = rasad_story_add(s->sc, &doc, &res);
    if (rc != RASAD_OK) {
        snprintf(s->err, sizeof s->err, "article %lld: stories: %s", (long long)rowid,
                 rasad_strerror(rc));
        return rc;
    }
    sqlite3_stmt *st = rasad__store_stmt(s, ST_SET_STORY);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_int64(st, 2, (int64_t)res.story);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return exec_fail(s, rc);
    if (res.new_story)
        rc = new_story(s, rowid, &res, title, body, n, date);
    else
        rc = grow_story(s, (int64_t)res.story, rowid, dup_of ? NULL : title,
                        dup_of ? NULL : body, n, date);
    if (rc != RASAD_OK)
        return rc;
    s->story_upto = rowid;
    s->story_dirty = 1;
    return RASAD_OK;
}

int rasad__story_load(rasad_store *s, int64_t before)
{
    sqlite3_stmt *st;
    int rc;
    if (s->sc)
        return RASAD_OK;
    if ((rc = rasad_story_new(NULL, &s->sc)) != RASAD_OK)
        return rc;
    s->story_upto = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT upto, state FROM story_state WHERE id = 1", -1, &st,
                           NULL) != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        s->story_upto = sqlite3_column_int64(st, 0);
        rc = rasad_story_import(s->sc, sqlite3_column_blob(st, 1),
                                (size_t)sqlite3_column_bytes(st, 1));
        if (rc != RASAD_OK && s->readonly) {
            rasad_story_free(s->sc);      /* shown as they are; titles fall back */
            s->sc = NULL;
            sqlite3_finalize(st);
            return rasad_story_new(NULL, &s->sc);
        }
        if (rc != RASAD_OK) {
            /* a state this rasad cannot read: start again from nothing */
            rasad_story_free(s->sc);
            s->sc = NULL;
            sqlite3_finalize(st);
            if ((rc = rasad_story_new(NULL, &s->sc)) != RASAD_OK)
                return rc;
            if ((rc = rasad__store_begin(s)) != RASAD_OK)
                return rc;
            if (sqlite3_exec(s->db, "DELETE FROM story; UPDATE article SET story = NULL "
                             "WHERE story IS NOT NULL", NULL, NULL, NULL) != SQLITE_OK)
                return exec_fail(s, SQLITE_ERROR);
            s->story_upto = 0;
            st = NULL;
        }
    } else if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        return exec_fail(s, rc);
    }
    sqlite3_finalize(st);
    if (s->readonly)
        return RASAD_OK;            /* what the last ingest saved is what is shown */
    /* replay what the saved state has not seen */
    if (sqlite3_prepare_v2(s->db,
            "SELECT rowid, title, text, published_date, dup_of FROM article "
            "WHERE rowid > ?1 AND rowid < ?2 ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    sqlite3_bind_int64(st, 1, s->story_upto);
    sqlite3_bind_int64(st, 2, before > 0 ? before : INT64_MAX);
    int status = RASAD_OK, any = 0;
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!any && (status = rasad__store_begin(s)) != RASAD_OK)
            break;
        any = 1;
        status = assign(s, sqlite3_column_int64(st, 0),
                        (const char *)sqlite3_column_text(st, 1),
                        (const char *)sqlite3_column_text(st, 2),
                        (size_t)sqlite3_column_bytes(st, 2),
                        (const char *)sqlite3_column_text(st, 3),
                        sqlite3_column_int64(st, 4));
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = exec_fail(s, rc);
    sqlite3_finalize(st);
    if (status != RASAD_OK) {
        rasad_story_free(s->sc);
        s->sc = NULL;
    }
    return status;
}

int rasad__story_assign(rasad_store *s, int64_t rowid, const char *title, const char *body,
                        size_t n, const char *date, int64_t dup_of)
{
    int rc = rasad__story_load(s, rowid);
    if (rc != RASAD_OK)
        return rc;
    return assign(s, rowid, title, body, n, date, dup_of);
}

int rasad__story_save(rasad_store *s)
{
    char *state;
    size_t n;
    sqlite3_stmt *st;
    int rc;
    if (!s->sc || !s->story_dirty)
        return RASAD_OK;
    if ((rc = rasad_story_export(s->sc, &state, &n)) != RASAD_OK)
        return rc;
    if ((rc = rasad__store_begin(s)) != RASAD_OK) {
        rasad_free(state);
        return rc;
    }
    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO story_state(id, upto, state) "
                           "VALUES(1, ?1, ?2)", -1, &st, NULL) != SQLITE_OK) {
        rasad_free(state);
        return exec_fail(s, SQLITE_ERROR);
    }
    sqlite3_bind_int64(st, 1, s->story_upto);
    sqlite3_bind_blob64(st, 2, state, n, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    rasad_free(state);
    if (rc != SQLITE_DONE)
        return exec_fail(s, rc);
    s->story_dirty = 0;
    return rasad__story_summaries(s);
}

int rasad_store_recluster(rasad_store *s, int64_t *articles)
{
    int rc;
    if (!s || s->readonly)
        return RASAD_INVAL;
    if ((rc = rasad_store_flush(s)) != RASAD_OK || (rc = rasad__store_begin(s)) != RASAD_OK)
        return rc;
    rasad_story_free(s->sc);
    s->sc = NULL;
    if (sqlite3_exec(s->db, "DELETE FROM story; DELETE FROM story_state; "
                     "UPDATE article SET story = NULL WHERE story IS NOT NULL",
                     NULL, NULL, NULL) != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    if ((rc = rasad__story_load(s, 0)) != RASAD_OK)
        return rc;
    s->story_dirty = 1;
    if ((rc = rasad__story_save(s)) != RASAD_OK)
        return rc;
    if (articles)
        *articles = s->story_upto;
    return rasad_store_flush(s);
}
