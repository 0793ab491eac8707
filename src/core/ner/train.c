/* train.c - the averaged structured perceptron (Collins 2002): each pass
 * decodes every training sentence with the current weights and, where the
 * best sequence differs from the gold one, adds the gold features and
 * subtracts the predicted ones; the model keeps the average of the weights
 * over all steps (kept lazily: w - u / c). The sentences are visited in an
 * order shuffled by a seeded generator, so training is reproducible. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "ner_internal.h"
#include "train_internal.h"

int rasad_ner_trainer_new(rasad_ner_trainer **out)
{
    rasad_ner_trainer *tr;
    int rc;

    *out = NULL;
    if (!(tr = rasad_malloc(sizeof *tr)))
        return RASAD_NOMEM;
    memset(tr, 0, sizeof *tr);
    if ((rc = rasad__ner_fx_new(&tr->fx)) != RASAD_OK ||
        (rc = rasad__ner_form_new(&tr->form)) != RASAD_OK) {
        rasad_ner_trainer_free(tr);
        return rc;
    }
    *out = tr;
    return RASAD_OK;
}

void rasad_ner_trainer_free(rasad_ner_trainer *tr)
{
    if (!tr)
        return;
    rasad__ner_fx_free(tr->fx);
    rasad__ner_form_free(tr->form);
    rasad_tokenizer_free(tr->tk);
    rasad_free(tr->sent);
    rasad_free(tr->gold);
    rasad_free(tr->bytes);
    rasad_free(tr->toff);
    rasad_free(tr->kstart);
    rasad_free(tr->keys);
    rasad_free(tr->ids);
    rasad_free(tr->stream);
    rasad_free(tr->docstart);
    rasad__ner_clusters_release(&tr->cl);
    rasad__ner_mgaz_release(&tr->mg);
    rasad_free(tr);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t c = *cap ? *cap : 1024;
    void *q;
    if (need <= *cap)
        return RASAD_OK;
    while (c < need)
        c *= 2;
    if (!(q = rasad_realloc(*p, c * elem)))
        return RASAD_NOMEM;
    *p = q;
    *cap = c;
    return RASAD_OK;
}

/* Appends the form hash of p[0..n) (or 0, a sentence boundary) to the
 * word stream. */
static int stream_add(rasad_ner_trainer *tr, const char *p, size_t n, int boundary)
{
    uint64_t h = 0;
    int rc;
    if (!boundary) {
        const char *s;
        size_t sn;
        if ((rc = rasad__ner_form(tr->form, p, n, &s, &sn)) != RASAD_OK)
            return rc;
        h = rasad__ner_hash_form(s, sn);
    }
    if ((rc = grow((void **)&tr->stream, &tr->streamcap, tr->nstream + 1, sizeof *tr->stream)))
        return rc;
    tr->stream[tr->nstream++] = h;
    return RASAD_OK;
}

static int add_piece(rasad_ner_trainer *tr, const char *const *tok, const size_t *len,
                     const uint8_t *tags, size_t n)
{
    size_t bytes = 0;
    int rc;

    for (size_t i = 0; i < n; i++)
        bytes += len[i] < RASAD_NER_MAX_TOKEN ? len[i] : RASAD_NER_MAX_TOKEN;
    if ((rc = grow((void **)&tr->docstart, &tr->doccap, tr->nsent + 1, 1)) ||
        (rc = grow((void **)&tr->sent, &tr->sentcap, tr->nsent + 2, sizeof *tr->sent)) ||
        (rc = grow((void **)&tr->gold, &tr->tokcap1, tr->ntok + n, 1)) ||
        (rc = grow((void **)&tr->toff, &tr->tokcap2, tr->ntok + n + 1, sizeof *tr->toff)) ||
        (rc = grow((void **)&tr->bytes, &tr->bytecap, tr->nbytes + bytes + 1, 1)))
        return rc;
    tr->sent[tr->nsent] = (uint32_t)tr->ntok;
    tr->docstart[tr->nsent] = (uint8_t)(tr->next_doc || tr->nsent == 0);
    tr->next_doc = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = len[i] < RASAD_NER_MAX_TOKEN ? len[i] : RASAD_NER_MAX_TOKEN;
        unsigned g = tags[i];
        if (RASAD_NER_TAG_IS_I(g) && !rasad__ner_allowed(i ? tr->gold[tr->ntok - 1] : NT, g))
            g = RASAD_NER_B(RASAD_NER_TAG_TYPE(g));
        tr->gold[tr->ntok] = (uint8_t)g;
        tr->toff[tr->ntok] = tr->nbytes;
        memcpy(tr->bytes + tr->nbytes, tok[i], l);
        tr->nbytes += l;
        tr->ntok++;
        if ((rc = stream_add(tr, tok[i], l, 0)) != RASAD_OK)
            return rc;
    }
    tr->toff[tr->ntok] = tr->nbytes;
    tr->nsent++;
    tr->sent[tr->nsent] = (uint32_t)tr->ntok;
    return stream_add(tr, NULL, 0, 1);
}

