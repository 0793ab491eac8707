/* cmd_quotes.c - rasad quotes and rasad events: who said what, who met
 * whom (docs/events.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/events.h"
#include "rasad/ner.h"
#include "cli.h"

static const char quotes_usage[] =
    "usage: rasad quotes [--db PATH] [--json] [--speaker NAME|ID] [--story ID] [--limit N]\n"
    "\n"
    "Lists what was said in the archive, newest first: direct quotes («...») and\n"
    "reported speech (گفت، افزود، تاکید کرد ...), each with its speaker when the\n"
    "speaker is a linked entity (a pronoun such as وی is resolved to the person\n"
    "it refers to, an office such as سخنگوی کاخ سفید to the person the article\n"
    "named with it) and as written otherwise (\"who\").\n"
    "\n"
    "options:\n"
    "  --db PATH          the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json             [{\"id\", \"article\", \"speaker\": {\"id\", \"name\"} or null,\n"
    "                     \"who\", \"kind\", \"verb\", \"text\", \"day\"}]\n"
    "  --speaker NAME|ID  only this entity's words\n"
    "  --story ID         only in this story\n"
    "  --limit N          at most N (default 50)\n"
    "exit status: 0 listed, 1 no such speaker or the archive could not be read,\n"
    "2 usage error\n";

static const char events_usage[] =
    "usage: rasad events [--db PATH] [--json] [--type meeting|agreement|visit]\n"
    "                    [--entity NAME|ID] [--story ID] [--limit N]\n"
    "\n"
    "Lists meetings (دیدار، ملاقات، گفتگو، مذاکره، نشست ... با ...), agreements\n"
    "signed and visits, latest first: participants (linked entities, or a person\n"
    "described by a relation to one: نماینده پوتین), place,\n"
    "occasion (در حاشیه هفتمین کنفرانس ...) with its number, and the day, from a\n"
    "date in the sentence (also امروز، دیروز، روز سه‌شنبه) or else the article's.\n"
    "\n"
    "options:\n"
    "  --db PATH         the database (default: $RASAD_DB, else ./rasad.db)\n"
    "  --json            [{\"id\", \"article\", \"type\", \"trigger\", \"participants\":\n"
    "                    [{\"id\", \"name\", \"side\", \"of\"}], \"place\", \"occasion\",\n"
    "                    \"ordinal\", \"day\", \"planned\", \"sentence\"}]; \"planned\": told as\n"
    "                    to come (خواهد کرد، قرار است …); a described participant\n"
    "                    has \"id\": null and \"of\": {\"id\", \"name\"} of the person\n"
    "  --type T          only meetings, agreements or visits\n"
    "  --entity NAME|ID  only events this entity takes part in (or is the place of)\n"
    "  --story ID        only in this story\n"
    "  --limit N         at most N (default 50)\n"
    "exit status: 0 listed, 1 no such entity or the archive could not be read,\n"
    "2 usage error\n";

int cli_print_quote(void *ud, const rasad_quote_view *q)
{
    cli_list *c = ud;
    if (c->json) {
        printf("%s{\"id\":%lld,\"article\":%lld,\"speaker\":", c->n ? "," : "",
               (long long)q->id, (long long)q->article);
        if (q->speaker) {
            printf("{\"id\":%lld,\"name\":", (long long)q->speaker);
            cli_json_str(q->speaker_name);
            putchar('}');
        } else {
            fputs("null", stdout);
        }
        fputs(",\"who\":", stdout);
        cli_json_str(q->who);
        printf(",\"kind\":\"%s\",\"verb\":", rasad_quote_kind_name(q->kind));
        cli_json_str(q->verb);
        fputs(",\"text\":", stdout);
        cli_json_str(q->text);
        fputs(",\"day\":", stdout);
        cli_json_str(q->day);
        puts("}");
    } else {
        printf("%s (%s, article %lld%s%s)\n  %s%s%s\n",
               q->speaker_name ? q->speaker_name : q->who ? q->who : "(unknown)",
               q->verb ? q->verb : rasad_quote_kind_name(q->kind), (long long)q->article,
               q->day ? ", " : "", q->day ? q->day : "",
               q->kind == RASAD_QUOTE_DIRECT ? "«" : "", q->text,
               q->kind == RASAD_QUOTE_DIRECT ? "»" : "");
    }
    c->n++;
    return 0;
}

static const char *side_name(int side)
{
    return side == RASAD_SIDE_SUBJECT ? "subject" : side == RASAD_SIDE_WITH ? "with" : "";
}

int cli_print_event(void *ud, const rasad_event_view *e)
{
    cli_list *c = ud;
    if (c->json) {
        printf("%s{\"id\":%lld,\"article\":%lld,\"type\":\"%s\",\"trigger\":", c->n ? "," : "",
               (long long)e->id, (long long)e->article, rasad_event_type_name(e->type));
        cli_json_str(e->trigger);
        fputs(",\"participants\":[", stdout);
        for (size_t i = 0; i < e->nparts; i++) {
            const rasad_event_party *p = &e->parts[i];
            if (p->entity)
                printf("%s{\"id\":%lld,\"name\":", i ? "," : "", (long long)p->entity);
            else
                printf("%s{\"id\":null,\"name\":", i ? "," : "");
            cli_json_str(p->name);
            printf(",\"side\":\"%s\",\"of\":", side_name(p->side));
            if (p->of) {
                printf("{\"id\":%lld,\"name\":", (long long)p->of);
                cli_json_str(p->of_name);
                fputs("}}", stdout);
            } else {
                fputs("null}", stdout);
            }
        }
        fputs("],\"place\":", stdout);
        if (e->place) {
            printf("{\"id\":%lld,\"name\":", (long long)e->place);
            cli_json_str(e->place_name);
            putchar('}');
        } else {
            fputs("null", stdout);
        }
        fputs(",\"occasion\":", stdout);
        cli_json_str(e->occasion);
        printf(",\"ordinal\":%lld,\"day\":", (long long)e->ordinal);
        cli_json_str(e->day);
        printf(",\"planned\":%s", e->planned ? "true" : "false");
        fputs(",\"sentence\":", stdout);
        cli_json_str(e->sentence);
        puts("}");
    } else {
        printf("%s  %s  article %lld%s%s\n  ", rasad_event_type_name(e->type),
               e->trigger ? e->trigger : "", (long long)e->article, e->day ? "  " : "",
               e->day ? e->day : "");
        for (size_t i = 0; i < e->nparts; i++)
            printf("%s%s", i ? (e->parts[i].side != e->parts[i - 1].side ? " | " : ", ") : "",
                   e->parts[i].name);
        if (e->place_name)
            printf("  in %s", e->place_name);
        if (e->occasion)
            printf("  (%s)", e->occasion);
        if (e->planned)
            fputs("  [planned]", stdout);
        putchar('\n');
    }
    c->n++;
    return 0;
}

/* Resolves NAME|ID to an entity id; 0 with a message when there is none. */
static int64_t entity_arg(rasad_store *s, const char *what)
{
    char *end;
    long long v = strtoll(what, &end, 10);
    int64_t id = 0;
    if (*what && !*end && v > 0)
        return v;
    if (rasad_store_entity_find(s, what, &id) != RASAD_OK) {
        cli_error("no entity '%s' in the archive", what);
        return 0;
    }
    return id;
}

