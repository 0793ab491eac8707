/* fuzz_html.c - rasad_html_extract on any bytes, with no charset, with
 * windows-1256 and with UTF-16LE (chosen by the first byte).
 *
 * Properties:
 *  - the status is OK, or PARSE with no text; never anything else;
 *  - text, when there, is valid UTF-8 (fz_utf8_valid), strlen(text) ==
 *    text_len, no empty line (no "\n\n", no '\n' first or last) and no
 *    line starting or ending with a space;
 *  - title, published, site_name, url are valid UTF-8 without '\n';
 *  - rasad_html_doc_free leaves the doc zeroed; a second extraction of the
 *    same input gives the same text (deterministic). */
#include <string.h>

#include "fuzz.h"
#include "rasad/read.h"

static const char *const charsets[] = { NULL, NULL, "windows-1256", "utf-16le",
                                        "x-unknown-charset" };

static void check_str(const char *s)
{
    if (!s)
        return;
    FZ_CHECK(fz_utf8_valid(s, strlen(s)));
    FZ_CHECK(strchr(s, '\n') == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    const char *cs = size ? charsets[data[0] % 5] : NULL;
    rasad_html_doc d, e;
    int rc = rasad_html_extract(p, size, cs, &d);

    FZ_CHECK(rc == RASAD_OK || rc == RASAD_PARSE);
    if (rc == RASAD_PARSE)
        FZ_CHECK(!d.text || d.text_len == 0);
    if (d.text) {
        const char *t = d.text;
        size_t n = d.text_len;
        FZ_CHECK(strlen(t) == n);
        FZ_CHECK(fz_utf8_valid(t, n));
        if (n > 0) {
            FZ_CHECK(t[0] != '\n' && t[n - 1] != '\n');
            FZ_CHECK(t[0] != ' ' && t[n - 1] != ' ');
        }
        FZ_CHECK(strstr(t, "\n\n") == NULL);
        FZ_CHECK(strstr(t, " \n") == NULL && strstr(t, "\n ") == NULL);
    }
    check_str(d.title);
    check_str(d.published);
    check_str(d.site_name);
    check_str(d.url);

    FZ_CHECK(rasad_html_extract(p, size, cs, &e) == rc);
    FZ_CHECK((d.text == NULL) == (e.text == NULL));
    if (d.text)
        FZ_CHECK(e.text_len == d.text_len && memcmp(e.text, d.text, d.text_len) == 0);
    rasad_html_doc_free(&e);
    rasad_html_doc_free(&d);
    FZ_CHECK(d.text == NULL && d.title == NULL && d.text_len == 0);
    return 0;
}
