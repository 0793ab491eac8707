/* fuzz_read.h - what the reader fuzz targets (fuzz_jsonl, fuzz_warc) check
 * of every run of rasad_read_buffer. */
#ifndef RASAD_FUZZ_READ_H
#define RASAD_FUZZ_READ_H

#include <string.h>
#include <zlib.h>
#include "fuzz.h"
#include "rasad/read.h"

typedef struct fz_run {
    const char *format;    /* expected a->format */
    size_t size;           /* input size (uncompressed) */
    uint64_t articles, errors;
    long last_line;        /* lines / offsets never go back */
    uint64_t hash;         /* of everything delivered, for comparisons */
} fz_run;

static inline uint64_t fz_hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ull;
    return h;
}

static inline uint64_t fz_hash_str(uint64_t h, const char *s)
{
    return s ? fz_hash(h, s, strlen(s) + 1) : fz_hash(h, "\1", 1);
}

static inline int fz_on_article(void *ud, const rasad_article *a)
{
    fz_run *r = ud;
    const char *strs[] = { a->id, a->url, a->source, a->title, a->published,
                           a->extra_json };

    FZ_CHECK(a->text != NULL && strlen(a->text) == a->text_len);
    FZ_CHECK(a->text_len > 0);
    FZ_CHECK(a->raw != NULL);
    FZ_CHECK(a->format && strcmp(a->format, r->format) == 0);
    FZ_CHECK(a->file && strcmp(a->file, "fuzz") == 0);
    FZ_CHECK(a->line >= r->last_line);
    FZ_CHECK(a->line >= 0 && (size_t)a->line <= r->size);
    r->last_line = a->line;
    r->articles++;
    r->hash = fz_hash(r->hash, a->text, a->text_len);
    r->hash = fz_hash(r->hash, &a->line, sizeof a->line);
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        if (strs[i])
            FZ_CHECK(strlen(strs[i]) < a->raw_len + a->text_len + 4096);
        r->hash = fz_hash_str(r->hash, strs[i]);
    }
    return 0;
}

static inline void fz_on_error(void *ud, const char *file, long line,
                               const char *what)
{
    fz_run *r = ud;
    FZ_CHECK(file && strcmp(file, "fuzz") == 0);
    FZ_CHECK(what && *what);
    FZ_CHECK(line >= 0);
    r->errors++;
    r->hash = fz_hash_str(r->hash, what);
}

/* Reads p[0..n) as fmt; checks the status against the stats. */
static inline void fz_read(const char *p, size_t n, size_t size, rasad_format fmt,
                           const char *format, size_t max_record, fz_run *r,
                           rasad_read_stats *st)
{
    rasad_read_opts o = { fz_on_article, fz_on_error, NULL, r, max_record };
    int rc;

    memset(r, 0, sizeof *r);
    memset(st, 0, sizeof *st);
    r->format = format;
    r->size = size;
    r->hash = 0xcbf29ce484222325ull;
    rc = rasad_read_buffer("fuzz", p, n, fmt, &o, st);
    FZ_CHECK(rc == RASAD_OK || rc == RASAD_PARSE);
    FZ_CHECK((rc == RASAD_PARSE) == (st->rejected > 0));
    FZ_CHECK(st->records == r->articles);
    FZ_CHECK(st->rejected == r->errors);
    FZ_CHECK(st->files == 1);
    FZ_CHECK(st->bytes == n);
}

/* gzip of p[0..n) (malloc'ed), as one member. */
static inline unsigned char *fz_gzip(const uint8_t *p, size_t n, size_t *out_n)
{
    z_stream z;
    size_t cap = n + n / 100 + 64;
    unsigned char *out = malloc(cap);

    FZ_CHECK(out != NULL);
    memset(&z, 0, sizeof z);
    FZ_CHECK(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    FZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    *out_n = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

#endif
