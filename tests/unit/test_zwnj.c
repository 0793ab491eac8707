/* test_zwnj.c - golden tests of the ZWNJ planner and the lexicon: each rule,
 * both kinds of damage (ZWNJ deleted, ZWNJ typed as a space), and text that
 * was right and must stay as it is. Sentences written for these tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_tables.h"
#include "th.h"
#include "zwnj.h"

#define ZW "\xe2\x80\x8c"

/* Applies the plan for in to a buffer the caller frees with free(). */
static char *restore(const char *in)
{
    size_t n = strlen(in);
    rasad__zwnj_edit *ed = malloc((n + 1) * sizeof *ed);
    char *out = malloc(3 * n + 4);
    if (!ed || !out) {
        free(ed);
        free(out);
        return NULL;
    }
    size_t k = rasad__zwnj_plan(in, n, ed), j = 0, o = 0;
    for (size_t i = 0; i <= n; i++) {
        int skip = 0;
        if (j < k && ed[j].pos == i) {
            if (ed[j].op == RASAD__ZW_INSERT) {
                memcpy(out + o, ZW, 3);
                o += 3;
            } else if (ed[j].op == RASAD__ZW_SPACE_TO_ZWNJ) {
                memcpy(out + o, ZW, 3);
                o += 3;
                skip = 1;
            } else {
                skip = 1;
            }
            j++;
        }
        if (i < n && !skip)
            out[o++] = in[i];
    }
    out[o] = '\0';
    free(ed);
    return out;
}

static void check(const char *in, const char *want)
{
    char *got = restore(in);
    TH_CHECK(got != NULL);
    if (got)
        TH_EQ_STR(got, want);
    free(got);
}

static void test_lexicon(void)
{
    TH_EQ_INT(rasad__lex_contains("کتاب", strlen("کتاب")), 1);
    TH_EQ_INT(rasad__lex_contains("می" ZW "رود", strlen("می" ZW "رود")), 1);
    TH_EQ_INT(rasad__lex_contains("کتابxyz", strlen("کتابxyz")), 0);
    TH_EQ_INT(rasad__lex_contains("", 0), 0);
    /* (p, n): bytes after n are not read */
    TH_EQ_INT(rasad__lex_contains("کتابخانه", strlen("کتاب")), 1);
}

static void test_verb_prefix(void)
{
    check("او هر روز به مدرسه میرود.", "او هر روز به مدرسه می" ZW "رود.");
    check("او هر روز به مدرسه می رود.", "او هر روز به مدرسه می" ZW "رود.");
    check("ما این را نمیدانیم", "ما این را نمی" ZW "دانیم");
    check("ما این را نمی دانیم", "ما این را نمی" ZW "دانیم");
    check("آنها دیروز میگفتند", "آنها دیروز می" ZW "گفتند");
    check("او برمیگردد", "او برمی" ZW "گردد");
}

static void test_plural(void)
{
    check("برنامههای تازه", "برنامه" ZW "های تازه");
    check("برنامه های تازه", "برنامه" ZW "های تازه");
    check("کتابها را آوردم", "کتاب" ZW "ها را آوردم");
    check("کتاب ها را آوردم", "کتاب" ZW "ها را آوردم");
    check("کتابهایشان گم شد", "کتاب" ZW "هایشان گم شد");
    /* after a letter that does not join: no ZWNJ, the space goes */
    check("بندر ها شلوغ است", "بندرها شلوغ است");
    check("بندرها شلوغ است", "بندرها شلوغ است");
    check("کشور های همسایه", "کشورهای همسایه");
}

static void test_comparative(void)
{
    check("شهری بزرگتر", "شهری بزرگ" ZW "تر");
    check("شهری بزرگ تر", "شهری بزرگ" ZW "تر");
    check("بزرگترین شهر", "بزرگ" ZW "ترین شهر");
    check("بزرگ ترین شهر", "بزرگ" ZW "ترین شهر");
}

static void test_after_heh(void)
{
    check("خانه ای کوچک", "خانه" ZW "ای کوچک");
    check("آنان رفته اند", "آنان رفته" ZW "اند");
    check("آنان رفتهاند", "آنان رفته" ZW "اند");
    check("ما کار کرده ایم", "ما کار کرده" ZW "ایم");
}

static void test_compound(void)
{
    check("سرمایه گذاری تازه", "سرمایه" ZW "گذاری تازه");
    check("سرمایهگذاری تازه", "سرمایه" ZW "گذاری تازه");
}

