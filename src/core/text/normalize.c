/* normalize.c - the normalizer object: runs the character pass, then the
 * ZWNJ planner, and keeps the offset map through both. */
#include <string.h>
#include "rasad/alloc.h"
#include "norm_internal.h"

int rasad__nout_reserve(rasad__nout *o, size_t more, int want_map)
{
    if (o->cap - o->n >= more + 1 && (!want_map || o->map))
        return RASAD_OK;
    size_t cap = o->cap ? o->cap : 256;
    while (cap - o->n < more + 1)
        cap *= 2;
    char *p = rasad_realloc(o->p, cap);
    if (!p)
        return RASAD_NOMEM;
    o->p = p;
    if (want_map) {
        uint32_t *m = rasad_realloc(o->map, (cap + 1) * sizeof *m);
        if (!m)
            return RASAD_NOMEM;
        o->map = m;
    }
    o->cap = cap;
    return RASAD_OK;
}

void rasad__nout_release(rasad__nout *o)
{
    rasad_free(o->p);
    rasad_free(o->map);
    memset(o, 0, sizeof *o);
}

int rasad_norm_new(unsigned flags, rasad_norm **out)
{
    rasad_norm *nm = rasad_malloc(sizeof *nm);
    *out = NULL;
    if (!nm)
        return RASAD_NOMEM;
    memset(nm, 0, sizeof *nm);
    nm->flags = flags;
    rasad__norm_fast_init(nm);
    *out = nm;
    return RASAD_OK;
}

void rasad_norm_free(rasad_norm *nm)
{
    if (!nm)
        return;
    rasad__nout_release(&nm->a);
    rasad__nout_release(&nm->b);
    rasad_free(nm->edits);
    rasad_free(nm->words);
    rasad__zwnj_cache_free(nm->zcache);
    rasad_free(nm);
}

const rasad_norm_stats *rasad_norm_get_stats(const rasad_norm *nm) { return &nm->stats; }

/* Copies a[from..to) into b, composing maps. */
static void copy_span(rasad__nout *b, const rasad__nout *a, size_t from, size_t to)
{
    memcpy(b->p + b->n, a->p + from, to - from);
    if (b->map)
        memcpy(b->map + b->n, a->map + from, (to - from) * sizeof *b->map);
    b->n += to - from;
}

static void put_zwnj(rasad__nout *b, uint32_t src)
{
    memcpy(b->p + b->n, "\xE2\x80\x8C", 3);
    if (b->map)
        b->map[b->n] = b->map[b->n + 1] = b->map[b->n + 2] = src;
    b->n += 3;
}

