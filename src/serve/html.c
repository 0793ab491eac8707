/* html.c - HTML into a buffer. Markup is only ever a string literal (the H
 * macro); text from the archive or the request reaches the page only
 * through the escaping writers here, so a page cannot forget to escape. */
#include <stdio.h>
#include <string.h>
#include "rasad/date.h"
#include "rasad/text.h"
#include "serve_internal.h"

/* What each ASCII byte becomes in text and attribute values (NULL: itself).
 * Control characters other than tab and newline are dropped. */
static const char *ascii_escape(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\t': case '\n': return NULL;
    default: return c < 0x20 || c == 0x7f ? "" : NULL;
    }
}

void ht_textn(rasad_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    if (!s)
        return;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            int inv;
            size_t len = rasad_utf8_decode(s + i, n - i, &cp, &inv);
            if (inv)
                rasad__buf_add(b, "\xef\xbf\xbd", 3);
            else
                rasad__buf_add(b, s + i, len);
            i += len;
            continue;
        }
        const char *e = ascii_escape(c);
        if (e)
            rasad__buf_add(b, e, strlen(e));
        else
            rasad__buf_addc(b, (char)c);
        i++;
    }
}

void ht_text(rasad_buf *b, const char *s)
{
    if (s)
        ht_textn(b, s, strlen(s));
}

void ht_num(rasad_buf *b, long long v)
{
    char t[24];
    int k = snprintf(t, sizeof t, "%lld", v);
    for (int i = 0; i < k; i++) {
        if (t[i] >= '0' && t[i] <= '9') {
            char d[2] = { (char)0xdb, (char)(0xb0 + (t[i] - '0')) };   /* U+06F0.. */
            rasad__buf_add(b, d, 2);
        } else {
            rasad__buf_addc(b, t[i]);
        }
    }
}

static const char *const jalali_months[12] = {
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
};

void ht_date(rasad_buf *b, const char *iso)
{
    rasad_date g = { 0, 0, 0, RASAD_CAL_GREGORIAN }, j;
    if (!iso)
        return;
    if (strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &g.year, &g.month, &g.day) != 3 ||
        rasad_date_convert(&g, RASAD_CAL_JALALI, &j) != RASAD_OK) {
        ht_text(b, iso);
        return;
    }
    ht_num(b, j.day);
    H(b, " ");
    ht_text(b, jalali_months[j.month - 1]);
    H(b, " ");
    ht_num(b, j.year);
    H(b, " <span class=\"greg\">(");
    ht_text(b, iso);
    H(b, ")</span>");
}

void ht_qval(rasad_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!s)
        return;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            rasad__buf_addc(b, (char)c);
        } else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            rasad__buf_add(b, e, 3);
        }
    }
}

void ht_snippet(rasad_buf *b, const char *s)
{
    if (!s)
        return;
    const char *p = s;
    while (*p) {
        size_t n = strcspn(p, "\x01\x02");
        ht_textn(b, p, n);
        p += n;
        if (*p == '\x01')
            H(b, "<mark>");
        else if (*p == '\x02')
            H(b, "</mark>");
        if (*p)
            p++;
    }
}

int ht_url_ok(const char *url)
{
    if (!url)
        return 0;
    size_t k = strncmp(url, "https://", 8) == 0 ? 8 : strncmp(url, "http://", 7) == 0 ? 7 : 0;
    if (!k || !url[k])
        return 0;
    for (const char *c = url; *c; c++)
        if ((unsigned char)*c <= 0x20 || *c == '"' || *c == '\'' || *c == '<' || *c == '>' ||
            *c == '\\' || *c == '`')
            return 0;
    return 1;
}

void ht_page_begin(rasad_buf *b, const char *title, const char *q)
{
    H(b, "<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<link rel=\"stylesheet\" href=\"/static/style.css\"><title>");
    ht_text(b, title);
    H(b, " — رصد</title></head><body><header><a class=\"brand\" href=\"/\">رصد</a>"
         "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
         "<input type=\"search\" name=\"q\" aria-label=\"جستجو\" placeholder=\"جستجو در خبرها\" value=\"");
    ht_text(b, q);
    H(b, "\"><button type=\"submit\">جستجو</button></form></header><main>\n");
}

void ht_page_end(rasad_buf *b)
{
    H(b, "</main><footer>رصد — پایش خبر فارسی</footer></body></html>\n");
}

