/* put.c - one article into the store: key, clean, normalize, index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "store_internal.h"


static uint64_t str_hash(uint64_t h, const char *s)
{
    static const char sep = '\x1f';
    if (s)
        h = rasad__fnv1a(s, strlen(s), h);
    return rasad__fnv1a(&sep, 1, h);
}

/* The host of an http(s) URL into out (lowercase, no "www."), or "". */
static void url_host(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    if (!url)
        return;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    if (strncmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    if (n == 0 || n >= cap)
        return;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
    out[n] = '\0';
}

/* meta: the input's unknown fields plus what the cleaner found, as JSON. */
static char *meta_json(const rasad_article *a, const rasad_clean_result *cr)
{
    json_t *o = NULL;
    if (a->extra_json) {
        o = json_loads(a->extra_json, 0, NULL);
        if (o && !json_is_object(o)) {
            json_decref(o);
            o = NULL;
        }
    }
    if (!o)
        o = json_object();
    if (!o)
        return NULL;
    for (size_t i = 0; i < cr->n_meta; i++) {
        const char *k = cr->meta[i].key, *v = cr->meta[i].value;
        if (k && v && !json_object_get(o, k))
            json_object_set_new(o, k, json_string(v));
    }
    char *s = json_object_size(o) ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

/* removed[] as JSON; line numbers shifted by first - 1 (the line of the
 * input where the cleaned text starts). */
static char *removed_json(const rasad_clean_result *cr, long first)
{
    if (cr->n_removed == 0)
        return NULL;
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t i = 0; i < cr->n_removed; i++) {
        const rasad_removed_line *r = &cr->removed[i];
        json_t *o = json_pack("{s:I,s:s,s:s?}", "line", (json_int_t)r->line + first - 1,
                              "reason", rasad_clean_reason_name(r->reason),
                              "text", r->text);
        if (o)
            json_array_append_new(arr, o);
    }
    char *s = json_dumps(arr, JSON_COMPACT);
    json_decref(arr);
    return s;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Removes rowid's current title/text from the index. */
static int unindex(rasad_store *s, int64_t rowid)
{
    sqlite3_stmt *old = rasad__store_stmt(s, ST_OLD_CONTENT);
    sqlite3_stmt *del = rasad__store_stmt(s, ST_FTS_DELETE);
    if (!old || !del)
        return RASAD_IO;
    sqlite3_bind_int64(old, 1, rowid);
    int rc = sqlite3_step(old);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
    sqlite3_bind_int64(del, 1, rowid);
    sqlite3_bind_value(del, 2, sqlite3_column_value(old, 0));
    sqlite3_bind_value(del, 3, sqlite3_column_value(old, 1));
    rc = sqlite3_step(del);
    sqlite3_reset(old);
    sqlite3_reset(del);
    return rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
}

/* A .txt article is one file whose first line the reader took for the
 * title when it looked like one; but crawled files often open with a
 * section label or site name (ایران و جهان). So the title line is cleaned
 * with the body, and the title is the first line the cleaner kept, when it
 * reads like a headline ("## " of a markdown heading dropped). On return
 * *title (caller frees, may be NULL) and body_start (offset of the body in
 * cr->body) are set. */
static int txt_title(const rasad_clean_result *cr, char **title, size_t *body_start)
{
    *title = NULL;
    *body_start = 0;
    if (!cr->body || cr->body_len == 0)
        return RASAD_OK;
    const char *nl = memchr(cr->body, '\n', cr->body_len);
    size_t n = nl ? (size_t)(nl - cr->body) : cr->body_len;
    if (!nl || !rasad_read_is_headline(cr->body, n))
        return RASAD_OK;
    size_t i = 0;
    while (i < n && (cr->body[i] == '#' || cr->body[i] == ' '))
        i++;
    if (i == n)
        return RASAD_OK;
    *title = rasad_malloc(n - i + 1);
    if (!*title)
        return RASAD_NOMEM;
    memcpy(*title, cr->body + i, n - i);
    (*title)[n - i] = '\0';
    *body_start = n + 1;
    return RASAD_OK;
}

typedef struct put_row {
    const char *key;
    const char *source;
    const char *body; size_t body_n;
    const char *norm; size_t norm_n;
    const char *meta, *removed;
    char date[11];
    uint64_t hash;
} put_row;

/* Marks rowid a duplicate of dup_of. */
static int set_dup(rasad_store *s, int64_t rowid, int64_t dup_of, double jaccard)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_SET_DUP);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_int64(st, 2, dup_of);
    sqlite3_bind_double(st, 3, jaccard);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
}

