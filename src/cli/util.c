/* util.c - messages, line reading and JSON strings for the CLI. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/text.h"
#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("rasad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "rasad %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'rasad %s --help')\n", cmd);
    return CLI_USAGE;
}

static int each_line_of(FILE *f, const char *name, cli_line_fn fn, void *ctx)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = CLI_OK;

    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t n = (size_t)got;
        int has_nl = n > 0 && line[n - 1] == '\n';
        lineno++;
        if ((rc = fn(ctx, name, lineno, line, n - (size_t)has_nl, has_nl)) != 0)
            break;
    }
    if (rc == CLI_OK && ferror(f)) {
        cli_error("cannot read '%s': %s", name, strerror(errno));
        rc = CLI_SOME_FAILED;
    }
    free(line);
    return rc;
}

int cli_each_line(char **files, int nfiles, cli_line_fn fn, void *ctx)
{
    int status = CLI_OK;
    if (nfiles == 0)
        return each_line_of(stdin, "-", fn, ctx);
    for (int i = 0; i < nfiles; i++) {
        FILE *f;
        int rc;
        if (strcmp(files[i], "-") == 0) {
            rc = each_line_of(stdin, "-", fn, ctx);
        } else {
            f = fopen(files[i], "rb");
            if (!f) {
                cli_error("cannot open '%s': %s", files[i], strerror(errno));
                status = CLI_SOME_FAILED;
                continue;
            }
            rc = each_line_of(f, files[i], fn, ctx);
            fclose(f);
        }
        if (rc == CLI_SOME_FAILED)
            status = CLI_SOME_FAILED;
        else if (rc != CLI_OK)
            return rc;
    }
    return status;
}

void cli_json_string(FILE *f, const char *s, size_t n)
{
    size_t i = 0;
    fputc('"', f);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            int inv;
            size_t len = rasad_utf8_decode(s + i, n - i, &cp, &inv);
            if (inv)
                fputs("\\ufffd", f);
            else
                fwrite(s + i, 1, len, f);
            i += len;
            continue;
        }
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
        i++;
    }
    fputc('"', f);
}

void cli_json_str(const char *s)
{
    if (s)
        cli_json_string(stdout, s, strlen(s));
    else
        fputs("null", stdout);
}
