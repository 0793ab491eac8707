/* entity_internal.h - shared by the files of src/core/entity. */
#ifndef RASAD_ENTITY_INTERNAL_H
#define RASAD_ENTITY_INTERNAL_H

#include <stddef.h>
#include "rasad/entity.h"
#include "rasad/text.h"

enum { ENT_TOKENS_MAX = 64 };

/* One word the tokenizer gave: its normalized form and its span. */
typedef struct ent_tok {
    char w[96];
    size_t n;
    size_t start, end;   /* in the bytes tokenized */
} ent_tok;

struct rasad_entity_namer {
    rasad_tokenizer *tok;
    ent_tok t[ENT_TOKENS_MAX];
    size_t nt;
    int overflow;
};

/* Tokenizes p[0..n) into nm->t (at most ENT_TOKENS_MAX words; words longer
 * than a slot are skipped). Returns 0 or a status. */
int rasad__ent_tokens(rasad_entity_namer *nm, const char *p, size_t n);

/* 1 when w[0..n) is in the NULL-terminated table. */
int rasad__ent_in(const char *const *table, const char *w, size_t n);

#endif
