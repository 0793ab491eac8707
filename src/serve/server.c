/* server.c - rasad serve's HTTP side on libmicrohttpd: limits, routing,
 * security headers, ETags, and one read-only store handle per request in
 * flight (serve.h, docs/serve.md). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rasad/alloc.h"
#include "rasad/serve.h"
#include "rasad/text.h"
#include "hash.h"
#include "serve_internal.h"

enum {
    MAX_URL = 2048,          /* bytes of path and query (414 beyond) */
    CONN_MEMORY = 32 * 1024, /* request line and headers (431 beyond) */
    MAX_THREADS = 64,
};

/* ---- the routes ------------------------------------------------------------ */

typedef struct route {
    const char *path;    /* exact path, or a prefix when it ends in '/' and prefix is set */
    int prefix;
    srv_handler fn;
} route;

static const route routes[] = {
    { "/api/v1/health", 0, api_health },
    { "/api/v1/search", 0, api_search },
    { "/api/v1/stories", 0, api_stories },
    { "/api/v1/stories/", 1, api_story },
    { "/api/v1/threads", 0, api_threads },
    { "/api/v1/threads/", 1, api_thread },
    { "/api/v1/articles/", 1, api_article },
    { "/api/v1/entities", 0, api_entities },
    { "/api/v1/entities/", 1, api_entity },
    { "/api/v1/quotes", 0, api_quotes },
    { "/api/v1/events", 0, api_events },
    { "/", 0, page_home },
    { "/search", 0, page_search },
    { "/story/", 1, page_story },
    { "/thread/", 1, page_thread },
    { "/article/", 1, page_article },
    { "/entity/", 1, page_entity },
    { "/static/style.css", 0, page_css },
};

static const route *find_route(const char *url, const char **rest)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        size_t n = strlen(routes[i].path);
        if (routes[i].prefix ? strncmp(url, routes[i].path, n) == 0 && url[n]
                             : strcmp(url, routes[i].path) == 0) {
            *rest = url + n;
            return &routes[i];
        }
    }
    return NULL;
}

/* ---- store handles ------------------------------------------------------------ */

struct rasad_server {
    struct MHD_Daemon *d;
    char *db;
    pthread_mutex_t mu;
    rasad_store *free_st[MAX_THREADS * 2];
    rasad_store *all[MAX_THREADS * 2];
    size_t nfree, nall, max;
    unsigned port;
    srv_cache *cache;        /* NULL: none */
};

static rasad_store *take_store(rasad_server *s)
{
    rasad_store *st = NULL;
    pthread_mutex_lock(&s->mu);
    if (s->nfree)
        st = s->free_st[--s->nfree];
    pthread_mutex_unlock(&s->mu);
    if (st)
        return st;
    char err[256];
    if (rasad_store_open_readonly(s->db, &st, err, sizeof err) != RASAD_OK)
        return NULL;
    pthread_mutex_lock(&s->mu);
    if (s->nall < s->max) {
        s->all[s->nall++] = st;
    } else {                       /* more requests in flight than expected: no pooling */
        pthread_mutex_unlock(&s->mu);
        rasad_store_close(st);
        return NULL;
    }
    pthread_mutex_unlock(&s->mu);
    return st;
}

static void give_store(rasad_server *s, rasad_store *st)
{
    pthread_mutex_lock(&s->mu);
    s->free_st[s->nfree++] = st;
    pthread_mutex_unlock(&s->mu);
}

/* ---- requests ------------------------------------------------------------------- */