const char ht_css[] =
    ":root{--fg:#1b1f24;--muted:#5b6470;--line:#d9dee4;--bg:#fbfbfa;--accent:#0b5cad;--mark:#ffe58a}\n"
    "*{box-sizing:border-box}\n"
    "a.ent{color:inherit;text-decoration:none;border-bottom:1px dotted var(--accent)}\n"
    "a.ent:hover,a.ent:focus{color:var(--accent)}\n"
    ".names a{display:inline-block;margin:0 0 .3rem .6rem}\n"
    "blockquote{margin:.4rem 0;padding:.2rem .8rem;border-right:3px solid var(--line)}\n"
    "details summary{cursor:pointer}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);line-height:1.9;"
    "font-family:Vazirmatn,Sahel,\"Noto Naskh Arabic\",Nazli,\"DejaVu Sans\",Tahoma,sans-serif;font-size:18px}\n"
    "header{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;padding:.6rem 1rem;"
    "border-bottom:1px solid var(--line);background:#fff}\n"
    ".brand{font-size:1.5rem;font-weight:bold;color:var(--accent);text-decoration:none}\n"
    "form.search{display:flex;flex:1;min-width:14rem;gap:.4rem}\n"
    "input{font:inherit;padding:.3rem .6rem;border:1px solid #b9c1ca;border-radius:6px;background:#fff;color:inherit}\n"
    "form.search input{flex:1;min-width:0}\n"
    "button{font:inherit;padding:.3rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:6px;cursor:pointer}\n"
    "main{max-width:60rem;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.5rem;line-height:1.6;margin:.6rem 0}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid var(--line)}\n"
    /* Persian letters sit on the underline: links are underlined only under the pointer */
    "a{color:var(--accent);text-decoration:none}a:hover,a:focus-visible{text-decoration:underline;text-underline-offset:.4em}\n"
    "a:visited{color:#5a3d99}.brand:visited{color:var(--accent)}\n"
    "ul.items{list-style:none;padding:0}ul.items li{padding:.6rem 0;border-bottom:1px solid var(--line)}\n"
    "ul.items li>a:first-child{font-size:1.08rem;line-height:1.7}\n"
    "#summary li{margin:.25rem 0}\n"
    ".meta,.greg{color:var(--muted);font-size:.85rem}.greg{direction:ltr;unicode-bidi:isolate;white-space:nowrap}\n"
    ".snippet{margin-top:.15rem}mark{background:var(--mark);color:inherit;padding:0 .15em;border-radius:3px}\n"
    "figure.timeline{margin:.8rem 0 1.2rem}\n"
    "svg.timeline{display:block;width:100%;height:64px}\n"
    "svg.timeline line{stroke:#8a939e;stroke-width:2px;vector-effect:non-scaling-stroke}\n"
    "svg.timeline .dot{fill:none;stroke:var(--accent);stroke-opacity:.75;stroke-width:12px;stroke-linecap:round;vector-effect:non-scaling-stroke}\n"
    ".tl-ends{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.2rem 1rem;color:var(--muted);font-size:.85rem}\n"
    "details.filters{margin:.3rem 0 .8rem}details.filters summary{cursor:pointer;color:var(--accent);font-size:.92rem}\n"
    "form.filters{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.5rem 0}\n"
    ".filters label{display:flex;align-items:center;gap:.4rem;white-space:nowrap}.filters input{width:9.5rem;padding:.15rem .5rem}\n"
    ".filters input::placeholder{color:#9aa2ab}\n"
    ".pager{display:flex;justify-content:space-between;margin:1rem 0}\n"
    "p.body{white-space:pre-line;font-size:1.05rem;line-height:2.1}.removed{color:var(--muted);background:#f1f1ef;padding:.3rem .6rem;border-radius:4px}\n"
    "p[dir=ltr]{text-align:right}\n"
    "article h1{font-size:1.6rem}\n"
    "footer{color:var(--muted);text-align:center;font-size:.8rem;padding:2rem 1rem;border-top:1px solid var(--line);margin-top:2rem}\n"
    "@media (max-width:40rem){body{font-size:17px}main{padding:.6rem .8rem}header{padding:.5rem .8rem}"
    "h1{font-size:1.3rem}.tl-ends .greg{display:none}.filters label{flex:1 1 100%}.filters input{flex:1;width:auto}.filters button{flex:1 1 100%}}\n";
const size_t ht_css_len = sizeof ht_css - 1;