int rasad_ner_trainer_add(rasad_ner_trainer *tr, const char *const *tok, const size_t *len,
                          const uint8_t *tags, size_t n)
{
    if (tr->ids)
        return RASAD_INVAL; /* already trained */
    for (size_t i = 0; i < n; i++)
        if (tags[i] >= NT)
            return RASAD_INVAL;
    for (size_t i = 0; i < n; i += RASAD_NER_MAX_SENT) {
        size_t k = n - i < RASAD_NER_MAX_SENT ? n - i : RASAD_NER_MAX_SENT;
        int rc = add_piece(tr, tok + i, len + i, tags + i, k);
        if (rc != RASAD_OK)
            return rc;
    }
    return RASAD_OK;
}

static int text_token(void *ctx, size_t start, size_t end)
{
    rasad_ner_trainer *tr = ctx;
    return stream_add(tr, tr->text + start, end - start, 0);
}

static int text_sentence(void *ctx)
{
    return stream_add(ctx, NULL, 0, 1);
}

int rasad_ner_trainer_add_text(rasad_ner_trainer *tr, const char *p, size_t n)
{
    static const ner_split_fns fns = { text_token, text_sentence };
    int rc;

    if (tr->ids)
        return RASAD_INVAL;
    if (!tr->tk && (rc = rasad_tokenizer_new(0, &tr->tk)) != RASAD_OK)
        return rc;
    tr->text = p;
    rc = rasad__ner_split(tr->tk, p, n, &fns, tr);
    tr->text = NULL;
    return rc;
}

void rasad__ner_trainer_doc_break(rasad_ner_trainer *tr)
{
    tr->next_doc = 1;
}

void rasad__ner_trainer_set_memory(rasad_ner_trainer *tr, unsigned epochs)
{
    tr->mem_epochs = epochs;
}

int rasad__ner_trainer_add_gaz(rasad_ner_trainer *tr, unsigned cls, const char *p, size_t n)
{
    uint64_t h;
    size_t words;
    int rc;

    if (tr->ids || cls >= MGAZ_NCLASSES)
        return RASAD_INVAL;
    if ((rc = rasad__ner_gaz_seq(tr->form, p, n, &h, &words)) != RASAD_OK)
        return rc;
    if (words == 0 || words > RASAD__NER_MGAZ_MAXLEN)
        return RASAD_OK;
    size_t cap1 = tr->mgcap, cap2 = tr->mgcap;
    if ((rc = grow((void **)&tr->mg.hash, &cap1, tr->mg.n + 1, sizeof *tr->mg.hash)) ||
        (rc = grow((void **)&tr->mg.mask, &cap2, tr->mg.n + 1, 1)))
        return rc;
    tr->mgcap = cap1 < cap2 ? cap1 : cap2;
    tr->mg.hash[tr->mg.n] = h ? h : 1;
    tr->mg.mask[tr->mg.n] = (uint8_t)(1u << cls);
    tr->mg.n++;
    if (words > tr->mg.maxlen)
        tr->mg.maxlen = (unsigned)words;
    return RASAD_OK;
}

