/* pages.c - the HTML pages (docs/serve.md): home, search, story, thread,
 * article. Persian, right to left, no JavaScript; pictures are inline SVG
 * drawn from numbers only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/date.h"
#include "rasad/events.h"
#include "rasad/ner.h"
#include "serve_internal.h"

int page_css(srv_req *r)
{
    r->ctype = "text/css; charset=utf-8";
    rasad__buf_add(&r->out, ht_css, ht_css_len);
    return 0;
}

static void story_link(rasad_buf *b, int64_t id, const char *title)
{
    H(b, "<a href=\"/story/");
    jw_int(b, id);
    H(b, "\">");
    if (title && *title)
        ht_text(b, title);
    else
        H(b, "(بی‌عنوان)");
    H(b, "</a>");
}

static void span(rasad_buf *b, const char *first, const char *last)
{
    if (!first) {
        H(b, "بی‌تاریخ");
        return;
    }
    ht_date(b, first);
    if (last && strcmp(first, last) != 0) {
        H(b, " تا ");
        ht_date(b, last);
    }
}

static void story_item(rasad_buf *b, const rasad_story_view *v)
{
    H(b, "<li>");
    story_link(b, v->id, v->title);
    H(b, "<div class=\"meta\">");
    ht_num(b, (long long)v->narticles);
    H(b, " خبر · ");
    for (size_t i = 0; i < v->nsources; i++) {
        if (i)
            H(b, "، ");
        ht_text(b, v->sources[i]);
    }
    H(b, " · ");
    span(b, v->first_seen, v->last_seen);
    H(b, " · <a href=\"/thread/");
    jw_int(b, v->thread);
    H(b, "\">رشته</a></div></li>\n");
}

/* ---- home --------------------------------------------------------------- */

typedef struct list_ctx {
    rasad_buf *b;
    long offset, limit, seen, written;
} list_ctx;

static int home_story(void *ud, const rasad_story_view *v)
{
    list_ctx *c = ud;
    if (c->seen++ < c->offset)
        return 0;
    if (c->written == c->limit)
        return 1;
    c->written++;
    story_item(c->b, v);
    return 0;
}

static int home_thread(void *ud, const rasad_thread_view *t)
{
    list_ctx *c = ud;
    if (c->written == c->limit)
        return 1;
    c->written++;
    H(c->b, "<li><a href=\"/thread/");
    jw_int(c->b, t->id);
    H(c->b, "\">");
    if (t->title && *t->title)
        ht_text(c->b, t->title);
    else
        H(c->b, "(بی‌عنوان)");
    H(c->b, "</a><div class=\"meta\">");
    ht_num(c->b, (long long)t->nstories);
    H(c->b, " رویداد · ");
    ht_num(c->b, t->articles);
    H(c->b, " خبر · ");
    span(c->b, t->first_seen, t->last_seen);
    H(c->b, "</div></li>\n");
    return 0;
}

static void pager(rasad_buf *b, const char *base_lit, const char *q, long offset, long limit,
                  int more)
{
    H(b, "<nav class=\"pager\">");
    if (offset > 0) {
        rasad__buf_add(b, base_lit, strlen(base_lit));   /* a literal of this file */
        ht_qval(b, q);
        H(b, "&amp;offset=");
        jw_int(b, offset > limit ? offset - limit : 0);
        H(b, "\">→ قبلی</a>");
    } else {
        H(b, "<span></span>");
    }
    if (more) {
        rasad__buf_add(b, base_lit, strlen(base_lit));
        ht_qval(b, q);
        H(b, "&amp;offset=");
        jw_int(b, offset + limit);
        H(b, "\">بعدی ←</a>");
    }
    H(b, "</nav>");
}

/* ---- entities, quotes and events as page parts ------------------------------ */

static const char *type_label(int type)
{
    switch (type) {
    case RASAD_NER_PER: return "شخص";
    case RASAD_NER_LOC: return "مکان";
    case RASAD_NER_ORG: return "سازمان";
    default: return "";
    }
}

static void entity_link(rasad_buf *b, int64_t id, const char *name)
{
    H(b, "<a class=\"ent\" href=\"/entity/");
    jw_int(b, id);
    H(b, "\">");
    ht_text(b, name);
    H(b, "</a>");
}

