/* hash.h - the non-cryptographic hash the library's layers share
 * (internal to the library). */
#ifndef RASAD_HASH_H
#define RASAD_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The FNV-1a offset basis: where a fresh hash starts. */
#define RASAD__FNV_SEED 0xcbf29ce484222325ull

/* FNV-1a, 64 bits, of p[0..n), continued from h (RASAD__FNV_SEED to
 * start). Deterministic on every machine. */
uint64_t rasad__fnv1a(const void *p, size_t n, uint64_t h);

#endif
