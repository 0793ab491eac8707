/* store_entity.c - people, places and organisations, linked across the
 * archive as articles arrive (docs/entities.md).
 *
 * Each new article (not a duplicate) is tagged (rasad_ner, title and body)
 * when the store has a model (rasad_store_set_ner). Its PER, LOC and ORG
 * mentions get canonical names (rasad_entity_name_make: normalized, titles
 * off); inside the article a short form of a person (دهقان) joins the one
 * longer name it ends (حسین دهقان). Each name is then linked, and the
 * reason is kept with the form (rasad entity --why):
 *   1. a form seen before links to its entity ("same form"), except a
 *      person's one-word form that was only the short form of a longer
 *      name in some other article (دهقان of حسین دهقان): that is rule 3;
 *   2. a person's name of two words or more whose spelling key matches an
 *      entity's (شایگو ~ شویگو) links to it when there is other evidence:
 *      the same first word (سرگئی), or a role in common (وزیر دفاع روسیه);
 *      and only when exactly one entity has that evidence. A first name
 *      too common to tell people apart (علی، محمد ...) is evidence only
 *      when the names differ in typing alone (رئیسی = رییسی), not in a
 *      vowel (صالحی ≠ صلاحی);
 *   3. a person's one-word name links to the one entity whose last word it
 *      is only when they share a role; otherwise it is an entity of its
 *      own: two people who share a surname are never joined on the
 *      surname alone;
 *   4. anything else starts an entity.
 * Everything for one article is written in the article's transaction, with
 * entity_state.upto: an interrupted ingest leaves no half-linked article,
 * and articles stored without a model are linked, in rowid order, by the
 * next session that has one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/entity.h"
#include "rasad/ner.h"
#include "store_internal.h"

typedef struct ment {
    rasad_entity_name nm;
    int type, part;
    size_t start, end;
    int group;            /* index of the mention whose name this one uses */
    int64_t entity;
} ment;

typedef struct ments {
    ment *m;
    size_t n, cap;
    rasad_store *s;
} ments;

enum { SPLIT_MIN = 2048 };  /* bytes of body from which two cores tag it */

static int exec_fail(rasad_store *s, int rc)
{
    snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
    return rasad__store_status(rc);
}

int rasad_store_set_ner(rasad_store *s, const rasad_ner_model *m)
{
    if (!s || s->readonly)
        return RASAD_INVAL;
    rasad_ner_free(s->ner);
    rasad_ner_free(s->ner2);
    s->ner = s->ner2 = NULL;
    if (!m)
        return RASAD_OK;
    int rc = rasad_ner_new(m, &s->ner);
    if (rc == RASAD_OK)
        rc = rasad_ner_new(m, &s->ner2);
    if (rc == RASAD_OK && !s->namer)
        rc = rasad_entity_namer_new(&s->namer);
    return rc;
}

/* Entity spans as the tagger gives them (PER, LOC, ORG), before naming. */
typedef struct rawspan {
    int type;
    size_t start, end;
} rawspan;

typedef struct rawspans {
    rawspan *v;
    size_t n, cap;
    size_t base;          /* added to every offset (the part of the text tagged) */
    int err;
} rawspans;

static int on_raw(void *ctx, int type, size_t start, size_t end)
{
    rawspans *r = ctx;
    if (type != RASAD_NER_PER && type != RASAD_NER_LOC && type != RASAD_NER_ORG)
        return 0;
    if (r->n == r->cap) {
        rawspan *p = rasad__grow(r->v, &r->cap, r->n + 1, sizeof *p, 32);
        if (!p)
            return r->err = RASAD_NOMEM;
        r->v = p;
    }
    r->v[r->n++] = (rawspan){ type, r->base + start, r->base + end };
    return 0;
}

/* Names the spans of one part (title or body) into x. */
static int name_spans(ments *x, const rawspans *r, const char *text, int part)
{
    for (size_t i = 0; i < r->n; i++) {
        if (x->n == x->cap) {
            ment *p = rasad__grow(x->m, &x->cap, x->n + 1, sizeof *p, 16);
            if (!p)
                return RASAD_NOMEM;
            x->m = p;
        }
        ment *m = &x->m[x->n];
        memset(m, 0, sizeof *m);
        int rc = rasad_entity_name_make(x->s->namer, r->v[i].type, text + r->v[i].start,
                                        r->v[i].end - r->v[i].start, &m->nm);
        if (rc != RASAD_OK)
            return rc;
        if (!m->nm.words)
            continue;
        m->type = r->v[i].type;
        m->part = part;
        m->start = r->v[i].start;
        m->end = r->v[i].end;
        m->group = (int)x->n;
        x->n++;
    }
    return RASAD_OK;
}

