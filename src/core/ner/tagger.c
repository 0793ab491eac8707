/* tagger.c - tags the sentences of a document with a model: feature keys,
 * their weights summed per tag, and Viterbi over the allowed BIO
 * transitions, in two passes (docs/ner.md). The first pass tags each
 * sentence as it comes, with the document memory of the first-pass tags of
 * the sentences before it. The second pass tags it again once the
 * RASAD__NER_MEM_SENT sentences after it are known (or the document ends),
 * with the memory of the first-pass tags of the sentences before and after
 * it; only the memory's keys differ, so the rest of the scores are kept
 * from the first pass. */
#include <string.h>
#include "rasad/alloc.h"
#include "ner_internal.h"
#include "tagger.h"

#define W RASAD__NER_MEM_SENT

int rasad_ner_new(const rasad_ner_model *m, rasad_ner **out)
{
    rasad_ner *t;
    int rc;

    *out = NULL;
    if (!m)
        return RASAD_INVAL;
    if (!(t = rasad_malloc(sizeof *t)))
        return RASAD_NOMEM;
    memset(t, 0, sizeof *t);
    t->m = m;
    if ((rc = rasad__ner_fx_new(&t->fx)) != RASAD_OK) {
        rasad_free(t);
        return rc;
    }
    rasad__ner_fx_set_clusters(t->fx, &m->cl);
    rasad__ner_fx_set_mgaz(t->fx, &m->mg);
    *out = t;
    return RASAD_OK;
}

void rasad__ner_doc_release(rasad_ner *t)
{
    rasad_free(t->wh);
    rasad_free(t->tag1);
    rasad_free(t->acc);
    rasad_free(t->ds);
    t->wh = NULL;
    t->tag1 = NULL;
    t->acc = NULL;
    t->ds = NULL;
    t->ntok = t->tokcap = t->nds = t->dscap = 0;
    t->first = t->next = t->added = 0;
    rasad__ner_cmap_release(&t->mem1);
    rasad__ner_cmap_release(&t->before);
    rasad__ner_cmap_release(&t->after);
}

void rasad_ner_free(rasad_ner *t)
{
    if (!t)
        return;
    rasad__ner_fx_free(t->fx);
    rasad_tokenizer_free(t->tok);
    rasad__ner_text_release(t);
    rasad__ner_doc_release(t);
    rasad_free(t);
}

void rasad_ner_reset(rasad_ner *t)
{
    if (!t)
        return;
    t->ntok = t->nds = 0;
    t->first = t->next = t->added = 0;
    rasad__ner_cmap_clear(&t->mem1);
    rasad__ner_cmap_clear(&t->before);
    rasad__ner_cmap_clear(&t->after);
}

/* A word the document tagged as (part of) a person and never as a date or
 * time does not start one now («شایگو روز سه‌شنبه» after «سرگئی شایگو»):
 * it stays a person, and the date starts after it. */
static void person_first(const ner_memtok *mt, size_t n, uint8_t *tags)
{
    const uint32_t per = 1u << RASAD_NER_B(RASAD_NER_PER) | 1u << RASAD_NER_I(RASAD_NER_PER);
    for (size_t i = 0; i < n; i++) {
        uint8_t b = tags[i];
        uint32_t bits = mt[i].past | mt[i].fut;
        if (b != RASAD_NER_B(RASAD_NER_DAT) && b != RASAD_NER_B(RASAD_NER_TIM))
            continue;
        if (!(bits & per) || bits & (1u << b | 1u << (b + 1)))
            continue;
        int after_person = i > 0 && (tags[i - 1] == RASAD_NER_B(RASAD_NER_PER) ||
                                     tags[i - 1] == RASAD_NER_I(RASAD_NER_PER));
        tags[i] = after_person ? RASAD_NER_I(RASAD_NER_PER) : RASAD_NER_B(RASAD_NER_PER);
        if (i + 1 < n && tags[i + 1] == b + 1)
            tags[i + 1] = b;
    }
}

/* Adds the weights of keys[0..nk) to acc[0..NT). */
static void add_weights(const rasad_ner_model *m, const uint64_t *keys, size_t nk, int32_t *acc)
{
    for (size_t k = 0; k < nk; k++) {
        uint32_t f = rasad__ner_model_find(m, keys[k]);
        if (f == UINT32_MAX)
            continue;
        for (uint32_t j = m->off[f]; j < m->off[f + 1]; j++)
            acc[m->ptag[j]] += m->pw[j];
    }
}

