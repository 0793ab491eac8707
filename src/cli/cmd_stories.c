/* cmd_stories.c - rasad stories | story | threads | recluster: the
 * archive's stories and threads (docs/stories.md). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/ner.h"
#include "cli.h"

static const char stories_usage[] =
    "usage: rasad stories [--db PATH] [--json] [--since DATE] [--until DATE]\n"
    "                     [--source S] [--thread ID]\n"
    "\n"
    "Lists the archive's stories, most recently seen first (undated stories\n"
    "last). A story is one event as its outlets reported it: every ingested\n"
    "article is in exactly one; duplicates are in their original's story.\n"
    "\n"
    "  --since DATE  stories seen on or after DATE (2017-04-26 or 1396/02/06)\n"
    "  --until DATE  stories seen on or before DATE; an undated story is in no range\n"
    "  --source S    stories with an article from source S\n"
    "  --thread ID   the stories of one thread\n"
    "  --json        [{\"id\", \"thread\", \"title\", \"first_seen\", \"last_seen\",\n"
    "                \"sources\": [...], \"articles\": [rowids, in time order]}]\n"
    "                (first_seen/last_seen null when no article is dated)\n"
    "  --db PATH     the archive (default $RASAD_DB, else ./rasad.db)\n";

static const char story_usage[] =
    "usage: rasad story [--db PATH] [--json] ID\n"
    "\n"
    "Prints one story: its title, span, sources, a summary of 3-5 sentences\n"
    "chosen for centrality with near-repeats left out, and its articles in\n"
    "time order with duplicates folded under their original. ID is a story\n"
    "id as `rasad stories` prints it.\n"
    "\n"
    "  --json  {\"id\", \"thread\", \"title\", \"first_seen\", \"last_seen\", \"sources\",\n"
    "          \"summary\": [sentences], \"articles\": [{\"rowid\", \"id\", \"title\",\n"
    "          \"source\", \"published\", \"dup_of\"}], \"copies\"}\n";

static const char threads_usage[] =
    "usage: rasad threads [--db PATH] [--json]\n"
    "\n"
    "Lists the threads: stories of one topic over weeks and years, most\n"
    "recently seen first. A thread's title is its largest story's.\n"
    "\n"
    "  --json  [{\"id\", \"title\", \"first_seen\", \"last_seen\", \"stories\": [ids],\n"
    "          \"articles\": N}]\n";

static const char recluster_usage[] =
    "usage: rasad recluster [--db PATH]\n"
    "\n"
    "Forgets every story and thread and clusters all articles again in the\n"
    "order they were ingested. Ingest keeps stories up to date by itself; the\n"
    "result of recluster is the same as those ingests gave (a check, and the\n"
    "way to apply a newer rasad's clustering to an old archive). When a\n"
    "named-entity model is found ($RASAD_NER_MODEL, else ner.model beside the\n"
    "program), the entities are linked again from scratch too.\n";

/* Options shared by the four commands. */
typedef struct opts {
    const char *db, *since, *until, *source, *thread, *id;
    int json;
} opts;

enum { O_JSON = 1, O_FILTERS = 2, O_ID = 4 };

/* Parses argv by what the command accepts; returns -1 when all is well,
 * else the exit code. */
static int parse(const char *cmd, const char *usage, unsigned accepts, int argc, char **argv,
                 opts *o)
{
    static const struct { const char *name; size_t off; unsigned need; } valued[] = {
        { "--db", offsetof(opts, db), 0 },
        { "--since", offsetof(opts, since), O_FILTERS },
        { "--until", offsetof(opts, until), O_FILTERS },
        { "--source", offsetof(opts, source), O_FILTERS },
        { "--thread", offsetof(opts, thread), O_FILTERS },
    };
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        size_t k;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if ((accepts & O_JSON) && strcmp(a, "--json") == 0) {
            o->json = 1;
            continue;
        }
        for (k = 0; k < sizeof valued / sizeof valued[0]; k++)
            if (strcmp(a, valued[k].name) == 0 && (accepts & valued[k].need) == valued[k].need)
                break;
        if (k < sizeof valued / sizeof valued[0]) {
            if (i + 1 >= argc)
                return cli_usage_error(cmd, "%s needs a value", a);
            *(const char **)((char *)o + valued[k].off) = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error(cmd, "unknown option '%s'", a);
        } else if (!(accepts & O_ID)) {
            return cli_usage_error(cmd, "unexpected argument '%s'", a);
        } else if (o->id) {
            return cli_usage_error(cmd, "one ID at a time ('%s' and '%s')", o->id, a);
        } else {
            o->id = a;
        }
    }
    if ((accepts & O_ID) && !o->id)
        return cli_usage_error(cmd, "no story ID given");
    return -1;
}

static int parse_id(const char *cmd, const char *what, const char *s, int64_t *id)
{
    char *end;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || !*s || *end || v <= 0)
        return cli_usage_error(cmd, "%s must be a positive number, not '%s'", what, s ? s : "");
    *id = v;
    return -1;
}

