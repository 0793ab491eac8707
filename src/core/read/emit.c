/* emit.c - handing records to the caller: good ones to on_article, bad
 * ones to on_error, both counted in the stats. */
#include <stdarg.h>
#include <string.h>
#include "read_internal.h"

void rasad__reject(rasad__rd *r, long line, const char *fmt, ...)
{
    char what[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    r->rejected = 1;
    r->st->rejected++;
    if (r->o->on_error)
        r->o->on_error(r->o->ud, r->file, line, what);
}

int rasad__url_host(const char *url, char *out, size_t outsz)
{
    const char *s, *e, *at;
    size_t n;

    if (!url || outsz == 0 || !(s = strstr(url, "://")))
        return 0;
    s += 3;
    e = s + strcspn(s, "/?#");
    at = memchr(s, '@', (size_t)(e - s));
    if (at)
        s = at + 1;
    n = strcspn(s, ":/?#");
    if (n > (size_t)(e - s))
        n = (size_t)(e - s);
    if (n == 0 || n >= outsz)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)rasad__lower((unsigned char)s[i]);
    out[n] = '\0';
    return 1;
}

static int empty(const char *s)
{
    return !s || !*s;
}

int rasad__deliver(rasad__rd *r, rasad_article *a, const char *format)
{
    char host[256];
    int rc;

    a->format = format;
    a->file = r->file;
    if (!a->text) {
        a->text = "";
        a->text_len = 0;
    }
    if (!a->raw) {
        a->raw = "";
        a->raw_len = 0;
    }
    if (empty(a->source) && rasad__url_host(a->url, host, sizeof host))
        a->source = host;
    r->st->records++;
    rc = r->o->on_article(r->o->ud, a);
    if (rc)
        r->stop = rc;
    return rc;
}

const char *rasad__memcasemem(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0)
        return p;
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && rasad__lower((unsigned char)p[i + j]) ==
                            rasad__lower((unsigned char)needle[j]))
            j++;
        if (j == k)
            return p + i;
    }
    return NULL;
}
