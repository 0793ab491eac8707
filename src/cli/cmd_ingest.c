/* cmd_ingest.c - rasad ingest: read, clean and store articles. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "rasad/ner.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad ingest [--db PATH] [--json] [--quiet] [--batch N] [--model PATH]\n"
    "                    [--no-entities] PATH...\n"
    "\n"
    "Reads articles from each PATH (a file, or a folder walked recursively):\n"
    "  .txt               one article per file (first line is the title when it\n"
    "                     reads like a headline)\n"
    "  .jsonl .jsonl.gz   one article per line: id, url, source, title, published,\n"
    "                     and text or html; other fields are kept as metadata\n"
    "  .html .htm         one page: main text, title, date and site from the markup\n"
    "  .warc .warc.gz     the HTML pages of 'response' records\n"
    "cleans them (boilerplate, repeated paragraphs and datelines leave the body,\n"
    "each with its reason: see 'rasad show --removed'), normalizes them, and\n"
    "stores and indexes them in the database, groups them into stories and\n"
    "threads, and links the people, places and organisations they name.\n"
    "\n"
    "Ingesting the same input again adds nothing; an article with the same id\n"
    "and new content is updated in place. Bad input is reported as FILE:LINE:\n"
    "what, recorded, and skipped; everything around it is stored. Writes are\n"
    "committed every N articles (--batch, default 500): a killed ingest loses\n"
    "at most the open batch and can simply be run again.\n"
    "\n"
    "options:\n"
    "  --db PATH   the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json      print the summary as one JSON object\n"
    "  --quiet     no progress line and no per-input messages\n"
    "  --batch N   articles per transaction (default 500)\n"
    "  --model PATH  the named-entity model (default: $RASAD_NER_MODEL, else\n"
    "              ner.model beside the program); without one, entities are\n"
    "              linked by a later ingest that has it\n"
    "  --no-entities  do not tag and link people, places and organisations now\n"
    "  -h, --help  show this help\n"
    "\n"
    "On a terminal a progress line shows articles/s and files done/total.\n"
    "exit status: 0 all input stored, 1 some input rejected (or storing failed),\n"
    "2 usage error\n";

#define MAX_REASONS 32

typedef struct ingest_run {
    int tty, quiet;
    double t0, last;
    struct { char what[64]; uint64_t n; } reasons[MAX_REASONS];
    int nreasons;
    uint64_t other_reasons;
} ingest_run;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A reject's reason without its details: the text before the first ':'. */
static void count_reason(ingest_run *r, const char *what)
{
    size_t n = strcspn(what, ":(");
    while (n > 0 && what[n - 1] == ' ')
        n--;
    if (n >= sizeof r->reasons[0].what)
        n = sizeof r->reasons[0].what - 1;
    for (int i = 0; i < r->nreasons; i++)
        if (strlen(r->reasons[i].what) == n && memcmp(r->reasons[i].what, what, n) == 0) {
            r->reasons[i].n++;
            return;
        }
    if (r->nreasons == MAX_REASONS) {
        r->other_reasons++;
        return;
    }
    memcpy(r->reasons[r->nreasons].what, what, n);
    r->reasons[r->nreasons].what[n] = '\0';
    r->reasons[r->nreasons++].n = 1;
}

static void on_error(void *ud, const char *file, long line, const char *what)
{
    ingest_run *r = ud;
    count_reason(r, what);
    if (r->quiet)
        return;
    if (r->tty)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "%s:%ld: %s\n", file, line, what);
}

static void on_progress(void *ud, const rasad_ingest_stats *st, size_t file, size_t total)
{
    ingest_run *r = ud;
    if (!r->tty || r->quiet)
        return;
    double t = now_s();
    if (t - r->last < 0.2)
        return;
    r->last = t;
    double rate = st->read / (t - r->t0 > 1e-6 ? t - r->t0 : 1e-6);
    fprintf(stderr, "\r\033[Kingest: %llu articles (%.0f/s), file %zu/%zu",
            (unsigned long long)st->read, rate, total ? file + 1 : 0, total);
}

