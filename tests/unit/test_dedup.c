/* test_dedup.c - exact and near duplicates: variants of one text, a new
 * lead on a long text, unrelated texts, determinism, and the edge cases
 * (no tokens, fewer than k tokens, invalid UTF-8). */
#include <stdlib.h>
#include "rasad/dedup.h"
#include "rasad/alloc.h"
#include "th.h"

/* A body of distinct sentences written for this test. */
static const char *const body[] = {
    "سازمان هواشناسی کشور از بارش باران و برف در استان‌های شمالی و غربی از فردا خبر داد.",
    "به گفته کارشناسان این سامانه بارشی تا پایان هفته در بیشتر مناطق کشور فعال خواهد بود.",
    "رانندگان باید پیش از سفر به جاده‌های کوهستانی زنجیر چرخ همراه داشته باشند و با احتیاط برانند.",
    "دمای هوای تهران در روزهای آینده تا ۵ درجه کاهش می‌یابد و وزش باد شدید پیش‌بینی شده است.",
    "مدیر کل مدیریت بحران استان گیلان گفت همه دستگاه‌های امدادی در حالت آماده‌باش قرار گرفته‌اند.",
    "کشاورزان مناطق جنوبی نگران سرمازدگی محصولات مرکبات خود هستند و خواستار کمک دولت شده‌اند.",
    "در سال گذشته بیش از ۱۲۰۰ میلیارد تومان خسارت به باغ‌های کشور وارد شد که بخشی از آن هنوز جبران نشده است.",
    "وزارت نیرو اعلام کرد ذخیره سدهای پایتخت نسبت به سال قبل بیست درصد کمتر است.",
    "مردم می‌توانند برای دریافت آخرین اخبار وضعیت راه‌ها با شماره ۱۴۱ تماس بگیرند.",
    "مدارس برخی شهرهای استان اردبیل به دلیل کولاک فردا تعطیل خواهند بود.",
    "پلیس راه از بسته شدن موقت جاده چالوس به دلیل ریزش بهمن در کیلومتر ۴۰ خبر داد.",
    "هلال احمر تاکنون به بیش از سیصد خودروی گرفتار در برف امدادرسانی کرده است.",
};

static char *join(const char *lead, size_t skip)
{
    size_t n = strlen(lead) + 2, i;
    char *s;
    for (i = skip; i < sizeof body / sizeof body[0]; i++)
        n += strlen(body[i]) + 1;
    s = malloc(n);
    strcpy(s, lead);
    for (i = skip; i < sizeof body / sizeof body[0]; i++) {
        strcat(s, " ");
        strcat(s, body[i]);
    }
    return s;
}

static rasad_dedup *make(void)
{
    rasad_dedup *d = NULL;
    TH_EQ_INT(rasad_dedup_new(NULL, &d), RASAD_OK);
    return d;
}

static void add(rasad_dedup *d, uint64_t id, const char *s, rasad_dedup_result *r)
{
    TH_EQ_INT(rasad_dedup_add(d, id, s, strlen(s), r), RASAD_OK);
}