/* Tags the n tokens whose scores without the memory are acc[0..n*NT), with
 * the memory t->mt[0..n), into tags. */
static void decode(rasad_ner *t, const int32_t *acc, size_t n, uint8_t *tags)
{
    const rasad_ner_model *m = t->m;
    for (size_t i = 0; i < n; i++) {
        uint64_t keys[RASAD__NER_MEM_KEYS];
        int32_t a[NT];
        memcpy(a, acc + i * NT, sizeof a);
        add_weights(m, keys, rasad__ner_mem_keys(t->mt, n, i, keys), a);
        for (unsigned g = 0; g < NT; g++)
            t->em[i * NT + g] = a[g] * m->unit;
    }
    rasad__ner_viterbi(t->em, m->start, m->stop, m->trans, n, t->back, t->score, tags);
    person_first(t->mt, n, tags);
}

/* The entry of sentence number s (first <= s < added). */
static ner_dsent *sent_at(const rasad_ner *t, size_t s)
{
    return &t->ds[s - t->first];
}

/* Adds (sign 1) or takes away (-1) sentence s's first-pass tags to m. */
static int map_sent(rasad_ner *t, ner_cmap *m, size_t s, int sign)
{
    const ner_dsent *d = sent_at(t, s);
    return rasad__ner_cmap_add(m, t->wh + d->off, t->tag1 + d->off, d->n, sign);
}

/* Forgets the sentences no map will need again (those before next - W),
 * moving the store when they hold half of it. */
static void compact(rasad_ner *t)
{
    size_t keep = t->next > W ? t->next - W : 0, drop, dtok;
    if (keep <= t->first)
        return;
    drop = keep - t->first;
    dtok = drop < t->nds ? t->ds[drop].off : t->ntok;
    if (2 * dtok < t->ntok && drop < t->nds)
        return;
    memmove(t->ds, t->ds + drop, (t->nds - drop) * sizeof *t->ds);
    t->nds -= drop;
    t->first = keep;
    for (size_t k = 0; k < t->nds; k++)
        t->ds[k].off -= dtok;
    t->ntok -= dtok;
    memmove(t->wh, t->wh + dtok, t->ntok * sizeof *t->wh);
    memmove(t->tag1, t->tag1 + dtok, t->ntok);
    memmove(t->acc, t->acc + dtok * NT, t->ntok * NT * sizeof *t->acc);
}

static int grow(void **p, size_t need, size_t elem)
{
    void *q = rasad_realloc(*p, need * elem);
    if (!q)
        return RASAD_NOMEM;
    *p = q;
    return RASAD_OK;
}

/* Room for n more tokens in pieces more sentences; room in the maps for
 * what they will take in until the sentences waiting now and these are
 * taken (so taking never fails). */
static int reserve(rasad_ner *t, size_t n, size_t pieces)
{
    size_t waiting = n;
    int rc;

    if (t->ntok + n > t->tokcap || !t->wh) {
        size_t cap = t->tokcap ? t->tokcap : 4096;
        while (cap < t->ntok + n)
            cap *= 2;
        if ((rc = grow((void **)&t->wh, cap, sizeof *t->wh)) ||
            (rc = grow((void **)&t->tag1, cap, 1)) ||
            (rc = grow((void **)&t->acc, cap, NT * sizeof *t->acc)))
            return rc;
        t->tokcap = cap;
    }
    if (t->nds + pieces > t->dscap) {
        size_t cap = t->dscap ? t->dscap : 64;
        while (cap < t->nds + pieces)
            cap *= 2;
        if ((rc = grow((void **)&t->ds, cap, sizeof *t->ds)))
            return rc;
        t->dscap = cap;
    }
    for (size_t s = t->next; s < t->added; s++)
        waiting += sent_at(t, s)->n;
    if ((rc = rasad__ner_cmap_reserve(&t->before, waiting)) ||
        (rc = rasad__ner_cmap_reserve(&t->after, waiting)) ||
        (rc = rasad__ner_cmap_reserve(&t->mem1, n)))
        return rc;
    return RASAD_OK;
}

/* The first pass over one piece of at most RASAD_NER_MAX_SENT tokens (room
 * reserved): scores, first-pass tags, and the piece joins the maps. */