/* {"id", "thread", "title", "first_seen", "last_seen", "sources":[... -
 * the fields `stories --json` and `story --json` share; the caller closes
 * the sources array. */
static void story_json_head(const rasad_story_view *v)
{
    printf("{\"id\":%lld,\"thread\":%lld,\"title\":", (long long)v->id, (long long)v->thread);
    cli_json_str(v->title);
    fputs(",\"first_seen\":", stdout);
    cli_json_str(v->first_seen);
    fputs(",\"last_seen\":", stdout);
    cli_json_str(v->last_seen);
    fputs(",\"sources\":[", stdout);
    for (size_t i = 0; i < v->nsources; i++) {
        if (i)
            putchar(',');
        cli_json_str(v->sources[i]);
    }
}

typedef struct list_ctx {
    int json, first;
} list_ctx;

static int print_story(void *ud, const rasad_story_view *v)
{
    list_ctx *c = ud;
    if (c->json) {
        fputs(c->first ? "" : ",", stdout);
        story_json_head(v);
        fputs("],\"articles\":[", stdout);
        for (size_t i = 0; i < v->narticles; i++)
            printf("%s%lld", i ? "," : "", (long long)v->articles[i].rowid);
        fputs("]}\n", stdout);
    } else {
        printf("story %lld  thread %lld  %zu article%s", (long long)v->id, (long long)v->thread,
               v->narticles, v->narticles == 1 ? "" : "s");
        if (v->copies)
            printf(" (%zu duplicate%s)", v->copies, v->copies == 1 ? "" : "s");
        if (v->first_seen)
            printf("  %s..%s", v->first_seen, v->last_seen);
        putchar('\n');
        printf("  %s\n", v->title ? v->title : "(no title)");
        if (v->nsources) {
            fputs("  sources:", stdout);
            for (size_t i = 0; i < v->nsources; i++)
                printf("%s %s", i ? "," : "", v->sources[i]);
            putchar('\n');
        }
    }
    c->first = 0;
    return 0;
}

static int fail(const char *cmd, rasad_store *s, int rc)
{
    cli_error("%s: %s", cmd, rc == RASAD_NOMEM ? "out of memory" : rasad_store_errmsg(s));
    rasad_store_close(s);
    return rc == RASAD_INVAL ? CLI_USAGE : CLI_SOME_FAILED;
}

