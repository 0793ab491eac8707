/* cluster.c - the online clusterer: an article joins the most similar
 * story the votes allow, or starts one (story.h, docs/stories.md).
 *
 * Candidates come from postings (word -> stories whose centroid holds or
 * once held it) of the article's QUERY_TERMS heaviest words; the MAX_CAND
 * best by that partial score are compared exactly. A posting is never
 * cleaned: checking each entry against the story's centroid cost 70% of
 * the candidate search (a cache miss per entry), and an entry whose word
 * the story has since dropped only puts that story among the candidates,
 * where the exact comparison weighs it right. The export saves postings as
 * they are, so a restored clusterer chooses exactly as the one exported. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "buf.h"
#include "story_internal.h"

enum { QUERY_TERMS = 32, MAX_CAND = 64 };

/* idf = ln((N + IDF_PRIOR + 1) / (df + 0.5)): as if IDF_PRIOR more
 * articles without the word had been seen. In a small archive a word every
 * article shares (سوریه in five articles on Syria) then keeps its weight
 * instead of falling to nothing; in a large one the prior is lost in N. */
#define IDF_PRIOR 50.0

static int opts_fill(const rasad_story_opts *in, rasad_story_opts *o)
{
    rasad_story_opts z = {0};
    if (!in)
        in = &z;
    o->join = in->join ? in->join : RASAD_STORY_JOIN;
    o->thread = in->thread ? in->thread : RASAD_STORY_THREAD;
    o->window = in->window ? in->window : RASAD_STORY_WINDOW;
    o->terms = in->terms ? in->terms : RASAD_STORY_TERMS;
    if (!(o->join > 0 && o->join <= 1) || !(o->thread > 0 && o->thread <= 1) ||
        o->window < 1 || o->window > 36500 || o->terms < 16 || o->terms > 4096)
        return RASAD_INVAL;
    return RASAD_OK;
}

int rasad_story_new(const rasad_story_opts *opts, rasad_story **out)
{
    rasad_story *c;
    int rc;
    if (!out)
        return RASAD_INVAL;
    *out = NULL;
    if (!(c = rasad_malloc(sizeof *c)))
        return RASAD_NOMEM;
    memset(c, 0, sizeof *c);
    if ((rc = opts_fill(opts, &c->o)) != RASAD_OK ||
        (rc = rasad__feats_init(&c->f)) != RASAD_OK) {
        rasad_story_free(c);
        return rc;
    }
    *out = c;
    return RASAD_OK;
}

void rasad__story_clear(rasad_story *c)
{
    rasad_story_opts o = c->o;
    rasad__feats f = c->f;
    for (size_t i = 0; i < c->nst; i++)
        rasad_free(c->st[i].v);
    for (size_t i = 0; i < c->npost; i++)
        rasad_free(c->post[i].s);
    rasad_free(c->st);
    rasad_free(c->post);
    rasad__map_release(&c->by_id);
    rasad__map_release(&c->ids);
    rasad__map_release(&c->df);
    rasad__map_release(&c->post_of);
    rasad_free(c->stamp);
    rasad_free(c->tstamp);
    rasad_free(c->acc);
    rasad_free(c->cand);
    rasad_free(c->idf);
    rasad_free(c->aw);
    memset(c, 0, sizeof *c);
    c->o = o;
    c->f = f;
}

void rasad_story_free(rasad_story *c)
{
    if (!c)
        return;
    rasad__story_clear(c);
    rasad__feats_release(&c->f);
    rasad_free(c);
}

/* ln(df + 0.5) for small df, computed once: idf is then one subtraction. */
enum { LOG_TABLE = 4096 };
static double log_df[LOG_TABLE];
static int log_df_ready;

static double ln_df(uint32_t df)
{
    if (df >= LOG_TABLE)
        return log(df + 0.5);
    if (!log_df_ready) {            /* idempotent: racing threads write the same values */
        for (uint32_t i = 0; i < LOG_TABLE; i++)
            log_df[i] = log(i + 0.5);
        log_df_ready = 1;
    }
    return log_df[df];
}

double rasad__story_idf(const rasad_story *c, uint32_t term)
{
    const uint32_t *d = rasad__map_find(&c->df, term);
    return log((double)c->ndocs + IDF_PRIOR + 1.0) - ln_df(d ? *d : 0);
}