static int names_item(void *ud, const rasad_entity_view *e)
{
    rasad_buf *b = ud;
    entity_link(b, e->id, e->name);
    H(b, " <span class=\"meta\">(");
    ht_num(b, e->mentions);
    H(b, ")</span> ");
    return 0;
}

/* A paragraph of entity links for o; nothing when there are none. */
static int names_part(srv_req *r, const rasad_entities_opts *o, const char *heading_lit)
{
    rasad_buf part;
    rasad__buf_init(&part, 0);
    int rc = rasad_store_entities(r->store, o, names_item, &part);
    if (rc == RASAD_OK && part.n) {
        rasad__buf_add(&r->out, heading_lit, strlen(heading_lit));   /* a literal of this file */
        H(&r->out, "<p class=\"names\">");
        rasad__buf_add(&r->out, part.p, part.n);
        H(&r->out, "</p>");
    }
    rasad__buf_release(&part);
    return rc;
}

static int quote_item(void *ud, const rasad_quote_view *q)
{
    rasad_buf *b = ud;
    H(b, "<li>");
    if (q->speaker)
        entity_link(b, q->speaker, q->speaker_name);
    else if (q->who)
        ht_text(b, q->who);
    else
        H(b, "گوینده‌ای نامعلوم");
    H(b, ": <blockquote>");
    ht_text(b, q->text);
    H(b, "</blockquote><span class=\"meta\"><a href=\"/article/");
    jw_int(b, q->article);
    H(b, "\">خبر</a>");
    if (q->day) {
        H(b, " · ");
        ht_date(b, q->day);
    }
    H(b, "</span></li>");
    return 0;
}

static int quotes_part(srv_req *r, const rasad_quotes_opts *o, const char *heading_lit)
{
    rasad_buf part;
    rasad__buf_init(&part, 0);
    int rc = rasad_store_quotes(r->store, o, quote_item, &part);
    if (rc == RASAD_OK && part.n) {
        rasad__buf_add(&r->out, heading_lit, strlen(heading_lit));
        H(&r->out, "<ul class=\"items quotes\">");
        rasad__buf_add(&r->out, part.p, part.n);
        H(&r->out, "</ul>");
    }
    rasad__buf_release(&part);
    return rc;
}

static const char *event_label(int type)
{
    switch (type) {
    case RASAD_EVENT_MEETING: return "دیدار";
    case RASAD_EVENT_AGREEMENT: return "توافق";
    case RASAD_EVENT_VISIT: return "سفر";
    default: return "";
    }
}

static int event_item(void *ud, const rasad_event_view *e)
{
    rasad_buf *b = ud;
    H(b, "<li><strong>");
    ht_text(b, event_label(e->type));
    H(b, "</strong>: ");
    for (size_t i = 0; i < e->nparts; i++) {
        if (i && e->parts[i].side != e->parts[i - 1].side)
            H(b, " با ");
        else if (i)
            H(b, "، ");
        const rasad_event_party *p = &e->parts[i];   /* described: to whom it relates */
        if (p->entity || p->of)
            entity_link(b, p->entity ? p->entity : p->of, p->name);
        else
            ht_text(b, p->name);                 /* «همتای روس خود»: no one named */
    }
    if (e->place) {
        H(b, " در ");
        entity_link(b, e->place, e->place_name);
    }
    if (e->occasion) {
        H(b, " · ");
        ht_text(b, e->occasion);
    }
    if (e->planned)
        H(b, " · <em>در پیش</em>");           /* told as to come */
    H(b, "<div class=\"meta\">");
    if (e->day) {
        ht_date(b, e->day);
        H(b, " · ");
    }
    H(b, "<a href=\"/article/");
    jw_int(b, e->article);
    H(b, "\">خبر</a></div></li>");
    return 0;
}

