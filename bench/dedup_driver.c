/* dedup_driver.c - helper of bench/dedup_eval.py: the dedup library alone
 * over a JSONL file (one article a line, the text in --field, default text).
 *
 *   dedup_driver speed [--runs N] [--field F] FILE.jsonl
 *       reads every text, computes its shingle set (normalize + tokenize +
 *       shingles, timed once), then N times (default 5) adds all the sets
 *       to a fresh default index with rasad_dedup_add_shingles: MinHash
 *       signature, band keys, LSH lookup, exact Jaccard on the candidates
 *       and insertion. Prints articles/s per run and the median, then the
 *       same for rasad_dedup_add (the whole path from text) once.
 *   dedup_driver pairs [--field F] FILE.jsonl
 *       indexes every article (index_all) and prints every verified pair
 *       "i j jaccard" (0-based line numbers, j < i), then the memory of
 *       the index ("# bytes B indexed N shingles S").
 *
 * Build (after cmake --build build-dd):
 *   gcc -O2 -std=c11 -D_GNU_SOURCE -Iinclude bench/dedup_driver.c \
 *       build-dd/librasad_dedup.a build-dd/librasad_core.a build-dd/librasad_base.a \
 *       -lxxhash -lutf8proc -ljalali -ljansson -lm -o dedup_driver */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include "rasad/dedup.h"

typedef struct set { uint64_t *v; size_t n; uint64_t fp; } set;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Reads the texts of path: texts[i], lens[i]; returns the count. */
static size_t load(const char *path, const char *field, char ***texts, size_t **lens)
{
    FILE *f = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0, n = 0, tcap = 0;
    ssize_t k;
    if (!f) {
        perror(path);
        exit(1);
    }
    *texts = NULL;
    *lens = NULL;
    while ((k = getline(&line, &cap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)k, 0, NULL);
        json_t *t = o ? json_object_get(o, field) : NULL;
        if (n == tcap) {
            tcap = tcap ? 2 * tcap : 1024;
            *texts = realloc(*texts, tcap * sizeof **texts);
            *lens = realloc(*lens, tcap * sizeof **lens);
        }
        if (t && json_is_string(t)) {
            (*lens)[n] = json_string_length(t);
            (*texts)[n] = malloc((*lens)[n] + 1);
            memcpy((*texts)[n], json_string_value(t), (*lens)[n] + 1);
        } else {
            (*texts)[n] = strdup("");
            (*lens)[n] = 0;
        }
        n++;
        json_decref(o);
    }
    free(line);
    fclose(f);
    return n;
}

static void on_pair(void *ud, uint64_t a, uint64_t b, double j)
{
    (void)ud;
    printf("%llu %llu %.6f\n", (unsigned long long)a, (unsigned long long)b, j);
}

int main(int argc, char **argv)
{
    const char *field = "text", *path = NULL, *cmd = argc > 1 ? argv[1] : "";
    int runs = 5;
    char **texts;
    size_t *lens, n;
    rasad_dedup *d;
    rasad_dedup_result r;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--field") == 0 && i + 1 < argc)
            field = argv[++i];
        else
            path = argv[i];
    }
    if (!path || (strcmp(cmd, "speed") && strcmp(cmd, "pairs")) || runs < 1) {
        fprintf(stderr, "usage: dedup_driver speed|pairs [--runs N] [--field F] FILE.jsonl\n");
        return 2;
    }
    n = load(path, field, &texts, &lens);
    if (strcmp(cmd, "pairs") == 0) {
        rasad_dedup_opts o;
        const rasad_dedup_stats *st;
        memset(&o, 0, sizeof o);
        o.index_all = 1;
        o.on_match = on_pair;
        if (rasad_dedup_new(&o, &d) != RASAD_OK)
            return 1;
        for (size_t i = 0; i < n; i++)
            if (rasad_dedup_add(d, i, texts[i], lens[i], &r) != RASAD_OK)
                return 1;
        st = rasad_dedup_get_stats(d);
        printf("# bytes %llu indexed %llu shingles %llu candidates %llu\n",
               (unsigned long long)st->bytes, (unsigned long long)st->indexed,
               (unsigned long long)st->shingles, (unsigned long long)st->candidates);
        rasad_dedup_free(d);
        return 0;
    }
    /* speed */
    {
        set *sets = calloc(n, sizeof *sets);
        double t0, t, *rate = calloc((size_t)runs, sizeof *rate);
        uint64_t toks = 0;
        if (rasad_dedup_new(NULL, &d) != RASAD_OK)
            return 1;
        t0 = now_s();
        for (size_t i = 0; i < n; i++) {
            const uint64_t *sh;
            if (rasad_dedup_shingles(d, texts[i], lens[i], &sh, &sets[i].n, &sets[i].fp) != RASAD_OK)
                return 1;
            sets[i].v = malloc(sets[i].n * sizeof *sh + 1);
            memcpy(sets[i].v, sh, sets[i].n * sizeof *sh);
            toks += sets[i].n;
        }
        t = now_s() - t0;
        rasad_dedup_free(d);
        printf("articles %zu, shingles %llu (%.0f per article)\n", n,
               (unsigned long long)toks, (double)toks / (double)(n ? n : 1));
        printf("normalize + tokenize + shingles: %.3f s, %.0f articles/s\n", t, n / t);
        for (int k = 0; k < runs; k++) {
            uint64_t dups = 0;
            if (rasad_dedup_new(NULL, &d) != RASAD_OK)
                return 1;
            t0 = now_s();
            for (size_t i = 0; i < n; i++) {
                if (rasad_dedup_add_shingles(d, i, sets[i].fp, sets[i].v, sets[i].n, &r) != RASAD_OK)
                    return 1;
                dups += r.group != i;
            }
            t = now_s() - t0;
            rate[k] = n / t;
            printf("run %d: signatures + LSH lookup + verify + insert: %.3f s, %.0f articles/s"
                   " (%llu duplicates, %llu candidates, index %.1f MiB)\n", k + 1, t, rate[k],
                   (unsigned long long)dups,
                   (unsigned long long)rasad_dedup_get_stats(d)->candidates,
                   rasad_dedup_get_stats(d)->bytes / 1048576.0);
            rasad_dedup_free(d);
        }
        qsort(rate, (size_t)runs, sizeof *rate, cmp_d);
        printf("median signatures + LSH: %.0f articles/s\n", rate[runs / 2]);
        if (rasad_dedup_new(NULL, &d) != RASAD_OK)
            return 1;
        t0 = now_s();
        for (size_t i = 0; i < n; i++)
            if (rasad_dedup_add(d, i, texts[i], lens[i], &r) != RASAD_OK)
                return 1;
        t = now_s() - t0;
        printf("whole path from text (rasad_dedup_add): %.0f articles/s\n", n / t);
        rasad_dedup_free(d);
    }
    return 0;
}