static int by_hash_mask(const void *a, const void *b)
{
    const unsigned char *x = a, *y = b;
    uint64_t hx, hy;
    memcpy(&hx, x, 8);
    memcpy(&hy, y, 8);
    if (hx != hy)
        return hx < hy ? -1 : 1;
    return (x[8] > y[8]) - (x[8] < y[8]);
}

static size_t hash_find(const uint64_t *h, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && h[lo] == key ? lo : n;
}

/* Sorts the gazetteer entries by hash, merges the masks of equal hashes,
 * moves the one-word given names seen at least NAME_FREQ times in the word
 * stream to MGAZ_NAMEF, and builds the matcher. */
#define NAME_FREQ 50
static int mgaz_finish(ner_mgaz *g, const uint64_t *stream, size_t nstream)
{
    uint32_t *cnt;
    unsigned char *rec;
    size_t k = 0;

    if (g->n == 0)
        return RASAD_OK;
    if (!(rec = rasad_malloc(g->n * 9)))
        return RASAD_NOMEM;
    for (size_t i = 0; i < g->n; i++) {
        memcpy(rec + 9 * i, &g->hash[i], 8);
        rec[9 * i + 8] = g->mask[i];
    }
    qsort(rec, g->n, 9, by_hash_mask);
    for (size_t i = 0; i < g->n; i++) {
        uint64_t h;
        memcpy(&h, rec + 9 * i, 8);
        if (k > 0 && g->hash[k - 1] == h) {
            g->mask[k - 1] |= rec[9 * i + 8];
        } else {
            g->hash[k] = h;
            g->mask[k++] = rec[9 * i + 8];
        }
    }
    rasad_free(rec);
    g->n = k;
    if (!(cnt = rasad_malloc(k * sizeof *cnt)))
        return RASAD_NOMEM;
    memset(cnt, 0, k * sizeof *cnt);
    for (size_t i = 0; i < nstream; i++) {
        size_t e;
        if (stream[i] && (e = hash_find(g->hash, k, rasad__ner_gaz_word_seq(stream[i]))) < k &&
            cnt[e] < UINT32_MAX)
            cnt[e]++;
    }
    for (size_t e = 0; e < k; e++)
        if ((g->mask[e] & (1u << MGAZ_NAME)) && cnt[e] >= NAME_FREQ)
            g->mask[e] = (uint8_t)((g->mask[e] & ~(1u << MGAZ_NAME)) | 1u << MGAZ_NAMEF);
    rasad_free(cnt);
    return rasad__ner_mgaz_index(g);
}

/* The form hashes of every token (for the memory's maps). */
static int all_forms(rasad_ner_trainer *tr, uint64_t *wh)
{
    for (size_t i = 0; i < tr->ntok; i++) {
        const char *s;
        size_t sn;
        int rc = rasad__ner_form(tr->form, tr->bytes + tr->toff[i],
                                 tr->toff[i + 1] - tr->toff[i], &s, &sn);
        if (rc != RASAD_OK)
            return rc;
        wh[i] = rasad__ner_hash_form(s, sn);
    }
    return RASAD_OK;
}

/* 1 when a document starts in the sentences (a, b]. */
static int doc_started_after(const rasad_ner_trainer *tr, size_t a, size_t b)
{
    for (size_t j = a + 1; j <= b; j++)
        if (tr->docstart[j])
            return 1;
    return 0;
}

/* Adds (sign 1) or takes away (-1) sentence s's predicted tags to m. */
static int mem_sent(const rasad_ner_trainer *tr, ner_cmap *m, const uint64_t *wh,
                    const uint8_t *pred, size_t s, int sign)
{
    size_t t0 = tr->sent[s];
    return rasad__ner_cmap_add(m, wh + t0, pred + t0, tr->sent[s + 1] - t0, sign);
}