long rasad__story_append(rasad_story *c, uint64_t id)
{
    int added;
    if (c->nst == c->cst) {
        rasad__story *p = rasad__grow(c->st, &c->cst, c->nst + 1, sizeof *p, 64);
        if (!p)
            return -1;
        c->st = p;
    }
    if (c->nst >= c->cstamp) {
        size_t cap = c->cstamp, cap2 = c->cstamp, cap3 = c->cstamp;
        uint32_t *a = rasad__grow(c->stamp, &cap, c->nst + 1, sizeof *a, 64);
        if (a)
            c->stamp = a;
        uint32_t *b = a ? rasad__grow(c->tstamp, &cap2, c->nst + 1, sizeof *b, 64) : NULL;
        if (b)
            c->tstamp = b;
        float *f = b ? rasad__grow(c->acc, &cap3, c->nst + 1, sizeof *f, 64) : NULL;
        if (!f)
            return -1;
        c->acc = f;
        memset(c->stamp + c->cstamp, 0, (cap - c->cstamp) * sizeof *c->stamp);
        memset(c->tstamp + c->cstamp, 0, (cap - c->cstamp) * sizeof *c->tstamp);
        c->cstamp = cap;
    }
    uint32_t *slot = rasad__map_put(&c->by_id, id, (uint32_t)c->nst, &added);
    if (!slot)
        return -1;
    *slot = (uint32_t)c->nst;
    rasad__story *s = &c->st[c->nst];
    memset(s, 0, sizeof *s);
    s->id = s->thread = id;
    s->first = s->last = RASAD_STORY_UNDATED;
    return (long)c->nst++;
}

rasad__posting *rasad__posting_add(rasad_story *c, uint32_t term)
{
    int added;
    uint32_t *pi = rasad__map_find(&c->post_of, term);
    if (pi)
        return &c->post[*pi];
    if (c->npost == c->cpost) {           /* room first: a failure then changes nothing */
        rasad__posting *p = rasad__grow(c->post, &c->cpost, c->npost + 1, sizeof *p, 1024);
        if (!p)
            return NULL;
        c->post = p;
    }
    if (!(pi = rasad__map_put(&c->post_of, term, (uint32_t)c->npost, &added)))
        return NULL;
    memset(&c->post[c->npost], 0, sizeof *c->post);
    return &c->post[c->npost++];
}

int rasad__story_post(rasad_story *c, uint32_t si, const rasad__tw *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rasad__posting *p = rasad__posting_add(c, v[i].term);
        if (!p)
            return RASAD_NOMEM;
        if (p->n && p->s[p->n - 1] == si)
            continue;
        if (p->n == p->cap) {
            size_t cap = p->cap;
            uint32_t *s = rasad__grow(p->s, &cap, p->n + 1, sizeof *s, 4);
            if (!s)
                return RASAD_NOMEM;
            p->s = s;
            p->cap = (uint32_t)cap;
        }
        p->s[p->n++] = si;
    }
    return RASAD_OK;
}

/* Average-link similarity: the mean of the cosines between the article
 * (aw: its TF-IDF unit vector, sorted by term) and each article in story
 * s, which is aw . centroid / members since the centroid is the sum of its
 * members' unit vectors (weighted with idf as it was when each joined). */
static double avg_sim(const rasad__tw *aw, size_t na, const rasad__story *s)
{
    double dot = 0;
    size_t i = 0;
    if (!s->members)
        return 0;
    for (uint32_t j = 0; j < s->nv && i < na; j++) {
        uint32_t t = s->v[j].term;
        while (i < na && aw[i].term < t)
            i++;
        if (i < na && aw[i].term == t)
            dot += (double)aw[i].w * s->v[j].w;
    }
    return dot > 0 ? dot / s->members : 0;
}

static int in_window(const rasad_story *c, const rasad__story *s, int32_t day)
{
    if (day == RASAD_STORY_UNDATED || s->first == RASAD_STORY_UNDATED)
        return 1;
    return (int64_t)day >= (int64_t)s->first - c->o.window &&
           (int64_t)day <= (int64_t)s->last + c->o.window;
}

static int editions_differ(const uint32_t *ed, unsigned ned, const rasad__story *s)
{
    if (!ned || !s->ned)
        return 0;
    for (unsigned i = 0; i < ned; i++)
        for (unsigned j = 0; j < s->ned; j++)
            if (ed[i] == s->ed[j])
                return 0;
    return 1;
}

