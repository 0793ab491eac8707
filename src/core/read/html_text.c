/* html_text.c - the main text of a page, one paragraph per line.
 *
 * 1. Boilerplate subtrees are never read: the tags of skip_tags[], and
 *    elements whose class or id contains a pattern of noise[] (a "weak"
 *    pattern only when no pattern of good[] is there too). <html>, <body>,
 *    <main> and <article> are never skipped.
 * 2. Every element gets the length of the text below it, links and skipped
 *    subtrees left out (kept in the node's _private field: the tree is
 *    ours and freed right after).
 * 3. The container: the element marked as the article body (itemprop=
 *    articleBody, a class or id of good[] with strong set, or <article>)
 *    that holds the most text, when it holds at least MARKED_SHARE of the
 *    page's; else <body>. From there we go down to the child box
 *    (box_tags[]: div, section...; never a <p>) holding at least
 *    DOMINANT_SHARE of its parent's text, as long as there is one, stopping
 *    at a marked element.
 * 4. The container's text, one line per block element (block_tags[]) and
 *    per <br>, white space collapsed, <h1> left out (it is the title), and
 *    lines whose text is mostly link text (LINK_SHARE) dropped - unless
 *    that drops everything. */
#include <stdint.h>
#include <string.h>
#include "rasad/alloc.h"
#include "html_internal.h"

#define MARKED_SHARE 0.3
#define DOMINANT_SHARE 0.7
#define LINK_SHARE 0.5

static const char *const skip_tags[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "template", "object",
    "embed", "canvas", "figure", "menu", "dialog", "input", "label", "head",
};

static const char *const keep_tags[] = { "html", "body", "main", "article" };

/* Patterns of class and id (lowercase substrings). A strong one skips the
 * element always; a weak one unless a good[] pattern is there as well. */
static const struct { const char *pat; int strong; } noise[] = {
    { "comment", 1 },  { "related", 1 },  { "share", 1 },     { "social", 1 },
    { "breadcrumb", 1 }, { "advert", 1 }, { "newsletter", 1 }, { "cookie", 1 },
    { "popup", 1 },    { "disqus", 1 },   { "sharing", 1 },   { "print", 0 },
    { "footer", 0 },   { "menu", 0 },     { "nav", 0 },       { "sidebar", 0 },
    { "widget", 0 },   { "banner", 0 },   { "tags", 0 },      { "pagination", 0 },
    { "most-", 0 },    { "popular", 0 },  { "subscribe", 0 }, { "login", 0 },
    { "toolbar", 0 },  { "copyright", 0 }, { "site-header", 0 }, { "topbar", 0 },
    { "modal", 0 },    { "rating", 0 },
};

/* Patterns that mark the article body; strong ones make a candidate. */
static const struct { const char *pat; int strong; } good[] = {
    { "articlebody", 1 }, { "article-body", 1 }, { "article_body", 1 },
    { "news-text", 1 },   { "news_text", 1 },    { "newstext", 1 },
    { "news-body", 1 },   { "news_body", 1 },    { "newsbody", 1 },
    { "story-body", 1 },  { "entry-content", 1 }, { "post-content", 1 },
    { "body-text", 1 },   { "main-text", 1 },    { "item-text", 1 },
    { "article", 0 },     { "content", 0 },      { "body", 0 },
    { "story", 0 },       { "text", 0 },         { "main", 0 },
};

/* Elements we go down into when looking for the container. */
static const char *const box_tags[] = {
    "div", "section", "article", "main", "table", "tbody", "tr", "td",
    "center", "font",
};

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "center", "dd", "details",
    "div", "dl", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    "td", "th", "caption",
};

static int tag_in(const xmlNode *n, const char *const *tags, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (rasad__xml_is(n, tags[i]))
            return 1;
    return 0;
}

#define TAG_IN(n, tags) tag_in((n), (tags), sizeof(tags) / sizeof(tags)[0])

/* Lowercase "class id itemprop" of n in buf. */
static void names_of(const xmlNode *n, char *buf, size_t sz)
{
    static const char *const attrs[] = { "class", "id", "itemprop" };
    size_t k = 0;

    for (size_t a = 0; a < 3; a++) {
        const char *v = rasad__xml_attr(n, attrs[a]);
        for (; v && *v && k + 2 < sz; v++)
            buf[k++] = (char)rasad__lower((unsigned char)*v);
        if (k + 2 < sz)
            buf[k++] = ' ';
    }
    buf[k] = '\0';
}

/* 2 strong good pattern, 1 weak good, 0 none. */
static int goodness(const char *names)
{
    int g = 0;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        if (strstr(names, good[i].pat))
            g = good[i].strong ? 2 : (g ? g : 1);
    return g;
}

static int skipped(const xmlNode *n)
{
    char names[256];
    int g = -1;

    if (n->type != XML_ELEMENT_NODE || TAG_IN(n, keep_tags))
        return 0;
    if (TAG_IN(n, skip_tags))
        return 1;
    names_of(n, names, sizeof names);
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++) {
        if (!strstr(names, noise[i].pat))
            continue;
        if (noise[i].strong)
            return 1;
        if (g < 0)
            g = goodness(names);
        if (g == 0)
            return 1;
    }
    return 0;
}

