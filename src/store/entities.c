/* entities.c - entities as the store shows them: lists, one entity with
 * its forms, roles, articles and the entities named beside it (store.h).
 * The linking is in store_entity.c. */
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/entity.h"
#include "store_internal.h"

/* The most written form of an entity, as a SQL expression on column c. */
#define NAME_OF(c) "(SELECT form FROM entity_form WHERE entity = " c \
                   " ORDER BY n DESC, first_article, form LIMIT 1)"

static int fail(rasad_store *s)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return RASAD_IO;
}

void rasad_entity_view_free(rasad_entity_view *v)
{
    if (!v)
        return;
    rasad_free(v->name);
    for (size_t i = 0; i < v->nforms; i++) {
        rasad_free(v->forms[i].form);
        rasad_free(v->forms[i].why);
    }
    rasad_free(v->forms);
    for (size_t i = 0; i < v->nroles; i++) {
        rasad_free(v->roles[i].role);
        rasad_free(v->roles[i].first_seen);
        rasad_free(v->roles[i].last_seen);
    }
    rasad_free(v->roles);
    rasad_free(v->articles);
    for (size_t i = 0; i < v->ncooc; i++)
        rasad_free(v->cooc[i].name);
    rasad_free(v->cooc);
    memset(v, 0, sizeof *v);
}

/* Runs sql with ?1 = id and calls row() for each row. */
static int each(rasad_store *s, const char *sql, int64_t id,
                int (*row)(sqlite3_stmt *st, void *ud), void *ud)
{
    sqlite3_stmt *st;
    int rc, status = RASAD_OK;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, id);
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        status = row(st, ud);
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = fail(s);
    sqlite3_finalize(st);
    return status;
}

typedef struct grow_ctx {
    rasad_entity_view *v;
    size_t cap;
} grow_ctx;

static int form_row(sqlite3_stmt *st, void *ud)
{
    grow_ctx *g = ud;
    rasad_entity_form *f = rasad__grow(g->v->forms, &g->cap, g->v->nforms + 1, sizeof *f, 4);
    int nomem = 0;
    if (!f)
        return RASAD_NOMEM;
    g->v->forms = f;
    f = &f[g->v->nforms++];
    f->form = rasad__col_dup(st, 0, &nomem);
    f->n = sqlite3_column_int64(st, 1);
    f->why = rasad__col_dup(st, 2, &nomem);
    return nomem ? RASAD_NOMEM : RASAD_OK;
}

static int role_row(sqlite3_stmt *st, void *ud)
{
    grow_ctx *g = ud;
    rasad_entity_role *r = rasad__grow(g->v->roles, &g->cap, g->v->nroles + 1, sizeof *r, 4);
    int nomem = 0;
    if (!r)
        return RASAD_NOMEM;
    g->v->roles = r;
    r = &r[g->v->nroles++];
    r->role = rasad__col_dup(st, 0, &nomem);
    r->n = sqlite3_column_int64(st, 1);
    r->first_seen = rasad__col_dup(st, 2, &nomem);
    r->last_seen = rasad__col_dup(st, 3, &nomem);
    return nomem ? RASAD_NOMEM : RASAD_OK;
}

static int article_row(sqlite3_stmt *st, void *ud)
{
    grow_ctx *g = ud;
    int64_t *a = rasad__grow(g->v->articles, &g->cap, g->v->narticles + 1, sizeof *a, 8);
    if (!a)
        return RASAD_NOMEM;
    g->v->articles = a;
    a[g->v->narticles++] = sqlite3_column_int64(st, 0);
    return RASAD_OK;
}

static int cooc_row(sqlite3_stmt *st, void *ud)
{
    grow_ctx *g = ud;
    rasad_entity_cooc *c = rasad__grow(g->v->cooc, &g->cap, g->v->ncooc + 1, sizeof *c, 8);
    int nomem = 0;
    if (!c)
        return RASAD_NOMEM;
    g->v->cooc = c;
    c = &c[g->v->ncooc++];
    c->id = sqlite3_column_int64(st, 0);
    c->type = sqlite3_column_int(st, 1);
    c->name = rasad__col_dup(st, 2, &nomem);
    c->articles = sqlite3_column_int64(st, 3);
    return nomem ? RASAD_NOMEM : RASAD_OK;
}

