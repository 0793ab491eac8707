/* read.c - the public entry points: rasad_read_paths and rasad_read_buffer
 * pick a reader per input and turn the session into one status. */
#include <errno.h>
#include <string.h>
#include "rasad/alloc.h"
#include "read_internal.h"
#include "walk.h"

typedef int (*reader_fn)(rasad__rd *r, rasad__in *in);

static const reader_fn readers[] = {
    [RASAD_FORMAT_TXT] = rasad__read_txt,
    [RASAD_FORMAT_JSONL] = rasad__read_jsonl,
    [RASAD_FORMAT_HTML] = rasad__read_html,
    [RASAD_FORMAT_WARC] = rasad__read_warc,
};

static void rd_init(rasad__rd *r, const rasad_read_opts *o,
                    rasad_read_stats *st)
{
    memset(r, 0, sizeof *r);
    r->o = o;
    r->st = st;
    r->max = o->max_record ? o->max_record : RASAD__MAX_RECORD_DEFAULT;
}

static int result(const rasad__rd *r, int rc)
{
    if (r->stop)
        return r->stop;
    if (rc == RASAD_NOMEM || r->nomem)
        return RASAD_NOMEM;
    if (rc)
        return rc;
    return r->rejected ? RASAD_PARSE : RASAD_OK;
}

/* Runs the reader of format fmt over in; for AUTO, sniffs the content. */
static int run(rasad__rd *r, rasad__in *in, rasad_format fmt,
               const char *p, size_t n)
{
    int rc;

    if (fmt == RASAD_FORMAT_AUTO) {
        /* Peek at the start of the (gunzipped) content, then start over. */
        char head[64];
        rasad__in peek;
        long k;
        if (rasad__in_open(&peek, NULL, p, n, NULL) != 0)
            return RASAD_NOMEM;
        k = rasad__in_read(&peek, head, sizeof head);
        rasad__in_close(&peek);
        fmt = rasad__format_sniff(head, k > 0 ? (size_t)k : 0);
    }
    rc = readers[fmt](r, in);
    if (rc == RASAD_NOMEM)
        r->nomem = 1;
    return rc;
}

static int read_file(rasad__rd *r, const char *path)
{
    rasad_format fmt = rasad__format_of(path);
    rasad__in in;
    int rc;

    r->file = path;
    if (fmt == RASAD_FORMAT_AUTO) {
        rasad__reject(r, 0, "unknown file type");
        return 0;
    }
    rc = rasad__in_open(&in, path, NULL, 0, &r->st->bytes);
    if (rc == RASAD_IO) {
        rasad__reject(r, 0, "cannot open: %s", strerror(errno));
        return 0;
    }
    if (rc)
        return rc;
    r->st->files++;
    rc = run(r, &in, fmt, NULL, 0);
    rasad__in_close(&in);
    return rc;
}

int rasad_read_paths(const char *const *paths, size_t n,
                     const rasad_read_opts *opts, rasad_read_stats *stats)
{
    rasad_read_stats local = { 0 };
    rasad__files fl;
    rasad__rd r;
    int rc;

    if (!opts || !opts->on_article || (n && !paths))
        return RASAD_INVAL;
    rd_init(&r, opts, stats ? stats : &local);
    rc = rasad__files_collect(&r, paths, n, &fl);
    for (size_t i = 0; rc == 0 && i < fl.n; i++) {
        if (opts->on_file)
            opts->on_file(opts->ud, fl.v[i], i, fl.n);
        rc = read_file(&r, fl.v[i]);
        if (r.stop)
            break;
    }
    rasad__files_release(&fl);
    return result(&r, rc);
}

int rasad_read_buffer(const char *name, const char *p, size_t n,
                      rasad_format format, const rasad_read_opts *opts,
                      rasad_read_stats *stats)
{
    rasad_read_stats local = { 0 };
    rasad__in in;
    rasad__rd r;
    int rc;

    if (!opts || !opts->on_article || (n && !p) ||
        (unsigned)format > RASAD_FORMAT_WARC)
        return RASAD_INVAL;
    rd_init(&r, opts, stats ? stats : &local);
    r.file = name ? name : "";
    if (format == RASAD_FORMAT_AUTO)
        format = rasad__format_of(name);
    rc = rasad__in_open(&in, NULL, p, n, &r.st->bytes);
    if (rc)
        return rc;
    r.st->files++;
    rc = run(&r, &in, format, p, n);
    rasad__in_close(&in);
    return result(&r, rc);
}
