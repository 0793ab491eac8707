/* test_ner.c - the named-entity tagger: tag names, CoNLL lines, training a
 * small model on sentences written for this test (it must learn them, and
 * give the same bytes twice), the two-sided document memory (a sentence
 * sees the first-pass tags of the sentences before and after it, within
 * the window), the model loader refusing damaged files,
 * failing allocations, and the shipped model on clear cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "hash.h"
#include "th.h"
/* the trainer's internal entry points (the model's gazetteer, the document
 * memory), as tools/ner_train.c uses them */
#include "../../src/core/ner/train_internal.h"
/* the tagger's state, to see what the document memory gave a sentence */
#include "../../src/core/ner/tagger.h"

/* Sentences written for this test: token|TAG separated by spaces. */
static const char *const train_sents[] = {
    "سردار|B-PER حسین|I-PER دهقان|I-PER وزیر|O دفاع|O به|O مسکو|B-LOC رفت|O .|O",
    "سرگئی|B-PER شویگو|I-PER در|O تهران|B-LOC گفت|O همکاری|O ادامه|O دارد|O .|O",
    "وزارت|B-ORG امور|I-ORG خارجه|I-ORG روسیه|I-ORG بیانیه|O داد|O .|O",
    "قیمت|O نفت|O در|O ۱۲|B-DAT مهر|I-DAT ۱۴۰۲|I-DAT ۲۰|B-PCT درصد|I-PCT بالا|O رفت|O .|O",
    "دکتر|O علی|B-PER رضایی|I-PER در|O دانشگاه|B-ORG تهران|I-ORG سخنرانی|O کرد|O .|O",
    "ساعت|B-TIM ۱۰|I-TIM صبح|I-TIM ۵۰۰|B-MON میلیون|I-MON ریال|I-MON پرداخت|O شد|O .|O",
    "حجت‌الاسلام|O محمدی|B-PER با|O سفیر|O فرانسه|B-LOC در|O اصفهان|B-LOC دیدار|O کرد|O .|O",
    "شرکت|B-ORG ملی|I-ORG نفت|I-ORG ایران|I-ORG گزارش|O داد|O .|O",
};
#define NSENT (sizeof train_sents / sizeof train_sents[0])
#define MAXTOK 32

typedef struct sent {
    const char *tok[MAXTOK];
    size_t len[MAXTOK];
    uint8_t tags[MAXTOK];
    size_t n;
    char buf[1024];
} sent;

static void split(const char *src, sent *s)
{
    char *p = s->buf;
    snprintf(s->buf, sizeof s->buf, "%s", src);
    s->n = 0;
    while (*p && s->n < MAXTOK) {
        char *sp = strchr(p, ' '), *bar;
        if (sp)
            *sp = '\0';
        bar = strrchr(p, '|');
        *bar = '\0';
        s->tok[s->n] = p;
        s->len[s->n] = strlen(p);
        s->tags[s->n] = (uint8_t)rasad_ner_tag_parse(bar + 1, strlen(bar + 1));
        s->n++;
        p = sp ? sp + 1 : bar + 1 + strlen(bar + 1);
    }
}

static char *train_with(size_t *n, int gaz_mem);

static char *train(size_t *n)
{
    return train_with(n, 0);
}

/* Gazetteer lines written for this test (class, entry). */
static const struct { unsigned cls; const char *entry; } gaz_lines[] = {
    { MGAZ_NAME, "حسین" }, { MGAZ_NAME, "علی" }, { MGAZ_NAME, "سرگئی" },
    { MGAZ_CITY, "اصفهان" }, { MGAZ_PROVINCE, "استان تهران" }, { MGAZ_CITY, "شهر نمونه" },
};

