/* test_oom.c - every allocation failure is reported as RASAD_NOMEM and
 * leaks nothing (run under ASan in CI): the allocator hook fails the k-th
 * allocation, for every k until a run needs no more. */
#include <stdlib.h>
#include "th.h"
#include "rasad/alloc.h"
#include "rasad/text.h"

static long budget; /* allocations left before failing; < 0: never fail */

static void *f_malloc(void *ud, size_t n) { (void)ud; return budget-- == 0 ? NULL : malloc(n); }
static void *f_realloc(void *ud, void *p, size_t n)
{
    (void)ud;
    return budget-- == 0 ? NULL : realloc(p, n);
}
static void f_free(void *ud, void *p) { (void)ud; free(p); }

static int count_tok(void *ctx, int kind, const char *s, size_t n, size_t a, size_t b)
{
    (void)kind; (void)s; (void)n; (void)a; (void)b;
    ++*(int *)ctx;
    return 0;
}

/* One full use of the API; returns its status. */
static int run_once(const char *text, size_t n)
{
    rasad_norm *nm = NULL;
    rasad_tokenizer *t = NULL;
    const char *out;
    size_t out_n;
    const uint32_t *map;
    char *copy = NULL;
    int rc, tokens = 0;

    rc = rasad_norm_new(RASAD_NORM_DEFAULT, &nm);
    if (rc == RASAD_OK)
        rc = rasad_norm_run(nm, text, n, &out, &out_n, &map);
    if (rc == RASAD_OK)
        rc = rasad_normalize(text, n, RASAD_NORM_DEFAULT | RASAD_NORM_FOLD, &copy, &out_n);
    if (rc == RASAD_OK)
        rc = rasad_tokenizer_new(0, &t);
    if (rc == RASAD_OK)
        rc = rasad_tokenize(t, text, n, count_tok, &tokens);
    if (rc == RASAD_OK && tokens == 0)
        rc = -100; /* the text has tokens: a run that succeeds must find them */
    rasad_free(copy);
    rasad_tokenizer_free(t);
    rasad_norm_free(nm);
    return rc;
}

int main(void)
{
    static const rasad_allocator failing = { f_malloc, f_realloc, f_free, NULL };
    char text[6000];
    size_t n = 0;
    long k;
    /* long enough that buffers grow more than once */
    while (n + 64 < sizeof text)
        n += (size_t)snprintf(text + n, sizeof text - n, "كتاب ها را مي خوانم ، ٥ تا. ");

    rasad_set_allocator(&failing);
    for (k = 0; k < 200; k++) {
        int rc;
        budget = k;
        rc = run_once(text, n);
        if (rc == RASAD_OK)
            break;
        TH_EQ_INT(rc, RASAD_NOMEM);
    }
    TH_CHECK(k > 2 && k < 200); /* some runs failed, and one finally got through */
    budget = -1;
    TH_EQ_INT(run_once(text, n), RASAD_OK);
    rasad_set_allocator(NULL);
    TH_EQ_INT(run_once(text, n), RASAD_OK);
    return th_done();
}
