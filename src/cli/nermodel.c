/* nermodel.c - finding and loading the named-entity model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rasad/ner.h"
#include "cli.h"

/* What to add to the error of a model that did not load. */
static const char *hint(int rc)
{
    return rc == RASAD_UNSUPPORTED ? " (a model of another format or feature-set version: "
                                     "train it again with tools/ner_train.sh)"
                                   : "";
}

int cli_ner_model(const char *given, int optional, rasad_ner_model **m)
{
    char exe[4096], path[4200];
    const char *env = getenv("RASAD_NER_MODEL");
    int rc;
    *m = NULL;
    if (given || (env && *env)) {
        const char *p = given ? given : env;
        if ((rc = rasad_ner_model_load(p, m)) != RASAD_OK) {
            cli_error("cannot load the model '%s': %s%s", p, rasad_strerror(rc), hint(rc));
            return CLI_SOME_FAILED;
        }
        return CLI_OK;
    }
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k > 0) {
        exe[k] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        static const char *const rel[] = { "/ner.model", "/../share/rasad/ner.model" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(path, sizeof path, "%s%s", exe, rel[i]);
            rc = rasad_ner_model_load(path, m);
            if (rc == RASAD_OK)
                return CLI_OK;
            if (rc != RASAD_NOTFOUND) {
                /* found but unreadable: fatal only when the model is needed */
                cli_error("%scannot load the model '%s': %s%s", optional ? "note: " : "", path,
                          rasad_strerror(rc), hint(rc));
                return optional ? CLI_OK : CLI_SOME_FAILED;
            }
        }
    }
    if (optional)
        return CLI_OK;
    cli_error("no model: give --model PATH or set RASAD_NER_MODEL (looked for ner.model "
              "beside the program and in ../share/rasad)");
    return CLI_SOME_FAILED;
}
