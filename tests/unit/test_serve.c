/* test_serve.c - rasad serve over real sockets on 127.0.0.1, port 0:
 * every endpoint, bad arguments (400), unknown ids (404), wrong methods
 * (405), oversized requests, ETag and HEAD, half-open connections, and
 * articles whose titles, bodies and URLs carry XSS payloads that must come
 * out inert. The articles are written for this test. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include "rasad/ner.h"
#include "rasad/serve.h"
#include "rasad/store.h"
#include "th.h"

static unsigned port;

typedef struct resp {
    int status;
    char head[4096];
    char *body;
    size_t n;
} resp;

static int connect_local(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa;
    struct timeval tv = { 10, 0 };
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends raw bytes, reads the whole answer (the server closes or sends
 * Content-Length; we ask for Connection: close). */
static int raw(const char *req, size_t reqn, resp *r)
{
    memset(r, 0, sizeof *r);
    int fd = connect_local();
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < reqn) {
        ssize_t k = send(fd, req + off, reqn - off, MSG_NOSIGNAL);
        if (k <= 0)
            break;
        off += (size_t)k;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        ssize_t k = recv(fd, buf + n, cap - n, 0);
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    buf[n] = '\0';
    char *end = strstr(buf, "\r\n\r\n");
    if (sscanf(buf, "HTTP/1.%*d %d", &r->status) != 1 || !end) {
        free(buf);
        return -1;
    }
    size_t hn = (size_t)(end - buf);
    if (hn >= sizeof r->head)
        hn = sizeof r->head - 1;
    memcpy(r->head, buf, hn);
    r->head[hn] = '\0';
    r->n = n - (size_t)(end + 4 - buf);
    r->body = malloc(r->n + 1);
    memcpy(r->body, end + 4, r->n);
    r->body[r->n] = '\0';
    free(buf);
    return 0;
}

static int req(const char *method, const char *path, const char *extra, resp *r)
{
    char q[8192];
    int k = snprintf(q, sizeof q, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n",
                     method, path, extra ? extra : "");
    return raw(q, (size_t)k, r);
}

static int get(const char *path, resp *r)
{
    return req("GET", path, NULL, r);
}

static void done(resp *r)
{
    free(r->body);
    r->body = NULL;
}

static int has_header(const resp *r, const char *h)
{
    return strstr(r->head, h) != NULL;
}

/* The XSS payloads, and the three good articles of a small archive. */
static const char *const jsonl =
    "{\"id\":\"a1\",\"source\":\"خبرگزاری نمونه\",\"published\":\"2024-03-05\","
    "\"title\":\"<script>alert('t')</script> دیدار وزیران کشاورزی\","
    "\"url\":\"javascript:alert(1)\","
    "\"text\":\"وزیر کشاورزی ایران با همتای ترکیه‌ای خود در آنکارا دیدار کرد. \\\"><img src=x onerror=alert(1)> "
    "دو وزیر درباره صادرات پسته و زعفران گفتگو کردند و قرار شد تجارت محصولات کشاورزی افزایش یابد.\"}\n"
    "{\"id\":\"a2\",\"source\":\"<b onmouseover=alert(2)>روزنامه</b>\",\"published\":\"2024-03-06\","
    "\"title\":\"وزیران کشاورزی ایران و ترکیه درباره پسته و زعفران گفتگو کردند\","
    "\"url\":\"https://example.org/news?id=2&x=\\\"><script>\","
    "\"text\":\"وزیر کشاورزی ایران در آنکارا با همتای ترکیه‌ای دیدار کرد و درباره صادرات پسته و زعفران گفتگو شد. "
    "تجارت محصولات کشاورزی دو کشور امسال افزایش می‌یابد. <a href=\\\"javascript:alert(3)\\\">پیوند</a>\"}\n"
    "{\"id\":\"a3\",\"source\":\"ورزش امروز\",\"published\":\"2024-03-07\","
    "\"title\":\"پیروزی تیم فوتبال در ورزشگاه آزادی\","
    "\"url\":\"https://example.org/sport/3\","
    "\"text\":\"تیم فوتبال در دیدار هفته دهم لیگ با دو گل پیروز شد. تماشاگران ورزشگاه آزادی شاهد بازی پرهیجانی بودند.\"}\n";

