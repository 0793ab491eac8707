/* structural.c - lines that are page structure, not text, by where they
 * are and what they look like.
 *
 * A line is "label-like" when it does not end like a sentence (. ! ? ؟ …
 * : ؛, closing quotes allowed after them) and has at most
 * RASAD__CLEAN_LABEL_MAX_WORDS words; a "body line" is any other kept line.
 * Nothing is done when the article has no body line.
 *   anywhere  a line with no word or number at all («***», «/», «|»);
 *   head      (kept lines before the first body line) a breadcrumb, and a
 *             line of at most RASAD__CLEAN_HEAD_MAX_WORDS words unless it is
 *             the last head line: the last one is taken for the headline;
 *   tail      (kept lines after the last body line) a breadcrumb, a line of
 *             at most RASAD__CLEAN_TAIL_MAX_WORDS words, and any line below a
 *             line already removed as furniture or repeated in the source
 *             (the items of a «related news» list).
 * A breadcrumb is split by » › > | / into two or more parts of at most four
 * words each, and has no «: «خانه » سیاسی». */
#include <string.h>
#include "clean_internal.h"

#define CRUMB_MAX_WORDS 4

static const char *const crumb_seps[] = { "\xC2\xBB", "\xE2\x80\xBA", ">", "|", "/", NULL };

static int is_crumb(rasad__article *a, const rasad__line *L)
{
    const char *p = a->text;
    size_t parts = 0, s = L->ks;
    for (size_t i = L->ks; i + 1 < L->ke; i++)
        if ((unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xAB)
            return 0;                           /* a «quote» */
    for (size_t i = L->ks; i <= L->ke; i++) {
        size_t k = 0;
        if (i < L->ke)
            for (const char *const *sep = crumb_seps; *sep && !k; sep++) {
                size_t n = strlen(*sep);
                if (i + n <= L->ke && memcmp(p + i, *sep, n) == 0)
                    k = n;
            }
        if (i < L->ke && !k)
            continue;
        int rc = rasad__toks_run(a->c->tk, p + s, i - s, &a->tk2);
        if (rc) {
            a->err = rc;
            return 0;
        }
        if (a->tk2.n > CRUMB_MAX_WORDS)
            return 0;
        parts += a->tk2.n > 0;
        s = i + k;
        if (k)
            i += k - 1;
    }
    return parts >= 2;
}

static void structural(rasad__article *a, size_t li)
{
    rasad__cut_rest(a, li, RASAD_CLEAN_STRUCTURAL);
}

static int kept(const rasad__line *L)
{
    return !L->blank && !L->gone;
}

void rasad__structural(rasad__article *a)
{
    size_t first = a->nlines, last = a->nlines;
    for (size_t i = 0; i < a->nlines; i++) {
        rasad__line *L = &a->lines[i];
        if (kept(L) && L->nwords == 0)
            structural(a, i);
        else if (kept(L) && !L->label) {
            if (first == a->nlines)
                first = i;
            last = i;
        }
    }
    if (first == a->nlines)
        return;
    size_t headline = a->nlines;
    for (size_t i = 0; i < first; i++)
        if (kept(&a->lines[i]))
            headline = i;
    for (size_t i = 0; i < first && !a->err; i++) {
        rasad__line *L = &a->lines[i];
        if (kept(L) && ((i != headline && L->nwords <= RASAD__CLEAN_HEAD_MAX_WORDS) ||
                        is_crumb(a, L)))
            structural(a, i);
    }
    int below_furniture = 0;
    for (size_t i = last + 1; i < a->nlines && !a->err; i++) {
        rasad__line *L = &a->lines[i];
        if (L->gone && (L->gone_reason == RASAD_CLEAN_BOILERPLATE ||
                        L->gone_reason == RASAD_CLEAN_REPEATED_SOURCE))
            below_furniture = 1;
        if (kept(L) && (below_furniture || L->nwords <= RASAD__CLEAN_TAIL_MAX_WORDS ||
                        is_crumb(a, L)))
            structural(a, i);
    }
}
