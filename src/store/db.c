/* db.c - opening and closing a store, its statements and transactions. */
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/fts.h"
#include "store_internal.h"

static const char *const stmt_sql[ST_COUNT] = {
    [ST_FIND_KEY] = "SELECT rowid, raw_hash, dup_of FROM article WHERE key = ?1",
    [ST_SET_DUP] = "UPDATE article SET dup_of = ?2, dup_jaccard = ?3 WHERE rowid = ?1",
    [ST_INSERT] =
        "INSERT INTO article(key, ext_id, url, source, title, published,"
        " published_date, format, file, line, raw, raw_hash, text, norm, meta, removed)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
    [ST_UPDATE] =
        "UPDATE article SET ext_id=?2, url=?3, source=?4, title=?5, published=?6,"
        " published_date=?7, format=?8, file=?9, line=?10, raw=?11, raw_hash=?12,"
        " text=?13, norm=?14, meta=?15, removed=?16,"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE rowid=?1",
    [ST_FTS_INSERT] = "INSERT INTO article_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    [ST_FTS_DELETE] =
        "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)",
    [ST_OLD_CONTENT] = "SELECT title, text FROM article WHERE rowid = ?1",
    [ST_REJECT] = "INSERT OR IGNORE INTO reject(file, line, what) VALUES(?1, ?2, ?3)",
    [ST_STORY_OF] = "SELECT story FROM article WHERE rowid = ?1",
    [ST_SET_STORY] = "UPDATE article SET story = ?2 WHERE rowid = ?1",
    [ST_NEW_STORY] =
        "INSERT OR REPLACE INTO story(id, thread, first_seen, last_seen, articles, title,"
        " title_from, title_kind) VALUES(?1, ?2, ?3, ?3, 1, ?4, ?5, ?6)",
    [ST_GROW_STORY] =
        "UPDATE story SET articles = articles + 1, summary = NULL,"
        " first_seen = CASE WHEN ?2 IS NOT NULL AND (first_seen IS NULL OR ?2 < first_seen)"
        "   THEN ?2 ELSE first_seen END,"
        " last_seen = CASE WHEN ?2 IS NOT NULL AND (last_seen IS NULL OR ?2 > last_seen)"
        "   THEN ?2 ELSE last_seen END WHERE id = ?1",
    [ST_STORY_TITLE] =
        "SELECT s.title, s.title_kind, a.text FROM story s"
        " LEFT JOIN article a ON a.rowid = s.title_from WHERE s.id = ?1",
    [ST_SET_TITLE] = "UPDATE story SET title = ?2, title_from = ?3, title_kind = ?4 WHERE id = ?1",
    /* the entity written so, one of one word first for a one-word form (?3) */
    [ST_ENT_FORM] = "SELECT f.entity, e.words FROM entity_form f JOIN entity e ON e.id = f.entity"
                    " WHERE f.type = ?1 AND f.form = ?2 ORDER BY (e.words > ?3), f.n DESC, f.entity"
                    " LIMIT 1",
    [ST_ENT_BY_KEY] = "SELECT id, name, first FROM entity WHERE type = ?1 AND key = ?2 ORDER BY id",
    [ST_ENT_BY_LAST] =
        "SELECT id, name, first FROM entity WHERE type = ?1 AND last = ?2 AND words >= 2 ORDER BY id",
    [ST_ENT_HAS_ROLE] = "SELECT 1 FROM entity_role WHERE entity = ?1 AND role = ?2",
    [ST_ENT_BY_JKEY] = "SELECT id, name FROM entity WHERE type = ?1 AND jkey = ?2 ORDER BY id",
    [ST_ENT_NEW] = "INSERT INTO entity(type, name, key, first, last, words, jkey)"
                   " VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [ST_ENT_FORM_ADD] =
        "INSERT INTO entity_form(type, form, entity, n, why, first_article) VALUES(?1,?2,?3,?4,?5,?6)"
        " ON CONFLICT(type, form, entity) DO UPDATE SET n = n + excluded.n",
    [ST_ENT_ROLE] =
        "INSERT INTO entity_role(entity, role, n, first_seen, last_seen) VALUES(?1, ?2, 1, ?3, ?3)"
        " ON CONFLICT(entity, role) DO UPDATE SET n = n + 1,"
        " first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen)"
        "   THEN ?3 ELSE first_seen END,"
        " last_seen = CASE WHEN ?3 IS NOT NULL AND (last_seen IS NULL OR ?3 > last_seen)"
        "   THEN ?3 ELSE last_seen END",
    [ST_ENT_COUNT] = "UPDATE entity SET mentions = mentions + ?2, articles = articles + 1 WHERE id = ?1",
    [ST_MENTION] = "INSERT INTO mention(article, entity, part, start, end) VALUES(?1,?2,?3,?4,?5)",
    [ST_ENT_UPTO] = "INSERT OR REPLACE INTO entity_state(id, upto) VALUES(1, ?1)",
    [ST_ARTICLE_ENTITIES] = "SELECT DISTINCT entity FROM mention WHERE article = ?1 ORDER BY entity",
    [ST_QUOTE] = "INSERT INTO quote(article, speaker, kind, flags, text, who, verb, day)"
                 " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
    [ST_EVENT] = "INSERT INTO event(article, type, flags, trigger, sentence, place, occasion,"
                 " ordinal, day) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [ST_EVENT_PART] = "INSERT INTO event_part(event, entity, side, described, of_entity)"
                      " VALUES(?1,?2,?3,?4,?5)",
};

