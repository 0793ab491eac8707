/* test_query.c - the query language turned into FTS5 expressions. */
#include <stdlib.h>
#include "rasad/alloc.h"
#include "rasad/store.h"
#include "store_internal.h"
#include "th.h"

/* A pretend index for the missing-space rule. */
static int in_index(void *ud, const char *tok)
{
    static const char *const words[] = { "شتر", "غذای", "عراق", "جنگ", "نفت", "خانه" };
    (void)ud;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i], tok) == 0)
            return 1;
    return 0;
}

static void check_split(const char *q, int any, const char *want)
{
    char *expr = NULL;
    TH_EQ_INT(rasad__query_to_fts_ex(q, strlen(q), any, in_index, NULL, &expr, NULL, NULL, 0),
              RASAD_OK);
    TH_EQ_STR(expr ? expr : "", want);
    rasad_free(expr);
}

/* Checks that q becomes want (any = 0 or 1), with nterms when want_terms >= -1. */
static void check(const char *q, int any, const char *want, int want_terms)
{
    char *expr = NULL, err[128];
    int nterms = -99;
    int rc = rasad_query_to_fts(q, strlen(q), any, &expr, &nterms, err, sizeof err);
    TH_EQ_INT(rc, RASAD_OK);
    if (rc != RASAD_OK) {
        printf("  query [%s]: %s\n", q, err);
        return;
    }
    TH_EQ_STR(expr, want);
    if (want_terms >= -1)
        TH_EQ_INT(nterms, want_terms);
    rasad_free(expr);
}

static void check_nothing(const char *q, const char *reason_part)
{
    char *expr = NULL, err[128];
    int rc = rasad_query_to_fts(q, strlen(q), 0, &expr, NULL, err, sizeof err);
    TH_EQ_INT(rc, RASAD_NOTFOUND);
    TH_CHECK(expr == NULL);
    TH_CHECK(strstr(err, reason_part) != NULL);
    rasad_free(expr);
}

