/* fts_rank.c - rasad_rank(), BM25 that skips the rows that cannot make it.
 *
 *   SELECT rowid, rasad_rank(t, K, 2.0, 1.0) FROM t WHERE t MATCH ...
 *
 * The score is FTS5's bm25() exactly (k1 = 1.2, b = 0.75, Robertson-Sparck
 * Jones idf clamped at 1e-6, column weights scaling term frequency, the
 * row's length over the mean length), negated like bm25(). What costs in
 * bm25() is the row's length, one lookup in the %_docsize table per row
 * (~8x a plain scan of the matches). But a row's score can never exceed
 * its score at length 0; so the function keeps the K best exact scores it
 * has returned in this query, and a row whose bound cannot beat the K-th
 * is answered 0 without the lookup. The K best rows of the query, and
 * their order, are exactly bm25()'s; rows answered 0 are only known to be
 * worse than them. */
#include <math.h>
#include <string.h>
#ifdef RASAD_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif
#include "rasad/alloc.h"
#include "fts_internal.h"

#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_MAX_KEEP 100000

typedef struct rank_query {
    int nphrase;
    double avgdl;      /* mean tokens per row */
    double *idf;       /* per phrase */
    double *tf;        /* per phrase, scratch for the current row */
    double *best;      /* min-heap of the keep best scores so far */
    int nbest, keep;
} rank_query;

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *ud)
{
    (void)api; (void)fts;
    (*(sqlite3_int64 *)ud)++;
    return SQLITE_OK;
}

/* What does not change from row to row, made on the query's first row. */
static int rank_query_get(const Fts5ExtensionApi *api, Fts5Context *fts, int keep,
                          rank_query **out)
{
    rank_query *q = api->xGetAuxdata(fts, 0);
    if (q) {
        *out = q;
        return SQLITE_OK;
    }
    int np = api->xPhraseCount(fts);
    size_t slots = (size_t)(np > 0 ? np : 1);
    q = rasad_malloc(sizeof *q + (2 * slots + (size_t)keep) * sizeof(double));
    if (!q)
        return SQLITE_NOMEM;
    q->nphrase = np;
    q->idf = (double *)(q + 1);
    q->tf = q->idf + slots;
    q->best = q->tf + slots;
    q->nbest = 0;
    q->keep = keep;
    sqlite3_int64 nrow = 0, ntok = 0;
    int rc = api->xRowCount(fts, &nrow);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &ntok);
    q->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
    if (q->avgdl <= 0)
        q->avgdl = 1.0;
    for (int i = 0; rc == SQLITE_OK && i < np; i++) {
        sqlite3_int64 nhit = 0;
        rc = api->xQueryPhrase(fts, i, &nhit, count_row);
        double idf = log((nrow - nhit + 0.5) / (nhit + 0.5));
        q->idf[i] = idf > 1e-6 ? idf : 1e-6;
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, q, rasad_free);
    if (rc != SQLITE_OK) {
        rasad_free(q);
        return rc;
    }
    *out = q;
    return SQLITE_OK;
}

/* Adds score to the min-heap of the keep best. */
static void heap_add(rank_query *q, double score)
{
    double *h = q->best;
    int i;
    if (q->nbest < q->keep) {
        i = q->nbest++;
        while (i > 0 && h[(i - 1) / 2] > score) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = score;
        return;
    }
    if (score <= h[0])
        return;
    i = 0;               /* replace the root and sift down */
    for (;;) {
        int c = 2 * i + 1;
        if (c >= q->nbest)
            break;
        if (c + 1 < q->nbest && h[c + 1] < h[c])
            c++;
        if (h[c] >= score)
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = score;
}

static double bm25_sum(const rank_query *q, double norm)
{
    double s = 0;
    for (int i = 0; i < q->nphrase; i++)
        if (q->tf[i] > 0)
            s += q->idf[i] * q->tf[i] * (RANK_K1 + 1) / (q->tf[i] + norm);
    return s;
}

static void rasad_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
                       sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    int keep = nval > 0 ? sqlite3_value_int(val[0]) : 10;
    if (keep < 1)
        keep = 1;
    if (keep > RANK_MAX_KEEP)
        keep = RANK_MAX_KEEP;
    rank_query *q;
    int ninst = 0;
    int rc = rank_query_get(api, fts, keep, &q);
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &ninst);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    memset(q->tf, 0, (size_t)q->nphrase * sizeof(double));
    for (int k = 0; k < ninst; k++) {
        int ip, ic, io;
        if (api->xInst(fts, k, &ip, &ic, &io) != SQLITE_OK || ip < 0 || ip >= q->nphrase)
            continue;
        q->tf[ip] += ic + 1 < nval ? sqlite3_value_double(val[ic + 1]) : 1.0;
    }
    /* At length 0 the denominator is smallest: an upper bound. */
    if (q->nbest == q->keep && bm25_sum(q, RANK_K1 * (1 - RANK_B)) <= q->best[0]) {
        sqlite3_result_double(ctx, 0.0);
        return;
    }
    int len = 0;
    if ((rc = api->xColumnSize(fts, -1, &len)) != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = bm25_sum(q, RANK_K1 * (1 - RANK_B + RANK_B * len / q->avgdl));
    heap_add(q, score);
    sqlite3_result_double(ctx, -score);
}

int rasad__fts_rank_register(fts5_api *api)
{
    return api->xCreateFunction(api, "rasad_rank", NULL, rasad_rank, NULL);
}
