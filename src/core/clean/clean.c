/* clean.c - the driver: lines, the passes in order, cuts, meta and the
 * result. The rules themselves are in dateline.c, furniture.c,
 * source_lines.c, structural.c and repeats.c; docs/clean.md has them all. */
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "clean_internal.h"

/* ---- white space ----------------------------------------------------------- */

size_t rasad__space_at(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\v' || s[0] == '\f'))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)                  /* NBSP */
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8F) || s[2] == 0xAF))        /* U+2000-200F, 202F */
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)  /* BOM */
        return 3;
    return 0;
}

size_t rasad__space_before(const char *p, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (rasad__space_at(p + n - k, k) == k)
            return k;
    return 0;
}

static void trim(const char *p, size_t *s, size_t *e)
{
    size_t k;
    while (*s < *e && (k = rasad__space_at(p + *s, *e - *s)) != 0)
        *s += k;
    while (*e > *s && (k = rasad__space_before(p + *s, *e - *s)) != 0)
        *e -= k;
}

int rasad__ends_sentence(const char *p, size_t n)
{
    static const char *const closers[] = { "\xC2\xBB", "\"", "'", ")", "]",
        "\xE2\x80\x9D", "\xE2\x80\x99", NULL };
    static const char *const stops[] = { ".", "!", "?", ":", ";", "\xD8\x9F", "\xD8\x9B",
        "\xE2\x80\xA6", "\xDB\x94", NULL };
    size_t s = 0, k;
    trim(p, &s, &n);
    for (int again = 1; again && n > 0;) {
        again = 0;
        for (const char *const *c = closers; *c; c++) {
            k = strlen(*c);
            if (n >= k && memcmp(p + n - k, *c, k) == 0) {
                n -= k;
                again = 1;
                break;
            }
        }
    }
    for (const char *const *c = stops; *c; c++) {
        k = strlen(*c);
        if (n >= k && memcmp(p + n - k, *c, k) == 0)
            return 1;
    }
    return 0;
}

/* ---- cuts and meta --------------------------------------------------------- */

void rasad__cut(rasad__article *a, size_t li, int reason, size_t start, size_t end)
{
    rasad__line *L = &a->lines[li];
    if (a->err || start >= end)
        return;
    if (a->ncuts == a->capcuts) {
        rasad__cutspan *v = rasad__grow(a->cuts, &a->capcuts, a->ncuts + 1, sizeof *v, 16);
        if (!v) {
            a->err = RASAD_NOMEM;
            return;
        }
        a->cuts = v;
    }
    a->cuts[a->ncuts++] = (rasad__cutspan){ li, reason, start, end };
    if (start <= L->ks && end > L->ks)
        L->ks = end;
    if (end >= L->ke && start < L->ke)
        L->ke = start;
    if (L->ks < L->ke)
        trim(a->text, &L->ks, &L->ke);
    if (L->ks >= L->ke) {
        L->gone = 1;
        L->gone_reason = reason;
        L->ks = L->ke;
        L->nwords = 0;
    }
}

void rasad__cut_rest(rasad__article *a, size_t li, int reason)
{
    rasad__cut(a, li, reason, a->lines[li].ks, a->lines[li].ke);
}

static char *dup_clean(const char *s, size_t n)
{
    static const char *const quotes[] = { "\xC2\xAB", "\xC2\xBB", "\"",
        "\xE2\x80\x9C", "\xE2\x80\x9D", NULL };
    char *out = rasad_malloc(n + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t skip = 0;
        for (const char *const *q = quotes; *q && !skip; q++) {
            size_t k = strlen(*q);
            if (i + k <= n && memcmp(s + i, *q, k) == 0)
                skip = k;
        }
        if (skip) {
            i += skip;
            continue;
        }
        out[o++] = s[i++];
    }
    size_t b = 0, e = o;
    trim(out, &b, &e);
    memmove(out, out + b, e - b);
    out[e - b] = '\0';
    return out;
}

static rasad_clean_meta *meta_find(const rasad__article *a, const char *key)
{
    for (size_t i = 0; i < a->nmeta; i++)
        if (strcmp(a->meta[i].key, key) == 0)
            return &a->meta[i];
    return NULL;
}

int rasad__meta_has(const rasad__article *a, const char *key)
{
    return meta_find(a, key) != NULL;
}

#define META_SEP "\xD8\x9B "    /* «؛ » between values of one key */

/* 1 when value is one of the META_SEP-separated parts of list. */
static int has_part(const char *list, const char *value)
{
    size_t vn = strlen(value), sn = strlen(META_SEP);
    for (const char *p = list;;) {
        const char *q = strstr(p, META_SEP);
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == vn && memcmp(p, value, n) == 0)
            return 1;
        if (!q)
            return 0;
        p = q + sn;
    }
}

