/* warc.c - WARC/1.0 and WARC/1.1 files (.warc, .warc.gz; gzip members per
 * record or one for all, in.c handles both). Each "WARC-Type: response"
 * record whose block is an HTTP response with a 2xx status and an HTML body
 * is one article: id WARC-Record-ID, url WARC-Target-URI, published the
 * page's date else WARC-Date, raw the HTTP message, line the record's byte
 * offset in the uncompressed stream. Other records (request, metadata,
 * warcinfo, non-HTML or non-2xx responses) are counted in stats.skipped.
 * Text between records that is not a record is reported once and skipped
 * up to the next "WARC/" line. */
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "read_internal.h"

#define MAX_HEADER_LINE ((size_t)64 << 10)
#define MAX_HEADERS 256

enum { H_TYPE, H_ID, H_URI, H_DATE, H_LENGTH, H_CTYPE, H_COUNT };

static const char *const hnames[H_COUNT] = {
    [H_TYPE] = "WARC-Type", [H_ID] = "WARC-Record-ID",
    [H_URI] = "WARC-Target-URI", [H_DATE] = "WARC-Date",
    [H_LENGTH] = "Content-Length", [H_CTYPE] = "Content-Type",
};

typedef struct wrec {
    char *h[H_COUNT];   /* header values (rasad_malloc), NULL when absent */
    uint64_t off;       /* offset of the "WARC/" line */
} wrec;

static void wrec_release(wrec *w)
{
    for (int i = 0; i < H_COUNT; i++)
        rasad_free(w->h[i]);
    memset(w, 0, sizeof *w);
}

static int header_line(wrec *w, const char *p, size_t n)
{
    const char *colon = memchr(p, ':', n);
    size_t k;

    if (!colon)
        return 0;
    k = (size_t)(colon - p);
    for (int i = 0; i < H_COUNT; i++) {
        if (w->h[i] || strlen(hnames[i]) != k || strncasecmp(p, hnames[i], k) != 0)
            continue;
        w->h[i] = rasad__clean_dup(colon + 1, n - k - 1, 1);
        return w->h[i] ? 0 : RASAD_NOMEM;
    }
    return 0;
}

/* The HTML of a response record's block p[0..n) as one article. */
static int response(rasad__rd *r, wrec *w, const char *p, size_t n)
{
    rasad_article a = { 0 };
    rasad_html_doc doc;
    rasad__http h;
    const char *what;
    char charset[64] = "";
    long line = (long)w->off;
    int rc;

    rc = rasad__http_parse(p, n, r->max, &h, &what);
    if (rc == RASAD_PARSE) {
        rasad__reject(r, line, "%s", what);
        return 0;
    }
    if (rc)
        return rc;
    if (h.status < 200 || h.status > 299 ||
        (h.ctype && !rasad__memcasemem(h.ctype, h.ctype_n, "html")) ||
        (!h.ctype && rasad__format_sniff(h.body, h.body_n) != RASAD_FORMAT_HTML)) {
        r->st->skipped++;
        rasad__http_release(&h);
        return 0;
    }
    if (h.ctype)
        rasad__ctype_charset(h.ctype, h.ctype_n, charset, sizeof charset);
    rc = rasad_html_extract(h.body, h.body_n, charset[0] ? charset : NULL, &doc);
    if (rc == RASAD_PARSE) {
        rasad__reject(r, line, "no text in html");
        rc = 0;
    } else if (rc == 0) {
        a.id = w->h[H_ID];
        a.url = w->h[H_URI] && *w->h[H_URI] ? w->h[H_URI] : doc.url;
        a.source = doc.site_name;
        a.title = doc.title;
        a.published = doc.published ? doc.published : w->h[H_DATE];
        a.text = doc.text;
        a.text_len = doc.text_len;
        a.raw = p;
        a.raw_len = n;
        a.line = line;
        rc = rasad__deliver(r, &a, "warc");
    }
    rasad_html_doc_free(&doc);
    rasad__http_release(&h);
    return rc;
}

/* Reads the headers of the record whose "WARC/" line was just read.
 * Returns 1 read, 0 bad (reported), -1 stream error, RASAD_NOMEM. */
static int headers(rasad__rd *r, rasad__br *b, wrec *w)
{
    for (int count = 0;; count++) {
        const char *p;
        size_t n;
        uint64_t off;
        int toolong, k = rasad__br_line(b, MAX_HEADER_LINE, &p, &n, &off, &toolong);
        if (k < 0)
            return b->err == RASAD_NOMEM ? RASAD_NOMEM : -1;
        if (k == 0) {
            rasad__reject(r, (long)w->off, "truncated WARC record");
            return 0;
        }
        if (toolong || count > MAX_HEADERS) {
            rasad__reject(r, (long)w->off, "WARC header too long");
            return 0;
        }
        if (n == 0)
            return 1;
        if ((k = header_line(w, p, n)) != 0)
            return k;
    }
}

/* One record from its headers on. Returns 0 to go on, 1 to stop (reported),
 * -1 on a stream error, or a stop value / RASAD_NOMEM. */
static int record(rasad__rd *r, rasad__br *b, wrec *w)
{
    const char *p;
    char *end;
    unsigned long long len;
    int k = headers(r, b, w);

    if (k != 1)
        return k == 0 ? 0 : k;
    len = w->h[H_LENGTH] ? strtoull(w->h[H_LENGTH], &end, 10) : 0;
    if (!w->h[H_LENGTH] || end == w->h[H_LENGTH] || *end) {
        rasad__reject(r, (long)w->off, "WARC record without Content-Length");
        return 0;
    }
    if (!w->h[H_TYPE] || strcasecmp(w->h[H_TYPE], "response") != 0 ||
        len > r->max) {
        if (len > r->max)
            rasad__reject(r, (long)w->off, "record larger than max_record (%zu bytes)", r->max);
        else
            r->st->skipped++;
        k = rasad__br_skip(b, len);
    } else {
        k = rasad__br_take(b, (size_t)len, &p);
        if (k == 1)
            return response(r, w, p, (size_t)len);
    }
    if (k == 0) {
        rasad__reject(r, (long)w->off, "truncated WARC record");
        return 1;
    }
    return k < 0 ? -1 : 0;
}

int rasad__read_warc(rasad__rd *r, rasad__in *in)
{
    rasad__br b;
    wrec w;
    int lost = 0, rc = 0;

    rasad__br_init(&b, in);
    memset(&w, 0, sizeof w);
    for (;;) {
        const char *p;
        size_t n;
        uint64_t off;
        int toolong, k = rasad__br_line(&b, MAX_HEADER_LINE, &p, &n, &off, &toolong);
        if (k <= 0) {
            rc = k;
            break;
        }
        if (!toolong && n >= 5 && memcmp(p, "WARC/", 5) == 0) {
            lost = 0;
            w.off = off;
            rc = record(r, &b, &w);
            wrec_release(&w);
            if (r->stop) {
                rasad__br_release(&b);
                return r->stop;
            }
            if (rc)
                break;
        } else if (toolong || n > 0) {
            if (!lost)
                rasad__reject(r, (long)off, "not a WARC record");
            lost = 1;
        }
    }
    if (rc == -1) {
        rc = 0;
        if (b.err == RASAD_NOMEM)
            rc = RASAD_NOMEM;
        else
            rasad__reject(r, (long)b.off, "%s", in->err ? in->err : "cannot read");
    } else if (rc == 1) {
        rc = 0;
    }
    wrec_release(&w);
    rasad__br_release(&b);
    return rc;
}