/* Fills forms (and the name: the most written), roles and articles of v->id. */
static int fill(rasad_store *s, rasad_entity_view *v, int cooc)
{
    grow_ctx g = { v, 0 };
    int rc = each(s, "SELECT form, n, why FROM entity_form WHERE entity = ?1 "
                     "ORDER BY n DESC, first_article, form", v->id, form_row, &g);
    if (rc == RASAD_OK && v->nforms) {
        size_t n = strlen(v->forms[0].form);
        rasad_free(v->name);
        if (!(v->name = rasad_malloc(n + 1)))
            return RASAD_NOMEM;
        memcpy(v->name, v->forms[0].form, n + 1);
    }
    g.cap = 0;
    if (rc == RASAD_OK)
        rc = each(s, "SELECT role, n, first_seen, last_seen FROM entity_role WHERE entity = ?1 "
                     "ORDER BY n DESC, role", v->id, role_row, &g);
    g.cap = 0;
    if (rc == RASAD_OK)
        rc = each(s, "SELECT DISTINCT article FROM mention WHERE entity = ?1 ORDER BY article",
                  v->id, article_row, &g);
    g.cap = 0;
    if (rc == RASAD_OK && cooc)
        rc = each(s, "SELECT e.id, e.type, e.name, count(DISTINCT m2.article) AS k "
                     "FROM mention m1 JOIN mention m2 ON m2.article = m1.article "
                     "JOIN entity e ON e.id = m2.entity "
                     "WHERE m1.entity = ?1 AND m2.entity != ?1 "
                     "GROUP BY e.id ORDER BY k DESC, e.mentions DESC, e.id LIMIT 20",
                  v->id, cooc_row, &g);
    for (size_t i = 0; rc == RASAD_OK && i < v->ncooc; i++) {
        /* the co-occurring entity's most written form */
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, "SELECT form FROM entity_form WHERE entity = ?1 "
                               "ORDER BY n DESC, first_article, form LIMIT 1", -1, &st, NULL)
            != SQLITE_OK)
            return fail(s);
        sqlite3_bind_int64(st, 1, v->cooc[i].id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            int nomem = 0;
            char *f = rasad__col_dup(st, 0, &nomem);
            if (f) {
                rasad_free(v->cooc[i].name);
                v->cooc[i].name = f;
            }
            if (nomem)
                rc = RASAD_NOMEM;
        }
        sqlite3_finalize(st);
    }
    return rc;
}

int rasad__entity_prepare(rasad_store *s)
{
    /* articles stored while the store had no model are linked first */
    if (s->readonly || !s->ner)
        return RASAD_OK;
    return rasad_store_link_entities(s, NULL);
}

int rasad_store_entities(rasad_store *s, const rasad_entities_opts *o,
                         int (*fn)(void *ud, const rasad_entity_view *e), void *ud)
{
    rasad_entities_opts none = { 0, 0, 0, 0, 0, 0 };
    sqlite3_stmt *st;
    int rc;
    if (!s || !fn)
        return RASAD_INVAL;
    if (!o)
        o = &none;
    if ((rc = rasad__entity_prepare(s)) != RASAD_OK)
        return rc;
    /* All entities: down the mentions index. Those of an article or a story:
     * from its mentions (a few), then sorted; walking the index for them
     * would pass over every entity of the archive. */
    const char *sql = o->article || o->story ?
            "SELECT e.id, e.type, " NAME_OF("e.id") ", e.mentions FROM "
            " (SELECT DISTINCT m.entity AS x FROM article a JOIN mention m ON m.article = a.rowid "
            "  WHERE (?2 != 0 AND a.rowid = ?2) OR (?5 != 0 AND a.story = ?5)) "
            "JOIN entity e ON e.id = x WHERE (?1 = 0 OR e.type = ?1) "
            "ORDER BY e.mentions DESC, e.id LIMIT ?3 OFFSET ?4" :
            "SELECT id, type, " NAME_OF("id") ", mentions FROM entity "
            "WHERE (?1 = 0 OR type = ?1) "
            "ORDER BY mentions DESC, id LIMIT ?3 OFFSET ?4";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int(st, 1, o->type);
    sqlite3_bind_int64(st, 2, o->article);
    sqlite3_bind_int64(st, 3, o->limit > 0 ? o->limit : -1);
    sqlite3_bind_int64(st, 4, o->offset > 0 ? o->offset : 0);
    sqlite3_bind_int64(st, 5, o->story);
    int status = RASAD_OK;
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_entity_view v;
        int nomem = 0;
        memset(&v, 0, sizeof v);
        v.id = sqlite3_column_int64(st, 0);
        v.type = sqlite3_column_int(st, 1);
        v.name = rasad__col_dup(st, 2, &nomem);
        v.mentions = sqlite3_column_int64(st, 3);
        status = nomem ? RASAD_NOMEM : o->brief ? RASAD_OK : fill(s, &v, 0);
        if (status == RASAD_OK)
            status = fn(ud, &v);
        rasad_entity_view_free(&v);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = fail(s);
    sqlite3_finalize(st);
    return status;
}