void rasad__meta_add(rasad__article *a, const char *key, const char *value, size_t n)
{
    if (a->err)
        return;
    char *v = dup_clean(value, n);
    if (!v) {
        a->err = RASAD_NOMEM;
        return;
    }
    rasad_clean_meta *m = meta_find(a, key);
    if (!v[0] || (m && has_part(m->value, v))) {
        rasad_free(v);
        return;
    }
    if (m) {
        size_t on = strlen(m->value), vn = strlen(v), sn = strlen(META_SEP);
        char *joined = rasad_realloc(m->value, on + sn + vn + 1);
        if (!joined) {
            rasad_free(v);
            a->err = RASAD_NOMEM;
            return;
        }
        memcpy(joined + on, META_SEP, sn);
        memcpy(joined + on + sn, v, vn + 1);
        m->value = joined;
        rasad_free(v);
        return;
    }
    if (a->nmeta == a->capmeta) {
        rasad_clean_meta *nv = rasad__grow(a->meta, &a->capmeta, a->nmeta + 1, sizeof *nv, 8);
        if (!nv) {
            rasad_free(v);
            a->err = RASAD_NOMEM;
            return;
        }
        a->meta = nv;
    }
    size_t kn = strlen(key);
    char *k = rasad_malloc(kn + 1);
    if (!k) {
        rasad_free(v);
        a->err = RASAD_NOMEM;
        return;
    }
    memcpy(k, key, kn + 1);
    a->meta[a->nmeta++] = (rasad_clean_meta){ k, v };
}

void rasad__meta_attribution(rasad__article *a, const char *value, size_t n)
{
    const rasad_clean_meta *ag = meta_find(a, "agency");
    if (!ag) {
        rasad__meta_add(a, "agency", value, n);
        return;
    }
    char *v = dup_clean(value, n);
    if (!v) {
        a->err = RASAD_NOMEM;
        return;
    }
    if (!has_part(ag->value, v))
        rasad__meta_add(a, "credit", v, strlen(v));
    rasad_free(v);
}

void rasad__line_measure(rasad__article *a, size_t li)
{
    rasad__line *L = &a->lines[li];
    if (L->gone || L->blank)
        return;
    if (rasad__line_toks(a, li))
        return;
    L->nwords = a->tk.n;
    L->label = L->nwords <= RASAD__CLEAN_LABEL_MAX_WORDS &&
               !rasad__ends_sentence(a->text + L->ks, L->ke - L->ks);
}

/* ---- the passes ------------------------------------------------------------- */

