/* utf8.c - a UTF-8 decoder that never fails: invalid input becomes U+FFFD.
 *
 * Follows Unicode 15 section 3.9 "U+FFFD substitution of maximal subparts":
 * the second byte's range depends on the lead byte (E0 A0..BF, ED 80..9F,
 * F0 90..BF, F4 80..8F), which rules out overlong forms, surrogates and
 * values past U+10FFFF in one check. */
#include "rasad/text.h"

size_t rasad_utf8_decode(const char *p, size_t n, uint32_t *cp, int *invalid)
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
    *cp = RASAD_REPLACEMENT_CHAR;
    *invalid = 1;
    return i;
}

size_t rasad_utf8_encode(uint32_t cp, char out[4])
{
    unsigned char *o = (unsigned char *)out;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = RASAD_REPLACEMENT_CHAR;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t rasad_utf8_count_invalid(const char *p, size_t n)
{
    size_t i = 0, bad = 0;
    while (i < n) {
        uint32_t cp;
        int inv;
        if ((unsigned char)p[i] < 0x80) {
            i++;
            continue;
        }
        i += rasad_utf8_decode(p + i, n - i, &cp, &inv);
        bad += (size_t)inv;
    }
    return bad;
}