static void add_piece(rasad_ner *t, const char *const *tok, const size_t *len, size_t n,
                     size_t whole, int last)
{
    const rasad_ner_model *m = t->m;
    size_t off = t->ntok, k = t->added;
    int rc = rasad__ner_fx_run(t->fx, tok, len, n);
    const uint64_t *wh = rasad__ner_fx_forms(t->fx);
    int32_t *acc = t->acc + off * NT;

    memcpy(t->wh + off, wh, n * sizeof *wh);
    for (size_t i = 0; i < n; i++) {
        size_t nk;
        const uint64_t *keys = rasad__ner_fx_keys(t->fx, i, &nk);
        memset(acc + i * NT, 0, NT * sizeof *acc);
        if (rc == RASAD_OK)
            add_weights(m, keys, nk, acc + i * NT);
    }
    rasad__ner_mem_look(&t->mem1, NULL, t->wh + off, n, t->mt);
    if (rc == RASAD_OK)
        decode(t, acc, n, t->tag1 + off);
    else
        memset(t->tag1 + off, 0, n);
    t->ntok += n;
    t->ds[t->nds++] = (ner_dsent){ off, (uint32_t)n, (uint32_t)whole, (uint8_t)last,
                                   (uint8_t)(rc != RASAD_OK) };
    t->added++;
    /* room was reserved: none of these fails */
    (void)map_sent(t, &t->mem1, k, 1);
    if (k >= W)
        (void)map_sent(t, &t->mem1, k - W, -1);
    if (k != t->next && k <= t->next + W)
        (void)map_sent(t, &t->after, k, 1);
}

int rasad_ner_doc_add(rasad_ner *t, const char *const *tok, const size_t *len, size_t n)
{
    size_t pieces = n ? (n + RASAD_NER_MAX_SENT - 1) / RASAD_NER_MAX_SENT : 1;
    int rc = reserve(t, n, pieces);

    if (rc != RASAD_OK)
        return rc;
    for (size_t i = 0, p = 0; p < pieces; p++, i += RASAD_NER_MAX_SENT) {
        size_t k = n - i < RASAD_NER_MAX_SENT ? n - i : RASAD_NER_MAX_SENT;
        add_piece(t, tok + i, len + i, k, p == 0 ? n : 0, p + 1 == pieces);
    }
    return RASAD_OK;
}

/* The second pass over sentence next, into tags; then the window moves on. */
static void take_piece(rasad_ner *t, uint8_t *tags)
{
    size_t j = t->next;
    const ner_dsent *d = sent_at(t, j);

    rasad__ner_mem_look(&t->before, &t->after, t->wh + d->off, d->n, t->mt);
    if (j + 1 == t->added) {
        /* nothing after it: the memory says what it said in the first pass */
        if (d->n)
            memcpy(tags, t->tag1 + d->off, d->n);
    } else {
        decode(t, t->acc + d->off * NT, d->n, tags);
    }
    /* room was reserved: none of these fails */
    (void)map_sent(t, &t->before, j, 1);
    if (j >= W)
        (void)map_sent(t, &t->before, j - W, -1);
    if (j + 1 < t->added)
        (void)map_sent(t, &t->after, j + 1, -1);
    if (j + W + 1 < t->added)
        (void)map_sent(t, &t->after, j + W + 1, 1);
    t->next++;
    compact(t);
}

int rasad_ner_doc_next(rasad_ner *t, int flush, uint8_t *tags, size_t cap, size_t *n)
{
    size_t last;

    *n = 0;
    if (t->next == t->added)
        return 0;
    for (last = t->next; !sent_at(t, last)->last; last++)
        ;
    if (!flush && t->added - 1 - last < W)
        return 0;
    size_t whole = sent_at(t, t->next)->whole;
    if (cap < whole)
        return RASAD_INVAL;
    int failed = 0;
    for (size_t done = 0; t->next <= last;) {
        const ner_dsent *d = sent_at(t, t->next);
        size_t k = d->n;
        failed |= d->failed;
        take_piece(t, tags + done);
        done += k;
    }
    *n = whole;
    if (failed) {
        memset(tags, 0, whole);
        return RASAD_NOMEM;
    }
    return 1;
}

int rasad_ner_tag(rasad_ner *t, const char *const *tok, const size_t *len, size_t n,
                  uint8_t *tags)
{
    size_t got;
    int rc;

    if (n)
        memset(tags, 0, n);
    if (t->next != t->added)
        return RASAD_INVAL; /* sentences given to rasad_ner_doc_add wait */
    if ((rc = rasad_ner_doc_add(t, tok, len, n)) != RASAD_OK)
        return rc;
    rc = rasad_ner_doc_next(t, 1, tags, n, &got);
    return rc == 1 ? RASAD_OK : rc;
}
