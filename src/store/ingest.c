/* ingest.c - readers into the store: every article put, every reject kept. */
#include <stdio.h>
#include <string.h>
#include "store_internal.h"

/* The largest record ingest reads: no news article is 32 MB, and a 200 MB
 * single line is someone's mistake, reported and skipped rather than held
 * in memory. */
#define RASAD_INGEST_MAX_RECORD ((size_t)32 << 20)

typedef struct ingest_ctx {
    rasad_store *s;
    const rasad_ingest_opts *o;
    rasad_ingest_stats *st;
    size_t file_index, files_total;
    int status;                 /* first storage failure */
} ingest_ctx;

static void progress(ingest_ctx *c)
{
    if (c->o && c->o->progress)
        c->o->progress(c->o->ud, c->st, c->file_index, c->files_total);
}

static void on_error(void *ud, const char *file, long line, const char *what)
{
    ingest_ctx *c = ud;
    c->st->rejected++;
    if (c->o && c->o->on_error)
        c->o->on_error(c->o->ud, file, line, what);
    int rc = rasad_store_reject(c->s, file, line, what);
    if (rc != RASAD_OK && !c->status)
        c->status = rc;
}

static void on_file(void *ud, const char *file, size_t index, size_t total)
{
    (void)file;
    ingest_ctx *c = ud;
    c->st->files++;
    c->file_index = index;
    c->files_total = total;
    progress(c);
}

static int on_article(void *ud, const rasad_article *a)
{
    ingest_ctx *c = ud;
    int outcome;
    c->st->read++;
    int rc = rasad_store_put(c->s, a, &outcome);
    if (rc == RASAD_INVAL) {        /* nothing to store: a reject, not a failure */
        on_error(c, a->file, a->line, "no text to store");
        return c->status;
    }
    if (rc != RASAD_OK) {
        c->status = rc;
        return rc;
    }
    if (outcome == RASAD_PUT_NEW)
        c->st->added++;
    else if (outcome == RASAD_PUT_UPDATED)
        c->st->updated++;
    else
        c->st->unchanged++;
    if ((c->st->read & 255) == 0)
        progress(c);
    return 0;
}

int rasad_store_ingest(rasad_store *s, const char *const *paths, size_t n,
                       const rasad_ingest_opts *opts, rasad_ingest_stats *st)
{
    ingest_ctx c;
    if (s && s->readonly) {
        snprintf(s->err, sizeof s->err, "the store is open read-only");
        return RASAD_INVAL;
    }
    memset(&c, 0, sizeof c);
    c.s = s;
    c.o = opts;
    c.st = st;
    rasad_read_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.on_article = on_article;
    ro.on_error = on_error;
    ro.on_file = on_file;
    ro.max_record = RASAD_INGEST_MAX_RECORD;
    ro.ud = &c;
    uint64_t rejected_before = st->rejected;
    int rc = rasad_read_paths(paths, n, &ro, NULL);
    int frc = rasad__memory_save(s);
    if (frc == RASAD_OK)
        frc = rasad__story_save(s);
    if (frc == RASAD_OK)
        frc = rasad_store_flush(s);
    progress(&c);
    if (c.status)
        return c.status;
    if (frc != RASAD_OK)
        return frc;
    if (rc == RASAD_NOMEM)
        return rc;
    return st->rejected > rejected_before ? RASAD_PARSE : RASAD_OK;
}
