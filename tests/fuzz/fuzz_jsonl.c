/* fuzz_jsonl.c - the JSONL reader on any bytes, plain and gzipped.
 *
 * Properties (fuzz_read.h, for each run):
 *  - the status is OK or PARSE, PARSE exactly when something was rejected;
 *    stats.records and stats.rejected equal the callbacks' counts; one file,
 *    stats.bytes the input size;
 *  - every article has text with strlen(text) == text_len > 0, its format
 *    "jsonl", lines never going back and within 1..input size; every other
 *    string NUL-terminated;
 *  - extra_json, when there, is a JSON object (it may hold \\u0000);
 *  - records + rejected <= lines of the input (not gzip input);
 *  - the same input gzipped gives the same articles and errors (gzip is
 *    transparent), and with a max_record read from the first byte the
 *    counts still agree. */
#include <jansson.h>

#include "fuzz_read.h"

static int check_extra(void *ud, const rasad_article *a)
{
    if (a->extra_json) {
        json_t *j = json_loads(a->extra_json, JSON_ALLOW_NUL, NULL);
        FZ_CHECK(j != NULL && json_is_object(j));
        json_decref(j);
    }
    return fz_on_article(ud, a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    rasad_read_stats st, st2;
    fz_run a, b;
    rasad_read_opts o = { check_extra, fz_on_error, NULL, &a, 0 };
    size_t lines = 1, zn;
    int gzipped = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    unsigned char *z;
    int rc;

    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';

    /* Plain, with extra_json checked. */
    memset(&a, 0, sizeof a);
    memset(&st, 0, sizeof st);
    a.format = "jsonl";
    a.size = gzipped ? SIZE_MAX : size;
    a.hash = 0xcbf29ce484222325ull;
    rc = rasad_read_buffer("fuzz", p, size, RASAD_FORMAT_JSONL, &o, &st);
    FZ_CHECK(rc == RASAD_OK || rc == RASAD_PARSE);
    FZ_CHECK((rc == RASAD_PARSE) == (st.rejected > 0));
    FZ_CHECK(st.records == a.articles && st.rejected == a.errors);
    if (gzipped)
        return 0;   /* the plain run already gunzipped it: counts differ */
    FZ_CHECK(st.records + st.rejected <= lines);

    /* Gzipped: the same. */
    {
        z = fz_gzip(data, size, &zn);
        fz_read((const char *)z, zn, size, RASAD_FORMAT_JSONL, "jsonl", 0, &b, &st2);
        FZ_CHECK(st2.records == st.records && st2.rejected == st.rejected);
        FZ_CHECK(b.hash == a.hash);
        free(z);
    }

    /* A small max_record: long lines are rejected, nothing else changes. */
    if (size > 0) {
        size_t max = 1 + data[0];
        fz_read(p, size, size, RASAD_FORMAT_JSONL, "jsonl", max, &b, &st2);
        FZ_CHECK(st2.records <= st.records);
        FZ_CHECK(st2.records + st2.rejected <= lines);
    }
    return 0;
}
