/* util.c - messages, line reading and JSON strings for the CLI. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

/* The reader's buffer: 64 KiB, more only for a longer line. read(2) into
 * it directly (no stdio buffer, no copy of each line as getline() made),
 * and a line is handed on where it lies. */
#define LINE_BUF (64u * 1024u)

static int each_line_of(FILE *f, const char *name, cli_line_fn fn, void *ctx)
{
    int fd = fileno(f);
    size_t cap = LINE_BUF, have = 0, at = 0, lineno = 0;
    char *buf = malloc(cap + 2);
    int rc = CLI_OK, eof = 0;

    if (!buf) {
        cli_error("out of memory");
        return CLI_SOME_FAILED;
    }
    while (rc == CLI_OK) {
        /* the lines whole in buf[at..have) */
        char *nl;
        while (at < have && (nl = memchr(buf + at, '\n', have - at)) != NULL) {
            size_t n = (size_t)(nl - (buf + at));
            /* as getline() left it: the newline, then a NUL (over the
             * next line's first byte, put back after) */
            char keep = nl[1];
            nl[1] = '\0';
            lineno++;
            rc = fn(ctx, name, lineno, buf + at, n, 1);
            nl[1] = keep;
            at += n + 1;
            if (rc != 0)
                break;
        }
        if (rc != 0)
            break;
        if (eof) {
            if (at < have) { /* a last line with no newline */
                buf[have] = '\0';
                lineno++;
                rc = fn(ctx, name, lineno, buf + at, have - at, 0);
            }
            break;
        }
        /* the start of a line to the front, room for more */
        if (at > 0) {
            memmove(buf, buf + at, have - at);
            have -= at;
            at = 0;
        }
        if (have == cap) {
            char *b = realloc(buf, 2 * cap + 2);
            if (!b) {
                cli_error("out of memory");
                rc = CLI_SOME_FAILED;
                break;
            }
            buf = b;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + have, cap - have);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            cli_error("cannot read '%s': %s", name, strerror(errno));
            rc = CLI_SOME_FAILED;
            break;
        }
        if (got == 0)
            eof = 1;
        have += (size_t)got;
    }
    free(buf);
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
