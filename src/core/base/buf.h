/* buf.h - growable byte buffer with a hard cap (internal to the library).
 *
 * Sticky errors: once an append fails, b->err holds the status and every
 * later append does nothing, so a sequence of appends needs one check. */
#ifndef RASAD_BUF_H
#define RASAD_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct rasad_buf {
    char *p;      /* bytes, owned by the buffer; NUL-terminated when non-NULL */
    size_t n;     /* bytes used */
    size_t cap;   /* bytes allocated */
    size_t max;   /* hard limit on n; appends past it fail with RASAD_TOOBIG */
    int err;      /* first error (rasad_status), 0 while all is well */
} rasad_buf;

/* Embeds an empty buffer limited to max bytes (0 = SIZE_MAX / 2). */
void rasad__buf_init(rasad_buf *b, size_t max);
/* Frees the storage; the buffer is empty and usable again. */
void rasad__buf_release(rasad_buf *b);
/* Makes room for n more bytes; returns 0 or a status (also stored in err). */
int rasad__buf_reserve(rasad_buf *b, size_t n);
void rasad__buf_add(rasad_buf *b, const void *p, size_t n);
void rasad__buf_addc(rasad_buf *b, char c);
/* Hands the bytes to the caller (free with rasad_free); buffer becomes empty. */
char *rasad__buf_detach(rasad_buf *b, size_t *n);

/* Arrays that grow by doubling: makes room for need elements of elem
 * bytes in p (of *cap elements; first elements when *cap is 0). Returns
 * the (possibly moved) array and updates *cap, or NULL on overflow or
 * NOMEM, when p and *cap are unchanged. */
void *rasad__grow(void *p, size_t *cap, size_t need, size_t elem, size_t first);

#endif
