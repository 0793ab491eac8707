/* store_dedup.c - duplicates found while ingesting.
 *
 * Each new article's clean body goes through rasad_dedup (docs/dedup.md)
 * under its rowid. A duplicate (exact, or near at Jaccard >= 0.8) gets
 * dup_of = the rowid of its group's earliest article and is not put in the
 * full-text index: a search finds the group once, through its canonical,
 * and says how many copies it has. The dedup index lives in memory; the
 * first article a session stores loads it with the canonical articles
 * already in the database (their shingles are computed again, about 65 µs
 * an article). Articles stored before this existed (schema < 3), and
 * articles updated in place, keep the status they had. */
#include "store_internal.h"

static int dedup_load(rasad_store *s)
{
    int rc = rasad_dedup_new(NULL, &s->dd);
    if (rc != RASAD_OK)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
            "SELECT rowid, text FROM article WHERE dup_of IS NULL ORDER BY rowid",
            -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    int status = RASAD_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && status == RASAD_OK) {
        rasad_dedup_result res;
        const char *t = (const char *)sqlite3_column_text(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        status = rasad_dedup_add(s->dd, (uint64_t)sqlite3_column_int64(st, 0),
                                 t ? t : "", t ? n : 0, &res);
        if (status == RASAD_TOOBIG)
            status = RASAD_OK;      /* too long to compare: never a canonical */
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = rasad__store_status(rc);
    sqlite3_finalize(st);
    return status;
}

int rasad__dedup_check(rasad_store *s, int64_t rowid, const char *body, size_t n,
                       int64_t *dup_of, double *jaccard)
{
    *dup_of = 0;
    *jaccard = 0;
    int rc;
    if (!s->dd && (rc = dedup_load(s)) != RASAD_OK) {
        rasad_dedup_free(s->dd);
        s->dd = NULL;
        return rc;
    }
    rasad_dedup_result res;
    rc = rasad_dedup_add(s->dd, (uint64_t)rowid, body, n, &res);
    if (rc == RASAD_TOOBIG)
        return RASAD_OK;
    if (rc != RASAD_OK)
        return rc;
    if (res.group != (uint64_t)rowid) {
        *dup_of = (int64_t)res.group;
        *jaccard = res.jaccard;
    }
    return RASAD_OK;
}
