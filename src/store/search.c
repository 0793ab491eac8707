/* search.c - running a query against the index, best first. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "rasad/alloc.h"
#include "buf.h"
#include "store_internal.h"

/* bm25 with column weights: a word in the title counts twice one in the
 * body. rasad_rank (fts_rank.c) gives bm25's scores for the rows that can
 * be among the best keep, without reading the others' lengths. */
#define RANK_SQL_FMT "SELECT article_fts.rowid, rasad_rank(article_fts, %zu, 2.0, 1.0)"

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

static int has_filters(const filters *f)
{
    return f->source || f->since[0] || f->until[0];
}

/* FROM and WHERE of a search: the article table joins only when a filter
 * needs it, so a plain search never leaves the full-text index. */
static void add_from(rasad_buf *sql, const filters *f)
{
    static const char plain[] = " FROM article_fts WHERE article_fts MATCH ?1";
    static const char joined[] =
        " FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
        " WHERE article_fts MATCH ?1";
    if (has_filters(f))
        rasad__buf_add(sql, joined, sizeof joined - 1);
    else
        rasad__buf_add(sql, plain, sizeof plain - 1);
}

static int prepare_buf(rasad_store *s, rasad_buf *sql, sqlite3_stmt **st)
{
    if (sql->err) {
        int err = sql->err;
        rasad__buf_release(sql);
        return err;
    }
    int rc = sqlite3_prepare_v2(s->db, sql->p, -1, st, NULL);
    rasad__buf_release(sql);
    return rc == SQLITE_OK ? RASAD_OK : rasad__store_status(rc);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

typedef struct ranked {
    int64_t rowid;
    double score;
} ranked;

/* Keeps the best `keep` rows seen so far, best first (insertion into a
 * short sorted array: keep is offset + limit, small). */
static void keep_best(ranked *best, size_t *n, size_t keep, int64_t rowid, double score)
{
    if (*n == keep && (keep == 0 || score <= best[keep - 1].score))
        return;
    size_t i = *n < keep ? (*n)++ : keep - 1;
    while (i > 0 && best[i - 1].score < score) {
        best[i] = best[i - 1];
        i--;
    }
    best[i].rowid = rowid;
    best[i].score = score;
}

/* One pass over the matches in the index alone: counts them all and keeps
 * the best offset + limit (no article row read, no snippet made for rows
 * that will not be shown, no sort of the whole result). On success
 * *out[0..*n) are the rows to show, best first, and *total the count. */
static int rank_rows(rasad_store *s, const char *expr, const filters *f,
                     const rasad_search_opts *o, ranked **out, size_t *n,
                     int64_t *total)
{
    size_t limit = (size_t)(o->limit > 0 ? o->limit : 10);
    size_t offset = (size_t)(o->offset > 0 ? o->offset : 0);
    size_t keep = offset + limit;
    rasad_buf sql;
    rasad__buf_init(&sql, 0);
    char head[128];
    int hn = snprintf(head, sizeof head, RANK_SQL_FMT, keep);
    rasad__buf_add(&sql, head, (size_t)hn);
    add_from(&sql, f);
    add_filters(&sql, f, 2);
    sqlite3_stmt *st;
    int rc = prepare_buf(s, &sql, &st);
    if (rc != RASAD_OK)
        return rc;
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    bind_filters(st, 2, f);
    *n = 0;
    *total = 0;
    ranked *best = rasad_malloc(keep * sizeof *best);
    if (!best) {
        sqlite3_finalize(st);
        return RASAD_NOMEM;
    }
    size_t nbest = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        (*total)++;
        keep_best(best, &nbest, keep, sqlite3_column_int64(st, 0),
                  -sqlite3_column_double(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        rasad_free(best);
        return rasad__store_status(rc);
    }
    if (nbest > offset)
        memmove(best, best + offset, (nbest - offset) * sizeof *best);
    *n = nbest > offset ? nbest - offset : 0;
    *out = best;
    return RASAD_OK;
}

/* Calls fn for each of rows[0..n): its article and snippet. */
static int list_hits(rasad_store *s, const char *expr, const ranked *rows, size_t n,
                     const rasad_search_opts *o, rasad_hit_fn fn, void *ud)
{
    int rc;
    static const char one[] =
        "SELECT coalesce(a.ext_id, a.key), a.title, a.source, a.published, a.url,"
        " snippet(article_fts, 1, ?2, ?3, ' … ', ?4),"
        " (SELECT count(*) FROM article d WHERE d.dup_of = a.rowid)"
        " FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
        " WHERE article_fts MATCH ?1 AND article_fts.rowid = ?5";
    sqlite3_stmt *st;
    if ((rc = sqlite3_prepare_v2(s->db, one, -1, &st, NULL)) != SQLITE_OK)
        return rasad__store_status(rc);
    int ntok = o->snippet_tokens > 0 ? o->snippet_tokens : 24;
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->mark_open ? o->mark_open : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->mark_close ? o->mark_close : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, ntok > 64 ? 64 : ntok);
    int status = RASAD_OK;
    for (size_t i = 0; i < n && status == RASAD_OK; i++) {
        sqlite3_bind_int64(st, 5, rows[i].rowid);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            rasad_hit h;
            h.rowid = rows[i].rowid;
            h.score = rows[i].score;
            h.id = col_text(st, 0);
            h.title = col_text(st, 1);
            h.source = col_text(st, 2);
            h.published = col_text(st, 3);
            h.url = col_text(st, 4);
            h.snippet = col_text(st, 5);
            h.copies = sqlite3_column_int64(st, 6);
            status = fn(ud, &h);
        } else if (rc != SQLITE_DONE) {
            status = rasad__store_status(rc);
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return status;
}

/* rasad__term_exists_fn over the store's index: one FTS5 lookup. */
static int term_exists(void *ud, const char *tok)
{
    sqlite3_stmt *st = ud;
    rasad_buf q;
    rasad__buf_init(&q, 0);
    rasad__fts_string(&q, tok);
    int found = 0;
    if (!q.err) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, q.p, (int)q.n, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
    }
    rasad__buf_release(&q);
    return found;
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
    sqlite3_stmt *probe = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM article_fts WHERE article_fts MATCH ?1 LIMIT 1",
                           -1, &probe, NULL) != SQLITE_OK)
        probe = NULL;
    int rc = rasad__query_to_fts_ex(o->query, strlen(o->query), o->any,
                                    probe ? term_exists : NULL, probe, &expr, &nterms,
                                    info->message, sizeof info->message);
    if (rc != RASAD_OK) {
        sqlite3_finalize(probe);
        info->ms = now_ms() - t0;
        return rc;
    }
    ranked *rows = NULL;
    size_t n = 0;
    rc = rank_rows(s, expr, &f, o, &rows, &n, &info->total);
    if (rc == RASAD_OK && info->total == 0 && !o->any && nterms > 1) {
        /* Nothing has all the words: rank by any of them, and say so. */
        char *any_expr;
        if (rasad__query_to_fts_ex(o->query, strlen(o->query), 1,
                                   probe ? term_exists : NULL, probe, &any_expr, NULL,
                                   NULL, 0) == RASAD_OK) {
            rasad_free(expr);
            rasad_free(rows);
            rows = NULL;
            expr = any_expr;
            info->fallback = 1;
            rc = rank_rows(s, expr, &f, o, &rows, &n, &info->total);
        }
    }
    if (rc == RASAD_OK && n > 0)
        rc = list_hits(s, expr, rows, n, o, fn, ud);
    rasad_free(rows);
    sqlite3_finalize(probe);
    if (rc == RASAD_IO)
        snprintf(info->message, sizeof info->message, "%s", sqlite3_errmsg(s->db));
    rasad_free(expr);
    info->ms = now_ms() - t0;
    return rc;
}
