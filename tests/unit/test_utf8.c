/* test_utf8.c - the decoder never fails and follows maximal subparts. */
#include "th.h"
#include "rasad/text.h"
#include "rasad/status.h"

typedef struct { const char *bytes; size_t n; uint32_t cps[8]; int ncp; size_t invalid; } dcase;

static const dcase cases[] = {
    { "a", 1, { 'a' }, 1, 0 },
    { "\xDB\x8C", 2, { 0x06CC }, 1, 0 },                      /* Persian yeh */
    { "\xE2\x80\x8C", 3, { 0x200C }, 1, 0 },                  /* ZWNJ */
    { "\xF0\x9F\x98\x80", 4, { 0x1F600 }, 1, 0 },
    { "\xC0\xAF", 2, { 0xFFFD, 0xFFFD }, 2, 2 },               /* overlong slash */
    { "\xE0\x80\xAF", 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 3, 3 },   /* overlong, 3 bytes */
    { "\xED\xA0\x80", 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 3, 3 },   /* surrogate D800 */
    { "\xF4\x90\x80\x80", 4, { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, 4, 4 }, /* > U+10FFFF */
    { "\xE2\x80", 2, { 0xFFFD }, 1, 1 },                       /* truncated: one subpart */
    { "\xE2\x80" "a", 3, { 0xFFFD, 'a' }, 2, 1 },
    { "\x80", 1, { 0xFFFD }, 1, 1 },                           /* stray continuation */
    { "\xFF", 1, { 0xFFFD }, 1, 1 },
    { "\0a", 2, { 0, 'a' }, 2, 0 },                            /* NUL is a character */
    { "\xDB", 1, { 0xFFFD }, 1, 1 },                           /* cut before the end */
};

int main(void)
{
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const dcase *t = &cases[c];
        size_t i = 0, bad = 0;
        int k = 0;
        while (i < t->n) {
            uint32_t cp;
            int inv;
            size_t len = rasad_utf8_decode(t->bytes + i, t->n - i, &cp, &inv);
            TH_CHECK(len >= 1 && len <= 4 && i + len <= t->n);
            if (k < 8)
                TH_EQ_INT(cp, t->cps[k]);
            k++;
            bad += (size_t)inv;
            i += len;
        }
        TH_EQ_INT(k, t->ncp);
        TH_EQ_INT(bad, t->invalid);
        TH_EQ_INT(rasad_utf8_count_invalid(t->bytes, t->n), t->invalid);
    }
    /* encode: round trip and invalid values */
    {
        char b[4];
        uint32_t cp;
        int inv;
        static const uint32_t cps[] = { 0, 'z', 0x7FF, 0x800, 0x06F5, 0xFFFF, 0x10000, 0x10FFFF };
        for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
            size_t n = rasad_utf8_encode(cps[i], b);
            TH_EQ_INT(rasad_utf8_decode(b, n, &cp, &inv), n);
            TH_EQ_INT(cp, cps[i]);
            TH_EQ_INT(inv, 0);
        }
        TH_EQ_INT(rasad_utf8_encode(0xD800, b), 3);
        rasad_utf8_decode(b, 3, &cp, &inv);
        TH_EQ_INT(cp, 0xFFFD);
        TH_EQ_INT(rasad_utf8_encode(0x110000, b), 3);
    }
    /* every status has a message and a name */
    TH_EQ_STR(rasad_strerror(RASAD_NOMEM), "out of memory");
    TH_EQ_STR(rasad_status_name(RASAD_BADUTF8), "BADUTF8");
    TH_EQ_STR(rasad_strerror(12345), "unknown status");
    return th_done();
}