static void test_exact_and_variants(void)
{
    rasad_dedup *d = make();
    rasad_dedup_result r;
    const char *a = "دولت روز سه‌شنبه لایحه بودجه سال ۱۴۰۳ را به مجلس فرستاد و نمایندگان"
                    " بررسی آن را از هفته آینده آغاز می‌کنند.";
    const char *zwnj = "دولت روز سه‌شنبه لایحه بودجه سال 1403 را به مجلس فرستاد و نمایندگان"
                       " بررسی آن را از هفته آینده آغاز میکنند.";
    const char *arabic = "دولت روز سه‌شنبه لايحه بودجه سال ١٤٠٣ را به مجلس فرستاد و نمايندگان"
                         " بررسي آن را از هفته آينده آغاز مي‌كنند.";
    add(d, 10, a, &r);
    TH_EQ_INT(r.group, 10);
    TH_CHECK(r.exact_of == RASAD_DEDUP_NONE && r.near_of == RASAD_DEDUP_NONE);
    TH_CHECK(r.fingerprint != 0 && r.tokens > 5);
    add(d, 11, a, &r);
    TH_EQ_INT(r.exact_of, 10);
    TH_EQ_INT(r.group, 10);
    TH_CHECK(r.jaccard == 1.0);
    add(d, 12, zwnj, &r);
    TH_EQ_INT(r.group, 10); /* ZWNJ restored, digits folded: the same tokens */
    TH_CHECK(r.jaccard >= 0.8);
    /* a space inside a compound (سه شنبه) is two tokens: a near duplicate
     * on a long text, not on this short one */
    add(d, 13, arabic, &r);
    TH_EQ_INT(r.group, 10);
    TH_CHECK(r.exact_of == 10); /* letters and digits fold to one index form */
    TH_EQ_INT(rasad_dedup_get_stats(d)->indexed, 1);
    rasad_dedup_free(d);
}

static void test_new_lead(void)
{
    rasad_dedup *d = make();
    rasad_dedup_result r;
    char *orig = join("تهران - خبرگزاری ما: موج تازه سرما از امشب وارد کشور می‌شود.", 0);
    char *relead = join("به گزارش خبرنگار ما در رشت، هوای سرد از شب گذشته شهر را فرا گرفت و"
                        " مردم برای خرید نفت صف کشیدند.", 0);
    add(d, 1, orig, &r);
    add(d, 2, relead, &r);
    TH_EQ_INT(r.near_of, 1);
    TH_EQ_INT(r.group, 1);
    TH_CHECK(r.jaccard >= 0.8 && r.jaccard < 1.0);
    TH_CHECK(r.candidates >= 1);
    /* unrelated: a text of the same length on another subject */
    add(d, 3, "تیم ملی فوتبال ایران در دیدار دوستانه برابر تیم اردن با دو گل به پیروزی"
              " رسید و سرمربی تیم از عملکرد بازیکنان جوان ابراز رضایت کرد و گفت آماده"
              " مسابقات جام ملت‌های آسیا هستیم.", &r);
    TH_EQ_INT(r.group, 3);
    TH_CHECK(r.exact_of == RASAD_DEDUP_NONE && r.near_of == RASAD_DEDUP_NONE);
    /* half of the body: Jaccard well below 0.8 */
    add(d, 4, body[0], &r);
    TH_EQ_INT(r.group, 4);
    free(orig);
    free(relead);
    rasad_dedup_free(d);
}