/* 1 when the words of short end the words of long (and are fewer). */
static int ends_name(const rasad_entity_name *shrt, const rasad_entity_name *lng)
{
    size_t a = strlen(shrt->name), b = strlen(lng->name);
    return shrt->words < lng->words && a < b && lng->name[b - a - 1] == ' ' &&
           memcmp(lng->name + b - a, shrt->name, a) == 0;
}

/* Groups each mention with the mention whose name it uses. */
static void group(ments *x)
{
    for (size_t i = 0; i < x->n; i++) {
        ment *m = &x->m[i];
        int best = -1, ambiguous = 0;
        for (size_t j = 0; j < x->n; j++) {
            const ment *o = &x->m[j];
            if (o->type != m->type)
                continue;
            if (j < i && strcmp(o->nm.name, m->nm.name) == 0 && best < 0) {
                best = o->group;        /* the same name said again */
                break;
            }
            if (m->type == RASAD_NER_PER && ends_name(&m->nm, &o->nm)) {
                if (best >= 0 && strcmp(x->m[best].nm.name, o->nm.name) != 0)
                    ambiguous = 1;
                else if (best < 0)
                    best = (int)j;
            }
        }
        if (best >= 0 && !ambiguous)
            m->group = x->m[best].group == best ? best : x->m[best].group;
    }
    /* follow chains to their root */
    for (size_t i = 0; i < x->n; i++) {
        int g = x->m[i].group;
        for (int k = 0; k < 8 && x->m[g].group != g; k++)
            g = x->m[g].group;
        x->m[i].group = g;
    }
}

/* ---- roles of a group -------------------------------------------------- */

enum { ROLES_MAX = 8 };
typedef struct roleset {
    char r[ROLES_MAX][RASAD_ENTITY_NAME_MAX];
    int n;
} roleset;

static int on_role(void *ctx, const char *r, size_t n)
{
    roleset *x = ctx;
    if (x->n == ROLES_MAX || n >= RASAD_ENTITY_NAME_MAX)
        return 0;
    for (int i = 0; i < x->n; i++)
        if (strlen(x->r[i]) == n && memcmp(x->r[i], r, n) == 0)
            return 0;
    memcpy(x->r[x->n], r, n);
    x->r[x->n++][n] = '\0';
    return 0;
}

