/* cli.h - what the subcommands of the rasad program share. */
#ifndef RASAD_CLI_H
#define RASAD_CLI_H

#include <stdio.h>
#include <stddef.h>
#include "rasad/store.h"

/* Exit codes of every command. */
enum { CLI_OK = 0, CLI_SOME_FAILED = 1, CLI_USAGE = 2 };

typedef struct cli_command {
    const char *name;                 /* as typed after "rasad" */
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;              /* one line for rasad --help */
} cli_command;

/* The subcommands (cmd_<name>.c), listed in commands.c. */
int cmd_dedup(int argc, char **argv);
int cmd_normalize(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_entity(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_threads(int argc, char **argv);
int cmd_recluster(int argc, char **argv);
int cmd_tag(int argc, char **argv);

extern const cli_command cli_commands[];
extern const size_t cli_ncommands;

/* Prints "rasad: <msg>\n" to stderr (printf-style). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "rasad <cmd>: <msg>" plus a pointer to --help and returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Calls fn for every line of each named file ("-" or no files: stdin). The
 * line is passed without its '\n'; has_nl says whether one followed. lineno
 * counts from 1 per file. A file that cannot be opened or read is reported
 * ("rasad: cannot open 'x': ...") and skipped. fn returning non-zero stops
 * everything. Returns CLI_OK, CLI_SOME_FAILED when a file failed, or the
 * value fn returned. */
typedef int (*cli_line_fn)(void *ctx, const char *name, size_t lineno,
                           const char *line, size_t n, int has_nl);
int cli_each_line(char **files, int nfiles, cli_line_fn fn, void *ctx);

/* Writes s[0..n) as a JSON string (with quotes) to f. Invalid UTF-8 is
 * written as \ufffd. */
void cli_json_string(FILE *f, const char *s, size_t n);

/* A list being printed: as JSON array items (the caller prints [ and ]) or
 * as text; n counts the items so far. */
typedef struct cli_list {
    int json, n;
} cli_list;

/* Print one quote or event (cmd_quotes.c), as `rasad quotes` and `rasad
 * events` do; ud is a cli_list. Return 0. */
int cli_print_quote(void *ud, const rasad_quote_view *q);
int cli_print_event(void *ud, const rasad_event_view *e);

/* Writes NUL-terminated s as a JSON string to stdout, or null for NULL. */
void cli_json_str(const char *s);

/* The database a command uses: given (--db), else $RASAD_DB, else
 * "rasad.db" in the current folder. */
const char *cli_db_path(const char *given);

/* Opens the store at path (reporting failures); with must_exist, a missing
 * file is an error rather than a new database. Returns CLI_OK or
 * CLI_SOME_FAILED. */
int cli_open_store(const char *path, int must_exist, rasad_store **out);

/* Loads the named-entity model: given, else $RASAD_NER_MODEL, else
 * ner.model beside the program, else ../share/rasad/ner.model from it.
 * With optional, finding none is not an error (*m stays NULL). Reports
 * failures. Returns CLI_OK or CLI_SOME_FAILED. */
typedef struct rasad_ner_model rasad_ner_model;
int cli_ner_model(const char *given, int optional, rasad_ner_model **m);

/* Opens the existing archive db (cli_db_path) with the named-entity model
 * when one is found (model_path, else the usual places): the store then
 * links what was ingested without a model before entities, quotes or
 * events are read. *m (may be NULL; free with rasad_ner_model_free after
 * closing) must outlive *s. Reports failures; returns CLI_OK or
 * CLI_SOME_FAILED. */
int cli_open_store_with_model(const char *db, const char *model_path, rasad_store **s,
                              rasad_ner_model **m);

/* Parses a non-negative decimal option value; returns -1 when it is not one. */
long cli_parse_count(const char *s);

#endif
