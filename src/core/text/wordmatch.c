/* wordmatch.c - folding word matcher for the number and date tables. */
#include "wordmatch.h"

#include <utf8proc.h>
#include "rasad/text.h"

uint32_t rasad__wm_cp(const char *p, size_t n, size_t i, size_t *len)
{
    uint32_t cp;
    int invalid;

    if (i >= n) {
        *len = 0;
        return 0;
    }
    *len = rasad_utf8_decode(p + i, n - i, &cp, &invalid);
    return cp;
}

int rasad__wm_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x06F0 && cp <= 0x06F9)
        return (int)(cp - 0x06F0);
    if (cp >= 0x0660 && cp <= 0x0669)
        return (int)(cp - 0x0660);
    return -1;
}

int rasad__wm_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return 1;
    default:
        return 0;
    }
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == RASAD__ZWNJ ||
           cp == 0x200B || cp == 0x2009 || cp == 0x202F || cp == 0x2002 ||
           cp == 0x2003;
}

/* Skipped inside words: harakat and other Arabic marks, superscript alef,
 * Quranic marks, tatweel, ZWJ. */
static int is_ignorable(uint32_t cp)
{
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
           (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x200D;
}

/* One letter per equivalence class of the tables. */
uint32_t rasad__wm_fold(uint32_t cp)
{
    switch (cp) {
    case 0x064A:                 /* Arabic yeh */
    case 0x0649:                 /* alef maksura */
        return 0x06CC;
    case 0x0643:                 /* Arabic kaf */
        return 0x06A9;
    case 0x06C0:                 /* heh with yeh above (ezafe) */
    case 0x0629:                 /* teh marbuta */
    case 0x06D5:                 /* ae */
    case 0x06C1:                 /* heh goal */
        return 0x0647;
    case 0x0622:                 /* alef with madda */
    case 0x0623:                 /* alef with hamza above */
    case 0x0625:                 /* alef with hamza below */
    case 0x0671:                 /* alef wasla */
        return 0x0627;
    default:
        return cp;
    }
}

size_t rasad__wm_skip_space(const char *p, size_t n, size_t i)
{
    size_t len;

    while (i < n && is_space(rasad__wm_cp(p, n, i, &len)))
        i += len;
    return i;
}

int rasad__wm_boundary(const char *p, size_t n, size_t i)
{
    size_t len;

    return i >= n || !rasad__wm_is_letter(rasad__wm_cp(p, n, i, &len));
}

static size_t skip_ignorable(const char *p, size_t n, size_t i)
{
    size_t len;

    while (i < n && is_ignorable(rasad__wm_cp(p, n, i, &len)))
        i += len;
    return i;
}

uint32_t rasad__wm_first(const char *p, size_t n, size_t i)
{
    size_t len;
    return rasad__wm_fold(rasad__wm_cp(p, n, skip_ignorable(p, n, i), &len));
}

size_t rasad__wm_match(const char *p, size_t n, size_t i, const char *w)
{
    size_t j = i, len, wlen;
    uint32_t tc, cp;

    /* w is valid UTF-8 ending in NUL: a character never holds a NUL byte,
     * so decoding it with 4 bytes of room stays inside the string */
    for (size_t k = 0; w[k]; k += wlen) {
        tc = rasad__wm_cp(w, k + 4, k, &wlen);
        if (tc == ' ' || tc == RASAD__ZWNJ) {
            j = rasad__wm_skip_space(p, n, j);
            continue;
        }
        j = skip_ignorable(p, n, j);
        cp = rasad__wm_cp(p, n, j, &len);
        if (len == 0 || rasad__wm_fold(cp) != rasad__wm_fold(tc))
            return 0;
        j += len;
    }
    if (j == i)
        return 0;
    return skip_ignorable(p, n, j) - i;
}

int rasad__wm_longest(const char *p, size_t n, size_t i, const void *table,
                      size_t stride, size_t nw, int boundary, size_t *len)
{
    const char *row = table;
    int best = -1;
    size_t k, m;

    *len = 0;
    for (k = 0; k < nw; k++, row += stride) {
        const char *w = *(const char *const *)(const void *)row;
        if (!w)
            break;
        m = rasad__wm_match(p, n, i, w);
        if (m > *len && (!boundary || rasad__wm_boundary(p, n, i + m))) {
            *len = m;
            best = (int)k;
        }
    }
    return best;
}
