/* memory.c - the tagger's document memory: the word forms of the last
 * RASAD__NER_MEM_SENT sentences with the tags they were given, so that a
 * name tagged once (a full name, a title before it) helps where it comes
 * back alone. For each token of a new sentence, the memory gives the set
 * of tags its form had there (bit t for tag t, O included); features.c
 * turns that into keys. The trainer fills the same memory from predicted
 * tags (a model trained on the other half of the data: train.c), so that
 * the weights learn how far the tagger's own past decisions can be
 * trusted. */
#include <string.h>
#include "ner_internal.h"

void rasad__ner_mem_reset(ner_mem *m)
{
    m->nsent = 0;
    m->total = 0;
    m->head = 0;
}

void rasad__ner_mem_bits(const ner_mem *m, const uint64_t *wh, size_t n, uint32_t *bits)
{
    /* a small open-addressing set of the remembered forms, rebuilt per
     * sentence (at most RASAD__NER_MEM_CAP entries) */
    enum { SLOTS = 2 * RASAD__NER_MEM_CAP };
    static const uint64_t none = 0;
    uint64_t key[SLOTS];
    uint32_t val[SLOTS];
    const size_t mask = SLOTS - 1;

    memset(bits, 0, n * sizeof *bits);
    if (m->total == 0)
        return;
    memset(key, 0, sizeof key);
    for (size_t k = 0; k < m->total; k++) {
        size_t e = (m->head + RASAD__NER_MEM_CAP - m->total + k) % RASAD__NER_MEM_CAP;
        uint64_t h = m->h[e] ? m->h[e] : 1;
        size_t i = (size_t)(h ^ (h >> 29)) & mask;
        while (key[i] != none && key[i] != h)
            i = (i + 1) & mask;
        if (key[i] == none) {
            key[i] = h;
            val[i] = 0;
        }
        val[i] |= 1u << m->t[e];
    }
    for (size_t j = 0; j < n; j++) {
        uint64_t h = wh[j] ? wh[j] : 1;
        size_t i = (size_t)(h ^ (h >> 29)) & mask;
        while (key[i] != none && key[i] != h)
            i = (i + 1) & mask;
        bits[j] = key[i] == h ? val[i] : 0;
    }
}

void rasad__ner_mem_push(ner_mem *m, const uint64_t *wh, const uint8_t *tags, size_t n)
{
    if (n > RASAD__NER_MEM_CAP / 2)
        n = RASAD__NER_MEM_CAP / 2; /* a very long sentence: its first tokens */
    if (m->nsent == RASAD__NER_MEM_SENT) { /* forget the oldest sentence */
        m->total -= m->len[0];
        memmove(m->len, m->len + 1, (RASAD__NER_MEM_SENT - 1) * sizeof *m->len);
        m->nsent--;
    }
    while (m->total + n > RASAD__NER_MEM_CAP) {
        m->total -= m->len[0];
        memmove(m->len, m->len + 1, (RASAD__NER_MEM_SENT - 1) * sizeof *m->len);
        m->nsent--;
    }
    for (size_t i = 0; i < n; i++) {
        m->h[m->head] = wh[i];
        m->t[m->head] = tags[i] < NT ? tags[i] : 0;
        m->head = (m->head + 1) % RASAD__NER_MEM_CAP;
    }
    m->len[m->nsent++] = (uint32_t)n;
    m->total += n;
}
