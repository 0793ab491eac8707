/* pool.c - the shingle sets of indexed documents, copied into blocks that
 * never move (no realloc spike as it grows): the first holds 4 Ki values,
 * each next one twice the last, up to 1 Mi values (8 MiB). */
#include <string.h>
#include "buf.h"
#include "rasad/alloc.h"
#include "dedup_internal.h"

#define FIRST_VALUES (1u << 12)
#define BLOCK_VALUES (1u << 20)

void rasad__pool_release(rasad__pool *p)
{
    for (size_t i = 0; i < p->nblk; i++)
        rasad_free(p->blk[i].v);
    rasad_free(p->blk);
    memset(p, 0, sizeof *p);
}

int rasad__pool_reserve(rasad__pool *p, size_t n)
{
    rasad__pool_block *b = p->nblk ? &p->blk[p->nblk - 1] : NULL;
    size_t cap;
    if (b && b->cap - b->used >= n)
        return RASAD_OK;
    if (p->nblk == p->blkcap) {
        rasad__pool_block *nb = rasad__grow(p->blk, &p->blkcap, p->nblk + 1, sizeof *nb, 16);
        if (!nb)
            return RASAD_NOMEM;
        p->blk = nb;
    }
    cap = b ? 2 * b->cap : FIRST_VALUES;
    if (cap > BLOCK_VALUES)
        cap = BLOCK_VALUES;
    if (cap < n)
        cap = n;
    b = &p->blk[p->nblk];
    b->v = rasad_malloc(cap * sizeof *b->v);
    if (!b->v)
        return RASAD_NOMEM;
    b->used = 0;
    b->cap = cap;
    p->nblk++;
    p->bytes += cap * sizeof *b->v;
    return RASAD_OK;
}

const uint64_t *rasad__pool_add(rasad__pool *p, const uint64_t *v, size_t n)
{
    rasad__pool_block *b = &p->blk[p->nblk - 1];
    uint64_t *at = b->v + b->used;
    memcpy(at, v, n * sizeof *v);
    b->used += n;
    return at;
}