static void span_add(rasad__story *s, int32_t day)
{
    if (day == RASAD_STORY_UNDATED)
        return;
    if (s->first == RASAD_STORY_UNDATED || day < s->first)
        s->first = day;
    if (s->last == RASAD_STORY_UNDATED || day > s->last)
        s->last = day;
}

typedef struct keyed {
    double key;
    uint32_t i;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? 1 : -1;
    return (x->i > y->i) - (x->i < y->i);
}

static int by_term(const void *a, const void *b)
{
    const rasad__tw *x = a, *y = b;
    return (x->term > y->term) - (x->term < y->term);
}

/* Adds the article's TF-IDF unit vector a to story si's centroid, keeps its
 * `terms` heaviest words (ties by word id) and posts the new words. */
static int centroid_add(rasad_story *c, uint32_t si, const rasad__tw *a, size_t na)
{
    rasad__story *s = &c->st[si];
    size_t need = (size_t)s->nv + na, cap = s->cv;
    rasad__tw *m = rasad_malloc((need ? need : 1) * sizeof *m);
    rasad__tw *fresh = rasad_malloc((na ? na : 1) * sizeof *fresh);
    size_t nm = 0, nf = 0, i = 0, j = 0;
    int rc = RASAD_NOMEM;
    if (!m || !fresh)
        goto out;
    while (i < s->nv || j < na) {
        if (j >= na || (i < s->nv && s->v[i].term < a[j].term))
            m[nm++] = s->v[i++];
        else if (i >= s->nv || a[j].term < s->v[i].term) {
            fresh[nf++] = a[j];
            m[nm++] = a[j++];
        } else {
            m[nm] = s->v[i++];
            m[nm++].w += a[j++].w;
        }
    }
    if (nm > c->o.terms) {
        keyed *k = rasad_malloc(nm * sizeof *k);
        if (!k)
            goto out;
        for (size_t x = 0; x < nm; x++) {
            k[x].key = m[x].w;
            k[x].i = (uint32_t)x;
        }
        qsort(k, nm, sizeof *k, by_key);
        rasad__tw *kept = rasad_malloc(c->o.terms * sizeof *kept);
        if (!kept) {
            rasad_free(k);
            goto out;
        }
        for (size_t x = 0; x < c->o.terms; x++)
            kept[x] = m[k[x].i];
        rasad_free(k);
        qsort(kept, c->o.terms, sizeof *kept, by_term);
        rasad_free(m);
        m = kept;
        nm = c->o.terms;
        cap = nm;
    } else {
        cap = need ? need : 1;
    }
    rasad_free(s->v);
    s->v = m;
    s->nv = (uint32_t)nm;
    s->cv = (uint32_t)cap;
    m = NULL;
    rc = rasad__story_post(c, si, fresh, nf);
out:
    rasad_free(m);
    rasad_free(fresh);
    return rc;
}

static int cand_push(rasad_story *c, size_t n, uint32_t si)
{
    if (n == c->ccand) {
        uint32_t *p = rasad__grow(c->cand, &c->ccand, n + 1, sizeof *p, 256);
        if (!p)
            return RASAD_NOMEM;
        c->cand = p;
    }
    c->cand[n] = si;
    return RASAD_OK;
}

/* Collects the stories to compare with into c->cand; returns their number
 * or -1 on NOMEM. */