const char *srv_arg(srv_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int srv_arg_bad(const char *v)
{
    return v && (strlen(v) > SRV_MAX_ARG || rasad_utf8_count_invalid(v, strlen(v)) != 0);
}

int srv_error(srv_req *r, int status, const char *message)
{
    r->out.n = 0;
    if (r->out.p)
        r->out.p[0] = '\0';
    r->out.err = 0;
    r->status = status;
    if (r->api) {
        r->ctype = "application/json; charset=utf-8";
        JW(&r->out, "{\"error\":{\"status\":");
        jw_int(&r->out, status);
        JW(&r->out, ",\"message\":");
        jw_str(&r->out, message);
        JW(&r->out, "}}");
    } else {
        r->ctype = "text/html; charset=utf-8";
        ht_page_begin(&r->out, "خطا", NULL);
        H(&r->out, "<h1>");
        ht_num(&r->out, status);
        H(&r->out, "</h1><p>");
        ht_text(&r->out, status == 404 ? "چنین صفحه‌ای در این بایگانی نیست." :
                         status == 400 ? "درخواست درست نیست." : "خطایی پیش آمد.");
        H(&r->out, "</p><p class=\"meta\" lang=\"en\" dir=\"ltr\">");
        ht_text(&r->out, message);
        H(&r->out, "</p>");
        ht_page_end(&r->out);
    }
    return 0;
}

int srv_int_arg(srv_req *r, const char *name, long def, long min, long max, long *out)
{
    const char *v = srv_arg(r, name);
    char *end;
    *out = def;
    if (!v || !*v)
        return 0;
    long x = strtol(v, &end, 10);
    if (*end || end == v || x < min || x > max || v[0] == ' ' || v[0] == '+') {
        char msg[160];
        snprintf(msg, sizeof msg, "%s must be a whole number from %ld to %ld", name, min, max);
        srv_error(r, 400, msg);
        return -1;
    }
    *out = x;
    return 0;
}

int srv_id(srv_req *r, int64_t *id)
{
    const char *p = r->rest;
    int64_t v = 0;
    size_t n = 0;
    for (; p[n] >= '0' && p[n] <= '9' && n < 16; n++)
        v = v * 10 + (p[n] - '0');
    if (!n || p[n] || v <= 0 || v > 9007199254740991LL) {
        srv_error(r, 404, "no such id");
        return -1;
    }
    *id = v;
    return 0;
}

static enum MHD_Result check_args(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    int *bad = cls;
    (void)kind;
    if (srv_arg_bad(key) || srv_arg_bad(value))
        *bad = 1;
    return *bad ? MHD_NO : MHD_YES;
}

static void add_headers(struct MHD_Response *res, const char *ctype, const char *etag)
{
    MHD_add_response_header(res, "Content-Type", ctype);
    MHD_add_response_header(res, "Content-Security-Policy",
                            "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(res, "X-Frame-Options", "DENY");
    MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(res, "Cache-Control", "no-cache");
    if (etag)
        MHD_add_response_header(res, "ETag", etag);
}

static enum MHD_Result send_simple(struct MHD_Connection *c, unsigned status, int api,
                                   const char *message, const char *allow)
{
    srv_req r;
    memset(&r, 0, sizeof r);
    rasad__buf_init(&r.out, 0);
    r.api = api;
    srv_error(&r, (int)status, message);
    size_t n;
    char *body = rasad__buf_detach(&r.out, &n);
    struct MHD_Response *res = MHD_create_response_from_buffer_with_free_callback(
        body ? n : 0, body, rasad_free);
    if (!res) {
        rasad_free(body);
        return MHD_NO;
    }
    add_headers(res, r.ctype, NULL);
    if (allow)
        MHD_add_response_header(res, "Allow", allow);
    enum MHD_Result ok = MHD_queue_response(c, status, res);
    MHD_destroy_response(res);
    return ok;
}

/* The cache key: the path, then each query argument as it came. */
static enum MHD_Result key_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    rasad_buf *b = cls;
    (void)kind;
    rasad__buf_addc(b, '\x01');
    rasad__buf_add(b, key, strlen(key));
    if (value) {
        rasad__buf_addc(b, '\x02');
        rasad__buf_add(b, value, strlen(value));
    }
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **state)
{
    rasad_server *s = cls;
    (void)version;
    (void)upload_data;
    (void)upload_size;
    (void)state;
    int api = strncmp(url, "/api/", 5) == 0;
    const char *rest;
    const route *rt = find_route(url, &rest);

    if (strlen(url) > MAX_URL)
        return send_simple(conn, 414, api, "the URL is too long", NULL);
    if (!rt)
        return send_simple(conn, 404, api, "no such page", NULL);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_simple(conn, 405, api, "only GET and HEAD", "GET, HEAD");
    int bad = 0;
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, check_args, &bad);
    if (bad)
        return send_simple(conn, 400, api,
                           "a query argument is not UTF-8 or is longer than 1000 bytes", NULL);

    /* An answer kept from before, for the archive as it is now. */
    rasad_buf key;
    uint64_t archive = 0;
    size_t n;
    char *body = NULL;
    char etag[24];
    unsigned status = 200;
    const char *ctype = NULL;
    rasad__buf_init(&key, 0);
    if (s->cache) {
        archive = srv_cache_version(s->cache);
        rasad__buf_add(&key, url, strlen(url));
        MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, key_arg, &key);
        if (key.err || !srv_cache_get(s->cache, key.p, key.n, archive, &body, &n, &ctype, etag))
            body = NULL;
    }
    if (!body) {
        srv_req r;
        memset(&r, 0, sizeof r);
        r.conn = conn;
        r.rest = rest;
        r.api = api;
        r.status = 200;
        r.ctype = api ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
        rasad__buf_init(&r.out, 64u << 20);
        if (rt->fn != page_css && !(r.store = take_store(s))) {
            rasad__buf_release(&key);
            return send_simple(conn, 503, api, "the archive cannot be opened", NULL);
        }
        rt->fn(&r);
        if (r.store)
            give_store(s, r.store);
        if (r.out.err)
            srv_error(&r, 500, "out of memory");
        body = rasad__buf_detach(&r.out, &n);
        uint64_t h = rasad__fnv1a(body ? body : "", body ? n : 0, RASAD__FNV_SEED);
        snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)h);
        status = (unsigned)r.status;
        ctype = r.ctype;
        /* kept only when the archive did not change while it was made */
        if (s->cache && status == 200 && body && !key.err &&
            srv_cache_version(s->cache) == archive)
            srv_cache_put(s->cache, key.p, key.n, archive, body, n, ctype, etag);
    }
    rasad__buf_release(&key);
    const char *inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
    if (status == 200 && inm && strcmp(inm, etag) == 0) {
        rasad_free(body);
        body = NULL;
        n = 0;
        status = MHD_HTTP_NOT_MODIFIED;
    }
    struct MHD_Response *res = MHD_create_response_from_buffer_with_free_callback(
        body ? n : 0, body, rasad_free);
    if (!res) {
        rasad_free(body);
        return MHD_NO;
    }
    add_headers(res, ctype, status == 200 || status == 304 ? etag : NULL);
    enum MHD_Result ok = MHD_queue_response(conn, status, res);
    MHD_destroy_response(res);
    return ok;
}

