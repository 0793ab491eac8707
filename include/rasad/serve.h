/* serve.h - rasad serve: the archive over HTTP, as a JSON API under
 * /api/v1/ and as Persian, right-to-left HTML pages (docs/serve.md).
 *
 * The server runs on libmicrohttpd with a pool of threads, each request
 * answered with a read-only store handle of its own (rasad_store_open_
 * readonly). The library never prints and never installs signal handlers:
 * the caller decides when to stop (rasad_serve_stop). */
#ifndef RASAD_SERVE_H
#define RASAD_SERVE_H

#include <stddef.h>
#include "rasad/export.h"
#include "rasad/status.h"

typedef struct rasad_serve_opts {
    const char *db;          /* the archive (must exist and be migrated) */
    const char *host;        /* IPv4 address to bind; NULL = 127.0.0.1 */
    unsigned port;           /* 0 = any free port (rasad_serve_port tells which) */
    unsigned threads;        /* worker threads; 0 = the number of processors */
    unsigned max_conns;      /* open connections at most; 0 = 512 */
    unsigned timeout_s;      /* an idle connection is closed after; 0 = 15 */
    int cache_mb;            /* rendered answers kept in memory, MB; 0 = 64,
                              * negative = none (src/serve/cache.c) */
} rasad_serve_opts;

typedef struct rasad_server rasad_server;

/* Starts serving o->db and returns at once; the server runs in its own
 * threads until rasad_serve_stop. Returns RASAD_OK and *out (stop it with
 * rasad_serve_stop); RASAD_INVAL (bad options, an address that is not
 * IPv4), RASAD_IO (cannot open the archive, cannot bind: a one-line reason
 * in errbuf), RASAD_UNSUPPORTED (an archive of another schema), RASAD_NOMEM. */
RASAD_API int rasad_serve_start(const rasad_serve_opts *o, rasad_server **out,
                                char *errbuf, size_t errcap) RASAD_WARN_UNUSED;

/* The port the server listens on. */
RASAD_API unsigned rasad_serve_port(const rasad_server *s);

/* Stops accepting, finishes the requests in flight, closes every store
 * handle and frees s. NULL is fine. */
RASAD_API void rasad_serve_stop(rasad_server *s);

#endif
