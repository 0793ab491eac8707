/* fts_tokenizer.c - the "rasad" FTS5 tokenizer (fts5_api, tokenizer v1).
 *
 * One rasad_tokenizer per FTS5 tokenizer instance; FTS5 creates one per
 * table and uses it from one connection, so no locking is needed. Tokens
 * are at most RASAD_STEM_MAX bytes when stemming; longer words are indexed
 * whole. */
#include <stdint.h>
#include <string.h>
#ifdef RASAD_SQLITE_EXTENSION
#include <sqlite3ext.h>   /* built into the loadable extension (src/ext) */
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif
#include "rasad/alloc.h"
#include "rasad/fts.h"
#include "rasad/stem.h"
#include "rasad/text.h"
#include "fts_internal.h"

/* Stems of recent words: news text repeats its words (Zipf), so most
 * tokens are found here instead of going through the stemmer again. */
#define STEM_CACHE 4096              /* entries, a power of two */
#define STEM_CACHE_WORD 48           /* longest word cached, bytes */

typedef struct stem_entry {
    unsigned char n, sn;             /* word and stem lengths; n == 0: empty */
    char word[STEM_CACHE_WORD];
    char stem[STEM_CACHE_WORD];
} stem_entry;

typedef struct fts_tok {
    rasad_tokenizer *tk;
    int stem;                  /* index stems instead of words */
    stem_entry *cache;         /* STEM_CACHE entries when stem, else NULL */
} fts_tok;

typedef struct fts_call {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    fts_tok *t;
    int rc;                    /* first non-OK SQLite code from xToken */
} fts_call;

static const struct { const char *name; int stem; } fts_args[] = {
    { "surface", 0 }, { "stem", 1 },
};

static int fts_create(void *unused, const char **argv, int argc,
                      Fts5Tokenizer **out)
{
    (void)unused;
    fts_tok *t = rasad_malloc(sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    t->tk = NULL;
    t->stem = 0;
    t->cache = NULL;
    for (int i = 0; i < argc; i++) {
        size_t k = 0, nargs = sizeof fts_args / sizeof fts_args[0];
        while (k < nargs && strcmp(argv[i], fts_args[k].name) != 0)
            k++;
        if (k == nargs) {
            rasad_free(t);
            return SQLITE_ERROR;
        }
        t->stem = fts_args[k].stem;
    }
    if (t->stem) {
        t->cache = rasad_malloc(STEM_CACHE * sizeof *t->cache);
        if (t->cache)
            memset(t->cache, 0, STEM_CACHE * sizeof *t->cache);
    }
    if ((t->stem && !t->cache) || rasad_tokenizer_new(0, &t->tk) != RASAD_OK) {
        rasad_free(t->cache);
        rasad_free(t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *p)
{
    fts_tok *t = (fts_tok *)p;
    if (!t)
        return;
    rasad_tokenizer_free(t->tk);
    rasad_free(t->cache);
    rasad_free(t);
}

/* Search conflation after the light stem: the index does not need to tell
 * a noun from its adjective or abstract noun (ایرانی -> ایران, آزادی ->
 * آزاد, آلودگی -> آلوده), which the stemmer deliberately keeps apart. A
 * rule applies when the stem has at least min_letters letters; the first
 * that matches wins. Measured on ParsiNLU retrieval (bench/search_eval.py):
 * MRR@10 0.747 -> 0.757; removing verb prefixes and endings as well gained
 * nothing. */
static const struct derive_rule {
    const char *suffix;
    size_t sn;
    const char *repl;
    size_t rn;
    size_t min_letters;
} derive_rules[] = {
#define DR(suf, repl, min) { suf, sizeof(suf) - 1, repl, sizeof(repl) - 1, min }
    DR("گی", "ه", 5),    /* آلودگی -> آلوده */
    DR("ی", "", 5),      /* ایرانی -> ایران, آزادی -> آزاد */
#undef DR
};

/* Applies the first matching derive_rule to buf[0..n); returns the new
 * length (never longer: replacements are not longer than suffixes). */
static size_t derive(char *buf, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++)
        letters += ((unsigned char)buf[i] & 0xC0) != 0x80;
    for (size_t k = 0; k < sizeof derive_rules / sizeof derive_rules[0]; k++) {
        const struct derive_rule *r = &derive_rules[k];
        if (letters < r->min_letters || n < r->sn ||
            memcmp(buf + n - r->sn, r->suffix, r->sn) != 0)
            continue;
        memcpy(buf + n - r->sn, r->repl, r->rn);
        n = n - r->sn + r->rn;
        break;
    }
    return n;
}

/* The letters of an index word, in one pass over tok[0..*n):
 *  - آ is written ا: it is often typed without its madda (اب for آب,
 *    ارامش for آرامش); done here, after the normalizer and the stemmer,
 *    which both need to see آ (their lexicon spells it);
 *  - no ZWNJ: کتاب‌ها and کتابها, بی‌خوابی and بیخوابی are one token
 *    whatever the crawl or the restoration did (the stemmer has already
 *    used the ZWNJ to find suffixes).
 * Returns tok when it holds neither (the common case), else buf (which
 * may be tok itself) with *n its new length; never longer. */
static const char *index_letters(const char *tok, size_t *n, char *buf)
{
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)tok;
    while (i + 1 < *n && !(u[i] == 0xD8 && u[i + 1] == 0xA2) &&
           !(u[i] == 0xE2 && i + 2 < *n && u[i + 1] == 0x80 && u[i + 2] == 0x8C))
        i++;
    if (i + 1 >= *n)
        return tok;
    if (tok != buf)
        memcpy(buf, tok, i);
    size_t k = i;
    while (i < *n) {
        if (i + 1 < *n && u[i] == 0xD8 && u[i + 1] == 0xA2) {       /* آ -> ا */
            buf[k++] = (char)0xD8;
            buf[k++] = (char)0xA7;
            i += 2;
        } else if (i + 2 < *n && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0x8C) {
            i += 3;                                                 /* ZWNJ */
        } else {
            buf[k++] = tok[i++];
        }
    }
    *n = k;
    return buf;
}

/* The index token of the word w[0..n) (stem, derive, index_letters) into
 * buf (cap RASAD_STEM_MAX + 8), through the cache; returns its length (0:
 * the word is too long to stem, use it as it is). */
static size_t cached_stem(fts_tok *t, const char *w, size_t n, char *buf)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    stem_entry *e = &t->cache[h & (STEM_CACHE - 1)];
    if (e->n == n && memcmp(e->word, w, n) == 0) {
        memcpy(buf, e->stem, e->sn);
        return e->sn;
    }
    size_t sn = rasad_stem_copy(w, n, buf, RASAD_STEM_MAX + 8);
    if (sn > RASAD_STEM_MAX + 8)
        return 0;
    sn = derive(buf, sn);
    index_letters(buf, &sn, buf);   /* the cache holds the final token */
    if (n < STEM_CACHE_WORD && sn < STEM_CACHE_WORD) {
        e->n = (unsigned char)n;
        e->sn = (unsigned char)sn;
        memcpy(e->word, w, n);
        memcpy(e->stem, buf, sn);
    }
    return sn;
}