static char *train_with(size_t *n, int gaz_mem)
{
    rasad_ner_trainer *tr;
    rasad_ner_train_opts opts = { 8, 1, 42, 2 };
    char *out = NULL;
    static sent s;

    TH_EQ_INT(rasad_ner_trainer_new(&tr), RASAD_OK);
    if (gaz_mem) {
        for (size_t i = 0; i < sizeof gaz_lines / sizeof gaz_lines[0]; i++)
            TH_EQ_INT(rasad__ner_trainer_add_gaz(tr, gaz_lines[i].cls, gaz_lines[i].entry,
                                                 strlen(gaz_lines[i].entry)), RASAD_OK);
        TH_EQ_INT(rasad__ner_trainer_add_gaz(tr, MGAZ_NCLASSES, "x", 1), RASAD_INVAL);
        rasad__ner_trainer_set_memory(tr, 2);
    }
    for (size_t i = 0; i < NSENT; i++) {
        split(train_sents[i], &s);
        TH_EQ_INT(rasad_ner_trainer_add(tr, s.tok, s.len, s.tags, s.n), RASAD_OK);
    }
    uint8_t bad = RASAD_NER_NTAGS;
    TH_EQ_INT(rasad_ner_trainer_add(tr, s.tok, s.len, &bad, 1), RASAD_INVAL);
    TH_EQ_INT(rasad_ner_trainer_run(tr, &opts, NULL, NULL, &out, n), RASAD_OK);
    char *again;
    size_t again_n;
    TH_EQ_INT(rasad_ner_trainer_run(tr, &opts, NULL, NULL, &again, &again_n), RASAD_INVAL);
    TH_CHECK(again == NULL);
    rasad_ner_trainer_free(tr);
    TH_CHECK(out != NULL);
    return out;
}

static void test_names(void)
{
    TH_EQ_STR(rasad_ner_tag_name(0), "O");
    TH_EQ_STR(rasad_ner_tag_name(RASAD_NER_B(RASAD_NER_PER)), "B-PER");
    TH_EQ_STR(rasad_ner_tag_name(RASAD_NER_I(RASAD_NER_PCT)), "I-PCT");
    TH_EQ_STR(rasad_ner_tag_name(99), "O");
    TH_EQ_STR(rasad_ner_type_name(RASAD_NER_ORG), "ORG");
    TH_EQ_STR(rasad_ner_type_name(0), "");
    for (int t = 0; t < RASAD_NER_NTAGS; t++) {
        const char *name = rasad_ner_tag_name(t);
        TH_EQ_INT(rasad_ner_tag_parse(name, strlen(name)), t);
    }
    TH_EQ_INT(rasad_ner_tag_parse("B_LOC", 5), RASAD_NER_B(RASAD_NER_LOC));
    TH_EQ_INT(rasad_ner_tag_parse("B-pers", 6), -1);
    TH_EQ_INT(rasad_ner_tag_parse("", 0), -1);
    TH_EQ_INT(rasad_ner_tag_parse("X-PER", 5), -1);
}

static void test_conll_line(void)
{
    size_t n;
    TH_EQ_INT(rasad_ner_conll_line("", 0, &n), RASAD_NER_LINE_BLANK);
    TH_EQ_INT(rasad_ner_conll_line(" \t\r", 3, &n), RASAD_NER_LINE_BLANK);
    TH_EQ_INT(rasad_ner_conll_line("-DOCSTART- -X- O", 16, &n), RASAD_NER_LINE_DOCSTART);
    TH_EQ_INT(rasad_ner_conll_line("تهران\tB-LOC", strlen("تهران\tB-LOC"), &n), RASAD_NER_LINE_TOKEN);
    TH_EQ_INT(n, strlen("تهران"));
    TH_EQ_INT(rasad_ner_conll_line("مسکو\r", strlen("مسکو\r"), &n), RASAD_NER_LINE_TOKEN);
    TH_EQ_INT(n, strlen("مسکو"));
    TH_EQ_INT(rasad_ner_conll_line("a b", 3, &n), RASAD_NER_LINE_TOKEN);
    TH_EQ_INT(n, 3);
}

static void test_learns(const char *model, size_t n)
{
    rasad_ner_model *m;
    rasad_ner *t;
    static sent s;
    uint8_t tags[MAXTOK];
    size_t wrong = 0;

    TH_EQ_INT(rasad_ner_model_parse(model, n, &m), RASAD_OK);
    TH_CHECK(rasad_ner_model_features(m) > 100);
    TH_EQ_INT(rasad_ner_new(m, &t), RASAD_OK);
    for (size_t i = 0; i < NSENT; i++) {
        split(train_sents[i], &s);
        TH_EQ_INT(rasad_ner_tag(t, s.tok, s.len, s.n, tags), RASAD_OK);
        for (size_t k = 0; k < s.n; k++)
            wrong += tags[k] != s.tags[k];
    }
    TH_EQ_INT(wrong, 0);
    /* The same words in other spellings: Arabic yeh and kaf, no ZWNJ. */
    const char *tok[] = { "سرگئي", "شويگو", "در", "تهران", "گفت" };
    size_t len[5];
    for (int i = 0; i < 5; i++)
        len[i] = strlen(tok[i]);
    TH_EQ_INT(rasad_ner_tag(t, tok, len, 5, tags), RASAD_OK);
    TH_EQ_INT(tags[0], RASAD_NER_B(RASAD_NER_PER));
    TH_EQ_INT(tags[1], RASAD_NER_I(RASAD_NER_PER));
    TH_EQ_INT(tags[3], RASAD_NER_B(RASAD_NER_LOC));
    /* empty sentence, empty token, a token of binary bytes */
    TH_EQ_INT(rasad_ner_tag(t, tok, len, 0, tags), RASAD_OK);
    const char *odd[] = { "", "\xff\xfe\x00", "." };
    size_t oddlen[] = { 0, 3, 1 };
    TH_EQ_INT(rasad_ner_tag(t, odd, oddlen, 3, tags), RASAD_OK);
    rasad_ner_free(t);
    rasad_ner_model_free(m);
}