static int marked(const xmlNode *n)
{
    char names[256];

    if (rasad__xml_is(n, "article"))
        return 1;
    names_of(n, names, sizeof names);
    return goodness(names) == 2;
}

#define LEN(n) ((size_t)(uintptr_t)(n)->_private)

static void add_len(xmlNode *n, size_t k)
{
    n->_private = (void *)(uintptr_t)(LEN(n) + k);
}

static size_t solid(const char *s)
{
    size_t k = 0;
    for (; s && *s; s++)
        k += !rasad__is_space((unsigned char)*s);
    return k;
}

/* Step 2: text length below each element, in one post-order walk. */
static void measure(xmlNode *top)
{
    xmlNode *n = top;

    for (;;) {
        n->_private = NULL;
        if (n->type == XML_ELEMENT_NODE && n->children && !skipped(n) &&
            !rasad__xml_is(n, "a")) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n == top)
                return;
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
                add_len(n->parent, solid((const char *)n->content));
            else if (n->type == XML_ELEMENT_NODE)
                add_len(n->parent, LEN(n));
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

static xmlNode *find_body(xmlNode *root)
{
    for (xmlNode *n = root; n; n = rasad__xml_next(n, root, 1))
        if (rasad__xml_is(n, "body"))
            return n;
    return root;
}

/* Step 3. */
static xmlNode *container(xmlNode *root)
{
    xmlNode *body = find_body(root), *best = NULL, *c = body;
    size_t total = LEN(body);

    for (xmlNode *n = body; n; n = rasad__xml_next(n, body, !skipped(n)))
        if (n != body && n->type == XML_ELEMENT_NODE && LEN(n) > 0 &&
            (!best || LEN(n) > LEN(best)) && marked(n))
            best = n;
    if (best && (double)LEN(best) >= MARKED_SHARE * (double)total)
        c = best;
    for (;;) {
        xmlNode *top = NULL;
        if (c != body && marked(c))
            break;
        for (xmlNode *k = c->children; k; k = k->next)
            if (TAG_IN(k, box_tags) && (!top || LEN(k) > LEN(top)))
                top = k;
        if (!top || LEN(top) == 0 ||
            (double)LEN(top) < DOMINANT_SHARE * (double)LEN(c))
            break;
        c = top;
    }
    return c;
}

/* Step 4: lines into out. */
typedef struct emit {
    rasad_buf *out;
    rasad_buf line;
    size_t solid, link;      /* solid bytes of the line, those in links */
    int space, filter;       /* a space is pending; drop link lines */
} emit;

static void flush(emit *e)
{
    if (e->solid > 0 && !(e->filter && (double)e->link > LINK_SHARE * (double)e->solid)) {
        if (e->out->n)
            rasad__buf_addc(e->out, '\n');
        rasad__buf_add(e->out, e->line.p, e->line.n);
    }
    e->line.n = 0;
    e->solid = e->link = 0;
    e->space = 0;
}

static void add_text(emit *e, const char *s, int in_link)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (rasad__is_space(c) || (c == 0xC2 && (unsigned char)s[1] == 0xA0)) {
            s += c == 0xC2;
            e->space = e->line.n > 0;
            continue;
        }
        if (e->space)
            rasad__buf_addc(&e->line, ' ');
        e->space = 0;
        rasad__buf_addc(&e->line, (char)c);
        e->solid++;
        e->link += in_link;
    }
}

static void emit_tree(emit *e, xmlNode *top)
{
    xmlNode *n = top;
    int links = 0;   /* <a> elements we are in */

    for (;;) {
        if (n->type == XML_ELEMENT_NODE) {
            int skip = n != top && (skipped(n) || rasad__xml_is(n, "h1"));
            if (!skip && (rasad__xml_is(n, "br") || TAG_IN(n, block_tags)))
                flush(e);
            if (!skip && n->children) {
                links += rasad__xml_is(n, "a");
                n = n->children;
                continue;
            }
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) && n->content) {
            add_text(e, (const char *)n->content, links > 0);
        }
        /* n is done: leave it, and every parent it was the last child of. */
        for (;;) {
            if (TAG_IN(n, block_tags))
                flush(e);
            if (n == top) {
                flush(e);
                return;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            links -= rasad__xml_is(n, "a");
        }
    }
}

int rasad__html_text(xmlNode *root, rasad_html_doc *doc)
{
    rasad_buf out;
    emit e;
    xmlNode *c;

    measure(root);
    c = container(root);
    rasad__buf_init(&out, 0);
    memset(&e, 0, sizeof e);
    e.out = &out;
    rasad__buf_init(&e.line, 0);
    for (e.filter = 1; e.filter >= 0; e.filter--) {
        emit_tree(&e, c);
        if (out.n > 0 || out.err || e.line.err)
            break;
    }
    if (e.line.err && !out.err)
        out.err = e.line.err;
    rasad__buf_release(&e.line);
    if (out.err) {
        rasad__buf_release(&out);
        return RASAD_NOMEM;
    }
    doc->text = rasad__buf_detach(&out, &doc->text_len);
    return doc->text ? 0 : RASAD_NOMEM;
}
