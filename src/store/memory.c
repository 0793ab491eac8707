/* memory.c - the cleaner's memory kept in the database.
 *
 * The cleaner counts, per source, the articles that had each short line;
 * a line in RASAD_CLEAN_REPEAT_MIN_ARTICLES of them is furniture. Counted
 * in one run only, a daily ingest would keep each source's furniture in
 * its first articles every day. So the counts of lines seen at least
 * twice are saved in table source_line and given back to the cleaner when
 * the store opens (lines seen once are too many and say little). */
#include <string.h>
#include "store_internal.h"

/* Lines seen in fewer articles than this are not saved. */
#define MEMORY_MIN_ARTICLES 2

int rasad__memory_load(rasad_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT source, hash, articles FROM source_line",
                           -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    int rc, status = RASAD_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && status == RASAD_OK) {
        const char *src = (const char *)sqlite3_column_text(st, 0);
        uint64_t h = (uint64_t)sqlite3_column_int64(st, 1);
        sqlite3_int64 n = sqlite3_column_int64(st, 2);
        if (src && h && n > 0)
            status = rasad_cleaner_remember(s->cleaner, src, h,
                                            n > 0x7fffffff ? 0x7fffffffu : (unsigned)n);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = rasad__store_status(rc);
    sqlite3_finalize(st);
    return status;
}

static int save_line(void *ud, const char *source, uint64_t hash, unsigned articles)
{
    sqlite3_stmt *st = ud;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)hash);
    sqlite3_bind_int64(st, 3, articles);
    int rc = sqlite3_step(st);
    return rc == SQLITE_DONE ? 0 : rasad__store_status(rc);
}

int rasad__memory_save(rasad_store *s)
{
    if (!s->learned)
        return RASAD_OK;
    int rc = rasad__store_begin(s);
    if (rc != RASAD_OK)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
            "INSERT INTO source_line(source, hash, articles) VALUES(?1, ?2, ?3)"
            " ON CONFLICT(source, hash) DO UPDATE SET articles = max(articles, excluded.articles)",
            -1, &st, NULL) != SQLITE_OK)
        return RASAD_IO;
    rc = rasad_cleaner_each_line(s->cleaner, MEMORY_MIN_ARTICLES, save_line, st);
    sqlite3_finalize(st);
    if (rc != RASAD_OK)
        return rc;
    s->learned = 0;
    return rasad_store_flush(s);
}
