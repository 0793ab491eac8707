/* get.c - one stored article, the store's counts, its sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "rasad/alloc.h"
#include "store_internal.h"

/* Lookups tried in order: input id, key, the file of a one-article file
 * (key "file:PATH"), then "#rowid". */
static const char *const get_sql[] = {
    "SELECT rowid FROM article WHERE ext_id = ?1 ORDER BY rowid LIMIT 1",
    "SELECT rowid FROM article WHERE key = ?1",
    "SELECT rowid FROM article WHERE key = 'file:' || ?1",
    "SELECT rowid FROM article WHERE file = ?1 AND format IN ('txt', 'html') ORDER BY rowid LIMIT 1",
};

static int find_rowid(rasad_store *s, const char *id, int64_t *rowid)
{
    for (size_t k = 0; k < sizeof get_sql / sizeof get_sql[0]; k++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, get_sql[k], -1, &st, NULL) != SQLITE_OK)
            return RASAD_IO;
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *rowid = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (rc == SQLITE_ROW)
            return RASAD_OK;
        if (rc != SQLITE_DONE)
            return rasad__store_status(rc);
    }
    if (id[0] == '#' && id[1]) {
        char *end;
        long long v = strtoll(id + 1, &end, 10);
        if (*end == '\0' && v > 0) {
            *rowid = v;
            return RASAD_OK;
        }
    }
    return RASAD_NOTFOUND;
}

static char *dup_str(const char *t)
{
    size_t n = strlen(t);
    char *s = rasad_malloc(n + 1);
    if (s)
        memcpy(s, t, n + 1);
    return s;
}

/* removed_json -> a->removed[]. Entries that are not objects are skipped. */
static int parse_removed(rasad_stored *a)
{
    json_t *arr = json_loads(a->removed_json, 0, NULL);
    if (!json_is_array(arr)) {
        json_decref(arr);
        return RASAD_OK;
    }
    size_t n = json_array_size(arr), k = 0;
    a->removed = rasad_malloc((n ? n : 1) * sizeof *a->removed);
    int status = a->removed ? RASAD_OK : RASAD_NOMEM;
    for (size_t i = 0; status == RASAD_OK && i < n; i++) {
        json_t *o = json_array_get(arr, i);
        const char *reason = json_string_value(json_object_get(o, "reason"));
        const char *text = json_string_value(json_object_get(o, "text"));
        if (!json_is_object(o))
            continue;
        struct rasad_stored_removed *r = &a->removed[k];
        r->line = (long)json_integer_value(json_object_get(o, "line"));
        r->reason = dup_str(reason ? reason : "");
        r->text = dup_str(text ? text : "");
        k++;
        if (!r->reason || !r->text)
            status = RASAD_NOMEM;
    }
    a->n_removed = k;
    json_decref(arr);
    return status;
}

int rasad_store_get(rasad_store *s, const char *id, rasad_stored *out)
{
    memset(out, 0, sizeof *out);
    if (!s || !id)
        return RASAD_INVAL;
    rasad_store_flush(s);
    int64_t rowid = 0;
    int rc = find_rowid(s, id, &rowid);
    if (rc != RASAD_OK)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
            "SELECT rowid, ext_id, key, url, source, title, published, published_date,"
            " text, norm, meta, removed, file, line, format,"
            " (SELECT coalesce(c.ext_id, c.key) FROM article c WHERE c.rowid = article.dup_of),"
            " dup_jaccard, (SELECT count(*) FROM article d WHERE d.dup_of = article.rowid),"
            " story FROM article WHERE rowid = ?1",
            -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? RASAD_NOTFOUND : rasad__store_status(rc);
    }
    int nomem = 0;
    out->rowid = sqlite3_column_int64(st, 0);
    char **cols[] = { &out->id, &out->key, &out->url, &out->source, &out->title,
                      &out->published, &out->published_date, &out->text, &out->norm,
                      &out->meta_json, &out->removed_json, &out->file };
    for (int i = 0; i < (int)(sizeof cols / sizeof cols[0]); i++)
        *cols[i] = rasad__col_dup(st, i + 1, &nomem);
    out->line = (long)sqlite3_column_int64(st, 13);
    out->format = rasad__col_dup(st, 14, &nomem);
    out->dup_of = rasad__col_dup(st, 15, &nomem);
    out->dup_jaccard = sqlite3_column_double(st, 16);
    out->copies = sqlite3_column_int64(st, 17);
    out->story = sqlite3_column_int64(st, 18);
    sqlite3_finalize(st);
    if (!nomem && out->removed_json)
        nomem = parse_removed(out) != RASAD_OK;
    if (nomem) {
        rasad_stored_free(out);
        return RASAD_NOMEM;
    }
    return RASAD_OK;
}

