/* test_normalize_map.c - the offset map takes every output byte back to the
 * input bytes it came from. */
#include "th.h"
#include "rasad/text.h"

/* The source of output bytes [a, b) is input bytes [map[a], map[b]). */
static void source_is(const char *in, const uint32_t *map, size_t a, size_t b, const char *want)
{
    TH_EQ_STRN(in + map[a], map[b] - map[a], want);
}

int main(void)
{
    rasad_norm *nm;
    const char *out;
    size_t n;
    const uint32_t *map;
    const char *in;

    TH_EQ_INT(rasad_norm_new(RASAD_NORM_DEFAULT, &nm), RASAD_OK);

    /* letters mapped one for one; the collapsed run of spaces maps to its start */
    in = "علي   رفت";
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "علی رفت");
    TH_EQ_INT(map[0], 0);
    source_is(in, map, 0, 6, "علي");
    TH_EQ_INT(map[6], 6);      /* the space */
    TH_EQ_INT(map[7], 9);      /* ر after the three spaces */
    TH_EQ_INT(map[n], strlen(in));

    /* a removed mark belongs to the letter before it: its source spans it */
    in = "كِتاب";
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "کتاب");
    source_is(in, map, 0, 2, "كِ");

    /* a restored ZWNJ maps to the letter it was put before; the word's
     * source is the word as typed */
    in = "کتابها";
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "کتاب\xE2\x80\x8Cها");
    TH_EQ_INT(map[8], 8);
    TH_EQ_INT(map[11], 8);
    source_is(in, map, 0, n, "کتابها");

    /* a space turned into ZWNJ maps to the space */
    in = "می رود";
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "می\xE2\x80\x8Cرود");
    TH_EQ_INT(map[4], 4);

    /* presentation form: two output letters from one three-byte input */
    in = "\xEF\xBB\xBB!"; /* ﻻ */
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "لا!");
    TH_EQ_INT(map[0], 0);
    TH_EQ_INT(map[2], 0);
    TH_EQ_INT(map[4], 3);

    /* invalid bytes: U+FFFD maps to the bad byte */
    in = "a\xFFz";
    TH_EQ_INT(rasad_norm_run(nm, in, 3, &out, &n, &map), RASAD_OK);
    TH_EQ_STRN(out, n, "a\xEF\xBF\xBDz");
    TH_EQ_INT(map[1], 1);
    TH_EQ_INT(map[4], 2);

    /* the map never decreases, over a mixed line */
    in = "  ( سلام ) ، كتاب‌‌ها\xC2\xA0و 3.5 ٪ ﻧﺎﻥ  ";
    TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out, &n, &map), RASAD_OK);
    {
        int ok = 1;
        for (size_t i = 0; i < n; i++)
            ok &= map[i] <= map[i + 1];
        TH_CHECK(ok);
        TH_EQ_INT(map[n], strlen(in));
    }

    /* without a map the text is the same */
    {
        const char *out2;
        size_t n2;
        char keep[256];
        memcpy(keep, out, n);
        TH_EQ_INT(rasad_norm_run(nm, in, strlen(in), &out2, &n2, NULL), RASAD_OK);
        TH_CHECK(n2 == n && memcmp(out2, keep, n) == 0);
    }
    /* long runs of letters and single spaces (the character pass takes
     * them 64 bytes at a time): the text is copied, ي becomes ی, and every
     * byte maps to where its character starts, wherever a word, a space or
     * a ZWNJ falls against the 64-byte steps */
    for (size_t shift = 0; shift < 4; shift++) {
        char buf[1024], want[1024];
        size_t bn = 0, wn = 0;
        memcpy(buf, "abc", shift); /* ASCII before the run moves it by shift bytes */
        memcpy(want, "abc", shift);
        bn = wn = shift;
        for (int k = 0; k < 24; k++) {
            static const char *words[] = { "سلام", "دنیاي", "نمی\xE2\x80\x8Cدانم", "و", "کتاب" };
            static const char *outw[] = { "سلام", "دنیای", "نمی\xE2\x80\x8Cدانم", "و", "کتاب" };
            size_t wl = strlen(words[k % 5]), ol = strlen(outw[k % 5]);
            memcpy(buf + bn, words[k % 5], wl);
            memcpy(want + wn, outw[k % 5], ol);
            bn += wl;
            wn += ol;
            buf[bn++] = ' ';
            want[wn++] = ' ';
        }
        bn--; /* no space at the end */
        want[--wn] = '\0';
        TH_EQ_INT(rasad_norm_run(nm, buf, bn, &out, &n, &map), RASAD_OK);
        TH_EQ_STRN(out, n, want); /* one for one: same length */
        {
            int ok = (n == bn);
            for (size_t i = 0; ok && i < n; i++) {
                size_t start = i;
                while (start > 0 && ((unsigned char)out[start] & 0xC0) == 0x80)
                    start--;
                ok &= map[i] == start;
            }
            TH_CHECK(ok);
            TH_EQ_INT(map[n], bn);
        }
    }
    rasad_norm_free(nm);
    rasad_norm_free(NULL);
    return th_done();
}
