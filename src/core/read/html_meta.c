/* html_meta.c - title, publication date, site name and URL of a page.
 *
 *   title      og:title; else <title> minus the site name (strip_site); else
 *              the first <h1>
 *   published  <meta property=article:published_time> (and the other
 *              names in metas[]); else JSON-LD datePublished; else the
 *              first <time datetime>
 *   site_name  og:site_name; else JSON-LD publisher.name
 *   url        og:url; else <link rel=canonical href>
 *
 * JSON-LD: every <script type="application/ld+json">, parsed with jansson;
 * objects, arrays and "@graph" arrays are searched (to depth LD_DEPTH). */
#include <string.h>
#include <jansson.h>
#include "rasad/alloc.h"
#include "html_internal.h"

#define LD_DEPTH 8
#define SITE_WORDS 4

enum { M_OG_TITLE, M_TITLE, M_H1, M_PUB, M_LD_PUB, M_TIME, M_SITE, M_LD_SITE,
       M_URL, M_CANON, M_COUNT };

/* <meta property|name|itemprop=key content=...>, first one wins. */
static const struct { const char *key; int slot; } metas[] = {
    { "og:title", M_OG_TITLE },
    { "article:published_time", M_PUB },
    { "og:article:published_time", M_PUB },
    { "datepublished", M_PUB },
    { "pubdate", M_PUB },
    { "publishdate", M_PUB },
    { "og:site_name", M_SITE },
    { "og:url", M_URL },
};

/* Separators of a site name after the headline in <title>. */
static const char *const title_seps[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
    " \xC2\xAB ", " \xC2\xB7 ", " / ",
};

typedef struct meta {
    char *s[M_COUNT];   /* found values (rasad_malloc), NULL when not */
    int err;            /* RASAD_NOMEM once an allocation failed */
} meta;

/* Stores p (whitespace collapsed, trimmed, cleaned) in slot unless set. */
static void put(meta *m, int slot, const char *p)
{
    rasad_buf b;
    int space = 0;

    if (m->s[slot] || !p)
        return;
    rasad__buf_init(&b, 0);
    for (; *p; p++) {
        if (rasad__is_space((unsigned char)*p)) {
            space = b.n > 0;
            continue;
        }
        if (space)
            rasad__buf_addc(&b, ' ');
        space = 0;
        rasad__buf_addc(&b, *p);
    }
    if (b.n == 0) {
        rasad__buf_release(&b);
        return;
    }
    m->s[slot] = b.err ? NULL : rasad__clean_dup(b.p, b.n, 1);
    if (!m->s[slot])
        m->err = RASAD_NOMEM;
    rasad__buf_release(&b);
}

static void put_text(meta *m, int slot, xmlNode *n)
{
    xmlChar *t;

    if (m->s[slot])
        return;
    t = xmlNodeGetContent(n);
    put(m, slot, (const char *)t);
    xmlFree(t);
}

static void do_meta(meta *m, const xmlNode *n)
{
    static const char *const attrs[] = { "property", "name", "itemprop" };
    const char *content = rasad__xml_attr(n, "content");

    if (!content)
        return;
    for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
        const char *key = rasad__xml_attr(n, attrs[a]);
        if (!key)
            continue;
        for (size_t i = 0; i < sizeof metas / sizeof metas[0]; i++)
            if (strcasecmp(key, metas[i].key) == 0)
                put(m, metas[i].slot, content);
    }
}

static void ld_walk(meta *m, json_t *j, int depth)
{
    json_t *v;
    size_t i;

    if (depth > LD_DEPTH)
        return;
    if (json_is_array(j)) {
        json_array_foreach(j, i, v)
            ld_walk(m, v, depth + 1);
        return;
    }
    if (!json_is_object(j))
        return;
    put(m, M_LD_PUB, json_string_value(json_object_get(j, "datePublished")));
    v = json_object_get(j, "publisher");
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        put(m, M_LD_SITE, json_string_value(json_object_get(v, "name")));
    ld_walk(m, json_object_get(j, "@graph"), depth + 1);
}