static void quiet_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    (void)fmt;
    (void)ap;
}

/* ---- start and stop ------------------------------------------------------------ */

int rasad_serve_start(const rasad_serve_opts *o, rasad_server **out, char *errbuf, size_t errcap)
{
    struct sockaddr_in sa;
    rasad_store *probe;
    int rc;
    if (!o || !out || !o->db)
        return RASAD_INVAL;
    *out = NULL;
    unsigned threads = o->threads;
    if (!threads) {
        long np = sysconf(_SC_NPROCESSORS_ONLN);
        threads = np > 0 ? (unsigned)np : 2;
    }
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)o->port);
    if (o->port > 65535 || inet_pton(AF_INET, o->host ? o->host : "127.0.0.1", &sa.sin_addr) != 1) {
        if (errbuf && errcap)
            snprintf(errbuf, errcap, "not an IPv4 address and port: %s:%u",
                     o->host ? o->host : "127.0.0.1", o->port);
        return RASAD_INVAL;
    }
    if ((rc = rasad_store_open_readonly(o->db, &probe, errbuf, errcap)) != RASAD_OK)
        return rc;
    rasad_store_close(probe);

    rasad_server *s = rasad_malloc(sizeof *s);
    if (!s)
        return RASAD_NOMEM;
    memset(s, 0, sizeof *s);
    s->max = sizeof s->all / sizeof s->all[0];
    size_t dn = strlen(o->db) + 1;
    if (!(s->db = rasad_malloc(dn))) {
        rasad_free(s);
        return RASAD_NOMEM;
    }
    memcpy(s->db, o->db, dn);
    pthread_mutex_init(&s->mu, NULL);
    if (o->cache_mb >= 0) {
        size_t mb = o->cache_mb ? (size_t)o->cache_mb : 64;
        if (!(s->cache = srv_cache_new(o->db, mb << 20))) {
            rasad_serve_stop(s);
            return RASAD_NOMEM;
        }
    }
    s->d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, 0, NULL, NULL,
        on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, o->max_conns ? o->max_conns : 512u,
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_s ? o->timeout_s : 15u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
        MHD_OPTION_EXTERNAL_LOGGER, quiet_log, NULL,
        MHD_OPTION_END);
    if (!s->d) {
        if (errbuf && errcap)
            snprintf(errbuf, errcap, "cannot listen on %s:%u (in use, or not allowed)",
                     o->host ? o->host : "127.0.0.1", o->port);
        rasad_serve_stop(s);
        return RASAD_IO;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : o->port;
    *out = s;
    return RASAD_OK;
}

unsigned rasad_serve_port(const rasad_server *s)
{
    return s ? s->port : 0;
}

void rasad_serve_stop(rasad_server *s)
{
    if (!s)
        return;
    if (s->d)
        MHD_stop_daemon(s->d);
    for (size_t i = 0; i < s->nall; i++)
        rasad_store_close(s->all[i]);
    srv_cache_free(s->cache);
    pthread_mutex_destroy(&s->mu);
    rasad_free(s->db);
    rasad_free(s);
}
