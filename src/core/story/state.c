/* state.c - a clusterer's whole state as bytes, and back (story.h).
 *
 * Layout, every integer little-endian, floats as their IEEE-754 bits:
 *   "RSTY" u32 version=2
 *   f64 join, f64 thread, i32 window, u32 terms
 *   u64 ndocs, u64 nids, nids x u64 article id (ascending)
 *   u64 ndf, ndf x (u32 term, u32 df) (ascending term)
 *   u64 nstories, per story (creation order):
 *     u64 id, u64 thread, u32 articles, u32 members, i32 first, i32 last,
 *     u32 ned, ned x u32, u32 nv, nv x (u32 term, f32 weight)
 *   u64 nposts, per posting (ascending term):
 *     u32 term, u32 n, n x u32 story index (in the order they were posted)
 * Postings are saved as they are, stale entries included (cluster.c). */
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "buf.h"
#include "story_internal.h"

/* 1: cosine with idf applied on use; 2: average link, postings rebuilt on
 * import; 3: postings saved */
enum { STATE_VERSION = 3 };

static void put_u32(rasad_buf *b, uint32_t v)
{
    unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8),
                           (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    rasad__buf_add(b, x, 4);
}

static void put_u64(rasad_buf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

static void put_f64(rasad_buf *b, double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    put_u64(b, v);
}

static void put_f32(rasad_buf *b, float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    put_u32(b, v);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The keys of m, sorted (caller frees); NULL on NOMEM or when empty. */
static uint64_t *sorted_keys(const rasad__map *m, uint32_t **vals)
{
    uint64_t *k = rasad_malloc((m->used ? m->used : 1) * 2 * sizeof *k);
    size_t n = 0;
    *vals = NULL;
    if (!k)
        return NULL;
    for (size_t i = 0; i < m->cap; i++)
        if (m->key[i]) {
            k[2 * n] = m->key[i] - 1;
            k[2 * n + 1] = m->val[i];
            n++;
        }
    qsort(k, n, 2 * sizeof *k, cmp_u64);
    return k;
}

int rasad_story_export(const rasad_story *c, char **out, size_t *n)
{
    rasad_buf b;
    uint32_t *unused;
    if (!c || !out || !n)
        return RASAD_INVAL;
    *out = NULL;
    *n = 0;
    rasad__buf_init(&b, 0);
    rasad__buf_add(&b, "RSTY", 4);
    put_u32(&b, STATE_VERSION);
    put_f64(&b, c->o.join);
    put_f64(&b, c->o.thread);
    put_u32(&b, (uint32_t)c->o.window);
    put_u32(&b, c->o.terms);
    put_u64(&b, c->ndocs);

    uint64_t *k = sorted_keys(&c->ids, &unused);
    if (!k)
        return RASAD_NOMEM;
    put_u64(&b, c->ids.used);
    for (size_t i = 0; i < c->ids.used; i++)
        put_u64(&b, k[2 * i]);
    rasad_free(k);

    if (!(k = sorted_keys(&c->df, &unused))) {
        rasad__buf_release(&b);
        return RASAD_NOMEM;
    }
    put_u64(&b, c->df.used);
    for (size_t i = 0; i < c->df.used; i++) {
        put_u32(&b, (uint32_t)k[2 * i]);
        put_u32(&b, (uint32_t)k[2 * i + 1]);
    }
    rasad_free(k);

    put_u64(&b, c->nst);
    for (size_t i = 0; i < c->nst; i++) {
        const rasad__story *s = &c->st[i];
        put_u64(&b, s->id);
        put_u64(&b, s->thread);
        put_u32(&b, s->articles);
        put_u32(&b, s->members);
        put_u32(&b, (uint32_t)s->first);
        put_u32(&b, (uint32_t)s->last);
        put_u32(&b, s->ned);
        for (unsigned j = 0; j < s->ned; j++)
            put_u32(&b, s->ed[j]);
        put_u32(&b, s->nv);
        for (uint32_t j = 0; j < s->nv; j++) {
            put_u32(&b, s->v[j].term);
            put_f32(&b, s->v[j].w);
        }
    }
    if (!(k = sorted_keys(&c->post_of, &unused))) {
        rasad__buf_release(&b);
        return RASAD_NOMEM;
    }
    put_u64(&b, c->post_of.used);
    for (size_t i = 0; i < c->post_of.used; i++) {
        const rasad__posting *p = &c->post[k[2 * i + 1]];
        put_u32(&b, (uint32_t)k[2 * i]);
        put_u32(&b, p->n);
        for (uint32_t j = 0; j < p->n; j++)
            put_u32(&b, p->s[j]);
    }
    rasad_free(k);
    if (b.err) {
        int rc = b.err;
        rasad__buf_release(&b);
        return rc;
    }
    *out = rasad__buf_detach(&b, n);
    return RASAD_OK;
}

typedef struct rd {
    const unsigned char *p;
    size_t n, at;
    int bad;
} rd;

static uint32_t get_u32(rd *r)
{
    if (r->n - r->at < 4) {
        r->bad = 1;
        r->at = r->n;
        return 0;
    }
    const unsigned char *x = r->p + r->at;
    r->at += 4;
    return (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
}

static uint64_t get_u64(rd *r)
{
    uint64_t lo = get_u32(r);
    return lo | (uint64_t)get_u32(r) << 32;
}

/* A count of items of at least `each` bytes that the rest can hold. */
static uint64_t get_count(rd *r, size_t each)
{
    uint64_t v = get_u64(r);
    if (v > (r->n - r->at) / each) {
        r->bad = 1;
        return 0;
    }
    return v;
}

static int import(rasad_story *c, rd *r)
{
    int added;
    if (r->n < 4 || memcmp(r->p, "RSTY", 4) != 0)
        return RASAD_PARSE;
    r->at = 4;
    if (get_u32(r) != STATE_VERSION)
        return RASAD_PARSE;
    uint64_t j = get_u64(r), t = get_u64(r);
    double join, thread;
    memcpy(&join, &j, 8);
    memcpy(&thread, &t, 8);
    int window = (int)get_u32(r);
    uint32_t terms = get_u32(r);
    if (r->bad)
        return RASAD_PARSE;
    if (join != c->o.join || thread != c->o.thread || window != c->o.window || terms != c->o.terms)
        return RASAD_INVAL;
    c->ndocs = get_u64(r);
    uint64_t nids = get_count(r, 8);
    for (uint64_t i = 0; i < nids && !r->bad; i++) {
        uint64_t id = get_u64(r);
        if (id == RASAD_STORY_NONE)
            return RASAD_PARSE;
        if (!rasad__map_put(&c->ids, id, 1, &added))
            return RASAD_NOMEM;
    }
    uint64_t ndf = get_count(r, 8);
    for (uint64_t i = 0; i < ndf && !r->bad; i++) {
        uint32_t term = get_u32(r), df = get_u32(r);
        uint32_t *d = rasad__map_put(&c->df, term, df, &added);
        if (!d)
            return RASAD_NOMEM;
    }
    uint64_t nst = get_count(r, 40);   /* a story without words: 40 bytes */
    for (uint64_t i = 0; i < nst && !r->bad; i++) {
        uint64_t id = get_u64(r);
        if (id == RASAD_STORY_NONE || rasad__map_find(&c->by_id, id))
            return RASAD_PARSE;
        long si = rasad__story_append(c, id);
        if (si < 0)
            return RASAD_NOMEM;
        rasad__story *s = &c->st[si];
        s->thread = get_u64(r);
        s->articles = get_u32(r);
        s->members = get_u32(r);
        s->first = (int32_t)get_u32(r);
        s->last = (int32_t)get_u32(r);
        uint32_t ned = get_u32(r);
        if (ned > RASAD_STORY_EDITIONS)
            return RASAD_PARSE;
        for (uint32_t e = 0; e < ned; e++)
            s->ed[e] = get_u32(r);
        s->ned = ned;
        uint32_t nv = get_u32(r);
        if (r->bad || nv > c->o.terms || (size_t)nv * 8 > r->n - r->at)
            return RASAD_PARSE;
        if (nv) {
            if (!(s->v = rasad_malloc(nv * sizeof *s->v)))
                return RASAD_NOMEM;
            s->cv = nv;
        }
        for (uint32_t e = 0; e < nv; e++) {
            s->v[e].term = get_u32(r);
            uint32_t bits = get_u32(r);
            memcpy(&s->v[e].w, &bits, 4);
            if (e && s->v[e].term <= s->v[e - 1].term)
                return RASAD_PARSE;
        }
        s->nv = nv;
    }
    uint64_t npost = get_count(r, 8);
    uint32_t prev = 0;
    for (uint64_t i = 0; i < npost && !r->bad; i++) {
        uint32_t term = get_u32(r), n = get_u32(r);
        if (r->bad || (i && term <= prev) || n == 0 || (size_t)n * 4 > r->n - r->at)
            return RASAD_PARSE;
        prev = term;
        rasad__posting *p = rasad__posting_add(c, term);
        if (!p)
            return RASAD_NOMEM;
        if (!(p->s = rasad_malloc((size_t)n * sizeof *p->s)))
            return RASAD_NOMEM;
        p->cap = n;
        for (uint32_t e = 0; e < n; e++) {
            uint32_t si = get_u32(r);
            if (si >= c->nst)
                return RASAD_PARSE;
            p->s[p->n++] = si;
        }
    }
    if (r->bad || r->at != r->n)
        return RASAD_PARSE;
    return RASAD_OK;
}

int rasad_story_import(rasad_story *c, const char *p, size_t n)
{
    if (!c || (!p && n))
        return RASAD_INVAL;
    if (c->nst || c->ids.used || c->ndocs)
        return RASAD_INVAL;
    rd r = { (const unsigned char *)p, n, 0, 0 };
    int rc = import(c, &r);
    if (rc != RASAD_OK)
        rasad__story_clear(c);   /* empty again */
    return rc;
}
