/* ner_internal.h - what the files of src/core/ner share (internal). */
#ifndef RASAD_NER_INTERNAL_H
#define RASAD_NER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/ner.h"
#include "rasad/text.h"

#define NT RASAD_NER_NTAGS

/* The feature set's version: a model records the one it was trained with,
 * and a build reads only models of its own (features.c, gazetteer.c and
 * titles.c decide what a key means). */
#define RASAD__NER_FX_VERSION 7u

/* ---- gazetteer classes (gazetteer.c, titles.c, generated table) --------- */

enum ner_gaz_class {
    GAZ_COUNTRY = 0, /* countries and territories (CLDR, iso-codes) */
    GAZ_REGION,      /* continents and world regions (CLDR numeric territories) */
    GAZ_SUBDIV,      /* provinces and states (CLDR subdivisions) */
    GAZ_CITY,        /* cities (CLDR time-zone exemplar cities) */
    GAZ_LANG,        /* languages (CLDR) */
    GAZ_MONTH,       /* month names of the Persian, Gregorian and Islamic calendars */
    GAZ_DAY,         /* weekday names */
    GAZ_TITLE,       /* title words before names (titles.c) */
    GAZ_ORGWORD,     /* words that head organisation names (titles.c) */
    GAZ_NCLASSES
};

typedef struct ner_gaz_entry {
    const char *name;    /* UTF-8, NUL-terminated, words separated by spaces */
    unsigned char cls;   /* enum ner_gaz_class */
} ner_gaz_entry;

/* The generated table (build/generated/ner_gazetteer.c, from Debian's
 * unicode-cldr-core and iso-codes by tools/gen_ner_gazetteer.py). */
extern const ner_gaz_entry rasad__ner_gaz[];
extern const size_t rasad__ner_ngaz;
/* The hand-written tables (titles.c). */
extern const ner_gaz_entry rasad__ner_titles[];
extern const size_t rasad__ner_ntitles;

/* ---- word forms (form.c) --------------------------------------------------- */

typedef struct ner_form ner_form; /* a normalizer and its buffer */

int rasad__ner_form_new(ner_form **out);
void rasad__ner_form_free(ner_form *f);
/* The form features see of p[0..n): normalized (Persian letters, no marks,
 * ASCII digits, hamza folded, ASCII lowercase), ZWNJ, ZWJ and white space
 * dropped, at most RASAD_NER_MAX_TOKEN input bytes. Stores a pointer owned
 * by f (valid until the next call) in *out. Returns RASAD_OK or NOMEM. */
int rasad__ner_form(ner_form *f, const char *p, size_t n, const char **out, size_t *out_n);

/* ---- gazetteer matcher (gazetteer.c) --------------------------------------- */

typedef struct ner_gaz ner_gaz;

/* Builds the matcher from both tables, every entry through f. */
int rasad__ner_gaz_new(ner_form *f, ner_gaz **out);
void rasad__ner_gaz_free(ner_gaz *g);
/* For the sentence of n form hashes h[0..n), ORs into bits[i] for each
 * entry covering token i: 1 << (2*cls) at its first token, 1 << (2*cls+1)
 * at the others. bits is zeroed first. */
void rasad__ner_gaz_match(const ner_gaz *g, const uint64_t *h, size_t n, uint32_t *bits);
/* The hash of a sequence of forms, as the matcher uses it. */
uint64_t rasad__ner_hash_form(const char *p, size_t n);
/* The sequence hash of an entry p[0..n) (words separated by spaces, each
 * through f) in *h and its number of words in *words. RASAD_OK or NOMEM. */
int rasad__ner_gaz_seq(ner_form *f, const char *p, size_t n, uint64_t *h, size_t *words);
/* The sequence hash of the one-word entry of form hash word. */
uint64_t rasad__ner_gaz_word_seq(uint64_t word);
/* Builds a matcher from n (sequence hash, class mask) pairs whose longest
 * entry has maxlen words (the model's gazetteer). */
int rasad__ner_gaz_from(const uint64_t *h, const uint8_t *mask, size_t n, size_t maxlen,
                        ner_gaz **out);
/* The class mask of the one-word entry of form hash word (0: none; g may be
 * NULL). */
uint32_t rasad__ner_gaz_word(const ner_gaz *g, uint64_t word);

/* ---- the model's gazetteer ---------------------------------------------------
 * Lists given at training time (tools/ner_train.sh: Persian given names,
 * Iran's provinces and cities) stored in the model as hashed sequences of
 * forms with a class mask, so tagging reads no data file. */

