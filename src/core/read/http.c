/* http.c - the HTTP response stored in a WARC record: status line, headers,
 * then the entity body with the transfer coding (chunked) and the content
 * coding (gzip, x-gzip, deflate) undone. A body that says "chunked" but
 * does not start with a chunk size is taken as it is (some crawlers store
 * it decoded and keep the header). */
#include <string.h>
#include <zlib.h>
#include "rasad/alloc.h"
#include "read_internal.h"

/* Offset of the header line "name:" in h[0..n) and its value. */
static int header(const char *h, size_t n, const char *name, const char **v,
                  size_t *vn)
{
    size_t k = strlen(name), i = 0;

    while (i < n) {
        const char *e = memchr(h + i, '\n', n - i);
        size_t len = e ? (size_t)(e - (h + i)) : n - i;
        if (len > k && h[i + k] == ':' && strncasecmp(h + i, name, k) == 0) {
            const char *s = h + i + k + 1, *end = h + i + len;
            while (s < end && rasad__is_space((unsigned char)*s))
                s++;
            while (end > s && rasad__is_space((unsigned char)end[-1]))
                end--;
            *v = s;
            *vn = (size_t)(end - s);
            return 1;
        }
        i += len + 1;
    }
    return 0;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Undoes chunked coding of p[0..n) into out. Returns 0, 1 when p does not
 * start with a chunk size (take it as it is), -1 when a chunk is broken. */
static int dechunk(const char *p, size_t n, rasad_buf *out)
{
    size_t i = 0;
    int first = 1;

    while (i < n) {
        uint64_t size = 0;
        size_t digits = 0;
        const char *e;
        while (i < n && hexval((unsigned char)p[i]) >= 0 && digits < 16) {
            size = size * 16 + (uint64_t)hexval((unsigned char)p[i++]);
            digits++;
        }
        e = memchr(p + i, '\n', n - i);
        if (digits == 0 || !e)
            return first ? 1 : -1;
        i = (size_t)(e - p) + 1;
        first = 0;
        if (size == 0)
            return 0;
        if (size > n - i)
            return -1;
        rasad__buf_add(out, p + i, (size_t)size);
        i += (size_t)size;
        if (i < n && p[i] == '\r')
            i++;
        if (i < n && p[i] == '\n')
            i++;
    }
    return first ? 1 : 0;  /* no closing 0-size chunk: keep what came */
}

/* Inflates p[0..n) (window: 15+32 gzip or zlib, -15 raw deflate) into out,
 * at most max bytes. Returns 0 or -1. */
static int inflate_body(const char *p, size_t n, int window, size_t max,
                        rasad_buf *out)
{
    z_stream z;
    int rc = Z_OK;

    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window) != Z_OK)
        return -1;
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    while (rc == Z_OK) {
        if (rasad__buf_reserve(out, 64 << 10) != 0 || out->n > max)
            break;
        z.next_out = (Bytef *)out->p + out->n;
        z.avail_out = (uInt)(out->cap - out->n - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        out->n = (size_t)((char *)z.next_out - out->p);
        out->p[out->n] = '\0';
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            break;
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END || (rc == Z_BUF_ERROR && out->n > 0) ? 0 : -1;
}

void rasad__http_release(rasad__http *h)
{
    rasad_free(h->body);
    memset(h, 0, sizeof *h);
}

int rasad__http_parse(const char *msg, size_t n, size_t max, rasad__http *h,
                      const char **what)
{
    const char *hend, *body, *v;
    size_t hn, body_n, vn;
    rasad_buf dec, inf;
    int rc = 0;

    memset(h, 0, sizeof *h);
    *what = NULL;
    if (n < 12 || memcmp(msg, "HTTP/", 5) != 0) {
        *what = "not an HTTP response";
        return RASAD_PARSE;
    }
    v = memchr(msg, ' ', n < 32 ? n : 32);
    /* a status is three digits; a longer run of digits is no status (and
     * must not overflow the int) */
    for (v = v ? v + 1 : msg + n; v < msg + n && *v >= '0' && *v <= '9'; v++)
        h->status = h->status < 1000 ? h->status * 10 + (*v - '0') : h->status;
    hend = rasad__memcasemem(msg, n, "\r\n\r\n");
    body = hend ? hend + 4 : NULL;
    if (!hend && (hend = rasad__memcasemem(msg, n, "\n\n")) != NULL)
        body = hend + 2;
    if (!hend)
        hend = body = msg + n;
    hn = (size_t)(hend - msg);
    body_n = (size_t)(msg + n - body);
    if (header(msg, hn, "Content-Type", &v, &vn)) {
        h->ctype = v;
        h->ctype_n = vn;
    }
    rasad__buf_init(&dec, max);
    rasad__buf_init(&inf, max);
    if (header(msg, hn, "Transfer-Encoding", &v, &vn) &&
        rasad__memcasemem(v, vn, "chunked")) {
        int k = dechunk(body, body_n, &dec);
        if (k < 0) {
            *what = "bad chunked encoding";
            rc = RASAD_PARSE;
            goto done;
        }
        if (k == 0) {
            body = dec.p ? dec.p : "";
            body_n = dec.n;
        }
    }
    if (header(msg, hn, "Content-Encoding", &v, &vn) && vn > 0 &&
        !(vn == 8 && strncasecmp(v, "identity", 8) == 0)) {
        int window = rasad__memcasemem(v, vn, "gzip") ? 15 + 32
                   : rasad__memcasemem(v, vn, "deflate") ? 15 : 0;
        if (!window) {
            *what = "unsupported Content-Encoding";
            rc = RASAD_PARSE;
            goto done;
        }
        if (inflate_body(body, body_n, window, max, &inf) != 0 &&
            (window != 15 || (inf.n = 0, inflate_body(body, body_n, -15, max, &inf)) != 0)) {
            *what = inf.err == RASAD_NOMEM ? NULL : "invalid compressed body";
            rc = inf.err == RASAD_NOMEM ? RASAD_NOMEM : RASAD_PARSE;
            goto done;
        }
        body = inf.p ? inf.p : "";
        body_n = inf.n;
    }
    if (dec.err == RASAD_NOMEM) {
        rc = RASAD_NOMEM;
        goto done;
    }
    h->body = rasad_malloc(body_n + 1);
    if (!h->body) {
        rc = RASAD_NOMEM;
        goto done;
    }
    memcpy(h->body, body, body_n);
    h->body[body_n] = '\0';
    h->body_n = body_n;
done:
    rasad__buf_release(&dec);
    rasad__buf_release(&inf);
    return rc;
}
