/* text.c - tags running text: sentences (rasad_sentence_split), tokens
 * (rasad_tokenize, plus each punctuation mark between two tokens as a
 * token of its own, the way the training corpora split text), then the
 * entities as byte spans of the text. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/sentence.h"
#include "tagger.h"

void rasad__ner_text_release(rasad_ner *t)
{
    rasad_free(t->start);
    rasad_free(t->end);
    rasad_free(t->tp);
    rasad_free(t->tl);
    rasad_free(t->tags);
    t->start = t->end = t->tl = NULL;
    t->tp = NULL;
    t->tags = NULL;
    t->cap = t->ntok = 0;
}

static int push(rasad_ner *t, size_t start, size_t end)
{
    if (t->ntok == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 256;
        size_t *s = rasad_realloc(t->start, cap * sizeof *s);
        if (s)
            t->start = s;
        size_t *e = rasad_realloc(t->end, cap * sizeof *e);
        if (e)
            t->end = e;
        const char **tp = rasad_realloc((void *)t->tp, cap * sizeof *tp);
        if (tp)
            t->tp = tp;
        size_t *tl = rasad_realloc(t->tl, cap * sizeof *tl);
        if (tl)
            t->tl = tl;
        uint8_t *tg = rasad_realloc(t->tags, cap);
        if (tg)
            t->tags = tg;
        if (!s || !e || !tp || !tl || !tg)
            return RASAD_NOMEM;
        t->cap = cap;
    }
    t->start[t->ntok] = start;
    t->end[t->ntok] = end;
    t->ntok++;
    return RASAD_OK;
}

/* White space and invisible format characters: never a token. */
static int is_space(uint32_t c)
{
    return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

typedef struct split_ctx {
    rasad_tokenizer *tk;
    const char *p;
    size_t base;  /* sentence start in p */
    size_t last;  /* end of the last token, in p */
    const ner_split_fns *fns;
    void *ctx;
} split_ctx;

/* Every non-space code point of p[from..to) as a token. */
static int gap(split_ctx *s, size_t from, size_t to)
{
    while (from < to) {
        uint32_t cp;
        int inv, rc;
        size_t l = rasad_utf8_decode(s->p + from, to - from, &cp, &inv);
        if (!is_space(cp) && (rc = s->fns->token(s->ctx, from, from + l)) != 0)
            return rc;
        from += l;
    }
    return 0;
}

static int on_token(void *ctx, int kind, const char *tok, size_t ntok, size_t start, size_t end)
{
    split_ctx *s = ctx;
    int rc;
    (void)kind, (void)tok, (void)ntok;
    if ((rc = gap(s, s->last, s->base + start)) != 0)
        return rc;
    s->last = s->base + end;
    return s->fns->token(s->ctx, s->base + start, s->base + end);
}

static int on_sentence(void *ctx, size_t start, size_t end)
{
    split_ctx *s = ctx;
    int rc;
    s->base = s->last = start;
    if ((rc = rasad_tokenize(s->tk, s->p + start, end - start, on_token, s)) != 0 ||
        (rc = gap(s, s->last, end)) != 0)
        return rc;
    return s->fns->sentence(s->ctx);
}

int rasad__ner_split(rasad_tokenizer *tk, const char *p, size_t n, const ner_split_fns *fns,
                     void *ctx)
{
    split_ctx s = { tk, p, 0, 0, fns, ctx };
    return rasad_sentence_split(p, n, 0, on_sentence, &s);
}

/* ---- tagging running text ----------------------------------------------------- */

typedef struct tag_ctx {
    rasad_ner *t;
    rasad_ner_entity_fn fn;
    void *ctx;
} tag_ctx;

static int tag_token(void *ctx, size_t start, size_t end)
{
    return push(((tag_ctx *)ctx)->t, start, end);
}

/* Calls fn for each entity in the tagged tokens. */
static int emit(rasad_ner *t, rasad_ner_entity_fn fn, void *ctx)
{
    for (size_t i = 0; i < t->ntok;) {
        unsigned tag = t->tags[i];
        size_t j = i + 1;
        if (tag == 0) {
            i++;
            continue;
        }
        while (j < t->ntok && RASAD_NER_TAG_IS_I(t->tags[j]) &&
               (unsigned)RASAD_NER_TAG_TYPE(t->tags[j]) == RASAD_NER_TAG_TYPE(tag))
            j++;
        int rc = fn(ctx, (int)RASAD_NER_TAG_TYPE(tag), t->start[i], t->end[j - 1]);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

static int tag_sentence(void *ctx)
{
    tag_ctx *c = ctx;
    rasad_ner *t = c->t;
    int rc;
    for (size_t i = 0; i < t->ntok; i++) {
        t->tp[i] = t->text + t->start[i];
        t->tl[i] = t->end[i] - t->start[i];
    }
    rc = rasad_ner_tag(t, t->tp, t->tl, t->ntok, t->tags);
    if (rc == RASAD_OK)
        rc = emit(t, c->fn, c->ctx);
    t->ntok = 0;
    return rc;
}

int rasad_ner_tag_text(rasad_ner *t, const char *p, size_t n, rasad_ner_entity_fn fn,
                       void *ctx)
{
    static const ner_split_fns fns = { tag_token, tag_sentence };
    tag_ctx c = { t, fn, ctx };
    int rc;

    if (!t->tok && (rc = rasad_tokenizer_new(0, &t->tok)) != RASAD_OK)
        return rc;
    t->text = p;
    t->ntok = 0;
    rasad__ner_mem_reset(&t->mem); /* a text is a document of its own */
    rc = rasad__ner_split(t->tok, p, n, &fns, &c);
    t->text = NULL;
    return rc;
}
