/* dedup_internal.h - the parts of src/core/dedup, shared only inside it. */
#ifndef RASAD_DEDUP_INTERNAL_H
#define RASAD_DEDUP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/dedup.h"
#include "rasad/text.h"

/* Fixed seeds: the same text hashes the same on every run and machine. */
#define RASAD__SEED_FP 0x6661737361726431ull  /* exact fingerprint */
#define RASAD__SEED_SH 0x6873696e676c6531ull  /* shingles */
#define RASAD__SEED_MH 0x7261736164646564ull  /* MinHash permutations */

/* Little-endian form of x, so hashes of hash arrays agree across machines. */
static inline uint64_t rasad__le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(x);
#else
    return x;
#endif
}

/* ---- shingle.c: text -> token hashes -> fingerprint and shingle set ---- */
typedef struct rasad__shingler {
    rasad_tokenizer *tok; /* index-form tokenizer, owned */
    unsigned k;           /* words per shingle */
    uint64_t *th;         /* token hashes (little-endian), th[0..nth) */
    size_t nth, thcap;
    uint64_t *sh;         /* shingle set, sorted and distinct, sh[0..nsh) */
    size_t nsh, shcap;
} rasad__shingler;

int rasad__shingler_init(rasad__shingler *s, unsigned k);
void rasad__shingler_release(rasad__shingler *s);
/* Tokenizes p[0..n) and fills s->sh/s->nsh; *fp is the fingerprint (0 when
 * there is no token, never 0 otherwise). */
int rasad__shingler_run(rasad__shingler *s, const char *p, size_t n, uint64_t *fp);
/* Sorts v[0..n) ascending and removes repeats; returns the new count. */
size_t rasad__sort_unique(uint64_t *v, size_t n);

/* ---- minhash.c: n permutations x -> a*x + b (mod 2^64), a odd ---------- */
typedef struct rasad__minhash {
    uint64_t *a, *b; /* n multipliers (odd) and offsets, from a fixed seed */
    unsigned n;
} rasad__minhash;

int rasad__minhash_init(rasad__minhash *m, unsigned n);
void rasad__minhash_release(rasad__minhash *m);
/* sig[0..m->n) = min over sh[0..nsh) of each permutation; nsh > 0. */
void rasad__minhash_sign(const rasad__minhash *m, const uint64_t *sh, size_t nsh,
                         uint64_t *sig);
/* keys[j] = XXH3-64 of sig[j*rows .. (j+1)*rows), seeded by the band j. */
void rasad__band_keys(const uint64_t *sig, unsigned bands, unsigned rows, uint64_t *keys);

/* ---- lsh.c: band key -> chain of documents ------------------------------ */
typedef struct rasad__lsh {
    uint64_t *slot;   /* (key >> 32) << 32 | (head doc + 1); 0 = empty */
    size_t cap, used; /* slots (power of two), slots in use */
    uint32_t *next;   /* next[doc * bands + j]: the previous doc + 1 with that band key, 0 = end */
    size_t ndocs, nextcap; /* docs indexed, docs next[] has room for */
    unsigned bands;
} rasad__lsh;

void rasad__lsh_init(rasad__lsh *l, unsigned bands);
void rasad__lsh_release(rasad__lsh *l);
/* Makes room for one more document (so rasad__lsh_insert cannot fail). */
int rasad__lsh_reserve(rasad__lsh *l);
/* Indexes the next document (number l->ndocs) under its band keys. */
void rasad__lsh_insert(rasad__lsh *l, const uint64_t *keys);
/* Calls fn(ctx, doc) for every document sharing a band key with keys (a
 * document may come more than once: once per shared band). */
void rasad__lsh_each(const rasad__lsh *l, const uint64_t *keys,
                     void (*fn)(void *ctx, uint32_t doc), void *ctx);
size_t rasad__lsh_bytes(const rasad__lsh *l);

/* ---- fptab.c: exact fingerprint -> canonical id -------------------------- */
typedef struct rasad__fptab {
    uint64_t *key;    /* fingerprint, 0 = empty */
    uint64_t *val;    /* canonical id */
    size_t cap, used;
} rasad__fptab;

void rasad__fptab_release(rasad__fptab *t);
/* Returns 1 and sets *val when fp is present, else 0. */
int rasad__fptab_get(const rasad__fptab *t, uint64_t fp, uint64_t *val);
int rasad__fptab_reserve(rasad__fptab *t);
/* Adds fp -> val (fp not present, room reserved). */
void rasad__fptab_put(rasad__fptab *t, uint64_t fp, uint64_t val);

/* ---- pool.c: the shingle sets of indexed documents ---------------------- */
typedef struct rasad__pool_block {
    uint64_t *v;
    size_t used, cap;
} rasad__pool_block;

typedef struct rasad__pool {
    rasad__pool_block *blk;
    size_t nblk, blkcap;
    uint64_t bytes;   /* allocated by the blocks */
} rasad__pool;

void rasad__pool_release(rasad__pool *p);
/* Makes room for n values; then rasad__pool_add cannot fail. */
int rasad__pool_reserve(rasad__pool *p, size_t n);
/* Copies v[0..n) into the pool; returns where (stable until release). */
const uint64_t *rasad__pool_add(rasad__pool *p, const uint64_t *v, size_t n);

#endif