enum ner_mgaz_class {
    MGAZ_NAME = 0,   /* Persian given names */
    MGAZ_PROVINCE,   /* Iran's provinces */
    MGAZ_CITY,       /* Iran's cities */
    MGAZ_NAMEF,      /* given names frequent in the training text (set by the
                        trainer in place of MGAZ_NAME: many are also words) */
    MGAZ_NCLASSES
};
#define RASAD__NER_MGAZ_MAXLEN 6 /* words in an entry, at most */

typedef struct ner_mgaz {
    size_t n;         /* entries */
    uint64_t *hash;   /* n sequence hashes, strictly increasing */
    uint8_t *mask;    /* n class masks, each non-zero, < 1 << MGAZ_NCLASSES */
    unsigned maxlen;  /* words in the longest entry (0 when n is 0) */
    ner_gaz *g;       /* matcher over them (NULL when n is 0) */
} ner_mgaz;

/* Builds m->g from m's arrays. */
int rasad__ner_mgaz_index(ner_mgaz *m);
/* Frees m's arrays and matcher; leaves m empty. */
void rasad__ner_mgaz_release(ner_mgaz *m);

/* ---- word clusters (cluster.c) ------------------------------------------- */

#define RASAD__NER_NLEV 3 /* cluster granularities, coarse to fine */

typedef struct ner_clusters {
    size_t n;        /* words */
    uint64_t *hash;  /* n form hashes, increasing */
    uint16_t *c[RASAD__NER_NLEV]; /* each word's cluster at each granularity */
    uint32_t *slot;  /* hash index: word + 1, or 0; mask + 1 slots */
    uint64_t mask;
} ner_clusters;

/* Clusters the words of stream[0..n) (form hashes; 0 between sentences).
 * Fills *out (release with rasad__ner_clusters_release); with too little
 * text, out->n is 0. */
int rasad__ner_clusters_build(const uint64_t *stream, size_t n, ner_clusters *out);
/* Builds the hash index of c from its sorted arrays. */
int rasad__ner_clusters_index(ner_clusters *c);
/* 1 and cl[0..RASAD__NER_NLEV) when the word of form hash h has clusters,
 * else 0. */
int rasad__ner_cluster_of(const ner_clusters *c, uint64_t h, unsigned *cl);
void rasad__ner_clusters_release(ner_clusters *c);

/* ---- document memory (memory.c) ------------------------------------------- */

#define RASAD__NER_MEM_SENT RASAD_NER_DOC_WINDOW /* sentences remembered on each side */

/* How often each word form, and each form beside a given next or previous
 * form, had each tag in a set of sentences. */
typedef struct ner_cmap {
    uint64_t *key;   /* form hashes (0 stored as 1); 0: an empty slot */
    uint16_t *cnt;   /* NT counts per slot */
    size_t mask;     /* slots - 1 (no slots while key is NULL) */
    size_t used;     /* slots in use, forms whose counts fell to 0 included */
} ner_cmap;

/* What the memory says of one token. */
typedef struct ner_memtok {
    uint32_t past;   /* the tags (1 << tag) its form had in the sentences before */
    uint32_t fut;    /* ... and in the sentences after */
    uint32_t bl;     /* the tags its form had (before or after) followed by the same
                        next form */
    uint32_t br;     /* ... and after the same previous form */
} ner_memtok;

/* An empty map is all zeros (no allocation). Release frees it (and leaves
 * it empty); clear forgets every form and keeps the table. */
void rasad__ner_cmap_release(ner_cmap *m);
void rasad__ner_cmap_clear(ner_cmap *m);
/* Adds (sign > 0) or takes away (sign < 0) a sentence of n form hashes wh
 * and their tags: n forms and 2 (n - 1) pairs of neighbouring forms (each
 * pair twice: with the tag of its first form and of its second). Taking
 * away what was added never fails. RASAD_OK or NOMEM. */
int rasad__ner_cmap_add(ner_cmap *m, const uint64_t *wh, const uint8_t *tags, size_t n,
                        int sign);
/* Makes room for the sentences of extra more tokens, so that adding them
 * does not fail. RASAD_OK or NOMEM. */
int rasad__ner_cmap_reserve(ner_cmap *m, size_t extra);
/* For the n form hashes wh, what the maps of the sentences before and after
 * (either may be NULL) say of each (out[0..n)). */
void rasad__ner_mem_look(const ner_cmap *before, const ner_cmap *after, const uint64_t *wh,
                         size_t n, ner_memtok *out);

/* ---- splitting running text (text.c) -------------------------------------- */