/* Adds the sentence of space-separated words src to t's document. */
static int doc_add(rasad_ner *t, const char *src)
{
    static sent s;
    char buf[1024];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", src);
    for (char *p = strtok(buf, " "); p && n < MAXTOK; p = strtok(NULL, " ")) {
        size_t l = strlen(p);
        memcpy(s.buf + (n ? (size_t)(s.tok[n - 1] - s.buf) + s.len[n - 1] + 1 : 0), p, l);
        s.tok[n] = s.buf + (n ? (size_t)(s.tok[n - 1] - s.buf) + s.len[n - 1] + 1 : 0);
        s.len[n++] = l;
    }
    return rasad_ner_doc_add(t, s.tok, s.len, n);
}

/* The document memory, two-sided: sentences written for this test. */
static void test_document(const char *model, size_t mn)
{
    rasad_ner_model *m;
    rasad_ner *t;
    uint8_t tags[MAXTOK], again[MAXTOK];
    size_t n, n2;
    char filler[128];

    TH_EQ_INT(rasad_ner_model_parse(model, mn, &m), RASAD_OK);
    TH_EQ_INT(rasad_ner_new(m, &t), RASAD_OK);

    /* a surname alone, then the full name: the first sentence's second
     * pass sees the forms of the second (after it), not the other way */
    TH_EQ_INT(doc_add(t, "شویگو امروز گفت ."), RASAD_OK);
    TH_EQ_INT(doc_add(t, "سرگئی شویگو در تهران گفت ."), RASAD_OK);
    TH_EQ_INT(rasad_ner_doc_next(t, 0, tags, MAXTOK, &n), 0); /* the sentences after: not yet */
    TH_EQ_INT(n, 0);
    TH_EQ_INT(rasad_ner_tag(t, NULL, NULL, 0, tags), RASAD_INVAL); /* two waiting */
    TH_EQ_INT(rasad_ner_doc_next(t, 1, tags, 3, &n), RASAD_INVAL); /* no room: not taken */
    TH_EQ_INT(rasad_ner_doc_next(t, 1, tags, MAXTOK, &n), 1);
    TH_EQ_INT(n, 4);
    TH_CHECK(t->mt[0].past == 0 && t->mt[0].fut != 0);  /* شویگو: after only */
    TH_CHECK(t->mt[2].past == 0 && t->mt[2].fut != 0);  /* گفت */
    TH_CHECK(t->mt[1].past == 0 && t->mt[1].fut == 0);  /* امروز: nowhere else */
    TH_EQ_INT(rasad_ner_doc_next(t, 1, tags, MAXTOK, &n), 1);
    TH_EQ_INT(n, 6);
    TH_CHECK(t->mt[1].past != 0 && t->mt[1].fut == 0);  /* شویگو: before only */
    TH_CHECK(t->mt[3].past == 0 && t->mt[3].fut == 0);  /* تهران */
    TH_EQ_INT(rasad_ner_doc_next(t, 1, tags, MAXTOK, &n), 0); /* none left */
    for (size_t i = 0; i < n; i++)
        TH_CHECK(!RASAD_NER_TAG_IS_I(tags[i]) || (i > 0 && tags[i - 1] != 0));

    /* the window: 20 sentences after; a form in the 21st is not seen */
    rasad_ner_reset(t);
    TH_EQ_INT(doc_add(t, "شویگو در تهران ."), RASAD_OK);
    for (int k = 1; k <= RASAD_NER_DOC_WINDOW + 1; k++) {
        snprintf(filler, sizeof filler, "جمله %s شماره %d .",
                 k == RASAD_NER_DOC_WINDOW ? "تهران" : k == RASAD_NER_DOC_WINDOW + 1 ? "شویگو" : "",
                 k);
        if (k == RASAD_NER_DOC_WINDOW)
            TH_EQ_INT(rasad_ner_doc_next(t, 0, tags, MAXTOK, &n), 0); /* 19 after it */
        TH_EQ_INT(doc_add(t, filler), RASAD_OK);
    }
    TH_EQ_INT(rasad_ner_doc_next(t, 0, tags, MAXTOK, &n), 1);
    TH_EQ_INT(n, 4);
    TH_CHECK(t->mt[0].fut == 0);  /* شویگو: the 21st sentence after */
    TH_CHECK(t->mt[2].fut != 0);  /* تهران: the 20th */
    TH_EQ_INT(rasad_ner_doc_next(t, 0, tags, MAXTOK, &n), 1); /* 20 after the second */
    TH_EQ_INT(rasad_ner_doc_next(t, 0, tags, MAXTOK, &n), 0);
    size_t taken = 2;
    while (rasad_ner_doc_next(t, 1, tags, MAXTOK, &n) == 1)
        taken++;
    TH_EQ_INT(taken, RASAD_NER_DOC_WINDOW + 2);

    /* a long document: the tags do not depend on when the sentences are
     * taken (as each goes, or all at the end), as long as each has its
     * window: the store moves under them */
    enum { LONG = 150 };
    static uint8_t streamed[LONG][MAXTOK], atend[LONG][MAXTOK];
    static size_t slen[LONG];
    for (int pass = 0; pass < 2; pass++) {
        size_t out = 0;
        rasad_ner_reset(t);
        for (size_t k = 0; k < LONG; k++) {
            static sent ls;
            split(train_sents[(k * 5) % NSENT], &ls);
            ls.n -= k % 3; /* sentences of different lengths */
            slen[k] = ls.n;
            TH_EQ_INT(rasad_ner_doc_add(t, ls.tok, ls.len, ls.n), RASAD_OK);
            while (pass == 0 && rasad_ner_doc_next(t, 0, streamed[out], MAXTOK, &n) == 1)
                TH_EQ_INT(n, slen[out++]);
        }
        while (rasad_ner_doc_next(t, 1, pass ? atend[out] : streamed[out], MAXTOK, &n) == 1)
            TH_EQ_INT(n, slen[out++]);
        TH_EQ_INT(out, LONG);
    }
    TH_CHECK(memcmp(streamed, atend, sizeof streamed) == 0);

    /* one sentence at once: rasad_ner_tag is doc_add + doc_next with flush */
    static sent s;
    split(train_sents[1], &s);
    rasad_ner_reset(t);
    TH_EQ_INT(rasad_ner_tag(t, s.tok, s.len, s.n, tags), RASAD_OK);
    rasad_ner_reset(t);
    TH_EQ_INT(rasad_ner_doc_add(t, s.tok, s.len, s.n), RASAD_OK);
    TH_EQ_INT(rasad_ner_doc_next(t, 1, again, MAXTOK, &n2), 1);
    TH_EQ_INT(n2, s.n);
    TH_CHECK(memcmp(tags, again, s.n) == 0);
    /* an empty sentence comes back empty */
    TH_EQ_INT(rasad_ner_doc_add(t, NULL, NULL, 0), RASAD_OK);
    TH_EQ_INT(rasad_ner_doc_next(t, 1, NULL, 0, &n2), 1);
    TH_EQ_INT(n2, 0);
    rasad_ner_free(t);
    rasad_ner_model_free(m);
}

