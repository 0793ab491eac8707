/* html.c - rasad_html_extract (charset, libxml2 parse, then html_meta.c and
 * html_text.c) and the .html/.htm reader: one article per file. */
#include <limits.h>
#include <string.h>
#include "rasad/alloc.h"
#include "html_internal.h"

#define PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET)

const char *rasad__xml_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            const xmlNode *t = a->children;
            return t && t->type == XML_TEXT_NODE && t->content
                       ? (const char *)t->content : "";
        }
    }
    return NULL;
}

int rasad__xml_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

xmlNode *rasad__xml_next(xmlNode *n, const xmlNode *top, int descend)
{
    if (descend && n->children)
        return n->children;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

void rasad_html_doc_free(rasad_html_doc *doc)
{
    if (!doc)
        return;
    rasad_free(doc->title);
    rasad_free(doc->text);
    rasad_free(doc->published);
    rasad_free(doc->site_name);
    rasad_free(doc->url);
    memset(doc, 0, sizeof *doc);
}

int rasad_html_extract(const char *html, size_t n, const char *charset,
                       rasad_html_doc *doc)
{
    rasad_buf u;
    xmlDoc *d = NULL;
    xmlNode *root;
    int rc;

    if (!doc)
        return RASAD_INVAL;
    memset(doc, 0, sizeof *doc);
    if (!html)
        n = 0;
    rasad__buf_init(&u, 0);
    rc = rasad__to_utf8(html ? html : "", n, charset, &u);
    if (rc)
        goto done;
    if (u.n > 0 && u.n <= INT_MAX)
        d = htmlReadMemory(u.p, (int)u.n, NULL, "UTF-8", PARSE_OPTS);
    root = d ? xmlDocGetRootElement(d) : NULL;
    if (root) {
        rc = rasad__html_meta(d, root, doc);
        if (!rc)
            rc = rasad__html_text(root, doc);
    }
    if (!rc && (!doc->text || doc->text_len == 0))
        rc = RASAD_PARSE;
done:
    if (d)
        xmlFreeDoc(d);
    rasad__buf_release(&u);
    if (rc == RASAD_NOMEM)
        rasad_html_doc_free(doc);
    return rc;
}

int rasad__read_html(rasad__rd *r, rasad__in *in)
{
    rasad_article a = { 0 };
    rasad_html_doc doc;
    char *all;
    size_t n;
    int rc = rasad__read_all(r, in, &all, &n);

    if (rc)
        return rc == 1 ? 0 : rc;
    rc = rasad_html_extract(all, n, NULL, &doc);
    if (rc == RASAD_PARSE) {
        rasad__reject(r, 0, n ? "no text in html" : "empty file");
        rc = 0;
    } else if (rc == 0) {
        a.title = doc.title;
        a.text = doc.text;
        a.text_len = doc.text_len;
        a.published = doc.published;
        a.source = doc.site_name;
        a.url = doc.url;
        a.raw = all;
        a.raw_len = n;
        a.line = 1;
        rc = rasad__deliver(r, &a, "html");
    }
    rasad_html_doc_free(&doc);
    rasad_free(all);
    return rc;
}
