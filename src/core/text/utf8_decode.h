/* utf8_decode.h - the UTF-8 decoder as an inline function, for the hot
 * loops of the normalizer and tokenizer (internal; rasad_utf8_decode() is
 * the public face of the same code).
 *
 * Follows Unicode 15 section 3.9 "U+FFFD substitution of maximal subparts":
 * the second byte's range depends on the lead byte (E0 A0..BF, ED 80..9F,
 * F0 90..BF, F4 80..8F), which rules out overlong forms, surrogates and
 * values past U+10FFFF in one check. */
#ifndef RASAD_UTF8_DECODE_H
#define RASAD_UTF8_DECODE_H

#include <stddef.h>
#include <stdint.h>

static inline size_t rasad__utf8_decode(const char *p, size_t n, uint32_t *cp, int *invalid)
{
    const unsigned char *s = (const unsigned char *)p;
    unsigned c = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t len, i;
    uint32_t v;

    if (c < 0x80) {
        *cp = c;
        *invalid = 0;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        i = 1;
        goto bad;
    }
    for (i = 1; i < len; i++) {
        unsigned b;
        if (i >= n)
            goto bad;
        b = s[i];
        if (b < lo || b > hi)
            goto bad;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    *invalid = 0;
    return len;
bad:
    *cp = 0xFFFDu;
    *invalid = 1;
    return i;
}

#endif