int cmd_stories(int argc, char **argv)
{
    opts o;
    rasad_store *s;
    rasad_stories_opts so = {0};
    int rc = parse("stories", stories_usage, O_JSON | O_FILTERS, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (o.thread && (rc = parse_id("stories", "--thread", o.thread, &so.thread)) >= 0)
        return rc;
    so.since = o.since;
    so.until = o.until;
    so.source = o.source;
    if (cli_open_store(cli_db_path(o.db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    list_ctx c = { o.json, 1 };
    if (o.json)
        putchar('[');
    rc = rasad_store_stories(s, &so, print_story, &c);
    if (rc != RASAD_OK)
        return fail("stories", s, rc);
    if (o.json)
        puts("]");
    return rasad_store_close(s) == RASAD_OK ? CLI_OK : CLI_SOME_FAILED;
}

static void print_story_json(const rasad_story_view *v)
{
    story_json_head(v);
    fputs("],\"summary\":[", stdout);
    for (size_t i = 0; i < v->nsummary; i++) {
        if (i)
            putchar(',');
        cli_json_str(v->summary[i]);
    }
    fputs("],\"articles\":[", stdout);
    for (size_t i = 0; i < v->narticles; i++) {
        const rasad_story_article *a = &v->articles[i];
        printf("%s{\"rowid\":%lld,\"id\":", i ? "," : "", (long long)a->rowid);
        cli_json_str(a->id);
        fputs(",\"title\":", stdout);
        cli_json_str(a->title);
        fputs(",\"source\":", stdout);
        cli_json_str(a->source);
        fputs(",\"published\":", stdout);
        cli_json_str(a->published);
        if (a->dup_of)
            printf(",\"dup_of\":%lld}", (long long)a->dup_of);
        else
            fputs(",\"dup_of\":null}", stdout);
    }
    printf("],\"copies\":%zu}\n", v->copies);
}

static void print_story_text(const rasad_story_view *v)
{
    printf("story %lld (thread %lld)\n%s\n", (long long)v->id, (long long)v->thread,
           v->title ? v->title : "(no title)");
    if (v->first_seen)
        printf("seen: %s .. %s\n", v->first_seen, v->last_seen);
    else
        printf("seen: undated\n");
    if (v->nsources) {
        fputs("sources:", stdout);
        for (size_t i = 0; i < v->nsources; i++)
            printf("%s %s", i ? "," : "", v->sources[i]);
        putchar('\n');
    }
    printf("\nsummary:\n");
    for (size_t i = 0; i < v->nsummary; i++)
        printf("  - %s\n", v->summary[i]);
    printf("\narticles (%zu, %zu duplicate%s):\n", v->narticles, v->copies,
           v->copies == 1 ? "" : "s");
    for (size_t i = 0; i < v->narticles; i++) {
        const rasad_story_article *a = &v->articles[i];
        if (a->dup_of)
            continue;
        printf("  %-10s %-14s %s\n", a->published ? a->published : "undated",
               a->source ? a->source : "-", a->title ? a->title : a->id);
        for (size_t j = 0; j < v->narticles; j++)
            if (v->articles[j].dup_of == a->rowid)
                printf("  %-10s %-14s   copy: %s\n",
                       v->articles[j].published ? v->articles[j].published : "undated",
                       v->articles[j].source ? v->articles[j].source : "-", v->articles[j].id);
    }
}

int cmd_story(int argc, char **argv)
{
    opts o;
    rasad_store *s;
    int64_t id = 0;
    int rc = parse("story", story_usage, O_JSON | O_ID, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if ((rc = parse_id("story", "ID", o.id, &id)) >= 0)
        return rc;
    if (cli_open_store(cli_db_path(o.db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    rasad_story_view v;
    rc = rasad_store_story(s, id, &v);
    if (rc == RASAD_NOTFOUND) {
        cli_error("story: no story %lld (rasad stories lists them)", (long long)id);
        rasad_store_close(s);
        return CLI_SOME_FAILED;
    }
    if (rc != RASAD_OK)
        return fail("story", s, rc);
    if (o.json)
        print_story_json(&v);
    else
        print_story_text(&v);
    rasad_story_view_free(&v);
    return rasad_store_close(s) == RASAD_OK ? CLI_OK : CLI_SOME_FAILED;
}

static int print_thread(void *ud, const rasad_thread_view *t)
{
    list_ctx *c = ud;
    if (c->json) {
        printf("%s{\"id\":%lld,\"title\":", c->first ? "" : ",", (long long)t->id);
        cli_json_str(t->title);
        fputs(",\"first_seen\":", stdout);
        cli_json_str(t->first_seen);
        fputs(",\"last_seen\":", stdout);
        cli_json_str(t->last_seen);
        fputs(",\"stories\":[", stdout);
        for (size_t i = 0; i < t->nstories; i++)
            printf("%s%lld", i ? "," : "", (long long)t->stories[i]);
        printf("],\"articles\":%lld}\n", (long long)t->articles);
    } else {
        printf("thread %lld  %zu stor%s, %lld article%s", (long long)t->id, t->nstories,
               t->nstories == 1 ? "y" : "ies", (long long)t->articles,
               t->articles == 1 ? "" : "s");
        if (t->first_seen)
            printf("  %s..%s", t->first_seen, t->last_seen);
        printf("\n  %s\n  stories:", t->title ? t->title : "(no title)");
        for (size_t i = 0; i < t->nstories; i++)
            printf(" %lld", (long long)t->stories[i]);
        putchar('\n');
    }
    c->first = 0;
    return 0;
}

int cmd_threads(int argc, char **argv)
{
    opts o;
    rasad_store *s;
    int rc = parse("threads", threads_usage, O_JSON, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (cli_open_store(cli_db_path(o.db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    list_ctx c = { o.json, 1 };
    if (o.json)
        putchar('[');
    if ((rc = rasad_store_threads(s, print_thread, &c)) != RASAD_OK)
        return fail("threads", s, rc);
    if (o.json)
        puts("]");
    return rasad_store_close(s) == RASAD_OK ? CLI_OK : CLI_SOME_FAILED;
}

int cmd_recluster(int argc, char **argv)
{
    opts o;
    rasad_store *s;
    int64_t n = 0;
    int rc = parse("recluster", recluster_usage, 0, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (cli_open_store(cli_db_path(o.db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    if ((rc = rasad_store_recluster(s, &n)) != RASAD_OK)
        return fail("recluster", s, rc);
    rasad_store_stats st;
    if (rasad_store_stats_get(s, &st) != RASAD_OK)
        return fail("recluster", s, RASAD_IO);
    fprintf(stderr, "recluster: %lld articles clustered again\n", (long long)st.articles);
    rasad_ner_model *m = NULL;
    if (cli_ner_model(NULL, 1, &m) != CLI_OK) {
        rasad_store_close(s);
        return CLI_SOME_FAILED;
    }
    if (m) {
        if ((rc = rasad_store_set_ner(s, m)) != RASAD_OK ||
            (rc = rasad_store_relink_entities(s, &n)) != RASAD_OK) {
            rc = fail("recluster", s, rc);
            rasad_ner_model_free(m);
            return rc;
        }
        fprintf(stderr, "recluster: entities linked again\n");
    }
    rc = rasad_store_close(s) == RASAD_OK ? CLI_OK : CLI_SOME_FAILED;
    rasad_ner_model_free(m);
    return rc;
}
