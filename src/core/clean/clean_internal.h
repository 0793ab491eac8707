/* clean_internal.h - what the cleaner's files share (internal to
 * src/core/clean): the token view of a piece of text, compiled phrase
 * tables, the cleaner object and the state of one article being cleaned.
 *
 * Every decision compares tokens, never raw bytes: a piece of text is
 * tokenized with the index normalization (letters, marks, spaces, ASCII
 * digits, punctuation, ZWNJ repair, folding) and each token's text is kept
 * without ZWNJ. The "compact key" is the token texts run together, so
 * «دیدگاه‌تان», «دیدگاه تان» and «ديدگاهتان» all give the same key. */
#ifndef RASAD_CLEAN_INTERNAL_H
#define RASAD_CLEAN_INTERNAL_H

#include "hash.h"
#include <stddef.h>
#include <stdint.h>
#include "rasad/clean.h"
#include "rasad/text.h"
#include "buf.h"

/* ---- thresholds (documented in docs/clean.md) -------------------------- */

#define RASAD__CLEAN_REPEAT_MAX_WORDS   20  /* longer lines are never REPEATED_SOURCE */
#define RASAD__CLEAN_SOURCE_MAX_LINES   (1u << 17) /* remembered lines per source */
#define RASAD__CLEAN_PREFIX_MAX_WORDS   16  /* a prefix furniture entry matches lines up to this long */
#define RASAD__CLEAN_LABEL_MAX_WORDS    12  /* a "label-like" line: no sentence end, at most this long */
#define RASAD__CLEAN_HEAD_MAX_WORDS      2  /* head label removed (unless it is the headline) */
#define RASAD__CLEAN_TAIL_MAX_WORDS      3  /* tail label removed */
#define RASAD__CLEAN_DUP_MIN_WORDS       5  /* shorter sentences are never duplicates */
#define RASAD__CLEAN_QUOTE_MIN_WORDS     8  /* words after "X گفت:" for a repeated quote */
#define RASAD__CLEAN_QUOTE_MAX_INTRO     6  /* words before the colon of such a sentence */
#define RASAD__CLEAN_ATTR_MAX_WORDS     12  /* words between "به گزارش" and its comma */

/* ---- tokens ------------------------------------------------------------- */

typedef struct rasad__tok {
    int kind;           /* RASAD_TOKEN_* */
    size_t key_off;     /* token text (normalized, no ZWNJ) in key.p */
    size_t key_len;
    size_t start, end;  /* byte span in the text that was tokenized */
    uint64_t h;         /* FNV-1a of the token text */
} rasad__tok;

typedef struct rasad__toks {
    rasad__tok *v;      /* tokens in text order */
    size_t n, cap;
    rasad_buf key;      /* the compact key: every token text run together */
} rasad__toks;

void rasad__toks_init(rasad__toks *t);
void rasad__toks_release(rasad__toks *t);

/* Tokenizes p[0..n) into t (emptied first). Returns 0 or a status. */
int rasad__toks_run(rasad_tokenizer *tk, const char *p, size_t n, rasad__toks *t);

/* Returns how many tokens, from token i on, spell exactly key[0..n) (a
 * compact key), or 0 when they do not. */
size_t rasad__toks_match(const rasad__toks *t, size_t i, const char *key, size_t n);

/* rasad__fnv1a() and RASAD__FNV_SEED: base's hash.h. */

/* ---- phrase tables ------------------------------------------------------ */

typedef struct rasad__phrase {
    char *key;          /* compact key of the phrase */
    size_t n;
    size_t row;         /* index of the row in its source table */
} rasad__phrase;

#define RASAD__PHRASE_BUCKETS 256    /* by the first two bytes of a key */

typedef struct rasad__phrases {
    rasad__phrase *v;   /* longest key first, so a match is the longest */
    size_t n;
    uint32_t *cand;     /* per bucket, indices in v (ascending) of the phrases */
    uint32_t off[RASAD__PHRASE_BUCKETS + 1]; /* whose key can be in it: cand[off[b], off[b+1]) */
} rasad__phrases;

