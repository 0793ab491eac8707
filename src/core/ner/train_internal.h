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
    ner_mgaz mg;        /* the gazetteer entries given (sorted and indexed by prepare) */
    size_t mgcap;
    uint8_t *docstart;  /* nsent flags: the sentence starts a document (memory reset) */
    size_t doccap;
    int next_doc;       /* the next sentence added starts a document */
    unsigned mem_epochs; /* document memory: epochs of the half models (0: no memory) */
    int prepared;       /* clusters and gazetteer made (prepare's first call) */
    size_t skip_lo, skip_hi; /* sentences learn leaves out (the held-out half) */
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

/* Computes the word clusters (first call) and the feature keys of every
 * sentence; pred (NULL: no memory) are tags for every token that fill the
 * document memory, sentence by sentence, as the tagger's own would. */
int rasad__ner_prepare(rasad_ner_trainer *tr, const uint8_t *pred);
/* Tags sentence s with the averaged weights w (memory keys as prepared);
 * sc holds RASAD_NER_MAX_SENT * NT scores, back as many bytes. */
void rasad__ner_decode(const rasad_ner_trainer *tr, const ner_weights *w, size_t s,
                       double *sc, uint8_t *back, uint8_t *pred);
/* The next sentence added starts a document (the memory forgets). */
void rasad__ner_trainer_doc_break(rasad_ner_trainer *tr);
/* Trains with the document memory: half models of epochs passes tag the
 * other half for the memory's training tags. For tools/ner_train.c. */
void rasad__ner_trainer_set_memory(rasad_ner_trainer *tr, unsigned epochs);

int rasad__ner_assign_ids(rasad_ner_trainer *tr, unsigned min_count, uint64_t **ids_key,
                          uint32_t *nfeat);
/* Runs the perceptron passes; fills w (w->em: caller frees with rasad_free). */
int rasad__ner_learn(rasad_ner_trainer *tr, const rasad_ner_train_opts *opts,
                     rasad_ner_progress_fn progress, void *ctx, ner_weights *w);
/* Quantizes w and writes the model file's bytes (caller frees *out). */
int rasad__ner_write(const ner_weights *w, const uint64_t *ids_key, const ner_clusters *cl,
                     const ner_mgaz *mg, char **out, size_t *out_n);
/* Adds the gazetteer entry p[0..n) (words separated by spaces) of class
 * cls (enum ner_mgaz_class) to the model's gazetteer; entries of more than
 * RASAD__NER_MGAZ_MAXLEN words or none are skipped. RASAD_OK, NOMEM or
 * INVAL (a bad class, or after training). For tools/ner_train.c. */
int rasad__ner_trainer_add_gaz(rasad_ner_trainer *tr, unsigned cls, const char *p, size_t n);

#endif
