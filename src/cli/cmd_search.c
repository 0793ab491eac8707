/* cmd_search.c - rasad search: the archive, searched in Persian. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char usage[] =
    "usage: rasad search [--db PATH] [--json] [--limit N] [--offset N] [--any]\n"
    "                    [--source S] [--since DATE] [--until DATE] QUERY...\n"
    "       rasad search [--db PATH] [options] --queries FILE\n"
    "\n"
    "Finds articles, best first (BM25; a word in the title counts twice), each\n"
    "group of duplicates once, through its earliest article, with the number of\n"
    "its copies. Every\n"
    "spelling of a word finds the same articles: ي/ی, ك/ک, ZWNJ, space or joined\n"
    "(می‌رود, می رود, میرود), Persian, Arabic-Indic or ASCII digits, harakat.\n"
    "\n"
    "query syntax:\n"
    "  words          all of them (common words such as و، از، به are left out);\n"
    "                 when no article has them all, the best matches of any of\n"
    "                 them are shown, and the output says so\n"
    "  \"a phrase\"     these words in this order\n"
    "  word*          words starting with it\n"
    "  a OR b, a AND b, a NOT b, ( )   (operators in capitals)\n"
    "Any text is a valid query: broken quotes or parentheses are closed, stray\n"
    "operators dropped; a query with nothing to search says so.\n"
    "\n"
    "options:\n"
    "  --db PATH      the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json         {\"query\", \"total\", \"fallback\", \"results\": [{\"id\", \"title\",\n"
    "                 \"source\", \"published\", \"url\", \"score\", \"copies\", \"snippet\"}],\n"
    "                 \"ms\","
    "                 \"message\" (when there is one)}; matches in snippets are\n"
    "                 between <b> and </b>\n"
    "  --limit N      results to print (default 10)\n"
    "  --offset N     results to skip first (default 0)\n"
    "  --any          rank by any of the words (BM25 over all of them, OR)\n"
    "  --source S     only articles from source S\n"
    "  --since DATE   only articles published on or after DATE (2017-04-26,\n"
    "                 1396/02/06 or ۶ اردیبهشت ۱۳۹۶)\n"
    "  --until DATE   only articles published on or before DATE\n"
    "  --queries FILE run each line of FILE as a query (- for standard input),\n"
    "                 printing one JSON object per line as with --json\n"
    "  -h, --help     show this help\n"
    "\n"
    "exit status: 0 the search ran (even with no results), 1 nothing to search\n"
    "for or the database could not be read, 2 usage error\n";

typedef struct search_run {
    int json, tty;
    int nhits;
    int64_t offset;
    FILE *out;            /* where JSON hits go (a memory stream, so that
                             "total" can come before "results") */
} search_run;

static int print_json_hit(void *ud, const rasad_hit *h)
{
    search_run *r = ud;
    const char *fields[] = { "id", "title", "source", "published", "url" };
    const char *vals[] = { h->id, h->title, h->source, h->published, h->url };
    FILE *f = r->out;
    fputs(r->nhits++ ? ",{" : "{", f);
    for (int i = 0; i < 5; i++) {
        fprintf(f, "%s\"%s\":", i ? "," : "", fields[i]);
        if (vals[i])
            cli_json_string(f, vals[i], strlen(vals[i]));
        else
            fputs("null", f);
    }
    fprintf(f, ",\"score\":%.4f,\"copies\":%lld,\"snippet\":", h->score,
            (long long)h->copies);
    cli_json_string(f, h->snippet ? h->snippet : "", h->snippet ? strlen(h->snippet) : 0);
    fputc('}', f);
    return 0;
}

static int print_text_hit(void *ud, const rasad_hit *h)
{
    search_run *r = ud;
    r->nhits++;
    printf("%lld. %s", (long long)(r->offset + r->nhits), h->title ? h->title : "(no title)");
    if (h->copies)
        printf("  (+%lld %s)", (long long)h->copies, h->copies == 1 ? "copy" : "copies");
    putchar('\n');
    printf("   %s%s%s%sid %s\n", h->source ? h->source : "", h->source ? "  " : "",
           h->published ? h->published : "", h->published ? "  " : "", h->id);
    if (h->snippet && *h->snippet) {   /* on one line */
        fputs("   ", stdout);
        for (const char *c = h->snippet; *c; c++)
            putchar(*c == '\n' ? ' ' : *c);
        putchar('\n');
    }
    return 0;
}

