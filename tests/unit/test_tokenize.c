/* test_tokenize.c - tokens in normalized form, offsets into the original. */
#include "th.h"
#include "rasad/text.h"

typedef struct tok { char text[64]; int kind; size_t start, end; } tok;
typedef struct got { tok t[64]; int n; } got;

static int collect(void *ctx, int kind, const char *s, size_t n, size_t start, size_t end)
{
    got *g = ctx;
    if (g->n < 64 && n < 64) {
        memcpy(g->t[g->n].text, s, n);
        g->t[g->n].text[n] = '\0';
        g->t[g->n].kind = kind;
        g->t[g->n].start = start;
        g->t[g->n].end = end;
    }
    g->n++;
    return 0;
}

static got run(rasad_tokenizer *t, const char *s)
{
    got g;
    memset(&g, 0, sizeof g);
    TH_EQ_INT(rasad_tokenize(t, s, strlen(s), collect, &g), RASAD_OK);
    return g;
}

/* Each token's span in the input must hold exactly its source text. */
static void span_is(const char *s, const tok *k, const char *want)
{
    TH_EQ_STRN(s + k->start, k->end - k->start, want);
}

static int stop_at_two(void *ctx, int kind, const char *s, size_t n, size_t a, size_t b)
{
    (void)kind; (void)s; (void)n; (void)a; (void)b;
    return ++*(int *)ctx == 2 ? 7 : 0;
}

int main(void)
{
    rasad_tokenizer *t;
    got g;
    const char *s;

    TH_EQ_INT(rasad_tokenizer_new(0, &t), RASAD_OK);

    /* one token however the plural was typed */
    s = "کتاب‌ها";
    g = run(t, s);
    TH_EQ_INT(g.n, 1);
    TH_EQ_STR(g.t[0].text, "کتاب‌ها");

    /* Arabic letters folded; offsets cover the original spelling */
    s = "كتاب  علي";
    g = run(t, s);
    TH_EQ_INT(g.n, 2);
    TH_EQ_STR(g.t[0].text, "کتاب");
    TH_EQ_STR(g.t[1].text, "علی");
    span_is(s, &g.t[0], "كتاب");
    span_is(s, &g.t[1], "علي");

    /* digits: ASCII in the index form, decimal kept inside the number */
    s = "رشد ۳٫۵ درصدی در سال ۱۴۰۲.";
    g = run(t, s);
    TH_EQ_INT(g.n, 6);
    TH_EQ_STR(g.t[1].text, "3.5");
    TH_EQ_INT(g.t[1].kind, RASAD_TOKEN_NUMBER);
    span_is(s, &g.t[1], "۳٫۵");
    TH_EQ_STR(g.t[5].text, "1402");
    span_is(s, &g.t[5], "۱۴۰۲");

    /* punctuation is not a token; harakat vanish from the token but stay in its span */
    s = "«سَلام»، دنیا!";
    g = run(t, s);
    TH_EQ_INT(g.n, 2);
    TH_EQ_STR(g.t[0].text, "سلام");
    span_is(s, &g.t[0], "سَلام");

    /* hamza forms folded for search; Latin lowercased; mixed tokens */
    s = "تأثیر COVID19 مؤسسه";
    g = run(t, s);
    TH_EQ_INT(g.n, 3);
    TH_EQ_STR(g.t[0].text, "تاثیر");
    TH_EQ_STR(g.t[1].text, "covid19");
    TH_EQ_INT(g.t[1].kind, RASAD_TOKEN_MIXED);
    TH_EQ_STR(g.t[2].text, "موسسه");

    /* a Persian word glued to a number is two tokens */
    s = "۹کیلومتر";
    g = run(t, s);
    TH_EQ_INT(g.n, 2);
    TH_EQ_STR(g.t[0].text, "9");
    TH_EQ_STR(g.t[1].text, "کیلومتر");

    /* a ZWNJ at a word's edge is not part of it */
    s = "\xE2\x80\x8Cکتاب\xE2\x80\x8C دیگر";
    g = run(t, s);
    TH_EQ_INT(g.n, 2);
    TH_EQ_STR(g.t[0].text, "کتاب");

    /* empty and invalid input */
    g = run(t, "");
    TH_EQ_INT(g.n, 0);
    s = "\xFF\xFE ab \xC0";
    g = run(t, s);
    TH_EQ_INT(g.n, 1);
    TH_EQ_STR(g.t[0].text, "ab");
    span_is(s, &g.t[0], "ab");

    /* words the planner joins across a space are one token, and a word
     * glued to ASCII ends there: the same with the planner's chunk cache
     * cold (the first calls) and warm (after 64 KiB) */
    s = "کتاب ها را می رود. بندر ها و روزنامه نگاران3 دی ماه";
    for (int round = 0; round < 1500; round++) {
        g = run(t, s);
        TH_EQ_INT(g.n, 8);
        TH_EQ_STR(g.t[0].text, "کتاب‌ها");
        span_is(s, &g.t[0], "کتاب ها");
        TH_EQ_STR(g.t[2].text, "می‌رود");
        span_is(s, &g.t[2], "می رود");
        TH_EQ_STR(g.t[3].text, "بندرها");
        span_is(s, &g.t[3], "بندر ها");
        TH_EQ_STR(g.t[5].text, "روزنامه‌نگاران");
        TH_EQ_INT(g.t[5].kind, RASAD_TOKEN_WORD);
        TH_EQ_STR(g.t[6].text, "3");
        TH_EQ_INT(g.t[6].kind, RASAD_TOKEN_NUMBER);
        TH_EQ_STR(g.t[7].text, "دی‌ماه");
        span_is(s, &g.t[7], "دی ماه");
        if (th_fail)
            break; /* one report, not 1500 */
    }

    /* the callback can stop the tokenizer */
    {
        int count = 0;
        TH_EQ_INT(rasad_tokenize(t, "یک دو سه چهار", strlen("یک دو سه چهار"), stop_at_two, &count), 7);
        TH_EQ_INT(count, 2);
    }
    rasad_tokenizer_free(t);
    rasad_tokenizer_free(NULL);
    return th_done();
}
