/* utf8.c - UTF-8 that never fails: invalid input becomes U+FFFD. */
#include "rasad/text.h"
#include "utf8_decode.h"

size_t rasad_utf8_decode(const char *p, size_t n, uint32_t *cp, int *invalid)
{
    return rasad__utf8_decode(p, n, cp, invalid);
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
