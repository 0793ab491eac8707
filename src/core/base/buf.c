/* buf.c - growable byte buffer with a hard cap. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/status.h"
#include "buf.h"

void rasad__buf_init(rasad_buf *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max ? max : (SIZE_MAX / 2);
}

void rasad__buf_release(rasad_buf *b)
{
    size_t max = b->max;
    rasad_free(b->p);
    rasad__buf_init(b, max);
}

int rasad__buf_reserve(rasad_buf *b, size_t n)
{
    if (b->err)
        return b->err;
    if (n > b->max - b->n) {
        b->err = RASAD_TOOBIG;
        return b->err;
    }
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = rasad_realloc(b->p, cap);
        if (!p) {
            b->err = RASAD_NOMEM;
            return b->err;
        }
        b->p = p;
        b->cap = cap;
    }
    return 0;
}

void rasad__buf_add(rasad_buf *b, const void *p, size_t n)
{
    if (rasad__buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void rasad__buf_addc(rasad_buf *b, char c) { rasad__buf_add(b, &c, 1); }

char *rasad__buf_detach(rasad_buf *b, size_t *n)
{
    char *p = b->p;
    if (n)
        *n = b->n;
    if (!p) {
        p = rasad_malloc(1);
        if (p)
            p[0] = '\0';
    }
    b->p = NULL;
    b->n = b->cap = 0;
    return p;
}

void *rasad__grow(void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
    size_t c = *cap ? *cap : (first ? first : 1);
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return NULL;
        c *= 2;
    }
    if (c == *cap)
        return p;
    if (elem && c > SIZE_MAX / elem)
        return NULL;
    void *np = rasad_realloc(p, c * elem);
    if (np)
        *cap = c;
    return np;
}