int rasad__norm_zwnj(rasad_norm *nm, int *changed)
{
    rasad__nout *a = &nm->a, *b = &nm->b;
    size_t line = 0;

    b->n = 0;
    *changed = 0; /* b is written only from the first line that has an edit */
    /* the planner's chunk cache, once this normalizer has planned enough
     * text for it to pay */
    if (!nm->zcache && nm->planned >= RASAD__ZC_AFTER)
        nm->zcache = rasad__zwnj_cache_new();   /* NULL: plan without it, try again later */
    nm->planned += a->n;
    /* Each edit adds at most 3 bytes for 1 (or 0) it replaces. */
    while (line <= a->n) {
        const char *nl = memchr(a->p + line, '\n', a->n - line);
        size_t end = nl ? (size_t)(nl - a->p) : a->n;
        size_t len = end - line, k, nedits, at = line;

        if (len + 1 > nm->edits_cap) {
            size_t cap = len + 1 > 1024 ? len + 1 : 1024;
            rasad__zwnj_edit *e = rasad_realloc(nm->edits, cap * sizeof *e);
            if (!e)
                return RASAD_NOMEM;
            nm->edits = e;
            nm->edits_cap = cap;
        }
        size_t *words = NULL, count = 0;
        if (nm->want_words && len) {
            /* room for the line's one-word chunks, two entries each: a chunk
             * is a letter (two bytes) or more and an ASCII byte follows it,
             * so len + 2 entries are enough */
            size_t need = 2 * nm->nwords + len + 2;
            if (need > nm->words_cap) {
                size_t cap = need > 2 * nm->words_cap ? need : 2 * nm->words_cap;
                size_t *w = rasad_realloc(nm->words, cap * sizeof *w);
                if (!w)
                    return RASAD_NOMEM;
                nm->words = w;
                nm->words_cap = cap;
            }
            words = nm->words + 2 * nm->nwords;
        }
        /* where the line starts in the result: nm->a up to the first edit,
         * then nm->b */
        size_t base = *changed ? b->n : line;
        nedits = len ? rasad__zwnj_plan_words(nm->zcache, a->p + line, len, nm->edits, words,
                                              base, &count)
                     : 0;
        nm->nwords += count;
        if (!*changed) {
            if (nedits == 0) {
                if (!nl)
                    break;
                line = end + 1;
                continue;
            }
            *changed = 1;
            if (rasad__nout_reserve(b, line, nm->want_map))
                return RASAD_NOMEM;
            copy_span(b, a, 0, line);
        }
        if (rasad__nout_reserve(b, len + 3 * nedits + 1, nm->want_map))
            return RASAD_NOMEM;
        for (k = 0; k < nedits; k++) {
            size_t pos = line + nm->edits[k].pos;
            uint32_t src = a->map ? a->map[pos] : 0;
            copy_span(b, a, at, pos);
            at = pos;
            switch (nm->edits[k].op) {
            case RASAD__ZW_INSERT:
                put_zwnj(b, src);
                nm->stats.zwnj_inserted++;
                break;
            case RASAD__ZW_SPACE_TO_ZWNJ:
                put_zwnj(b, src);
                nm->stats.zwnj_inserted++;
                at = pos + 1;
                break;
            case RASAD__ZW_SPACE_DROP:
                at = pos + 1;
                break;
            }
        }
        copy_span(b, a, at, end);
        if (!nl)
            break;
        copy_span(b, a, end, end + 1);
        line = end + 1;
    }
    if (!*changed)
        return RASAD_OK;
    if (b->map)
        b->map[b->n] = a->map[a->n];
    b->p[b->n] = '\0';
    return RASAD_OK;
}

int rasad_norm_run(rasad_norm *nm, const char *p, size_t n, const char **out,
                   size_t *out_n, const uint32_t **map)
{
    const rasad__nout *res;
    int rc;

    if (n >= UINT32_MAX)
        return RASAD_TOOBIG;
    nm->want_map = map != NULL;
    nm->nwords = 0;
    nm->words_ok = 0;
    if (!nm->want_map) {
        /* keep buffers, drop stale maps so no one reads them */
        rasad_free(nm->a.map);
        rasad_free(nm->b.map);
        nm->a.map = nm->b.map = NULL;
    }
    if ((rc = rasad__nout_reserve(&nm->a, 1, nm->want_map)) != RASAD_OK)
        return rc;
    if ((rc = rasad__norm_chars(nm, p, n)) != RASAD_OK)
        return rc;
    res = &nm->a;
    if (nm->flags & RASAD_NORM_ZWNJ_RESTORE) {
        if ((rc = rasad__nout_reserve(&nm->b, 1, nm->want_map)) != RASAD_OK)
            return rc;
        int changed;
        if ((rc = rasad__norm_zwnj(nm, &changed)) != RASAD_OK)
            return rc;
        nm->words_ok = nm->want_words;
        if (changed)
            res = &nm->b;
    }
    nm->stats.bytes_in += n;
    nm->stats.bytes_out += res->n;
    *out = res->p;
    *out_n = res->n;
    if (map)
        *map = res->map;
    return RASAD_OK;
}

int rasad_normalize(const char *p, size_t n, unsigned flags, char **out, size_t *out_n)
{
    rasad_norm *nm;
    const char *r;
    size_t rn;
    int rc;

    *out = NULL;
    if ((rc = rasad_norm_new(flags, &nm)) != RASAD_OK)
        return rc;
    rc = rasad_norm_run(nm, p, n, &r, &rn, NULL);
    if (rc == RASAD_OK) {
        *out = rasad_malloc(rn + 1);
        if (*out) {
            memcpy(*out, r, rn + 1);
            if (out_n)
                *out_n = rn;
        } else {
            rc = RASAD_NOMEM;
        }
    }
    rasad_norm_free(nm);
    return rc;
}
