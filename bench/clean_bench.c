/* clean_bench.c - the cleaner alone over news JSONL: speed, and a digest
 * of every result to compare two builds.
 *
 *   clean_bench [--runs N] [--dump OUT] FILE.jsonl
 *
 * FILE holds one JSON object a line with "source" and "text" (as written by
 * bench/news_jsonl.py articles). Each run makes one cleaner and cleans every
 * article in file order (source = the record's source), as `rasad ingest`
 * does. Prints articles/s and MB/s (MB = 10^6 bytes of text) per run and
 * their medians; reading and parsing the file are not timed. With --dump,
 * the first run also writes every result to OUT: per article its id, body,
 * removed lines (line, reason, text) and meta, so `cmp` tells whether two
 * builds clean alike. Build: see bench/README.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>

#include "rasad/clean.h"

typedef struct article {
    char *id, *source, *text;
    size_t n;
} article;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *dup_field(json_t *o, const char *key, size_t *n)
{
    json_t *v = json_object_get(o, key);
    const char *s = json_is_string(v) ? json_string_value(v) : "";
    size_t len = json_is_string(v) ? json_string_length(v) : 0;
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    if (n)
        *n = len;
    return out;
}

/* Reads every record of path into *out; returns the count, or -1. */
static long read_jsonl(const char *path, article **out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "clean_bench: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    article *v = NULL;
    size_t nv = 0, cap = 0, lcap = 0;
    char *line = NULL;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        json_error_t jerr;
        json_t *o = json_loadb(line, (size_t)len, 0, &jerr);
        if (!o || !json_is_object(o)) {
            fprintf(stderr, "clean_bench: bad record %zu: %s\n", nv + 1, jerr.text);
            json_decref(o);
            continue;
        }
        if (nv == cap) {
            cap = cap ? 2 * cap : 1024;
            article *nw = realloc(v, cap * sizeof *v);
            if (!nw) {
                json_decref(o);
                break;
            }
            v = nw;
        }
        article *a = &v[nv++];
        a->id = dup_field(o, "id", NULL);
        a->source = dup_field(o, "source", NULL);
        a->text = dup_field(o, "text", &a->n);
        json_decref(o);
    }
    free(line);
    fclose(f);
    *out = v;
    return (long)nv;
}

static void dump_result(FILE *d, const article *a, const rasad_clean_result *r)
{
    fprintf(d, "=== %s\n--- body %zu\n", a->id, r->body_len);
    fwrite(r->body, 1, r->body_len, d);
    fputc('\n', d);
    fprintf(d, "--- removed %zu\n", r->n_removed);
    for (size_t i = 0; i < r->n_removed; i++)
        fprintf(d, "%zu\t%s\t%s\n", r->removed[i].line,
                rasad_clean_reason_name(r->removed[i].reason), r->removed[i].text);
    fprintf(d, "--- meta %zu\n", r->n_meta);
    for (size_t i = 0; i < r->n_meta; i++)
        fprintf(d, "%s\t%s\n", r->meta[i].key, r->meta[i].value);
}

/* One run over all articles; returns seconds, or -1 on error. */
static double run(const article *v, size_t nv, FILE *dump)
{
    rasad_cleaner *c = rasad_cleaner_new();
    if (!c) {
        fprintf(stderr, "clean_bench: out of memory\n");
        return -1;
    }
    double t0 = now();
    for (size_t i = 0; i < nv; i++) {
        rasad_clean_result r;
        int rc = rasad_clean(c, v[i].source, v[i].text, v[i].n, &r);
        if (rc != RASAD_OK) {
            fprintf(stderr, "clean_bench: %s: %s\n", v[i].id, rasad_strerror(rc));
            rasad_cleaner_free(c);
            return -1;
        }
        if (dump)
            dump_result(dump, &v[i], &r);
        rasad_clean_result_free(&r);
    }
    double t = now() - t0;
    rasad_cleaner_free(c);
    return t;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

int main(int argc, char **argv)
{
    const char *dump_path = NULL, *path = NULL;
    int runs = 5;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump_path = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else
            path = argv[i];
    }
    if (!path || runs < 1 || runs > 99) {
        fprintf(stderr, "usage: clean_bench [--runs N] [--dump OUT] FILE.jsonl\n");
        return 2;
    }
    article *v = NULL;
    long nv = read_jsonl(path, &v);
    if (nv < 0)
        return 1;
    size_t bytes = 0;
    for (long i = 0; i < nv; i++)
        bytes += v[i].n;
    FILE *dump = NULL;
    if (dump_path && !(dump = fopen(dump_path, "wb"))) {
        fprintf(stderr, "clean_bench: cannot open '%s': %s\n", dump_path, strerror(errno));
        return 1;
    }
    double t[99];
    int status = 0;
    for (int k = 0; k < runs; k++) {
        t[k] = run(v, (size_t)nv, k == 0 ? dump : NULL);
        if (t[k] < 0) {
            status = 1;
            break;
        }
        printf("run %d: %.3f s, %.0f articles/s, %.2f MB/s\n", k + 1, t[k],
               (double)nv / t[k], (double)bytes / 1e6 / t[k]);
    }
    if (dump)
        fclose(dump);
    if (!status) {
        qsort(t, (size_t)runs, sizeof t[0], by_value);
        double m = t[runs / 2];
        printf("clean_bench: %ld articles, %zu bytes, median %.3f s, %.0f articles/s, "
               "%.2f MB/s\n", nv, bytes, m, (double)nv / m, (double)bytes / 1e6 / m);
    }
    for (long i = 0; i < nv; i++) {
        free(v[i].id);
        free(v[i].source);
        free(v[i].text);
    }
    free(v);
    return status;
}
