/* entity.h - one person, place or organisation whatever the spelling: the
 * canonical name of a mention (normalized, titles taken off), a spelling
 * key under which transliteration variants meet (شویگو، شایگو), and the
 * roles written beside a name (وزیر دفاع روسیه). Linking mentions into
 * entities across an archive is the store's job (docs/entities.md); this
 * layer has no state and no SQLite. */
#ifndef RASAD_ENTITY_H
#define RASAD_ENTITY_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

#define RASAD_ENTITY_NAME_MAX 256u  /* bytes of a canonical name, a title, a key or a role */
#define RASAD_ENTITY_WORDS_MAX 12u  /* words of a name kept */

/* A mention's name, as rasad_entity_name_make reads it. */
typedef struct rasad_entity_name {
    char name[RASAD_ENTITY_NAME_MAX];   /* normalized words joined by one space */
    char title[RASAD_ENTITY_NAME_MAX];  /* title words taken off its front (سردار دکتر) */
    char key[RASAD_ENTITY_NAME_MAX];    /* spelling key: consonant skeleton of each word */
    char last[RASAD_ENTITY_NAME_MAX];   /* its last word */
    char first[RASAD_ENTITY_NAME_MAX];  /* its first word */
    unsigned words;                     /* words in name (0: nothing left) */
} rasad_entity_name;

typedef struct rasad_entity_namer rasad_entity_namer; /* opaque; one per thread */

/* Creates a namer (it holds a tokenizer). Returns RASAD_OK and *out (free
 * with rasad_entity_namer_free) or RASAD_NOMEM. */
RASAD_API int rasad_entity_namer_new(rasad_entity_namer **out) RASAD_WARN_UNUSED;
RASAD_API void rasad_entity_namer_free(rasad_entity_namer *nm);

/* Reads the mention p[0..n) (any bytes) of entity type `type` (enum
 * rasad_ner_type of ner.h): its words in the tokenizer's normalized form
 * (Arabic ي/ك, ZWNJ and spacing variants, digits folded), punctuation
 * left out; for a person, leading title words (ranks, clergy, academic and
 * courtesy titles, a table in names.c) are moved to out->title, as long as
 * a word of the name is left. Words past RASAD_ENTITY_WORDS_MAX or past
 * the byte limits are dropped. Returns RASAD_OK (out->words may be 0),
 * RASAD_NOMEM. */
RASAD_API int rasad_entity_name_make(rasad_entity_namer *nm, int type, const char *p, size_t n,
                                     rasad_entity_name *out) RASAD_WARN_UNUSED;

/* The spelling key of one word w[0..n) into out (NUL-terminated, at most
 * cap bytes): letters that transliterations swap are folded into one class
 * (ت ط، س ص ث، ز ذ ض ظ، ه ح، ق غ، ا آ ع ء أ) and the long vowels ا و ی are
 * dropped inside the word (not first, not last) as are doubled letters:
 * شویگو and شایگو both give «شگو», while دهقان «دهقن» and دهقانی «دهقنی»
 * stay apart. Returns the key's length. */
RASAD_API size_t rasad_entity_key_word(const char *w, size_t n, char *out, size_t cap);

/* 1 when the word first[0..n) (a name's first word, normalized as
 * rasad_entity_name_make writes it) is one of the given names so common in
 * Iran (محمد، علی، حسین، مریم ... a table in names.c) that two people who
 * share it and a surname spelled nearly alike are too often two people:
 * linking then wants a role in common, not the first name (صانعی and
 * صنایعی, both یوسف). 0 otherwise. */
RASAD_API int rasad_entity_common_first(const char *first, size_t n);

/* 1 when the names a[0..an) and b[0..bn) differ only in how they are
 * typed, not in their letters: ZWNJ, ZWJ and spaces, hamza seats (ئ ؤ أ إ
 * ء: رئیسی = رییسی, مؤتمنی = موتمنی) and a doubled letter (داوودی =
 * داودی, عبداللهی = عبدالهی). Vowel letters count (صالحی ≠ صلاحی). */
RASAD_API int rasad_entity_same_letters(const char *a, size_t an, const char *b, size_t bn);

/* Receives a role found beside a mention: r[0..n), normalized words
 * joined by one space (valid only during the call). */
typedef int (*rasad_entity_role_fn)(void *ctx, const char *r, size_t n);

/* Finds the roles written right beside the mention text[start, end): an
 * office word (وزیر، رئیس، سخنگوی، سفیر ... a table in roles.c) and up to
 * three words after it, before the name (وزیر دفاع روسیه سرگئی شویگو) or
 * right after it (سرگئی شویگو وزیر دفاع روسیه), stopping at punctuation
 * and at words that end a phrase (و، در، با، که ...). Calls fn for each (at
 * most two). Returns RASAD_OK, RASAD_NOMEM, or fn's non-zero value. */
RASAD_API int rasad_entity_roles(rasad_entity_namer *nm, const char *text, size_t n,
                                 size_t start, size_t end, rasad_entity_role_fn fn,
                                 void *ctx) RASAD_WARN_UNUSED;

#endif
