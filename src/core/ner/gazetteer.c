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

/* Adds one entry: its words through f, hashed as a sequence. */
static int add(ner_gaz *g, ner_form *f, const ner_gaz_entry *e)
{
    const char *s = e->name;
    uint64_t h = RASAD__FNV_SEED;
    size_t words = 0;
    int rc;

    while (*s) {
        const char *w = s, *form;
        size_t fn;
        while (*s && *s != ' ')
            s++;
        if ((rc = rasad__ner_form(f, w, (size_t)(s - w), &form, &fn)) != RASAD_OK)
            return rc;
        if (fn > 0) {
            h = step(h, rasad__ner_hash_form(form, fn));
            words++;
        }
        while (*s == ' ')
            s++;
    }
    if (words == 0 || words > GAZ_MAXLEN)
        return RASAD_OK;
    gslot *sl = find(g, h);
    sl->h = h;
    sl->mask |= 1u << e->cls;
    if (words > g->maxlen)
        g->maxlen = words;
    return RASAD_OK;
}

int rasad__ner_gaz_new(ner_form *f, ner_gaz **out)
{
    size_t total = rasad__ner_ngaz + rasad__ner_ntitles, cap = 1024;
    ner_gaz *g;
    int rc = RASAD_OK;

    *out = NULL;
    while (cap < 2 * total)
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
    for (size_t i = 0; i < n; i++) {
        uint64_t s = RASAD__FNV_SEED;
        for (size_t len = 1; len <= g->maxlen && i + len <= n; len++) {
            s = step(s, h[i + len - 1]);
            const gslot *sl = find(g, s);
            if (!sl->h)
                continue;
            for (unsigned c = 0; c < GAZ_NCLASSES; c++) {
                if (!(sl->mask & (1u << c)))
                    continue;
                bits[i] |= 1u << (2 * c);
                for (size_t k = i + 1; k < i + len; k++)
                    bits[k] |= 1u << (2 * c + 1);
            }
        }
    }
}