static void run_one(rasad_store *s, rasad_search_opts *o, search_run *r, const char *q,
                    int *status)
{
    rasad_search_info info;
    char *hits = NULL;
    size_t hits_n = 0;
    o->query = q;
    r->nhits = 0;
    r->out = r->json ? open_memstream(&hits, &hits_n) : stdout;
    if (!r->out) {
        cli_error("out of memory");
        *status = CLI_SOME_FAILED;
        return;
    }
    int rc = rasad_store_search(s, o, r->json ? print_json_hit : print_text_hit, r, &info);
    if (r->json) {
        fclose(r->out);
        fputs("{\"query\":", stdout);
        cli_json_string(stdout, q, strlen(q));
        printf(",\"total\":%lld,\"fallback\":%s,\"results\":[", (long long)info.total,
               info.fallback ? "true" : "false");
        fwrite(hits, 1, hits_n, stdout);
        printf("],\"ms\":%.3f", info.ms);
        if (info.message[0]) {
            fputs(",\"message\":", stdout);
            cli_json_string(stdout, info.message, strlen(info.message));
        }
        fputs("}\n", stdout);
        free(hits);
    } else if (rc == RASAD_OK) {
        if (info.message[0])
            printf("note: %s\n", info.message);
        if (info.fallback)
            printf("no article has all the words; best matches of any of them:\n");
        printf("%lld result%s (%.1f ms)\n", (long long)info.total, info.total == 1 ? "" : "s",
               info.ms);
    }
    if (rc != RASAD_OK) {
        if (!r->json)
            cli_error("search: %s", info.message[0] ? info.message : rasad_strerror(rc));
        *status = CLI_SOME_FAILED;
    }
}

static int run_file(rasad_store *s, rasad_search_opts *o, search_run *r, const char *file,
                    int *status)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    if (!f) {
        cli_error("cannot open '%s'", file);
        return CLI_SOME_FAILED;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    r->json = 1;
    while ((got = getline(&line, &cap, f)) >= 0) {
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        run_one(s, o, r, line, status);
        fflush(stdout);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return CLI_OK;
}

/* Joins argv[first..argc) with spaces into one query. */
static char *join_args(char **argv, int first, int argc)
{
    size_t n = 1;
    for (int i = first; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *q = malloc(n), *p = q;
    if (!q)
        return NULL;
    for (int i = first; i < argc; i++) {
        size_t k = strlen(argv[i]);
        if (i > first)
            *p++ = ' ';
        memcpy(p, argv[i], k);
        p += k;
    }
    *p = '\0';
    return q;
}

int cmd_search(int argc, char **argv)
{
    const char *db = NULL, *queries = NULL;
    rasad_search_opts o;
    search_run r;
    memset(&o, 0, sizeof o);
    memset(&r, 0, sizeof r);
    o.limit = 10;
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        static const char *const valued[] = { "--db", "--limit", "--offset", "--source",
                                              "--since", "--until", "--queries" };
        int k = -1;
        for (int j = 0; j < 7; j++)
            if (strcmp(a, valued[j]) == 0)
                k = j;
        if (k >= 0) {
            if (i + 1 >= argc)
                return cli_usage_error("search", "%s needs a value", a);
            const char *v = argv[++i];
            long n;
            switch (k) {
            case 0: db = v; break;
            case 1: case 2:
                if ((n = cli_parse_count(v)) < 0 || n > 1000000)
                    return cli_usage_error("search", "%s needs a number, not '%s'", a, v);
                if (k == 1)
                    o.limit = (int)n;
                else
                    o.offset = (int)n;
                break;
            case 3: o.source = v; break;
            case 4: o.since = v; break;
            case 5: o.until = v; break;
            default: queries = v; break;
            }
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            r.json = 1;
        } else if (strcmp(a, "--any") == 0) {
            o.any = 1;
        } else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9')) {
            return cli_usage_error("search", "unknown option '%s'", a);
        } else {
            break;
        }
    }
    if (!queries && i >= argc)
        return cli_usage_error("search", "no QUERY given");
    if (queries && i < argc)
        return cli_usage_error("search", "give a QUERY or --queries FILE, not both");
    if (o.limit == 0)
        o.limit = 10;
    r.offset = o.offset;
    r.tty = isatty(STDOUT_FILENO);
    o.mark_open = r.json || queries ? "<b>" : r.tty ? "\033[1m" : "[";
    o.mark_close = r.json || queries ? "</b>" : r.tty ? "\033[0m" : "]";
    rasad_store *s;
    if (cli_open_store(cli_db_path(db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    int status = CLI_OK;
    if (queries) {
        if (run_file(s, &o, &r, queries, &status) != CLI_OK)
            status = CLI_SOME_FAILED;
    } else {
        char *q = join_args(argv, i, argc);
        if (!q) {
            cli_error("out of memory");
            status = CLI_SOME_FAILED;
        } else {
            run_one(s, &o, &r, q, &status);
            free(q);
        }
    }
    rasad_store_close(s);
    return status;
}
