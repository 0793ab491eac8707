/* scrub.c - every string a reader hands over is NUL-terminated UTF-8 the
 * rest of rasad can trust: NUL bytes inside the input and invalid UTF-8
 * subparts become U+FFFD (what the normalizer would make of them anyway). */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/text.h"
#include "read_internal.h"

int rasad__is_clean(const char *p, size_t n)
{
    return memchr(p, '\0', n) == NULL && rasad_utf8_count_invalid(p, n) == 0;
}

void rasad__scrub_add(rasad_buf *b, const char *p, size_t n)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    size_t i = 0, start = 0;

    if (rasad__is_clean(p, n)) {
        rasad__buf_add(b, p, n);
        return;
    }
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        uint32_t cp;
        int bad = 0;
        size_t k;
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        k = c == 0 ? 1 : rasad_utf8_decode(p + i, n - i, &cp, &bad);
        if (c == 0 || bad) {
            rasad__buf_add(b, p + start, i - start);
            rasad__buf_add(b, fffd, 3);
            start = i + k;
        }
        i += k;
    }
    rasad__buf_add(b, p + start, n - start);
}

void rasad__denul_add(rasad_buf *b, const char *p, size_t n)
{
    const char *z;

    while ((z = memchr(p, '\0', n)) != NULL) {
        rasad__buf_add(b, p, (size_t)(z - p));
        rasad__buf_add(b, "\xEF\xBF\xBD", 3);
        n -= (size_t)(z - p) + 1;
        p = z + 1;
    }
    rasad__buf_add(b, p, n);
}

char *rasad__clean_dup(const char *p, size_t n, int trim)
{
    rasad_buf b;

    if (trim) {
        while (n > 0 && rasad__is_space((unsigned char)*p)) {
            p++;
            n--;
        }
        while (n > 0 && rasad__is_space((unsigned char)p[n - 1]))
            n--;
    }
    rasad__buf_init(&b, 0);
    rasad__scrub_add(&b, p, n);
    if (b.err) {
        rasad__buf_release(&b);
        return NULL;
    }
    return rasad__buf_detach(&b, NULL);
}
