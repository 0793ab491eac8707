/* memory.c - the tagger's document memory: how often each word form had
 * each tag in a window of sentences (a count map, updated as sentences
 * enter and leave the window), so that a name tagged once in a full form
 * (a title before it, the given name) helps where it comes alone, before
 * or after. The window of a sentence is the RASAD__NER_MEM_SENT sentences
 * before it and the RASAD__NER_MEM_SENT after it, one map for each side.
 * Beside each form, the maps count its tags next to the same neighbour:
 * keyed by the pair (form, next form) with the tag of the form, and by
 * (previous form, form) with the tag of the form, so a word that was part
 * of a name with the same neighbour («بانک مرکزی», «حسن روحانی») is
 * told from the same word elsewhere. For each token, the memory gives the
 * tags its form had on each side and next to its neighbours (ner_memtok);
 * features.c turns that into keys. The trainer fills the maps from
 * predicted tags (models trained on the other half of the data: write.c),
 * the tagger from its own first pass (tagger.c). */
#include <string.h>
#include "rasad/alloc.h"
#include "ner_internal.h"

#define MIN_SLOTS 1024u
#define PER_TOKEN 3 /* map entries a token adds: its form and two pairs */

static size_t slot_of(const ner_cmap *m, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & m->mask;
    while (m->key[i] && m->key[i] != h)
        i = (i + 1) & m->mask;
    return i;
}

void rasad__ner_cmap_release(ner_cmap *m)
{
    rasad_free(m->key);
    rasad_free(m->cnt);
    memset(m, 0, sizeof *m);
}

void rasad__ner_cmap_clear(ner_cmap *m)
{
    if (m->key && m->used) {
        memset(m->key, 0, (m->mask + 1) * sizeof *m->key);
        m->used = 0;
    }
}

static int all_zero(const uint16_t *c)
{
    for (unsigned t = 0; t < NT; t++)
        if (c[t])
            return 0;
    return 1;
}

/* Rebuilds m with room for extra more entries, dropping those whose counts
 * are all 0. */
static int rebuild(ner_cmap *m, size_t extra)
{
    size_t live = 0, slots = MIN_SLOTS;
    ner_cmap b;

    for (size_t i = 0; m->key && i <= m->mask; i++)
        live += m->key[i] && !all_zero(m->cnt + i * NT);
    while (slots < 2 * (live + extra))
        slots *= 2;
    b.key = rasad_malloc(slots * sizeof *b.key);
    b.cnt = rasad_malloc(slots * NT * sizeof *b.cnt);
    if (!b.key || !b.cnt) {
        rasad_free(b.key);
        rasad_free(b.cnt);
        return RASAD_NOMEM;
    }
    memset(b.key, 0, slots * sizeof *b.key);
    b.mask = slots - 1;
    b.used = 0;
    for (size_t i = 0; m->key && i <= m->mask; i++) {
        if (!m->key[i] || all_zero(m->cnt + i * NT))
            continue;
        size_t s = slot_of(&b, m->key[i]);
        b.key[s] = m->key[i];
        memcpy(b.cnt + s * NT, m->cnt + i * NT, NT * sizeof *b.cnt);
        b.used++;
    }
    rasad__ner_cmap_release(m);
    *m = b;
    return RASAD_OK;
}

int rasad__ner_cmap_reserve(ner_cmap *m, size_t extra)
{
    extra *= PER_TOKEN;
    if (!m->key || 4 * (m->used + extra) > 3 * (m->mask + 1))
        return rebuild(m, extra);
    return RASAD_OK;
}

/* The key of the pair of forms (a, b), for the tag of b (right) or of a. */
static uint64_t pair_key(uint64_t a, uint64_t b, int right)
{
    uint64_t k = ner_mix(a ^ (right ? 0x5bd1e995u : 0x27d4eb2fu), b);
    return k ? k : 2;
}

static void count(ner_cmap *m, uint64_t h, uint8_t tag, int sign)
{
    size_t i = slot_of(m, h ? h : 1);
    unsigned t = tag < NT ? tag : 0;
    if (sign > 0) {
        if (!m->key[i]) {
            m->key[i] = h ? h : 1;
            memset(m->cnt + i * NT, 0, NT * sizeof *m->cnt);
            m->used++;
        }
        if (m->cnt[i * NT + t] < UINT16_MAX)
            m->cnt[i * NT + t]++;
    } else if (m->key[i] && m->cnt[i * NT + t]) {
        m->cnt[i * NT + t]--;
    }
}

int rasad__ner_cmap_add(ner_cmap *m, const uint64_t *wh, const uint8_t *tags, size_t n,
                        int sign)
{
    int rc;

    if (sign > 0 && (rc = rasad__ner_cmap_reserve(m, n)) != RASAD_OK)
        return rc;
    if (!m->key)
        return RASAD_OK; /* nothing to take away from */
    for (size_t j = 0; j < n; j++) {
        count(m, wh[j], tags[j], sign);
        if (j + 1 < n) {
            count(m, pair_key(wh[j], wh[j + 1], 0), tags[j], sign);
            count(m, pair_key(wh[j], wh[j + 1], 1), tags[j + 1], sign);
        }
    }
    return RASAD_OK;
}

/* The tags (1 << tag) counted for key h in m (NULL: none). */
static uint32_t tags_of(const ner_cmap *m, uint64_t h)
{
    uint32_t bits = 0;
    if (!m || !m->key || !m->used)
        return 0;
    size_t i = slot_of(m, h ? h : 1);
    if (!m->key[i])
        return 0;
    for (unsigned t = 0; t < NT; t++)
        if (m->cnt[i * NT + t])
            bits |= 1u << t;
    return bits;
}

void rasad__ner_mem_look(const ner_cmap *before, const ner_cmap *after, const uint64_t *wh,
                         size_t n, ner_memtok *out)
{
    for (size_t j = 0; j < n; j++) {
        ner_memtok *o = &out[j];
        o->past = tags_of(before, wh[j]);
        o->fut = tags_of(after, wh[j]);
        o->bl = o->br = 0;
        if (!(o->past | o->fut))
            continue; /* the form is not there, nor any pair with it */
        if (j + 1 < n) {
            uint64_t k = pair_key(wh[j], wh[j + 1], 0);
            o->bl = tags_of(before, k) | tags_of(after, k);
        }
        if (j > 0) {
            uint64_t k = pair_key(wh[j - 1], wh[j], 1);
            o->br = tags_of(before, k) | tags_of(after, k);
        }
    }
}
