/* doc.c - one article read for the passes: tokens with their keys and the
 * punctuation between them, quote depth, the caller's entities checked and
 * mapped onto tokens, sentences; and the phrase matcher over keys. */
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "rasad/number.h"
#include "rasad/sentence.h"
#include "rasad/text.h"
#include "buf.h"
#include "events_internal.h"

#define ZWNJ 0x200Cu

static int on_token(void *ud, int kind, const char *tok, size_t ntok, size_t start, size_t end)
{
    ev_doc *d = ud;
    ev_tok *t = rasad__grow(d->tok, &d->ctok, d->ntok + 1, sizeof *t, 256);
    if (!t)
        return d->err = RASAD_NOMEM;
    d->tok = t;
    char *k = rasad__grow(d->keys, &d->ckeys, d->nkeys + ntok, 1, 4096);
    if (!k)
        return d->err = RASAD_NOMEM;
    d->keys = k;
    uint32_t at = (uint32_t)d->nkeys;
    for (size_t i = 0; i < ntok; i++) {   /* ZWNJ (E2 80 8C) taken out */
        if (i + 2 < ntok && (unsigned char)tok[i] == 0xE2 && (unsigned char)tok[i + 1] == 0x80 &&
            (unsigned char)tok[i + 2] == 0x8C) {
            i += 2;
            continue;
        }
        d->keys[d->nkeys++] = tok[i];
    }
    t = &d->tok[d->ntok++];
    *t = (ev_tok){ start, end, at, (uint32_t)(d->nkeys - at), -1, 0, 0, 0 };
    rasad_number num;
    t->num = kind == RASAD_TOKEN_NUMBER ||
             (rasad_number_parse(d->p + start, end - start, 0, &num) == RASAD_OK &&
              num.len == end - start);
    return 0;
}

/* The mark of code point cp at p[i] in the gap p[a..b) between two tokens
 * (0 for none). An ASCII " opens when a word follows it directly after a
 * space (or at the start of the text) and closes otherwise. */
static unsigned mark_of(uint32_t cp, size_t a, size_t b, size_t i)
{
    switch (cp) {
    case 0x060C: case ',': return EV_G_COMMA;
    case ':': return EV_G_COLON;
    case 0x061B: case ';': return EV_G_SEMI;
    case 0xAB: case 0x201C: return EV_G_QOPEN;
    case 0xBB: case 0x201D: return EV_G_QCLOSE;
    case '"': return i + 1 == b && (i > a || i == 0) ? EV_G_QOPEN : EV_G_QCLOSE;
    case '.': case '!': case '?': case 0x061F: return EV_G_STOP;
    case '(': case ')': case '[': case ']': return EV_G_PAREN;
    case '-': case 0x2013: case 0x2014: return EV_G_DASH;
    case '\n': case '\r': return EV_G_LINE;
    default: return 0;
    }
}

static unsigned gap_marks(const char *p, size_t a, size_t b)
{
    unsigned g = 0;
    for (size_t i = a; i < b;) {
        uint32_t cp;
        int bad;
        size_t l = rasad_utf8_decode(p + i, b - i, &cp, &bad);
        g |= mark_of(cp, a, b, i);
        i += l;
    }
    return g;
}

unsigned rasad__ev_gap_after(const ev_doc *d, size_t t)
{
    return t + 1 < d->ntok ? d->tok[t + 1].gap : d->gap_end;
}

static int on_sentence(void *ud, size_t start, size_t end)
{
    ev_doc *d = ud;
    ev_sent *s = rasad__grow(d->sent, &d->csent, d->nsent + 1, sizeof *s, 64);
    if (!s)
        return d->err = RASAD_NOMEM;
    d->sent = s;
    d->sent[d->nsent++] = (ev_sent){ start, end, 0, 0 };
    return 0;
}