/* Compiles count rows whose first member is a const char * phrase, stride
 * bytes apart, into out. Returns 0 or a status. */
int rasad__phrases_compile(rasad_tokenizer *tk, rasad__phrases *out,
                           const void *rows, size_t stride, size_t count);
void rasad__phrases_release(rasad__phrases *ph);

/* Indices in ph->v, in table order, of the only phrases that can be spelled
 * by tokens from i on (all others cannot); stores their count in *n. */
const uint32_t *rasad__phrases_cands(const rasad__phrases *ph, const rasad__toks *t,
                                     size_t i, size_t *n);

/* Longest phrase spelled by tokens from i on: returns its index in ph->v and
 * stores the tokens it covers in *ntok; -1 when none. */
long rasad__phrases_at(const rasad__phrases *ph, const rasad__toks *t, size_t i,
                       size_t *ntok);

/* ---- the cleaner -------------------------------------------------------- */

typedef struct rasad__source rasad__source;

/* An article's token buffers, handed to the next article so that cleaning
 * does not grow them again each time (clean.c). */
typedef struct rasad__spare {
    rasad__toks tk, tk2;
    rasad__tok *store;
    size_t capstore;
    rasad_buf store_key;
} rasad__spare;

struct rasad_cleaner {
    rasad_tokenizer *tk;        /* index-form tokenizer */
    rasad__phrases furniture;   /* furniture.c */
    rasad__phrases agencies;    /* agency.c: agency names */
    rasad__phrases press;       /* agency.c: press words (خبرگزاری، نیوز...) */
    rasad__phrases datewords;   /* dateline.c: months, weekdays, date words */
    rasad__phrases labels;      /* dateline.c: "کد خبر:", "منبع:"... */
    rasad__phrases endmarks;    /* dateline.c: انتهای پیام... */
    rasad__source **sources;    /* source_lines.c: one memory per source */
    size_t nsources, capsources;
    rasad__toks scratch;        /* for rasad_cleaner_is_repeated */
    rasad__spare spare;         /* buffers of the last article cleaned */
};

/* Table set-up, one per table file. Each returns 0 or a status. */
int rasad__furniture_compile(rasad_cleaner *c);
int rasad__agency_compile(rasad_cleaner *c);
int rasad__dateline_compile(rasad_cleaner *c);
void rasad__sources_free(rasad_cleaner *c);

/* ---- one article -------------------------------------------------------- */

typedef struct rasad__line {
    size_t start, end;  /* the line in the text, white space trimmed */
    size_t ks, ke;      /* what is still kept of it after leading/trailing cuts */
    size_t nwords;      /* tokens in [ks, ke) */
    int blank;          /* no visible character */
    int gone;           /* nothing of it is kept */
    int gone_reason;    /* reason of the cut that took the rest */
    int label;          /* label-like: no sentence end, at most LABEL_MAX_WORDS */
    int has_toks;       /* the article's token store holds tokens of [ts, te) */
    size_t ts, te;      /* bytes they were taken from */
    size_t tfirst, tn;  /* their tokens in rasad__article.store */
    size_t kfirst, kn;  /* their key in rasad__article.store_key */
} rasad__line;

typedef struct rasad__cutspan {
    size_t line;        /* index in lines[] */
    int reason;
    size_t start, end;  /* bytes of the text */
} rasad__cutspan;

typedef struct rasad__article {
    rasad_cleaner *c;
    const char *text;
    size_t n;
    rasad__line *lines;
    size_t nlines;
    rasad__cutspan *cuts;
    size_t ncuts, capcuts;
    rasad_clean_meta *meta;
    size_t nmeta, capmeta;
    rasad__toks tk;     /* tokens of a line's kept part (rasad__line_toks) */
    size_t tk_line;     /* tk holds the tokens stored for this line ... */
    int tk_valid;       /* ... when set */
    rasad__toks tk2;    /* a second view (a part of a line) */
    rasad__tok *store;  /* linetoks.c: tokens of every line, key_off into its key */
    size_t nstore, capstore;
    rasad_buf store_key; /* their keys, one run per stored line */
    int err;            /* first error; sticky */
} rasad__article;

