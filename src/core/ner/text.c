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
    t->cap = t->ntok_text = t->done = 0;
}

static int push(rasad_ner *t, size_t start, size_t end)
{
    if (t->ntok_text == t->cap) {
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
    t->start[t->ntok_text] = start;
    t->end[t->ntok_text] = end;
    t->ntok_text++;
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
/* The tokens of the sentences not yet taken from the document are
 * t->start/end[done .. ntok_text); those of the sentence being split are
 * at the end, from sent0. */

typedef struct tag_ctx {
    rasad_ner *t;
    rasad_ner_entity_fn fn;
    void *ctx;
    size_t sent0;     /* first token of the sentence being split */
    size_t last_end;  /* end of the last entity given to fn (0 before the first) */
} tag_ctx;

static int tag_token(void *ctx, size_t start, size_t end)
{
    return push(((tag_ctx *)ctx)->t, start, end);
}

/* Calls c->fn for each entity in the tags[0..n) of the tokens from k. An
 * entity that would start before the last one ended is left out: the words
 * one character expands to (﷽ is four) share that character's bytes, and
 * the entities a caller gets never overlap and come in order. */
static int emit(tag_ctx *c, size_t k, size_t n)
{
    rasad_ner *t = c->t;
    const uint8_t *tags = t->tags + k;
    for (size_t i = 0; i < n;) {
        unsigned tag = tags[i];
        size_t j = i + 1;
        if (tag == 0) {
            i++;
            continue;
        }
        while (j < n && RASAD_NER_TAG_IS_I(tags[j]) &&
               (unsigned)RASAD_NER_TAG_TYPE(tags[j]) == RASAD_NER_TAG_TYPE(tag))
            j++;
        size_t start = t->start[k + i], end = t->end[k + j - 1];
        i = j;
        if (start < c->last_end)
            continue;
        int rc = c->fn(c->ctx, (int)RASAD_NER_TAG_TYPE(tag), start, end);
        if (rc)
            return rc;
        c->last_end = end;
    }
    return 0;
}

/* Takes the sentences whose tags are final (all of them when flush) and
 * calls fn for their entities. */
static int take(tag_ctx *c, int flush)
{
    rasad_ner *t = c->t;
    size_t n;
    int r = 0;

    while (t->done < t->ntok_text &&
           (r = rasad_ner_doc_next(t, flush, t->tags + t->done, t->ntok_text - t->done, &n)) != 0) {
        if (r < 0) { /* taken, but not tagged */
            t->done += n;
            break;
        }
        r = emit(c, t->done, n);
        t->done += n;
        if (r)
            break;
    }
    if (t->done == t->ntok_text) {
        t->done = t->ntok_text = c->sent0 = 0;
    } else if (t->done > 4096 && 2 * t->done > t->ntok_text) { /* move the rest to the front */
        size_t keep = t->ntok_text - t->done;
        memmove(t->start, t->start + t->done, keep * sizeof *t->start);
        memmove(t->end, t->end + t->done, keep * sizeof *t->end);
        c->sent0 -= t->done;
        t->ntok_text = keep;
        t->done = 0;
    }
    return r;
}

static int tag_sentence(void *ctx)
{
    tag_ctx *c = ctx;
    rasad_ner *t = c->t;
    size_t k = c->sent0, n = t->ntok_text - k;
    int rc;
    for (size_t i = k; i < t->ntok_text; i++) {
        t->tp[i] = t->text + t->start[i];
        t->tl[i] = t->end[i] - t->start[i];
    }
    if (n == 0)
        return 0;
    if ((rc = rasad_ner_doc_add(t, t->tp + k, t->tl + k, n)) != RASAD_OK) {
        t->ntok_text = k; /* not added */
        return rc;
    }
    c->sent0 = t->ntok_text;
    return take(c, 0);
}

int rasad_ner_tag_text(rasad_ner *t, const char *p, size_t n, rasad_ner_entity_fn fn,
                       void *ctx)
{
    static const ner_split_fns fns = { tag_token, tag_sentence };
    tag_ctx c = { t, fn, ctx, 0, 0 };
    int rc;

    if (!t->tok && (rc = rasad_tokenizer_new(0, &t->tok)) != RASAD_OK)
        return rc;
    t->text = p;
    t->ntok_text = t->done = 0;
    rasad_ner_reset(t); /* a text is a document of its own */
    rc = rasad__ner_split(t->tok, p, n, &fns, &c);
    if (rc == 0)
        rc = take(&c, 1);
    rasad_ner_reset(t);
    t->ntok_text = t->done = 0;
    t->text = NULL;
    return rc;
}