void rasad_stored_free(rasad_stored *a)
{
    if (!a)
        return;
    char *strs[] = { a->id, a->key, a->url, a->source, a->title, a->published,
                     a->published_date, a->text, a->norm, a->meta_json,
                     a->removed_json, a->file, a->format, a->dup_of };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        rasad_free(strs[i]);
    for (size_t i = 0; a->removed && i < a->n_removed; i++) {
        rasad_free(a->removed[i].reason);
        rasad_free(a->removed[i].text);
    }
    rasad_free(a->removed);
    memset(a, 0, sizeof *a);
}

static int64_t scalar(rasad_store *s, const char *sql, int *ok)
{
    sqlite3_stmt *st;
    int64_t v = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        *ok = 0;
        return 0;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        *ok = 0;
    sqlite3_finalize(st);
    return v;
}

int rasad_store_stats_get(rasad_store *s, rasad_store_stats *st)
{
    memset(st, 0, sizeof *st);
    rasad_store_flush(s);
    int ok = 1;
    st->articles = scalar(s, "SELECT count(*) FROM article", &ok);
    st->duplicates = scalar(s, "SELECT count(*) FROM article WHERE dup_of IS NOT NULL", &ok);
    st->sources = scalar(s, "SELECT count(DISTINCT source) FROM article", &ok);
    st->rejected = scalar(s, "SELECT count(*) FROM reject", &ok);
    st->db_bytes = scalar(s, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", &ok);
    st->schema_version = (int)scalar(s, "PRAGMA user_version", &ok);
    return ok ? RASAD_OK : RASAD_IO;
}

int rasad_store_each_source(rasad_store *s,
                            int (*fn)(void *ud, const char *source, int64_t n), void *ud)
{
    sqlite3_stmt *st;
    rasad_store_flush(s);
    if (sqlite3_prepare_v2(s->db,
            "SELECT coalesce(source, ''), count(*) AS n FROM article GROUP BY source"
            " ORDER BY n DESC, source", -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    int rc, status = RASAD_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((status = fn(ud, (const char *)sqlite3_column_text(st, 0),
                         sqlite3_column_int64(st, 1))) != 0)
            break;
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = rasad__store_status(rc);
    sqlite3_finalize(st);
    return status;
}

int rasad_store_check(rasad_store *s, char *msg, size_t cap)
{
    if (cap)
        msg[0] = '\0';
    rasad_store_flush(s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    int rc = sqlite3_step(st);
    const char *r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int ok = r && strcmp(r, "ok") == 0;
    if (!ok && cap)
        snprintf(msg, cap, "integrity_check: %s", r ? r : sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    if (!ok)
        return rc == SQLITE_ROW ? RASAD_PARSE : RASAD_IO;
    rc = sqlite3_exec(s->db, "INSERT INTO article_fts(article_fts) VALUES('integrity-check')",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        if (cap)
            snprintf(msg, cap, "full-text index: %s", sqlite3_errmsg(s->db));
        return (rc & 0xff) == SQLITE_CORRUPT ? RASAD_PARSE : RASAD_IO;
    }
    return RASAD_OK;
}
