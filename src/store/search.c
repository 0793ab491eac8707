/* search.c - running a query against the index, best first. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "rasad/alloc.h"
#include "buf.h"
#include "store_internal.h"

/* bm25 weights: a word in the title counts twice one in the body. */
#define RANK_SQL "bm25(article_fts, 2.0, 1.0)"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct filters {
    const char *source;
    char since[11], until[11];
} filters;

/* The WHERE clause after MATCH ?1: parameters numbered from first, in
 * the order bind_filters() binds them. */
static void add_filters(rasad_buf *sql, const filters *f, int first)
{
    static const char *const clause[] = {
        " AND a.source = ?%d", " AND a.published_date >= ?%d", " AND a.published_date <= ?%d",
    };
    const char *val[] = { f->source, f->since[0] ? f->since : NULL,
                          f->until[0] ? f->until : NULL };
    for (int k = 0; k < 3; k++)
        if (val[k]) {
            char c[64];
            int n = snprintf(c, sizeof c, clause[k], first++);
            rasad__buf_add(sql, c, (size_t)n);
        }
}

static void bind_filters(sqlite3_stmt *st, int first, const filters *f)
{
    const char *val[] = { f->source, f->since[0] ? f->since : NULL,
                          f->until[0] ? f->until : NULL };
    for (int k = 0; k < 3; k++)
        if (val[k])
            sqlite3_bind_text(st, first++, val[k], -1, SQLITE_STATIC);
}

static int count_matches(rasad_store *s, const char *expr, const filters *f, int64_t *total)
{
    rasad_buf sql;
    rasad__buf_init(&sql, 0);
    static const char head[] =
        "SELECT count(*) FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
        " WHERE article_fts MATCH ?1";
    rasad__buf_add(&sql, head, sizeof head - 1);
    add_filters(&sql, f, 2);
    if (sql.err)
        return sql.err;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql.p, -1, &st, NULL);
    rasad__buf_release(&sql);
    if (rc != SQLITE_OK)
        return rasad__store_status(rc);
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    bind_filters(st, 2, f);
    rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? RASAD_OK : rasad__store_status(rc);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int list_hits(rasad_store *s, const char *expr, const filters *f,
                     const rasad_search_opts *o, rasad_hit_fn fn, void *ud)
{
    rasad_buf sql;
    rasad__buf_init(&sql, 0);
    static const char head[] =
        "SELECT a.rowid, coalesce(a.ext_id, a.key), a.title, a.source, a.published,"
        " a.url, " RANK_SQL ", snippet(article_fts, 1, ?2, ?3, ' … ', ?4)"
        " FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
        " WHERE article_fts MATCH ?1";
    static const char tail[] = " ORDER BY " RANK_SQL " LIMIT ?5 OFFSET ?6";
    rasad__buf_add(&sql, head, sizeof head - 1);
    /* Filter parameters are numbered after the six fixed ones. */
    add_filters(&sql, f, 7);
    rasad__buf_add(&sql, tail, sizeof tail - 1);
    if (sql.err)
        return sql.err;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql.p, -1, &st, NULL);
    rasad__buf_release(&sql);
    if (rc != SQLITE_OK)
        return rasad__store_status(rc);
    int ntok = o->snippet_tokens > 0 ? o->snippet_tokens : 24;
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->mark_open ? o->mark_open : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->mark_close ? o->mark_close : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, ntok > 64 ? 64 : ntok);
    sqlite3_bind_int(st, 5, o->limit > 0 ? o->limit : 10);
    sqlite3_bind_int(st, 6, o->offset > 0 ? o->offset : 0);
    bind_filters(st, 7, f);
    int status = RASAD_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_hit h;
        h.rowid = sqlite3_column_int64(st, 0);
        h.id = col_text(st, 1);
        h.title = col_text(st, 2);
        h.source = col_text(st, 3);
        h.published = col_text(st, 4);
        h.url = col_text(st, 5);
        h.score = -sqlite3_column_double(st, 6);
        h.snippet = col_text(st, 7);
        if ((status = fn(ud, &h)) != 0)
            break;
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = rasad__store_status(rc);
    sqlite3_finalize(st);
    return status;
}

static int search_fail(rasad_search_info *info, double t0, const char *msg)
{
    snprintf(info->message, sizeof info->message, "%s", msg);
    info->ms = now_ms() - t0;
    return RASAD_NOTFOUND;
}

int rasad_store_search(rasad_store *s, const rasad_search_opts *o,
                       rasad_hit_fn fn, void *ud, rasad_search_info *info)
{
    double t0 = now_ms();
    memset(info, 0, sizeof *info);
    if (!s || !o || !o->query || !fn)
        return RASAD_INVAL;
    rasad_store_flush(s);
    filters f;
    memset(&f, 0, sizeof f);
    f.source = o->source && *o->source ? o->source : NULL;
    if (o->since && !rasad__pubdate_iso(o->since, strlen(o->since), f.since))
        return search_fail(info, t0, "--since: not a date (use YYYY-MM-DD or a Jalali date such as 1396/02/06)");
    if (o->until && !rasad__pubdate_iso(o->until, strlen(o->until), f.until))
        return search_fail(info, t0, "--until: not a date (use YYYY-MM-DD or a Jalali date such as 1396/02/06)");

    char *expr;
    int nterms;
    int rc = rasad_query_to_fts(o->query, strlen(o->query), o->any, &expr, &nterms,
                                info->message, sizeof info->message);
    if (rc != RASAD_OK) {
        info->ms = now_ms() - t0;
        return rc;
    }
    rc = count_matches(s, expr, &f, &info->total);
    if (rc == RASAD_OK && info->total == 0 && !o->any && nterms > 1) {
        /* Nothing has all the words: rank by any of them, and say so. */
        char *any_expr;
        if (rasad_query_to_fts(o->query, strlen(o->query), 1, &any_expr, NULL,
                               NULL, 0) == RASAD_OK) {
            rasad_free(expr);
            expr = any_expr;
            info->fallback = 1;
            rc = count_matches(s, expr, &f, &info->total);
        }
    }
    if (rc == RASAD_OK && info->total > 0)
        rc = list_hits(s, expr, &f, o, fn, ud);
    if (rc == RASAD_IO)
        snprintf(info->message, sizeof info->message, "%s", sqlite3_errmsg(s->db));
    rasad_free(expr);
    info->ms = now_ms() - t0;
    return rc;
}
