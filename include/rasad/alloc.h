/* alloc.h - the one allocator every part of rasad goes through.
 *
 * By default it is malloc/realloc/free. A program (or a fault test) may
 * install its own functions once, before any other rasad call. */
#ifndef RASAD_ALLOC_H
#define RASAD_ALLOC_H

#include <stddef.h>
#include "rasad/export.h"

typedef struct rasad_allocator {
    void *(*malloc_fn)(void *ud, size_t n);           /* like malloc */
    void *(*realloc_fn)(void *ud, void *p, size_t n); /* like realloc */
    void (*free_fn)(void *ud, void *p);               /* like free; p may be NULL */
    void *ud;                                         /* passed to all three */
} rasad_allocator;

/* Installs a (copied) allocator; NULL restores the default. Not thread-safe:
 * call it before any other rasad function. */
RASAD_API void rasad_set_allocator(const rasad_allocator *a);

/* Allocation entry points. Returned memory is owned by the caller and is
 * released with rasad_free(). They return NULL on failure (and for n == 0
 * they return a unique pointer, never NULL). rasad_free(NULL) does nothing. */
RASAD_API void *rasad_malloc(size_t n);
RASAD_API void *rasad_realloc(void *p, size_t n);
RASAD_API void rasad_free(void *p);

#endif