int rasad_store_entity(rasad_store *s, int64_t id, rasad_entity_view *out)
{
    sqlite3_stmt *st;
    int rc, nomem = 0;
    if (!s || !out)
        return RASAD_INVAL;
    memset(out, 0, sizeof *out);
    if ((rc = rasad__entity_prepare(s)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db, "SELECT type, name, mentions FROM entity WHERE id = ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->id = id;
        out->type = sqlite3_column_int(st, 0);
        out->name = rasad__col_dup(st, 1, &nomem);
        out->mentions = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return RASAD_NOTFOUND;
    if (rc != SQLITE_ROW)
        return fail(s);
    rc = nomem ? RASAD_NOMEM : fill(s, out, 1);
    if (rc != RASAD_OK)
        rasad_entity_view_free(out);
    return rc;
}

int rasad_store_entity_find(rasad_store *s, const char *name, int64_t *id)
{
    rasad_entity_namer *nm;
    rasad_entity_name e;
    sqlite3_stmt *st;
    int rc;
    if (!s || !name || !id)
        return RASAD_INVAL;
    *id = 0;
    if ((rc = rasad__entity_prepare(s)) != RASAD_OK)
        return rc;
    if ((rc = rasad_entity_namer_new(&nm)) != RASAD_OK)
        return rc;
    rc = rasad_entity_name_make(nm, 1 /* as a person: titles off */, name, strlen(name), &e);
    rasad_entity_namer_free(nm);
    if (rc != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db,
            "SELECT f.entity FROM entity_form f JOIN entity e ON e.id = f.entity "
            "WHERE f.form = ?1 ORDER BY e.mentions DESC, e.id LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_text(st, 1, e.name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return RASAD_NOTFOUND;
    return rc == SQLITE_ROW ? RASAD_OK : fail(s);
}

int rasad_store_mentions(rasad_store *s, int64_t article,
                         int (*fn)(void *ud, const rasad_mention *m), void *ud)
{
    sqlite3_stmt *st;
    int rc, status = RASAD_OK;
    if (!s || !fn)
        return RASAD_INVAL;
    if (sqlite3_prepare_v2(s->db,
            "SELECT m.entity, e.type, m.part, m.start, m.end FROM mention m "
            "JOIN entity e ON e.id = m.entity WHERE m.article = ?1 "
            "ORDER BY m.part DESC, m.start, m.end", -1, &st, NULL) != SQLITE_OK)
        return fail(s);
    sqlite3_bind_int64(st, 1, article);
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasad_mention m;
        m.entity = sqlite3_column_int64(st, 0);
        m.type = sqlite3_column_int(st, 1);
        m.part = sqlite3_column_int(st, 2);
        sqlite3_int64 a = sqlite3_column_int64(st, 3), b = sqlite3_column_int64(st, 4);
        if (a < 0 || b < a)
            continue;
        m.start = (size_t)a;
        m.end = (size_t)b;
        status = fn(ud, &m);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = fail(s);
    sqlite3_finalize(st);
    return status;
}
