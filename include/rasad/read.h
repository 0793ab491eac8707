/* read.h - readers: files and folders of .txt, .jsonl(.gz), .html, .warc(.gz)
 * turned into rasad_article records.
 *
 * Readers never stop at bad input: a record that cannot be read is reported
 * through the error callback as (file, line, what) and skipped, and every
 * good record around it is still delivered. */
#ifndef RASAD_READ_H
#define RASAD_READ_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"
#include "rasad/article.h"

typedef enum rasad_format {
    RASAD_FORMAT_AUTO = 0, /* from the file name: .txt .jsonl .jsonl.gz .html .htm .warc .warc.gz */
    RASAD_FORMAT_TXT,
    RASAD_FORMAT_JSONL,
    RASAD_FORMAT_HTML,
    RASAD_FORMAT_WARC
} rasad_format;

/* Called once per good article. The article and its strings are valid only
 * during the call. Return 0 to go on; any other value stops reading and is
 * returned by the read function. */
typedef int (*rasad_article_fn)(void *ud, const rasad_article *a);

/* Called once per rejected record or unreadable file: line is 1-based (0
 * when the whole file is concerned; a byte offset for WARC), what a short
 * English reason ("invalid JSON: ...", "truncated gzip"). */
typedef void (*rasad_read_error_fn)(void *ud, const char *file, long line,
                                    const char *what);

/* Called when a file is started: index is 0-based among total files. */
typedef void (*rasad_read_file_fn)(void *ud, const char *file, size_t index,
                                   size_t total);

typedef struct rasad_read_opts {
    rasad_article_fn on_article;    /* required */
    rasad_read_error_fn on_error;   /* may be NULL */
    rasad_read_file_fn on_file;     /* may be NULL */
    void *ud;                       /* passed to the callbacks */
    size_t max_record;              /* largest record read, bytes (0 = 256 MiB); longer ones are rejected */
} rasad_read_opts;

typedef struct rasad_read_stats {
    uint64_t files;     /* files opened */
    uint64_t records;   /* articles delivered */
    uint64_t rejected;  /* records or files reported through on_error */
    uint64_t bytes;     /* bytes of input read (compressed size for .gz) */
    uint64_t skipped;   /* records read that are not articles and not errors:
                           WARC requests, metadata, non-HTML or non-2xx responses */
} rasad_read_stats;

/* Reads each path in paths[0..n): a file, or a folder walked recursively in
 * sorted order (hidden entries and files of unknown type skipped; a file
 * of unknown type named in paths is reported). Adds to *stats when stats
 * is non-NULL. Returns 0 when every record was read, RASAD_PARSE when some
 * were rejected (all reported), RASAD_STOP (or the callback's value) when
 * on_article stopped it, RASAD_NOMEM, RASAD_INVAL when opts or on_article
 * is NULL. The rules of each reader: docs/read.md. */
RASAD_API int rasad_read_paths(const char *const *paths, size_t n,
                               const rasad_read_opts *opts,
                               rasad_read_stats *stats);

/* Reads one in-memory input p[0..n) of the given format (AUTO guesses from
 * name, which is also the file name reported). Same callbacks and results
 * as rasad_read_paths(); gzip input is recognised by its magic bytes. */
RASAD_API int rasad_read_buffer(const char *name, const char *p, size_t n,
                                rasad_format format,
                                const rasad_read_opts *opts,
                                rasad_read_stats *stats);

/* Returns 1 when the line p[0..n) reads like a headline (the rule that
 * makes the first line of a .txt its title: at most 200 characters and 25
 * words, not ending in sentence punctuation), else 0. */
RASAD_API int rasad_read_is_headline(const char *p, size_t n);

/* What rasad finds in one HTML page. All strings are owned by the struct,
 * released with rasad_html_doc_free(); NULL when not found. */
typedef struct rasad_html_doc {
    char *title;      /* og:title, <title> minus the site suffix, or first <h1> */
    char *text;       /* main text, one paragraph per line */
    size_t text_len;
    char *published;  /* article:published_time, JSON-LD datePublished, <time datetime> */
    char *site_name;  /* og:site_name or JSON-LD publisher name */
    char *url;        /* og:url or <link rel=canonical> */
} rasad_html_doc;

/* Extracts the main text and metadata of html[0..n). charset names the
 * encoding when known (HTTP header), else NULL: then <meta charset> is used,
 * else UTF-8. Fills *doc (zeroed first). Returns 0, RASAD_PARSE when no text
 * could be found at all (doc still holds what was found), RASAD_NOMEM. */
RASAD_API int rasad_html_extract(const char *html, size_t n,
                                 const char *charset, rasad_html_doc *doc);
RASAD_API void rasad_html_doc_free(rasad_html_doc *doc);

#endif
