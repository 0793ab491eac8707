/* events_view.c - quotes and events as the store shows them (store.h). */
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "store_internal.h"

static int fail(rasad_store *s)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return RASAD_IO;
}

/* The most written form of an entity, as a SQL expression on column c. */
#define NAME_OF(c) "(SELECT form FROM entity_form WHERE entity = " c \
                   " ORDER BY n DESC, first_article, form LIMIT 1)"

/* The columns a quote and an event are read with (in this order). */
#define QUOTE_COLS "SELECT q.id, q.article, q.speaker, " NAME_OF("q.speaker") ", q.who, q.kind," \
                   " q.verb, q.text, q.day "
#define EVENT_COLS "SELECT e.id, e.article, e.type, e.trigger, e.sentence, e.place, " \
                   NAME_OF("e.place") ", e.occasion, e.ordinal, e.day, e.flags "

int rasad_store_quotes(rasad_store *s, const rasad_quotes_opts *o,
                       int (*fn)(void *ud, const rasad_quote_view *q), void *ud)
{
    rasad_quotes_opts none = { 0, 0, 0, 0, 0 };
    sqlite3_stmt *st;
    int rc, status = RASAD_OK;
    if (!s || !fn)
        return RASAD_INVAL;
    if (!o)
        o = &none;
    if ((rc = rasad__entity_prepare(s)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db,
            QUOTE_COLS "FROM quote q "
            "WHERE (?1 = 0 OR q.speaker = ?1) AND (?2 = 0 OR q.article = ?2) "
            "  AND (?3 = 0 OR q.article IN (SELECT rowid FROM article WHERE story = ?3)) "
            "ORDER BY q.day IS NULL, q.day DESC, q.article DESC, q.id LIMIT ?4 OFFSET ?5",
            -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    /* A story's quotes: from its articles, not a walk over every quote. */
    if (o->story && !o->speaker && !o->article) {
        sqlite3_finalize(st);
        if (sqlite3_prepare_v2(s->db,
            QUOTE_COLS "FROM article a JOIN quote q ON q.article = a.rowid "
            "WHERE ?1 = 0 AND ?2 = 0 AND a.story = ?3 "
            "ORDER BY q.day IS NULL, q.day DESC, q.article DESC, q.id LIMIT ?4 OFFSET ?5",
            -1, &st, NULL) != SQLITE_OK)
            return fail(s);
    }
    sqlite3_bind_int64(st, 1, o->speaker);
    sqlite3_bind_int64(st, 2, o->article);
    sqlite3_bind_int64(st, 3, o->story);
    sqlite3_bind_int64(st, 4, o->limit > 0 ? o->limit : -1);
    sqlite3_bind_int64(st, 5, o->offset > 0 ? o->offset : 0);
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_quote_view q;
        q.id = sqlite3_column_int64(st, 0);
        q.article = sqlite3_column_int64(st, 1);
        q.speaker = sqlite3_column_int64(st, 2);
        q.speaker_name = (const char *)sqlite3_column_text(st, 3);
        q.who = (const char *)sqlite3_column_text(st, 4);
        q.kind = sqlite3_column_int(st, 5);
        q.verb = (const char *)sqlite3_column_text(st, 6);
        q.text = (const char *)sqlite3_column_text(st, 7);
        q.day = (const char *)sqlite3_column_text(st, 8);
        if (!q.text)
            q.text = "";
        status = fn(ud, &q);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = fail(s);
    sqlite3_finalize(st);
    return status;
}

int rasad_store_events(rasad_store *s, const rasad_events_opts *o,
                       int (*fn)(void *ud, const rasad_event_view *e), void *ud)
{
    rasad_events_opts none = { 0, 0, 0, 0, 0, 0 };
    sqlite3_stmt *st, *ps;
    int rc, status = RASAD_OK;
    if (!s || !fn)
        return RASAD_INVAL;
    if (!o)
        o = &none;
    if ((rc = rasad__entity_prepare(s)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db,
            EVENT_COLS "FROM event e "
            "WHERE (?1 = 0 OR e.type = ?1) "
            "  AND (?2 = 0 OR e.place = ?2 OR e.id IN (SELECT event FROM event_part WHERE entity = ?2)"
            "       OR e.id IN (SELECT event FROM event_part WHERE of_entity = ?2)) "
            "  AND (?3 = 0 OR e.article = ?3) "
            "  AND (?4 = 0 OR e.article IN (SELECT rowid FROM article WHERE story = ?4)) "
            "ORDER BY e.day IS NULL, e.day DESC, e.id LIMIT ?5 OFFSET ?6", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    /* A story's events: from its articles, not a walk over every event. */
    if (o->story && !o->entity && !o->article) {
        sqlite3_finalize(st);
        if (sqlite3_prepare_v2(s->db,
            EVENT_COLS "FROM article a JOIN event e ON e.article = a.rowid "
            "WHERE (?1 = 0 OR e.type = ?1) AND ?2 = 0 AND ?3 = 0 AND a.story = ?4 "
            "ORDER BY e.day IS NULL, e.day DESC, e.id LIMIT ?5 OFFSET ?6", -1, &st, NULL) != SQLITE_OK)
            return fail(s);
    }
    if (sqlite3_prepare_v2(s->db,
            "SELECT DISTINCT p.entity, coalesce(" NAME_OF("p.entity") ", p.described),"
            " x.type, p.side, y.id, " NAME_OF("y.id") " "
            "FROM event_part p LEFT JOIN entity x ON x.id = p.entity "
            "LEFT JOIN entity y ON y.id = p.of_entity AND p.entity IS NULL "
            "WHERE p.event = ?1 AND (x.id IS NOT NULL OR (p.entity IS NULL AND p.described IS NOT NULL"
            "  AND (p.of_entity IS NULL OR y.id IS NOT NULL))) "
            "ORDER BY p.rowid", -1, &ps, NULL)
        != SQLITE_OK) {
        sqlite3_finalize(st);
        return fail(s);
    }
    sqlite3_bind_int(st, 1, o->type);
    sqlite3_bind_int64(st, 2, o->entity);
    sqlite3_bind_int64(st, 3, o->article);
    sqlite3_bind_int64(st, 4, o->story);
    sqlite3_bind_int64(st, 5, o->limit > 0 ? o->limit : -1);
    sqlite3_bind_int64(st, 6, o->offset > 0 ? o->offset : 0);
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_event_view e;
        rasad_event_party parts[32];
        char names[32][256], ofs[32][256];
        e.id = sqlite3_column_int64(st, 0);
        e.article = sqlite3_column_int64(st, 1);
        e.type = sqlite3_column_int(st, 2);
        e.trigger = (const char *)sqlite3_column_text(st, 3);
        e.sentence = (const char *)sqlite3_column_text(st, 4);
        e.place = sqlite3_column_int64(st, 5);
        e.place_name = (const char *)sqlite3_column_text(st, 6);
        e.occasion = (const char *)sqlite3_column_text(st, 7);
        e.ordinal = sqlite3_column_int64(st, 8);
        e.day = (const char *)sqlite3_column_text(st, 9);
        e.planned = (sqlite3_column_int(st, 10) & RASAD_EVENT_PLANNED) != 0;
        e.nparts = 0;
        sqlite3_bind_int64(ps, 1, e.id);
        while (e.nparts < 32 && (rc = sqlite3_step(ps)) == SQLITE_ROW) {
            rasad_event_party *p = &parts[e.nparts];
            const char *nm = (const char *)sqlite3_column_text(ps, 1);
            snprintf(names[e.nparts], sizeof names[0], "%s", nm ? nm : "");
            p->entity = sqlite3_column_int64(ps, 0);
            p->name = names[e.nparts];
            p->type = sqlite3_column_type(ps, 2) == SQLITE_NULL ? RASAD_NER_PER   /* described */
                                                                : sqlite3_column_int(ps, 2);
            p->side = sqlite3_column_int(ps, 3);
            p->of = sqlite3_column_int64(ps, 4);
            const char *on = (const char *)sqlite3_column_text(ps, 5);
            snprintf(ofs[e.nparts], sizeof ofs[0], "%s", on ? on : "");
            p->of_name = p->of ? ofs[e.nparts] : NULL;
            e.nparts++;
        }
        sqlite3_reset(ps);
        e.parts = parts;
        status = fn(ud, &e);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = fail(s);
    sqlite3_finalize(st);
    sqlite3_finalize(ps);
    return status;
}