int rasad__store_status(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return RASAD_OK;
    case SQLITE_NOMEM: return RASAD_NOMEM;
    case SQLITE_TOOBIG: return RASAD_TOOBIG;
    default: return RASAD_IO;
    }
}

static int store_fail(rasad_store *s, char *errbuf, size_t errcap, int status)
{
    if (errbuf && errcap)
        snprintf(errbuf, errcap, "%s", s->err[0] ? s->err : sqlite3_errmsg(s->db));
    rasad_store_close(s);
    return status;
}

static int store_open(const char *path, int readonly, rasad_store **out, char *errbuf,
                      size_t errcap)
{
    *out = NULL;
    rasad_store *s = rasad_malloc(sizeof *s);
    if (!s) {
        if (errbuf && errcap)
            snprintf(errbuf, errcap, "out of memory");
        return RASAD_NOMEM;
    }
    memset(s, 0, sizeof *s);
    s->batch = 500;
    s->readonly = readonly;
    s->entity_upto = -1;
    int rc = sqlite3_open_v2(path, &s->db, readonly ? SQLITE_OPEN_READONLY :
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        if (!s->db)
            snprintf(s->err, sizeof s->err, "out of memory");
        else
            snprintf(s->err, sizeof s->err, "cannot open '%s': %s", path,
                     sqlite3_errmsg(s->db));
        return store_fail(s, errbuf, errcap, s->db ? RASAD_IO : RASAD_NOMEM);
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    /* Reading a page tells a database from any other file early. */
    /* WAL: readers never block the ingest; NORMAL sync: a crash loses at
     * most the last commits, never consistency. The index's pages are read
     * through mmap and a 64 MB cache, not copied page by page. */
    rc = sqlite3_exec(s->db, readonly ? "PRAGMA query_only=ON; PRAGMA cache_size=-16384;"
                      " PRAGMA mmap_size=1073741824;" :
                      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                      " PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
                      " PRAGMA mmap_size=1073741824;", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "'%s': %s", path, sqlite3_errmsg(s->db));
        return store_fail(s, errbuf, errcap, RASAD_IO);
    }
    rc = rasad_fts_register(s->db);
    if (rc != RASAD_OK) {
        snprintf(s->err, sizeof s->err, "this SQLite has no FTS5");
        return store_fail(s, errbuf, errcap, rc);
    }
    rc = readonly ? rasad__store_check_version(s) : rasad__store_migrate(s);
    if (rc != RASAD_OK)
        return store_fail(s, errbuf, errcap, rc);
    if (readonly) {
        *out = s;
        return RASAD_OK;
    }
    s->cleaner = rasad_cleaner_new();
    if (!s->cleaner || rasad_norm_new(RASAD_NORM_DEFAULT, &s->norm) != RASAD_OK) {
        snprintf(s->err, sizeof s->err, "out of memory");
        return store_fail(s, errbuf, errcap, RASAD_NOMEM);
    }
    if ((rc = rasad__memory_load(s)) != RASAD_OK) {
        snprintf(s->err, sizeof s->err, "reading what the cleaner learned: %s",
                 sqlite3_errmsg(s->db));
        return store_fail(s, errbuf, errcap, rc);
    }
    *out = s;
    return RASAD_OK;
}

