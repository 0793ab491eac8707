/* fuzz_utf8.c - the UTF-8 decoder and encoder against the reference decoder.
 *
 * Properties, for every input:
 *  - rasad_utf8_decode consumes 1-4 bytes, never past the end, so a walk
 *    over the input always progresses;
 *  - it agrees with fz_ref_decode on length, code point and validity
 *    (maximal subparts, Unicode 15 section 3.9);
 *  - an invalid subpart yields U+FFFD; a valid one is a scalar value whose
 *    rasad_utf8_encode() gives back exactly the bytes consumed;
 *  - the re-encoded output is valid UTF-8 and rasad_utf8_count_invalid()
 *    finds none in it and as many in the input as the walk did;
 *  - rasad_utf8_encode() of any 32-bit value writes 1-4 bytes that decode
 *    back to the value, or to U+FFFD for surrogates and values past U+10FFFF. */
#include <string.h>

#include "fuzz.h"
#include "rasad/text.h"

static size_t canonical_len(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static void check_encode(uint32_t cp)
{
    char b[4];
    uint32_t back;
    int bad;
    size_t k = rasad_utf8_encode(cp, b);
    int scalar = cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    uint32_t want = scalar ? cp : RASAD_REPLACEMENT_CHAR;

    FZ_CHECK(k >= 1 && k <= 4);
    FZ_CHECK(k == canonical_len(want));
    FZ_CHECK(fz_ref_decode((const unsigned char *)b, k, &back, &bad) == k);
    FZ_CHECK(!bad && back == want);
    FZ_CHECK(rasad_utf8_decode(b, k, &back, &bad) == k);
    FZ_CHECK(!bad && back == want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    char *out = malloc(size * 3 + 1);
    size_t i = 0, o = 0, invalid = 0;

    FZ_CHECK(out != NULL);
    while (i < size) {
        uint32_t cp = 0, rcp;
        int bad = -1, rbad;
        size_t k = rasad_utf8_decode(p + i, size - i, &cp, &bad);
        size_t rk = fz_ref_decode(data + i, size - i, &rcp, &rbad);

        FZ_CHECK(k >= 1 && k <= 4);
        FZ_CHECK(k <= size - i);
        FZ_CHECK(bad == 0 || bad == 1);
        FZ_CHECK(k == rk);
        FZ_CHECK(bad == rbad);
        FZ_CHECK(cp == rcp);
        if (bad) {
            FZ_CHECK(cp == RASAD_REPLACEMENT_CHAR);
            invalid++;
        } else {
            char b[4];
            FZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
            FZ_CHECK(rasad_utf8_encode(cp, b) == k);
            FZ_CHECK(memcmp(b, p + i, k) == 0);
        }
        o += rasad_utf8_encode(cp, out + o);
        i += k;
    }
    FZ_CHECK(o <= size * 3);
    FZ_CHECK(fz_utf8_valid(out, o));
    FZ_CHECK(rasad_utf8_count_invalid(out, o) == 0);
    FZ_CHECK(rasad_utf8_count_invalid(p, size) == invalid);
    free(out);

    /* Every 4-byte window, read as a little-endian value, through encode. */
    for (i = 0; i + 4 <= size; i += 4) {
        uint32_t v = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                     (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
        check_encode(v);
        check_encode(v & 0x1FFFFF);
        check_encode(v & 0xFFFF);
    }
    return 0;
}
