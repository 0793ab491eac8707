/* in.c - the bytes of a file or an in-memory buffer, gunzipped on the fly
 * when they start with the gzip magic (1f 8b). Concatenated gzip members
 * are read one after the other; bytes after the last member that are not
 * another member are ignored, as gzread() does. */
#include <errno.h>
#include <string.h>
#include "rasad/alloc.h"
#include "read_internal.h"

#define RAW_CHUNK ((size_t)64 << 10)

/* Refills the raw buffer when it is used up; returns bytes available,
 * 0 at the end, -1 on a read error. */
static long raw_fill(rasad__in *in)
{
    size_t got;

    if (in->raw_pos < in->raw_n)
        return (long)(in->raw_n - in->raw_pos);
    if (in->raw_eof)
        return 0;
    in->raw_pos = in->raw_n = 0;
    if (in->f) {
        got = fread(in->raw, 1, RAW_CHUNK, in->f);
        if (got < RAW_CHUNK) {
            if (ferror(in->f)) {
                snprintf(in->errbuf, sizeof in->errbuf, "cannot read: %s",
                         strerror(errno));
                in->err = in->errbuf;
                return -1;
            }
            in->raw_eof = 1;
        }
    } else {
        got = in->mem_n - in->mem_pos;
        if (got > RAW_CHUNK)
            got = RAW_CHUNK;
        memcpy(in->raw, in->mem + in->mem_pos, got);
        in->mem_pos += got;
        if (in->mem_pos == in->mem_n)
            in->raw_eof = 1;
    }
    in->raw_n = got;
    if (in->bytes)
        *in->bytes += got;
    return (long)got;
}

int rasad__in_open(rasad__in *in, const char *path, const char *p, size_t n,
                   uint64_t *bytes)
{
    long k;

    memset(in, 0, sizeof *in);
    in->bytes = bytes;
    in->raw = rasad_malloc(RAW_CHUNK);
    if (!in->raw)
        return RASAD_NOMEM;
    if (path) {
        in->f = fopen(path, "rb");
        if (!in->f) {
            int e = errno;
            rasad_free(in->raw);
            in->raw = NULL;
            errno = e;
            return RASAD_IO;
        }
    } else {
        in->mem = (const unsigned char *)p;
        in->mem_n = p ? n : 0;
    }
    k = raw_fill(in);
    if (k >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b)
        in->gz = 1;
    return 0;
}

/* Reads the next gzip member's output; inflate state set up lazily. */
static long gz_read(rasad__in *in, void *buf, size_t n)
{
    z_stream *z = &in->z;
    int rc;

    if (!in->zinit) {
        memset(z, 0, sizeof *z);
        if (inflateInit2(z, 15 + 16) != Z_OK) {
            in->err = "out of memory";
            return -1;
        }
        in->zinit = 1;
    }
    z->next_out = buf;
    z->avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    for (;;) {
        long k = raw_fill(in);
        if (k < 0)
            return -1;
        if (in->zend) {
            /* Between members: another one, or the end. */
            if (k == 0)
                return 0;
            if (in->raw[in->raw_pos] != 0x1f) {
                in->raw_pos = in->raw_n;
                in->raw_eof = 1;
                return 0;
            }
            inflateReset(z);
            in->zend = 0;
        }
        if (k == 0) {
            in->err = "truncated gzip";
            return -1;
        }
        z->next_in = in->raw + in->raw_pos;
        z->avail_in = (uInt)k;
        rc = inflate(z, Z_NO_FLUSH);
        in->raw_pos = in->raw_n - z->avail_in;
        if (rc == Z_STREAM_END) {
            in->zend = 1;
        } else if (rc == Z_MEM_ERROR) {
            in->err = "out of memory";
            return -1;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(in->errbuf, sizeof in->errbuf, "invalid gzip: %s",
                     z->msg ? z->msg : "corrupt data");
            in->err = in->errbuf;
            return -1;
        }
        if ((unsigned char *)z->next_out != (unsigned char *)buf)
            break;
    }
    return (long)((unsigned char *)z->next_out - (unsigned char *)buf);
}

long rasad__in_read(rasad__in *in, void *buf, size_t n)
{
    long k;

    if (in->err)
        return -1;
    if (n > ((size_t)1 << 30))
        n = (size_t)1 << 30;
    if (in->gz)
        return gz_read(in, buf, n);
    k = raw_fill(in);
    if (k <= 0)
        return k;
    if ((size_t)k > n)
        k = (long)n;
    memcpy(buf, in->raw + in->raw_pos, (size_t)k);
    in->raw_pos += (size_t)k;
    return k;
}

void rasad__in_close(rasad__in *in)
{
    if (in->f)
        fclose(in->f);
    if (in->zinit)
        inflateEnd(&in->z);
    rasad_free(in->raw);
    memset(in, 0, sizeof *in);
}
