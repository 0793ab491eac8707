/* store_events.c - quotes and events of an article, found right after its
 * entities are linked (store_entity.c) with the events layer
 * (include/rasad/events.h, docs/events.md): who said what, who met whom,
 * where, on what occasion and when. Speakers, participants and places are
 * the article's linked entities. */
#include <stdio.h>
#include <string.h>
#include "rasad/date.h"
#include "store_internal.h"

static int exec_fail(rasad_store *s, int rc)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return rasad__store_status(rc);
}

/* "YYYY-MM-DD" of day into out[16], or "" when undated. */
static void iso_of(int32_t day, char out[16])
{
    rasad_date g;
    out[0] = '\0';
    if (day != RASAD_EVENTS_UNDATED && rasad_date_from_days(day, RASAD_CAL_GREGORIAN, &g) == RASAD_OK &&
        g.year >= 1 && g.year <= 9999 && g.month >= 1 && g.month <= 12 && g.day >= 1 && g.day <= 31)
        snprintf(out, 16, "%04u-%02u-%02u", (unsigned)g.year, (unsigned)g.month, (unsigned)g.day);
}

static void bind_span(sqlite3_stmt *st, int k, const char *text, size_t n, size_t a, size_t b)
{
    if (a < b && b <= n)
        sqlite3_bind_text(st, k, text + a, (int)(b - a), SQLITE_STATIC);
    else
        sqlite3_bind_null(st, k);
}

static int64_t entity_at(const int64_t *ids, size_t k, int i)
{
    return i >= 0 && (size_t)i < k ? ids[i] : 0;
}

int rasad__events_store(rasad_store *s, int64_t rowid, const char *body, size_t n,
                        const char *date, const rasad_events_span *spans, const int64_t *ids,
                        size_t k)
{
    rasad_events_result r;
    char iso[16];
    int rc;
    if (!body || !n)
        return RASAD_OK;
    rc = rasad_events_extract(body, n, spans, k, rasad__day_of(date), &r);
    if (rc == RASAD_TOOBIG || rc == RASAD_RANGE)
        return RASAD_OK;            /* nothing to find in what cannot be read */
    if (rc != RASAD_OK)
        return rc;
    sqlite3_stmt *q = rasad__store_stmt(s, ST_QUOTE);
    for (size_t i = 0; q && rc == RASAD_OK && i < r.nquotes; i++) {
        const rasad_quote *x = &r.quotes[i];
        int64_t who = entity_at(ids, k, x->speaker);
        sqlite3_bind_int64(q, 1, rowid);
        if (who)
            sqlite3_bind_int64(q, 2, who);
        else
            sqlite3_bind_null(q, 2);
        sqlite3_bind_int(q, 3, x->kind);
        sqlite3_bind_int(q, 4, (int)x->flags);
        bind_span(q, 5, body, n, x->start, x->end);
        bind_span(q, 6, body, n, x->who_start, x->who_end);
        const char *verb = rasad_events_verb_name(x->verb);
        if (verb && *verb)
            sqlite3_bind_text(q, 7, verb, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 7);
        iso_of(rasad__day_of(date), iso);
        if (iso[0])
            sqlite3_bind_text(q, 8, iso, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(q, 8);
        int sr = x->end > x->start ? sqlite3_step(q) : SQLITE_DONE;
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        if (sr != SQLITE_DONE)
            rc = exec_fail(s, sr);
    }
    if (!q)
        rc = RASAD_IO;
    sqlite3_stmt *e = rc == RASAD_OK ? rasad__store_stmt(s, ST_EVENT) : NULL;
    sqlite3_stmt *p = rc == RASAD_OK ? rasad__store_stmt(s, ST_EVENT_PART) : NULL;
    for (size_t i = 0; e && p && rc == RASAD_OK && i < r.nevents; i++) {
        const rasad_event *x = &r.events[i];
        sqlite3_bind_int64(e, 1, rowid);
        sqlite3_bind_int(e, 2, x->type);
        sqlite3_bind_int(e, 3, (int)x->flags);
        bind_span(e, 4, body, n, x->trig_start, x->trig_end);
        bind_span(e, 5, body, n, x->sent_start, x->sent_end);
        int64_t place = entity_at(ids, k, x->place);
        if (place)
            sqlite3_bind_int64(e, 6, place);
        else
            sqlite3_bind_null(e, 6);
        bind_span(e, 7, body, n, x->occ_start, x->occ_end);
        sqlite3_bind_int64(e, 8, x->ordinal);
        iso_of(x->day, iso);
        if (iso[0])
            sqlite3_bind_text(e, 9, iso, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(e, 9);
        int sr = sqlite3_step(e);
        sqlite3_reset(e);
        sqlite3_clear_bindings(e);
        if (sr != SQLITE_DONE) {
            rc = exec_fail(s, sr);
            break;
        }
        int64_t ev = sqlite3_last_insert_rowid(s->db);
        for (size_t j = x->part; j < x->part + x->nparts && j < r.nparts && rc == RASAD_OK; j++) {
            const rasad_event_part *pt = &r.parts[j];
            int64_t who = entity_at(ids, k, pt->entity), of = entity_at(ids, k, pt->of);
            int with_of = of && spans[pt->of].start < spans[pt->of].end && spans[pt->of].end <= n;
            if (!who && !(pt->desc_start < pt->desc_end && pt->desc_end <= n &&
                          (with_of || pt->of == RASAD_EVENTS_NONE)))
                continue;
            sqlite3_bind_int64(p, 1, ev);
            if (who)
                sqlite3_bind_int64(p, 2, who);
            else
                sqlite3_bind_null(p, 2);
            sqlite3_bind_int(p, 3, pt->side);
            if (who) {
                sqlite3_bind_null(p, 4);
                sqlite3_bind_null(p, 5);
            } else if (with_of) {                 /* «نماینده پوتین»: described */
                const rasad_events_span *o = &spans[pt->of];
                char *desc = sqlite3_mprintf("%.*s %.*s", (int)(pt->desc_end - pt->desc_start),
                                             body + pt->desc_start, (int)(o->end - o->start),
                                             body + o->start);
                if (desc)
                    sqlite3_bind_text(p, 4, desc, -1, sqlite3_free);
                else
                    sqlite3_bind_null(p, 4);
                sqlite3_bind_int64(p, 5, of);
            } else {                              /* «همتای روس خود»: a counterpart */
                bind_span(p, 4, body, n, pt->desc_start, pt->desc_end);
                sqlite3_bind_null(p, 5);
            }
            sr = sqlite3_step(p);
            sqlite3_reset(p);
            if (sr != SQLITE_DONE)
                rc = exec_fail(s, sr);
        }
    }
    if (rc == RASAD_OK && r.nevents && (!e || !p))
        rc = RASAD_IO;
    rasad_events_result_release(&r);
    return rc;
}
