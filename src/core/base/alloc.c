/* alloc.c - routes all allocation through one replaceable allocator. */
#include <stdlib.h>
#include "rasad/alloc.h"

static void *std_malloc(void *ud, size_t n) { (void)ud; return malloc(n); }
static void *std_realloc(void *ud, void *p, size_t n) { (void)ud; return realloc(p, n); }
static void std_free(void *ud, void *p) { (void)ud; free(p); }

static rasad_allocator g_alloc = { std_malloc, std_realloc, std_free, NULL };

void rasad_set_allocator(const rasad_allocator *a)
{
    static const rasad_allocator def = { std_malloc, std_realloc, std_free, NULL };
    g_alloc = a ? *a : def;
}

void *rasad_malloc(size_t n) { return g_alloc.malloc_fn(g_alloc.ud, n ? n : 1); }

void *rasad_realloc(void *p, size_t n)
{
    return g_alloc.realloc_fn(g_alloc.ud, p, n ? n : 1);
}

void rasad_free(void *p)
{
    if (p)
        g_alloc.free_fn(g_alloc.ud, p);
}