/* Records that bytes [start, end) of line li leave the body for reason. */
void rasad__cut(rasad__article *a, size_t li, int reason, size_t start, size_t end);
/* Removes what is left of line li ([ks, ke)) for reason. */
void rasad__cut_rest(rasad__article *a, size_t li, int reason);
/* Adds key = value[0..n) (quotes dropped, white space trimmed). A key is
 * unique: a different later value is appended after "؛ ". */
void rasad__meta_add(rasad__article *a, const char *key, const char *value, size_t n);
int rasad__meta_has(const rasad__article *a, const char *key);
/* agency if no agency yet, else credit (unless it repeats the agency). */
void rasad__meta_attribution(rasad__article *a, const char *value, size_t n);

/* Puts in a->tk the tokens of line li's kept part [ks, ke), tokenizing it
 * only the first time these bytes are asked for (the rules ask again and
 * again while the line is not cut). Returns 0 or a status (also in a->err). */
int rasad__line_toks(rasad__article *a, size_t li);
/* Releases what is not handed back to the cleaner (all of it after an
 * error); the store goes back to c->spare otherwise. */
void rasad__line_toks_release(rasad__article *a);

/* 1 when rasad_sentence_split() surely gives p[0..n) as one sentence,
 * [0, n) itself (onesent.c); 0 when it may not. */
int rasad__one_sentence(const char *p, size_t n);

/* Recounts nwords and the label flag of line li's kept part. */
void rasad__line_measure(rasad__article *a, size_t li);
/* Length of the white space character (ASCII blank, NBSP, ZWNJ, ZWSP, LRM,
 * RLM, BOM, Unicode spaces) at p[0..n) / ending at p[n), or 0. */
size_t rasad__space_at(const char *p, size_t n);
size_t rasad__space_before(const char *p, size_t n);
/* 1 when p[0..n) ends like a sentence (. ! ? ؟ … : ؛ before closing quotes). */
int rasad__ends_sentence(const char *p, size_t n);

/* The rules, one per file. */
void rasad__dateline_line(rasad__article *a, size_t li);       /* dateline.c */
int rasad__furniture_line(rasad__article *a, size_t li);       /* furniture.c */
void rasad__structural(rasad__article *a);                     /* structural.c */
void rasad__repeats(rasad__article *a);                        /* repeats.c */

/* agency.c: an agency name (optionally after press words) at token i of t;
 * returns the tokens covered (0 when none) and the canonical name. */
size_t rasad__agency_at(const rasad_cleaner *c, const rasad__toks *t, size_t i,
                        const char **canon);
/* 1 when token i of t is a press word (خبرگزاری، نیوز، روزنامه...);
 * stores the tokens covered in *ntok. */
int rasad__press_at(const rasad_cleaner *c, const rasad__toks *t, size_t i, size_t *ntok);

/* ---- source memory (source_lines.c) ---- */

/* Finds the memory of source name (NULL when there is none yet); with
 * create, makes it (NULL only on NOMEM). */
rasad__source *rasad__source_get(rasad_cleaner *c, const char *name, int create);
void rasad__source_next_article(rasad__source *s);
/* Counts the line key[0..n) once for the current article of s and stores
 * in *count how many articles of s had it. Returns 0 or RASAD_NOMEM. */
int rasad__source_learn(rasad__source *s, const char *key, size_t n, uint32_t *count);
/* Articles of s that had the line key[0..n) (0 for s == NULL). */
uint32_t rasad__source_count(const rasad__source *s, const char *key, size_t n);

#endif
