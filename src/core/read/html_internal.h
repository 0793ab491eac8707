/* html_internal.h - shared by html.c, html_meta.c and html_text.c. */
#ifndef RASAD_HTML_INTERNAL_H
#define RASAD_HTML_INTERNAL_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "read_internal.h"

/* The value of attribute name of element n (names are lowercase in
 * libxml2's HTML trees), pointing into the tree; NULL when absent. */
const char *rasad__xml_attr(const xmlNode *n, const char *name);

/* 1 when element n's name is name (lowercase ASCII). */
int rasad__xml_is(const xmlNode *n, const char *name);

/* The node after n in document order within top, not entering n's children
 * unless descend. NULL after the last. */
xmlNode *rasad__xml_next(xmlNode *n, const xmlNode *top, int descend);

/* Fills doc->title, published, site_name and url from the tree. Returns 0
 * or RASAD_NOMEM. */
int rasad__html_meta(xmlDoc *d, xmlNode *root, rasad_html_doc *doc);

/* Fills doc->text (and text_len) with the main text of the tree, one
 * paragraph per line. Returns 0 or RASAD_NOMEM. */
int rasad__html_text(xmlNode *root, rasad_html_doc *doc);

#endif
