/* fuzz_story.c - the story clusterer on untrusted bytes: the input is read
 * as a saved state (rasad_story_import must refuse anything malformed
 * without harm), and, split at NUL bytes, as articles to cluster, whose
 * state must survive export and import byte for byte; the summary runs on
 * the same texts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/story.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rasad_story *c, *d;
    if (rasad_story_new(NULL, &c) != RASAD_OK)
        return 0;
    int rc = rasad_story_import(c, (const char *)data, size);
    (void)rc;
    rasad_story_free(c);

    if (rasad_story_new(NULL, &c) != RASAD_OK)
        return 0;
    const char *texts[64];
    size_t lens[64], nt = 0, at = 0;
    uint64_t id = 1;
    while (at <= size && nt < 64) {
        const uint8_t *z = memchr(data + at, 0, size - at);
        size_t n = z ? (size_t)(z - (data + at)) : size - at;
        /* the text's first words double as its names (any bytes) */
        const char *names[2] = { (const char *)data + at, "\xd8\xa7" };
        rasad_story_doc doc = { id++, NULL, 0, (const char *)data + at, n,
                                n ? (int32_t)(data[at] % 16) : RASAD_STORY_UNDATED,
                                z && n > 3 ? names : NULL, z && n > 3 ? 2 : 0 };
        rasad_story_result r;
        texts[nt] = (const char *)data + at;
        lens[nt++] = n;
        if (n && data[at] == '#' && id > 2)
            rc = rasad_story_join(c, 1, &doc, &r);
        else
            rc = rasad_story_add(c, &doc, &r);
        at += n + 1;
    }
    char *s1, *s2;
    size_t n1, n2;
    if (rasad_story_export(c, &s1, &n1) == RASAD_OK) {
        if (rasad_story_new(NULL, &d) == RASAD_OK) {
            if (rasad_story_import(d, s1, n1) != RASAD_OK)
                abort();
            if (rasad_story_export(d, &s2, &n2) == RASAD_OK) {
                if (n1 != n2 || memcmp(s1, s2, n1) != 0)
                    abort();
                rasad_free(s2);
            }
            rasad_story_free(d);
        }
        rasad_free(s1);
    }
    rasad_summary_pick picks[5];
    size_t np;
    rc = rasad_story_summary(texts, lens, nt, 5, picks, &np);
    (void)rc;
    rasad_story_free(c);
    return 0;
}
