/* cleaner.c - the cleaner object: its tokenizer, compiled tables and the
 * per-source memory of lines. */
#include <string.h>
#include "rasad/alloc.h"
#include "clean_internal.h"

/* The index form without ZWNJ restoration: keys drop ZWNJ anyway. */
#define CLEAN_NORM_FLAGS (RASAD_NORM_LETTERS | RASAD_NORM_MARKS | RASAD_NORM_SPACE | \
    RASAD_NORM_DIGITS_ASCII | RASAD_NORM_PUNCT | RASAD_NORM_ZWNJ | RASAD_NORM_FOLD)

rasad_cleaner *rasad_cleaner_new(void)
{
    rasad_cleaner *c = rasad_malloc(sizeof *c);
    if (!c)
        return NULL;
    memset(c, 0, sizeof *c);
    rasad__toks_init(&c->scratch);
    rasad__toks_init(&c->spare.tk);
    rasad__toks_init(&c->spare.tk2);
    rasad__buf_init(&c->spare.store_key, 0);
    if (rasad_tokenizer_new(CLEAN_NORM_FLAGS, &c->tk) != RASAD_OK ||
        rasad__furniture_compile(c) || rasad__agency_compile(c) ||
        rasad__dateline_compile(c)) {
        rasad_cleaner_free(c);
        return NULL;
    }
    return c;
}

void rasad_cleaner_free(rasad_cleaner *c)
{
    if (!c)
        return;
    rasad__phrases_release(&c->furniture);
    rasad__phrases_release(&c->agencies);
    rasad__phrases_release(&c->press);
    rasad__phrases_release(&c->datewords);
    rasad__phrases_release(&c->labels);
    rasad__phrases_release(&c->endmarks);
    rasad__sources_free(c);
    rasad__toks_release(&c->scratch);
    rasad__toks_release(&c->spare.tk);
    rasad__toks_release(&c->spare.tk2);
    rasad_free(c->spare.store);
    rasad__buf_release(&c->spare.store_key);
    rasad_tokenizer_free(c->tk);
    rasad_free(c);
}

int rasad_cleaner_is_repeated(rasad_cleaner *c, const char *source,
                              const char *line, size_t n)
{
    if (!c || !source)
        return 0;
    const rasad__source *s = rasad__source_get(c, source, 0);
    if (!s || rasad__toks_run(c->tk, line, n, &c->scratch) != 0)
        return 0;
    if (c->scratch.n == 0 || c->scratch.n > RASAD__CLEAN_REPEAT_MAX_WORDS)
        return 0;
    return rasad__source_count(s, c->scratch.key.p, c->scratch.key.n) >=
           RASAD_CLEAN_REPEAT_MIN_ARTICLES;
}
