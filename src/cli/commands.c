/* commands.c - the table of subcommands. To add one: write cmd_<name>.c
 * with an int cmd_<name>(int argc, char **argv), declare it in cli.h, and
 * add a row here (sorted by name). */
#include "cli.h"

const cli_command cli_commands[] = {
    { "dedup",     cmd_dedup,     "mark or drop exact and near-duplicate articles in JSONL (MinHash + LSH)" },
    { "entities",  cmd_entities,  "list the people, places and organisations, each once whatever the spelling" },
    { "entity",    cmd_entity,    "print one entity: its spellings (and why they were joined), roles, articles" },
    { "events",    cmd_events,    "list meetings, agreements and visits: who met whom, where, on what occasion, when" },
    { "ingest",    cmd_ingest,    "read articles (txt, JSONL, HTML, WARC), clean them and store them in the archive" },
    { "normalize", cmd_normalize, "write Persian text in rasad's canonical form, line for line" },
    { "quotes",    cmd_quotes,    "list who said what: direct and reported speech with its speaker" },
    { "recluster", cmd_recluster, "cluster every article into stories and threads again, from scratch" },
    { "search",    cmd_search,    "search the archive in Persian: words, \"phrases\", prefix*, AND/OR/NOT" },
    { "serve",     cmd_serve,     "serve the archive: Persian web pages and a JSON API over HTTP" },
    { "show",      cmd_show,      "print one stored article, its metadata and what cleaning removed" },
    { "stats",     cmd_stats,     "count what the archive holds" },
    { "stories",   cmd_stories,   "list the stories: one event once, with its sources and span" },
    { "story",     cmd_story,     "print one story: summary, sources, articles in time order" },
    { "tag",       cmd_tag,       "find named entities (PER, LOC, ORG ...) in text or CoNLL tokens" },
    { "threads",   cmd_threads,   "list the threads: the stories of one topic over time" },
    { "tokenize",  cmd_tokenize,  "split text into tokens with their byte offsets" },
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];
