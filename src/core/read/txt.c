/* txt.c - a .txt file is one article. Its first non-blank line is the
 * title when it reads like a headline (docs/read.md, "Title of a .txt"):
 *  - at most TITLE_MAX_CHARS characters and TITLE_MAX_WORDS words,
 *  - not ending in sentence punctuation (final_marks[], after closing
 *    quotes and brackets),
 *  - and followed by at least one more non-blank line (the body).
 * Otherwise there is no title and every line is body. Body lines are
 * trimmed; blank lines before and after the body are dropped, those inside
 * it kept, so that line numbers of the body map to the file's. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/text.h"
#include "read_internal.h"

#define TITLE_MAX_CHARS 200
#define TITLE_MAX_WORDS 25

/* A headline does not end like a sentence (or a clause). */
static const uint32_t final_marks[] = {
    '.', '!', '?', ':', ';', ',',
    0x061F, /* ARABIC QUESTION MARK */
    0x061B, /* ARABIC SEMICOLON */
    0x060C, /* ARABIC COMMA */
    0x06D4, /* ARABIC FULL STOP */
    0x2026, /* HORIZONTAL ELLIPSIS */
};

/* Closing quotes and brackets looked through for the last mark. */
static const uint32_t closers[] = { '"', '\'', ')', ']', 0x00BB, 0x201D, 0x2019 };

static int in_set(uint32_t cp, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

#define IN(cp, set) in_set((cp), (set), sizeof(set) / sizeof(set)[0])

/* The code point ending p[0..n), n > 0; *start gets its first byte. */
static uint32_t last_cp(const char *p, size_t n, size_t *start)
{
    size_t i = n - 1;
    uint32_t cp;
    int bad;

    while (i > 0 && n - i < 4 && ((unsigned char)p[i] & 0xC0) == 0x80)
        i--;
    rasad_utf8_decode(p + i, n - i, &cp, &bad);
    *start = i;
    return cp;
}

static void trim(const char **p, size_t *n)
{
    while (*n > 0 && rasad__is_space((unsigned char)**p)) {
        (*p)++;
        (*n)--;
    }
    while (*n > 0 && rasad__is_space((unsigned char)(*p)[*n - 1]))
        (*n)--;
}

int rasad_read_is_headline(const char *p, size_t n)
{
    size_t chars = 0, words = 0, start;
    uint32_t cp;

    for (size_t i = 0; i < n; i++) {
        chars += ((unsigned char)p[i] & 0xC0) != 0x80;
        words += (i == 0 || p[i - 1] == ' ' || p[i - 1] == '\t') &&
                 p[i] != ' ' && p[i] != '\t';
    }
    if (chars == 0 || chars > TITLE_MAX_CHARS || words > TITLE_MAX_WORDS)
        return 0;
    do {
        cp = last_cp(p, n, &start);
        n = start;
    } while (n > 0 && IN(cp, closers));
    return !IN(cp, final_marks);
}

/* Next line of p[*i..n), trimmed; returns 0 at the end. */
static int next_line(const char *p, size_t n, size_t *i, const char **l,
                     size_t *ln)
{
    const char *e;

    if (*i >= n)
        return 0;
    e = memchr(p + *i, '\n', n - *i);
    *l = p + *i;
    *ln = e ? (size_t)(e - *l) : n - *i;
    *i += *ln + (e != NULL);
    trim(l, ln);
    return 1;
}

int rasad__txt_split(const char *p, size_t n, char **title, char **body,
                     size_t *body_n, long *title_line, long *body_line)
{
    const char *l = NULL, *first = NULL;
    size_t ln = 0, first_n = 0, i = 0, after;
    int has_more = 0;
    long lineno = 0, first_line = 0;
    rasad_buf b;

    *title = *body = NULL;
    *body_n = 0;
    while (next_line(p, n, &i, &l, &ln) && (++lineno, ln == 0))
        ;
    first_line = lineno;
    if (ln > 0) {
        first = l;
        first_n = ln;
    }
    after = i;
    while (!has_more && next_line(p, n, &i, &l, &ln))
        has_more = ln > 0;
    rasad__buf_init(&b, 0);
    *title_line = *body_line = first_line;
    if (first && has_more && rasad_read_is_headline(first, first_n)) {
        rasad__denul_add(&b, first, first_n);
        *title = rasad__buf_detach(&b, NULL);
        if (!*title)
            return RASAD_NOMEM;
        i = after;
        lineno = first_line;
    } else {
        i = first ? (size_t)(first - p) : n;
        lineno = first_line - 1;
    }
    /* Blank lines inside the body are kept (empty lines), so that line k
     * of the body is line body_line + k - 1 of the file; leading and
     * trailing blank lines are not. */
    size_t blanks = 0;
    while (next_line(p, n, &i, &l, &ln)) {
        lineno++;
        if (ln == 0) {
            blanks += b.n > 0;
            continue;
        }
        if (b.n == 0)
            *body_line = lineno;
        for (; b.n && blanks; blanks--)
            rasad__buf_addc(&b, '\n');
        if (b.n)
            rasad__buf_addc(&b, '\n');
        rasad__denul_add(&b, l, ln);
    }
    if (b.err) {
        rasad__buf_release(&b);
        rasad_free(*title);
        *title = NULL;
        return RASAD_NOMEM;
    }
    *body = rasad__buf_detach(&b, body_n);
    if (!*body) {
        rasad_free(*title);
        *title = NULL;
        return RASAD_NOMEM;
    }
    return 0;
}

/* Binary: more than 1% NUL bytes, or more than one invalid UTF-8 subpart
 * per 10 bytes (a UTF-8 text has none; a legacy 8-bit one is mostly
 * invalid and is rejected too). */
static int is_binary(const char *p, size_t n)
{
    size_t nul = 0;

    for (size_t i = 0; i < n; i++)
        nul += p[i] == '\0';
    if (nul * 100 > n)
        return 1;
    return rasad_utf8_count_invalid(p, n) * 10 > n;
}

int rasad__read_txt(rasad__rd *r, rasad__in *in)
{
    rasad_article a = { 0 };
    char *all, *title = NULL, *body = NULL;
    size_t n, body_n, skip = 0;
    int rc = rasad__read_all(r, in, &all, &n);

    if (rc)
        return rc == 1 ? 0 : rc;
    if (n >= 3 && memcmp(all, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    if (is_binary(all, n)) {
        rasad__reject(r, 0, "binary file");
        goto done;
    }
    long title_line, body_line;
    rc = rasad__txt_split(all + skip, n - skip, &title, &body, &body_n, &title_line,
                          &body_line);
    if (rc)
        goto done;
    if (body_n == 0) {
        rasad__reject(r, 0, "empty file");
        goto done;
    }
    a.title = title;
    a.text = body;
    a.text_len = body_n;
    a.raw = all;
    a.raw_len = n;
    a.line = title ? title_line : body_line;
    a.text_line = body_line;
    rc = rasad__deliver(r, &a, "txt");
done:
    rasad_free(title);
    rasad_free(body);
    rasad_free(all);
    return rc;
}
