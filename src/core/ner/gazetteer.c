/* gazetteer.c - marks the tokens of a sentence covered by gazetteer
 * entries (countries, provinces, cities, languages, months, days, titles,
 * organisation heads), matching sequences of word forms of up to
 * GAZ_MAXLEN words through one hash set. */
#include <string.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "ner_internal.h"

#define GAZ_MAXLEN 6

typedef struct gslot {
    uint64_t h;    /* sequence hash; 0 = empty */
    uint32_t mask; /* classes with an entry of this sequence */
} gslot;

struct ner_gaz {
    gslot *slot;
    size_t mask;   /* slots - 1 (a power of two minus one) */
    size_t maxlen; /* words in the longest entry */
};

uint64_t rasad__ner_hash_form(const char *p, size_t n)
{
    uint64_t h = rasad__fnv1a(p, n, RASAD__FNV_SEED);
    return h ? h : 1;
}

static gslot *find(const ner_gaz *g, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & g->mask;
    while (g->slot[i].h && g->slot[i].h != h)
        i = (i + 1) & g->mask;
    return &g->slot[i];
}

static uint64_t step(uint64_t h, uint64_t word)
{
    uint64_t v = ner_mix(h, word);
    return v ? v : 1;
}

int rasad__ner_gaz_seq(ner_form *f, const char *p, size_t n, uint64_t *h, size_t *words)
{
    const char *s = p, *end = p + n;
    int rc;

    *h = RASAD__FNV_SEED;
    *words = 0;
    while (s < end) {
        const char *w = s, *form;
        size_t fn;
        while (s < end && *s != ' ')
            s++;
        if ((rc = rasad__ner_form(f, w, (size_t)(s - w), &form, &fn)) != RASAD_OK)
            return rc;
        if (fn > 0) {
            *h = step(*h, rasad__ner_hash_form(form, fn));
            ++*words;
        }
        while (s < end && *s == ' ')
            s++;
    }
    return RASAD_OK;
}

uint64_t rasad__ner_gaz_word_seq(uint64_t word)
{
    return step(RASAD__FNV_SEED, word);
}

/* Adds one entry: its words through f, hashed as a sequence. */
static int add(ner_gaz *g, ner_form *f, const ner_gaz_entry *e)
{
    uint64_t h;
    size_t words;
    int rc;

    if ((rc = rasad__ner_gaz_seq(f, e->name, strlen(e->name), &h, &words)) != RASAD_OK)
        return rc;
    if (words == 0 || words > GAZ_MAXLEN)
        return RASAD_OK;
    gslot *sl = find(g, h);
    sl->h = h;
    sl->mask |= 1u << e->cls;
    if (words > g->maxlen)
        g->maxlen = words;
    return RASAD_OK;
}

static int gaz_alloc(size_t entries, ner_gaz **out)
{
    size_t cap = 1024;
    ner_gaz *g;

    *out = NULL;
    while (cap < 2 * entries)
        cap *= 2;
    if (!(g = rasad_malloc(sizeof *g)))
        return RASAD_NOMEM;
    if (!(g->slot = rasad_malloc(cap * sizeof *g->slot))) {
        rasad_free(g);
        return RASAD_NOMEM;
    }
    memset(g->slot, 0, cap * sizeof *g->slot);
    g->mask = cap - 1;
    g->maxlen = 0;
    *out = g;
    return RASAD_OK;
}

int rasad__ner_gaz_from(const uint64_t *h, const uint8_t *mask, size_t n, size_t maxlen,
                        ner_gaz **out)
{
    int rc = gaz_alloc(n, out);
    if (rc != RASAD_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        gslot *sl = find(*out, h[i] ? h[i] : 1);
        sl->h = h[i] ? h[i] : 1;
        sl->mask |= mask[i];
    }
    (*out)->maxlen = maxlen;
    return RASAD_OK;
}

uint32_t rasad__ner_gaz_word(const ner_gaz *g, uint64_t word)
{
    return g ? find(g, step(RASAD__FNV_SEED, word))->mask : 0;
}

int rasad__ner_gaz_new(ner_form *f, ner_gaz **out)
{
    size_t total = rasad__ner_ngaz + rasad__ner_ntitles;
    ner_gaz *g;
    int rc;

    *out = NULL;
    if ((rc = gaz_alloc(total, &g)) != RASAD_OK)
        return rc;
    for (size_t i = 0; i < rasad__ner_ngaz && rc == RASAD_OK; i++)
        rc = add(g, f, &rasad__ner_gaz[i]);
    for (size_t i = 0; i < rasad__ner_ntitles && rc == RASAD_OK; i++)
        rc = add(g, f, &rasad__ner_titles[i]);
    if (rc != RASAD_OK) {
        rasad__ner_gaz_free(g);
        return rc;
    }
    *out = g;
    return RASAD_OK;
}

void rasad__ner_gaz_free(ner_gaz *g)
{
    if (!g)
        return;
    rasad_free(g->slot);
    rasad_free(g);
}

void rasad__ner_gaz_match(const ner_gaz *g, const uint64_t *h, size_t n, uint32_t *bits)
{
    memset(bits, 0, n * sizeof *bits);
    if (!g)
        return;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = RASAD__FNV_SEED;
        for (size_t len = 1; len <= g->maxlen && i + len <= n; len++) {
            s = step(s, h[i + len - 1]);
            const gslot *sl = find(g, s);
            if (!sl->h)
                continue;
            for (uint32_t b = sl->mask; b; b &= b - 1) {
                unsigned c = (unsigned)__builtin_ctz(b);
                bits[i] |= 1u << (2 * c);
                for (size_t k = i + 1; k < i + len; k++)
                    bits[k] |= 1u << (2 * c + 1);
            }
        }
    }
}

int rasad__ner_mgaz_index(ner_mgaz *m)
{
    if (m->n == 0)
        return RASAD_OK;
    return rasad__ner_gaz_from(m->hash, m->mask, m->n, m->maxlen, &m->g);
}

void rasad__ner_mgaz_release(ner_mgaz *m)
{
    rasad_free(m->hash);
    rasad_free(m->mask);
    rasad__ner_gaz_free(m->g);
    memset(m, 0, sizeof *m);
}
