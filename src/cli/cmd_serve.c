/* cmd_serve.c - rasad serve: the archive as a JSON API and Persian web
 * pages until SIGINT or SIGTERM (serve.h, docs/serve.md). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/serve.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad serve [--db PATH] [--listen HOST:PORT] [--threads N] [--port-file FILE]\n"
    "                   [--cache-mb N]\n"
    "\n"
    "Serves the archive over HTTP until Ctrl-C (SIGINT) or SIGTERM:\n"
    "  /                     the latest stories and threads\n"
    "  /search?q=WORDS       search with highlighted snippets and filters\n"
    "                        (source=, since=, until=, offset=)\n"
    "  /story/ID  /thread/ID  /article/ID  /entity/ID   one of each\n"
    "  /api/v1/...           JSON: search, stories, stories/ID, threads,\n"
    "                        threads/ID, articles/ID, entities, entities/ID,\n"
    "                        quotes, events, health (the shapes of the CLI's\n"
    "                        --json; limit= and offset= on every list)\n"
    "Pages are Persian, right to left, and work without JavaScript. Only GET and\n"
    "HEAD are answered; bad arguments get 400, unknown ids 404, with a JSON error\n"
    "under /api/. The archive is opened read-only by each worker; run 'rasad\n"
    "ingest' beside it to add articles (what an ingest has committed shows).\n"
    "\n"
    "options:\n"
    "  --db PATH          the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --listen HOST:PORT IPv4 address and port (default 127.0.0.1:8080; port 0\n"
    "                     picks a free one); anything but 127.0.0.1 exposes the\n"
    "                     archive to the network\n"
    "  --threads N        worker threads (default: the number of processors)\n"
    "  --port-file FILE   write the port listened on to FILE once serving\n"
    "  --cache-mb N       keep rendered answers in N MB of memory (default 64;\n"
    "                     0: none); one is used only while the archive's files\n"
    "                     are unchanged, and for 5 seconds at most\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 stopped by a signal, 1 could not start, 2 usage error\n";

static int parse_listen(const char *s, char *host, size_t cap, unsigned *port)
{
    const char *colon = strrchr(s, ':');
    char *end;
    if (!colon || (size_t)(colon - s) >= cap || colon == s)
        return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    long p = strtol(colon + 1, &end, 10);
    if (*end || end == colon + 1 || p < 0 || p > 65535)
        return -1;
    *port = (unsigned)p;
    return 0;
}

static int settle_stories(void *ud, const rasad_thread_view *t)
{
    (void)ud;
    (void)t;
    return 1;
}

int cmd_serve(int argc, char **argv)
{
    const char *db = NULL, *port_file = NULL;
    char host[64] = "127.0.0.1";
    rasad_serve_opts o;
    memset(&o, 0, sizeof o);
    o.port = 8080;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(a, "--listen") == 0 && i + 1 < argc) {
            if (parse_listen(argv[++i], host, sizeof host, &o.port))
                return cli_usage_error("serve", "--listen wants HOST:PORT, not '%s'", argv[i]);
        } else if (strcmp(a, "--threads") == 0 && i + 1 < argc) {
            long n = cli_parse_count(argv[++i]);
            if (n < 1 || n > 64)
                return cli_usage_error("serve", "--threads wants 1 to 64, not '%s'", argv[i]);
            o.threads = (unsigned)n;
        } else if (strcmp(a, "--cache-mb") == 0 && i + 1 < argc) {
            long n = cli_parse_count(argv[++i]);
            if (n < 0 || n > 65536)
                return cli_usage_error("serve", "--cache-mb wants 0 to 65536, not '%s'", argv[i]);
            o.cache_mb = n ? (int)n : -1;
        } else if (strcmp(a, "--port-file") == 0 && i + 1 < argc) {
            port_file = argv[++i];
        } else {
            return cli_usage_error("serve", "unknown option or missing value: '%s'", a);
        }
    }
    db = cli_db_path(db);
    o.db = db;
    rasad_store_threads_init();   /* before the first store: no global lock per allocation */
    o.host = host;

    /* Once read-write: migrate, and bring stories up to date with what was
     * ingested, so the read-only workers find everything settled. */
    rasad_store *st;
    if (cli_open_store(db, 1, &st) != CLI_OK)
        return CLI_SOME_FAILED;
    int rc = rasad_store_threads(st, settle_stories, NULL);
    if ((rc != RASAD_OK && rc != 1) | (rasad_store_close(st) != RASAD_OK)) {
        cli_error("'%s': %s", db, rc == 1 || rc == RASAD_OK ? "cannot save" : rasad_strerror(rc));
        return CLI_SOME_FAILED;
    }

    /* The server's threads inherit this mask: signals reach sigwait only. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    rasad_server *srv;
    char err[512];
    if ((rc = rasad_serve_start(&o, &srv, err, sizeof err)) != RASAD_OK) {
        cli_error("serve: %s", err[0] ? err : rasad_strerror(rc));
        return CLI_SOME_FAILED;
    }
    unsigned port = rasad_serve_port(srv);
    if (port_file) {
        FILE *f = fopen(port_file, "w");
        if (!f || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0) {
            cli_error("cannot write the port to '%s'", port_file);
            rasad_serve_stop(srv);
            return CLI_SOME_FAILED;
        }
    }
    fprintf(stderr, "rasad serve: http://%s:%u/ (archive %s); Ctrl-C stops\n", host, port, db);
    int sig = 0;
    sigwait(&set, &sig);
    fprintf(stderr, "rasad serve: %s, finishing the requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    rasad_serve_stop(srv);
    fprintf(stderr, "rasad serve: stopped\n");
    return CLI_OK;
}