typedef struct ner_split_fns {
    int (*token)(void *ctx, size_t start, size_t end); /* a token p[start..end) */
    int (*sentence)(void *ctx);                         /* the sentence's tokens are done */
} ner_split_fns;

/* Splits p[0..n) into sentences and tokens (the tokenizer's tokens and each
 * punctuation mark between them) and calls fns for each; a non-zero return
 * stops and is returned. */
int rasad__ner_split(rasad_tokenizer *tk, const char *p, size_t n, const ner_split_fns *fns,
                     void *ctx);

/* ---- features (features.c) ------------------------------------------------ */

typedef struct ner_fx ner_fx;

/* Makes the extractor use word clusters c (NULL: none); c must outlive fx. */
void rasad__ner_fx_set_clusters(ner_fx *fx, const ner_clusters *c);
/* Makes the extractor use the model's gazetteer g (NULL: none); g must
 * outlive fx. */
void rasad__ner_fx_set_mgaz(ner_fx *fx, const ner_mgaz *g);

int rasad__ner_fx_new(ner_fx **out);
void rasad__ner_fx_free(ner_fx *fx);
/* Computes the feature keys of every token of the sentence tok/len[0..n)
 * (n <= RASAD_NER_MAX_SENT), all but the document memory's. Returns
 * RASAD_OK or NOMEM. */
int rasad__ner_fx_run(ner_fx *fx, const char *const *tok, const size_t *len, size_t n);
/* The form hashes of the sentence of the last rasad__ner_fx_run, owned by
 * fx (for the document memory). */
const uint64_t *rasad__ner_fx_forms(const ner_fx *fx);
/* The document memory's keys of token i of a sentence of n tokens whose
 * memory is mt[0..n): at most RASAD__NER_MEM_KEYS written into keys;
 * returns how many. */
#define RASAD__NER_MEM_KEYS 24
size_t rasad__ner_mem_keys(const ner_memtok *mt, size_t n, size_t i, uint64_t *keys);
/* The keys of token i after rasad__ner_fx_run: *nk of them. Owned by fx. */
const uint64_t *rasad__ner_fx_keys(const ner_fx *fx, size_t i, size_t *nk);

/* ---- decoding (viterbi.c) ------------------------------------------------- */

/* 1 when tag cur may follow prev (prev == NT: the sentence start). */
int rasad__ner_allowed(unsigned prev, unsigned cur);
/* Best allowed tag sequence for n tokens: em[i*NT + t] is token i's score
 * for tag t, start[t], stop[t] and trans[p*NT + t] the transition scores.
 * back must hold n*NT entries, score 2*NT. Writes tags[0..n). */
void rasad__ner_viterbi(const double *em, const double *start, const double *stop,
                        const double *trans, size_t n, uint8_t *back, double *score,
                        uint8_t *tags);

/* ---- the model (model.c) --------------------------------------------------- */

typedef struct ner_slot {
    uint64_t key;
    uint32_t feat;       /* feature + 1, or 0 for an empty slot */
} ner_slot;

struct rasad_ner_model {
    uint32_t nfeat;      /* features */
    uint32_t npairs;     /* (tag, weight) pairs */
    uint64_t *keys;      /* nfeat keys, increasing */
    uint32_t *off;       /* nfeat + 1: pairs of feature f are [off[f], off[f+1]) */
    uint8_t *ptag;       /* npairs tags */
    int16_t *pw;         /* npairs weights */
    ner_slot *slot;      /* hash index, mask + 1 slots: the key beside its feature, so
                            a probe reads one cache line (most probes miss) */
    uint64_t mask;
    ner_clusters cl;     /* word clusters */
    ner_mgaz mg;         /* the model's gazetteer */
    double unit;         /* what one weight step is worth */
    double start[NT], stop[NT], trans[NT * NT]; /* transition weights (scaled) */
};

/* Returns the feature index of key in m, or UINT32_MAX. */
uint32_t rasad__ner_model_find(const rasad_ner_model *m, uint64_t key);

/* The file format (model.c reads it, train.c writes it): docs/ner.md. */
#define RASAD__NER_MAGIC "RASADNER"
#define RASAD__NER_VERSION 3u
#define RASAD__NER_HEADER 40u

/* Little-endian byte helpers. */
static inline void ner_put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static inline void ner_put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static inline uint32_t ner_get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t ner_get64(const unsigned char *p)
{
    return (uint64_t)ner_get32(p) | (uint64_t)ner_get32(p + 4) << 32;
}

/* A 64-bit mix (splitmix64's finalizer), to combine feature hashes. */
static inline uint64_t ner_mix(uint64_t a, uint64_t b)
{
    uint64_t z = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

#endif
