/* tagger.h - the tagger's state, shared by tagger.c and text.c (internal). */
#ifndef RASAD_NER_TAGGER_H
#define RASAD_NER_TAGGER_H

#include "ner_internal.h"

/* One sentence of the document being tagged (a piece of at most
 * RASAD_NER_MAX_SENT tokens of the caller's sentence). */
typedef struct ner_dsent {
    size_t off;      /* its first token in the token store */
    uint32_t n;      /* tokens */
    uint32_t whole;  /* tokens of the caller's sentence, in its first piece; else 0 */
    uint8_t last;    /* the last piece of the caller's sentence */
    uint8_t failed;  /* its features could not be computed (tags all O) */
} ner_dsent;

struct rasad_ner {
    const rasad_ner_model *m;
    ner_fx *fx;
    double em[RASAD_NER_MAX_SENT * NT];      /* emission scores */
    uint8_t back[RASAD_NER_MAX_SENT * NT];   /* Viterbi back pointers */
    double score[2 * NT];
    ner_memtok mt[RASAD_NER_MAX_SENT];       /* the memory of each token of a sentence */
    /* the document (tagger.c): sentences numbered from 0 at rasad_ner_reset,
     * kept from first (at most next - RASAD__NER_MEM_SENT, which the maps
     * still need) to added - 1; next .. added - 1 wait for their second pass */
    uint64_t *wh;             /* token store: form hashes */
    uint8_t *tag1;            /* first-pass tags */
    int32_t *acc;             /* NT scores without the memory's, in weight units */
    size_t ntok, tokcap;      /* tokens in the store */
    ner_dsent *ds;            /* sentences first .. added - 1 */
    size_t nds, dscap;
    size_t first, next, added; /* sentence numbers: oldest kept, next to take, next added */
    ner_cmap mem1;            /* first-pass tags of the sentences before added */
    ner_cmap before, after;   /* ... of those before and after next */
    /* running text (text.c) */
    rasad_tokenizer *tok;     /* made on first use */
    const char *text;         /* the text being tagged */
    size_t *start, *end;      /* token spans in text */
    const char **tp;          /* token pointers */
    size_t *tl;               /* token lengths */
    uint8_t *tags;
    size_t ntok_text, done, cap;
};

/* Frees the running-text buffers of t. */
void rasad__ner_text_release(rasad_ner *t);
/* Frees the document store of t. */
void rasad__ner_doc_release(rasad_ner *t);

#endif