static int events_part(srv_req *r, const rasad_events_opts *o, const char *heading_lit)
{
    rasad_buf part;
    rasad__buf_init(&part, 0);
    int rc = rasad_store_events(r->store, o, event_item, &part);
    if (rc == RASAD_OK && part.n) {
        rasad__buf_add(&r->out, heading_lit, strlen(heading_lit));
        H(&r->out, "<ul class=\"items events\">");
        rasad__buf_add(&r->out, part.p, part.n);
        H(&r->out, "</ul>");
    }
    rasad__buf_release(&part);
    return rc;
}

int page_home(srv_req *r)
{
    long offset;
    if (srv_int_arg(r, "offset", 0, 0, 1000000, &offset))
        return 0;
    rasad_buf *b = &r->out;
    ht_page_begin(b, "تازه‌ترین رویدادها", NULL);
    H(b, "<h1>تازه‌ترین رویدادها</h1><ul class=\"items\" id=\"stories\">\n");
    list_ctx c = { b, offset, 30, 0, 0 };
    int rc = rasad_store_stories(r->store, NULL, home_story, &c);
    if (rc != RASAD_OK && rc != 1)
        return srv_error(r, 500, "the archive cannot be read");
    if (!c.written)
        H(b, "<li>هنوز خبری در این بایگانی نیست.</li>");
    H(b, "</ul>");
    pager(b, "<a href=\"/?x=", "", offset, 30, rc == 1);
    H(b, "<h2>رشته‌ها</h2><ul class=\"items\" id=\"threads\">\n");
    list_ctx t = { b, 0, 15, 0, 0 };
    rc = rasad_store_threads(r->store, home_thread, &t);
    if (rc != RASAD_OK && rc != 1)
        return srv_error(r, 500, "the archive cannot be read");
    H(b, "</ul>");
    rasad_entities_opts eo = { 0, 0, 0, 24, 0, 1 };
    if (names_part(r, &eo, "<h2>نام‌ها</h2>") != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    ht_page_end(b);
    return 0;
}

/* ---- search ------------------------------------------------------------- */

typedef struct hit_ctx {
    rasad_buf *b;
    long n;
} hit_ctx;

static int html_hit(void *ud, const rasad_hit *h)
{
    hit_ctx *c = ud;
    rasad_buf *b = c->b;
    c->n++;
    H(b, "<li><a href=\"/article/");
    jw_int(b, h->rowid);
    H(b, "\">");
    if (h->title && *h->title)
        ht_text(b, h->title);
    else
        H(b, "(بی‌عنوان)");
    H(b, "</a>");
    if (h->copies) {
        H(b, " <span class=\"meta\">(");
        ht_num(b, h->copies);
        H(b, " نسخهٔ دیگر)</span>");
    }
    if ((h->source && *h->source) || h->published) {
        H(b, "<div class=\"meta\">");
        ht_text(b, h->source);
        if (h->published) {
            if (h->source && *h->source)
                H(b, " · ");
            ht_date(b, h->published);
        }
        H(b, "</div>");
    }
    H(b, "<div class=\"snippet\">");
    ht_snippet(b, h->snippet);
    H(b, "</div></li>\n");
    return 0;
}

static void filter_input(rasad_buf *b, const char *label_lit, const char *name_lit,
                         const char *placeholder_lit, const char *value)
{
    H(b, "<label>");
    rasad__buf_add(b, label_lit, strlen(label_lit));
    H(b, " <input name=\"");
    rasad__buf_add(b, name_lit, strlen(name_lit));
    H(b, "\" placeholder=\"");
    rasad__buf_add(b, placeholder_lit, strlen(placeholder_lit));
    H(b, "\" value=\"");
    ht_text(b, value);
    H(b, "\"></label>");
}

int page_search(srv_req *r)
{
    const char *q = srv_arg(r, "q");
    rasad_buf *b = &r->out;
    if (!q || !*q) {
        ht_page_begin(b, "جستجو", NULL);
        H(b, "<h1>جستجو</h1><p>واژه‌ای بنویسید؛ با نیم‌فاصله یا بی آن، با ی و ک عربی یا فارسی.</p>");
        ht_page_end(b);
        return 0;
    }
    rasad_search_opts o;
    rasad_search_info info;
    if (srv_search_opts(r, &o, 50))
        return 0;
    o.limit = 20;
    o.mark_open = "\x01";
    o.mark_close = "\x02";
    ht_page_begin(b, q, q);
    H(b, "<h1>جستجوی «");
    ht_text(b, q);
    H(b, "»</h1>");
    /* the filters fold away (no script: <details>), open when one is set */
    if (o.source || o.since || o.until)
        H(b, "<details class=\"filters\" open>");
    else
        H(b, "<details class=\"filters\">");
    H(b, "<summary>پالایش بر پایهٔ منبع و تاریخ</summary>"
         "<form class=\"filters\" action=\"/search\" method=\"get\">"
         "<input type=\"hidden\" name=\"q\" value=\"");
    ht_text(b, q);
    H(b, "\">");
    filter_input(b, "منبع", "source", "همه", o.source);
    filter_input(b, "از تاریخ", "since", "1396/02/06", o.since);
    filter_input(b, "تا تاریخ", "until", "2017-04-26", o.until);
    H(b, "<button type=\"submit\">پالایش</button></form></details>\n");
    /* the hits first into their own buffer: the count goes above them */
    rasad_buf hits;
    rasad__buf_init(&hits, 0);
    hit_ctx c = { &hits, 0 };
    int rc = rasad_store_search(r->store, &o, html_hit, &c, &info);
    if (rc != RASAD_OK || hits.err) {
        int err = hits.err;
        rasad__buf_release(&hits);
        if (rc == RASAD_NOTFOUND)
            return srv_error(r, 400, info.message[0] ? info.message : "nothing to search");
        return srv_error(r, 500, err ? "out of memory" : "the search failed");
    }
    H(b, "<p class=\"meta count\">");
    if (info.total) {
        ht_num(b, info.total);
        H(b, " نتیجه");
        if (o.offset > 0 || c.n < info.total) {
            H(b, "؛ ");
            ht_num(b, (long long)o.offset + 1);
            H(b, " تا ");
            ht_num(b, (long long)o.offset + c.n);
        }
    } else {
        H(b, "هیچ خبری پیدا نشد.");
    }
    if (info.fallback)
        H(b, " (هیچ خبری همهٔ واژه‌ها را نداشت؛ خبرهای نزدیک به برخی از آن‌ها)");
    H(b, "</p><ul class=\"items\" id=\"results\">\n");
    if (hits.n)
        rasad__buf_add(b, hits.p, hits.n);
    rasad__buf_release(&hits);
    H(b, "</ul>");
    pager(b, "<a href=\"/search?q=", q, o.offset, o.limit, o.offset + c.n < info.total);
    ht_page_end(b);
    return 0;
}

/* ---- story and thread ------------------------------------------------------ */

static int day_of(const char *iso, int32_t *day)
{
    rasad_date d = { 0, 0, 0, RASAD_CAL_GREGORIAN };
    if (!iso || strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
        return 0;
    return rasad_date_to_days(&d, day) == RASAD_OK;
}

static int cmp_day(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The Gregorian ISO date of day number day into iso[24]; 0 when out of range. */
static int iso_of(int32_t day, char iso[24])
{
    rasad_date d;
    if (rasad_date_from_days(day, RASAD_CAL_GREGORIAN, &d) != RASAD_OK ||
        d.year < 1 || d.year > 9999)
        return 0;
    snprintf(iso, 24, "%04d-%02d-%02d", d.year, d.month, d.day);
    return 1;
}

/* A timeline: one dot per dated item on a line from the first day to the
 * last (right to left, as the page reads); items of the same day are
 * stacked, up to four high. The SVG is stretched to the page's width (CSS
 * gives it a fixed height), its strokes do not scale. Numbers only reach the SVG; the first and the
 * last day are written under it as text (readable at any width). */
static void timeline(rasad_buf *b, const int32_t *days, size_t n, const char *label_lit)
{
    int32_t lo = 0, hi = 0;
    size_t dated = 0;
    for (size_t i = 0; i < n; i++) {
        if (days[i] == INT32_MIN)
            continue;
        if (!dated || days[i] < lo)
            lo = days[i];
        if (!dated || days[i] > hi)
            hi = days[i];
        dated++;
    }
    if (!dated) {
        H(b, "<p class=\"meta\">هیچ‌یک تاریخ ندارد؛ خط زمان کشیده نمی‌شود.</p>");
        return;
    }
    /* the dated days in order: a day's items are a run, stacked */
    int32_t *sorted = malloc(dated * sizeof *sorted);
    if (!sorted) {
        b->err = RASAD_NOMEM;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (days[i] != INT32_MIN)
            sorted[k++] = days[i];
    qsort(sorted, dated, sizeof *sorted, cmp_day);
    H(b, "<figure class=\"timeline\"><svg class=\"timeline\" viewBox=\"0 0 800 64\" "
         "preserveAspectRatio=\"none\" role=\"img\" aria-label=\"");
    rasad__buf_add(b, label_lit, strlen(label_lit));
    H(b, "\"><line x1=\"12\" y1=\"52\" x2=\"788\" y2=\"52\"/>");
    for (size_t i = 0, level = 0; i < dated; i++) {
        level = i && sorted[i] == sorted[i - 1] ? level + 1 : 0;
        if (level > 3)
            continue;
        long x = hi == lo ? 400 : 780 - (long)(760.0 * (sorted[i] - lo) / (hi - lo));
        /* a round-capped line of no length (CSS): a dot that stays round
         * however the picture is stretched to the page's width */
        H(b, "<path class=\"dot\" d=\"M");
        jw_int(b, x);
        H(b, " ");
        jw_int(b, 52 - 13 * (long)level);
        H(b, "h0\"/>");
    }
    free(sorted);
    H(b, "</svg><figcaption class=\"tl-ends\"><span>");
    char iso[24];
    if (iso_of(lo, iso))
        ht_date(b, iso);
    H(b, "</span>");
    if (hi != lo) {
        H(b, "<span class=\"tl-span\">");
        ht_num(b, (long long)(hi - lo) + 1);
        H(b, " روز</span><span>");
        if (iso_of(hi, iso))
            ht_date(b, iso);
        H(b, "</span>");
    }
    H(b, "</figcaption></figure>");
}

int page_story(srv_req *r)
{
    int64_t id;
    rasad_story_view v;
    if (srv_id(r, &id))
        return 0;
    int rc = rasad_store_story(r->store, id, &v);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such story");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    rasad_buf *b = &r->out;
    ht_page_begin(b, v.title ? v.title : "رویداد", NULL);
    H(b, "<h1>");
    ht_text(b, v.title);
    H(b, "</h1><p class=\"meta\">");
    ht_num(b, (long long)v.narticles);
    H(b, " خبر");
    if (v.copies) {
        H(b, " (");
        ht_num(b, (long long)v.copies);
        H(b, " رونوشت)");
    }
    H(b, " · ");
    span(b, v.first_seen, v.last_seen);
    H(b, " · <a href=\"/thread/");
    jw_int(b, v.thread);
    H(b, "\">رشتهٔ این رویداد</a></p><h2>منابع</h2><p>");
    for (size_t i = 0; i < v.nsources; i++) {
        if (i)
            H(b, "، ");
        ht_text(b, v.sources[i]);
    }
    H(b, "</p><h2>خلاصه</h2><ul id=\"summary\">");
    for (size_t i = 0; i < v.nsummary; i++) {
        H(b, "<li>");
        ht_text(b, v.summary[i]);
        H(b, "</li>");
    }
    H(b, "</ul>");
    rasad_entities_opts eo = { 0, 0, id, 24, 0, 1 };
    rasad_events_opts vo = { 0, 0, 0, id, 10, 0 };
    rasad_quotes_opts qo = { 0, 0, id, 10, 0 };
    if (names_part(r, &eo, "<h2>نام‌ها</h2>") != RASAD_OK ||
        events_part(r, &vo, "<h2>دیدارها و رویدادها</h2>") != RASAD_OK ||
        quotes_part(r, &qo, "<h2>گفته‌ها</h2>") != RASAD_OK) {
        rasad_story_view_free(&v);
        return srv_error(r, 500, "the archive cannot be read");
    }
    H(b, "<h2>خط زمان</h2>");
    int32_t *days = malloc((v.narticles ? v.narticles : 1) * sizeof *days);
    if (days) {
        for (size_t i = 0; i < v.narticles; i++)
            if (!day_of(v.articles[i].published, &days[i]))
                days[i] = INT32_MIN;
        timeline(b, days, v.narticles, "خبرهای این رویداد در زمان");
        free(days);
    }
    H(b, "<ul class=\"items\" id=\"articles\">");
    for (size_t i = 0; i < v.narticles; i++) {
        const rasad_story_article *a = &v.articles[i];
        H(b, "<li><a href=\"/article/");
        jw_int(b, a->rowid);
        H(b, "\">");
        if (a->title && *a->title)
            ht_text(b, a->title);
        else
            H(b, "(بی‌عنوان)");
        H(b, "</a><div class=\"meta\">");
        ht_text(b, a->source);
        H(b, " · ");
        if (a->published)
            ht_date(b, a->published);
        else
            H(b, "بی‌تاریخ");
        if (a->dup_of)
            H(b, " · رونوشت");
        H(b, "</div></li>");
    }
    H(b, "</ul>");
    ht_page_end(b);
    rasad_story_view_free(&v);
    return 0;
}

typedef struct thread_ctx {
    int64_t id;
    int found;
    rasad_buf *b;
} thread_ctx;

static int find_thread(void *ud, const rasad_thread_view *t)
{
    thread_ctx *c = ud;
    if (t->id != c->id)
        return 0;
    rasad_buf *b = c->b;
    c->found = 1;
    ht_page_begin(b, t->title ? t->title : "رشته", NULL);
    H(b, "<h1>");
    ht_text(b, t->title);
    H(b, "</h1><p class=\"meta\">رشته · ");
    ht_num(b, (long long)t->nstories);
    H(b, " رویداد · ");
    ht_num(b, t->articles);
    H(b, " خبر · ");
    span(b, t->first_seen, t->last_seen);
    H(b, "</p>");
    return 1;
}

typedef struct tl_ctx {
    rasad_buf *b;
    int32_t *days;
    size_t n, cap;
} tl_ctx;

static int thread_story(void *ud, const rasad_story_view *v)
{
    tl_ctx *c = ud;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        int32_t *d = realloc(c->days, cap * sizeof *d);
        if (!d)
            return RASAD_NOMEM;
        c->days = d;
        c->cap = cap;
    }
    if (!day_of(v->first_seen, &c->days[c->n]))
        c->days[c->n] = INT32_MIN;
    c->n++;
    story_item(c->b, v);
    return 0;
}

int page_thread(srv_req *r)
{
    int64_t id;
    if (srv_id(r, &id))
        return 0;
    rasad_buf *b = &r->out;
    thread_ctx c = { id, 0, b };
    int rc = rasad_store_threads(r->store, find_thread, &c);
    if (rc != RASAD_OK && rc != 1)
        return srv_error(r, 500, "the archive cannot be read");
    if (!c.found)
        return srv_error(r, 404, "no such thread");
    rasad_buf items;
    rasad__buf_init(&items, 0);
    tl_ctx t = { &items, NULL, 0, 0 };
    rasad_stories_opts o = { NULL, NULL, NULL, id };
    rc = rasad_store_stories(r->store, &o, thread_story, &t);
    if (rc != RASAD_OK) {
        free(t.days);
        rasad__buf_release(&items);
        return srv_error(r, 500, "the archive cannot be read");
    }
    H(b, "<h2>رویدادها در زمان</h2>");
    timeline(b, t.days, t.n, "رویدادهای این رشته در زمان");
    H(b, "<ul class=\"items\" id=\"stories\">");
    if (items.n)
        rasad__buf_add(b, items.p, items.n);
    H(b, "</ul>");
    ht_page_end(b);
    free(t.days);
    rasad__buf_release(&items);
    return 0;
}

/* ---- article ---------------------------------------------------------------- */

typedef struct marks {
    rasad_mention m[512];
    size_t n;
} marks;

static int collect_mention(void *ud, const rasad_mention *m)
{
    marks *x = ud;
    if (m->part == 0 && x->n < sizeof x->m / sizeof x->m[0])
        x->m[x->n++] = *m;
    return 0;
}

/* The clean body with each linked mention as a link to its entity (spans
 * in text order; one that overlaps the previous or is out of range is
 * left as text). */
static void marked_body(srv_req *r, int64_t article, const char *text)
{
    rasad_buf *b = &r->out;
    marks *x = malloc(sizeof *x);
    size_t n = text ? strlen(text) : 0, at = 0;
    if (x) {
        x->n = 0;
        if (rasad_store_mentions(r->store, article, collect_mention, x) != RASAD_OK)
            x->n = 0;
    }
    for (size_t i = 0; x && i < x->n; i++) {
        const rasad_mention *m = &x->m[i];
        if (m->start < at || m->end > n || m->end <= m->start)
            continue;
        ht_textn(b, text + at, m->start - at);
        H(b, "<a class=\"ent\" href=\"/entity/");
        jw_int(b, m->entity);
        H(b, "\">");
        ht_textn(b, text + m->start, m->end - m->start);
        H(b, "</a>");
        at = m->end;
    }
    ht_textn(b, text + at, n - at);
    free(x);
}

int page_article(srv_req *r)
{
    int64_t id;
    char key[32];
    rasad_stored a;
    if (srv_id(r, &id))
        return 0;
    const char *removed = srv_arg(r, "removed");
    snprintf(key, sizeof key, "#%lld", (long long)id);
    int rc = rasad_store_get(r->store, key, &a);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such article");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    rasad_buf *b = &r->out;
    ht_page_begin(b, a.title ? a.title : "خبر", NULL);
    H(b, "<article><h1>");
    ht_text(b, a.title);
    H(b, "</h1><p class=\"meta\">");
    ht_text(b, a.source);
    if (a.published_date) {
        H(b, " · ");
        ht_date(b, a.published_date);
    } else if (a.published) {
        H(b, " · ");
        ht_text(b, a.published);
    }
    if (ht_url_ok(a.url)) {
        H(b, " · <a rel=\"noopener noreferrer nofollow\" href=\"");
        ht_text(b, a.url);
        H(b, "\">نشانی اصلی</a>");
    }
    if (a.dup_of) {
        H(b, " · رونوشتِ خبری دیگر");
    }
    if (a.story) {
        H(b, " · <a href=\"/story/");
        jw_int(b, a.story);
        H(b, "\">رویدادِ این خبر</a>");
    }
    H(b, "</p><p class=\"body\">");
    marked_body(r, a.rowid, a.text);
    H(b, "</p>");
    if (removed && strcmp(removed, "1") == 0) {
        H(b, "<h2>آنچه از متن برداشته شد</h2>");
        for (size_t i = 0; i < a.n_removed; i++) {
            H(b, "<p class=\"removed\"><span class=\"meta\">");
            ht_text(b, a.removed[i].reason);
            H(b, "</span> ");
            ht_text(b, a.removed[i].text);
            H(b, "</p>");
        }
        if (!a.n_removed)
            H(b, "<p class=\"meta\">هیچ.</p>");
    } else if (a.n_removed) {
        H(b, "<p><a href=\"/article/");
        jw_int(b, a.rowid);
        H(b, "?removed=1\">آنچه پاک‌سازی برداشت (");
        ht_num(b, (long long)a.n_removed);
        H(b, ")</a></p>");
    }
    H(b, "</article>");
    ht_page_end(b);
    rasad_stored_free(&a);
    return 0;
}

/* ---- entity ------------------------------------------------------------------ */

int page_entity(srv_req *r)
{
    int64_t id;
    rasad_entity_view e;
    if (srv_id(r, &id))
        return 0;
    int rc = rasad_store_entity(r->store, id, &e);
    if (rc == RASAD_NOTFOUND)
        return srv_error(r, 404, "no such entity");
    if (rc != RASAD_OK)
        return srv_error(r, 500, "the archive cannot be read");
    rasad_buf *b = &r->out;
    ht_page_begin(b, e.name, NULL);
    H(b, "<h1>");
    ht_text(b, e.name);
    H(b, "</h1><p class=\"meta\">");
    ht_text(b, type_label(e.type));
    H(b, " · ");
    ht_num(b, e.mentions);
    H(b, " بار در ");
    ht_num(b, (long long)e.narticles);
    H(b, " خبر</p>");
    if (e.nforms > 1) {
        H(b, "<h2>نوشته‌شده به این صورت‌ها</h2><ul id=\"variants\">");
        for (size_t i = 0; i < e.nforms; i++) {
            H(b, "<li>");
            ht_text(b, e.forms[i].form);
            H(b, " <span class=\"meta\">(");
            ht_num(b, e.forms[i].n);
            H(b, ")</span> <details><summary class=\"meta\">چرا</summary><span class=\"meta\" lang=\"en\" dir=\"auto\">");
            ht_text(b, e.forms[i].why);
            H(b, "</span></details></li>");
        }
        H(b, "</ul>");
    }
    if (e.nroles) {
        H(b, "<h2>سمت‌ها</h2><ul id=\"roles\">");
        for (size_t i = 0; i < e.nroles; i++) {
            H(b, "<li>");
            ht_text(b, e.roles[i].role);
            H(b, " <span class=\"meta\">(");
            ht_num(b, e.roles[i].n);
            H(b, " بار");
            if (e.roles[i].first_seen) {
                H(b, "، ");
                ht_date(b, e.roles[i].first_seen);
                if (e.roles[i].last_seen && strcmp(e.roles[i].last_seen, e.roles[i].first_seen)) {
                    H(b, " تا ");
                    ht_date(b, e.roles[i].last_seen);
                }
            }
            H(b, ")</span></li>");
        }
        H(b, "</ul>");
    }
    rasad_events_opts vo = { 0, id, 0, 0, 10, 0 };
    rasad_quotes_opts qo = { id, 0, 0, 10, 0 };
    if (events_part(r, &vo, "<h2>دیدارها و رویدادها</h2>") != RASAD_OK ||
        quotes_part(r, &qo, "<h2>گفته‌ها</h2>") != RASAD_OK) {
        rasad_entity_view_free(&e);
        return srv_error(r, 500, "the archive cannot be read");
    }
    if (e.ncooc) {
        H(b, "<h2>نام‌های همراه</h2><p class=\"names\" id=\"cooccurring\">");
        for (size_t i = 0; i < e.ncooc; i++) {
            entity_link(b, e.cooc[i].id, e.cooc[i].name);
            H(b, " <span class=\"meta\">(");
            ht_num(b, e.cooc[i].articles);
            H(b, ")</span> ");
        }
        H(b, "</p>");
    }
    /* mentions over time: the newest 200 articles */
    size_t from = e.narticles > 200 ? e.narticles - 200 : 0;
    int32_t *days = malloc((e.narticles - from + 1) * sizeof *days);
    H(b, "<h2>در گذر زمان</h2>");
    rasad_buf list;
    rasad__buf_init(&list, 0);
    for (size_t i = from; days && i < e.narticles; i++) {
        char key[32];
        rasad_stored a;
        days[i - from] = INT32_MIN;
        snprintf(key, sizeof key, "#%lld", (long long)e.articles[i]);
        if (rasad_store_get(r->store, key, &a) != RASAD_OK)
            continue;
        if (!day_of(a.published_date, &days[i - from]))
            days[i - from] = INT32_MIN;
        if (i + 20 >= e.narticles) {
            H(&list, "<li><a href=\"/article/");
            jw_int(&list, a.rowid);
            H(&list, "\">");
            if (a.title && *a.title)
                ht_text(&list, a.title);
            else
                H(&list, "(بی‌عنوان)");
            H(&list, "</a><div class=\"meta\">");
            ht_text(&list, a.source);
            if (a.published_date) {
                H(&list, " · ");
                ht_date(&list, a.published_date);
            }
            H(&list, "</div></li>");
        }
        rasad_stored_free(&a);
    }
    if (days)
        timeline(b, days, e.narticles - from, "خبرهایی که از این نام می‌گویند در زمان");
    free(days);
    H(b, "<ul class=\"items\" id=\"articles\">");
    if (list.n)
        rasad__buf_add(b, list.p, list.n);
    H(b, "</ul>");
    rasad__buf_release(&list);
    ht_page_end(b);
    rasad_entity_view_free(&e);
    return 0;
}
