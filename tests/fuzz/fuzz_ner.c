/* fuzz_ner.c - the tagger's untrusted inputs: CoNLL lines, running text,
 * and model files. The first byte picks the path:
 *   0: the rest is a model file;
 *   1: the rest damages a good model: (offset, byte) pairs XORed into it;
 *   2: the rest is CoNLL input, tagged sentence by sentence, then as
 *      documents in two passes (rasad_ner_doc_add, rasad_ner_doc_next);
 *   other: the rest is running text.
 *
 * Properties:
 *  - a model parses or is refused with PARSE, UNSUPPORTED or TOOBIG; one
 *    that parses tags a sentence into valid BIO;
 *  - a CoNLL line is blank, -DOCSTART- or a token that is a prefix of the
 *    line without TAB; tags are valid BIO, one per token;
 *  - in two passes, every sentence comes back once, in order, with its
 *    number of tokens, at most RASAD_NER_DOC_WINDOW sentences after it
 *    went in, all of them at -DOCSTART- and at the end;
 *  - entities in running text have a known type and in-bounds,
 *    non-overlapping, increasing spans; tagging twice gives the same. */
#include <string.h>

#include "fuzz.h"
#include "rasad/alloc.h"
#include "rasad/ner.h"

static const char *const train_sents[] = {
    "سردار|B-PER حسین|I-PER دهقان|I-PER به|O تهران|B-LOC رفت|O",
    "وزارت|B-ORG دفاع|I-ORG روسیه|I-ORG در|O مسکو|B-LOC است|O",
    "شویگو|B-PER در|O ۱۲|B-DAT مهر|I-DAT گفت|O ۲۰|B-PCT درصد|I-PCT",
};

static char *good;
static size_t good_n;

static void train_once(void)
{
    rasad_ner_trainer *tr;
    rasad_ner_train_opts opts = { 3, 1, 7, 1 };

    if (good)
        return;
    FZ_CHECK(rasad_ner_trainer_new(&tr) == RASAD_OK);
    for (size_t s = 0; s < sizeof train_sents / sizeof train_sents[0]; s++) {
        const char *tok[16];
        size_t len[16], n = 0;
        uint8_t tags[16];
        const char *p = train_sents[s];
        while (*p && n < 16) {
            const char *bar = strchr(p, '|'), *sp = strchr(p, ' ');
            size_t tl = sp ? (size_t)(sp - bar - 1) : strlen(bar + 1);
            tok[n] = p;
            len[n] = (size_t)(bar - p);
            tags[n] = (uint8_t)rasad_ner_tag_parse(bar + 1, tl);
            n++;
            p = sp ? sp + 1 : bar + 1 + tl;
        }
        FZ_CHECK(rasad_ner_trainer_add(tr, tok, len, tags, n) == RASAD_OK);
    }
    FZ_CHECK(rasad_ner_trainer_run(tr, &opts, NULL, NULL, &good, &good_n) == RASAD_OK);
    rasad_ner_trainer_free(tr);
}

static void check_bio(const uint8_t *tags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(tags[i] < RASAD_NER_NTAGS);
        if (RASAD_NER_TAG_IS_I(tags[i]))
            FZ_CHECK(i > 0 && tags[i - 1] != 0 &&
                     RASAD_NER_TAG_TYPE(tags[i - 1]) == RASAD_NER_TAG_TYPE(tags[i]));
    }
}

static void try_model(const uint8_t *p, size_t n)
{
    rasad_ner_model *m = NULL;
    rasad_ner *t = NULL;
    int rc = rasad_ner_model_parse(p, n, &m);
    FZ_CHECK(rc == RASAD_OK || rc == RASAD_PARSE || rc == RASAD_UNSUPPORTED ||
             rc == RASAD_TOOBIG);
    FZ_CHECK((rc == RASAD_OK) == (m != NULL));
    if (!m)
        return;
    const char *tok[3] = { "سردار", "دهقان", "." };
    size_t len[3] = { strlen(tok[0]), strlen(tok[1]), 1 };
    uint8_t tags[3];
    FZ_CHECK(rasad_ner_new(m, &t) == RASAD_OK);
    FZ_CHECK(rasad_ner_tag(t, tok, len, 3, tags) == RASAD_OK);
    check_bio(tags, 3);
    rasad_ner_free(t);
    rasad_ner_model_free(m);
}

static void damage(const uint8_t *p, size_t n)
{
    uint8_t *copy = malloc(good_n);
    FZ_CHECK(copy != NULL);
    memcpy(copy, good, good_n);
    for (size_t i = 0; i + 2 < n; i += 3) {
        size_t off = ((size_t)p[i] << 8 | p[i + 1]) % good_n;
        copy[off] ^= p[i + 2];
    }
    try_model(copy, good_n - (n % 2)); /* odd lengths also cut the last byte */
    free(copy);
}

typedef struct ents {
    size_t n, last_end, count;
    uint64_t hash;
} ents;

