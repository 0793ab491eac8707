/* conll.c - one line of CoNLL input: a token, a blank line or -DOCSTART-. */
#include <string.h>
#include "ner_internal.h"

static int blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

int rasad_ner_conll_line(const char *p, size_t n, size_t *tok_n)
{
    size_t k = 0;

    *tok_n = 0;
    while (k < n && blank((unsigned char)p[k]))
        k++;
    if (k == n)
        return RASAD_NER_LINE_BLANK;
    if (n >= 10 && memcmp(p, "-DOCSTART-", 10) == 0)
        return RASAD_NER_LINE_DOCSTART;
    const char *tab = memchr(p, '\t', n);
    size_t len = tab ? (size_t)(tab - p) : n;
    if (len > 0 && p[len - 1] == '\r')
        len--;
    *tok_n = len;
    return RASAD_NER_LINE_TOKEN;
}
