/* ner.h - the named-entity tagger: persons, locations, organisations,
 * dates, times, money and percentages, as BIO tags over tokens.
 *
 * The model is a first-order structured perceptron (averaged), decoded with
 * Viterbi over the BIO transitions (an I-X tag only after B-X or I-X). Its
 * features are hashed: normalized word forms (Arabic ي/ك, harakat, hamza
 * forms, digits and ZWNJ/space variants folded), affixes, shapes, the
 * neighbouring words, and membership in gazetteers (countries, provinces,
 * cities, languages, month and day names, generated at build time from
 * Debian's unicode-cldr-core and iso-codes) and a table of title words
 * (وزیر, سردار, حجت‌الاسلام ...), and a document memory: what the same
 * words were tagged in the sentences before and after (a document is read
 * in two passes: rasad_ner_doc_add). The model file format, the features,
 * the training data and command: docs/ner.md.
 *
 * A model (rasad_ner_model) is read-only once loaded and may be shared by
 * threads; a tagger (rasad_ner) holds the buffers of one thread. */
#ifndef RASAD_NER_H
#define RASAD_NER_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

/* Entity types; the tag of type T is B-T or I-T. */
#define RASAD_NER_TYPE_MAP(X) X(PER) X(LOC) X(ORG) X(DAT) X(TIM) X(MON) X(PCT)

enum rasad_ner_type {
    RASAD_NER_NONE = 0,
#define RASAD__NER_TYPE_ENUM(name) RASAD_NER_##name,
    RASAD_NER_TYPE_MAP(RASAD__NER_TYPE_ENUM)
#undef RASAD__NER_TYPE_ENUM
    RASAD_NER_NTYPES /* types + 1 */
};

/* Tags: 0 is O; type t has B = 2t-1 and I = 2t. */
#define RASAD_NER_NTAGS (2 * (RASAD_NER_NTYPES - 1) + 1)
#define RASAD_NER_B(type) ((uint8_t)(2 * (type) - 1))
#define RASAD_NER_I(type) ((uint8_t)(2 * (type)))
#define RASAD_NER_TAG_TYPE(tag) (((tag) + 1) / 2)
#define RASAD_NER_TAG_IS_I(tag) ((tag) != 0 && (tag) % 2 == 0)

/* Limits. A token longer than RASAD_NER_MAX_TOKEN bytes is seen through its
 * first RASAD_NER_MAX_TOKEN bytes; a sentence of more than
 * RASAD_NER_MAX_SENT tokens is tagged in pieces of that many tokens. */
#define RASAD_NER_MAX_TOKEN 256u
#define RASAD_NER_MAX_SENT 1024u
#define RASAD_NER_MAX_MODEL (64u << 20) /* bytes in a model file */

/* Returns the tag's name ("O", "B-PER", "I-ORG" ...), static; "O" for an
 * unknown value. */
RASAD_API const char *rasad_ner_tag_name(int tag);

/* Returns the type's name ("PER" ...), static; "" for RASAD_NER_NONE or an
 * unknown value. */
RASAD_API const char *rasad_ner_type_name(int type);

/* Parses a tag name p[0..n): "O", "B-PER", "I-LOC" ... (also with '_' for
 * '-'). Returns the tag, or -1 when it is not one. */
RASAD_API int rasad_ner_tag_parse(const char *p, size_t n);

/* ---- model ------------------------------------------------------------ */

typedef struct rasad_ner_model rasad_ner_model; /* opaque, read-only once made */

/* Reads and checks the model file at path. On RASAD_OK stores the model in
 * *out (caller frees with rasad_ner_model_free). Errors: RASAD_NOTFOUND (no
 * such file), RASAD_IO, RASAD_TOOBIG (larger than RASAD_NER_MAX_MODEL),
 * RASAD_PARSE (not a model, truncated or damaged: every size, offset, tag
 * and the checksum are checked), RASAD_UNSUPPORTED (a format version this
 * build does not read), RASAD_NOMEM; on failure *out is NULL. */
RASAD_API int rasad_ner_model_load(const char *path, rasad_ner_model **out) RASAD_WARN_UNUSED;

/* The same from the bytes p[0..n), which are copied (the caller keeps p).
 * Errors as rasad_ner_model_load, without NOTFOUND and IO. */
RASAD_API int rasad_ner_model_parse(const void *p, size_t n, rasad_ner_model **out) RASAD_WARN_UNUSED;

/* Frees m. rasad_ner_model_free(NULL) does nothing. */
RASAD_API void rasad_ner_model_free(rasad_ner_model *m);

/* Returns the number of features with weights in m. */
RASAD_API size_t rasad_ner_model_features(const rasad_ner_model *m);

