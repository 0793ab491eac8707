/* fuzz_warc.c - the WARC reader on any bytes, plain and gzipped.
 *
 * Properties (fuzz_read.h, for each run): status OK or PARSE, PARSE exactly
 * when something was rejected; stats equal the callbacks' counts; every
 * article has text with strlen(text) == text_len > 0, format "warc", and a
 * byte offset (line) inside the input that never goes back; records +
 * skipped <= the number of "WARC/" in the input (every record starts with
 * one), records + rejected + skipped <= twice that + 2 (a run of text that
 * is no record is reported once, and so is a broken stream);
 * the input gzipped gives the same articles, errors and offsets. */
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    rasad_read_stats st, st2;
    fz_run a, b;
    size_t starts = 0, zn;
    unsigned char *z;

    for (size_t i = 0; i + 5 <= size; i++)
        if (memcmp(data + i, "WARC/", 5) == 0)
            starts++;

    int gzipped = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    fz_read(p, size, gzipped ? SIZE_MAX : size, RASAD_FORMAT_WARC, "warc", 0, &a, &st);
    if (gzipped)
        return 0;   /* gzip input: the counts below are of the plain text */
    FZ_CHECK(st.records + st.skipped <= starts);
    FZ_CHECK(st.records + st.rejected + st.skipped <= 2 * starts + 2);

    {
        z = fz_gzip(data, size, &zn);
        fz_read((const char *)z, zn, size, RASAD_FORMAT_WARC, "warc", 0, &b, &st2);
        FZ_CHECK(st2.records == st.records && st2.rejected == st.rejected);
        FZ_CHECK(st2.skipped == st.skipped);
        FZ_CHECK(b.hash == a.hash);
        free(z);
    }

    if (size > 0) {
        size_t max = 1 + (size_t)data[size - 1] * 8;
        fz_read(p, size, size, RASAD_FORMAT_WARC, "warc", max, &b, &st2);
        FZ_CHECK(st2.records <= st.records);
    }
    return 0;
}
