/* fts_tokenizer.c - the "rasad" FTS5 tokenizer (fts5_api, tokenizer v1).
 *
 * One rasad_tokenizer per FTS5 tokenizer instance; FTS5 creates one per
 * table and uses it from one connection, so no locking is needed. Tokens
 * are at most RASAD_STEM_MAX bytes when stemming; longer words are indexed
 * whole. */
#include <string.h>
#include <sqlite3.h>
#include "rasad/alloc.h"
#include "rasad/fts.h"
#include "rasad/stem.h"
#include "rasad/text.h"

typedef struct fts_tok {
    rasad_tokenizer *tk;
    int stem;                  /* index stems instead of words */
} fts_tok;

typedef struct fts_call {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int stem;
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
    if (rasad_tokenizer_new(0, &t->tk) != RASAD_OK) {
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
    rasad_free(t);
}

static int fts_on_token(void *ctx, int kind, const char *tok, size_t ntok,
                        size_t start, size_t end)
{
    fts_call *c = ctx;
    char buf[RASAD_STEM_MAX + 8];
    if (c->stem && kind == RASAD_TOKEN_WORD && ntok <= RASAD_STEM_MAX) {
        size_t n = rasad_stem_copy(tok, ntok, buf, sizeof buf);
        if (n > 0 && n < sizeof buf) {
            tok = buf;
            ntok = n;
        }
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
    fts_call c = { ctx, xToken, t->stem, SQLITE_OK };
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
    if (rc == SQLITE_NOMEM)
        return RASAD_NOMEM;
    return rc == SQLITE_OK ? RASAD_OK : RASAD_UNSUPPORTED;
}
