/* cmd_entities.c - rasad entities and rasad entity: people, places and
 * organisations, each once whatever the spelling (docs/entities.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/ner.h"
#include "cli.h"

static const char entities_usage[] =
    "usage: rasad entities [--db PATH] [--json] [--type PER|LOC|ORG] [--limit N]\n"
    "                      [--model PATH]\n"
    "\n"
    "Lists the entities of the archive, most mentioned first: each person,\n"
    "place and organisation once, with the forms it was written in, the roles\n"
    "seen beside it and its articles. Articles ingested without a named-entity\n"
    "model are linked first when a model is found.\n"
    "\n"
    "options:\n"
    "  --db PATH     the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json        [{\"id\", \"name\", \"type\", \"variants\": [...], \"roles\": [...],\n"
    "                \"articles\": [ids], \"mentions\": N}]\n"
    "  --type T      only PER, LOC or ORG\n"
    "  --limit N     at most N (default: all)\n"
    "  --model PATH  the named-entity model (default: $RASAD_NER_MODEL, else\n"
    "                ner.model beside the program)\n"
    "exit status: 0 listed, 1 the archive could not be read, 2 usage error\n";

static const char entity_usage[] =
    "usage: rasad entity [--db PATH] [--json] [--why] NAME|ID\n"
    "\n"
    "Prints one entity (by its id, or by any name it was written as, titles\n"
    "such as سردار or دکتر left out): its forms, roles with the days they were\n"
    "seen, its articles, the entities named in the same articles, and its latest\n"
    "quotes and events. --why\n"
    "says for each form why it was joined to this entity.\n"
    "\n"
    "options:\n"
    "  --db PATH  the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json     {\"id\", \"name\", \"type\", \"variants\", \"roles\", \"articles\",\n"
    "             \"mentions\", \"forms\": [{\"form\", \"n\", \"why\"}],\n"
    "             \"cooccurring\": [{\"id\", \"name\", \"type\", \"articles\"}],\n"
    "             \"quotes\": [as rasad quotes], \"events\": [as rasad events]}\n"
    "  --why      the reason for each form\n"
    "exit status: 0 printed, 1 no such entity or the archive could not be read,\n"
    "2 usage error\n";

static void json_head(const rasad_entity_view *e)
{
    printf("{\"id\":%lld,\"name\":", (long long)e->id);
    cli_json_str(e->name);
    printf(",\"type\":\"%s\",\"variants\":[", rasad_ner_type_name(e->type));
    for (size_t i = 0; i < e->nforms; i++) {
        if (i)
            putchar(',');
        cli_json_str(e->forms[i].form);
    }
    fputs("],\"roles\":[", stdout);
    for (size_t i = 0; i < e->nroles; i++) {
        fputs(i ? ",{\"role\":" : "{\"role\":", stdout);
        cli_json_str(e->roles[i].role);
        printf(",\"n\":%lld,\"first_seen\":", (long long)e->roles[i].n);
        cli_json_str(e->roles[i].first_seen);
        fputs(",\"last_seen\":", stdout);
        cli_json_str(e->roles[i].last_seen);
        putchar('}');
    }
    fputs("],\"articles\":[", stdout);
    for (size_t i = 0; i < e->narticles; i++)
        printf("%s%lld", i ? "," : "", (long long)e->articles[i]);
    printf("],\"mentions\":%lld", (long long)e->mentions);
}

typedef struct list_ctx {
    int json, first;
} list_ctx;

static int print_entity(void *ud, const rasad_entity_view *e)
{
    list_ctx *c = ud;
    if (c->json) {
        fputs(c->first ? "" : ",", stdout);
        json_head(e);
        puts("}");
    } else {
        printf("%lld  %s  %s  %lld mention%s in %zu article%s\n", (long long)e->id,
               rasad_ner_type_name(e->type), e->name ? e->name : "", (long long)e->mentions,
               e->mentions == 1 ? "" : "s", e->narticles, e->narticles == 1 ? "" : "s");
        if (e->nforms > 1) {
            fputs("  also written:", stdout);
            for (size_t i = 1; i < e->nforms; i++)
                printf("%s %s", i > 1 ? "," : "", e->forms[i].form);
            putchar('\n');
        }
        if (e->nroles) {
            fputs("  roles:", stdout);
            for (size_t i = 0; i < e->nroles && i < 3; i++)
                printf("%s %s", i ? "," : "", e->roles[i].role);
            putchar('\n');
        }
    }
    c->first = 0;
    return 0;
}

static int type_of(const char *t)
{
    for (int k = 1; k < RASAD_NER_NTYPES; k++)
        if (strcmp(rasad_ner_type_name(k), t) == 0)
            return k;
    return -1;
}

int cmd_entities(int argc, char **argv)
{
    const char *db = NULL, *model_path = NULL;
    rasad_entities_opts o = { 0, 0, 0, 0, 0, 0 };
    list_ctx c = { 0, 1 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(entities_usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            c.json = 1;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(a, "--model") == 0 && i + 1 < argc) {
            model_path = argv[++i];
        } else if (strcmp(a, "--type") == 0 && i + 1 < argc) {
            if ((o.type = type_of(argv[++i])) < 0)
                return cli_usage_error("entities", "--type wants PER, LOC or ORG, not '%s'", argv[i]);
        } else if (strcmp(a, "--limit") == 0 && i + 1 < argc) {
            long n = cli_parse_count(argv[++i]);
            if (n < 1 || n > 1000000000)
                return cli_usage_error("entities", "--limit wants a positive number, not '%s'", argv[i]);
            o.limit = (int)n;
        } else {
            return cli_usage_error("entities", "unknown option or missing value: '%s'", a);
        }
    }
    rasad_store *s;
    rasad_ner_model *m;
    if (cli_open_store_with_model(db, model_path, &s, &m) != CLI_OK)
        return CLI_SOME_FAILED;
    if (c.json)
        putchar('[');
    int rc = rasad_store_entities(s, &o, print_entity, &c);
    if (c.json)
        puts("]");
    int status = CLI_OK;
    if (rc != RASAD_OK) {
        cli_error("%s", rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    }
    if (rasad_store_close(s) != RASAD_OK)
        status = CLI_SOME_FAILED;
    rasad_ner_model_free(m);
    return status;
}

int cmd_entity(int argc, char **argv)
{
    const char *db = NULL, *what = NULL;
    int json = 0, why = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(entity_usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--why") == 0) {
            why = 1;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("entity", "unknown option or missing value: '%s'", a);
        } else if (what) {
            return cli_usage_error("entity", "one NAME or ID, please");
        } else {
            what = a;
        }
    }
    if (!what)
        return cli_usage_error("entity", "which entity? give a NAME or an ID");
    rasad_store *s;
    rasad_ner_model *m;
    if (cli_open_store_with_model(db, NULL, &s, &m) != CLI_OK)
        return CLI_SOME_FAILED;
    int64_t id = 0;
    int rc = RASAD_OK;
    char *end;
    long long v = strtoll(what, &end, 10);
    if (*what && !*end && v > 0)
        id = v;
    else
        rc = rasad_store_entity_find(s, what, &id);
    rasad_entity_view e;
    memset(&e, 0, sizeof e);
    if (rc == RASAD_OK)
        rc = rasad_store_entity(s, id, &e);
    int status = CLI_OK;
    if (rc == RASAD_NOTFOUND) {
        cli_error("no entity '%s' in the archive", what);
        status = CLI_SOME_FAILED;
    } else if (rc != RASAD_OK) {
        cli_error("%s", rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    } else if (json) {
        json_head(&e);
        fputs(",\"forms\":[", stdout);
        for (size_t i = 0; i < e.nforms; i++) {
            fputs(i ? ",{\"form\":" : "{\"form\":", stdout);
            cli_json_str(e.forms[i].form);
            printf(",\"n\":%lld,\"why\":", (long long)e.forms[i].n);
            cli_json_str(e.forms[i].why);
            putchar('}');
        }
        fputs("],\"cooccurring\":[", stdout);
        for (size_t i = 0; i < e.ncooc; i++) {
            printf("%s{\"id\":%lld,\"name\":", i ? "," : "", (long long)e.cooc[i].id);
            cli_json_str(e.cooc[i].name);
            printf(",\"type\":\"%s\",\"articles\":%lld}", rasad_ner_type_name(e.cooc[i].type),
                   (long long)e.cooc[i].articles);
        }
        cli_list ql = { 1, 0 }, el = { 1, 0 };
        rasad_quotes_opts qo = { e.id, 0, 0, 20, 0 };
        rasad_events_opts eo = { 0, e.id, 0, 0, 20, 0 };
        fputs("],\"quotes\":[", stdout);
        rc = rasad_store_quotes(s, &qo, cli_print_quote, &ql);
        fputs("],\"events\":[", stdout);
        if (rc == RASAD_OK)
            rc = rasad_store_events(s, &eo, cli_print_event, &el);
        puts("]}");
    } else {
        printf("%s (%s, entity %lld): %lld mention%s in %zu article%s\n", e.name,
               rasad_ner_type_name(e.type), (long long)e.id, (long long)e.mentions,
               e.mentions == 1 ? "" : "s", e.narticles, e.narticles == 1 ? "" : "s");
        puts("written as:");
        for (size_t i = 0; i < e.nforms; i++) {
            printf("  %s (%lld)", e.forms[i].form, (long long)e.forms[i].n);
            if (why)
                printf(": %s", e.forms[i].why);
            putchar('\n');
        }
        if (e.nroles) {
            puts("roles:");
            for (size_t i = 0; i < e.nroles; i++) {
                printf("  %s (%lld)", e.roles[i].role, (long long)e.roles[i].n);
                if (e.roles[i].first_seen)
                    printf("  %s..%s", e.roles[i].first_seen, e.roles[i].last_seen);
                putchar('\n');
            }
        }
        fputs("articles:", stdout);
        for (size_t i = 0; i < e.narticles; i++)
            printf(" %lld", (long long)e.articles[i]);
        putchar('\n');
        if (e.ncooc) {
            puts("named with:");
            for (size_t i = 0; i < e.ncooc; i++)
                printf("  %s (%s, %lld article%s)\n", e.cooc[i].name,
                       rasad_ner_type_name(e.cooc[i].type), (long long)e.cooc[i].articles,
                       e.cooc[i].articles == 1 ? "" : "s");
        }
        cli_list ql = { 0, 0 }, el = { 0, 0 };
        rasad_quotes_opts qo = { e.id, 0, 0, 20, 0 };
        rasad_events_opts eo = { 0, e.id, 0, 0, 20, 0 };
        puts("said (the latest 20):");
        rc = rasad_store_quotes(s, &qo, cli_print_quote, &ql);
        puts("events (the latest 20):");
        if (rc == RASAD_OK)
            rc = rasad_store_events(s, &eo, cli_print_event, &el);
    }
    if (rc != RASAD_OK && status == CLI_OK) {
        cli_error("%s", rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    }
    if (e.id)
        rasad_entity_view_free(&e);
    if (rasad_store_close(s) != RASAD_OK)
        status = CLI_SOME_FAILED;
    rasad_ner_model_free(m);
    return status;
}
