/* fts_internal.h - between the FTS5 tokenizer and the ranking function. */
#ifndef RASAD_FTS_INTERNAL_H
#define RASAD_FTS_INTERNAL_H

/* Registers rasad_rank() with FTS5 (fts_rank.c); returns an SQLite
 * result code. */
int rasad__fts_rank_register(fts5_api *api);

#endif