/* Inserts (rowid 0) or updates the article row, then indexes it unless
 * it is a duplicate (a new article is checked here; an updated one keeps
 * its status, is_dup). */
static int write_row(rasad_store *s, const rasad_article *a, const put_row *r,
                     int64_t rowid, int is_dup)
{
    sqlite3_stmt *st = rasad__store_stmt(s, rowid ? ST_UPDATE : ST_INSERT);
    if (!st)
        return RASAD_IO;
    if (rowid)
        sqlite3_bind_int64(st, 1, rowid);
    else
        sqlite3_bind_text(st, 1, r->key, -1, SQLITE_STATIC);
    bind_opt(st, 2, a->id);
    bind_opt(st, 3, a->url);
    bind_opt(st, 4, r->source);
    bind_opt(st, 5, a->title);
    bind_opt(st, 6, a->published);
    bind_opt(st, 7, r->date[0] ? r->date : NULL);
    bind_opt(st, 8, a->format);
    bind_opt(st, 9, a->file);
    sqlite3_bind_int64(st, 10, a->line);
    if (a->raw)
        sqlite3_bind_blob64(st, 11, a->raw, a->raw_len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)r->hash);
    sqlite3_bind_text64(st, 13, r->body, r->body_n, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_text64(st, 14, r->norm, r->norm_n, SQLITE_STATIC, SQLITE_UTF8);
    bind_opt(st, 15, r->meta);
    bind_opt(st, 16, r->removed);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rasad__store_status(rc);
    if (!rowid) {
        rowid = sqlite3_last_insert_rowid(s->db);
        int64_t dup_of;
        double jaccard;
        if ((rc = rasad__dedup_check(s, rowid, r->body, r->body_n, &dup_of, &jaccard)) != RASAD_OK)
            return rc;
        /* entities first: they vote in the story */
        if ((rc = rasad__entity_assign(s, rowid, a->title, r->body, r->body_n, r->date,
                                       dup_of)) != RASAD_OK ||
            (rc = rasad__story_assign(s, rowid, a->title, r->body, r->body_n, r->date,
                                      dup_of)) != RASAD_OK)
            return rc;
        if (dup_of)
            return set_dup(s, rowid, dup_of, jaccard);
    } else if (is_dup) {
        return RASAD_OK;
    }
    sqlite3_stmt *fi = rasad__store_stmt(s, ST_FTS_INSERT);
    if (!fi)
        return RASAD_IO;
    sqlite3_bind_int64(fi, 1, rowid);
    bind_opt(fi, 2, a->title);
    sqlite3_bind_text64(fi, 3, r->body, r->body_n, SQLITE_STATIC, SQLITE_UTF8);
    rc = sqlite3_step(fi);
    sqlite3_reset(fi);
    return rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
}

/* Looks key up: *rowid 0 when absent, else its rowid and stored hash. */
static int find_key(rasad_store *s, const char *key, int64_t *rowid, uint64_t *hash,
                    int *is_dup)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_FIND_KEY);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *rowid = 0;
    *is_dup = 0;
    if (rc == SQLITE_ROW) {
        *rowid = sqlite3_column_int64(st, 0);
        *hash = (uint64_t)sqlite3_column_int64(st, 1);
        *is_dup = sqlite3_column_type(st, 2) != SQLITE_NULL;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
}