static void test_damaged(const char *model, size_t n)
{
    rasad_ner_model *m = (rasad_ner_model *)1;
    char *copy = malloc(n);
    size_t refused = 0, tries = 0;

    TH_EQ_INT(rasad_ner_model_parse(NULL, 0, &m), RASAD_PARSE);
    TH_CHECK(m == NULL);
    TH_EQ_INT(rasad_ner_model_parse("", 0, &m), RASAD_PARSE);
    TH_EQ_INT(rasad_ner_model_parse("RASADNER", 8, &m), RASAD_PARSE);
    /* every truncation is refused */
    for (size_t k = 0; k < n; k += 1 + k / 8, tries++)
        refused += rasad_ner_model_parse(model, k, &m) == RASAD_PARSE && m == NULL;
    TH_EQ_INT(refused, tries);
    /* every flipped byte is refused (version bytes: UNSUPPORTED) */
    refused = tries = 0;
    for (size_t k = 0; k < n; k += 1 + k / 16, tries++) {
        memcpy(copy, model, n);
        copy[k] ^= 0x20;
        int rc = rasad_ner_model_parse(copy, n, &m);
        refused += (rc == RASAD_PARSE || rc == RASAD_UNSUPPORTED) && m == NULL;
    }
    TH_EQ_INT(refused, tries);
    memcpy(copy, model, n);
    copy[8] = 9; /* a future format version */
    TH_EQ_INT(rasad_ner_model_parse(copy, n, &m), RASAD_UNSUPPORTED);
    /* a model of the previous feature set (6: the memory of the sentences
     * before only), checksum good: refused as UNSUPPORTED, not misread */
    memcpy(copy, model, n);
    TH_EQ_INT((unsigned char)copy[24], RASAD__NER_FX_VERSION);
    copy[24] = 6;
    uint64_t sum = rasad__fnv1a(copy, n - 8, RASAD__FNV_SEED);
    for (int i = 0; i < 8; i++)
        copy[n - 8 + i] = (char)(sum >> (8 * i));
    TH_EQ_INT(rasad_ner_model_parse(copy, n, &m), RASAD_UNSUPPORTED);
    TH_CHECK(m == NULL);
    free(copy);
    TH_EQ_INT(rasad_ner_model_load("/nonexistent/ner.model", &m), RASAD_NOTFOUND);
    TH_CHECK(m == NULL);
}