static long candidates(rasad_story *c, const rasad__tw *a, size_t na, const double *aidf)
{
    keyed q[QUERY_TERMS];
    size_t nq = 0, n = 0;
    /* the QUERY_TERMS heaviest words, by insertion into a small sorted array */
    for (size_t i = 0; i < na; i++) {
        const uint32_t *d = rasad__map_find(&c->df, a[i].term);
        if (!d || *d < 2)
            continue;              /* a word no earlier article has cannot match */
        keyed k = { a[i].w * aidf[i], (uint32_t)i };
        if (nq == QUERY_TERMS && by_key(&k, &q[nq - 1]) >= 0)
            continue;
        size_t p = nq < QUERY_TERMS ? nq++ : nq - 1;
        while (p > 0 && by_key(&k, &q[p - 1]) < 0) {
            q[p] = q[p - 1];
            p--;
        }
        q[p] = k;
    }
    if (++c->now == 0) {
        memset(c->stamp, 0, c->cstamp * sizeof *c->stamp);
        c->now = 1;
    }
    for (size_t k = 0; k < nq; k++) {
        uint32_t term = a[q[k].i].term;
        const uint32_t *pi = rasad__map_find(&c->post_of, term);
        if (!pi)
            continue;
        if (++c->tnow == 0) {
            memset(c->tstamp, 0, c->cstamp * sizeof *c->tstamp);
            c->tnow = 1;
        }
        const rasad__posting *p = &c->post[*pi];
        for (uint32_t x = 0; x < p->n; x++) {
            uint32_t si = p->s[x];
            if (c->tstamp[si] == c->tnow)
                continue;
            c->tstamp[si] = c->tnow;
            if (c->stamp[si] != c->now) {
                c->stamp[si] = c->now;
                c->acc[si] = 0;
                if (cand_push(c, n++, si) != RASAD_OK)
                    return -1;
            }
            c->acc[si] += (float)(q[k].key * aidf[q[k].i]);
        }
    }
    /* the MAX_CAND best by partial score (ties: the older story) */
    keyed top[MAX_CAND];
    size_t nt = 0;
    for (size_t x = 0; x < n; x++) {
        keyed k = { c->acc[c->cand[x]], c->cand[x] };
        if (nt == MAX_CAND && by_key(&k, &top[nt - 1]) >= 0)
            continue;
        size_t p = nt < MAX_CAND ? nt++ : nt - 1;
        while (p > 0 && by_key(&k, &top[p - 1]) < 0) {
            top[p] = top[p - 1];
            p--;
        }
        top[p] = k;
    }
    for (size_t x = 0; x < nt; x++)
        c->cand[x] = top[x].i;
    return (long)nt;
}

/* Fills c->idf with the idf of each word of a and c->aw with a weighted
 * by it and made unit length again (a word-less text gives zeros).
 * Returns 0 or NOMEM. */
static int weigh(rasad_story *c, const rasad__tw *a, size_t na)
{
    if (na > c->cidf) {
        size_t cap = c->cidf;
        double *p = rasad__grow(c->idf, &cap, na, sizeof *p, 256);
        if (!p)
            return RASAD_NOMEM;
        c->idf = p;
        cap = c->cidf;
        rasad__tw *w = rasad__grow(c->aw, &cap, na, sizeof *w, 256);
        if (!w)
            return RASAD_NOMEM;
        c->aw = w;
        c->cidf = cap;
    }
    double norm = 0;
    for (size_t i = 0; i < na; i++) {
        c->idf[i] = rasad__story_idf(c, a[i].term);
        norm += (a[i].w * c->idf[i]) * (a[i].w * c->idf[i]);
    }
    norm = norm > 0 ? sqrt(norm) : 1;
    for (size_t i = 0; i < na; i++) {
        c->aw[i].term = a[i].term;
        c->aw[i].w = (float)(a[i].w * c->idf[i] / norm);
    }
    return RASAD_OK;
}

static int check_id(rasad_story *c, uint64_t id)
{
    int added;
    if (id == RASAD_STORY_NONE)
        return RASAD_INVAL;
    if (!rasad__map_put(&c->ids, id, 1, &added))
        return RASAD_NOMEM;
    return added ? RASAD_OK : RASAD_INVAL;
}

