/* linetoks.c - tokens of each line's kept part, made once per article.
 *
 * The rules look at a line's kept part many times (learning, datelines,
 * furniture, measuring, repeats) and the text only changes when a cut
 * moves [ks, ke). Tokenizing is the costly step, so the tokens of the last
 * bytes tokenized for each line are kept in one store per article and
 * copied back when the same bytes are asked for again. Tokens depend only
 * on the bytes, so the copy is what tokenizing again would give. */
#include <string.h>
#include "rasad/alloc.h"
#include "clean_internal.h"

/* Appends a->tk to the store as line li's tokens of [s, e). */
static int store(rasad__article *a, rasad__line *L, size_t s, size_t e)
{
    const rasad__toks *t = &a->tk;
    if (a->capstore - a->nstore < t->n) {
        rasad__tok *v = rasad__grow(a->store, &a->capstore, a->nstore + t->n, sizeof *v, 256);
        if (!v)
            return RASAD_NOMEM;
        a->store = v;
    }
    size_t kfirst = a->store_key.n;
    rasad__buf_add(&a->store_key, t->key.p, t->key.n);
    if (a->store_key.err)
        return a->store_key.err;
    if (t->n)
        memcpy(a->store + a->nstore, t->v, t->n * sizeof *t->v);
    L->has_toks = 1;
    L->ts = s;
    L->te = e;
    L->tfirst = a->nstore;
    L->tn = t->n;
    L->kfirst = kfirst;
    L->kn = t->key.n;
    a->nstore += t->n;
    return 0;
}

/* Copies line li's stored tokens into a->tk. */
static int load(rasad__article *a, const rasad__line *L)
{
    rasad__toks *t = &a->tk;
    if (t->cap < L->tn) {
        rasad__tok *v = rasad_realloc(t->v, L->tn * sizeof *v);
        if (!v)
            return RASAD_NOMEM;
        t->v = v;
        t->cap = L->tn;
    }
    t->key.n = 0;
    rasad__buf_add(&t->key, a->store_key.p + L->kfirst, L->kn);
    if (t->key.err)
        return t->key.err;
    if (L->tn)
        memcpy(t->v, a->store + L->tfirst, L->tn * sizeof *t->v);
    t->n = L->tn;
    return 0;
}

int rasad__line_toks(rasad__article *a, size_t li)
{
    rasad__line *L = &a->lines[li];
    if (a->err)
        return a->err;
    int rc = 0;
    if (L->has_toks && L->ts == L->ks && L->te == L->ke) {
        if (!(a->tk_valid && a->tk_line == li))
            rc = load(a, L);
    } else {
        a->tk_valid = 0;
        rc = rasad__toks_run(a->c->tk, a->text + L->ks, L->ke - L->ks, &a->tk);
        if (!rc)
            rc = store(a, L, L->ks, L->ke);
    }
    a->tk_valid = !rc;
    a->tk_line = li;
    if (rc)
        a->err = rc;
    return rc;
}

void rasad__line_toks_release(rasad__article *a)
{
    rasad__spare *sp = &a->c->spare;
    if (!a->err && !a->store_key.err) {
        sp->store = a->store;
        sp->capstore = a->capstore;
        sp->store_key = a->store_key;
    } else {
        rasad_free(a->store);
        rasad__buf_release(&a->store_key);
    }
    a->store = NULL;
    a->nstore = a->capstore = 0;
    rasad__buf_init(&a->store_key, 0);
}
