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
