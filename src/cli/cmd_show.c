/* cmd_show.c - rasad show: one stored article. */
#include <string.h>
#include "cli.h"

static const char usage[] =
    "usage: rasad show [--db PATH] [--json] [--removed] ID\n"
    "\n"
    "Prints the article whose input id is ID (else whose store key is ID; #N\n"
    "is the N-th article stored): title, source, date, URL, the clean body,\n"
    "and with --removed every line cleaning took out of the body and why\n"
    "(boilerplate, repeated-in-source, structural, duplicate, dateline).\n"
    "\n"
    "options:\n"
    "  --db PATH   the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json      {\"id\", \"title\", \"source\", \"url\", \"published\",\n"
    "              \"published_date\", \"text\", \"dup_of\" (the id of the article this\n"
    "              one duplicates, or null), \"dup_jaccard\", \"copies\", \"story\",\n"
    "              \"meta\": {...}, \"removed\": [{\"line\", \"reason\", \"text\"}]}\n"
    "              (\"removed\" only with --removed)\n"
    "  --removed   also list the removed lines\n"
    "  -h, --help  show this help\n"
    "\n"
    "exit status: 0 shown, 1 no such article or no database, 2 usage error\n";

static void json_field(const char *name, const char *v, int first)
{
    printf("%s\"%s\":", first ? "" : ",", name);
    if (v)
        cli_json_string(stdout, v, strlen(v));
    else
        fputs("null", stdout);
}

static void print_json(const rasad_stored *a, int removed)
{
    putchar('{');
    json_field("id", a->id ? a->id : a->key, 1);
    json_field("title", a->title, 0);
    json_field("source", a->source, 0);
    json_field("url", a->url, 0);
    json_field("published", a->published, 0);
    json_field("published_date", a->published_date, 0);
    json_field("text", a->text, 0);
    json_field("dup_of", a->dup_of, 0);
    if (a->dup_of)
        printf(",\"dup_jaccard\":%.4f", a->dup_jaccard);
    printf(",\"copies\":%lld", (long long)a->copies);
    if (a->story)
        printf(",\"story\":%lld", (long long)a->story);
    else
        fputs(",\"story\":null", stdout);
    /* meta and removed are JSON written by the library. */
    printf(",\"meta\":%s", a->meta_json ? a->meta_json : "{}");
    if (removed)
        printf(",\"removed\":%s", a->removed_json ? a->removed_json : "[]");
    puts("}");
}

static void print_text(const rasad_stored *a, int removed)
{
    printf("%s\n", a->title ? a->title : "(no title)");
    printf("id: %s\n", a->id ? a->id : a->key);
    if (a->source)
        printf("source: %s\n", a->source);
    if (a->published)
        printf("published: %s%s%s%s\n", a->published, a->published_date ? " (" : "",
               a->published_date ? a->published_date : "", a->published_date ? ")" : "");
    if (a->url)
        printf("url: %s\n", a->url);
    if (a->dup_of)
        printf("duplicate of: %s (Jaccard %.2f)\n", a->dup_of, a->dup_jaccard);
    if (a->copies)
        printf("copies: %lld stored as duplicates of this one\n", (long long)a->copies);
    if (a->story)
        printf("story: %lld (rasad story %lld)\n", (long long)a->story, (long long)a->story);
    if (a->meta_json && strcmp(a->meta_json, "{}") != 0)
        printf("meta: %s\n", a->meta_json);
    printf("\n%s\n", a->text ? a->text : "");
    if (removed) {
        printf("\nremoved from the body (%zu):\n", a->n_removed);
        for (size_t i = 0; i < a->n_removed; i++)
            printf("  line %-4ld %-18s %s\n", a->removed[i].line, a->removed[i].reason,
                   a->removed[i].text);
    }
}

int cmd_show(int argc, char **argv)
{
    const char *db = NULL, *id = NULL;
    int json = 0, removed = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--removed") == 0) {
            removed = 1;
        } else if (strcmp(a, "--db") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("show", "--db needs a value");
            db = argv[++i];
        } else if (a[0] == '-' && a[1] == '-' && a[2]) {
            return cli_usage_error("show", "unknown option '%s'", a);
        } else if (id) {
            return cli_usage_error("show", "one ID at a time ('%s' and '%s')", id, a);
        } else {
            id = a;
        }
    }
    if (!id)
        return cli_usage_error("show", "no ID given");
    rasad_store *s;
    if (cli_open_store(cli_db_path(db), 1, &s) != CLI_OK)
        return CLI_SOME_FAILED;
    rasad_stored a;
    int rc = rasad_store_get(s, id, &a);
    int status = CLI_OK;
    if (rc == RASAD_NOTFOUND) {
        cli_error("show: no article with id '%s'", id);
        status = CLI_SOME_FAILED;
    } else if (rc != RASAD_OK) {
        cli_error("show: %s", rc == RASAD_NOMEM ? "out of memory" : rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    } else {
        if (json)
            print_json(&a, removed);
        else
            print_text(&a, removed);
        rasad_stored_free(&a);
    }
    rasad_store_close(s);
    return status;
}
