/* cmd_stats.c - rasad stats: what the archive holds. */
#include <string.h>
#include "cli.h"

static const char usage[] =
    "usage: rasad stats [--db PATH] [--json] [--check]\n"
    "\n"
    "Counts the archive: articles, sources (with the articles of each),\n"
    "rejected inputs, database size, schema version.\n"
    "\n"
    "options:\n"
    "  --db PATH   the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json      one object: {\"articles\", \"duplicates\", \"sources\", \"rejected\", \"db_bytes\",\n"
    "              \"schema_version\", \"by_source\": {source: articles}}\n"
    "  --check     also verify the database and that the full-text index\n"
    "              matches the articles (\"check\": \"ok\" or the problem)\n"
    "  -h, --help  show this help\n"
    "\n"
    "exit status: 0 counted (and checked), 1 no database, it could not be read\n"
    "or the check failed, 2 usage error\n";

typedef struct src_run { int json, n; } src_run;

static int on_source(void *ud, const char *source, int64_t n)
{
    src_run *r = ud;
    if (r->json) {
        if (r->n++)
            putchar(',');
        cli_json_string(stdout, source, strlen(source));
        printf(":%lld", (long long)n);
    } else {
        printf("  %8lld  %s\n", (long long)n, *source ? source : "(no source)");
    }
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    const char *db = NULL;
    int json = 0, check = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--check") == 0) {
            check = 1;
        } else if (strcmp(a, "--db") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("stats", "--db needs a value");
            db = argv[++i];
        } else {
            return cli_usage_error("stats", "unexpected argument '%s'", a);
        }
    }
    rasad_store *s;
    const char *path = cli_db_path(db);
    if (cli_open_store(path, 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    rasad_store_stats st;
    int status = CLI_OK;
    if (rasad_store_stats_get(s, &st) != RASAD_OK) {
        cli_error("stats: %s", rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    } else {
        src_run r = { json, 0 };
        if (json)
            printf("{\"articles\":%lld,\"duplicates\":%lld,\"sources\":%lld,\"rejected\":%lld,"
                   "\"db_bytes\":%lld,\"schema_version\":%d,\"by_source\":{",
                   (long long)st.articles, (long long)st.duplicates, (long long)st.sources,
                   (long long)st.rejected, (long long)st.db_bytes, st.schema_version);
        else
            printf("database  %s (schema %d, %.1f MB)\narticles  %lld (%lld of them duplicates)\n"
                   "sources   %lld\nrejected  %lld inputs\n",
                   path, st.schema_version, st.db_bytes / 1e6, (long long)st.articles,
                   (long long)st.duplicates, (long long)st.sources, (long long)st.rejected);
        rasad_store_each_source(s, on_source, &r);
        char msg[512] = "";
        int crc = check ? rasad_store_check(s, msg, sizeof msg) : RASAD_OK;
        if (crc != RASAD_OK) {
            status = CLI_SOME_FAILED;
            if (!msg[0])
                snprintf(msg, sizeof msg, "%s", rasad_store_errmsg(s));
        }
        if (json) {
            putchar('}');
            if (check) {
                fputs(",\"check\":", stdout);
                cli_json_string(stdout, crc == RASAD_OK ? "ok" : msg,
                                crc == RASAD_OK ? 2 : strlen(msg));
            }
            puts("}");
        } else if (check) {
            printf("check     %s\n", crc == RASAD_OK ? "ok" : msg);
        }
    }
    rasad_store_close(s);
    return status;
}
