/* lines.c - buffered reading over rasad__in: lines with a length cap, and
 * blocks of a known size (WARC). The buffer grows to the longest line or
 * block asked for, never to the whole input. */
#include <string.h>
#include "rasad/alloc.h"
#include "read_internal.h"

#define CHUNK ((size_t)64 << 10)

void rasad__br_init(rasad__br *b, rasad__in *in)
{
    memset(b, 0, sizeof *b);
    b->in = in;
}

void rasad__br_release(rasad__br *b)
{
    rasad_free(b->p);
    memset(b, 0, sizeof *b);
}

long rasad__br_fill(rasad__br *b, size_t want)
{
    if (b->err)
        return -1;
    while (b->end - b->beg < want && !b->eof) {
        size_t room;
        long k;
        if (b->beg > 0) {
            memmove(b->p, b->p + b->beg, b->end - b->beg);
            b->end -= b->beg;
            b->beg = 0;
        }
        if (b->cap - b->end < CHUNK) {
            size_t cap = b->cap ? b->cap : CHUNK;
            char *np;
            while (cap - b->end < CHUNK || cap < want)
                cap *= 2;
            np = rasad_realloc(b->p, cap);
            if (!np) {
                b->err = RASAD_NOMEM;
                return -1;
            }
            b->p = np;
            b->cap = cap;
        }
        room = b->cap - b->end;
        k = rasad__in_read(b->in, b->p + b->end, room);
        if (k < 0) {
            if (b->in->err && strcmp(b->in->err, "out of memory") == 0) {
                b->err = RASAD_NOMEM;
                return -1;
            }
            /* What came before the error is still read; then -1. */
            b->failed = 1;
            b->eof = 1;
            break;
        }
        if (k == 0)
            b->eof = 1;
        b->end += (size_t)k;
    }
    return (long)(b->end - b->beg);
}

static void consume(rasad__br *b, size_t n)
{
    b->beg += n;
    b->off += n;
}

int rasad__br_line(rasad__br *b, size_t max, const char **p, size_t *n,
                   uint64_t *off, int *toolong)
{
    size_t scanned = 0;

    *toolong = 0;
    *p = NULL;
    *n = 0;
    *off = b->off;
    for (;;) {
        size_t avail = b->end - b->beg;
        char *s = b->p ? b->p + b->beg : NULL;
        char *nl = avail > scanned ? memchr(s + scanned, '\n', avail - scanned) : NULL;
        if (nl) {
            size_t len = (size_t)(nl - s);
            if (*toolong) {
                consume(b, len + 1);
                return 1;
            }
            if (len > max) {
                *toolong = 1;
                consume(b, len + 1);
                return 1;
            }
            *p = s;
            *n = len > 0 && s[len - 1] == '\r' ? len - 1 : len;
            consume(b, len + 1);
            return 1;
        }
        if (b->eof) {
            if (b->failed)
                return -1;  /* the last line is cut short: not a line */
            if (avail == 0)
                return *toolong ? 1 : 0;
            if (*toolong || avail > max) {
                *toolong = 1;
                consume(b, avail);
                return 1;
            }
            *p = s;
            *n = s[avail - 1] == '\r' ? avail - 1 : avail;
            consume(b, avail);
            return 1;
        }
        if (avail > max) {
            /* Too long: drop what is buffered and keep looking for '\n'. */
            *toolong = 1;
            consume(b, avail);
            avail = 0;
        }
        scanned = avail;
        if (rasad__br_fill(b, avail + CHUNK) < 0)
            return -1;
    }
}

int rasad__br_take(rasad__br *b, size_t n, const char **p)
{
    long k = rasad__br_fill(b, n);
    if (k < 0)
        return -1;
    if ((size_t)k < n) {
        consume(b, (size_t)k);
        return b->failed ? -1 : 0;
    }
    *p = b->p ? b->p + b->beg : "";
    consume(b, n);
    return 1;
}

int rasad__br_skip(rasad__br *b, uint64_t n)
{
    while (n > 0) {
        size_t want = n > CHUNK ? CHUNK : (size_t)n;
        long k = rasad__br_fill(b, want);
        if (k < 0)
            return -1;
        if (k == 0)
            return b->failed ? -1 : 0;
        if ((size_t)k > want)
            k = (long)want;
        consume(b, (size_t)k);
        n -= (uint64_t)k;
    }
    return 1;
}

int rasad__read_all(rasad__rd *r, rasad__in *in, char **out, size_t *n)
{
    rasad_buf b;
    long k;

    *out = NULL;
    *n = 0;
    rasad__buf_init(&b, 0);
    for (;;) {
        /* Up to max bytes, then one more to tell "exactly max" from "more". */
        size_t want = b.n >= r->max ? 1 : r->max - b.n < CHUNK ? r->max - b.n : CHUNK;
        if (rasad__buf_reserve(&b, want) != 0) {
            rasad__buf_release(&b);
            return RASAD_NOMEM;
        }
        k = rasad__in_read(in, b.p + b.n, want);
        if (k <= 0)
            break;
        if (b.n >= r->max) {
            rasad__buf_release(&b);
            rasad__reject(r, 0, "file larger than max_record (%zu bytes)", r->max);
            return 1;
        }
        b.n += (size_t)k;
        b.p[b.n] = '\0';
    }
    if (k < 0) {
        rasad__buf_release(&b);
        if (in->err && strcmp(in->err, "out of memory") == 0)
            return RASAD_NOMEM;
        rasad__reject(r, 0, "%s", in->err ? in->err : "cannot read");
        return 1;
    }
    *out = rasad__buf_detach(&b, n);
    return *out ? 0 : RASAD_NOMEM;
}