/* Text that is right must come back as it was. */
static void test_no_harm(void)
{
    const char *keep[] = {
        "میز و میان و میلیون و میراث",
        "به عنوان نمونه",
        "این که گفتی درست است",
        "او کار را کرده است",
        "آنها بیشتر از ما می" ZW "دانند",
        "در میدان شهر",
        "دفتر و دختر و تنها",
        "کشورهای همسایه و شهرها",
        "برنامه" ZW "های تازه و می" ZW "رود",
        "سهام شرکت",
        "ما خواهیم رفت و آنها خواهند کرد",
        "hello world 123",
        "۱۲۳ و ۴۵۶",
        "",
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        check(keep[i], keep[i]);
}

/* ه + ای against the plural: a participle or a long stem reads as ه + ای,
 * a short stem as the plural. */
static void test_heh_or_plural(void)
{
    check("برنامه هستهای کشور", "برنامه هسته" ZW "ای کشور");
    check("در سالهای اخیر", "در سال" ZW "های اخیر");
    check("کارهای خوب", "کارهای خوب");
    check("ما این شهر را دیدهایم", "ما این شهر را دیده" ZW "ایم");
    check("شما کار خوبی کردهاید", "شما کار خوبی کرده" ZW "اید");
}

static void test_comparative_more(void)
{
    check("راه درست تری یافتیم", "راه درست" ZW "تری یافتیم");
    check("راه درستتری یافتیم", "راه درست" ZW "تری یافتیم");
    check("سهم بزرگترها", "سهم بزرگ" ZW "ترها");
    check("رنگ آبی تر) بود", "رنگ آبی" ZW "تر) بود");
    /* joined words that are not comparatives */
    check("ویترین مغازه", "ویترین مغازه");
    check("کار بهتری کرد و کمتری ماند", "کار بهتری کرد و کمتری ماند");
}

/* Compounds with a suffix the list lacks, and productive second parts. */
static void test_compound_more(void)
{
    check("علاقهمندان فوتبال", "علاقه" ZW "مندان فوتبال");
    check("گروه اصلاحطلبان", "گروه اصلاح" ZW "طلبان");
    check("نتایج اعلامشده", "نتایج اعلام" ZW "شده");
    check("طرح سالمسازی", "طرح سالم" ZW "سازی");
    check("در اردیبهشتماه", "در اردیبهشت" ZW "ماه");
    check("رفتار بینظمی", "رفتار بی" ZW "نظمی");
    check("رفتار بی نظمی", "رفتار بی" ZW "نظمی");
    check("نیروهای حوثیها", "نیروهای حوثی" ZW "ها");
    check("این زندگیام است", "این زندگی" ZW "ام است");
    check("هم زمان رسیدند", "هم" ZW "زمان رسیدند");
}

/* Written right (the way news writes them): must not change. */
static void test_no_harm_more(void)
{
    const char *keep[] = {
        "همچنین و همچنان و همچون",
        "جمهوری اسلامی و رییس جمهور",
        "ایالات متحده و صرف نظر",
        "پلیس او را دستگیر کرد",
        "سازماندهی و فرماندهی",
        "ممکن است کرده باشد",
        "کار را انجام داده است",
        "قرار داده بودند",
        "ده منهای دو",
        "بهای نفت",
        "یک شرکت هدفمند",
        "او بیکار است و بیاید",
        "بی آنکه بداند",
        "رباعیات خیام",
        "او هم رفت",
        "آنها و اینها",
        "پدر بیمارش را دید و بیدارش کرد", /* بیمار + ش, not بی + مارش */
        "سنگ" ZW "های گرانبهایی",        /* گرانبها + یی, not گرانب + هایی */
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        check(keep[i], keep[i]);
}

/* Planning the output again changes nothing (normalize is idempotent),
 * also where a restored ZWNJ makes a new piece of a word. */
static void test_idempotent(void)
{
    const char *in[] = {
        "میدهیهایی", "روزنامهنگارهای سرشناس", "علاقهمندان", "بی بی پارک",
        "برنامههای هستهای", "بزرگترها", "حرفهایها", "کتابهایشان",
        "می رویها", "میر های", "خوشبینانهترین", "میبینمت", "گفت الله اکبر ها", "رد های پا",
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        char *once = restore(in[i]);
        TH_CHECK(once != NULL);
        if (!once)
            continue;
        char *twice = restore(once);
        TH_CHECK(twice != NULL);
        if (twice)
            TH_EQ_STR(twice, once);
        free(once);
        free(twice);
    }
}

/* Edits come in strictly increasing order and point inside the text. */
static void test_plan_shape(void)
{
    const char *in = "برنامههای می رود بندر ها کتابهایشان";
    size_t n = strlen(in);
    rasad__zwnj_edit ed[64];
    size_t k = rasad__zwnj_plan(in, n, ed);
    TH_CHECK(k > 0);
    for (size_t i = 0; i < k; i++) {
        TH_CHECK(ed[i].pos <= n);
        if (i)
            TH_CHECK(ed[i].pos > ed[i - 1].pos);
    }
    /* truncated input: never reads past n */
    TH_CHECK(rasad__zwnj_plan(in, 3, ed) <= 4);
}

/* The planner through its chunk cache gives the edits it gives without:
 * thousands of lines made of words that repeat (so chunks hit the cache)
 * in varying neighbours (so the plans across spaces vary). */
static void test_cache_same(void)
{
    static const char *const words[] = {
        "میرود", "می", "رود", "کتابها", "کتاب", "ها", "برنامه", "های", "برنامههای",
        "روزنامه", "نگار", "روزنامهنگار", "بزرگ", "تر", "بزرگتر", "خانه", "ای", "خانهای",
        "بندر", "آنها", "هم", "زمان", "بی", "نظمی", "سرمایه", "گذاری", "دی", "ماه",
        "«دیدار»", "(کتابها)", "،", ".", "؟", "دو", "کشور", "همکاریهای", "123", "abc",
        "نمی", "دانیم", "میدان", "سهام", "دانشمندان", "هستهای", "دستهای", "جمعبندی",
        "گوشهای", "نامهای", "از", "که",
    };
    const size_t nw = sizeof words / sizeof words[0];
    rasad__zwnj_cache *c = rasad__zwnj_cache_new();
    rasad__zwnj_edit *a = malloc(4096 * sizeof *a), *b = malloc(4096 * sizeof *b);
    char line[1024];
    uint32_t x = 2463534242u;
    int same = 1, lines = 0;
    TH_CHECK(c != NULL && a != NULL && b != NULL);
    for (int l = 0; c && a && b && l < 20000 && same; l++) {
        size_t n = 0, k = 1 + l % 12;
        for (size_t i = 0; i < k; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            const char *w = words[x % nw];
            size_t wl = strlen(w);
            if (n + wl + 2 > sizeof line)
                break;
            if (n && x % 5)
                line[n++] = ' ';
            memcpy(line + n, w, wl);
            n += wl;
        }
        size_t ka = rasad__zwnj_plan_cached(c, line, n, a);
        size_t kb = rasad__zwnj_plan(line, n, b);
        same = ka == kb;
        for (size_t i = 0; same && i < ka; i++)
            same = a[i].pos == b[i].pos && a[i].op == b[i].op;
        lines++;
        if (!same)
            printf("cache differs on line %d: %.*s\n", l, (int)n, line);
    }
    TH_CHECK(same);
    TH_EQ_INT(lines, 20000);
    rasad__zwnj_cache_free(c);
    free(a);
    free(b);
}

/* The rules added with the second person of compound verbs, the Arabic
 * pronoun ها, ی + ای, the past progressive and بندی (docs/zwnj.md). */
static void test_rules_2026(void)
{
    check("این یک روش سنتیای بود", "این یک روش سنتی" ZW "ای بود");
    check("او این کار را میکرده است", "او این کار را می" ZW "کرده است");
    check("او میتوانسته برود", "او می" ZW "توانسته برود");
    check("جمعبندی و رتبهبندی", "جمع" ZW "بندی و " "رتبه" ZW "بندی");
    /* ه with the ezafe mark ٔ: the word is planned without it */
    check("هفتهنامهٔ شهر", "هفته" ZW "نامهٔ شهر");
    check("هفته نامهٔ شهر", "هفته" ZW "نامهٔ شهر");
    check("به خانهشان رفتند", "به خانه" ZW "شان رفتند");    /* مان تان شان after a silent ه */
    /* before از or که, ه + ای is the indefinite, not the plural */
    check("گوشهای از شهر", "گوشه" ZW "ای از شهر");
    check("نامهای که نوشت", "نامه" ZW "ای که نوشت");
    check("دستهای او", "دست" ZW "های او");
    check("هنرمند صاحبنام", "هنرمند صاحب" ZW "نام");
    const char *keep[] = {
        "تو به من دستور دادی",            /* a verb, not a compound noun */
        "سلام الله علیها و امثالها",        /* Arabic ها is no plural */
        "بدانها گفتم",
        "دنیای امروز و دریای خزر",          /* دنیا + ی, not دنی + ای */
        "برنامهٔ کتابخانهٔ شهر",
        "نگاهشان به متهمان بود",            /* a sounded ه; متهم + ان */
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        check(keep[i], keep[i]);
}

/* Spellings learned from news (models/zwnj_news.tsv): a compound the word
 * list lacks (جان‌باختگان), and one the list also holds joined (پیش‌بینی),
 * are split where the crawl joined them; the learned words never join two
 * words typed apart, and a key no entry holds comes back as it was. */
static void test_learned(void)
{
    check("شمار جانباختگان زلزله", "شمار جان" ZW "باختگان زلزله");
    check("پیشبینی هوای فردا", "پیش" ZW "بینی هوای فردا");
    check("نظام مردمسالاری", "نظام مردم" ZW "سالاری");
    check("دو نفر جان باختگان", "دو نفر جان باختگان");
    check("بیطرفی داور", "بی" ZW "طرفی داور");
    /* where the rules would read a plural (کلم + های), the news says ه + ای */
    check("یک کلمهای گفت", "یک کلمه" ZW "ای گفت");
    check("آیندهای روشن", "آینده" ZW "ای روشن");
    rasad__zw_hit hit;
    const char *k = "جانباختگان";
    uint32_t h = rasad__lex_hash_more(RASAD__LEX_HASH_INIT, k, strlen(k));
    TH_EQ_INT(rasad__zw_find(h, k, strlen(k), NULL, 0, &hit), 1);
    if (hit.n == strlen("جان" ZW "باختگان"))
        TH_CHECK(memcmp(hit.w, "جان" ZW "باختگان", hit.n) == 0);
    else
        TH_EQ_INT((int)hit.n, (int)strlen("جان" ZW "باختگان"));
    TH_EQ_INT((int)hit.flags, (int)(RASAD__ZW_SPLIT | RASAD__ZW_LEARNED));
    /* the same key as a pair of words is never a learned spelling */
    h = rasad__lex_hash_more(RASAD__LEX_HASH_INIT, "جان", strlen("جان"));
    h = rasad__lex_hash_more(h, "باختگان", strlen("باختگان"));
    TH_EQ_INT(rasad__zw_find(h, "جان", strlen("جان"), "باختگان", strlen("باختگان"), &hit), 0);
}

/* Words that writers who type ZWNJs keep joined in the news: no rule splits
 * them (the verb rule read میانی as می + انی, the comparative دکترین as دک +
 * ترین), their suffixes still take a ZWNJ, and the keep answers for the
 * whole word only, never as a spelling to insert. */
static void test_kept(void)
{
    check("در دورهٔ میانی", "در دورهٔ میانی");
    check("رختکن تیم و دکترین نظامی", "رختکن تیم و دکترین نظامی");
    check("دکترینهای نظامی", "دکترین" ZW "های نظامی");
    const char *k = "میانی";
    uint32_t h = rasad__lex_hash_final(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, k, strlen(k)));
    TH_EQ_INT(rasad__zw_news_kept(h, k, strlen(k)), 1);
    rasad__zw_hit hit;
    TH_EQ_INT(rasad__zw_find(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, k, strlen(k)), k,
                             strlen(k), NULL, 0, &hit), 0);
    k = "جانباختگان"; /* a learned spelling, not kept */
    h = rasad__lex_hash_final(rasad__lex_hash_more(RASAD__LEX_HASH_INIT, k, strlen(k)));
    TH_EQ_INT(rasad__zw_news_kept(h, k, strlen(k)), 0);
}

int main(void)
{
    test_lexicon();
    test_kept();
    test_verb_prefix();
    test_plural();
    test_comparative();
    test_after_heh();
    test_compound();
    test_no_harm();
    test_heh_or_plural();
    test_comparative_more();
    test_compound_more();
    test_no_harm_more();
    test_idempotent();
    test_plan_shape();
    test_cache_same();
    test_rules_2026();
    test_learned();
    return th_done();
}
