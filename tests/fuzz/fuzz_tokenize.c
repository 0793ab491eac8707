/* fuzz_tokenize.c - the tokenizer, with the index form (flags 0) and with
 * RASAD_NORM_DEFAULT.
 *
 * Properties:
 *  - rasad_tokenize returns RASAD_OK;
 *  - every token has a known kind, is non-empty valid UTF-8 without ASCII
 *    white space, and has a span with start < end <= n;
 *  - starts and ends never decrease from one token to the next;
 *  - tokenizing the same input again gives the same tokens (no state leaks
 *    from one call to the next);
 *  - a callback that returns non-zero at token k stops tokenizing there, and
 *    rasad_tokenize returns that value. */
#include <string.h>

#include "fuzz.h"
#include "rasad/text.h"

#define STOP_VALUE 7

typedef struct tok_state {
    size_t n;          /* input length */
    size_t count;      /* tokens seen */
    size_t stop_at;    /* return STOP_VALUE at this token (0 = never) */
    size_t last_start; /* span of the previous token */
    size_t last_end;
    uint64_t hash;     /* FNV-1a over kind, text and span of every token */
} tok_state;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ull;
    return h;
}

static int on_token(void *ctx, int kind, const char *tok, size_t ntok,
                    size_t start, size_t end)
{
    tok_state *st = ctx;

    FZ_CHECK(st->stop_at == 0 || st->count < st->stop_at);
    FZ_CHECK(kind == RASAD_TOKEN_WORD || kind == RASAD_TOKEN_NUMBER ||
             kind == RASAD_TOKEN_MIXED);
    FZ_CHECK(tok != NULL && ntok > 0);
    FZ_CHECK(fz_utf8_valid(tok, ntok));
    for (size_t i = 0; i < ntok; i++)
        FZ_CHECK(tok[i] != ' ' && tok[i] != '\n' && tok[i] != '\t' &&
                 tok[i] != '\r' && tok[i] != '\0');
    FZ_CHECK(start < end);
    FZ_CHECK(end <= st->n);
    if (st->count > 0) {
        FZ_CHECK(start >= st->last_start);
        FZ_CHECK(end >= st->last_end);
    }
    st->last_start = start;
    st->last_end = end;
    st->count++;
    st->hash = fnv(st->hash, &kind, sizeof kind);
    st->hash = fnv(st->hash, &ntok, sizeof ntok);
    st->hash = fnv(st->hash, tok, ntok);
    st->hash = fnv(st->hash, &start, sizeof start);
    st->hash = fnv(st->hash, &end, sizeof end);
    return st->stop_at && st->count == st->stop_at ? STOP_VALUE : 0;
}

static void check(rasad_tokenizer *t, const char *p, size_t n)
{
    tok_state a = { n, 0, 0, 0, 0, 0xcbf29ce484222325ull };
    tok_state b = a, c = a;

    FZ_CHECK(rasad_tokenize(t, p, n, on_token, &a) == RASAD_OK);
    FZ_CHECK(rasad_tokenize(t, p, n, on_token, &b) == RASAD_OK);
    FZ_CHECK(a.count == b.count && a.hash == b.hash);
    if (a.count > 0) {
        c.stop_at = 1 + (n ? (unsigned char)p[n - 1] : 0) % a.count;
        FZ_CHECK(rasad_tokenize(t, p, n, on_token, &c) == STOP_VALUE);
        FZ_CHECK(c.count == c.stop_at);
    }
}

static rasad_tokenizer *index_tok, *default_tok;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!index_tok) {
        FZ_CHECK(rasad_tokenizer_new(0, &index_tok) == RASAD_OK);
        FZ_CHECK(rasad_tokenizer_new(RASAD_NORM_DEFAULT, &default_tok) == RASAD_OK);
    }
    check(index_tok, (const char *)data, size);
    check(default_tok, (const char *)data, size);
    return 0;
}