static int by_span(const void *a, const void *b)
{
    const ev_ent *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;      /* the longer first */
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Keeps the entities that can be used: in range, not empty, a known type,
 * not overlapping one kept before; maps them onto tokens. */
static int load_entities(ev_doc *d, const rasad_events_span *ents, size_t nent)
{
    if (nent == 0)
        return 0;
    if (nent > (size_t)INT32_MAX || nent > SIZE_MAX / sizeof *d->ent)
        return RASAD_TOOBIG;
    d->ent = rasad_malloc(nent * sizeof *d->ent);
    if (!d->ent)
        return RASAD_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < nent; i++) {
        const rasad_events_span *e = &ents[i];
        if (e->start >= e->end || e->end > d->n || e->type <= RASAD_NER_NONE ||
            e->type >= RASAD_NER_NTYPES) {
            d->res->ignored++;
            continue;
        }
        d->ent[k++] = (ev_ent){ e->type, e->start, e->end, (int)i, 0, 0 };
    }
    qsort(d->ent, k, sizeof *d->ent, by_span);
    size_t m = 0, last_end = 0;
    for (size_t i = 0; i < k; i++) {
        if (m > 0 && d->ent[i].start < last_end) {
            d->res->ignored++;
            continue;
        }
        last_end = d->ent[i].end;
        d->ent[m++] = d->ent[i];
    }
    d->nent = m;
    size_t t = 0;
    for (size_t e = 0; e < m; e++) {          /* a token is in an entity when it starts in it */
        while (t < d->ntok && d->tok[t].start < d->ent[e].start)
            t++;
        d->ent[e].t0 = t;
        while (t < d->ntok && d->tok[t].start < d->ent[e].end)
            d->tok[t++].ent = (int)e;
        d->ent[e].t1 = t;
    }
    return 0;
}

/* «...» around at most SHORT_QUOTE words is a name or a term («نووستی»,
 * "سرگئی شایگو"), not speech: its words stay at the depth outside it. */
#define SHORT_QUOTE 4
static void short_quotes(ev_doc *d)
{
    for (size_t q = 0; q < d->ntok; q++) {
        if (!(d->tok[q].gap & EV_G_QOPEN))
            continue;
        int depth = d->tok[q].depth;
        for (size_t u = q + 1; u <= d->ntok && u <= q + SHORT_QUOTE; u++) {
            unsigned g = u < d->ntok ? d->tok[u].gap : d->gap_end;
            if ((g & EV_G_QCLOSE) && d->tok[u - 1].depth == depth) {
                for (size_t k = q; k < u; k++)
                    if (d->tok[k].depth > 0)
                        d->tok[k].depth--;
                d->tok[q].gap &= ~(unsigned)EV_G_QOPEN;   /* no clause boundary either */
                if (u < d->ntok)
                    d->tok[u].gap &= ~(unsigned)EV_G_QCLOSE;
                else
                    d->gap_end &= ~(unsigned)EV_G_QCLOSE;
                break;
            }
            if (g & EV_G_QOPEN)
                break;
        }
    }
}

int rasad__ev_doc_init(ev_doc *d, const char *p, size_t n, const rasad_events_span *ents,
                       size_t nent, int32_t pub, rasad_events_result *res)
{
    memset(d, 0, sizeof *d);
    d->p = p;
    d->n = n;
    d->pub = pub;
    d->res = res;
    d->salient = -1;
    rasad_tokenizer *tk;
    int rc = rasad_tokenizer_new(0, &tk);
    if (rc != RASAD_OK)
        return rc;
    rc = rasad_tokenize(tk, p, n, on_token, d);
    rasad_tokenizer_free(tk);
    if (d->err)
        return d->err;
    if (rc != RASAD_OK)
        return rc;
    int depth = 0;
    for (size_t i = 0; i <= d->ntok; i++) {
        size_t a = i ? d->tok[i - 1].end : 0, b = i < d->ntok ? d->tok[i].start : n;
        unsigned g = gap_marks(p, a, b);
        if (g & EV_G_QCLOSE)
            depth = depth > 0 ? depth - 1 : 0;
        if (g & EV_G_QOPEN)
            depth = depth < 8 ? depth + 1 : depth;
        if (g & (EV_G_LINE | EV_G_STOP) && !(g & (EV_G_QOPEN | EV_G_QCLOSE)) && (g & EV_G_LINE))
            depth = 0;                        /* a quote does not run past a line break */
        if (i < d->ntok) {
            d->tok[i].gap = g;
            d->tok[i].depth = depth;
        } else {
            d->gap_end = g;
        }
    }
    short_quotes(d);
    if ((rc = load_entities(d, ents, nent)) != 0)
        return rc;
    rc = rasad_sentence_split(p, n, 0, on_sentence, d);
    if (d->err)
        return d->err;
    size_t t = 0;
    for (size_t s = 0; s < d->nsent; s++) {
        while (t < d->ntok && d->tok[t].start < d->sent[s].start)
            t++;
        d->sent[s].t0 = t;
        while (t < d->ntok && d->tok[t].start < d->sent[s].end)
            t++;
        d->sent[s].t1 = t;
    }
    return rc;
}