/* ---- tagger ----------------------------------------------------------- */

typedef struct rasad_ner rasad_ner; /* opaque, reusable; one per thread */

/* Creates a tagger using model m, which must outlive it (the tagger keeps a
 * pointer, and frees nothing of m). Returns RASAD_OK and stores it in *out
 * (caller frees with rasad_ner_free), or RASAD_NOMEM with *out NULL. */
RASAD_API int rasad_ner_new(const rasad_ner_model *m, rasad_ner **out) RASAD_WARN_UNUSED;

/* Frees t (not its model). rasad_ner_free(NULL) does nothing. */
RASAD_API void rasad_ner_free(rasad_ner *t);

/* Forgets the document t was tagging (sentences waiting to be taken
 * included): the next sentence starts a new one. rasad_ner_reset(NULL)
 * does nothing. */
RASAD_API void rasad_ner_reset(rasad_ner *t);

/* ---- tagging a document: two passes ------------------------------------
 * The tagger reads a document's sentences twice (docs/ner.md). When a
 * sentence is added, it is tagged once with the document memory of what
 * the RASAD_NER_DOC_WINDOW sentences before it were tagged; its final tags
 * are made again once the RASAD_NER_DOC_WINDOW sentences after it were
 * added (or the document ends), with the memory of the first tags of the
 * sentences before AND after it, so that a name tagged in a full form
 * later («سرلشکر حسن فیروزآبادی») helps where it comes first alone. So the
 * tags of a sentence come out RASAD_NER_DOC_WINDOW sentences after it
 * went in; t holds at most the sentences waiting and the window before
 * them (their form hashes and scores, not their text). */
#define RASAD_NER_DOC_WINDOW 20

/* Adds the next sentence of the current document: n tokens, token i is
 * tok[i][0..len[i]) (any bytes, not NUL-terminated; an empty token is
 * allowed and has no word features; n may be 0). Reads tok and len only
 * during the call. Its tags come from rasad_ner_doc_next, sentences in the
 * order they were added. Returns RASAD_OK, or RASAD_NOMEM (nothing
 * added). */
RASAD_API int rasad_ner_doc_add(rasad_ner *t, const char *const *tok, const size_t *len,
                                size_t n) RASAD_WARN_UNUSED;

/* Takes the oldest sentence added and not yet taken, when its tags are
 * final: when RASAD_NER_DOC_WINDOW sentences were added after it, or at
 * once when flush is non-zero (the document ends, or the caller will wait
 * no longer: its tags then see only the sentences added so far). Writes
 * its tags (valid BIO: every I-X follows B-X or I-X) into tags[0..*n),
 * which the caller provides with room for cap tags; *n is its number of
 * tokens. Returns 1 when a sentence was taken, 0 when none is ready (*n
 * 0), RASAD_INVAL when cap is smaller than the sentence (nothing taken),
 * or RASAD_NOMEM when it was taken but could not be tagged (its *n tags
 * all O). Call it after each rasad_ner_doc_add until it returns 0, and
 * with flush at the end of the document, until it returns 0; then
 * rasad_ner_reset before another document. */
RASAD_API int rasad_ner_doc_next(rasad_ner *t, int flush, uint8_t *tags, size_t cap,
                                 size_t *n) RASAD_WARN_UNUSED;

/* Tags one sentence at once, as the next of the current document:
 * rasad_ner_doc_add then rasad_ner_doc_next with flush, so the sentence's
 * memory is the sentences tagged before it only (one pass). Tokens as
 * rasad_ner_doc_add takes them; writes n tags into tags, which the caller
 * provides. Call the sentences of one document in order, and
 * rasad_ner_reset between documents; the same sentences after the same
 * reset give the same tags. Returns RASAD_OK, RASAD_INVAL (sentences given
 * to rasad_ner_doc_add wait to be taken) or RASAD_NOMEM (tags then all
 * O). */
RASAD_API int rasad_ner_tag(rasad_ner *t, const char *const *tok, const size_t *len,
                            size_t n, uint8_t *tags) RASAD_WARN_UNUSED;

/* Receives one entity found in running text: its type and its byte span
 * [start, end) in the text given to rasad_ner_tag_text. Returning non-zero
 * stops; rasad_ner_tag_text then returns that value. */
typedef int (*rasad_ner_entity_fn)(void *ctx, int type, size_t start, size_t end);