int rasad_store_put(rasad_store *s, const rasad_article *a, int *outcome)
{
    if (outcome)
        *outcome = 0;
    if (s && s->readonly) {
        snprintf(s->err, sizeof s->err, "the store is open read-only");
        return RASAD_INVAL;
    }
    if (!s || !a || !a->text || a->text_len == 0) {
        if (s)
            snprintf(s->err, sizeof s->err, "article has no text");
        return RASAD_INVAL;
    }
    put_row r;
    memset(&r, 0, sizeof r);
    char host[256], hkey[24], fkey[4096 + 8];
    url_host(a->url, host, sizeof host);
    r.source = a->source && *a->source ? a->source : (host[0] ? host : NULL);

    uint64_t h = str_hash(RASAD__FNV_SEED, a->title);
    h = str_hash(h, r.source);
    h = str_hash(h, a->published);
    h = str_hash(h, a->url);
    h = rasad__fnv1a(a->text, a->text_len, h);
    r.hash = h;
    if (a->id && *a->id)
        r.key = a->id;
    else if (a->url && *a->url)
        r.key = a->url;
    else if (a->file && a->format && (strcmp(a->format, "txt") == 0 ||
                                      strcmp(a->format, "html") == 0)) {
        /* one article per file: the file is its identity, so an edited
         * file is updated, not added again */
        snprintf(fkey, sizeof fkey, "file:%s", a->file);
        r.key = fkey;
    } else {
        uint64_t k = rasad__fnv1a(a->text, a->text_len, str_hash(RASAD__FNV_SEED, r.source));
        snprintf(hkey, sizeof hkey, "h:%016llx", (unsigned long long)k);
        r.key = hkey;
    }

    int rc = rasad__store_begin(s);
    if (rc != RASAD_OK)
        return rc;
    int64_t rowid;
    uint64_t old_hash = 0;
    int is_dup = 0;
    if ((rc = find_key(s, r.key, &rowid, &old_hash, &is_dup)) != RASAD_OK)
        return rc;
    if (rowid && old_hash == r.hash) {
        if (outcome)
            *outcome = RASAD_PUT_UNCHANGED;
        return RASAD_OK;
    }

    rasad_clean_result cr;
    rasad_article txt = *a;
    char *joined = NULL, *title = NULL;
    size_t body_start = 0;
    int is_txt = a->format && strcmp(a->format, "txt") == 0;
    if (is_txt && a->title) {
        /* The title line is cleaned with the body, and the lines between
         * them kept, so that cleaner line k is file line a->line + k - 1. */
        size_t tn = strlen(a->title);
        size_t gap = a->text_line > a->line ? (size_t)(a->text_line - a->line) : 1;
        if (gap > 4096)
            gap = 1;
        size_t jn = tn + gap + a->text_len;
        joined = rasad_malloc(jn + 1);
        if (!joined)
            return RASAD_NOMEM;
        memcpy(joined, a->title, tn);
        memset(joined + tn, '\n', gap);
        memcpy(joined + tn + gap, a->text, a->text_len);
        joined[jn] = '\0';
        rc = rasad_clean(s->cleaner, r.source, joined, jn, &cr);
    } else {
        rc = rasad_clean(s->cleaner, r.source, a->text, a->text_len, &cr);
    }
    rasad_free(joined);
    if (rc != RASAD_OK)
        return rc;
    s->learned++;
    if (is_txt && (rc = txt_title(&cr, &title, &body_start)) != RASAD_OK) {
        rasad_clean_result_free(&cr);
        return rc;
    }
    txt.title = is_txt ? title : a->title;
    a = &txt;
    r.body = cr.body ? cr.body + body_start : "";
    r.body_n = cr.body ? cr.body_len - body_start : 0;
    const uint32_t *map;
    rc = rasad_norm_run(s->norm, r.body, r.body_n, &r.norm, &r.norm_n, &map);
    (void)map;
    char *meta = NULL, *removed = NULL;
    if (rc == RASAD_OK) {
        meta = meta_json(a, &cr);
        removed = removed_json(&cr, is_txt && a->line > 0 ? a->line : 1);
        r.meta = meta;
        r.removed = removed;
        if (a->published)
            rasad__pubdate_iso(a->published, strlen(a->published), r.date);
        if (rowid && !is_dup)
            rc = unindex(s, rowid);
        if (rc == RASAD_OK)
            rc = write_row(s, a, &r, rowid, is_dup);
    }
    free(meta);     /* jansson's json_dumps allocates with malloc */
    free(removed);
    rasad_free(title);
    rasad_clean_result_free(&cr);
    if (rc != RASAD_OK)
        return rc;
    if (outcome)
        *outcome = rowid ? RASAD_PUT_UPDATED : RASAD_PUT_NEW;
    if (++s->pending >= s->batch)
        return rasad_store_flush(s);
    return RASAD_OK;
}
