/* tagger.h - the tagger's state, shared by tagger.c and text.c (internal). */
#ifndef RASAD_NER_TAGGER_H
#define RASAD_NER_TAGGER_H

#include "ner_internal.h"

struct rasad_ner {
    const rasad_ner_model *m;
    ner_fx *fx;
    double em[RASAD_NER_MAX_SENT * NT];      /* emission scores */
    uint8_t back[RASAD_NER_MAX_SENT * NT];   /* Viterbi back pointers */
    double score[2 * NT];
    ner_mem mem;              /* the sentences tagged last (memory.c) */
    /* running text (text.c) */
    rasad_tokenizer *tok;     /* made on first use */
    const char *text;         /* the text being tagged */
    size_t *start, *end;      /* token spans in text */
    const char **tp;          /* token pointers */
    size_t *tl;               /* token lengths */
    uint8_t *tags;
    size_t ntok, cap;
};

/* Frees the running-text buffers of t. */
void rasad__ner_text_release(rasad_ner *t);

#endif