static void do_ld(meta *m, xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    json_t *j;

    if (!t)
        return;
    j = json_loads((const char *)t, JSON_DECODE_ANY, NULL);
    if (j)
        ld_walk(m, j, 0);
    json_decref(j);
    xmlFree(t);
}

static void do_element(meta *m, xmlNode *n)
{
    const char *v;

    if (rasad__xml_is(n, "meta")) {
        do_meta(m, n);
    } else if (rasad__xml_is(n, "title")) {
        put_text(m, M_TITLE, n);
    } else if (rasad__xml_is(n, "h1")) {
        put_text(m, M_H1, n);
    } else if (rasad__xml_is(n, "time")) {
        put(m, M_TIME, rasad__xml_attr(n, "datetime"));
    } else if (rasad__xml_is(n, "link")) {
        v = rasad__xml_attr(n, "rel");
        if (v && strcasecmp(v, "canonical") == 0)
            put(m, M_CANON, rasad__xml_attr(n, "href"));
    } else if (rasad__xml_is(n, "script")) {
        v = rasad__xml_attr(n, "type");
        if (v && strcasecmp(v, "application/ld+json") == 0)
            do_ld(m, n);
    }
}

static size_t words(const char *s)
{
    size_t k = 0;
    for (size_t i = 0; s[i]; i++)
        k += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return k;
}

/* Cuts the site name off a <title> (in place), at the last separator of
 * title_seps[]: when the part after it is the site name (og:site_name or
 * JSON-LD publisher), or has at most SITE_WORDS words and is no longer than
 * the part before. "site | headline" loses its head when the head is the
 * site name. */
static void strip_site(char *s, const char *site)
{
    size_t best = 0, sep_n = 0;
    const char *tail;

    for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
        size_t k = strlen(title_seps[i]);
        for (const char *p = strstr(s, title_seps[i]); p; p = strstr(p + 1, title_seps[i]))
            if ((size_t)(p - s) > best) {
                best = (size_t)(p - s);
                sep_n = k;
            }
    }
    if (best == 0)
        return;
    tail = s + best + sep_n;
    if (site && strlen(site) == best && strncmp(s, site, best) == 0 && *tail) {
        memmove(s, tail, strlen(tail) + 1);
        return;
    }
    if ((site && strcmp(tail, site) == 0) ||
        (words(tail) <= SITE_WORDS && strlen(tail) <= best))
        s[best] = '\0';
}

/* Moves slot `from` to doc field *to when *to is still NULL. */
static void pick(meta *m, char **to, int from)
{
    if (!*to && m->s[from]) {
        *to = m->s[from];
        m->s[from] = NULL;
    }
}

int rasad__html_meta(xmlDoc *d, xmlNode *root, rasad_html_doc *doc)
{
    meta m;
    (void)d;

    memset(&m, 0, sizeof m);
    for (xmlNode *n = root; n; n = rasad__xml_next(n, root, 1))
        if (n->type == XML_ELEMENT_NODE)
            do_element(&m, n);
    if (m.s[M_TITLE])
        strip_site(m.s[M_TITLE], m.s[M_SITE] ? m.s[M_SITE] : m.s[M_LD_SITE]);
    pick(&m, &doc->title, M_OG_TITLE);
    pick(&m, &doc->title, M_TITLE);
    pick(&m, &doc->title, M_H1);
    pick(&m, &doc->published, M_PUB);
    pick(&m, &doc->published, M_LD_PUB);
    pick(&m, &doc->published, M_TIME);
    pick(&m, &doc->site_name, M_SITE);
    pick(&m, &doc->site_name, M_LD_SITE);
    pick(&m, &doc->url, M_URL);
    pick(&m, &doc->url, M_CANON);
    for (int i = 0; i < M_COUNT; i++)
        rasad_free(m.s[i]);
    return m.err;
}