static void summary(const ingest_run *r, const rasad_ingest_stats *st, int json, double secs)
{
    double rate = secs > 1e-6 ? st->read / secs : 0;
    if (json) {
        printf("{\"read\":%llu,\"new\":%llu,\"updated\":%llu,\"unchanged\":%llu,"
               "\"rejected\":%llu,\"files\":%llu,\"seconds\":%.3f,\"articles_per_second\":%.1f,"
               "\"reasons\":{",
               (unsigned long long)st->read, (unsigned long long)st->added,
               (unsigned long long)st->updated, (unsigned long long)st->unchanged,
               (unsigned long long)st->rejected, (unsigned long long)st->files, secs, rate);
        for (int i = 0; i < r->nreasons; i++) {
            if (i)
                putchar(',');
            cli_json_string(stdout, r->reasons[i].what, strlen(r->reasons[i].what));
            printf(":%llu", (unsigned long long)r->reasons[i].n);
        }
        printf("}}\n");
        return;
    }
    printf("read %llu, new %llu, updated %llu, unchanged %llu, rejected %llu"
           " (%llu files, %.1f s, %.0f articles/s)\n",
           (unsigned long long)st->read, (unsigned long long)st->added,
           (unsigned long long)st->updated, (unsigned long long)st->unchanged,
           (unsigned long long)st->rejected, (unsigned long long)st->files, secs, rate);
    for (int i = 0; i < r->nreasons; i++)
        printf("  rejected %llu: %s\n", (unsigned long long)r->reasons[i].n, r->reasons[i].what);
    if (r->other_reasons)
        printf("  rejected %llu: other reasons\n", (unsigned long long)r->other_reasons);
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = NULL;
    int json = 0;
    long batch = 500;
    ingest_run r;
    memset(&r, 0, sizeof r);
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    const char *model_path = NULL;
    int no_entities = 0;
    if (!paths) {
        cli_error("out of memory");
        return CLI_SOME_FAILED;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            free(paths);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            r.quiet = 1;
        } else if (strcmp(a, "--no-entities") == 0) {
            no_entities = 1;
        } else if (strcmp(a, "--model") == 0) {
            if (i + 1 >= argc) {
                free(paths);
                return cli_usage_error("ingest", "--model needs a PATH");
            }
            model_path = argv[++i];
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--batch") == 0) {
            if (i + 1 >= argc) {
                free(paths);
                return cli_usage_error("ingest", "%s needs a value", a);
            }
            if (a[2] == 'd') {
                db = argv[++i];
            } else if ((batch = cli_parse_count(argv[++i])) < 1) {
                free(paths);
                return cli_usage_error("ingest", "--batch needs a number of articles, not '%s'", argv[i]);
            }
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                paths[npaths++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            free(paths);
            return cli_usage_error("ingest", "unknown option '%s'", a);
        } else {
            paths[npaths++] = a;
        }
    }
    if (npaths == 0) {
        free(paths);
        return cli_usage_error("ingest", "no PATH to read");
    }
    rasad_ner_model *model = NULL;
    if (!no_entities && cli_ner_model(model_path, 1, &model) != CLI_OK) {
        free(paths);
        return CLI_SOME_FAILED;
    }
    if (!no_entities && !model && !r.quiet)
        cli_error("note: no named-entity model found, so entities are not linked now "
                  "(they will be by the next ingest that has one; see --model)");
    rasad_store *s;
    const char *dbpath = cli_db_path(db);
    if (cli_open_store(dbpath, 0, &s) != CLI_OK) {
        free(paths);
        rasad_ner_model_free(model);
        return CLI_SOME_FAILED;
    }
    rasad_store_set_batch(s, (unsigned)batch);
    if (model && rasad_store_set_ner(s, model) != RASAD_OK) {
        cli_error("out of memory");
        rasad_store_close(s);
        rasad_ner_model_free(model);
        free(paths);
        return CLI_SOME_FAILED;
    }
    r.tty = isatty(STDERR_FILENO);
    r.t0 = r.last = now_s();
    rasad_ingest_opts o = { on_error, on_progress, &r };
    rasad_ingest_stats st;
    memset(&st, 0, sizeof st);
    int rc = rasad_store_ingest(s, paths, npaths, &o, &st);
    if (r.tty && !r.quiet)
        fputs("\r\033[K", stderr);
    int status = CLI_OK;
    if (rc == RASAD_IO || rc == RASAD_NOMEM) {
        cli_error("%s: %s", dbpath, rc == RASAD_NOMEM ? "out of memory" : rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    } else if (rc != RASAD_OK || st.rejected) {
        status = CLI_SOME_FAILED;
    }
    if (rasad_store_close(s) != RASAD_OK) {
        cli_error("%s: the last batch could not be committed", dbpath);
        status = CLI_SOME_FAILED;
    }
    rasad_ner_model_free(model);
    summary(&r, &st, json, now_s() - r.t0);
    free(paths);
    return status;
}
