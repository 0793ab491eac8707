/* tok_bench.c - normalize + tokenize a file and count the tokens, without
 * printing them: the rasad side of bench/throughput.sh's comparison with
 * Lucene's PersianAnalyzer (which also only counts).
 *
 *   tok_bench FILE
 *
 * Reads FILE line by line and runs rasad_tokenize (index form: flags 0)
 * over each line. Prints "tok_bench: N tokens, B bytes, S s, X MB/s" (MB is
 * 10^6 bytes; the time includes reading the file). Built by
 * bench/throughput.sh against the static library. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rasad/text.h"

static int count_token(void *ctx, int kind, const char *tok, size_t ntok,
                       size_t start, size_t end)
{
    (void)kind; (void)tok; (void)ntok; (void)start; (void)end;
    ++*(unsigned long long *)ctx;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    rasad_tokenizer *t = NULL;
    unsigned long long tokens = 0, bytes = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    double t0;
    FILE *f;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: tok_bench FILE\n");
        return 2;
    }
    if (!(f = fopen(argv[1], "rb"))) {
        fprintf(stderr, "tok_bench: cannot open '%s': %s\n", argv[1], strerror(errno));
        return 1;
    }
    if ((rc = rasad_tokenizer_new(0, &t)) != RASAD_OK) {
        fprintf(stderr, "tok_bench: %s\n", rasad_strerror(rc));
        fclose(f);
        return 1;
    }
    t0 = now();
    while ((len = getline(&line, &cap, f)) > 0) {
        bytes += (unsigned long long)len;
        if (line[len - 1] == '\n')
            len--;
        rc = rasad_tokenize(t, line, (size_t)len, count_token, &tokens);
        if (rc != RASAD_OK) {
            fprintf(stderr, "tok_bench: %s\n", rasad_strerror(rc));
            break;
        }
    }
    t0 = now() - t0;
    if (ferror(f)) {
        fprintf(stderr, "tok_bench: cannot read '%s': %s\n", argv[1], strerror(errno));
        rc = RASAD_IO;
    }
    printf("tok_bench: %llu tokens, %llu bytes, %.3f s, %.1f MB/s\n",
           tokens, bytes, t0, (double)bytes / 1e6 / t0);
    free(line);
    fclose(f);
    rasad_tokenizer_free(t);
    return rc == RASAD_OK ? 0 : 1;
}