void rasad__ev_doc_release(ev_doc *d)
{
    rasad_free(d->tok);
    rasad_free(d->keys);
    rasad_free(d->ent);
    rasad_free(d->sent);
    memset(d, 0, sizeof *d);
}

/* The next letter of a table word, folded as the tokenizer folds; spaces,
 * ZWNJ and marks skipped. Returns 0 at the end. */
static uint32_t next_fold(const char **w)
{
    for (;;) {
        const char *s = *w;
        if (!*s)
            return 0;
        uint32_t cp;
        int bad;
        size_t l = rasad_utf8_decode(s, strlen(s) < 4 ? strlen(s) : 4, &cp, &bad);
        *w = s + l;
        if (cp == ' ' || cp == ZWNJ || cp == 0x0640 || (cp >= 0x064B && cp <= 0x0655) || cp == 0x0670)
            continue;
        switch (cp) {
        case 0x064A: case 0x0649: case 0x0626: return 0x06CC;
        case 0x0643: return 0x06A9;
        case 0x0623: case 0x0625: case 0x0671: return 0x0627;
        case 0x0624: return 0x0648;
        case 0x0629: case 0x06C0: return 0x0647;
        default: return cp;
        }
    }
}

size_t rasad__ev_match(const ev_doc *d, size_t t, size_t lim, const char *w)
{
    if (t >= lim || t >= d->ntok)
        return 0;
    size_t tk = t, ki = 0;
    const char *k = d->keys + d->tok[t].key;
    size_t kn = d->tok[t].nkey;
    char enc[4];
    size_t el = 0, ei = 0;
    for (;;) {
        if (ei == el) {
            uint32_t cp = next_fold(&w);
            if (!cp)
                return ki == kn ? tk - t + 1 : 0;
            el = rasad_utf8_encode(cp, enc);
            ei = 0;
        }
        if (ki == kn) {                       /* on to the next token */
            if (++tk >= lim || tk >= d->ntok)
                return 0;
            k = d->keys + d->tok[tk].key;
            kn = d->tok[tk].nkey;
            ki = 0;
            if (kn == 0)
                return 0;
            continue;
        }
        if (enc[ei] != k[ki])
            return 0;
        ei++;
        ki++;
    }
}

size_t rasad__ev_phrase_before(const ev_doc *d, size_t lo, size_t t, const ev_word *list, size_t n)
{
    size_t got = 0;
    for (size_t k = 1; k <= 2 && k <= t - lo; k++)
        for (size_t i = 0; i < n; i++)
            if (rasad__ev_match(d, t - k, t, list[i].w) == k)
                got = k;
    return got;
}

int rasad__ev_longest(const ev_doc *d, size_t t, size_t lim, const void *list,
                      size_t stride, size_t nw, size_t *ntok)
{
    int best = -1;
    size_t bn = 0;
    for (size_t i = 0; i < nw; i++) {
        const char *w = *(const char *const *)((const char *)list + i * stride);
        size_t m = rasad__ev_match(d, t, lim, w);
        if (m > bn) {
            bn = m;
            best = (int)i;
        }
    }
    *ntok = bn;
    return best;
}

int rasad__ev_is(const ev_doc *d, size_t t, const char *w)
{
    return rasad__ev_match(d, t, t + 1, w) == 1;
}

size_t rasad__ev_mark_pos(const ev_doc *d, size_t t, unsigned mark, int last, size_t *after)
{
    size_t a = t ? d->tok[t - 1].end : 0, b = t < d->ntok ? d->tok[t].start : d->n;
    size_t found = last ? a : b, fa = found;
    for (size_t i = a; i < b;) {
        uint32_t cp;
        int bad;
        size_t l = rasad_utf8_decode(d->p + i, b - i, &cp, &bad);
        if (mark_of(cp, a, b, i) & mark) {
            found = i;
            fa = i + l;
            if (!last)
                break;
        }
        i += l;
    }
    if (after)
        *after = fa;
    return found;
}

void *rasad__ev_push(ev_doc *d, void **arr, size_t *n, size_t *cap, size_t elem)
{
    if (d->err)
        return NULL;
    char *a = rasad__grow(*arr, cap, *n + 1, elem, 16);
    if (!a) {
        d->err = RASAD_NOMEM;
        return NULL;
    }
    *arr = a;
    char *e = a + (*n)++ * elem;
    memset(e, 0, elem);
    return e;
}