/* A model with a gazetteer and the document memory: its gazetteer is in
 * the file, it learns its sentences, and a gazetteer out of order is
 * refused even with a good checksum. */
static void test_gazetteer(void)
{
    size_t n1, n2;
    char *a = train_with(&n1, 1), *b = train_with(&n2, 1);
    rasad_ner_model *m;

    TH_CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0); /* reproducible */
    if (!a || !b) {
        rasad_free(a);
        rasad_free(b);
        return;
    }
    const unsigned char *p = (const unsigned char *)a;
    uint32_t ngaz = (uint32_t)p[32] | (uint32_t)p[33] << 8, maxlen = p[36];
    TH_EQ_INT(ngaz, 6);
    TH_EQ_INT(maxlen, 2);
    test_learns(a, n1);
    test_document(a, n1);
    test_damaged(a, n1);
    /* the gazetteer's first two hashes swapped, checksum made good again */
    size_t at = RASAD__NER_HEADER + (2 * NT + NT * NT) * 4 + 4 +
                (size_t)((uint32_t)p[28] | (uint32_t)p[29] << 8 | (uint32_t)p[30] << 16) *
                    (8 + 2 * RASAD__NER_NLEV);
    unsigned char tmp[8];
    memcpy(tmp, b + at, 8);
    memcpy(b + at, b + at + 8, 8);
    memcpy(b + at + 8, tmp, 8);
    uint64_t sum = rasad__fnv1a(b, n2 - 8, RASAD__FNV_SEED);
    for (int i = 0; i < 8; i++)
        b[n2 - 8 + i] = (char)(sum >> (8 * i));
    TH_EQ_INT(rasad_ner_model_parse(b, n2, &m), RASAD_PARSE);
    TH_CHECK(m == NULL);
    rasad_free(a);
    rasad_free(b);
}

/* ---- allocation failures ----------------------------------------------------- */

static long budget = -1; /* allocations left; -1 = unlimited */

static void *fail_malloc(void *ud, size_t n)
{
    (void)ud;
    if (budget == 0)
        return NULL;
    if (budget > 0)
        budget--;
    return malloc(n);
}

static void *fail_realloc(void *ud, void *p, size_t n)
{
    (void)ud;
    if (budget == 0)
        return NULL;
    if (budget > 0)
        budget--;
    return realloc(p, n);
}

static void std_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

static void test_nomem(const char *model, size_t n)
{
    static const rasad_allocator a = { fail_malloc, fail_realloc, std_free, NULL };
    int ok = 0, clean = 1;

    rasad_set_allocator(&a);
    for (long k = 0; k < 200 && !ok; k++) {
        rasad_ner_model *m;
        rasad_ner *t = NULL;
        budget = k;
        int rc = rasad_ner_model_parse(model, n, &m);
        if (rc == RASAD_OK)
            rc = rasad_ner_new(m, &t);
        if (rc == RASAD_OK)
            ok = 1;
        else if (rc != RASAD_NOMEM)
            clean = 0;
        rasad_ner_free(t);
        if (rc == RASAD_OK || m)
            rasad_ner_model_free(m);
    }
    budget = -1;
    rasad_set_allocator(NULL);
    TH_CHECK(ok);
    TH_CHECK(clean);
}