static void test_edges(void)
{
    rasad_dedup *d = make();
    rasad_dedup_result r;
    const uint64_t *sh;
    size_t nsh;
    uint64_t fp;
    /* no tokens: never a duplicate, never a canonical */
    add(d, 1, "", &r);
    TH_EQ_INT(r.group, 1);
    TH_EQ_INT(r.shingles, 0);
    TH_EQ_INT(r.fingerprint, 0);
    add(d, 2, " ... ، ؟ ", &r);
    TH_EQ_INT(r.group, 2);
    add(d, 3, "", &r);
    TH_EQ_INT(r.group, 3);
    TH_EQ_INT(rasad_dedup_get_stats(d)->empty, 3);
    TH_EQ_INT(rasad_dedup_get_stats(d)->indexed, 0);
    /* fewer than k tokens: one shingle of them all */
    TH_EQ_INT(rasad_dedup_shingles(d, "خبر فوری", strlen("خبر فوری"), &sh, &nsh, &fp), RASAD_OK);
    TH_EQ_INT(nsh, 1);
    add(d, 4, "خبر فوری امروز", &r);
    TH_EQ_INT(r.shingles, 1);
    TH_EQ_INT(r.group, 4);
    add(d, 5, "خبر فوری امروز!", &r);
    TH_EQ_INT(r.exact_of, 4);
    add(d, 6, "خبر فوری دیروز", &r);
    TH_EQ_INT(r.group, 6);
    /* exactly k tokens: one shingle */
    TH_EQ_INT(rasad_dedup_shingles(d, "یک دو سه چهار پنج", strlen("یک دو سه چهار پنج"), &sh, &nsh, &fp), RASAD_OK);
    TH_EQ_INT(nsh, 1);
    TH_EQ_INT(rasad_dedup_shingles(d, "یک دو سه چهار پنج شش", strlen("یک دو سه چهار پنج شش"), &sh, &nsh, &fp), RASAD_OK);
    TH_EQ_INT(nsh, 2);
    for (size_t i = 1; i < nsh; i++)
        TH_CHECK(sh[i - 1] < sh[i]);
    /* invalid UTF-8: U+FFFD to the tokenizer, no failure */
    add(d, 7, "\xff\xfe سلام \xc0\x80 دنیا \xed\xa0\x80 امروز خوب است", &r);
    TH_EQ_INT(r.group, 7);
    add(d, 8, "\xff\xfe سلام \xc0\x80 دنیا \xed\xa0\x80 امروز خوب است", &r);
    TH_EQ_INT(r.exact_of, 7);
    /* Jaccard helper */
    {
        uint64_t a[] = { 1, 2, 3, 4 }, b[] = { 2, 3, 4, 5 };
        TH_CHECK(rasad_dedup_jaccard(a, 4, b, 4) == 3.0 / 5.0);
        TH_CHECK(rasad_dedup_jaccard(a, 0, b, 0) == 1.0);
        TH_CHECK(rasad_dedup_jaccard(a, 4, b, 0) == 0.0);
    }
    /* unsorted shingles are refused */
    {
        uint64_t bad[] = { 3, 2 };
        TH_EQ_INT(rasad_dedup_add_shingles(d, 9, 1, bad, 2, &r), RASAD_INVAL);
        TH_EQ_INT(r.group, 9);
    }
    rasad_dedup_free(d);
    rasad_dedup_free(NULL);
}

static void test_options(void)
{
    rasad_dedup *d = NULL;
    rasad_dedup_opts o;
    memset(&o, 0, sizeof o);
    o.threshold = 1.5;
    TH_EQ_INT(rasad_dedup_new(&o, &d), RASAD_INVAL);
    TH_CHECK(d == NULL);
    o.threshold = 0;
    o.k = 65;
    TH_EQ_INT(rasad_dedup_new(&o, &d), RASAD_INVAL);
    o.k = 0;
    TH_EQ_INT(rasad_dedup_new(&o, &d), RASAD_OK);
    TH_EQ_INT(rasad_dedup_get_opts(d)->k, RASAD_DEDUP_K);
    TH_EQ_INT(rasad_dedup_get_opts(d)->bands, RASAD_DEDUP_BANDS);
    TH_EQ_INT(rasad_dedup_get_opts(d)->rows, RASAD_DEDUP_ROWS);
    {
        uint64_t sh[] = { 5, 9, 77 }, sig[200], sig2[200];
        TH_EQ_INT(rasad_dedup_signature(d, sh, 3, sig, 200), 100);
        TH_EQ_INT(rasad_dedup_signature(d, sh, 3, sig2, 200), 100);
        TH_CHECK(memcmp(sig, sig2, sizeof(uint64_t) * 100) == 0);
        TH_EQ_INT(rasad_dedup_signature(d, sh, 3, sig, 50), 0);
    }
    rasad_dedup_free(d);
}

typedef struct pairs { int n; uint64_t a[64], b[64]; } pairs;

static void on_match(void *ud, uint64_t x, uint64_t y, double j)
{
    pairs *p = ud;
    (void)j;
    if (p->n < 64) {
        p->a[p->n] = x;
        p->b[p->n++] = y;
    }
}

/* Two runs over the same documents give the same groups; with index_all
 * every matching pair is reported. */
