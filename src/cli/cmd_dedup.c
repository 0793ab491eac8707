/* cmd_dedup.c - rasad dedup: a streaming JSONL filter that marks or drops
 * exact and near-duplicate articles. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include <zlib.h>
#include "rasad/dedup.h"
#include "cli.h"

static const char usage[] =
    "usage: rasad dedup [--threshold J] [--mode mark|drop] [--field NAME] [--id NAME]\n"
    "                   [--json-stats] [--quiet] [--dump-shingles] [FILE...]\n"
    "\n"
    "Reads JSONL (standard input when no FILE; .gz is read transparently), one\n"
    "article a line, and finds the lines whose text duplicates an earlier line's:\n"
    "the same normalized tokens (exact), or word 5-shingles with Jaccard >= J\n"
    "(near: MinHash + LSH, then an exact Jaccard check). The earliest line of a\n"
    "group is its canonical. Variants of letters, digits and ZWNJ do not count as\n"
    "differences. The same input gives the same output on every run.\n"
    "\n"
    "options:\n"
    "  --threshold J   near-duplicate Jaccard, 0 < J <= 1 (default 0.8)\n"
    "  --mode mark     write every line; a duplicate gets \"dup_of\" (the id of its\n"
    "                  group's canonical line, or that line's number counted over\n"
    "                  all input from 1 when it has no id) and \"jaccard\" (default)\n"
    "  --mode drop     write only the lines that are not duplicates\n"
    "  --field NAME    the field holding the text (default text)\n"
    "  --id NAME       the field holding the id (default id)\n"
    "  --json-stats    the closing statistics as one JSON object on stderr\n"
    "  --quiet         no progress line and no closing statistics\n"
    "  --dump-shingles instead of filtering, write one line per article:\n"
    "                  {\"line\", \"id\", \"fp\", \"shingles\"} (hashes as 16 hex digits;\n"
    "                  for bench/dedup_eval.py)\n"
    "  -h, --help      show this help\n"
    "\n"
    "A line that is not a JSON object, or has no string NAME field, is written\n"
    "unchanged (in both modes) with a FILE:LINE warning on stderr. On a terminal\n"
    "a progress line shows lines/s; the end prints lines, duplicates, kept lines,\n"
    "articles/s and memory to stderr. Memory grows with the canonical lines only\n"
    "(about 2 KB each for news articles: docs/dedup.md).\n"
    "exit status: 0 all input read, 1 a file could not be read (or out of memory),\n"
    "2 usage error\n";

enum mode { MARK, DROP, DUMP };

enum { FATAL = -1 }; /* stops reading: out of memory */

typedef struct run {
    rasad_dedup *d;
    enum mode mode;
    const char *field, *idfield;
    int json_stats, quiet, tty;
    double threshold;      /* --threshold */
    char **canon;          /* canon[k]: the JSON text of canonical k's id */
    size_t ncanon, canoncap;
    uint64_t canon_bytes;  /* held by canon[] strings */
    uint64_t lines, passed, exact, nearer, kept, empty, warned;
    uint64_t lineno;       /* over all input */
    double t0, last;
} run;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- options: a table, sorted by name ----------------------------------- */

typedef int (*opt_fn)(run *r, const char *val);

static int opt_field(run *r, const char *v) { r->field = v; return 0; }
static int opt_id(run *r, const char *v) { r->idfield = v; return 0; }
static int opt_json_stats(run *r, const char *v) { (void)v; r->json_stats = 1; return 0; }
static int opt_quiet(run *r, const char *v) { (void)v; r->quiet = 1; return 0; }
static int opt_dump(run *r, const char *v) { (void)v; r->mode = DUMP; return 0; }

static int opt_mode(run *r, const char *v)
{
    if (strcmp(v, "mark") == 0)
        r->mode = MARK;
    else if (strcmp(v, "drop") == 0)
        r->mode = DROP;
    else
        return cli_usage_error("dedup", "--mode is mark or drop, not '%s'", v);
    return 0;
}

static int opt_threshold(run *r, const char *v)
{
    char *end;
    errno = 0;
    r->threshold = strtod(v, &end);
    if (errno || end == v || *end || !(r->threshold > 0 && r->threshold <= 1))
        return cli_usage_error("dedup", "--threshold needs a number in (0, 1], not '%s'", v);
    return 0;
}

