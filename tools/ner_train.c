/* ner_train.c - trains the named-entity model from corpora on disk.
 *
 * usage: rasad_ner_train --out MODEL [--epochs N] [--min-count N] [--seed N]
 *                        [--runs N] FORMAT:FILE...
 *
 * --runs N trains N times, each pass order drawn from the seed, and keeps
 * the average of the N weight sets (less dependence on one order).
 * --memory E trains with the document memory (docs/ner.md): the tags the
 * memory learns from are given by models of E passes trained on one half
 * of the sentences and tagging the other half. Each corpus file and each
 * -DOCSTART- line starts a document.
 *
 * FORMAT is the corpus's layout (plain or gzip, one token a line, blank
 * lines between sentences, "-DOCSTART-" lines ignored, CR before LF
 * dropped):
 *   peyma   token|TAG   with TAG as B_PER, I_LOC, O ... (PEYMA)
 *   conll   token<TAB>TAG with TAG as B-PER ... (NSURL-2019)
 *   arman   token TAG   with TAG as B-pers, I-org ... (ArmanPersoNER), mapped
 *                      by arman_map below: pers PER, loc LOC, org ORG; fac,
 *                      pro and event O (docs/ner.md says why)
 *   text    unlabeled running text, for the word clusters only
 *   gaz     gazetteer lists for the model's hashed gazetteer: CLASS<TAB>ENTRY
 *           a line, CLASS one of name (given names), province, city (Iran's);
 *           ENTRY's words separated by spaces. Only 64-bit hashes of the
 *           entries' forms go into the model (docs/ner.md)
 * A tag that is none of these counts as O and is reported once per name.
 * The sentences are used in the order given, so the same command gives the
 * same model bytes. docs/ner.md has the command that made models/ner.model. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "train_internal.h" /* rasad__ner_trainer_add_gaz */

enum fmt { PEYMA, CONLL, ARMAN, TEXT, GAZ };

static const struct format {
    const char *name;
    enum fmt fmt;
    char sep;      /* between token and tag */
    int last;      /* split at the last sep (1) or the first (0) */
} formats[] = {
    { "arman", ARMAN, ' ', 1 },
    { "conll", CONLL, '\t', 0 },
    { "gaz",   GAZ,   '\t', 0 },
    { "peyma", PEYMA, '|', 1 },
    { "text",  TEXT,  0,   0 },
};

static const struct { const char *from, *to; } arman_map[] = {
    { "event", NULL }, { "fac", NULL }, { "loc", "LOC" }, { "org", "ORG" },
    { "pers", "PER" }, { "pro", NULL },
};

typedef struct sent {
    char **tok;
    size_t *len;
    uint8_t *tag;
    size_t n, cap;
} sent;

static const char *const gaz_class[] = { "name", "province", "city" }; /* enum ner_mgaz_class */

static uint64_t sentences, tokens, unknown_tags, text_lines, gaz_entries;

static void die(const char *what)
{
    fprintf(stderr, "rasad_ner_train: %s\n", what);
    exit(1);
}

static int tag_of(enum fmt fmt, const char *t, size_t n)
{
    if (fmt == ARMAN && n > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-') {
        for (size_t i = 0; i < sizeof arman_map / sizeof arman_map[0]; i++) {
            if (strlen(arman_map[i].from) != n - 2 || memcmp(arman_map[i].from, t + 2, n - 2))
                continue;
            if (!arman_map[i].to)
                return 0;
            char buf[8];
            snprintf(buf, sizeof buf, "%c-%s", t[0], arman_map[i].to);
            return rasad_ner_tag_parse(buf, strlen(buf));
        }
        return -1;
    }
    return rasad_ner_tag_parse(t, n);
}

static void flush(rasad_ner_trainer *tr, sent *s)
{
    if (s->n == 0)
        return;
    if (rasad_ner_trainer_add(tr, (const char *const *)s->tok, s->len, s->tag, s->n) != RASAD_OK)
        die("out of memory");
    sentences++;
    tokens += s->n;
    for (size_t i = 0; i < s->n; i++)
        free(s->tok[i]);
    s->n = 0;
}

static void push(sent *s, const char *tok, size_t n, int tag)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->tok = realloc(s->tok, s->cap * sizeof *s->tok);
        s->len = realloc(s->len, s->cap * sizeof *s->len);
        s->tag = realloc(s->tag, s->cap);
        if (!s->tok || !s->len || !s->tag)
            die("out of memory");
    }
    if (!(s->tok[s->n] = malloc(n + 1)))
        die("out of memory");
    memcpy(s->tok[s->n], tok, n);
    s->tok[s->n][n] = '\0';
    s->len[s->n] = n;
    s->tag[s->n] = (uint8_t)tag;
    s->n++;
}