int main(void)
{
    /* Plain words: all of them, stop words left out. */
    /* Neighbours may also be one compound word (joined, or with ZWNJ). */
    check("کتاب خوب", 0, "((\"کتاب\" AND \"خوب\") OR \"کتابخوب\")", 2);
    /* Any word: neighbours also as one word, with and without ZWNJ. */
    check("کتاب خوب", 1, "(\"کتاب\" OR \"خوب\" OR \"کتابخوب\")", 2);
    check("شاه از چراغ", 1, "(\"شاه\" OR \"چراغ\")", 2);
    /* Not across a stop word, not for Latin words. */
    check("سفر وزیر به مسکو", 0, "((\"سفر\" AND \"وزیر\" AND \"مسکو\") OR "
          "(\"سفروزیر\" AND \"مسکو\"))", 3);
    /* Only stop words: kept, so the query still searches. */
    check("از", 0, "\"از\"", 1);
    /* Spelling variants become the index form. */
    check("كتاب", 0, "\"کتاب\"", 1);
    check("کتاب ها", 0, "\"کتاب\u200cها\"", 1);
    check("کتابها", 0, "\"کتاب\u200cها\"", 1);
    check("می رود", 0, "\"می\u200cرود\"", 1);
    check("۱۲۳", 0, "\"123\"", 1);
    check("كِتاب", 0, "\"کتاب\"", 1);
    /* Phrases keep every word, in order, as one FTS5 string. */
    check("\"وزیر دفاع\"", 0, "\"وزیر دفاع\"", -1);
    check("\"از تهران\"", 0, "\"از تهران\"", -1);
    /* Prefix. */
    check("کتاب*", 0, "\"کتاب\" *", -1);
    /* Operators, precedence kept by parentheses. */
    check("تهران OR مسکو", 0, "\"تهران\" OR \"مسکو\"", -1);
    check("تهران AND مسکو", 0, "\"تهران\" AND \"مسکو\"", -1);
    check("تهران NOT مسکو", 0, "\"تهران\" NOT \"مسکو\"", -1);
    check("(تهران OR مسکو) دیدار", 0, "(\"تهران\" OR \"مسکو\") AND \"دیدار\"", -1);
    check("شاه چراغ دیدار", 0, "((\"شاه\" AND \"چراغ\" AND \"دیدار\") OR "
          "(\"شاهچراغ\" AND \"دیدار\") OR "
          "(\"شاه\" AND \"چراغدیدار\"))", 3);
    /* Lower-case operator words are words. */
    check("rock and roll", 0, "(\"rock\" AND \"and\" AND \"roll\")", 3);
    /* Repairs: unclosed quote and parenthesis, stray operators. */
    check("\"وزیر دفاع", 0, "\"وزیر دفاع\"", -1);
    check("(تهران OR مسکو", 0, "(\"تهران\" OR \"مسکو\")", -1);
    check("تهران)", 0, "\"تهران\"", -1);
    check("OR تهران AND", 0, "\"تهران\"", -1);
    check("تهران NOT", 0, "\"تهران\"", -1);
    check("() تهران", 0, "\"تهران\"", -1);
    /* FTS5 syntax typed by a user is only text. */
    check("title:تهران", 0, "(\"title\" AND \"تهران\")", 2);
    check("a\"\"b", 0, "\"a\" AND \"b\"", -1);
    check("NEAR(a b)", 0, "\"near\" AND ((\"a\" AND \"b\"))", -1);
    check("^تهران -مسکو +دیدار", 0, "((\"تهران\" AND \"مسکو\" AND \"دیدار\") OR "
          "(\"تهرانمسکو\" AND \"دیدار\") OR "
          "(\"تهران\" AND \"مسکودیدار\"))", 3);
    /* Nothing to search. */
    check_nothing("", "no words");
    check_nothing("   ", "no words");
    check_nothing("؟!. ، ()", "no words");
    check_nothing("NOT تهران", "NOT needs words");
    check_nothing("\"\"", "no words");
    /* A word in no article is tried as two that are (a missing space). */
    check_split("غذای شترنفت", 0, "((\"غذای\" AND \"شتر\" AND \"نفت\") OR "
                "(\"غذایشتر\" AND \"نفت\") OR (\"غذای\" AND \"شترنفت\"))");
    check_split("جنگ وعراق", 1, "(\"جنگ\" OR \"عراق\")");   /* و written onto the word */
    check_split("خانه", 0, "\"خانه\"");            /* known: left whole */
    check_split("ناشناخته", 0, "\"ناشناخته\"");    /* no split found */
    check_split("\"شترنفت\"", 0, "\"شترنفت\"");  /* phrases are as typed */

    /* Deep parentheses are flattened, long queries cut, and said so. */
    {
        char q[4096], *expr = NULL, err[128];
        size_t n = 0;
        for (int i = 0; i < 200; i++)
            q[n++] = '(';
        memcpy(q + n, "\xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86", 10);  /* تهران */
        n += 10;
        TH_EQ_INT(rasad_query_to_fts(q, n, 0, &expr, NULL, err, sizeof err), RASAD_OK);
        size_t open = 0;
        for (const char *c = expr; c && *c; c++)
            open += *c == '(';
        TH_CHECK(open <= 8);
        TH_EQ_STR(err, "");
        rasad_free(expr);
        n = 0;
        for (int i = 0; i < 100; i++)
            n += (size_t)snprintf(q + n, sizeof q - n, "w%d ", i);
        TH_EQ_INT(rasad_query_to_fts(q, n, 1, &expr, NULL, err, sizeof err), RASAD_OK);
        TH_CHECK(strstr(expr, "\"w63\"") != NULL);
        TH_CHECK(strstr(expr, "\"w64\"") == NULL);
        TH_CHECK(strstr(err, "first 64 words") != NULL);
        rasad_free(expr);
    }
    /* Invalid UTF-8 does not break anything. */
    {
        char *expr = NULL;
        int rc = rasad_query_to_fts("\xff\xfe\xd8", 3, 0, &expr, NULL, NULL, 0);
        TH_CHECK(rc == RASAD_OK || rc == RASAD_NOTFOUND);
        rasad_free(expr);
    }
    return th_done();
}