static void test_determinism(void)
{
    uint64_t g1[16], g2[16], fp1 = 0, fp2 = 0;
    char *texts[16];
    pairs pr;
    int i, run;
    for (i = 0; i < 12; i++)
        texts[i] = join(body[i], (size_t)(i % 3));
    for (run = 0; run < 2; run++) {
        rasad_dedup *d = make();
        rasad_dedup_result r;
        for (i = 0; i < 12; i++) {
            add(d, (uint64_t)i, texts[i], &r);
            (run ? g2 : g1)[i] = r.group;
            if (i == 5)
                *(run ? &fp2 : &fp1) = r.fingerprint;
        }
        rasad_dedup_free(d);
    }
    TH_CHECK(memcmp(g1, g2, sizeof(uint64_t) * 12) == 0);
    TH_CHECK(fp1 == fp2);
    TH_EQ_INT(g1[0], 0);
    {
        rasad_dedup_opts o;
        rasad_dedup *d = NULL;
        rasad_dedup_result r;
        char *t = join("", 0);
        memset(&o, 0, sizeof o);
        memset(&pr, 0, sizeof pr);
        o.index_all = 1;
        o.on_match = on_match;
        o.ud = &pr;
        TH_EQ_INT(rasad_dedup_new(&o, &d), RASAD_OK);
        add(d, 1, t, &r);
        add(d, 2, t, &r);
        add(d, 3, t, &r);
        TH_EQ_INT(r.exact_of, 1);
        TH_EQ_INT(pr.n, 3); /* 2-1, 3-2, 3-1 */
        TH_EQ_INT(rasad_dedup_get_stats(d)->indexed, 3);
        rasad_dedup_free(d);
        free(t);
    }
    for (i = 0; i < 12; i++)
        free(texts[i]);
}

/* ---- allocation failures: every allocation in turn fails ------------------ */

static long budget = -1; /* allocations left before one fails; -1: never */

static void *f_malloc(void *ud, size_t n) { (void)ud; return budget-- == 0 ? NULL : malloc(n); }
static void *f_realloc(void *ud, void *p, size_t n)
{
    (void)ud;
    return budget-- == 0 ? NULL : realloc(p, n);
}
static void f_free(void *ud, void *p) { (void)ud; free(p); }

/* Builds an index of 3 documents with the k-th allocation failing, for
 * every k until nothing fails: each call returns OK or NOMEM, a failed
 * constructor leaves NULL, and after a failed add the same add succeeds
 * once memory is back, with the result it would have had. */
static void test_nomem(void)
{
    const rasad_allocator failing = { f_malloc, f_realloc, f_free, NULL };
    char *t = join("", 0);
    const char *texts[3] = { t, t, body[3] };
    int done = 0, bad = 0;
    for (long k = 0; !done && k < 10000; k++) {
        rasad_dedup *d = NULL;
        rasad_dedup_result r;
        int rc;
        rasad_set_allocator(&failing);
        budget = k;
        rc = rasad_dedup_new(NULL, &d);
        if (rc != RASAD_OK) {
            bad += rc != RASAD_NOMEM || d != NULL;
            rasad_set_allocator(NULL);
            continue;
        }
        done = 1;
        for (int i = 0; i < 3; i++) {
            rc = rasad_dedup_add(d, (uint64_t)i, texts[i], strlen(texts[i]), &r);
            if (rc != RASAD_OK) {
                bad += rc != RASAD_NOMEM || r.group != (uint64_t)i;
                done = 0;
                budget = -1;
                rc = rasad_dedup_add(d, (uint64_t)i, texts[i], strlen(texts[i]), &r);
                bad += rc != RASAD_OK;
            }
            bad += r.group != (i == 1 ? 0u : (uint64_t)i);
        }
        bad += rasad_dedup_get_stats(d)->added != 3;
        rasad_dedup_free(d);
        rasad_set_allocator(NULL);
    }
    budget = -1;
    TH_CHECK(done);
    TH_EQ_INT(bad, 0);
    free(t);
}

int main(void)
{
    test_exact_and_variants();
    test_new_lead();
    test_edges();
    test_options();
    test_determinism();
    test_nomem();
    return th_done();
}
