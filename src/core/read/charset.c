/* charset.c - HTML bytes to clean UTF-8 before libxml2 sees them.
 *
 * Which encoding, first match wins (the HTML5 order): a byte order mark
 * (UTF-8, UTF-16LE, UTF-16BE); the charset argument (HTTP Content-Type);
 * <meta charset=...> or <meta http-equiv=content-type content="...;
 * charset=..."> in the first PRESCAN bytes; else UTF-8. A name iconv does
 * not know is read as UTF-8; a <meta> naming UTF-16 means UTF-8 (a page
 * whose ASCII <meta> could be read is not UTF-16). Bytes the encoding
 * cannot decode become U+FFFD; so do invalid UTF-8 and NUL bytes. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "read_internal.h"

#define PRESCAN 4096

static const struct { const char *label; const char *iconv; } labels[] = {
    { "utf-8", NULL },          { "utf8", NULL },
    { "unicode-1-1-utf-8", NULL },
    { "windows-1256", "WINDOWS-1256" }, { "cp1256", "WINDOWS-1256" },
    { "x-cp1256", "WINDOWS-1256" },
    { "iso-8859-6", "ISO-8859-6" },     { "arabic", "ISO-8859-6" },
    { "windows-1252", "WINDOWS-1252" }, { "iso-8859-1", "WINDOWS-1252" },
    { "latin1", "WINDOWS-1252" },       { "us-ascii", "WINDOWS-1252" },
    { "ascii", "WINDOWS-1252" },
    { "utf-16", "UTF-16" },             { "utf-16le", "UTF-16LE" },
    { "utf-16be", "UTF-16BE" },
};

/* The iconv name for a charset label; NULL for UTF-8; the label itself
 * (copied into tmp, lowercase) when the table does not list it. */
static const char *iconv_name(const char *label, char *tmp, size_t tmpsz)
{
    size_t n = 0;

    while (label[n] && n + 1 < tmpsz) {
        tmp[n] = (char)rasad__lower((unsigned char)label[n]);
        n++;
    }
    tmp[n] = '\0';
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(tmp, labels[i].label) == 0)
            return labels[i].iconv;
    return tmp;
}

/* Copies the label after "charset" at p[0..n) into out; 0 if none. */
static int label_after(const char *p, size_t n, char *out, size_t outsz)
{
    size_t i = 7, k = 0;

    while (i < n && (rasad__is_space((unsigned char)p[i]) || p[i] == '='))
        i++;
    while (i < n && (p[i] == '"' || p[i] == '\''))
        i++;
    while (i < n && k + 1 < outsz) {
        unsigned char c = (unsigned char)p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':'))
            break;
        out[k++] = (char)c;
        i++;
    }
    out[k] = '\0';
    return k > 0;
}

/* <meta ... charset ...> in the first PRESCAN bytes. */
static int meta_charset(const char *p, size_t n, char *out, size_t outsz)
{
    const char *m, *end = p + (n < PRESCAN ? n : PRESCAN);

    while ((m = rasad__memcasemem(p, (size_t)(end - p), "<meta")) != NULL) {
        const char *gt = memchr(m, '>', (size_t)(end - m));
        const char *tag_end = gt ? gt : end;
        const char *c = rasad__memcasemem(m, (size_t)(tag_end - m), "charset");
        if (c && label_after(c, (size_t)(tag_end - c), out, outsz))
            return 1;
        p = m + 5;
    }
    return 0;
}

int rasad__ctype_charset(const char *v, size_t n, char *out, size_t outsz)
{
    const char *c = rasad__memcasemem(v, n, "charset");
    return c && label_after(c, (size_t)(v + n - c), out, outsz);
}

/* Converts p[0..n) from the iconv encoding `from` into out (then scrubbed).
 * Returns 0, RASAD_NOMEM, or RASAD_UNSUPPORTED when iconv does not know it. */
static int convert(const char *p, size_t n, const char *from, rasad_buf *out)
{
    size_t unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : 1;
    rasad_buf tmp;
    char *in = (char *)p;
    size_t left = n;
    iconv_t cd = iconv_open("UTF-8", from);

    if (cd == (iconv_t)-1)
        return RASAD_UNSUPPORTED;
    rasad__buf_init(&tmp, 0);
    while (left > 0 && !tmp.err) {
        char *o;
        size_t room, r;
        if (rasad__buf_reserve(&tmp, left * 2 + 16) != 0)
            break;
        o = tmp.p + tmp.n;
        room = tmp.cap - tmp.n - 1;
        r = iconv(cd, &in, &left, &o, &room);
        tmp.n = (size_t)(o - tmp.p);
        if (r == (size_t)-1 && errno == EILSEQ) {
            size_t skip = unit < left ? unit : left;
            rasad__buf_add(&tmp, "\xEF\xBF\xBD", 3);
            in += skip;
            left -= skip;
        } else if (r == (size_t)-1 && errno == EINVAL) {
            rasad__buf_add(&tmp, "\xEF\xBF\xBD", 3);
            left = 0;
        } else if (r == (size_t)-1 && errno != E2BIG) {
            break;
        }
    }
    iconv_close(cd);
    if (tmp.err) {
        rasad__buf_release(&tmp);
        return RASAD_NOMEM;
    }
    rasad__scrub_add(out, tmp.p ? tmp.p : "", tmp.n);
    rasad__buf_release(&tmp);
    return out->err ? RASAD_NOMEM : 0;
}

int rasad__to_utf8(const char *html, size_t n, const char *charset,
                   rasad_buf *out)
{
    const unsigned char *u = (const unsigned char *)html;
    char label[64], tmp[64];
    const char *from = NULL;
    int rc;

    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        html += 3;
        n -= 3;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        from = "UTF-16LE";
        html += 2;
        n -= 2;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        from = "UTF-16BE";
        html += 2;
        n -= 2;
    } else if (charset && *charset) {
        from = iconv_name(charset, tmp, sizeof tmp);
    } else if (meta_charset(html, n, label, sizeof label)) {
        from = iconv_name(label, tmp, sizeof tmp);
        if (from && strncmp(from, "UTF-16", 6) == 0)
            from = NULL;
    }
    if (from) {
        rc = convert(html, n, from, out);
        if (rc != RASAD_UNSUPPORTED)
            return rc;
    }
    rasad__scrub_add(out, html, n);
    return out->err ? RASAD_NOMEM : 0;
}
