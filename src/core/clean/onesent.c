/* onesent.c - a fast answer for the common line that is a single sentence.
 *
 * rasad_sentence_split() decodes and classifies every code point, which
 * costs as much as tokenizing. A line gives exactly one sentence, its
 * whole self, when (by the splitter's own rules, src/core/text/sentence.c)
 *   - it has no line break character;
 *   - its stop marks (. ! ? ؟ ۔ … ‼ ⁇ ⁈ ⁉ and fullwidth . ! ?) all sit in
 *     the run of stop marks and closing quotes/brackets that ends it: that
 *     run ends a sentence or not, and the line is one sentence either way;
 *   - its first and last characters are not white space the splitter trims.
 * The test is on bytes and errs on the side of "no": the caller then asks
 * the splitter. A strict UTF-8 decoder (no overlong forms) decodes a code
 * point only from its own bytes, so a mark the splitter sees is found here.
 * Keep the tables below in step with sentence.c. */
#include <string.h>
#include "clean_internal.h"

#define S(s) { s, sizeof s - 1 }

/* Stop marks and closers: what the final run may hold. */
static const struct { const char *s; size_t n; } run_marks[] = {
    S("."), S("!"), S("?"), S("\xDB\x94"), S("\xD8\x9F"), S("\xE2\x80\xA6"),
    S("\xE2\x80\xBC"), S("\xE2\x81\x87"), S("\xE2\x81\x88"), S("\xE2\x81\x89"),
    S("\xEF\xBC\x8E"), S("\xEF\xBC\x81"), S("\xEF\xBC\x9F"),
    S("\xC2\xBB"), S(")"), S("]"), S("}"), S("\""), S("'"), S("\xE2\x80\x9D"),
    S("\xE2\x80\x99"), S("\xE2\x80\xBA"), S("\xEF\xB4\xBE"), S("\xEF\xB4\xBF"),
};

#undef S

/* Bytes that can start a stop mark or line break, and the second bytes of
 * ؟ (D8 9F) and ۔ (DB 94): Persian text is full of D8 and DB. */
static const unsigned char mark_byte[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xEF] = 1, [0x9F] = 2, [0x94] = 2,
};

/* Stop marks and line breaks after their first byte, by first byte. */
static int mark_at(const unsigned char *s, size_t n)
{
    switch (s[0]) {
    case '.': case '!': case '?': case '\n': case '\v': case '\f': case '\r':
        return 1;
    case 0xC2:      /* U+0085 */
        return n >= 2 && s[1] == 0x85;
    case 0xD8:      /* ؟ */
        return n >= 2 && s[1] == 0x9F;
    case 0xDB:      /* ۔ */
        return n >= 2 && s[1] == 0x94;
    case 0xE2:      /* … U+2028 U+2029 ‼ ⁇ ⁈ ⁉ */
        return n >= 3 && ((s[1] == 0x80 && (s[2] == 0xA6 || s[2] == 0xA8 ||
                                            s[2] == 0xA9 || s[2] == 0xBC)) ||
                          (s[1] == 0x81 && s[2] >= 0x87 && s[2] <= 0x89));
    case 0xEF:      /* fullwidth . ! ? */
        return n >= 3 && s[1] == 0xBC && (s[2] == 0x8E || s[2] == 0x81 || s[2] == 0x9F);
    default:
        return 0;
    }
}

/* Could the character starting with byte b be white space the splitter
 * trims (ASCII blanks, U+0085, NBSP, U+1680, U+2000-200F, U+2028-202F,
 * U+205F, U+2066-2069, U+3000, BOM)? */
static int maybe_blank(unsigned char b)
{
    return b <= ' ' || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF ||
           (b >= 0x80 && b < 0xC0);
}

int rasad__one_sentence(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t r = n;
    for (int again = 1; again && r > 0;) {
        again = 0;
        for (size_t k = 0; k < sizeof run_marks / sizeof run_marks[0]; k++) {
            size_t m = run_marks[k].n;
            if (r >= m && memcmp(p + r - m, run_marks[k].s, m) == 0) {
                r -= m;
                again = 1;
                break;
            }
        }
    }
    if (r == 0 || maybe_blank(s[0]))
        return 0;
    if (r == n) {       /* the last character must not be white space */
        size_t lead = n - 1;
        while (lead > 0 && n - lead < 4 && s[lead] >= 0x80 && s[lead] < 0xC0)
            lead--;
        if (maybe_blank(s[lead]))
            return 0;
    }
    for (size_t i = 0; i < r; i++) {
        int k = mark_byte[s[i]];
        if (k == 1 && mark_at(s + i, r - i))
            return 0;
        if (k == 2 && i > 0 && mark_at(s + i - 1, r - i + 1))
            return 0;
    }
    return 1;
}
