/* toks.c - the token view of text the cleaner compares, FNV-1a, and
 * compiled phrase tables. */
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "clean_internal.h"

void rasad__toks_init(rasad__toks *t)
{
    memset(t, 0, sizeof *t);
    rasad__buf_init(&t->key, 0);
}

void rasad__toks_release(rasad__toks *t)
{
    rasad_free(t->v);
    rasad__buf_release(&t->key);
    rasad__toks_init(t);
}

static int on_token(void *ctx, int kind, const char *tok, size_t ntok,
                    size_t start, size_t end)
{
    rasad__toks *t = ctx;
    if (t->n == t->cap) {
        rasad__tok *v = rasad__grow(t->v, &t->cap, t->n + 1, sizeof *v, 32);
        if (!v)
            return RASAD_NOMEM;
        t->v = v;
    }
    rasad__tok *k = &t->v[t->n];
    k->kind = kind;
    k->key_off = t->key.n;
    k->start = start;
    k->end = end;
    /* ZWNJ (E2 80 8C) is dropped: the key ignores where words are joined. */
    int rc = rasad__buf_reserve(&t->key, ntok);
    if (rc)
        return rc;
    char *out = t->key.p + t->key.n;
    uint64_t h = RASAD__FNV_SEED;       /* rasad__fnv1a of what is written */
    for (size_t i = 0; i < ntok; i++) {
        unsigned char b = (unsigned char)tok[i];
        if (b == 0xE2 && i + 2 < ntok && (unsigned char)tok[i + 1] == 0x80 &&
            (unsigned char)tok[i + 2] == 0x8C) {
            i += 2;
            continue;
        }
        *out++ = (char)b;
        h = (h ^ b) * 0x100000001b3ull;
    }
    *out = '\0';
    t->key.n = (size_t)(out - t->key.p);
    k->key_len = t->key.n - k->key_off;
    k->h = h;
    if (k->key_len)
        t->n++;
    return 0;
}

int rasad__toks_run(rasad_tokenizer *tk, const char *p, size_t n, rasad__toks *t)
{
    t->n = 0;
    t->key.n = 0;
    if (t->key.err)
        return t->key.err;
    int rc = rasad__buf_reserve(&t->key, 64);
    if (rc)
        return rc;
    t->key.p[0] = '\0';
    return rasad_tokenize(tk, p, n, on_token, t);
}

size_t rasad__toks_match(const rasad__toks *t, size_t i, const char *key, size_t n)
{
    if (i >= t->n || n == 0)
        return 0;
    size_t off = t->v[i].key_off;
    if (t->key.n - off < n || memcmp(t->key.p + off, key, n) != 0)
        return 0;
    for (size_t j = i; j < t->n; j++) {
        size_t end = t->v[j].key_off + t->v[j].key_len;
        if (end == off + n)
            return j - i + 1;
        if (end > off + n)
            return 0;
    }
    return 0;
}

static int longer_first(const void *x, const void *y)
{
    const rasad__phrase *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? 1 : -1;
    return a->row < b->row ? -1 : a->row > b->row;
}

/* Bucket of a key starting at p (NUL-terminated when shorter than 2). */
static size_t bucket(const char *p)
{
    const unsigned char *s = (const unsigned char *)p;
    return (((size_t)s[0] << 6) ^ s[1]) & (RASAD__PHRASE_BUCKETS - 1);
}

/* Lists under each bucket the phrases a key in it can start with: those of
 * the bucket, and those too short to have one (under every bucket). */
static int index_buckets(rasad__phrases *ph)
{
    size_t total = 0;
    for (size_t b = 0; b < RASAD__PHRASE_BUCKETS; b++)
        for (size_t k = 0; k < ph->n; k++)
            total += ph->v[k].n < 2 || bucket(ph->v[k].key) == b;
    ph->cand = rasad_malloc((total ? total : 1) * sizeof *ph->cand);
    if (!ph->cand) {
        rasad__phrases_release(ph);
        return RASAD_NOMEM;
    }
    uint32_t at = 0;
    for (size_t b = 0; b < RASAD__PHRASE_BUCKETS; b++) {
        ph->off[b] = at;
        for (size_t k = 0; k < ph->n; k++)
            if (ph->v[k].n < 2 || bucket(ph->v[k].key) == b)
                ph->cand[at++] = (uint32_t)k;
    }
    ph->off[RASAD__PHRASE_BUCKETS] = at;
    return 0;
}

int rasad__phrases_compile(rasad_tokenizer *tk, rasad__phrases *out,
                           const void *rows, size_t stride, size_t count)
{
    rasad__toks t;
    rasad__toks_init(&t);
    out->n = 0;
    out->cand = NULL;
    out->v = rasad_malloc(count * sizeof *out->v);
    int rc = out->v ? 0 : RASAD_NOMEM;
    for (size_t r = 0; r < count && !rc; r++) {
        const char *text = *(const char *const *)((const char *)rows + r * stride);
        rc = rasad__toks_run(tk, text, strlen(text), &t);
        if (rc || t.key.n == 0)
            continue;
        char *k = rasad_malloc(t.key.n + 1);
        if (!k) {
            rc = RASAD_NOMEM;
            break;
        }
        memcpy(k, t.key.p, t.key.n + 1);
        out->v[out->n++] = (rasad__phrase){ k, t.key.n, r };
    }
    rasad__toks_release(&t);
    if (rc) {
        rasad__phrases_release(out);
        return rc;
    }
    qsort(out->v, out->n, sizeof *out->v, longer_first);
    return index_buckets(out);
}

void rasad__phrases_release(rasad__phrases *ph)
{
    if (ph->v)
        for (size_t i = 0; i < ph->n; i++)
            rasad_free(ph->v[i].key);
    rasad_free(ph->v);
    rasad_free(ph->cand);
    ph->v = NULL;
    ph->cand = NULL;
    ph->n = 0;
}

const uint32_t *rasad__phrases_cands(const rasad__phrases *ph, const rasad__toks *t,
                                     size_t i, size_t *n)
{
    if (i >= t->n || !ph->cand) {
        *n = 0;
        return NULL;
    }
    size_t b = bucket(t->key.p + t->v[i].key_off);
    *n = ph->off[b + 1] - ph->off[b];
    return ph->cand + ph->off[b];
}

long rasad__phrases_at(const rasad__phrases *ph, const rasad__toks *t, size_t i,
                       size_t *ntok)
{
    size_t nc;
    const uint32_t *cand = rasad__phrases_cands(ph, t, i, &nc);
    for (size_t c = 0; c < nc; c++) {
        const rasad__phrase *p = &ph->v[cand[c]];
        size_t m = rasad__toks_match(t, i, p->key, p->n);
        if (m) {
            *ntok = m;
            return (long)cand[c];
        }
    }
    *ntok = 0;
    return -1;
}
