/* schema.c - the store's schema as a list of migrations.
 *
 * PRAGMA user_version is the number of migrations applied. To change the
 * schema, append a migration: never edit one that has shipped. */
#include <stdio.h>
#include "store_internal.h"

static const char *const migrations[] = {
    /* 1: articles, their index, rejected inputs */
    "CREATE TABLE article("
    "  rowid INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"        /* input id, else url, else hash */
    "  ext_id TEXT,"                     /* the input's own id */
    "  url TEXT, source TEXT, title TEXT,"
    "  published TEXT,"                  /* as written */
    "  published_date TEXT,"             /* YYYY-MM-DD (Gregorian) when readable */
    "  format TEXT, file TEXT, line INTEGER,"
    "  raw BLOB,"                        /* the record as read */
    "  raw_hash INTEGER NOT NULL,"       /* FNV-1a 64 of raw, title and text */
    "  text TEXT NOT NULL,"              /* clean body */
    "  norm TEXT NOT NULL,"              /* normalized body */
    "  meta TEXT,"                       /* JSON object */
    "  removed TEXT,"                    /* JSON array */
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT"
    ");"
    "CREATE INDEX article_ext_id ON article(ext_id);"
    "CREATE INDEX article_source ON article(source);"
    "CREATE INDEX article_published ON article(published_date);"
    "CREATE VIRTUAL TABLE article_fts USING fts5("
    "  title, text, content='article', content_rowid='rowid',"
    "  tokenize='rasad stem');"
    "CREATE TABLE reject("
    "  file TEXT NOT NULL, line INTEGER NOT NULL, what TEXT NOT NULL,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  UNIQUE(file, line, what));",
    /* 2: what the cleaner learned of each source, kept between runs */
    "CREATE TABLE source_line("
    "  source TEXT NOT NULL, hash INTEGER NOT NULL, articles INTEGER NOT NULL,"
    "  PRIMARY KEY(source, hash)) WITHOUT ROWID;",
    /* 3: duplicates: the group's earliest article, and how close */
    "ALTER TABLE article ADD COLUMN dup_of INTEGER;"
    "ALTER TABLE article ADD COLUMN dup_jaccard REAL;"
    "CREATE INDEX article_dup_of ON article(dup_of);",
    /* 4: stories and threads (store_story.c): each article's story, each
     * story's thread, and the clusterer's state as of article `upto` */
    "ALTER TABLE article ADD COLUMN story INTEGER;"
    "CREATE INDEX article_story ON article(story);"
    "CREATE TABLE story(id INTEGER PRIMARY KEY, thread INTEGER NOT NULL);"
    "CREATE INDEX story_thread ON story(thread);"
    "CREATE TABLE story_state(id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  upto INTEGER NOT NULL, state BLOB NOT NULL);",
    /* 5: what a story list shows, kept as articles arrive (store_story.c),
     * so lists need neither a scan of the articles nor the clusterer; the
     * stories are made again (state dropped) to fill them */
    "ALTER TABLE story ADD COLUMN first_seen TEXT;"
    "ALTER TABLE story ADD COLUMN last_seen TEXT;"
    "ALTER TABLE story ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE story ADD COLUMN title TEXT;"
    "ALTER TABLE story ADD COLUMN title_from INTEGER;"
    "ALTER TABLE story ADD COLUMN title_kind INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX story_recent ON story(last_seen IS NULL, last_seen DESC, id);"
    "DELETE FROM story_state; DELETE FROM story;"
    "UPDATE article SET story = NULL WHERE story IS NOT NULL;",
    /* 6: entities (store_entity.c): one row per person, place or
     * organisation; each written form and why it was linked; each mention
     * (part 0 body, 1 title, byte spans into that text); roles seen */
    "CREATE TABLE entity(id INTEGER PRIMARY KEY, type INTEGER NOT NULL, name TEXT NOT NULL,"
    "  key TEXT NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, words INTEGER NOT NULL,"
    "  mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX entity_key ON entity(type, key);"
    "CREATE INDEX entity_last ON entity(type, last);"
    "CREATE INDEX entity_mentions ON entity(mentions DESC, id);"
    "CREATE TABLE entity_form(type INTEGER NOT NULL, form TEXT NOT NULL,"
    "  entity INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0, why TEXT NOT NULL,"
    "  first_article INTEGER, PRIMARY KEY(type, form)) WITHOUT ROWID;"
    "CREATE INDEX entity_form_entity ON entity_form(entity);"
    "CREATE TABLE mention(article INTEGER NOT NULL, entity INTEGER NOT NULL,"
    "  part INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);"
    "CREATE INDEX mention_entity ON mention(entity, article);"
    "CREATE INDEX mention_article ON mention(article);"
    "CREATE TABLE entity_role(entity INTEGER NOT NULL, role TEXT NOT NULL,"
    "  n INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT,"
    "  PRIMARY KEY(entity, role)) WITHOUT ROWID;"
    "CREATE TABLE entity_state(id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);",
    /* 7: who said what and who met whom (store_events.c), found with the
     * entities; linking starts again so every article gets them */
    "CREATE TABLE quote(id INTEGER PRIMARY KEY, article INTEGER NOT NULL, speaker INTEGER,"
    "  kind INTEGER NOT NULL, flags INTEGER NOT NULL, text TEXT NOT NULL, who TEXT,"
    "  verb TEXT, day TEXT);"
    "CREATE INDEX quote_speaker ON quote(speaker, id);"
    "CREATE INDEX quote_article ON quote(article);"
    "CREATE TABLE event(id INTEGER PRIMARY KEY, article INTEGER NOT NULL, type INTEGER NOT NULL,"
    "  flags INTEGER NOT NULL, trigger TEXT, sentence TEXT, place INTEGER, occasion TEXT,"
    "  ordinal INTEGER NOT NULL DEFAULT 0, day TEXT);"
    "CREATE INDEX event_article ON event(article);"
    "CREATE INDEX event_type ON event(type, id);"
    "CREATE TABLE event_part(event INTEGER NOT NULL, entity INTEGER NOT NULL,"
    "  side INTEGER NOT NULL);"
    "CREATE INDEX event_part_event ON event_part(event);"
    "CREATE INDEX event_part_entity ON event_part(entity);"
    "DELETE FROM mention; DELETE FROM entity_form; DELETE FROM entity_role;"
    "DELETE FROM entity; DELETE FROM entity_state;",
    /* 8: each story's summary, made when an ingest ends (stories.c) and
     * cleared when the story grows; NULL means "make it when asked" */
    "ALTER TABLE story ADD COLUMN summary TEXT;",
    /* 9: a participant may be described, not named: «نماینده پوتین» is
     * Putin's envoy (entity NULL, described = the words, of_entity = Putin).
     * The table is rebuilt because its entity was NOT NULL; rows are kept. */
    "CREATE TABLE event_part_v9(event INTEGER NOT NULL, entity INTEGER,"
    "  side INTEGER NOT NULL, described TEXT, of_entity INTEGER);"
    "INSERT INTO event_part_v9(rowid, event, entity, side)"
    "  SELECT rowid, event, entity, side FROM event_part;"
    "DROP TABLE event_part;"
    "ALTER TABLE event_part_v9 RENAME TO event_part;"
    "CREATE INDEX event_part_event ON event_part(event);"
    "CREATE INDEX event_part_entity ON event_part(entity);"
    "CREATE INDEX event_part_of ON event_part(of_entity);",
    /* 10: a form belongs to each entity written so (دهقان is a short form of
     * حسین دهقان in one article and of علی دهقان in another), and a one-word
     * form of a longer name links nothing outside its article without
     * evidence (store_entity.c). The old links reused short forms across
     * articles, so every article is linked again: the next command with a
     * model does it, with its quotes and events. */
    "DROP TABLE entity_form;"
    "CREATE TABLE entity_form(type INTEGER NOT NULL, form TEXT NOT NULL,"
    "  entity INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0, why TEXT NOT NULL,"
    "  first_article INTEGER, PRIMARY KEY(type, form, entity)) WITHOUT ROWID;"
    "CREATE INDEX entity_form_entity ON entity_form(entity);"
    "DELETE FROM mention; DELETE FROM entity_role; DELETE FROM entity; DELETE FROM entity_state;"
    "DELETE FROM quote; DELETE FROM event; DELETE FROM event_part;",
    /* 11: a name typed otherwise (محمدجواد ظریف / محمد جواد ظریف, کی‌روش /
     * کی روش) is the same entity: `jkey` is the spelling key of the whole
     * name with its spaces taken out (store_entity.c), where such names
     * meet. Every article is linked again, as for 10. */
    "ALTER TABLE entity ADD COLUMN jkey TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX entity_jkey ON entity(type, jkey);"
    "DELETE FROM entity_form;"
    "DELETE FROM mention; DELETE FROM entity_role; DELETE FROM entity; DELETE FROM entity_state;"
    "DELETE FROM quote; DELETE FROM event; DELETE FROM event_part;",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int rasad_store_schema_version(void)
{
    return NMIGRATIONS;
}

static int user_version(sqlite3 *db, int *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int rasad__store_check_version(rasad_store *s)
{
    int v, rc = user_version(s->db, &v);
    if (rc != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
        return RASAD_IO;
    }
    if (v != NMIGRATIONS) {
        snprintf(s->err, sizeof s->err, v > NMIGRATIONS ?
                 "database schema %d is newer than this rasad (%d): upgrade rasad" :
                 "database schema %d is older than this rasad (%d): open it once with "
                 "'rasad stats' (read-write) to migrate it", v, NMIGRATIONS);
        return RASAD_UNSUPPORTED;
    }
    return RASAD_OK;
}

int rasad__store_migrate(rasad_store *s)
{
    int v, rc = user_version(s->db, &v);
    if (rc != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
        return RASAD_IO;
    }
    if (v > NMIGRATIONS) {
        snprintf(s->err, sizeof s->err,
                 "database schema %d is newer than this rasad (%d): upgrade rasad",
                 v, NMIGRATIONS);
        return RASAD_UNSUPPORTED;
    }
    for (; v < NMIGRATIONS; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(s->err, sizeof s->err, "migration %d: %s", v + 1,
                     sqlite3_errmsg(s->db));
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return RASAD_IO;
        }
    }
    return RASAD_OK;
}