static void read_corpus(rasad_ner_trainer *tr, const struct format *f, const char *path)
{
    gzFile gz = gzopen(path, "rb");
    char line[65536];
    sent s = { 0 };
    unsigned long lineno = 0;

    if (!gz) {
        fprintf(stderr, "rasad_ner_train: cannot open '%s': %s\n", path, strerror(errno));
        exit(1);
    }
    rasad__ner_trainer_doc_break(tr); /* a corpus is a document of its own at least */
    while (gzgets(gz, line, sizeof line)) {
        size_t n = strlen(line);
        const char *sep = NULL;
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        line[n] = '\0';
        if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            memmove(line, line + 3, n - 2);
            n -= 3;
        }
        if (f->fmt == TEXT) {
            if (rasad_ner_trainer_add_text(tr, line, n) != RASAD_OK)
                die("out of memory");
            text_lines++;
            continue;
        }
        if (f->fmt == GAZ) {
            const char *tab = memchr(line, '\t', n);
            size_t c;
            for (c = 0; tab && c < sizeof gaz_class / sizeof gaz_class[0]; c++)
                if (strlen(gaz_class[c]) == (size_t)(tab - line) &&
                    memcmp(gaz_class[c], line, (size_t)(tab - line)) == 0)
                    break;
            if (!tab || c == sizeof gaz_class / sizeof gaz_class[0]) {
                if (n > 0)
                    fprintf(stderr, "%s:%lu: not CLASS<TAB>ENTRY: skipped\n", path, lineno);
                continue;
            }
            if (rasad__ner_trainer_add_gaz(tr, (unsigned)c, tab + 1, (size_t)(line + n - tab - 1)) !=
                RASAD_OK)
                die("out of memory");
            gaz_entries++;
            continue;
        }
        if (n == 0 || strncmp(line, "-DOCSTART-", 10) == 0) {
            flush(tr, &s);
            if (n > 0)
                rasad__ner_trainer_doc_break(tr);
            continue;
        }
        for (size_t i = 0; i < n; i++)
            if (line[i] == f->sep) {
                sep = line + i;
                if (!f->last)
                    break;
            }
        if (!sep || sep == line) {
            fprintf(stderr, "%s:%lu: no token%ctag: skipped\n", path, lineno, f->sep);
            continue;
        }
        int tag = tag_of(f->fmt, sep + 1, (size_t)(line + n - sep - 1));
        if (tag < 0) {
            unknown_tags++;
            fprintf(stderr, "%s:%lu: unknown tag '%s': taken as O\n", path, lineno, sep + 1);
            tag = 0;
        }
        push(&s, line, (size_t)(sep - line), tag);
    }
    flush(tr, &s);
    gzclose(gz);
    free(s.tok);
    free(s.len);
    free(s.tag);
}

static void progress(void *ctx, unsigned epoch, uint64_t errors, uint64_t toks)
{
    (void)ctx;
    fprintf(stderr, "epoch %u: %llu of %llu tokens wrong (%.2f%%)\n", epoch,
            (unsigned long long)errors, (unsigned long long)toks, 100.0 * errors / toks);
}

static unsigned long num(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end)
        die("a number was expected");
    return v;
}

int main(int argc, char **argv)
{
    rasad_ner_train_opts opts = { 10, 1, 0, 1 };
    rasad_ner_trainer *tr;
    const char *out = NULL;
    char *model;
    size_t model_n;
    int i;

    if (rasad_ner_trainer_new(&tr) != RASAD_OK)
        die("out of memory");
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
            opts.epochs = (unsigned)num(argv[++i]);
        else if (strcmp(argv[i], "--min-count") == 0 && i + 1 < argc)
            opts.min_count = (unsigned)num(argv[++i]);
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            opts.runs = (unsigned)num(argv[++i]);
        else if (strcmp(argv[i], "--memory") == 0 && i + 1 < argc)
            rasad__ner_trainer_set_memory(tr, (unsigned)num(argv[++i]));
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            opts.seed = num(argv[++i]);
        else {
            const char *colon = strchr(argv[i], ':');
            size_t k;
            for (k = 0; colon && k < sizeof formats / sizeof formats[0]; k++)
                if (strlen(formats[k].name) == (size_t)(colon - argv[i]) &&
                    memcmp(formats[k].name, argv[i], (size_t)(colon - argv[i])) == 0)
                    break;
            if (!colon || k == sizeof formats / sizeof formats[0])
                die("usage: rasad_ner_train --out MODEL [--epochs N] [--min-count N] [--seed N] [--runs N] "
                    "[--memory E] "
                    "peyma|conll|arman|text|gaz:FILE...");
            read_corpus(tr, &formats[k], colon + 1);
        }
    }
    if (!out)
        die("--out MODEL is required");
    fprintf(stderr, "%llu sentences, %llu tokens, %llu unknown tags, %llu lines of text, "
            "%llu gazetteer entries\n",
            (unsigned long long)sentences, (unsigned long long)tokens,
            (unsigned long long)unknown_tags, (unsigned long long)text_lines,
            (unsigned long long)gaz_entries);
    int rc = rasad_ner_trainer_run(tr, &opts, progress, NULL, &model, &model_n);
    if (rc != RASAD_OK)
        die(rasad_strerror(rc));
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(model, 1, model_n, f) != model_n || fclose(f) != 0)
        die("cannot write the model");
    fprintf(stderr, "wrote %s: %zu bytes\n", out, model_n);
    rasad_free(model);
    rasad_ner_trainer_free(tr);
    return 0;
}
