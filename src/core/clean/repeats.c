/* repeats.c - a paragraph or sentence the article already said is kept
 * once.
 *
 * Kept text is remembered as its words (token keys, see clean_internal.h),
 * paragraph by paragraph, in order. A kept line whose words (at least
 * RASAD__CLEAN_DUP_MIN_WORDS) occur as a contiguous run inside one earlier
 * paragraph is a DUPLICATE paragraph (equal paragraphs are the simplest
 * case). Otherwise each of its sentences is looked up the same way, the
 * earlier sentences of the same paragraph included. A sentence «X گفت: Q»
 * whose quote Q (at least RASAD__CLEAN_QUOTE_MIN_WORDS words, after an
 * intro of at most RASAD__CLEAN_QUOTE_MAX_INTRO words) was already said is a
 * duplicate too: the repeated passage of a crawl often comes back behind a
 * new «وی تاکید کرد:». Shorter sentences are never duplicates.
 *
 * Lookup: a set of hashes of every four consecutive words filters, then
 * the words are searched for in the remembered text. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/sentence.h"
#include "clean_internal.h"

#define GRAM 4

typedef struct span {
    size_t s, e;
} span;

typedef struct memory {
    rasad_buf text;         /* " w w w \n" per paragraph: a space each side of a word */
    int open;               /* the current paragraph has words in text */
    uint64_t *set;          /* gram hashes; 0 is an empty slot */
    size_t nset, capset;
    uint64_t last[GRAM];    /* word hashes of the current paragraph's tail */
    size_t nlast;           /* words in the current paragraph so far */
    span *sent;             /* sentences of the line being looked at */
    size_t nsent, capsent;
    rasad_buf needle;
    int err;
} memory;

/* Only a filter (a hit is checked word by word), so a cheap mix will do. */
static uint64_t gram_hash(const uint64_t *w)
{
    uint64_t h = RASAD__FNV_SEED;
    for (int i = 0; i < GRAM; i++)
        h = (h ^ w[i]) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return h ? h : 1;
}

static uint64_t *set_slot(uint64_t *set, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (set[i] && set[i] != h)
        i = (i + 1) & (cap - 1);
    return &set[i];
}

static void set_add(memory *m, uint64_t h)
{
    if (2 * (m->nset + 1) > m->capset) {
        size_t cap = m->capset ? 2 * m->capset : 1024;
        uint64_t *set = rasad_malloc(cap * sizeof *set);
        if (!set) {
            m->err = RASAD_NOMEM;
            return;
        }
        memset(set, 0, cap * sizeof *set);
        for (size_t i = 0; i < m->capset; i++)
            if (m->set[i])
                *set_slot(set, cap, m->set[i]) = m->set[i];
        rasad_free(m->set);
        m->set = set;
        m->capset = cap;
    }
    uint64_t *s = set_slot(m->set, m->capset, h);
    if (!*s) {
        *s = h;
        m->nset++;
    }
}

static int set_has(const memory *m, uint64_t h)
{
    return m->capset && *set_slot(m->set, m->capset, h) == h;
}

static uint64_t word_hash(const rasad__toks *t, size_t i)
{
    return t->v[i].h;
}

/* Remembers tokens [i, j) as the next words of the current paragraph. */
static void remember(memory *m, const rasad__toks *t, size_t i, size_t j)
{
    for (; i < j; i++) {
        if (!m->open)
            rasad__buf_addc(&m->text, ' ');
        m->open = 1;
        rasad__buf_add(&m->text, t->key.p + t->v[i].key_off, t->v[i].key_len);
        rasad__buf_addc(&m->text, ' ');
        memmove(m->last, m->last + 1, (GRAM - 1) * sizeof m->last[0]);
        m->last[GRAM - 1] = word_hash(t, i);
        if (++m->nlast >= GRAM)
            set_add(m, gram_hash(m->last));
    }
    if (m->text.err)
        m->err = m->text.err;
}

static void end_paragraph(memory *m)
{
    rasad__buf_addc(&m->text, '\n');
    m->open = 0;
    m->nlast = 0;
}

static int contains(const char *hay, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0 || nn > hn)
        return 0;
    for (const char *p = hay, *end = hay + hn - nn + 1; p < end; p++) {
        p = memchr(p, nd[0], (size_t)(end - p));
        if (!p)
            return 0;
        if (memcmp(p, nd, nn) == 0)
            return 1;
    }
    return 0;
}