static const struct option {
    const char *name;
    int has_value;
    opt_fn fn;
} options[] = {
    { "--dump-shingles", 0, opt_dump },
    { "--field",         1, opt_field },
    { "--id",            1, opt_id },
    { "--json-stats",    0, opt_json_stats },
    { "--mode",          1, opt_mode },
    { "--quiet",         0, opt_quiet },
    { "--threshold",     1, opt_threshold },
};

/* ---- output ---------------------------------------------------------------- */

static void put_line(const char *line, size_t n, int has_nl)
{
    fwrite(line, 1, n, stdout);
    if (has_nl)
        putchar('\n');
}

static void warn(run *r, const char *file, uint64_t lineno, const char *what)
{
    r->warned++;
    if (r->tty && !r->quiet)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "%s:%llu: %s\n", file, (unsigned long long)lineno, what);
}

/* The line with ,"dup_of":X,"jaccard":J spliced in before its closing '}',
 * so every other byte stays as it came. */
static void put_marked(const char *line, size_t n, int has_nl, const char *dup_of, double j)
{
    size_t end = n;
    while (end > 0 && line[end - 1] != '}')
        end--;
    fwrite(line, 1, end - 1, stdout);
    printf(",\"dup_of\":%s,\"jaccard\":%.4f", dup_of, j);
    fwrite(line + end - 1, 1, n - end + 1, stdout);
    if (has_nl)
        putchar('\n');
}

/* A line that already has "dup_of" or "jaccard" (the output of an earlier
 * run): the object is written again with the two set, so that no key is
 * there twice. */
static void put_remarked(json_t *obj, int has_nl, const char *dup_of, double j)
{
    json_t *d = json_loads(dup_of, JSON_DECODE_ANY, NULL);
    json_object_set_new(obj, "dup_of", d ? d : json_null());
    json_object_set_new(obj, "jaccard", json_real((double)(long)(j * 10000 + 0.5) / 10000));
    char *s = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (s)
        fputs(s, stdout);
    free(s);
    if (has_nl)
        putchar('\n');
}

/* The JSON text naming canonical line lineno: its id, else the number. */
static char *id_text(const run *r, json_t *obj, uint64_t lineno)
{
    json_t *id = json_object_get(obj, r->idfield);
    char num[32];
    if (id && (json_is_string(id) || json_is_integer(id)))
        return json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
    snprintf(num, sizeof num, "%llu", (unsigned long long)lineno);
    return strdup(num);
}

static int add_canon(run *r, char *text)
{
    if (!text)
        return -1;
    if (r->ncanon == r->canoncap) {
        size_t c = r->canoncap ? 2 * r->canoncap : 1024;
        char **nc = realloc(r->canon, c * sizeof *nc);
        if (!nc) {
            free(text);
            return -1;
        }
        r->canon = nc;
        r->canoncap = c;
    }
    r->canon[r->ncanon++] = text;
    r->canon_bytes += strlen(text) + 1 + 16; /* + malloc's overhead */
    return 0;
}

static void dump_shingles(run *r, json_t *obj, const char *text, size_t n)
{
    const uint64_t *sh;
    size_t nsh;
    uint64_t fp;
    json_t *id = json_object_get(obj, r->idfield);
    char *ids = id ? json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    if (rasad_dedup_shingles(r->d, text, n, &sh, &nsh, &fp) != RASAD_OK)
        nsh = 0, fp = 0;
    printf("{\"line\":%llu,\"id\":%s,\"fp\":\"%016llx\",\"shingles\":[",
           (unsigned long long)r->lineno, ids ? ids : "null", (unsigned long long)fp);
    for (size_t i = 0; i < nsh; i++)
        printf("%s\"%016llx\"", i ? "," : "", (unsigned long long)sh[i]);
    fputs("]}\n", stdout);
    free(ids);
}

/* ---- one line ---------------------------------------------------------------- */

