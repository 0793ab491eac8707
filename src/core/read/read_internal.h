/* read_internal.h - shared between the readers of src/core/read.
 *
 * The pieces: format.c (which reader), walk.c (files and folders, the
 * public entry points), in.c (bytes of a file or buffer, gunzipped when
 * they start with the gzip magic), lines.c (a buffered reader over in.c),
 * emit.c (delivering and rejecting records), scrub.c (UTF-8 clean-up),
 * txt.c, jsonl.c, html.c + html_meta.c + html_text.c + charset.c, warc.c +
 * http.c. */
#ifndef RASAD_READ_INTERNAL_H
#define RASAD_READ_INTERNAL_H

#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include <zlib.h>
#include "rasad/read.h"
#include "buf.h"

#define RASAD__MAX_RECORD_DEFAULT ((size_t)256 << 20)

/* The format a file name asks for by its suffix (case-insensitive), or
 * RASAD_FORMAT_AUTO when it names none rasad reads. */
rasad_format rasad__format_of(const char *name);

/* The format the first bytes p[0..n) of (uncompressed) content look like:
 * "WARC/" warc, '{' jsonl, '<' html, else txt. */
rasad_format rasad__format_sniff(const char *p, size_t n);

/* ---- emit.c: one reading session ------------------------------------- */

typedef struct rasad__rd {
    const rasad_read_opts *o;   /* the caller's options */
    rasad_read_stats *st;       /* never NULL */
    const char *file;           /* file being read (reported) */
    size_t max;                 /* max_record, resolved */
    int rejected;               /* something was reported */
    int stop;                   /* non-zero value of on_article: stop */
    int nomem;                  /* ran out of memory */
} rasad__rd;

/* Reports (file, line, what) through on_error and counts it rejected.
 * what is printf-formatted. */