static int on_entity(void *ctx, int type, size_t start, size_t end)
{
    ents *e = ctx;
    FZ_CHECK(type > 0 && type < RASAD_NER_NTYPES);
    FZ_CHECK(start < end && end <= e->n);
    FZ_CHECK(e->count == 0 || start >= e->last_end);
    e->last_end = end;
    e->count++;
    e->hash = (e->hash ^ (uint64_t)type ^ (uint64_t)start << 8 ^ (uint64_t)end << 32) *
              0x100000001b3ull;
    return 0;
}

static void conll(rasad_ner *t, const char *p, size_t n)
{
    const char *tok[RASAD_NER_MAX_SENT];
    size_t len[RASAD_NER_MAX_SENT], k = 0;
    uint8_t tags[RASAD_NER_MAX_SENT];

    for (size_t i = 0; i <= n;) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t ln = nl ? (size_t)(nl - (p + i)) : n - i, tn;
        int kind = rasad_ner_conll_line(p + i, ln, &tn);
        FZ_CHECK(kind == RASAD_NER_LINE_BLANK || kind == RASAD_NER_LINE_TOKEN ||
                 kind == RASAD_NER_LINE_DOCSTART);
        if (kind == RASAD_NER_LINE_TOKEN) {
            FZ_CHECK(tn <= ln && memchr(p + i, '\t', tn) == NULL);
            tok[k] = p + i;
            len[k++] = tn;
        }
        if (kind != RASAD_NER_LINE_TOKEN || k == RASAD_NER_MAX_SENT || !nl) {
            FZ_CHECK(rasad_ner_tag(t, tok, len, k, tags) == RASAD_OK);
            check_bio(tags, k);
            k = 0;
        }
        if (!nl)
            break;
        i += ln + 1;
    }
}

/* The same lines as one document in two passes (rasad_ner_doc_add): every
 * sentence comes back once, in order, with its length and valid BIO; none
 * waits more than RASAD_NER_DOC_WINDOW sentences; -DOCSTART- ends one. */
static void conll_doc(rasad_ner *t, const char *p, size_t n)
{
    enum { MAXW = RASAD_NER_DOC_WINDOW + 2 };
    static const char *tok[RASAD_NER_MAX_SENT];
    static size_t len[RASAD_NER_MAX_SENT];
    static uint8_t tags[RASAD_NER_MAX_SENT];
    size_t want[MAXW], w0 = 0, nw = 0, k = 0, got;

    rasad_ner_reset(t);
    for (size_t i = 0; i <= n;) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t ln = nl ? (size_t)(nl - (p + i)) : n - i, tn;
        int kind = rasad_ner_conll_line(p + i, ln, &tn);
        if (kind == RASAD_NER_LINE_TOKEN) {
            tok[k] = p + i;
            len[k++] = tn;
        }
        if (kind != RASAD_NER_LINE_TOKEN || k == RASAD_NER_MAX_SENT || !nl) {
            int end = kind == RASAD_NER_LINE_DOCSTART || !nl, r;
            if (k > 0) {
                FZ_CHECK(rasad_ner_doc_add(t, tok, len, k) == RASAD_OK);
                FZ_CHECK(nw - w0 < MAXW);
                want[nw++ % MAXW] = k;
            }
            while ((r = rasad_ner_doc_next(t, end, tags, RASAD_NER_MAX_SENT, &got)) == 1) {
                FZ_CHECK(w0 < nw && got == want[w0++ % MAXW]);
                check_bio(tags, got);
            }
            FZ_CHECK(r == 0);
            FZ_CHECK(nw - w0 <= (end ? 0 : RASAD_NER_DOC_WINDOW));
            if (end)
                rasad_ner_reset(t);
            k = 0;
        }
        if (!nl)
            break;
        i += ln + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rasad_ner_model *m;
    rasad_ner *t;

    train_once();
    if (size == 0)
        return 0;
    if (data[0] == 0) {
        try_model(data + 1, size - 1);
        return 0;
    }
    if (data[0] == 1) {
        damage(data + 1, size - 1);
        return 0;
    }
    FZ_CHECK(rasad_ner_model_parse(good, good_n, &m) == RASAD_OK);
    FZ_CHECK(rasad_ner_new(m, &t) == RASAD_OK);
    if (data[0] == 2) {
        conll(t, (const char *)data + 1, size - 1);
        conll_doc(t, (const char *)data + 1, size - 1);
    } else {
        ents a = { size - 1, 0, 0, 0 }, b = a;
        FZ_CHECK(rasad_ner_tag_text(t, (const char *)data + 1, size - 1, on_entity, &a) == 0);
        FZ_CHECK(rasad_ner_tag_text(t, (const char *)data + 1, size - 1, on_entity, &b) == 0);
        FZ_CHECK(a.count == b.count && a.hash == b.hash);
    }
    rasad_ner_free(t);
    rasad_ner_model_free(m);
    return 0;
}