/* No page or API body may carry live markup from the archive. */
static void inert(const resp *r, const char *where)
{
    int bad = strstr(r->body, "<script") || strstr(r->body, "<img") ||
              (strstr(r->body, "onerror=") != NULL && strstr(r->body, "<img")) ||
              strstr(r->body, "href=\"javascript") || strstr(r->body, "<b onmouseover") ||
              strstr(r->body, "<a href=\"javascript");
    if (bad)
        printf("live markup in %s\n", where);
    TH_CHECK(!bad);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rasad_serve_XXXXXX", db[256], in[256];
    TH_EQ_INT(rasad_store_threads_init(), RASAD_OK);     /* before SQLite starts */
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(db, sizeof db, "%s/a.db", dir);
    snprintf(in, sizeof in, "%s/in.jsonl", dir);
    FILE *f = fopen(in, "w");
    fputs(jsonl, f);
    fclose(f);

    rasad_store *st;
    char err[256];
    TH_EQ_INT(rasad_store_open(db, &st, err, sizeof err), RASAD_OK);
    /* the shipped tagger, when the tree has it: entities, quotes, events */
    char model_path[512];
    rasad_ner_model *model = NULL;
    snprintf(model_path, sizeof model_path, "%s/../models/ner.model", argc > 1 ? argv[1] : "tests");
    if (rasad_ner_model_load(model_path, &model) == RASAD_OK)
        TH_EQ_INT(rasad_store_set_ner(st, model), RASAD_OK);
    else
        printf("no model at %s: entity pages not checked\n", model_path);
    const char *paths[] = { in };
    rasad_ingest_stats is;
    TH_EQ_INT(rasad_store_ingest(st, paths, 1, NULL, &is), RASAD_OK);
    TH_EQ_INT(rasad_store_close(st), RASAD_OK);
    TH_EQ_INT(rasad_store_threads_init(), RASAD_INVAL);  /* too late now: refused */

    /* bad options and a missing archive */
    rasad_server *srv;
    rasad_serve_opts o;
    memset(&o, 0, sizeof o);
    o.db = "/nonexistent/x.db";
    TH_CHECK(rasad_serve_start(&o, &srv, err, sizeof err) != RASAD_OK);
    o.db = db;
    o.host = "localhost:80";
    TH_EQ_INT(rasad_serve_start(&o, &srv, err, sizeof err), RASAD_INVAL);
    o.host = "127.0.0.1";
    o.threads = 2;
    o.timeout_s = 3;
    TH_EQ_INT(rasad_serve_start(&o, &srv, err, sizeof err), RASAD_OK);
    port = rasad_serve_port(srv);
    TH_CHECK(port > 0);

    resp r;
    /* every endpoint */
    static const struct { const char *path; int status; const char *ctype; const char *has; } eps[] = {
        { "/", 200, "text/html", "dir=\"rtl\"" },
        { "/search?q=%D9%BE%D8%B3%D8%AA%D9%87", 200, "text/html", "<mark>" },
        { "/story/1", 200, "text/html", "<svg" },
        { "/thread/1", 200, "text/html", "<svg" },
        { "/article/1", 200, "text/html", "dir=\"rtl\"" },
        { "/article/1?removed=1", 200, "text/html", "dir=\"rtl\"" },
        { "/static/style.css", 200, "text/css", "direction" },
        { "/api/v1/health", 200, "application/json", "\"status\":\"ok\",\"articles\":3" },
        { "/api/v1/search?q=%D9%BE%D8%B3%D8%AA%D9%87&limit=1", 200, "application/json", "\"limit\":1" },
        { "/api/v1/stories", 200, "application/json", "\"articles\":[" },
        { "/api/v1/stories?limit=1&offset=1", 200, "application/json", "[{\"id\":" },
        { "/api/v1/stories/1", 200, "application/json", "\"summary\":[" },
        { "/api/v1/threads", 200, "application/json", "\"stories\":[" },
        { "/api/v1/threads/1", 200, "application/json", "\"id\":1" },
        { "/api/v1/articles/2", 200, "application/json", "\"rowid\":2" },
        { "/api/v1/entities", 200, "application/json", "[" },
        { "/api/v1/entities?type=PER&limit=5", 200, "application/json", "[" },
        { "/api/v1/quotes", 200, "application/json", "[" },
        { "/api/v1/events?type=meeting", 200, "application/json", "[" },
        { "/api/v1/entities/999999", 404, "application/json", "\"status\":404" },
        { "/entity/999999", 404, "text/html", "۴۰۴" },
        { "/api/v1/entities?type=XYZ", 400, "application/json", "type" },
        { "/api/v1/events?type=party", 400, "application/json", "type" },
        { "/api/v1/quotes?speaker=abc", 400, "application/json", "speaker" },
        /* unknown ids and pages */
        { "/story/999", 404, "text/html", "۴۰۴" },
        { "/story/abc", 404, "text/html", "۴۰۴" },
        { "/thread/999", 404, "text/html", "" },
        { "/article/0", 404, "text/html", "" },
        { "/api/v1/stories/999", 404, "application/json", "\"status\":404" },
        { "/api/v1/articles/99999999999999999999", 404, "application/json", "\"status\":404" },
        { "/api/v1/nothing", 404, "application/json", "\"error\"" },
        { "/../../etc/passwd", 404, "text/html", "" },
        { "/static/../../etc/passwd", 404, "text/html", "" },
        /* bad arguments */
        { "/api/v1/search", 400, "application/json", "q is missing" },
        { "/api/v1/search?q=%D9%BE&limit=0", 400, "application/json", "limit" },
        { "/api/v1/search?q=%D9%BE&limit=abc", 400, "application/json", "limit" },
        { "/api/v1/search?q=%FF%FE", 400, "application/json", "UTF-8" },
        { "/api/v1/search?q=%2B%2B%2B", 400, "application/json", "\"error\"" },
        { "/api/v1/stories?since=notadate", 400, "application/json", "not a date" },
        { "/api/v1/stories?offset=-1", 400, "application/json", "offset" },
        { "/search?q=x&offset=zz", 400, "text/html", "" },
    };
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
        if (get(eps[i].path, &r) != 0) {
            printf("no answer for %s\n", eps[i].path);
            TH_CHECK(0);
            continue;
        }
        if (r.status != eps[i].status || !strstr(r.head, eps[i].ctype) ||
            !strstr(r.body, eps[i].has))
            printf("%s: %d (want %d) [%.200s]\n", eps[i].path, r.status, eps[i].status, r.body);
        TH_EQ_INT(r.status, eps[i].status);
        TH_CHECK(strstr(r.head, eps[i].ctype) != NULL);
        TH_CHECK(strstr(r.body, eps[i].has) != NULL);
        TH_CHECK(has_header(&r, "X-Content-Type-Options: nosniff"));
        TH_CHECK(has_header(&r, "Content-Security-Policy: default-src 'none'"));
        inert(&r, eps[i].path);
        done(&r);
    }

    /* entity pages: every entity of the archive, as a page and as JSON */
    if (model) {
        TH_EQ_INT(get("/api/v1/entities?limit=500", &r), 0);
        TH_EQ_INT(r.status, 200);
        int pages = 0;
        for (const char *p = r.body; (p = strstr(p, "{\"id\":")) != NULL; p += 6) {
            long id = strtol(p + 6, NULL, 10);
            char path[64];
            resp e;
            snprintf(path, sizeof path, "/entity/%ld", id);
            TH_EQ_INT(get(path, &e), 0);
            TH_EQ_INT(e.status, 200);
            TH_CHECK(strstr(e.body, "dir=\"rtl\"") != NULL);
            inert(&e, path);
            done(&e);
            snprintf(path, sizeof path, "/api/v1/entities/%ld", id);
            TH_EQ_INT(get(path, &e), 0);
            TH_EQ_INT(e.status, 200);
            TH_CHECK(strstr(e.body, "\"cooccurring\":[") != NULL);
            done(&e);
            pages++;
        }
        TH_CHECK(pages >= 3);            /* آنکارا، ترکیه، تبریز، ... */
        done(&r);
        TH_EQ_INT(get("/story/1", &r), 0);
        TH_CHECK(strstr(r.body, "href=\"/entity/") != NULL);
        inert(&r, "story with entities");
        done(&r);
        TH_EQ_INT(get("/article/1", &r), 0);
        TH_CHECK(strstr(r.body, "class=\"ent\"") != NULL);   /* mentions marked in the text */
        inert(&r, "article with marks");
        done(&r);
    }

    /* XSS: the payloads are shown as text */
    TH_EQ_INT(get("/article/1", &r), 0);
    TH_CHECK(strstr(r.body, "href=\"/story/1\"") != NULL);   /* back to its story */
    TH_CHECK(strstr(r.body, "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;") != NULL);
    TH_CHECK(strstr(r.body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != NULL);
    TH_CHECK(strstr(r.body, "javascript:") == NULL);      /* not even shown as a link */
    inert(&r, "article 1");
    done(&r);
    TH_EQ_INT(get("/article/2", &r), 0);
    TH_CHECK(strstr(r.body, "href=\"https://example.org/news") == NULL);  /* quote in URL: no link */
    inert(&r, "article 2");
    done(&r);
    TH_EQ_INT(get("/api/v1/articles/1", &r), 0);
    TH_CHECK(strstr(r.body, "\\u003cscript\\u003e") != NULL);
    inert(&r, "api article 1");
    done(&r);
    TH_EQ_INT(get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E", &r), 0);
    inert(&r, "search for a script tag");
    TH_CHECK(strstr(r.body, "&lt;script&gt;") != NULL);
    done(&r);
    TH_EQ_INT(get("/search?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E", &r), 0);
    inert(&r, "search for an img tag");
    done(&r);
    TH_EQ_INT(get("/", &r), 0);
    TH_CHECK(strstr(r.body, "&lt;b onmouseover=alert(2)&gt;") != NULL);
    inert(&r, "home");
    done(&r);

    /* methods */
    static const char *const methods[] = { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" };
    for (size_t i = 0; i < 5; i++) {
        TH_EQ_INT(req(methods[i], "/api/v1/stories", "Content-Length: 0\r\n", &r), 0);
        TH_EQ_INT(r.status, 405);
        TH_CHECK(has_header(&r, "Allow: GET, HEAD"));
        done(&r);
    }
    TH_EQ_INT(req("HEAD", "/story/1", NULL, &r), 0);
    TH_EQ_INT(r.status, 200);
    TH_EQ_INT(r.n, 0);
    done(&r);

    /* ETag */
    TH_EQ_INT(get("/api/v1/stories/1", &r), 0);
    char *et = strstr(r.head, "ETag: ");
    char tag[64] = "", hdr[128];
    if (et)
        sscanf(et + 6, "%63s", tag);
    done(&r);
    TH_CHECK(tag[0] == '"');
    snprintf(hdr, sizeof hdr, "If-None-Match: %s\r\n", tag);
    TH_EQ_INT(req("GET", "/api/v1/stories/1", hdr, &r), 0);
    TH_EQ_INT(r.status, 304);
    TH_EQ_INT(r.n, 0);
    done(&r);

    /* oversized: URL, headers, garbage */
    static char big[70000];
    memset(big, 'a', sizeof big - 1);
    char path[3000] = "/search?q=";
    memset(path + 10, 'b', 2500);
    path[2510] = '\0';
    TH_EQ_INT(get(path, &r), 0);
    TH_CHECK(r.status == 414 || r.status == 400);
    done(&r);
    char *hreq = malloc(sizeof big + 200);
    int k = snprintf(hreq, sizeof big + 200, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", big);
    TH_EQ_INT(raw(hreq, (size_t)k, &r), 0);
    TH_CHECK(r.status == 431 || r.status == 413 || r.status == 400);
    done(&r);
    free(hreq);
    const char junk[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n";
    int jr = raw(junk, sizeof junk - 1, &r);
    TH_CHECK(jr != 0 || r.status == 400);   /* closed or refused, never served */
    if (jr == 0)
        done(&r);

    /* half-open connections: normal requests are still served */
    int slow[40];
    for (int i = 0; i < 40; i++) {
        slow[i] = connect_local();
        if (slow[i] >= 0)
            send(slow[i], "GET / HTTP/1.1\r\nHost: x\r\n", 25, MSG_NOSIGNAL);
    }
    for (int i = 0; i < 5; i++) {
        TH_EQ_INT(get("/api/v1/health", &r), 0);
        TH_EQ_INT(r.status, 200);
        done(&r);
    }
    for (int i = 0; i < 40; i++)
        if (slow[i] >= 0)
            close(slow[i]);

    rasad_serve_stop(srv);
    rasad_ner_model_free(model);
    TH_CHECK(connect_local() < 0);          /* stopped: nothing listens */
    unlink(in);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
    return th_done();
}