static int on_line(run *r, const char *file, uint64_t fline, const char *line, size_t n,
                   int has_nl)
{
    json_error_t err;
    json_t *obj, *t;
    rasad_dedup_result res;
    char what[200];
    int rc;

    r->lines++;
    r->lineno++;
    obj = json_loadb(line, n, JSON_ALLOW_NUL, &err);
    if (!obj || !json_is_object(obj)) {
        snprintf(what, sizeof what, obj ? "not a JSON object, passed through" :
                 "invalid JSON (%s), passed through", err.text);
        goto pass;
    }
    t = json_object_get(obj, r->field);
    if (!t || !json_is_string(t)) {
        snprintf(what, sizeof what, "no string field '%s', passed through", r->field);
        goto pass;
    }
    if (r->mode == DUMP) {
        dump_shingles(r, obj, json_string_value(t), json_string_length(t));
        json_decref(obj);
        return 0;
    }
    rc = rasad_dedup_add(r->d, r->ncanon, json_string_value(t), json_string_length(t), &res);
    if (rc != RASAD_OK) {
        snprintf(what, sizeof what, "%s, passed through", rasad_strerror(rc));
        goto pass;
    }
    if (res.group != r->ncanon) { /* a duplicate */
        if (res.exact_of != RASAD_DEDUP_NONE)
            r->exact++;
        else
            r->nearer++;
        if (r->mode == MARK && (json_object_get(obj, "dup_of") || json_object_get(obj, "jaccard")))
            put_remarked(obj, has_nl, r->canon[res.group], res.jaccard);
        else if (r->mode == MARK)
            put_marked(line, n, has_nl, r->canon[res.group], res.jaccard);
    } else {
        r->kept++;
        if (res.shingles == 0)
            r->empty++;
        else if (add_canon(r, id_text(r, obj, r->lineno)) != 0) {
            json_decref(obj);
            cli_error("out of memory");
            return FATAL;
        }
        put_line(line, n, has_nl);
    }
    json_decref(obj);
    return 0;
pass:
    json_decref(obj);
    r->passed++;
    warn(r, file, fline, what);
    put_line(line, n, has_nl);
    return 0;
}

static void progress(run *r)
{
    double t;
    if (!r->tty || r->quiet || (r->lines & 255) != 0)
        return;
    t = now_s();
    if (t - r->last < 0.2)
        return;
    r->last = t;
    fprintf(stderr, "\r\033[Kdedup: %llu lines (%.0f/s), %llu duplicates",
            (unsigned long long)r->lines, r->lines / (t - r->t0 > 1e-6 ? t - r->t0 : 1e-6),
            (unsigned long long)(r->exact + r->nearer));
}

/* ---- input: plain or gzip, through zlib; lines split by hand (NULs kept) -- */

typedef struct linebuf {
    char *p;
    size_t n, cap;
} linebuf;

static int lb_append(linebuf *b, const char *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t c = b->cap ? b->cap : 65536;
        char *np;
        while (c < b->n + n)
            c *= 2;
        if (!(np = realloc(b->p, c)))
            return -1;
        b->p = np;
        b->cap = c;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

static int each_line(run *r, gzFile g, const char *name, linebuf *b)
{
    char chunk[65536];
    uint64_t fline = 0;
    int k, rc;
    b->n = 0;
    while ((k = gzread(g, chunk, sizeof chunk)) > 0) {
        const char *s = chunk, *end = chunk + k;
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            if (lb_append(b, s, (size_t)((nl ? nl : end) - s)) != 0) {
                cli_error("out of memory");
                return FATAL;
            }
            if (!nl)
                break;
            if ((rc = on_line(r, name, ++fline, b->p, b->n, 1)) != 0)
                return rc;
            progress(r);
            b->n = 0;
            s = nl + 1;
        }
    }
    if (k < 0) {
        int e;
        cli_error("cannot read '%s': %s", name, gzerror(g, &e));
        return CLI_SOME_FAILED;
    }
    if (b->n)
        return on_line(r, name, ++fline, b->p, b->n, 0);
    return 0;
}

static int read_all(run *r, char **files, int nfiles)
{
    linebuf b = { NULL, 0, 0 };
    int status = CLI_OK;
    for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
        const char *name = nfiles ? files[i] : "-";
        int fd = strcmp(name, "-") == 0 ? dup(STDIN_FILENO) : -1;
        gzFile g = fd >= 0 ? gzdopen(fd, "rb") : gzopen(name, "rb");
        int rc;
        if (!g) {
            cli_error("cannot open '%s': %s", name, errno ? strerror(errno) : "out of memory");
            if (fd >= 0)
                close(fd);
            status = CLI_SOME_FAILED;
            continue;
        }
        gzbuffer(g, 1 << 17);
        rc = each_line(r, g, strcmp(name, "-") == 0 ? "<stdin>" : name, &b);
        gzclose(g);
        if (rc != 0)
            status = CLI_SOME_FAILED;
        if (rc == FATAL)
            break;
    }
    free(b.p);
    return status;
}

