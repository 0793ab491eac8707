/* dbopt.c - which database a command uses, and opening it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "rasad/ner.h"
#include "cli.h"

const char *cli_db_path(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("RASAD_DB");
    return env && *env ? env : "rasad.db";
}

int cli_open_store(const char *path, int must_exist, rasad_store **out)
{
    char err[512];
    *out = NULL;
    if (must_exist && access(path, F_OK) != 0) {
        cli_error("no database at '%s': run 'rasad ingest --db %s PATH...' first", path, path);
        return CLI_SOME_FAILED;
    }
    if (rasad_store_open(path, out, err, sizeof err) != RASAD_OK) {
        cli_error("%s", err);
        return CLI_SOME_FAILED;
    }
    return CLI_OK;
}

long cli_parse_count(const char *s)
{
    char *end;
    if (!s || !*s)
        return -1;
    long v = strtol(s, &end, 10);
    return *end == '\0' && v >= 0 ? v : -1;
}

/* The progress line of a late linking, on a terminal only. */
static void on_link_progress(void *ud, int64_t done, int64_t total)
{
    (void)ud;
    if (done < total)
        fprintf(stderr, "\r\033[Klinking entities: %lld of %lld articles",
                (long long)done, (long long)total);
    else
        fputs("\r\033[K", stderr);
}

int cli_open_store_with_model(const char *db, const char *model_path, rasad_store **s,
                              rasad_ner_model **m)
{
    *m = NULL;
    if (cli_ner_model(model_path, 1, m) != CLI_OK)
        return CLI_SOME_FAILED;
    if (cli_open_store(cli_db_path(db), 1, s) != CLI_OK) {
        rasad_ner_model_free(*m);
        *m = NULL;
        return CLI_SOME_FAILED;
    }
    if (*m && isatty(STDERR_FILENO))
        rasad_store_set_link_progress(*s, on_link_progress, NULL);
    if (*m && rasad_store_set_ner(*s, *m) != RASAD_OK) {
        cli_error("out of memory");
        rasad_store_close(*s);
        rasad_ner_model_free(*m);
        *m = NULL;
        return CLI_SOME_FAILED;
    }
    return CLI_OK;
}
