/* sentence.c - the sentence splitter (rules in docs/sentence-stem.md).
 *
 * One forward pass over code points. A run of stop marks and closing
 * quotes/brackets is a candidate end; the run's kind, the word before it and
 * the character after it decide. Short « » quotes are found by a bounded
 * look-ahead and never split. */
#include <string.h>
#include <utf8proc.h>
#include "rasad/sentence.h"
#include "rasad/text.h"

/* A « » or “ ” quote that closes on the same line within this many code
 * points is kept inside one sentence, stop marks and all. */
#define QUOTE_SHORT 120

enum stop_kind { STOP_DOT = 1, STOP_STRONG, STOP_ELLIPSIS };

static const struct { uint32_t cp; unsigned char kind; } stops[] = {
    { '.',    STOP_DOT },      { 0x06D4, STOP_DOT },      /* ۔ Urdu full stop */
    { 0xFF0E, STOP_DOT },                                  /* fullwidth . */
    { '!',    STOP_STRONG },   { '?',    STOP_STRONG },
    { 0x061F, STOP_STRONG },                               /* ؟ */
    { 0x203C, STOP_STRONG },   { 0x2047, STOP_STRONG },   /* ‼ ⁇ */
    { 0x2048, STOP_STRONG },   { 0x2049, STOP_STRONG },   /* ⁈ ⁉ */
    { 0xFF01, STOP_STRONG },   { 0xFF1F, STOP_STRONG },   /* ！ ？ */
    { 0x2026, STOP_ELLIPSIS },                             /* … */
};

/* Closing quotes and brackets that stay with the sentence they close. */
static const uint32_t closers[] = {
    0x00BB, ')', ']', '}', '"', '\'', 0x201D, 0x2019, 0x203A, 0xFD3E, 0xFD3F,
};

/* Quotes whose short spans are never split. */
static const struct { uint32_t open, close; } quotes[] = {
    { 0x00AB, 0x00BB }, /* « » */
    { 0x201C, 0x201D }, /* “ ” */
};

/* Words that a final dot does not end. Single letters (ه.ق.، م. ر.، U.S.)
 * are initials by rule and need no entry. */
static const char *const abbrevs[] = {
    /* Persian */
    "الف", "صص", "ره", "عج", "رض",
    /* Latin, as written */
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "vs", "etc", "Inc",
    "Ltd", "Co", "Corp", "No", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov",
    "Sen", "Rep", "Mt", "cf", "al", "approx", "dept", "fig", "vol", "pp",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int stop_kind(uint32_t cp)
{
    size_t i;
    for (i = 0; i < COUNT(stops); i++)
        if (stops[i].cp == cp)
            return stops[i].kind;
    return 0;
}

static int is_closer(uint32_t cp)
{
    size_t i;
    for (i = 0; i < COUNT(closers); i++)
        if (closers[i] == cp)
            return 1;
    return 0;
}

static uint32_t quote_close(uint32_t cp)
{
    size_t i;
    for (i = 0; i < COUNT(quotes); i++)
        if (quotes[i].open == cp)
            return quotes[i].close;
    return 0;
}

static int is_break(uint32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

/* White space and invisible format characters trimmed from span edges. */
static int is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || is_break(cp) || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202F) || cp == 0x205F ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x3000 || cp == 0xFEFF;
}

static int is_letter(uint32_t cp)
{
    utf8proc_category_t c;
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MC;
}