static int has_role(rasad_store *s, int64_t entity, const roleset *rs, const char **which)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_HAS_ROLE);
    if (!st)
        return -1;
    for (int i = 0; i < rs->n; i++) {
        sqlite3_bind_int64(st, 1, entity);
        sqlite3_bind_text(st, 2, rs->r[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_ROW) {
            *which = rs->r[i];
            return 1;
        }
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

/* ---- linking one name -------------------------------------------------- */

/* Rule 1: the entity m's name was written for before. A one-word name
 * that was only a short form of a longer one (دهقان of حسین دهقان, in
 * another article) is no link: that needs evidence (rule 3). */
static int by_form(rasad_store *s, const ment *m, int64_t *entity)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_FORM);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int(st, 1, m->type);
    sqlite3_bind_text(st, 2, m->nm.name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, (int)m->nm.words);
    int rc = sqlite3_step(st);
    *entity = 0;
    if (rc == SQLITE_ROW && !(m->type == RASAD_NER_PER && m->nm.words == 1 &&
                              sqlite3_column_int(st, 1) > 1))
        *entity = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

/* Rules 2 and 3 of the top of this file: the one candidate with evidence,
 * and why; 0 when none or more than one. */
static int by_evidence(rasad_store *s, const ment *m, const roleset *rs, int64_t *entity,
                       char *why, size_t wcap)
{
    int one_word = m->nm.words == 1;
    sqlite3_stmt *st = rasad__store_stmt(s, one_word ? ST_ENT_BY_LAST : ST_ENT_BY_KEY);
    int64_t found = 0, cand[16];
    char names[16][RASAD_ENTITY_NAME_MAX], firsts[16][RASAD_ENTITY_NAME_MAX];
    int nc = 0, hits = 0, rc;
    *entity = 0;
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int(st, 1, m->type);
    sqlite3_bind_text(st, 2, one_word ? m->nm.last : m->nm.key, -1, SQLITE_STATIC);
    while (nc < 16 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        cand[nc] = sqlite3_column_int64(st, 0);
        snprintf(names[nc], sizeof names[nc], "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(firsts[nc], sizeof firsts[nc], "%s", (const char *)sqlite3_column_text(st, 2));
        nc++;
    }
    sqlite3_reset(st);
    for (int i = 0; i < nc; i++) {
        const char *role = NULL;
        int r = rs->n ? has_role(s, cand[i], rs, &role) : 0;
        if (r < 0)
            return exec_fail(s, SQLITE_ERROR);
        int typed = !one_word &&
                    rasad_entity_same_letters(names[i], strlen(names[i]), m->nm.name,
                                              strlen(m->nm.name));
        if (!one_word && strcmp(firsts[i], m->nm.first) == 0 &&
            (typed || !rasad_entity_common_first(m->nm.first, strlen(m->nm.first)))) {
            hits++;
            found = cand[i];
            if (typed)
                snprintf(why, wcap, "spelling of «%.200s»: the same letters typed otherwise"
                         " (ZWNJ, space, hamza, a doubled letter)", names[i]);
            else
                snprintf(why, wcap, "spelling of «%.200s»: same letters but vowels (%.100s), same first name «%.100s»",
                         names[i], m->nm.key, m->nm.first);
        } else if (r > 0) {
            hits++;
            found = cand[i];
            snprintf(why, wcap, one_word ? "short form of «%.200s», same role «%.200s»"
                                         : "spelling of «%.200s», same role «%.200s»", names[i], role);
        }
    }
    if (hits == 1)
        *entity = found;
    return RASAD_OK;
}

/* The spelling key of the whole name nm, its spaces taken out, into out
 * (cap bytes): «محمد جواد ظریف» and «محمدجواد ظریف» meet there. */
static void joined_key(const rasad_entity_name *nm, char *out, size_t cap)
{
    char w[RASAD_ENTITY_NAME_MAX];
    size_t k = 0;
    for (const char *p = nm->name; *p && k + 1 < sizeof w; p++)
        if (*p != ' ')
            w[k++] = *p;
    rasad_entity_key_word(w, k, out, cap);
}

/* Rule 1b: an entity whose name differs from m's in typing alone (spaces,
 * ZWNJ, hamza seats, a doubled letter: rasad_entity_same_letters), the
 * first made when there are several. */
static int by_typing(rasad_store *s, const ment *m, int64_t *entity, char *why, size_t wcap)
{
    char jk[RASAD_ENTITY_NAME_MAX];
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_BY_JKEY);
    int rc;
    *entity = 0;
    if (!st)
        return RASAD_IO;
    joined_key(&m->nm, jk, sizeof jk);
    sqlite3_bind_int(st, 1, m->type);
    sqlite3_bind_text(st, 2, jk, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (name && strcmp(name, m->nm.name) != 0 &&
            rasad_entity_same_letters(name, strlen(name), m->nm.name, strlen(m->nm.name))) {
            *entity = sqlite3_column_int64(st, 0);
            snprintf(why, wcap, "«%.200s» typed otherwise (ZWNJ, space, hamza, a doubled letter)",
                     name);
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

static int new_entity(rasad_store *s, const ment *m, int64_t *entity)
{
    char jk[RASAD_ENTITY_NAME_MAX];
    joined_key(&m->nm, jk, sizeof jk);
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_NEW);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int(st, 1, m->type);
    sqlite3_bind_text(st, 2, m->nm.name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->nm.key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->nm.first, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->nm.last, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, (int)m->nm.words);
    sqlite3_bind_text(st, 7, jk, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return exec_fail(s, rc);
    *entity = sqlite3_last_insert_rowid(s->db);
    return RASAD_OK;
}

static int add_form(rasad_store *s, int type, const char *form, int64_t entity, int n,
                    const char *why, int64_t article)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_FORM_ADD);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int(st, 1, type);
    sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, entity);
    sqlite3_bind_int(st, 4, n);
    sqlite3_bind_text(st, 5, why, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, article);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

/* ---- one article --------------------------------------------------------- */

/* The second half of a long body, tagged by a thread of its own. */
typedef struct half {
    rasad_ner *ner;
    const char *p;
    size_t n;
    rawspans out;
    int rc;
} half;

static void *tag_half(void *arg)
{
    half *h = arg;
    h->rc = rasad_ner_tag_text(h->ner, h->p, h->n, on_raw, &h->out);
    if (h->out.err)
        h->rc = h->out.err;
    return NULL;
}

/* Tags p[0..n) into x as part `part`. A body of SPLIT_MIN bytes or more is
 * cut at the first line break after its middle and the two halves are
 * tagged at once on two cores: a line break ends a sentence, and the
 * tagger sees one sentence at a time, so the spans are the same. */
static int tag_part(rasad_store *s, ments *x, const char *p, size_t n, int part)
{
    rawspans a = { NULL, 0, 0, 0, 0 };
    half h;
    int rc, threaded = 0;
    pthread_t th;
    size_t cut = n;
    if (!p || !n)
        return RASAD_OK;
    memset(&h, 0, sizeof h);
    if (part == 0 && s->ner2 && n >= SPLIT_MIN) {
        const char *nl = memchr(p + n / 2, '\n', n - n / 2);
        if (nl && (size_t)(nl - p) + 1 < n) {
            cut = (size_t)(nl - p);
            h.ner = s->ner2;
            h.p = p + cut + 1;
            h.n = n - cut - 1;
            h.out.base = cut + 1;
            threaded = pthread_create(&th, NULL, tag_half, &h) == 0;
            if (!threaded)
                cut = n;               /* no thread: all of it here */
        }
    }
    rc = rasad_ner_tag_text(s->ner, p, cut, on_raw, &a);
    if (a.err)
        rc = a.err;
    if (threaded) {
        pthread_join(th, NULL);
        if (rc == RASAD_OK)
            rc = h.rc;
    }
    if (rc == RASAD_OK)
        rc = name_spans(x, &a, p, part);
    if (rc == RASAD_OK && threaded)
        rc = name_spans(x, &h.out, p, part);
    rasad_free(a.v);
    rasad_free(h.out.v);
    return rc;
}

static int link_article(rasad_store *s, int64_t rowid, const char *title, const char *body,
                        size_t n, const char *date)
{
    ments x = { NULL, 0, 0, s };
    int rc;
    if ((rc = tag_part(s, &x, title, title ? strlen(title) : 0, 1)) != RASAD_OK ||
        (rc = tag_part(s, &x, body, n, 0)) != RASAD_OK)
        goto out;
    group(&x);
    /* places and organisations first: a person's evidence may use them */
    for (int pass = 0; pass < 2 && rc == RASAD_OK; pass++) {
        for (size_t i = 0; i < x.n && rc == RASAD_OK; i++) {
            ment *m = &x.m[i];
            if ((size_t)m->group != i || (pass == 0) != (m->type != RASAD_NER_PER))
                continue;
            roleset rs;
            rs.n = 0;
            if (m->type == RASAD_NER_PER)
                for (size_t j = 0; j < x.n && rc == RASAD_OK; j++)
                    if ((size_t)x.m[j].group == i && x.m[j].part == 0)
                        rc = rasad_entity_roles(s->namer, body, n, x.m[j].start, x.m[j].end,
                                                on_role, &rs);
            if (rc != RASAD_OK)
                break;
            char why[600] = "first seen";
            int64_t e;
            /* a one-word person with a role: evidence first (دهقان وزیر دفاع
             * is حسین دهقان even when a bare دهقان was seen before) */
            int evidence_first = m->type == RASAD_NER_PER && m->nm.words == 1 && rs.n > 0;
            e = 0;
            if (evidence_first && (rc = by_evidence(s, m, &rs, &e, why, sizeof why)) != RASAD_OK)
                break;
            if (!e && (rc = by_form(s, m, &e)) != RASAD_OK)
                break;
            if (!e && (rc = by_typing(s, m, &e, why, sizeof why)) != RASAD_OK)
                break;
            if (!e && !evidence_first && m->type == RASAD_NER_PER &&
                (rc = by_evidence(s, m, &rs, &e, why, sizeof why)) != RASAD_OK)
                break;
            if (!e && (rc = new_entity(s, m, &e)) != RASAD_OK)
                break;
            m->entity = e;
            /* roles, with the article's day */
            sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_ROLE);
            for (int r = 0; st && r < rs.n; r++) {
                sqlite3_bind_int64(st, 1, e);
                sqlite3_bind_text(st, 2, rs.r[r], -1, SQLITE_STATIC);
                if (date && *date)
                    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
                else
                    sqlite3_bind_null(st, 3);
                int sr = sqlite3_step(st);
                sqlite3_reset(st);
                if (sr != SQLITE_DONE)
                    rc = exec_fail(s, sr);
            }
            if (!st)
                rc = RASAD_IO;
            /* every form of this group, with how many times it was written */
            for (size_t j = 0; j < x.n && rc == RASAD_OK; j++) {
                if ((size_t)x.m[j].group != i)
                    continue;
                int dup = 0, count = 0;
                for (size_t k = 0; k < j && !dup; k++)
                    dup = (size_t)x.m[k].group == i && strcmp(x.m[k].nm.name, x.m[j].nm.name) == 0;
                if (dup)
                    continue;
                for (size_t k = j; k < x.n; k++)
                    count += (size_t)x.m[k].group == i &&
                             strcmp(x.m[k].nm.name, x.m[j].nm.name) == 0;
                char shortwhy[600];
                const char *w = why;
                if (j != i) {
                    snprintf(shortwhy, sizeof shortwhy, "short form of «%.200s» in the same article",
                             m->nm.name);
                    w = shortwhy;
                }
                rc = add_form(s, m->type, x.m[j].nm.name, e, count, w, rowid);
            }
        }
    }
    /* mentions and counts */
    sqlite3_stmt *mt = rc == RASAD_OK ? rasad__store_stmt(s, ST_MENTION) : NULL;
    for (size_t i = 0; mt && i < x.n && rc == RASAD_OK; i++) {
        x.m[i].entity = x.m[x.m[i].group].entity;
        sqlite3_bind_int64(mt, 1, rowid);
        sqlite3_bind_int64(mt, 2, x.m[i].entity);
        sqlite3_bind_int(mt, 3, x.m[i].part);
        sqlite3_bind_int64(mt, 4, (int64_t)x.m[i].start);
        sqlite3_bind_int64(mt, 5, (int64_t)x.m[i].end);
        int sr = sqlite3_step(mt);
        sqlite3_reset(mt);
        if (sr != SQLITE_DONE)
            rc = exec_fail(s, sr);
    }
    sqlite3_stmt *ct = rc == RASAD_OK ? rasad__store_stmt(s, ST_ENT_COUNT) : NULL;
    for (size_t i = 0; ct && i < x.n && rc == RASAD_OK; i++) {
        int first = 1, count = 0;
        for (size_t k = 0; k < i && first; k++)
            first = x.m[k].entity != x.m[i].entity;
        if (!first)
            continue;
        for (size_t k = i; k < x.n; k++)
            count += x.m[k].entity == x.m[i].entity;
        sqlite3_bind_int64(ct, 1, x.m[i].entity);
        sqlite3_bind_int(ct, 2, count);
        int sr = sqlite3_step(ct);
        sqlite3_reset(ct);
        if (sr != SQLITE_DONE)
            rc = exec_fail(s, sr);
    }
    /* quotes and events, over the body's mentions */
    if (rc == RASAD_OK && body && n) {
        rasad_events_span *sp = rasad_malloc((x.n ? x.n : 1) * sizeof *sp);
        int64_t *ids = rasad_malloc((x.n ? x.n : 1) * sizeof *ids);
        size_t k = 0;
        if (!sp || !ids)
            rc = RASAD_NOMEM;
        for (size_t i = 0; rc == RASAD_OK && i < x.n; i++)
            if (x.m[i].part == 0) {
                sp[k].type = x.m[i].type;
                sp[k].start = x.m[i].start;
                sp[k].end = x.m[i].end;
                ids[k++] = x.m[i].entity;
            }
        if (rc == RASAD_OK)
            rc = rasad__events_store(s, rowid, body, n, date, sp, ids, k);
        rasad_free(sp);
        rasad_free(ids);
    }
out:
    rasad_free(x.m);
    return rc;
}

static int set_upto(rasad_store *s, int64_t rowid)
{
    sqlite3_stmt *st = rasad__store_stmt(s, ST_ENT_UPTO);
    if (!st)
        return RASAD_IO;
    sqlite3_bind_int64(st, 1, rowid);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return exec_fail(s, rc);
    s->entity_upto = rowid;
    return RASAD_OK;
}

static int load_upto(rasad_store *s)
{
    sqlite3_stmt *st;
    if (s->entity_upto >= 0)
        return RASAD_OK;
    if (sqlite3_prepare_v2(s->db, "SELECT upto FROM entity_state WHERE id = 1", -1, &st, NULL)
        != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    int rc = sqlite3_step(st);
    s->entity_upto = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASAD_OK : exec_fail(s, rc);
}

/* Links every article after entity_upto and before `before` (0: all), in
 * rowid order; duplicates are passed over. */
static int catch_up(rasad_store *s, int64_t before)
{
    sqlite3_stmt *st;
    int rc;
    if ((rc = load_upto(s)) != RASAD_OK)
        return rc;
    if (sqlite3_prepare_v2(s->db,
            "SELECT rowid, title, text, published_date, dup_of FROM article "
            "WHERE rowid > ?1 AND rowid < ?2 ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    sqlite3_bind_int64(st, 1, s->entity_upto);
    sqlite3_bind_int64(st, 2, before > 0 ? before : INT64_MAX);
    int status = RASAD_OK, any = 0;
    int64_t done = 0, total = 0;
    if (s->link_progress) {                     /* how many, for the progress line */
        sqlite3_stmt *ct;
        if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM article WHERE rowid > ?1 AND rowid < ?2",
                               -1, &ct, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(ct, 1, s->entity_upto);
            sqlite3_bind_int64(ct, 2, before > 0 ? before : INT64_MAX);
            if (sqlite3_step(ct) == SQLITE_ROW)
                total = sqlite3_column_int64(ct, 0);
            sqlite3_finalize(ct);
        }
    }
    while (status == RASAD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t rowid = sqlite3_column_int64(st, 0);
        if (s->link_progress && done > 0 && done % RASAD_LINK_PROGRESS_EVERY == 0)
            s->link_progress(s->link_ud, done, total);
        done++;
        if (!any && (status = rasad__store_begin(s)) != RASAD_OK)
            break;
        any = 1;
        if (!sqlite3_column_int64(st, 4))
            status = link_article(s, rowid, (const char *)sqlite3_column_text(st, 1),
                                  (const char *)sqlite3_column_text(st, 2),
                                  (size_t)sqlite3_column_bytes(st, 2),
                                  (const char *)sqlite3_column_text(st, 3));
        if (status == RASAD_OK)
            status = set_upto(s, rowid);
    }
    if (status == RASAD_OK && rc != SQLITE_DONE)
        status = exec_fail(s, rc);
    sqlite3_finalize(st);
    if (s->link_progress && done > 0)
        s->link_progress(s->link_ud, done, total > done ? total : done);
    return status;
}

void rasad_store_set_link_progress(rasad_store *s, rasad_link_progress_fn fn, void *ud)
{
    if (!s)
        return;
    s->link_progress = fn;
    s->link_ud = fn ? ud : NULL;
}

int rasad__entity_assign(rasad_store *s, int64_t rowid, const char *title, const char *body,
                         size_t n, const char *date, int64_t dup_of)
{
    int rc;
    if (!s->ner)
        return RASAD_OK;           /* linked later, by a session with a model */
    if ((rc = load_upto(s)) != RASAD_OK ||
        (s->entity_upto + 1 < rowid && (rc = catch_up(s, rowid)) != RASAD_OK))
        return rc;                 /* articles before this one not linked yet */
    if (!dup_of && (rc = link_article(s, rowid, title, body, n, date)) != RASAD_OK)
        return rc;
    return set_upto(s, rowid);
}

int rasad_store_link_entities(rasad_store *s, int64_t *articles)
{
    int rc;
    if (!s || s->readonly || !s->ner)
        return RASAD_INVAL;
    if ((rc = load_upto(s)) != RASAD_OK)
        return rc;
    int64_t from = s->entity_upto;
    if ((rc = catch_up(s, 0)) != RASAD_OK)
        return rc;
    if (articles)
        *articles = s->entity_upto - from;
    return rasad_store_flush(s);
}

int rasad_store_relink_entities(rasad_store *s, int64_t *articles)
{
    int rc;
    if (!s || s->readonly || !s->ner)
        return RASAD_INVAL;
    if ((rc = rasad_store_flush(s)) != RASAD_OK || (rc = rasad__store_begin(s)) != RASAD_OK)
        return rc;
    if (sqlite3_exec(s->db, "DELETE FROM mention; DELETE FROM entity_form; DELETE FROM entity_role;"
                     " DELETE FROM entity; DELETE FROM entity_state; DELETE FROM event_part;"
                     " DELETE FROM event; DELETE FROM quote;", NULL, NULL, NULL) != SQLITE_OK)
        return exec_fail(s, SQLITE_ERROR);
    s->entity_upto = 0;
    if ((rc = catch_up(s, 0)) != RASAD_OK)
        return rc;
    if (articles)
        *articles = s->entity_upto;
    return rasad_store_flush(s);
}
