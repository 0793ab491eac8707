/* golden.h - reading golden TSV files: "input<TAB>expected" per line, with
 * escapes \uXXXX, \t, \n and \\ so invisible characters stay readable.
 * Lines starting with # are comments; "#flags: a b c" sets options for the
 * lines after it. */
#ifndef RASAD_GOLDEN_H
#define RASAD_GOLDEN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/text.h"

/* Decodes escapes of s[0..n) into out (at least n+1 bytes); returns length. */
static size_t golden_unescape(const char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[i + 1];
            if (c == 'u' && i + 5 < n + 0 + 1 && i + 6 <= n) {
                char hex[5] = { s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0 };
                o += rasad_utf8_encode((uint32_t)strtoul(hex, NULL, 16), out + o);
                i += 6;
                continue;
            }
            if (c == 'x' && i + 4 <= n) {
                char hex[3] = { s[i + 2], s[i + 3], 0 };
                out[o++] = (char)strtoul(hex, NULL, 16);
                i += 4;
                continue;
            }
            out[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == '0' ? '\0' : c;
            i += 2;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return o;
}

typedef void (*golden_fn)(const char *file, int lineno, const char *flags,
                          const char *in, size_t in_n, const char *want, size_t want_n);

/* Calls fn for each case of path; returns the number of cases or -1. */
static int golden_each(const char *path, golden_fn fn)
{
    FILE *f = fopen(path, "rb");
    char line[8192], flags[256] = "", in[8192], want[8192];
    int lineno = 0, cases = 0;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        char *tab;
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (strncmp(line, "#flags:", 7) == 0) {
            snprintf(flags, sizeof flags, "%.200s", line + 7);
            continue;
        }
        if (line[0] == '#' || n == 0)
            continue;
        tab = strchr(line, '\t');
        if (!tab) {
            printf("FAIL %s:%d: no tab\n", path, lineno);
            continue;
        }
        size_t in_n = golden_unescape(line, (size_t)(tab - line), in);
        size_t want_n = golden_unescape(tab + 1, strlen(tab + 1), want);
        fn(path, lineno, flags, in, in_n, want, want_n);
        cases++;
    }
    fclose(f);
    return cases;
}

#endif