/* 1 when tokens [i, j) were already said. */
static int said(memory *m, const rasad__toks *t, size_t i, size_t j)
{
    uint64_t w[GRAM] = { 0 };
    for (size_t k = i; k < j; k++) {
        memmove(w, w + 1, (GRAM - 1) * sizeof w[0]);
        w[GRAM - 1] = word_hash(t, k);
        if (k + 1 - i >= GRAM && !set_has(m, gram_hash(w)))
            return 0;
    }
    m->needle.n = 0;
    for (size_t k = i; k < j; k++) {
        rasad__buf_addc(&m->needle, ' ');
        rasad__buf_add(&m->needle, t->key.p + t->v[k].key_off, t->v[k].key_len);
    }
    rasad__buf_addc(&m->needle, ' ');
    if (m->needle.err) {
        m->err = m->needle.err;
        return 0;
    }
    return contains(m->text.p, m->text.n, m->needle.p, m->needle.n);
}

static int on_sentence(void *ctx, size_t start, size_t end)
{
    memory *m = ctx;
    if (m->nsent == m->capsent) {
        span *v = rasad__grow(m->sent, &m->capsent, m->nsent + 1, sizeof *v, 16);
        if (!v)
            return RASAD_NOMEM;
        m->sent = v;
    }
    m->sent[m->nsent++] = (span){ start, end };
    return 0;
}

/* «وی تاکید کرد: Q» with Q already said. */
static int quote_said(memory *m, const rasad__toks *t, const char *p, size_t n)
{
    const char *colon = memchr(p, ':', n);
    if (!colon)
        return 0;
    size_t at = (size_t)(colon - p), j0 = 0;
    while (j0 < t->n && t->v[j0].start < at)
        j0++;
    if (j0 == 0 || j0 > RASAD__CLEAN_QUOTE_MAX_INTRO ||
        t->n - j0 < RASAD__CLEAN_QUOTE_MIN_WORDS)
        return 0;
    return said(m, t, j0, t->n);
}

static void sentences(rasad__article *a, memory *m, size_t li)
{
    rasad__line *L = &a->lines[li];
    const char *p = a->text + L->ks;
    m->nsent = 0;
    int rc = rasad__one_sentence(p, L->ke - L->ks)
                 ? on_sentence(m, 0, L->ke - L->ks)
                 : rasad_sentence_split(p, L->ke - L->ks, 0, on_sentence, m);
    if (rc) {
        a->err = rc < 0 ? rc : RASAD_NOMEM;
        return;
    }
    size_t ks = L->ks, ke = L->ke;  /* cuts may move them */
    for (size_t k = 0; k < m->nsent && !a->err && !m->err; k++) {
        const span *s = &m->sent[k];
        /* The one sentence of a whole line has the line's tokens. */
        const rasad__toks *t = &a->tk;
        if (s->s != 0 || s->e != ke - ks) {
            rc = rasad__toks_run(a->c->tk, p + s->s, s->e - s->s, &a->tk2);
            if (rc) {
                a->err = rc;
                return;
            }
            t = &a->tk2;
        }
        if ((t->n >= RASAD__CLEAN_DUP_MIN_WORDS && said(m, t, 0, t->n)) ||
            quote_said(m, t, p + s->s, s->e - s->s))
            rasad__cut(a, li, RASAD_CLEAN_DUPLICATE, ks + s->s, ks + s->e);
        else
            remember(m, t, 0, t->n);
    }
}

void rasad__repeats(rasad__article *a)
{
    memory m;
    memset(&m, 0, sizeof m);
    rasad__buf_init(&m.text, 0);
    rasad__buf_init(&m.needle, 0);
    for (size_t li = 0; li < a->nlines && !a->err && !m.err; li++) {
        rasad__line *L = &a->lines[li];
        if (L->blank || L->gone)
            continue;
        if (rasad__line_toks(a, li))
            break;
        if (a->tk.n >= RASAD__CLEAN_DUP_MIN_WORDS && said(&m, &a->tk, 0, a->tk.n)) {
            rasad__cut_rest(a, li, RASAD_CLEAN_DUPLICATE);
            continue;
        }
        sentences(a, &m, li);
        end_paragraph(&m);
    }
    if (m.err && !a->err)
        a->err = m.err;
    if (m.text.err && !a->err)
        a->err = m.text.err;
    rasad__buf_release(&m.text);
    rasad__buf_release(&m.needle);
    rasad_free(m.set);
    rasad_free(m.sent);
}