void rasad__reject(rasad__rd *r, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Fills a->format, a->file (and a->source from a->url when empty), makes
 * NULL text "" and calls on_article. Returns its value (also kept in
 * r->stop). */
int rasad__deliver(rasad__rd *r, rasad_article *a, const char *format);

/* The host of url ("example.ir" of "https://www.example.ir/a"), written to
 * out (NUL-terminated); returns 0 when url has none. */
int rasad__url_host(const char *url, char *out, size_t outsz);

/* ---- scrub.c: strings that are valid NUL-terminated UTF-8 ------------ */

/* Appends p[0..n) to b with every invalid UTF-8 subpart and every NUL byte
 * replaced by U+FFFD. */
void rasad__scrub_add(rasad_buf *b, const char *p, size_t n);
/* Appends p[0..n) to b with NUL bytes replaced by U+FFFD, invalid UTF-8
 * left as it is (the normalizer deals with it). */
void rasad__denul_add(rasad_buf *b, const char *p, size_t n);
/* Returns 1 when p[0..n) is valid UTF-8 without NUL bytes. */
int rasad__is_clean(const char *p, size_t n);
/* A clean, NUL-terminated, rasad_malloc'ed copy of p[0..n) (trimmed of
 * ASCII white space when trim); NULL on NOMEM. */
char *rasad__clean_dup(const char *p, size_t n, int trim);

/* ---- in.c: the bytes of a file or buffer, gunzipped ------------------ */

typedef struct rasad__in {
    FILE *f;                    /* file, or NULL for memory */
    const unsigned char *mem;   /* memory input */
    size_t mem_n, mem_pos;
    uint64_t *bytes;            /* adds raw bytes read here (may be NULL) */
    unsigned char *raw;         /* raw read buffer (rasad_malloc) */
    size_t raw_n, raw_pos;      /* bytes in raw, next unread */
    int raw_eof;                /* no more raw bytes */
    int gz;                     /* input is gzip */
    int zinit, zend;            /* inflate initialised; member just ended */
    z_stream z;
    const char *err;            /* static text of the last error, or NULL */
    char errbuf[96];            /* err points here for formatted errors */
} rasad__in;

/* Opens path (or p[0..n) when path is NULL) for reading; gzip is recognised
 * by its magic bytes. Returns 0, RASAD_IO (errno set) or RASAD_NOMEM. */
int rasad__in_open(rasad__in *in, const char *path, const char *p, size_t n,
                   uint64_t *bytes);
/* Reads up to n decompressed bytes: returns the count, 0 at the end, -1 on
 * error (in->err says what: "truncated gzip", "invalid gzip: ...",
 * "cannot read: ..."). */
long rasad__in_read(rasad__in *in, void *buf, size_t n);
void rasad__in_close(rasad__in *in);

/* ---- lines.c: buffered reading over rasad__in ------------------------ */

typedef struct rasad__br {
    rasad__in *in;
    char *p;                    /* buffer (rasad_malloc) */
    size_t cap, beg, end;       /* unread bytes are p[beg..end) */
    uint64_t off;               /* stream offset of p[beg] */
    int eof;                    /* no more input (end or failed) */
    int failed;                 /* input failed (in->err says why) */
    int err;                    /* RASAD_NOMEM once out of memory */
} rasad__br;

void rasad__br_init(rasad__br *b, rasad__in *in);
void rasad__br_release(rasad__br *b);
/* Makes at least want bytes available (fewer at the end, or when the input
 * failed: b->failed). Returns the number available, or -1 on NOMEM. */
long rasad__br_fill(rasad__br *b, size_t want);
/* Next line without its '\n' (and '\r'): *p valid until the next call.
 * Returns 1, 0 at the end, -1 on error (NOMEM when b->err == RASAD_NOMEM,
 * else the input failed: in->err), lines before the failure all given.
 * A line longer than max is skipped up to its '\n' and *toolong set (then
 * *p is NULL). *off is the stream offset of the line. */
int rasad__br_line(rasad__br *b, size_t max, const char **p, size_t *n,
                   uint64_t *off, int *toolong);
/* Takes exactly n bytes into *p (valid until the next call); returns 1, 0
 * when the input ends first (what was there is consumed), -1 on error. */
int rasad__br_take(rasad__br *b, size_t n, const char **p);
/* Skips n bytes; returns 1, 0 when the input ends first, -1 on error. */
int rasad__br_skip(rasad__br *b, uint64_t n);

/* ---- the readers: each returns 0, or a stop value / RASAD_NOMEM -------- */

/* Reads the whole input (at most r->max bytes) into *out (rasad_malloc,
 * NUL-terminated). Returns 0, or reports and returns 1 (rejected), or
 * RASAD_NOMEM. */
int rasad__read_all(rasad__rd *r, rasad__in *in, char **out, size_t *n);

int rasad__read_txt(rasad__rd *r, rasad__in *in);
int rasad__read_jsonl(rasad__rd *r, rasad__in *in);
int rasad__read_html(rasad__rd *r, rasad__in *in);
int rasad__read_warc(rasad__rd *r, rasad__in *in);

/* Text of a .txt file split into title and body (txt.c): the rule is in
 * docs/read.md. Both are rasad_malloc'ed; *title may be NULL. *title_line
 * and *body_line get the 1-based lines of p where they start. Returns 0 or
 * RASAD_NOMEM. */
int rasad__txt_split(const char *p, size_t n, char **title, char **body,
                     size_t *body_n, long *title_line, long *body_line);

/* ---- charset.c ------------------------------------------------------- */

/* Converts html[0..n) to clean UTF-8 in *out: charset (may be NULL), else a
 * BOM, else <meta charset>, else UTF-8. Returns 0 or RASAD_NOMEM. */
int rasad__to_utf8(const char *html, size_t n, const char *charset,
                   rasad_buf *out);

/* ---- http.c: the HTTP message of a WARC response --------------------- */

typedef struct rasad__http {
    int status;                 /* 200... */
    const char *ctype;          /* Content-Type value (points into msg), or NULL */
    size_t ctype_n;
    char *body;                 /* entity body, decoded (rasad_malloc) */
    size_t body_n;
} rasad__http;

/* Parses msg[0..n): status line, headers, chunked transfer coding and
 * gzip/deflate content coding (body at most max bytes). Returns 0, or
 * RASAD_PARSE with *what set, or RASAD_NOMEM. */
int rasad__http_parse(const char *msg, size_t n, size_t max, rasad__http *h,
                      const char **what);
void rasad__http_release(rasad__http *h);
/* The value of charset= in a Content-Type value, copied into out. */
int rasad__ctype_charset(const char *v, size_t n, char *out, size_t outsz);

/* ASCII helpers (no ctype on raw bytes). */
static inline int rasad__is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline int rasad__lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
/* Case-insensitive search for needle (ASCII) in p[0..n); NULL if absent. */
const char *rasad__memcasemem(const char *p, size_t n, const char *needle);

#endif