/* ---- the shipped model ------------------------------------------------------- */

typedef struct found {
    char text[8][128];
    int type[8];
    int n;
    const char *src;
} found;

static int on_entity(void *ctx, int type, size_t start, size_t end)
{
    found *f = ctx;
    if (f->n < 8) {
        snprintf(f->text[f->n], sizeof f->text[0], "%.*s", (int)(end - start), f->src + start);
        f->type[f->n++] = type;
    }
    return 0;
}

static int has(const found *f, const char *text, int type)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->text[i], text) == 0 && f->type[i] == type)
            return 1;
    return 0;
}

static void test_shipped(const char *tests_dir)
{
    char path[4096];
    rasad_ner_model *m;
    rasad_ner *t;
    found f;

    snprintf(path, sizeof path, "%s/../models/ner.model", tests_dir);
    int rc = rasad_ner_model_load(path, &m);
    if (rc == RASAD_NOTFOUND) {
        printf("skip: no shipped model at %s\n", path);
        return;
    }
    TH_EQ_INT(rc, RASAD_OK);
    if (rc != RASAD_OK)
        return;
    TH_EQ_INT(rasad_ner_new(m, &t), RASAD_OK);

    const char *s1 = "سردار حسین دهقان با سرگئی شویگو وزیر دفاع روسیه در مسکو دیدار کرد";
    memset(&f, 0, sizeof f);
    f.src = s1;
    TH_EQ_INT(rasad_ner_tag_text(t, s1, strlen(s1), on_entity, &f), RASAD_OK);
    TH_CHECK(has(&f, "حسین دهقان", RASAD_NER_PER));
    TH_CHECK(has(&f, "سرگئی شویگو", RASAD_NER_PER));
    TH_CHECK(has(&f, "مسکو", RASAD_NER_LOC));

    /* Arabic letters and lost ZWNJ do not change the finding */
    const char *s2 = "وزير امور خارجه ايران در سفر به پکن با همتاي چيني خود ديدار کرد";
    memset(&f, 0, sizeof f);
    f.src = s2;
    TH_EQ_INT(rasad_ner_tag_text(t, s2, strlen(s2), on_entity, &f), RASAD_OK);
    TH_CHECK(has(&f, "پکن", RASAD_NER_LOC));

    const char *s3 = "بانک مرکزی اعلام کرد تورم در ۱۲ مهر ۱۴۰۲ به ۴۰ درصد رسید";
    memset(&f, 0, sizeof f);
    f.src = s3;
    TH_EQ_INT(rasad_ner_tag_text(t, s3, strlen(s3), on_entity, &f), RASAD_OK);
    TH_CHECK(has(&f, "۴۰ درصد", RASAD_NER_PCT));
    TH_CHECK(has(&f, "بانک مرکزی", RASAD_NER_ORG));

    /* the document memory: a text is a document of its own, so what was
     * tagged before it changes nothing */
    found again;
    memset(&again, 0, sizeof again);
    again.src = s1;
    TH_EQ_INT(rasad_ner_tag_text(t, s1, strlen(s1), on_entity, &again), RASAD_OK);
    rasad_ner *fresh;
    TH_EQ_INT(rasad_ner_new(m, &fresh), RASAD_OK);
    memset(&f, 0, sizeof f);
    f.src = s1;
    TH_EQ_INT(rasad_ner_tag_text(fresh, s1, strlen(s1), on_entity, &f), RASAD_OK);
    TH_EQ_INT(again.n, f.n);
    for (int i = 0; i < f.n && i < again.n; i++) {
        TH_CHECK(strcmp(again.text[i], f.text[i]) == 0);
        TH_EQ_INT(again.type[i], f.type[i]);
    }
    rasad_ner_free(fresh);
    rasad_ner_free(t);
    rasad_ner_model_free(m);
}

int main(int argc, char **argv)
{
    size_t n1, n2;
    char *a, *b;

    test_names();
    test_conll_line();
    a = train(&n1);
    b = train(&n2);
    TH_CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0); /* reproducible */
    if (a) {
        test_learns(a, n1);
        test_damaged(a, n1);
        test_nomem(a, n1);
    }
    rasad_free(a);
    rasad_free(b);
    test_gazetteer();
    test_shipped(argc > 1 ? argv[1] : "tests");
    return th_done();
}
