/* hash.c - FNV-1a, 64 bits. */
#include "hash.h"

uint64_t rasad__fnv1a(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}