int rasad__ner_prepare(rasad_ner_trainer *tr, const uint8_t *pred)
{
    const char *tok[RASAD_NER_MAX_SENT];
    size_t len[RASAD_NER_MAX_SENT];
    ner_memtok mt[RASAD_NER_MAX_SENT];
    ner_cmap before = { 0 }, after = { 0 };
    uint64_t *wh = NULL;
    size_t doc_end = 0;
    const size_t W = RASAD__NER_MEM_SENT;
    int rc = RASAD_OK;

    if (!tr->prepared) {
        if ((rc = rasad__ner_clusters_build(tr->stream, tr->nstream, &tr->cl)) != RASAD_OK ||
            (rc = mgaz_finish(&tr->mg, tr->stream, tr->nstream)) != RASAD_OK)
            return rc;
        rasad_free(tr->stream);
        tr->stream = NULL;
        tr->nstream = tr->streamcap = 0;
        rasad__ner_fx_set_clusters(tr->fx, &tr->cl);
        rasad__ner_fx_set_mgaz(tr->fx, &tr->mg);
        tr->prepared = 1;
    }
    if (pred) {
        if (!(wh = rasad_malloc((tr->ntok + 1) * sizeof *wh)))
            return RASAD_NOMEM;
        if ((rc = all_forms(tr, wh)) != RASAD_OK)
            goto done;
    }
    if ((rc = grow((void **)&tr->kstart, &tr->tokcap3, tr->ntok + 1, sizeof *tr->kstart)))
        goto done;
    tr->nkeys = 0;
    for (size_t s = 0; s < tr->nsent; s++) {
        size_t t0 = tr->sent[s], n = tr->sent[s + 1] - t0, nkeys = 0;
        for (size_t i = 0; i < n; i++) {
            tok[i] = tr->bytes + tr->toff[t0 + i];
            len[i] = tr->toff[t0 + i + 1] - tr->toff[t0 + i];
        }
        if (pred && tr->docstart[s]) { /* a new document: the sentences after s in it */
            rasad__ner_cmap_clear(&before);
            rasad__ner_cmap_clear(&after);
            for (doc_end = s + 1; doc_end < tr->nsent && !tr->docstart[doc_end]; doc_end++)
                ;
            for (size_t j = s + 1; j < doc_end && j <= s + W && rc == RASAD_OK; j++)
                rc = mem_sent(tr, &after, wh, pred, j, 1);
            if (rc != RASAD_OK)
                goto done;
        }
        if ((rc = rasad__ner_fx_run(tr->fx, tok, len, n)) != RASAD_OK)
            goto done;
        if (pred)
            rasad__ner_mem_look(&before, &after, wh + t0, n, mt);
        for (size_t i = 0; i < n; i++) {
            size_t nk;
            (void)rasad__ner_fx_keys(tr->fx, i, &nk);
            nkeys += nk + (pred ? RASAD__NER_MEM_KEYS : 0);
        }
        if ((rc = grow((void **)&tr->keys, &tr->keycap, tr->nkeys + nkeys, sizeof *tr->keys)))
            goto done;
        for (size_t i = 0; i < n; i++) {
            size_t nk;
            const uint64_t *k = rasad__ner_fx_keys(tr->fx, i, &nk);
            tr->kstart[t0 + i] = tr->nkeys;
            memcpy(tr->keys + tr->nkeys, k, nk * sizeof *k);
            tr->nkeys += nk;
            if (pred)
                tr->nkeys += rasad__ner_mem_keys(mt, n, i, tr->keys + tr->nkeys);
        }
        if (pred) { /* slide the window: s joins the sentences before s + 1 */
            if ((rc = mem_sent(tr, &before, wh, pred, s, 1)) != RASAD_OK)
                goto done;
            if (s >= W && !doc_started_after(tr, s - W, s))
                (void)mem_sent(tr, &before, wh, pred, s - W, -1);
            if (s + 1 < doc_end)
                (void)mem_sent(tr, &after, wh, pred, s + 1, -1);
            if (s + W + 1 < doc_end && (rc = mem_sent(tr, &after, wh, pred, s + W + 1, 1)))
                goto done;
        }
    }
    tr->kstart[tr->ntok] = tr->nkeys;
done:
    rasad__ner_cmap_release(&before);
    rasad__ner_cmap_release(&after);
    rasad_free(wh);
    return rc;
}