static int is_digit(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

static int is_arabic_script(uint32_t cp)
{
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

static size_t next_cp(const char *p, size_t n, size_t i, uint32_t *cp)
{
    int invalid;
    return rasad_utf8_decode(p + i, n - i, cp, &invalid);
}

/* Returns where the code point ending at byte i (> lo) starts; an invalid
 * tail byte counts as one U+FFFD. */
static size_t prev_cp(const char *p, size_t lo, size_t i, uint32_t *cp)
{
    size_t k = i - 1;
    int invalid;
    while (k > lo && i - k < 4 && ((unsigned char)p[k] & 0xC0) == 0x80)
        k--;
    if (rasad_utf8_decode(p + k, i - k, cp, &invalid) != i - k || invalid) {
        *cp = RASAD_REPLACEMENT_CHAR;
        return i - 1;
    }
    return k;
}

/* Returns the byte just past the close of the quote opened before byte i,
 * or 0 when it does not close on this line within QUOTE_SHORT. */
static size_t short_quote_end(const char *p, size_t n, size_t i,
                              uint32_t open, uint32_t close)
{
    int depth = 0, count = 0;
    uint32_t cp;
    while (i < n && count++ < QUOTE_SHORT) {
        size_t len = next_cp(p, n, i, &cp);
        if (is_break(cp))
            return 0;
        if (cp == open)
            depth++;
        else if (cp == close && depth-- == 0)
            return i + len;
        i += len;
    }
    return 0;
}

/* Is the dot at byte i a non-final dot: an initial, an abbreviation, or a
 * list number at the start of the sentence (start)? */
static int dot_is_abbrev(const char *p, size_t start, size_t i)
{
    size_t w = i, k, a, letters = 0, digits = 0;
    uint32_t cp;
    while (w > start) {
        k = prev_cp(p, start, w, &cp);
        if (is_letter(cp))
            letters++;
        else if (is_digit(cp))
            digits++;
        else
            break;
        w = k;
    }
    if (letters == 1 && digits == 0)
        return 1;
    if (letters == 0 && digits > 0 && digits <= 3 && w == start)
        return 1;
    for (a = 0; a < COUNT(abbrevs); a++)
        if (strlen(abbrevs[a]) == i - w && memcmp(abbrevs[a], p + w, i - w) == 0)
            return 1;
    return 0;
}

/* Does the run of stops and closers p[i..e) end a sentence? kinds has bit
 * (1 << kind) set for every stop kind in the run; dots counts STOP_DOT. */
static int run_ends(const char *p, size_t n, size_t start, size_t i, size_t e,
                    unsigned kinds, int dots)
{
    uint32_t before = 0, after = 0;
    if (i > start)
        prev_cp(p, start, i, &before);
    if (e < n) {
        next_cp(p, n, e, &after);
        if (!is_blank(after) &&
            !(is_arabic_script(after) && is_letter(after) && before >= 0x80))
            return 0;
    }
    if (kinds & (1u << STOP_STRONG))
        return before != '(' && before != '[';
    if ((kinds & (1u << STOP_ELLIPSIS)) || dots > 1)
        return 0;
    return !dot_is_abbrev(p, start, i);
}

static int emit(const char *p, size_t start, size_t end,
                rasad_sentence_fn fn, void *ctx)
{
    uint32_t cp;
    while (start < end) {
        size_t len = next_cp(p, end, start, &cp);
        if (!is_blank(cp))
            break;
        start += len;
    }
    while (end > start) {
        size_t k = prev_cp(p, start, end, &cp);
        if (!is_blank(cp))
            break;
        end = k;
    }
    return end > start ? fn(ctx, start, end) : 0;
}

int rasad_sentence_split(const char *p, size_t n, unsigned flags,
                         rasad_sentence_fn fn, void *ctx)
{
    size_t i = 0, start = 0, quote_end = 0;
    int blank_lines = 0, rc;
    uint32_t cp, cp2;

    while (i < n) {
        size_t len = next_cp(p, n, i, &cp);
        if (is_break(cp)) {
            if (cp == '\r' && i + 1 < n && p[i + 1] == '\n')
                len++;
            if (!(flags & RASAD_SENT_SOFT_NEWLINE) || ++blank_lines >= 2) {
                if ((rc = emit(p, start, i, fn, ctx)) != 0)
                    return rc;
                start = i + len;
                quote_end = 0;
            }
        } else if (!is_blank(cp)) {
            blank_lines = 0;
        }
        if (i >= quote_end && quote_close(cp) != 0) {
            quote_end = short_quote_end(p, n, i + len, cp, quote_close(cp));
        } else if (i >= quote_end && stop_kind(cp) != 0) {
            unsigned kinds = 0;
            int dots = 0, k;
            size_t e = i;
            while (e < n) {
                size_t l2 = next_cp(p, n, e, &cp2);
                if ((k = stop_kind(cp2)) != 0) {
                    kinds |= 1u << k;
                    dots += k == STOP_DOT;
                } else if (!is_closer(cp2)) {
                    break;
                }
                e += l2;
            }
            if (run_ends(p, n, start, i, e, kinds, dots)) {
                if ((rc = emit(p, start, e, fn, ctx)) != 0)
                    return rc;
                start = e;
            }
            len = e - i;
        }
        i += len;
    }
    return emit(p, start, n, fn, ctx);
}