static int run(const char *cmd, const char *usage, int argc, char **argv, int events)
{
    const char *db = NULL, *who = NULL;
    long limit = 50, story = 0;
    int type = 0;
    cli_list c = { 0, 0 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            c.json = 1;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(a, events ? "--entity" : "--speaker") == 0 && i + 1 < argc) {
            who = argv[++i];
        } else if (events && strcmp(a, "--type") == 0 && i + 1 < argc) {
            const char *t = argv[++i];
            if (!(type = rasad_event_type_parse(t, strlen(t))))
                return cli_usage_error(cmd, "--type wants meeting, agreement or visit, not '%s'", t);
        } else if (strcmp(a, "--story") == 0 && i + 1 < argc) {
            if ((story = cli_parse_count(argv[++i])) < 1)
                return cli_usage_error(cmd, "--story wants a story id, not '%s'", argv[i]);
        } else if (strcmp(a, "--limit") == 0 && i + 1 < argc) {
            if ((limit = cli_parse_count(argv[++i])) < 1 || limit > 1000000000)
                return cli_usage_error(cmd, "--limit wants a positive number, not '%s'", argv[i]);
        } else {
            return cli_usage_error(cmd, "unknown option or missing value: '%s'", a);
        }
    }
    rasad_store *s;
    rasad_ner_model *m;
    if (cli_open_store_with_model(db, NULL, &s, &m) != CLI_OK)
        return CLI_SOME_FAILED;
    int rc = RASAD_OK;
    int64_t id = 0;
    int status = CLI_OK;
    if (rc == RASAD_OK && who && !(id = entity_arg(s, who)))
        status = CLI_SOME_FAILED;
    if (rc == RASAD_OK && status == CLI_OK) {
        if (c.json)
            putchar('[');
        if (events) {
            rasad_events_opts o = { type, id, 0, story, (int)limit, 0 };
            rc = rasad_store_events(s, &o, cli_print_event, &c);
        } else {
            rasad_quotes_opts o = { id, 0, story, (int)limit, 0 };
            rc = rasad_store_quotes(s, &o, cli_print_quote, &c);
        }
        if (c.json)
            puts("]");
    }
    if (rc != RASAD_OK) {
        cli_error("%s: %s", cmd, rasad_store_errmsg(s));
        status = CLI_SOME_FAILED;
    }
    if (rasad_store_close(s) != RASAD_OK)
        status = CLI_SOME_FAILED;
    rasad_ner_model_free(m);
    return status;
}

int cmd_quotes(int argc, char **argv)
{
    return run("quotes", quotes_usage, argc, argv, 0);
}

int cmd_events(int argc, char **argv)
{
    return run("events", events_usage, argc, argv, 1);
}