int rasad_story_add(rasad_story *c, const rasad_story_doc *doc, rasad_story_result *res)
{
    int rc;
    if (!c || !doc || !res || (!doc->text && doc->text_n) || (!doc->title && doc->title_n))
        return RASAD_INVAL;
    memset(res, 0, sizeof *res);
    res->best_story = RASAD_STORY_NONE;
    if ((rc = check_id(c, doc->id)) != RASAD_OK)
        return rc;
    if ((rc = rasad__feats_run(&c->f, doc->title, doc->title_n, doc->text, doc->text_n,
                               doc->names, doc->nnames)) != RASAD_OK)
        return rc;
    const rasad__tw *a = c->f.v;
    size_t na = c->f.nv;

    if (na) {
        c->ndocs++;
        for (size_t i = 0; i < na; i++) {
            int added;
            uint32_t *d = rasad__map_put(&c->df, a[i].term, 0, &added);
            if (!d)
                return RASAD_NOMEM;
            (*d)++;
        }
    }
    if ((rc = weigh(c, a, na)) != RASAD_OK)
        return rc;
    long nc = na ? candidates(c, a, na, c->idf) : 0;
    if (nc < 0)
        return RASAD_NOMEM;
    long join = -1;
    double join_sim = 0;
    for (long k = 0; k < nc; k++) {
        uint32_t si = c->cand[k];
        const rasad__story *s = &c->st[si];
        double sim = avg_sim(c->aw, na, s);
        int allowed = in_window(c, s, doc->day) && !editions_differ(c->f.ed, c->f.ned, s);
        if (sim > res->best || (sim == res->best && res->best_story != RASAD_STORY_NONE &&
                                s->id < res->best_story)) {
            res->best = sim;
            res->best_story = s->id;
            res->vetoed = !allowed;
        }
        if (allowed && sim >= c->o.join && (sim > join_sim || (sim == join_sim && join >= 0 &&
                                                               s->id < c->st[join].id))) {
            join = (long)si;
            join_sim = sim;
        }
    }
    if (res->best_story == RASAD_STORY_NONE)
        res->best = 0;

    if (join < 0) {
        const uint32_t *bi = res->best_story != RASAD_STORY_NONE ?
                             rasad__map_find(&c->by_id, res->best_story) : NULL;
        uint64_t thread = bi && res->best >= c->o.thread ? c->st[*bi].thread : doc->id;
        long si = rasad__story_append(c, doc->id);
        if (si < 0)
            return RASAD_NOMEM;
        c->st[si].thread = thread;
        join = si;
        join_sim = 1;
        res->new_story = 1;
        res->new_thread = thread == doc->id;
    }
    rasad__story *s = &c->st[join];
    if ((rc = centroid_add(c, (uint32_t)join, c->aw, na)) != RASAD_OK)
        return rc;
    for (unsigned i = 0; i < c->f.ned; i++)
        rasad__editions_add(s->ed, &s->ned, c->f.ed[i]);
    span_add(s, doc->day);
    s->articles++;
    s->members++;
    res->story = s->id;
    res->thread = s->thread;
    res->sim = join_sim;
    return RASAD_OK;
}

int rasad_story_join(rasad_story *c, uint64_t story, const rasad_story_doc *doc,
                     rasad_story_result *res)
{
    if (!c || !doc || !res)
        return RASAD_INVAL;
    memset(res, 0, sizeof *res);
    res->best_story = RASAD_STORY_NONE;
    const uint32_t *si = rasad__map_find(&c->by_id, story);
    if (!si)
        return RASAD_NOTFOUND;
    int rc = check_id(c, doc->id);
    if (rc != RASAD_OK)
        return rc;
    rasad__story *s = &c->st[*si];
    span_add(s, doc->day);
    s->articles++;
    res->story = s->id;
    res->thread = s->thread;
    res->sim = 1;
    return RASAD_OK;
}

int rasad_story_get(const rasad_story *c, uint64_t id, rasad_story_info *out)
{
    const uint32_t *si = c && out ? rasad__map_find(&c->by_id, id) : NULL;
    if (!si)
        return RASAD_NOTFOUND;
    const rasad__story *s = &c->st[*si];
    out->id = s->id;
    out->thread = s->thread;
    out->articles = s->articles;
    out->first_day = s->first;
    out->last_day = s->last;
    out->editions = s->ned;
    memcpy(out->edition, s->ed, sizeof out->edition);
    return RASAD_OK;
}

int rasad_story_similarity(rasad_story *c, uint64_t id, const char *title, size_t title_n,
                           const char *text, size_t text_n, double *out)
{
    if (!c || !out)
        return RASAD_INVAL;
    *out = 0;
    const uint32_t *si = rasad__map_find(&c->by_id, id);
    if (!si)
        return RASAD_NOTFOUND;
    int rc = rasad__feats_run(&c->f, title, title_n, text, text_n, NULL, 0);
    if (rc != RASAD_OK)
        return rc;
    if ((rc = weigh(c, c->f.v, c->f.nv)) != RASAD_OK)
        return rc;
    *out = avg_sim(c->aw, c->f.nv, &c->st[*si]);
    return RASAD_OK;
}
