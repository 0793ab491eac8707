/* dbopt.c - which database a command uses, and opening it. */
#include <stdlib.h>
#include <unistd.h>
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