int rasad_store_threads_init(void)
{
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? RASAD_OK : RASAD_INVAL;
}

int rasad_store_open(const char *path, rasad_store **out, char *errbuf, size_t errcap)
{
    return store_open(path, 0, out, errbuf, errcap);
}

int rasad_store_open_readonly(const char *path, rasad_store **out, char *errbuf, size_t errcap)
{
    return store_open(path, 1, out, errbuf, errcap);
}

int rasad_store_close(rasad_store *s)
{
    if (!s)
        return RASAD_OK;
    if (s->readonly) {
        for (int k = 0; k < ST_COUNT; k++)
            sqlite3_finalize(s->st[k]);
        sqlite3_close_v2(s->db);
        rasad_story_free(s->sc);
        rasad_free(s);
        return RASAD_OK;
    }
    int status = s->db && s->cleaner ? rasad__memory_save(s) : RASAD_OK;
    if (status == RASAD_OK && s->db)
        status = rasad__story_save(s);
    int fst = rasad_store_flush(s);
    if (status == RASAD_OK)
        status = fst;
    for (int k = 0; k < ST_COUNT; k++)
        sqlite3_finalize(s->st[k]);
    if (s->db) {
        sqlite3_exec(s->db, "PRAGMA optimize;", NULL, NULL, NULL);
        sqlite3_close_v2(s->db);
    }
    rasad_cleaner_free(s->cleaner);
    rasad_dedup_free(s->dd);
    rasad_story_free(s->sc);
    rasad_ner_free(s->ner);
    rasad_ner_free(s->ner2);
    rasad_entity_namer_free(s->namer);
    rasad_norm_free(s->norm);
    rasad_free(s);
    return status;
}

const char *rasad_store_errmsg(const rasad_store *s)
{
    if (!s)
        return "no store";
    if (s->err[0])
        return s->err;
    return sqlite3_errmsg(s->db);
}

sqlite3_stmt *rasad__store_stmt(rasad_store *s, enum store_stmt k)
{
    if (!s->st[k]) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[k], -1, SQLITE_PREPARE_PERSISTENT,
                               &s->st[k], NULL) != SQLITE_OK)
            return NULL;
    } else {
        sqlite3_reset(s->st[k]);
        sqlite3_clear_bindings(s->st[k]);
    }
    return s->st[k];
}

int rasad__store_begin(rasad_store *s)
{
    if (s->in_tx)
        return RASAD_OK;
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rasad__store_status(rc);
    s->in_tx = 1;
    s->pending = 0;
    return RASAD_OK;
}

int rasad_store_flush(rasad_store *s)
{
    if (!s || !s->in_tx)
        return RASAD_OK;
    for (int k = 0; k < ST_COUNT; k++)
        if (s->st[k])
            sqlite3_reset(s->st[k]);
    int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->in_tx = 0;
        return rasad__store_status(rc);
    }
    s->in_tx = 0;
    s->pending = 0;
    return RASAD_OK;
}

void rasad_store_set_batch(rasad_store *s, unsigned batch)
{
    s->batch = batch ? batch : 1;
}

int rasad_store_reject(rasad_store *s, const char *file, long line, const char *what)
{
    if (s->readonly)
        return RASAD_INVAL;
    int rc = rasad__store_begin(s);
    if (rc != RASAD_OK)
        return rc;
    sqlite3_stmt *st = rasad__store_stmt(s, ST_REJECT);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_text(st, 1, file ? file : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, line);
    sqlite3_bind_text(st, 3, what ? what : "", -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : rasad__store_status(rc);
}