static int split_lines(rasad__article *a)
{
    size_t count = 1;
    for (const char *q = a->text, *end = a->text + a->n;
         (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        count++;
    a->lines = rasad_malloc(count * sizeof *a->lines);
    if (!a->lines)
        return RASAD_NOMEM;
    memset(a->lines, 0, count * sizeof *a->lines);
    for (size_t s = 0; s <= a->n;) {
        const char *nl = memchr(a->text + s, '\n', a->n - s);
        size_t i = nl ? (size_t)(nl - a->text) : a->n;
        rasad__line *L = &a->lines[a->nlines++];
        L->start = s;
        L->end = i;
        trim(a->text, &L->start, &L->end);
        L->ks = L->start;
        L->ke = L->end;
        L->blank = L->start == L->end;
        s = i + 1;
    }
    /* A text ending in '\n' has no line after it. */
    if (a->nlines > 1 && a->n > 0 && a->text[a->n - 1] == '\n')
        a->nlines--;
    return 0;
}

/* Dateline, furniture, then lines this source repeats. */
static void line_rules(rasad__article *a, rasad__source *src, size_t li)
{
    rasad__line *L = &a->lines[li];
    uint32_t count = 0;
    if (src) {
        int rc = rasad__line_toks(a, li);     /* [ks, ke) is [start, end) yet */
        if (!rc && a->tk.n > 0 && a->tk.n <= RASAD__CLEAN_REPEAT_MAX_WORDS)
            rc = rasad__source_learn(src, a->tk.key.p, a->tk.key.n, &count);
        if (rc) {
            a->err = rc;
            return;
        }
    }
    size_t before = a->ncuts;
    rasad__dateline_line(a, li);
    if (!L->gone && !rasad__furniture_line(a, li) && a->ncuts == before &&
        count >= RASAD_CLEAN_REPEAT_MIN_ARTICLES)
        rasad__cut_rest(a, li, RASAD_CLEAN_REPEATED_SOURCE);
    rasad__line_measure(a, li);
}

/* ---- the result ------------------------------------------------------------- */

static int by_position(const void *x, const void *y)
{
    const rasad__cutspan *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int build_removed(rasad__article *a, rasad_clean_result *out)
{
    if (a->ncuts == 0)
        return 0;
    qsort(a->cuts, a->ncuts, sizeof *a->cuts, by_position);
    out->removed = rasad_malloc(a->ncuts * sizeof *out->removed);
    if (!out->removed)
        return RASAD_NOMEM;
    for (size_t i = 0; i < a->ncuts; i++) {
        const rasad__cutspan *c = &a->cuts[i];
        size_t s = c->start, e = c->end;
        trim(a->text, &s, &e);
        char *t = rasad_malloc(e - s + 1);
        if (!t)
            return RASAD_NOMEM;
        memcpy(t, a->text + s, e - s);
        t[e - s] = '\0';
        out->removed[out->n_removed++] = (rasad_removed_line){ c->line + 1, c->reason, t };
    }
    return 0;
}

/* Appends text[s, e) trimmed, one space at a join inside a line. */
static void add_piece(rasad_buf *b, const char *text, size_t s, size_t e, int *line_open)
{
    trim(text, &s, &e);
    if (s == e)
        return;
    if (*line_open == 1)
        rasad__buf_addc(b, ' ');
    else if (*line_open == 0 && b->n > 0)
        rasad__buf_addc(b, '\n');
    rasad__buf_add(b, text + s, e - s);
    *line_open = 1;
}

static int build_body(rasad__article *a, rasad_clean_result *out)
{
    rasad_buf b;
    rasad__buf_init(&b, 0);
    size_t ci = 0;
    for (size_t li = 0; li < a->nlines; li++) {
        const rasad__line *L = &a->lines[li];
        while (ci < a->ncuts && a->cuts[ci].line < li)
            ci++;
        if (L->blank || L->gone)
            continue;
        int open = 0;
        size_t at = L->start;
        for (; ci < a->ncuts && a->cuts[ci].line == li; ci++) {
            if (a->cuts[ci].start > at)
                add_piece(&b, a->text, at, a->cuts[ci].start, &open);
            if (a->cuts[ci].end > at)
                at = a->cuts[ci].end;
        }
        if (L->end > at)
            add_piece(&b, a->text, at, L->end, &open);
    }
    if (b.err) {
        rasad__buf_release(&b);
        return RASAD_NOMEM;
    }
    out->body = rasad__buf_detach(&b, &out->body_len);
    return out->body ? 0 : RASAD_NOMEM;
}

static void article_release(rasad__article *a)
{
    for (size_t i = 0; i < a->nmeta; i++) {
        rasad_free(a->meta[i].key);
        rasad_free(a->meta[i].value);
    }
    rasad_free(a->meta);
    rasad_free(a->cuts);
    rasad_free(a->lines);
    rasad__spare *sp = &a->c->spare;
    if (!a->err && !a->tk.key.err && !a->tk2.key.err) {
        sp->tk = a->tk;
        sp->tk2 = a->tk2;
    } else {
        rasad__toks_release(&a->tk);
        rasad__toks_release(&a->tk2);
    }
    rasad__line_toks_release(a);
}

/* Takes the buffers the last article left in c->spare. */
static void take_spare(rasad__article *a)
{
    rasad__spare *sp = &a->c->spare;
    a->tk = sp->tk;
    a->tk2 = sp->tk2;
    a->store = sp->store;
    a->capstore = sp->capstore;
    a->store_key = sp->store_key;
    a->tk.n = a->tk2.n = 0;
    a->tk.key.n = a->tk2.key.n = a->store_key.n = 0;
    rasad__toks_init(&sp->tk);
    rasad__toks_init(&sp->tk2);
    sp->store = NULL;
    sp->capstore = 0;
    rasad__buf_init(&sp->store_key, 0);
}

int rasad_clean(rasad_cleaner *c, const char *source, const char *text, size_t n,
                rasad_clean_result *out)
{
    memset(out, 0, sizeof *out);
    if (!c || (!text && n))
        return RASAD_INVAL;
    rasad__article a;
    memset(&a, 0, sizeof a);
    a.c = c;
    a.text = text ? text : "";
    a.n = n;
    take_spare(&a);
    a.err = split_lines(&a);
    rasad__source *src = NULL;
    if (!a.err && source) {
        src = rasad__source_get(c, source, 1);
        if (src)
            rasad__source_next_article(src);
        else
            a.err = RASAD_NOMEM;
    }
    for (size_t li = 0; li < a.nlines && !a.err; li++)
        if (!a.lines[li].blank)
            line_rules(&a, src, li);
    if (!a.err)
        rasad__structural(&a);
    if (!a.err)
        rasad__repeats(&a);
    if (!a.err)
        a.err = build_removed(&a, out);
    if (!a.err)
        a.err = build_body(&a, out);
    if (!a.err) {
        out->meta = a.meta;
        out->n_meta = a.nmeta;
        a.meta = NULL;
        a.nmeta = 0;
    }
    article_release(&a);
    if (a.err) {
        rasad_clean_result_free(out);
        return a.err;
    }
    return RASAD_OK;
}

void rasad_clean_result_free(rasad_clean_result *r)
{
    if (!r)
        return;
    rasad_free(r->body);
    for (size_t i = 0; i < r->n_removed; i++)
        rasad_free(r->removed[i].text);
    rasad_free(r->removed);
    for (size_t i = 0; i < r->n_meta; i++) {
        rasad_free(r->meta[i].key);
        rasad_free(r->meta[i].value);
    }
    rasad_free(r->meta);
    memset(r, 0, sizeof *r);
}
