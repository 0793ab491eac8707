/* summary.c - an extractive summary of one story by maximal marginal
 * relevance (story.h: rasad_story_summary).
 *
 * Every sentence of the story's texts becomes a TF-IDF vector, the
 * document frequencies counted over those sentences; the centroid is the
 * sum of the sentence vectors. A sentence's centrality is its cosine with
 * the centroid; picks are made greedily by 0.7 * centrality - 0.3 * (its
 * highest cosine with a pick), never taking a sentence within cosine 0.6 of
 * one already picked (the same fact as another outlet worded it). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/sentence.h"
#include "buf.h"
#include "story_internal.h"

#define LAMBDA 0.7
#define NEAR_REPEAT 0.6
#define MIN_WORDS 4

typedef struct sent {
    size_t text, start, end;
    size_t off, n;          /* its words in the shared pool */
    double cent;
    int picked;
} sent;

typedef struct sum_ctx {
    rasad__feats f;
    const char *text;
    size_t ti;
    sent *s;
    size_t ns, cs;
    rasad__tw *pool;
    size_t npool, cpool;
    int err;
} sum_ctx;

static int on_sentence(void *ud, size_t start, size_t end)
{
    sum_ctx *x = ud;
    int rc = rasad__feats_run(&x->f, NULL, 0, x->text + start, end - start, NULL, 0);
    if (rc != RASAD_OK)
        return x->err = rc;
    if (x->f.nterms < MIN_WORDS)
        return 0;
    sent *s = rasad__grow(x->s, &x->cs, x->ns + 1, sizeof *s, 64);
    rasad__tw *p = s ? rasad__grow(x->pool, &x->cpool, x->npool + x->f.nv, sizeof *p, 1024) : NULL;
    if (s)
        x->s = s;
    if (!p)
        return x->err = RASAD_NOMEM;
    x->pool = p;
    memcpy(x->pool + x->npool, x->f.v, x->f.nv * sizeof *p);
    x->s[x->ns] = (sent){ x->ti, start, end, x->npool, x->f.nv, 0, 0 };
    x->npool += x->f.nv;
    x->ns++;
    return 0;
}

static double dot(const rasad__tw *a, size_t na, const rasad__tw *b, size_t nb)
{
    double d = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term < b[j].term)
            i++;
        else if (b[j].term < a[i].term)
            j++;
        else
            d += (double)a[i++].w * b[j++].w;
    }
    return d;
}

static int by_term(const void *a, const void *b)
{
    const rasad__tw *x = a, *y = b;
    return (x->term > y->term) - (x->term < y->term);
}

static int by_place(const void *a, const void *b)
{
    const rasad_summary_pick *x = a, *y = b;
    if (x->text != y->text)
        return x->text < y->text ? -1 : 1;
    return (x->start > y->start) - (x->start < y->start);
}

int rasad_story_summary(const char *const *texts, const size_t *lens, size_t ntexts,
                        unsigned max, rasad_summary_pick *picks, size_t *npicks)
{
    sum_ctx x;
    rasad__map df = {0};
    rasad__tw *cen = NULL;
    int rc;
    if (!npicks || !picks || max < 1 || max > 16 || (ntexts && (!texts || !lens)))
        return RASAD_INVAL;
    *npicks = 0;
    memset(&x, 0, sizeof x);
    if ((rc = rasad__feats_init(&x.f)) != RASAD_OK)
        return rc;
    for (size_t t = 0; t < ntexts && !x.err; t++) {
        if (!texts[t])
            continue;
        x.text = texts[t];
        x.ti = t;
        rasad_sentence_split(texts[t], lens[t], 0, on_sentence, &x);
    }
    if ((rc = x.err) != RASAD_OK)
        goto out;
    /* idf over sentences, then each sentence weighted and made unit length */
    for (size_t i = 0; i < x.npool; i++) {
        int added;
        uint32_t *d = rasad__map_put(&df, x.pool[i].term, 0, &added);
        if (!d) {
            rc = RASAD_NOMEM;
            goto out;
        }
        (*d)++;
    }
    for (size_t i = 0; i < x.ns; i++) {
        double norm = 0;
        rasad__tw *v = x.pool + x.s[i].off;
        for (size_t k = 0; k < x.s[i].n; k++) {
            double idf = log((x.ns + 1.0) / (*rasad__map_find(&df, v[k].term) + 0.5));
            v[k].w = (float)(v[k].w * idf);
            norm += (double)v[k].w * v[k].w;
        }
        norm = sqrt(norm);
        for (size_t k = 0; k < x.s[i].n; k++)
            v[k].w = norm > 0 ? (float)(v[k].w / norm) : 0;
    }
    /* centroid: all the words summed */
    if (x.npool) {
        if (!(cen = rasad_malloc(x.npool * sizeof *cen))) {
            rc = RASAD_NOMEM;
            goto out;
        }
        memcpy(cen, x.pool, x.npool * sizeof *cen);
        qsort(cen, x.npool, sizeof *cen, by_term);
    }
    size_t nc = 0;
    double cn = 0;
    for (size_t i = 0; i < x.npool; i++) {
        if (nc && cen[nc - 1].term == cen[i].term)
            cen[nc - 1].w += cen[i].w;
        else
            cen[nc++] = cen[i];
    }
    for (size_t i = 0; i < nc; i++)
        cn += (double)cen[i].w * cen[i].w;
    cn = sqrt(cn);
    for (size_t i = 0; i < x.ns; i++)
        x.s[i].cent = cn > 0 ? dot(x.pool + x.s[i].off, x.s[i].n, cen, nc) / cn : 0;

    size_t np = 0;
    size_t chosen[16];
    while (np < max) {
        long best = -1;
        double bscore = -2;
        for (size_t i = 0; i < x.ns; i++) {
            if (x.s[i].picked)
                continue;
            double red = 0;
            for (size_t k = 0; k < np; k++) {
                const sent *p = &x.s[chosen[k]];
                double sim = dot(x.pool + x.s[i].off, x.s[i].n, x.pool + p->off, p->n);
                if (sim > red)
                    red = sim;
            }
            if (red >= NEAR_REPEAT)
                continue;
            double score = LAMBDA * x.s[i].cent - (1 - LAMBDA) * red;
            if (score > bscore) {
                bscore = score;
                best = (long)i;
            }
        }
        if (best < 0)
            break;
        x.s[best].picked = 1;
        chosen[np] = (size_t)best;
        picks[np] = (rasad_summary_pick){ x.s[best].text, x.s[best].start, x.s[best].end,
                                          x.s[best].cent };
        np++;
    }
    qsort(picks, np, sizeof *picks, by_place);
    *npicks = np;
out:
    rasad__feats_release(&x.f);
    rasad_free(x.s);
    rasad_free(x.pool);
    rasad_free(cen);
    rasad__map_release(&df);
    return rc;
}
