/* minhash.c - the MinHash signature (n cheap permutations of the 64-bit
 * shingle hashes) and the LSH band keys. */
#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "rasad/alloc.h"
#include "dedup_internal.h"

/* splitmix64: the fixed stream the permutations are drawn from. */
static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int rasad__minhash_init(rasad__minhash *m, unsigned n)
{
    uint64_t seed = RASAD__SEED_MH;
    memset(m, 0, sizeof *m);
    m->a = rasad_malloc(n * sizeof *m->a);
    m->b = rasad_malloc(n * sizeof *m->b);
    if (!m->a || !m->b) {
        rasad__minhash_release(m);
        return RASAD_NOMEM;
    }
    m->n = n;
    for (unsigned i = 0; i < n; i++) {
        m->a[i] = splitmix(&seed) | 1u;
        m->b[i] = splitmix(&seed);
    }
    return RASAD_OK;
}

void rasad__minhash_release(rasad__minhash *m)
{
    rasad_free(m->a);
    rasad_free(m->b);
    memset(m, 0, sizeof *m);
}

void rasad__minhash_sign(const rasad__minhash *m, const uint64_t *sh, size_t nsh,
                         uint64_t *sig)
{
    const uint64_t *restrict a = m->a, *restrict b = m->b;
    unsigned n = m->n;
    for (unsigned i = 0; i < n; i++)
        sig[i] = UINT64_MAX;
    for (size_t s = 0; s < nsh; s++) {
        uint64_t x = sh[s];
        for (unsigned i = 0; i < n; i++) {
            uint64_t v = a[i] * x + b[i];
            sig[i] = v < sig[i] ? v : sig[i];
        }
    }
}

void rasad__band_keys(const uint64_t *sig, unsigned bands, unsigned rows, uint64_t *keys)
{
    uint64_t le[64];
    for (unsigned j = 0; j < bands; j++) {
        for (unsigned r = 0; r < rows; r++)
            le[r] = rasad__le64(sig[j * rows + r]);
        keys[j] = XXH3_64bits_withSeed(le, rows * sizeof le[0], j + 1u);
    }
}
