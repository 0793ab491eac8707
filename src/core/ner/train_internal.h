/* train_internal.h - the trainer's state, shared by train.c, learn.c and
 * write.c (internal). */
#ifndef RASAD_NER_TRAIN_INTERNAL_H
#define RASAD_NER_TRAIN_INTERNAL_H

#include "ner_internal.h"

struct rasad_ner_trainer {
    ner_fx *fx;
    ner_form *form;     /* forms for the word stream */
    rasad_tokenizer *tk; /* for rasad_ner_trainer_add_text, made on first use */
    uint32_t *sent;     /* nsent + 1 token offsets: sentence s is [sent[s], sent[s+1]) */
    size_t nsent, sentcap;
    uint8_t *gold;      /* ntok gold tags */
    char *bytes;        /* the tokens' bytes, one after the other */
    size_t nbytes, bytecap;
    size_t *toff;       /* ntok + 1 offsets into bytes */
    size_t *kstart;     /* ntok + 1 offsets into keys / ids */
    size_t ntok, tokcap1, tokcap2, tokcap3;
    uint64_t *stream;   /* form hashes of every word seen (0 between sentences), for clusters */
    size_t nstream, streamcap;
    const char *text;   /* text being added by add_text */
    ner_clusters cl;
    uint64_t *keys;     /* feature keys of every token, until ids are assigned */
    uint32_t *ids;      /* the same as feature ids (UINT32_MAX: dropped) */
    size_t nkeys, keycap;
};

/* The learned weights, averaged, in float. */
typedef struct ner_weights {
    uint32_t nfeat;
    double *em;                 /* nfeat * NT */
    double start[NT], stop[NT], trans[NT * NT];
} ner_weights;

/* Computes the word clusters and the feature keys of every sentence. */
int rasad__ner_prepare(rasad_ner_trainer *tr);

int rasad__ner_assign_ids(rasad_ner_trainer *tr, unsigned min_count, uint64_t **ids_key,
                          uint32_t *nfeat);
/* Runs the perceptron passes; fills w (w->em: caller frees with rasad_free). */
int rasad__ner_learn(rasad_ner_trainer *tr, const rasad_ner_train_opts *opts,
                     rasad_ner_progress_fn progress, void *ctx, ner_weights *w);
/* Quantizes w and writes the model file's bytes (caller frees *out). */
int rasad__ner_write(const ner_weights *w, const uint64_t *ids_key, const ner_clusters *cl,
                     char **out, size_t *out_n);

#endif
