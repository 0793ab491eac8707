/* fts.h - rasad's Persian tokenizer for SQLite FTS5.
 *
 * Registered under the name "rasad" it splits text with rasad_tokenize()
 * (normalized index form: Persian letters, ASCII digits, ZWNJ restored,
 * search folding), so every spelling of a word (ي/ی, ك/ک, ZWNJ, space or
 * joined, any digits, harakat) gives the same token; offsets point into the
 * original text, so snippet() and highlight() show what the outlet wrote.
 *
 *   CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'rasad');
 *   CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'rasad stem');
 *
 * Arguments: "stem" indexes the light stem of each word (کتاب‌ها -> کتاب),
 * with adjective and abstract-noun endings also taken off (ایرانی ->
 * ایران, آلودگی -> آلوده: docs/archive.md), instead of the word; "surface"
 * keeps the word (default). */
#ifndef RASAD_FTS_H
#define RASAD_FTS_H

#include "rasad/export.h"

struct sqlite3;

/* Registers the "rasad" FTS5 tokenizer on db. Returns 0, RASAD_UNSUPPORTED
 * when db's SQLite has no FTS5, RASAD_NOMEM. The registration lives as long
 * as db. */
RASAD_API int rasad_fts_register(struct sqlite3 *db);

#endif