/* Tags running text p[0..n) (any bytes; invalid UTF-8 is U+FFFD to the
 * features) as one document, in two passes (rasad_ner_doc_add): splits it
 * into sentences (rasad_sentence_split) and tokens (rasad_tokenize, plus
 * every punctuation mark between tokens as a token of its own, as in the
 * training data) and calls fn for each entity, in text order (a
 * sentence's entities once the sentences after it are read). Forgets the
 * document t was tagging before, and leaves t with none. Reads p only
 * during the call. Returns RASAD_OK, RASAD_NOMEM, a tokenizer error, or
 * fn's non-zero value. */
RASAD_API int rasad_ner_tag_text(rasad_ner *t, const char *p, size_t n,
                                 rasad_ner_entity_fn fn, void *ctx) RASAD_WARN_UNUSED;

/* ---- CoNLL input ------------------------------------------------------ */

/* What one line of CoNLL input is (rasad_ner_conll_line). */
enum rasad_ner_line {
    RASAD_NER_LINE_BLANK = 0,    /* empty or only white space: ends a sentence */
    RASAD_NER_LINE_TOKEN = 1,    /* a token */
    RASAD_NER_LINE_DOCSTART = 2, /* "-DOCSTART-" ...: ends a sentence, is not text */
};

/* Reads one line p[0..n) of CoNLL input (without its '\n'; any bytes).
 * Returns its enum rasad_ner_line; for a token, *tok_n is its length: the
 * token is p[0..*tok_n), the bytes before the first TAB (other columns,
 * such as a gold tag, are ignored), without a final CR. */
RASAD_API int rasad_ner_conll_line(const char *p, size_t n, size_t *tok_n);

/* ---- training --------------------------------------------------------- */

typedef struct rasad_ner_trainer rasad_ner_trainer; /* opaque */

typedef struct rasad_ner_train_opts {
    unsigned epochs;     /* passes over the data; 0 = 10 */
    unsigned min_count;  /* keep features seen at least this often; 0 = 1 */
    uint64_t seed;       /* order of the sentences in each pass; 0 = a constant */
    unsigned runs;       /* trainings (each with its own order, from seed) whose
                            weights are averaged; 0 = 1 */
} rasad_ner_train_opts;

/* Reports progress: epoch (from 1), errors (tokens whose predicted tag was
 * wrong in that pass) and tokens per pass. */
typedef void (*rasad_ner_progress_fn)(void *ctx, unsigned epoch, uint64_t errors,
                                      uint64_t tokens);

/* Creates an empty trainer; caller frees with rasad_ner_trainer_free.
 * Returns RASAD_OK or RASAD_NOMEM (*out NULL). */
RASAD_API int rasad_ner_trainer_new(rasad_ner_trainer **out) RASAD_WARN_UNUSED;

/* Frees tr. rasad_ner_trainer_free(NULL) does nothing. */
RASAD_API void rasad_ner_trainer_free(rasad_ner_trainer *tr);

/* Adds one sentence of n tokens (as rasad_ner_tag takes them) with its gold
 * tags[0..n) (each < RASAD_NER_NTAGS; an I-X that does not follow B-X or
 * I-X is taken as B-X). Everything is copied. A sentence longer than
 * RASAD_NER_MAX_SENT is cut into pieces. Returns RASAD_OK, RASAD_INVAL (a
 * tag out of range, or the trainer has already run: nothing added),
 * RASAD_NOMEM. */
RASAD_API int rasad_ner_trainer_add(rasad_ner_trainer *tr, const char *const *tok,
                                    const size_t *len, const uint8_t *tags,
                                    size_t n) RASAD_WARN_UNUSED;

/* Adds unlabeled running text p[0..n) (read only during the call), split
 * as rasad_ner_tag_text splits it. Its words (with those of the labeled
 * sentences) are clustered by how they are used, and the clusters are
 * features the model keeps (docs/ner.md). Returns RASAD_OK, RASAD_INVAL
 * (the trainer has already run), RASAD_NOMEM, or a tokenizer error. */
RASAD_API int rasad_ner_trainer_add_text(rasad_ner_trainer *tr, const char *p,
                                         size_t n) RASAD_WARN_UNUSED;

/* Trains on every sentence added, deterministically (the same sentences in
 * the same order and the same opts give the same bytes), and writes the
 * model file's bytes into *out, *out_n (caller frees *out with rasad_free).
 * progress may be NULL. A trainer runs once. Returns RASAD_OK, RASAD_INVAL
 * (no sentence added, or it has already run), RASAD_NOMEM (*out NULL). */
RASAD_API int rasad_ner_trainer_run(rasad_ner_trainer *tr, const rasad_ner_train_opts *opts,
                                    rasad_ner_progress_fn progress, void *ctx,
                                    char **out, size_t *out_n) RASAD_WARN_UNUSED;

#endif
