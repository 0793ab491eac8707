/* article.h - one news article as a reader hands it over.
 *
 * Every string is UTF-8 (readers convert other charsets), NUL-terminated,
 * and owned by whoever made the article: a reader's article is valid only
 * during the callback it is passed to (copy what you keep). NULL means the
 * input did not say. */
#ifndef RASAD_ARTICLE_H
#define RASAD_ARTICLE_H

#include <stddef.h>
#include "rasad/export.h"

typedef struct rasad_article {
    const char *id;         /* the input's own id ("id" in JSONL, WARC-Record-ID), or NULL */
    const char *url;        /* where it was published, or NULL */
    const char *source;     /* outlet: "source" field, og:site_name, or the URL's host */
    const char *title;      /* headline, or NULL */
    const char *published;  /* publication date as written (ISO 8601 or Jalali), or NULL */
    const char *text;       /* body as plain text, paragraphs one per line ('\n') */
    size_t text_len;
    const char *raw;        /* the record exactly as read (JSONL line, HTML file, WARC payload) */
    size_t raw_len;
    const char *extra_json; /* JSON object text of fields rasad does not know, or NULL */
    const char *format;     /* "txt", "jsonl", "html" or "warc" */
    const char *file;       /* path of the file it came from */
    long line;              /* 1-based line (jsonl; txt: of the title, else of the body; html: 1) or byte offset of the WARC record */
    long text_line;         /* txt: file line where text starts (text keeps inner blank lines); 0 elsewhere */
} rasad_article;

#endif
