/* rasad_ext.c - rasad's FTS5 tokenizer as a loadable SQLite extension.
 *
 *   sqlite> .load ./build/rasad_fts5
 *   sqlite> CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'rasad');
 *
 * SQLite derives the entry point from the file name rasad_fts5.so:
 * sqlite3_rasadfts_init. */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include "rasad/fts.h"
#include "rasad/status.h"

__attribute__((visibility("default")))
int sqlite3_rasadfts_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api);

int sqlite3_rasadfts_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    int rc = rasad_fts_register(db);
    if (rc == RASAD_OK)
        return SQLITE_OK;
    if (errmsg)
        *errmsg = sqlite3_mprintf("rasad: %s", rc == RASAD_UNSUPPORTED
                                  ? "this SQLite has no FTS5" : rasad_strerror(rc));
    return rc == RASAD_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
}
