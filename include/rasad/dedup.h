/* dedup.h - exact and near-duplicate detection: a fingerprint of the
 * normalized token sequence, MinHash over word shingles, banded LSH and an
 * exact Jaccard check on the candidates.
 *
 * Documents are added one at a time; each is compared with the documents
 * added before it and gets its group: the id of the earliest document it
 * duplicates (the group's canonical), or its own id. The method, the
 * parameters and their arithmetic, and the memory per document:
 * docs/dedup.md. Everything is seeded with constants, so the same documents
 * in the same order give the same groups on every run and machine.
 *
 * Shingles: the text goes through rasad_tokenize (index form: Persian
 * letters, ASCII digits, hamza folded, ZWNJ repaired and restored), each
 * token is hashed (XXH3-64), and every run of k consecutive tokens is one
 * shingle, hashed (XXH3-64) from its k token hashes. A text of 1..k-1
 * tokens has exactly one shingle (all its tokens), so it is a near
 * duplicate only of the same token sequence. A text without tokens (empty,
 * only punctuation) has no shingles: it is never a duplicate, never a
 * canonical, and is not indexed. */
#ifndef RASAD_DEDUP_H
#define RASAD_DEDUP_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

#define RASAD_DEDUP_NONE UINT64_MAX /* "no document" in a result */

/* Defaults, used for the zero fields of rasad_dedup_opts (docs/dedup.md). */
#define RASAD_DEDUP_THRESHOLD 0.8 /* Jaccard at or above which two texts are near duplicates */
#define RASAD_DEDUP_K 5u          /* words per shingle */
#define RASAD_DEDUP_BANDS 20u     /* LSH bands */
#define RASAD_DEDUP_ROWS 5u       /* MinHash values per band (signature: bands * rows) */

/* Called for every indexed document whose exact Jaccard with the new one is
 * at or above the threshold (only when the near-duplicate lookup runs: see
 * index_all). new_id and old_id are caller ids. */
typedef void (*rasad_dedup_match_fn)(void *ud, uint64_t new_id, uint64_t old_id,
                                     double jaccard);

typedef struct rasad_dedup_opts {
    double threshold;           /* near-duplicate Jaccard, in (0, 1]; 0 = RASAD_DEDUP_THRESHOLD */
    unsigned k;                 /* words per shingle, 1..64; 0 = RASAD_DEDUP_K */
    unsigned bands;             /* LSH bands, 1..256; 0 = RASAD_DEDUP_BANDS */
    unsigned rows;              /* rows per band, 1..64; 0 = RASAD_DEDUP_ROWS */
    int index_all;              /* 0: index canonicals only (bounded by unique documents);
                                   1: index every document and always run the near lookup,
                                   so on_match sees every pair (for evaluation) */
    rasad_dedup_match_fn on_match; /* may be NULL */
    void *ud;                   /* passed to on_match */
} rasad_dedup_opts;

typedef struct rasad_dedup_result {
    uint64_t exact_of;  /* canonical of the same token sequence, or RASAD_DEDUP_NONE */
    uint64_t near_of;   /* canonical of the group of the best near match (set only when
                           exact_of is NONE), or RASAD_DEDUP_NONE */
    double jaccard;     /* 1 for an exact duplicate; the best match's Jaccard for a near one; else 0 */
    uint64_t group;     /* the group's canonical: exact_of, near_of, or the document's own id */
    uint64_t fingerprint; /* XXH3-64 of the normalized token sequence (0 when no tokens) */
    size_t tokens;      /* tokens in the text */
    size_t shingles;    /* distinct shingles */
    size_t candidates;  /* documents the LSH lookup proposed (each verified once) */
} rasad_dedup_result;

typedef struct rasad_dedup_stats {
    uint64_t added;      /* documents given to rasad_dedup_add* */
    uint64_t empty;      /* of which without tokens */
    uint64_t exact;      /* exact duplicates */
    uint64_t near;       /* near duplicates (not exact) */
    uint64_t indexed;    /* documents held in the index */
    uint64_t shingles;   /* shingle hashes held for verification */
    uint64_t candidates; /* candidates verified */
    uint64_t bytes;      /* memory held by the index (allocated capacity), bytes */
} rasad_dedup_stats;

typedef struct rasad_dedup rasad_dedup; /* opaque; one per thread */

/* Creates an empty index with opts (NULL: all defaults). Returns RASAD_OK
 * and stores it in *out (caller frees with rasad_dedup_free); RASAD_INVAL
 * for an option out of range, RASAD_NOMEM; on failure *out is NULL. */
RASAD_API int rasad_dedup_new(const rasad_dedup_opts *opts, rasad_dedup **out) RASAD_WARN_UNUSED;

/* Frees d and everything it holds. rasad_dedup_free(NULL) does nothing. */
RASAD_API void rasad_dedup_free(rasad_dedup *d);

/* Adds the text p[0..n) (any bytes; invalid UTF-8 is U+FFFD to the
 * tokenizer) under the caller's id and fills *res. An id need not be
 * unique, but results name documents by id only. A document that is not a
 * duplicate becomes a canonical and is indexed; a duplicate is indexed only
 * with index_all. Returns RASAD_OK, RASAD_TOOBIG (text larger than the
 * normalizer takes), RASAD_NOMEM; on error the index is unchanged and *res
 * is zeroed with exact_of, near_of as NONE and group = id. */
RASAD_API int rasad_dedup_add(rasad_dedup *d, uint64_t id, const char *p, size_t n,
                              rasad_dedup_result *res) RASAD_WARN_UNUSED;

/* The same as rasad_dedup_add for a document already reduced to its
 * fingerprint and its shingle set sh[0..nsh) (as rasad_dedup_shingles gives
 * them: sorted, distinct; nsh == 0 means no tokens). sh is read only during
 * the call. Used to time the MinHash + LSH + verification path alone.
 * Returns RASAD_OK, RASAD_INVAL (sh not sorted and distinct), RASAD_NOMEM. */
RASAD_API int rasad_dedup_add_shingles(rasad_dedup *d, uint64_t id, uint64_t fingerprint,
                                       const uint64_t *sh, size_t nsh,
                                       rasad_dedup_result *res) RASAD_WARN_UNUSED;

/* Computes the shingle set of p[0..n) without adding it: on RASAD_OK,
 * *sh[0..*nsh) are the sorted distinct shingle hashes and *fingerprint the
 * exact fingerprint (0 and no shingles when the text has no tokens). *sh is
 * owned by d and valid until the next call on d. Errors as rasad_dedup_add. */
RASAD_API int rasad_dedup_shingles(rasad_dedup *d, const char *p, size_t n,
                                   const uint64_t **sh, size_t *nsh,
                                   uint64_t *fingerprint) RASAD_WARN_UNUSED;

/* Computes the MinHash signature (bands * rows values) of the shingle set
 * sh[0..nsh) into sig, which the caller provides. Returns the number of
 * values written, or 0 when cap is too small or nsh == 0. */
RASAD_API size_t rasad_dedup_signature(const rasad_dedup *d, const uint64_t *sh, size_t nsh,
                                       uint64_t *sig, size_t cap);

/* Exact Jaccard of two sorted distinct sets (1 when both are empty). */
RASAD_API double rasad_dedup_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* Returns the counters and memory of d (owned by d, updated by every add). */
RASAD_API const rasad_dedup_stats *rasad_dedup_get_stats(const rasad_dedup *d);

/* Returns the options in force (defaults filled in), owned by d. */
RASAD_API const rasad_dedup_opts *rasad_dedup_get_opts(const rasad_dedup *d);

#endif
