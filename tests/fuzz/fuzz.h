/* fuzz.h - shared by the fuzz targets and replay_main.c.
 *
 * Every target asserts properties, not just "no crash": a broken property
 * prints what failed and calls abort(), which libFuzzer (and replay_main's
 * child process) reports as a crash with the input that caused it. The
 * reference UTF-8 decoder below is written from Unicode 15, section 3.9
 * (table 3-7 and "U+FFFD substitution of maximal subparts") independently of
 * src/core/text/utf8.c, so the UTF-8 target is a differential test. */
#ifndef RASAD_FUZZ_H
#define RASAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_CHECK(cond) do {                                                  \
    if (!(cond)) {                                                           \
        fprintf(stderr, "property failed: %s (%s:%d)\n", #cond,              \
                __FILE__, __LINE__);                                         \
        abort();                                                             \
    }                                                                        \
} while (0)

/* Decodes s[0..n), n > 0, the way Unicode 3.9 says: returns the bytes of one
 * well-formed sequence, or of one maximal subpart of an ill-formed one (at
 * least 1), and sets *bad. */
static inline size_t fz_ref_decode(const unsigned char *s, size_t n,
                                   uint32_t *cp, int *bad)
{
    unsigned b0 = s[0], lo = 0x80, hi = 0xBF;
    size_t need;
    uint32_t c;

    *bad = 0;
    if (b0 < 0x80) { *cp = b0; return 1; }
    if (b0 >= 0xC2 && b0 <= 0xDF)      { need = 1; c = b0 & 0x1F; }
    else if (b0 == 0xE0)               { need = 2; c = b0 & 0x0F; lo = 0xA0; }
    else if (b0 == 0xED)               { need = 2; c = b0 & 0x0F; hi = 0x9F; }
    else if (b0 >= 0xE1 && b0 <= 0xEF) { need = 2; c = b0 & 0x0F; }
    else if (b0 == 0xF0)               { need = 3; c = b0 & 0x07; lo = 0x90; }
    else if (b0 >= 0xF1 && b0 <= 0xF3) { need = 3; c = b0 & 0x07; }
    else if (b0 == 0xF4)               { need = 3; c = b0 & 0x07; hi = 0x8F; }
    else { *bad = 1; *cp = 0xFFFD; return 1; }

    for (size_t i = 1; i <= need; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) {
            *bad = 1;
            *cp = 0xFFFD;
            return i;
        }
        c = (c << 6) | (s[i] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return need + 1;
}

/* Returns 1 when p[0..n) is well-formed UTF-8 by the reference decoder. */
static inline int fz_utf8_valid(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;

    while (i < n) {
        uint32_t cp;
        int bad;
        i += fz_ref_decode(s + i, n - i, &cp, &bad);
        if (bad)
            return 0;
    }
    return 1;
}

#endif