static int fts_on_token(void *ctx, int kind, const char *tok, size_t ntok,
                        size_t start, size_t end)
{
    fts_call *c = ctx;
    char buf[RASAD_STEM_MAX + 8];
    size_t n = 0;
    if (c->t->stem && kind == RASAD_TOKEN_WORD && ntok <= RASAD_STEM_MAX)
        n = cached_stem(c->t, tok, ntok, buf);
    if (n > 0) {
        tok = buf;
        ntok = n;
    } else if (kind == RASAD_TOKEN_WORD && ntok <= RASAD_STEM_MAX) {
        tok = index_letters(tok, &ntok, buf);
    }
    int rc = c->xToken(c->ctx, 0, tok, (int)ntok, (int)start, (int)end);
    if (rc != SQLITE_OK) {
        c->rc = rc;
        return 1;
    }
    return 0;
}

static int fts_tokenize(Fts5Tokenizer *p, void *ctx, int flags,
                        const char *text, int ntext,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
    (void)flags;
    fts_tok *t = (fts_tok *)p;
    fts_call c = { ctx, xToken, t, SQLITE_OK };
    if (ntext <= 0)
        return SQLITE_OK;
    int rc = rasad_tokenize(t->tk, text, (size_t)ntext, fts_on_token, &c);
    if (c.rc != SQLITE_OK)
        return c.rc;
    if (rc == RASAD_NOMEM)
        return SQLITE_NOMEM;
    return rc == RASAD_OK ? SQLITE_OK : SQLITE_ERROR;
}

static fts5_api *fts_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int rasad_fts_register(sqlite3 *db)
{
    static fts5_tokenizer tok = { fts_create, fts_delete, fts_tokenize };
    fts5_api *api = fts_api_of(db);
    if (!api || api->iVersion < 2)
        return RASAD_UNSUPPORTED;
    int rc = api->xCreateTokenizer(api, "rasad", NULL, &tok, NULL);
    if (rc == SQLITE_OK)
        rc = rasad__fts_rank_register(api);
    if (rc == SQLITE_NOMEM)
        return RASAD_NOMEM;
    return rc == SQLITE_OK ? RASAD_OK : RASAD_UNSUPPORTED;
}