/* ---- statistics ------------------------------------------------------------ */

static long peak_rss_kb(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

static void stats(const run *r, double secs)
{
    const rasad_dedup_stats *st = rasad_dedup_get_stats(r->d);
    double rate = secs > 1e-6 ? r->lines / secs : 0;
    double mib = (st->bytes + r->canon_bytes + r->canoncap * sizeof(char *)) / 1048576.0;
    if (r->json_stats) {
        fprintf(stderr, "{\"lines\":%llu,\"exact\":%llu,\"near\":%llu,\"kept\":%llu,"
                "\"passed_through\":%llu,\"no_tokens\":%llu,\"seconds\":%.3f,"
                "\"articles_per_second\":%.1f,\"index_bytes\":%llu,\"state_mib\":%.1f,"
                "\"peak_rss_kb\":%ld}\n",
                (unsigned long long)r->lines, (unsigned long long)r->exact,
                (unsigned long long)r->nearer, (unsigned long long)r->kept,
                (unsigned long long)r->passed, (unsigned long long)r->empty, secs, rate,
                (unsigned long long)st->bytes, mib, peak_rss_kb());
        return;
    }
    fprintf(stderr, "dedup: %llu lines, %llu exact duplicates, %llu near duplicates, "
            "%llu kept, %llu passed through; %.1f s, %.0f articles/s; "
            "state %.1f MiB, peak RSS %.1f MiB\n",
            (unsigned long long)r->lines, (unsigned long long)r->exact,
            (unsigned long long)r->nearer, (unsigned long long)r->kept,
            (unsigned long long)r->passed, secs, rate, mib, peak_rss_kb() / 1024.0);
}

int cmd_dedup(int argc, char **argv)
{
    run r;
    rasad_dedup_opts o;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0, rc, i;
    size_t k;

    if (!files) {
        cli_error("out of memory");
        return CLI_SOME_FAILED;
    }
    memset(&r, 0, sizeof r);
    r.field = "text";
    r.idfield = "id";
    r.threshold = RASAD_DEDUP_THRESHOLD;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            free(files);
            return CLI_OK;
        }
        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                files[nfiles++] = argv[i];
            break;
        }
        if (a[0] != '-' || !a[1]) {
            files[nfiles++] = argv[i];
            continue;
        }
        for (k = 0; k < sizeof options / sizeof options[0]; k++)
            if (strcmp(a, options[k].name) == 0)
                break;
        if (k == sizeof options / sizeof options[0]) {
            free(files);
            return cli_usage_error("dedup", "unknown option '%s'", a);
        }
        if (options[k].has_value && i + 1 >= argc) {
            free(files);
            return cli_usage_error("dedup", "%s needs a value", a);
        }
        if ((rc = options[k].fn(&r, options[k].has_value ? argv[++i] : NULL)) != 0) {
            free(files);
            return rc;
        }
    }
    memset(&o, 0, sizeof o);
    o.threshold = r.threshold;
    if (rasad_dedup_new(&o, &r.d) != RASAD_OK) {
        cli_error("out of memory");
        free(files);
        return CLI_SOME_FAILED;
    }
    r.tty = isatty(STDERR_FILENO);
    r.t0 = r.last = now_s();
    rc = read_all(&r, files, nfiles);
    if (r.tty && !r.quiet)
        fputs("\r\033[K", stderr);
    if (fflush(stdout) != 0) {
        cli_error("cannot write: %s", strerror(errno));
        rc = CLI_SOME_FAILED;
    }
    if (!r.quiet && r.mode != DUMP)
        stats(&r, now_s() - r.t0);
    for (k = 0; k < r.ncanon; k++)
        free(r.canon[k]);
    free(r.canon);
    rasad_dedup_free(r.d);
    free(files);
    return rc;
}
