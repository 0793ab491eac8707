/* jsonl.c - JSON Lines (.jsonl, .jsonl.gz): one article per line.
 *
 * Known fields (fields[] below): id (string or number), url, source, title,
 * published, text, html. Every other field, and a known one of an
 * unexpected type, is kept in extra_json. The body is "text" when it has
 * any non-blank character, else the main text of "html" (which also fills
 * title, published, source and url when the record lacks them). A line that
 * is not a JSON object, or has no body, is reported and skipped; blank lines
 * are skipped silently. Invalid UTF-8 is replaced by U+FFFD before parsing
 * (jansson accepts only UTF-8); \u0000 in strings becomes U+FFFD. */
#include <string.h>
#include <jansson.h>
#include "rasad/alloc.h"
#include "read_internal.h"

enum { F_ID, F_URL, F_SOURCE, F_TITLE, F_PUBLISHED, F_TEXT, F_HTML, F_COUNT };

static const char *const fields[F_COUNT] = {
    [F_ID] = "id", [F_URL] = "url", [F_SOURCE] = "source", [F_TITLE] = "title",
    [F_PUBLISHED] = "published", [F_TEXT] = "text", [F_HTML] = "html",
};

typedef struct rec {
    char *f[F_COUNT];     /* known fields as clean strings, or NULL */
    size_t text_n, html_n;
    json_t *extra;        /* unknown fields, or NULL */
    char *extra_s;        /* extra as text (rasad_malloc) */
    rasad_html_doc doc;   /* the html field's page */
} rec;

static void rec_release(rec *c)
{
    for (int i = 0; i < F_COUNT; i++)
        rasad_free(c->f[i]);
    json_decref(c->extra);
    rasad_free(c->extra_s);
    rasad_html_doc_free(&c->doc);
}

static int field_of(const char *key)
{
    for (int i = 0; i < F_COUNT; i++)
        if (strcmp(key, fields[i]) == 0)
            return i;
    return -1;
}

/* Stores v as known field i; returns 0, 1 when v's type does not fit (kept
 * as extra), RASAD_NOMEM. */
static int take_field(rec *c, int i, json_t *v)
{
    char num[64];
    const char *s;
    size_t n;
    int trim = i != F_TEXT && i != F_HTML;

    if (json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        s = json_string_value(v);
        n = json_string_length(v);
    } else if (i == F_ID && json_is_integer(v)) {
        n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                             json_integer_value(v));
        s = num;
    } else if (i == F_ID && json_is_real(v)) {
        n = (size_t)snprintf(num, sizeof num, "%.17g", json_real_value(v));
        s = num;
    } else {
        return 1;
    }
    rasad_free(c->f[i]);
    c->f[i] = rasad__clean_dup(s, n, trim);
    if (!c->f[i])
        return RASAD_NOMEM;
    if (i == F_TEXT)
        c->text_n = strlen(c->f[i]);
    if (i == F_HTML)
        c->html_n = n;
    return 0;
}

static int add_extra(rec *c, const char *key, json_t *v)
{
    if (!c->extra && !(c->extra = json_object()))
        return RASAD_NOMEM;
    return json_object_set(c->extra, key, v) ? RASAD_NOMEM : 0;
}

static int dump_extra(rec *c)
{
    size_t n;

    if (!c->extra)
        return 0;
    n = json_dumpb(c->extra, NULL, 0, JSON_COMPACT);
    if (n == 0 || !(c->extra_s = rasad_malloc(n + 1)))
        return RASAD_NOMEM;
    json_dumpb(c->extra, c->extra_s, n, JSON_COMPACT);
    c->extra_s[n] = '\0';
    return 0;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!rasad__is_space((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The body from the html field; metadata the record lacks from the page. */
static int use_html(rec *c, rasad_article *a)
{
    int rc = rasad_html_extract(c->f[F_HTML], c->html_n, NULL, &c->doc);

    if (rc == RASAD_NOMEM)
        return rc;
    a->text = c->doc.text;
    a->text_len = c->doc.text ? c->doc.text_len : 0;
    if (!a->title)
        a->title = c->doc.title;
    if (!a->published)
        a->published = c->doc.published;
    if (!a->source)
        a->source = c->doc.site_name;
    if (!a->url)
        a->url = c->doc.url;
    return 0;
}

/* One JSON line p[0..n) (raw[0..raw_n) as read). Returns 0 (delivered or
 * reported), a stop value, RASAD_NOMEM. */
static int record(rasad__rd *r, const char *p, size_t n, const char *raw,
                  size_t raw_n, long line)
{
    rasad_article a = { 0 };
    json_error_t err;
    json_t *root, *v;
    const char *key;
    rec c;
    int rc = 0;

    memset(&c, 0, sizeof c);
    root = json_loadb(p, n, JSON_ALLOW_NUL, &err);
    if (!root) {
        rasad__reject(r, line, "invalid JSON: %s (column %d)", err.text, err.column);
        return 0;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        rasad__reject(r, line, "not a JSON object");
        return 0;
    }
    json_object_foreach(root, key, v) {
        int i = field_of(key);
        rc = i < 0 ? 1 : take_field(&c, i, v);
        if (rc == 1)
            rc = add_extra(&c, key, v);
        if (rc)
            goto done;
    }
    if ((rc = dump_extra(&c)) != 0)
        goto done;
    a.id = c.f[F_ID];
    a.url = c.f[F_URL];
    a.source = c.f[F_SOURCE];
    a.title = c.f[F_TITLE];
    a.published = c.f[F_PUBLISHED];
    if (c.f[F_TEXT] && !blank(c.f[F_TEXT], c.text_n)) {
        a.text = c.f[F_TEXT];
        a.text_len = c.text_n;
    } else if (c.f[F_HTML]) {
        if ((rc = use_html(&c, &a)) != 0)
            goto done;
        if (!a.text || blank(a.text, a.text_len)) {
            rasad__reject(r, line, "no text in html");
            goto done;
        }
    } else {
        rasad__reject(r, line, c.f[F_TEXT] ? "empty text" : "no text or html field");
        goto done;
    }
    a.extra_json = c.extra_s;
    a.raw = raw;
    a.raw_len = raw_n;
    a.line = line;
    rc = rasad__deliver(r, &a, "jsonl");
done:
    json_decref(root);
    rec_release(&c);
    return rc;
}

int rasad__read_jsonl(rasad__rd *r, rasad__in *in)
{
    rasad__br b;
    rasad_buf clean;
    long line = 0;
    int rc = 0;

    rasad__br_init(&b, in);
    rasad__buf_init(&clean, 0);
    for (;;) {
        const char *p;
        size_t n;
        uint64_t off;
        int toolong, k = rasad__br_line(&b, r->max, &p, &n, &off, &toolong);
        if (k < 0) {
            if (b.err == RASAD_NOMEM)
                rc = RASAD_NOMEM;
            else
                rasad__reject(r, line + 1, "%s", in->err ? in->err : "cannot read");
            break;
        }
        if (k == 0)
            break;
        line++;
        if (toolong) {
            rasad__reject(r, line, "line too long (more than %zu bytes)", r->max);
            continue;
        }
        if (line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        if (blank(p, n))
            continue;
        if (rasad__is_clean(p, n)) {
            rc = record(r, p, n, p, n, line);
        } else {
            clean.n = 0;
            rasad__scrub_add(&clean, p, n);
            if (clean.err) {
                rc = RASAD_NOMEM;
                break;
            }
            rc = record(r, clean.p, clean.n, p, n, line);
        }
        if (rc)
            break;
    }
    rasad__buf_release(&clean);
    rasad__br_release(&b);
    return rc;
}
