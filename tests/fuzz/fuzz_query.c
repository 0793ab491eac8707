/* fuzz_query.c - the query language.
 *
 * Properties, for any input and both modes (all words, any word):
 *  - rasad_query_to_fts returns RASAD_OK with a non-empty expression, or
 *    RASAD_NOTFOUND with no expression and a message;
 *  - the expression is valid UTF-8 and valid FTS5: run as MATCH against a
 *    small FTS5 table using the rasad tokenizer it never gives an FTS5
 *    syntax error (any string gives results or a clear message);
 *  - the same input gives the same expression twice. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "fuzz.h"
#include "rasad/alloc.h"
#include "rasad/fts.h"
#include "rasad/store.h"

static sqlite3 *db;
static sqlite3_stmt *match;

static void setup(void)
{
    FZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    FZ_CHECK(rasad_fts_register(db) == RASAD_OK);
    FZ_CHECK(sqlite3_exec(db,
        "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='rasad stem');"
        "INSERT INTO t VALUES('دیدار وزیر', 'وزیر دفاع با همتای خود در مسکو دیدار کرد.');"
        "INSERT INTO t VALUES('کتاب', 'کتاب‌ها در نمایشگاه 1402 فروش رفت.');",
        NULL, NULL, NULL) == SQLITE_OK);
    FZ_CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1",
                                -1, &match, NULL) == SQLITE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        setup();
    for (int any = 0; any < 2; any++) {
        char *expr = NULL, *again = NULL, err[128];
        int nterms;
        int rc = rasad_query_to_fts((const char *)data, size, any, &expr, &nterms,
                                    err, sizeof err);
        FZ_CHECK(rc == RASAD_OK || rc == RASAD_NOTFOUND);
        if (rc == RASAD_NOTFOUND) {
            FZ_CHECK(expr == NULL && err[0] != '\0');
            continue;
        }
        FZ_CHECK(expr != NULL && expr[0] != '\0');
        FZ_CHECK(fz_utf8_valid(expr, strlen(expr)));
        FZ_CHECK(rasad_query_to_fts((const char *)data, size, any, &again, NULL,
                                    NULL, 0) == RASAD_OK);
        FZ_CHECK(strcmp(expr, again) == 0);
        sqlite3_reset(match);
        sqlite3_bind_text(match, 1, expr, -1, SQLITE_STATIC);
        int src = sqlite3_step(match);
        if (src != SQLITE_ROW)
            fprintf(stderr, "query [%.*s] -> [%s]: %s\n", (int)size, (const char *)data,
                    expr, sqlite3_errmsg(db));
        FZ_CHECK(src == SQLITE_ROW);
        sqlite3_reset(match);
        rasad_free(expr);
        rasad_free(again);
    }
    return 0;
}