/* ---- feature ids ---------------------------------------------------------- */

typedef struct fmap {
    uint64_t *key;  /* 0 = empty (key 0 is stored as 1) */
    uint32_t *val;
    size_t mask, used;
} fmap;

static size_t fslot(const fmap *m, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & m->mask;
    while (m->key[i] && m->key[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

static int fmap_init(fmap *m, size_t cap)
{
    m->key = rasad_malloc(cap * sizeof *m->key);
    m->val = rasad_malloc(cap * sizeof *m->val);
    m->mask = cap - 1;
    m->used = 0;
    if (!m->key || !m->val)
        return RASAD_NOMEM;
    memset(m->key, 0, cap * sizeof *m->key);
    return RASAD_OK;
}

static void fmap_release(fmap *m)
{
    rasad_free(m->key);
    rasad_free(m->val);
}

/* Counts key; grows the table at half full. */
static int fmap_count(fmap *m, uint64_t key)
{
    size_t i = fslot(m, key);
    if (m->key[i]) {
        if (m->val[i] < UINT32_MAX)
            m->val[i]++;
        return RASAD_OK;
    }
    if (2 * (m->used + 1) > m->mask + 1) {
        fmap bigger;
        int rc = fmap_init(&bigger, 2 * (m->mask + 1));
        if (rc != RASAD_OK) {
            fmap_release(&bigger);
            return rc;
        }
        for (size_t j = 0; j <= m->mask; j++)
            if (m->key[j]) {
                size_t s = fslot(&bigger, m->key[j]);
                bigger.key[s] = m->key[j];
                bigger.val[s] = m->val[j];
            }
        bigger.used = m->used;
        fmap_release(m);
        *m = bigger;
        i = fslot(m, key);
    }
    m->key[i] = key;
    m->val[i] = 1;
    m->used++;
    return RASAD_OK;
}

/* Replaces every key of tr by a feature id (UINT32_MAX: dropped, seen
 * fewer than min_count times), ids given in order of first sight. Fills
 * *ids_key (id -> key, caller frees). */
int rasad__ner_assign_ids(rasad_ner_trainer *tr, unsigned min_count, uint64_t **ids_key,
                          uint32_t *nfeat)
{
    fmap m;
    int rc = fmap_init(&m, 1u << 20);
    uint32_t next = 0;
    uint64_t *idk = NULL;
    uint32_t *ids = NULL;

    *ids_key = NULL;
    for (size_t k = 0; k < tr->nkeys && rc == RASAD_OK; k++)
        rc = fmap_count(&m, tr->keys[k] ? tr->keys[k] : 1);
    if (rc == RASAD_OK && (!(idk = rasad_malloc((m.used + 1) * sizeof *idk)) ||
                           !(ids = rasad_malloc((tr->nkeys + 1) * sizeof *ids))))
        rc = RASAD_NOMEM;
    if (rc != RASAD_OK) {
        fmap_release(&m);
        rasad_free(idk);
        return rc;
    }
    for (size_t k = 0; k < tr->nkeys; k++) {
        uint64_t key = tr->keys[k] ? tr->keys[k] : 1;
        size_t s = fslot(&m, key);
        if (m.val[s] & 0x80000000u) { /* already given an id */
            ids[k] = m.val[s] & 0x7FFFFFFFu;
        } else if (m.val[s] >= min_count) {
            idk[next] = tr->keys[k];
            ids[k] = next;
            m.val[s] = 0x80000000u | next++;
        } else {
            ids[k] = UINT32_MAX;
        }
    }
    fmap_release(&m);
    rasad_free(tr->keys);
    tr->keys = NULL;
    tr->keycap = 0;
    tr->ids = ids;
    *ids_key = idk;
    *nfeat = next;
    return RASAD_OK;
}
