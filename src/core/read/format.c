/* format.c - which reader a file name asks for. */
#include <string.h>
#include "read_internal.h"

static const struct { const char *suffix; rasad_format format; } suffixes[] = {
    { ".jsonl.gz", RASAD_FORMAT_JSONL }, { ".jsonl", RASAD_FORMAT_JSONL },
    { ".ndjson", RASAD_FORMAT_JSONL },
    { ".warc.gz", RASAD_FORMAT_WARC },   { ".warc", RASAD_FORMAT_WARC },
    { ".html", RASAD_FORMAT_HTML },      { ".htm", RASAD_FORMAT_HTML },
    { ".txt", RASAD_FORMAT_TXT },
};

rasad_format rasad__format_of(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t k = strlen(suffixes[i].suffix);
        if (n >= k && strcasecmp(name + n - k, suffixes[i].suffix) == 0)
            return suffixes[i].format;
    }
    return RASAD_FORMAT_AUTO;
}

rasad_format rasad__format_sniff(const char *p, size_t n)
{
    size_t i = 0;

    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0)
        return RASAD_FORMAT_WARC;
    while (i < n && rasad__is_space((unsigned char)p[i]))
        i++;
    if (i < n && p[i] == '{')
        return RASAD_FORMAT_JSONL;
    if (i < n && p[i] == '<')
        return RASAD_FORMAT_HTML;
    return RASAD_FORMAT_TXT;
}
