/* test_clean.c - the cleaner: one case per rule with sentences written for
 * the test, then the golden run over examples/ (*.txt) (one cleaner, file
 * order, as ingest does) against tests/golden/clean/<example>.tsv, with a
 * mechanical check that every sentence not removed is still in the body. */
#include <dirent.h>
#include <stdlib.h>
#include "th.h"
#include "rasad/alloc.h"
#include "rasad/clean.h"
#include "rasad/sentence.h"
#include "clean_internal.h"

/* ---- helpers --------------------------------------------------------------- */

static rasad_clean_result clean(rasad_cleaner *c, const char *source, const char *text)
{
    rasad_clean_result r;
    int rc = rasad_clean(c, source, text, strlen(text), &r);
    TH_EQ_INT(rc, RASAD_OK);
    return r;
}

/* 1 when removed[] has (line, reason, text). */
static int has_removed(const rasad_clean_result *r, size_t line, int reason, const char *text)
{
    for (size_t i = 0; i < r->n_removed; i++)
        if (r->removed[i].line == line && r->removed[i].reason == reason &&
            strcmp(r->removed[i].text, text) == 0)
            return 1;
    return 0;
}

static const char *meta(const rasad_clean_result *r, const char *key)
{
    for (size_t i = 0; i < r->n_meta; i++)
        if (strcmp(r->meta[i].key, key) == 0)
            return r->meta[i].value;
    return "";
}

static int body_has(const rasad_clean_result *r, const char *s)
{
    return strstr(r->body, s) != NULL;
}

static int count_in(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

#define BODY "وزیر نیرو امروز از افتتاح سه نیروگاه خورشیدی در استان کرمان خبر داد."

/* ---- furniture -------------------------------------------------------------- */

static void test_furniture(rasad_cleaner *c)
{
    rasad_clean_result r = clean(c, NULL,
        "افتتاح نیروگاه خورشیدی در کرمان\n"
        BODY "\n"
        "\n"
        "نمایش بیشتر\n"
        "ديدگاه‌تان را بنويسيد\n"          /* Arabic yeh, ZWNJ */
        "دیدگاه تان را بنویسید\n"           /* space */
        "برچسب‌ها: انرژی، کرمان\n"          /* prefix entry */
        "اشتراک گذاری در تلگرام\n"          /* not a prefix entry: tail rule */
        "کپی شد");
    TH_CHECK(has_removed(&r, 4, RASAD_CLEAN_BOILERPLATE, "نمایش بیشتر"));
    TH_CHECK(has_removed(&r, 5, RASAD_CLEAN_BOILERPLATE, "ديدگاه‌تان را بنويسيد"));
    TH_CHECK(has_removed(&r, 6, RASAD_CLEAN_BOILERPLATE, "دیدگاه تان را بنویسید"));
    TH_CHECK(has_removed(&r, 7, RASAD_CLEAN_BOILERPLATE, "برچسب‌ها: انرژی، کرمان"));
    TH_CHECK(has_removed(&r, 8, RASAD_CLEAN_STRUCTURAL, "اشتراک گذاری در تلگرام"));
    TH_CHECK(has_removed(&r, 9, RASAD_CLEAN_BOILERPLATE, "کپی شد"));
    TH_EQ_INT(r.n_removed, 6);               /* the blank line is not listed */
    TH_EQ_STR(r.body, "افتتاح نیروگاه خورشیدی در کرمان\n" BODY);
    TH_EQ_INT(r.body_len, strlen(r.body));
    rasad_clean_result_free(&r);

    /* A WHOLE entry never takes a body sentence that starts with it. */
    r = clean(c, NULL, BODY "\nنظرات کارشناسان درباره این طرح با هم تفاوت زیادی دارد.\nنظرات");
    TH_CHECK(body_has(&r, "نظرات کارشناسان"));
    TH_CHECK(has_removed(&r, 3, RASAD_CLEAN_BOILERPLATE, "نظرات"));
    TH_EQ_INT(r.n_removed, 1);
    rasad_clean_result_free(&r);
}

/* ---- lines repeated in a source ---------------------------------------------- */

#define PROMO "برای دیدن ویدئوهای بیشتر صفحه ما را در آپارات ببینید"
#define LONG_LINE "این جمله بلند بیش از بیست واژه دارد و به همین دلیل هرگز به عنوان " \
                  "خط تکراری منبع حذف نمی شود حتی اگر در چند خبر همین منبع بیاید."

static void test_repeated_source(rasad_cleaner *c)
{
    const char *a1 = BODY "\n" PROMO "\n" LONG_LINE "\n" PROMO;    /* twice: counts once */
    const char *a2 = "بارش برف راه های روستایی استان اردبیل را بست.\n" PROMO "\n" LONG_LINE;
    const char *a3 = "قیمت نان در تهران از ماه آینده تغییر نمی کند.\n" PROMO "\n" LONG_LINE;
    rasad_clean_result r = clean(c, "site-a", a1);
    TH_EQ_INT(r.n_removed, 1);                 /* its second copy is a duplicate */
    TH_CHECK(has_removed(&r, 4, RASAD_CLEAN_DUPLICATE, PROMO));
    TH_CHECK(!rasad_cleaner_is_repeated(c, "site-a", PROMO, strlen(PROMO)));
    rasad_clean_result_free(&r);
    r = clean(c, "site-a", a2);
    TH_EQ_INT(r.n_removed, 0);                 /* seen in 2 articles: still kept */
    rasad_clean_result_free(&r);
    r = clean(c, "site-b", a3);                /* another source knows nothing */
    TH_EQ_INT(r.n_removed, 0);
    rasad_clean_result_free(&r);
    r = clean(c, NULL, a3);                    /* no source: nothing learned */
    TH_EQ_INT(r.n_removed, 0);
    rasad_clean_result_free(&r);
    r = clean(c, "site-a", a3);                /* the third article of site-a */
    TH_CHECK(has_removed(&r, 2, RASAD_CLEAN_REPEATED_SOURCE, PROMO));
    TH_EQ_INT(r.n_removed, 1);                 /* the long line stays */
    TH_CHECK(body_has(&r, "حتی اگر در چند خبر"));
    rasad_clean_result_free(&r);
    /* the re-clean question, with spelling variants of the same line */
    TH_CHECK(rasad_cleaner_is_repeated(c, "site-a", PROMO, strlen(PROMO)));
    const char *variant = "برای ديدن ويدئوهای بیشتر صفحه‌ ما را در آپارات ببينيد";
    TH_CHECK(rasad_cleaner_is_repeated(c, "site-a", variant, strlen(variant)));
    TH_CHECK(!rasad_cleaner_is_repeated(c, "site-b", PROMO, strlen(PROMO)));
    TH_CHECK(!rasad_cleaner_is_repeated(c, NULL, PROMO, strlen(PROMO)));
    TH_CHECK(!rasad_cleaner_is_repeated(c, "site-a", LONG_LINE, strlen(LONG_LINE)));
}

/* ---- structure ----------------------------------------------------------------- */

static void test_structural(rasad_cleaner *c)
{
    /* breadcrumb and a site name go; a three-word headline stays */
    rasad_clean_result r = clean(c, NULL,
        "پایگاه نمونه\nخانه » سیاسی » مجلس\nانفجار در بندر\n" BODY "\n***\nصفحه ۲");
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_STRUCTURAL, "پایگاه نمونه"));
    TH_CHECK(has_removed(&r, 2, RASAD_CLEAN_STRUCTURAL, "خانه » سیاسی » مجلس"));
    TH_CHECK(has_removed(&r, 5, RASAD_CLEAN_STRUCTURAL, "***"));
    TH_CHECK(has_removed(&r, 6, RASAD_CLEAN_STRUCTURAL, "صفحه ۲"));
    TH_EQ_INT(r.n_removed, 4);
    TH_EQ_STR(r.body, "انفجار در بندر\n" BODY);
    rasad_clean_result_free(&r);

    /* a two-word headline alone before the body is kept */
    r = clean(c, NULL, "انفجار بندر\n" BODY);
    TH_EQ_INT(r.n_removed, 0);
    rasad_clean_result_free(&r);

    /* items of a related list below furniture go; a long label in the body stays */
    r = clean(c, NULL,
        BODY "\nدر ادامه گزارش کامل نشست خبری وزیر را می خوانید\n" BODY "x.\n"
        "مطالب مرتبط\nسفر وزیر خارجه به چین در هفته آینده\nافزایش قیمت بلیت هواپیما");
    TH_CHECK(body_has(&r, "در ادامه گزارش کامل"));
    TH_CHECK(has_removed(&r, 4, RASAD_CLEAN_BOILERPLATE, "مطالب مرتبط"));
    TH_CHECK(has_removed(&r, 5, RASAD_CLEAN_STRUCTURAL, "سفر وزیر خارجه به چین در هفته آینده"));
    TH_CHECK(has_removed(&r, 6, RASAD_CLEAN_STRUCTURAL, "افزایش قیمت بلیت هواپیما"));
    rasad_clean_result_free(&r);

    /* an article of labels only is left alone */
    r = clean(c, NULL, "تیتر یک\nتیتر دو");
    TH_EQ_INT(r.n_removed, 0);
    rasad_clean_result_free(&r);
}

/* ---- repeats inside one article ------------------------------------------------- */

#define P1 "مدیرکل هواشناسی استان گفت: بارش ها از فردا شدت می گیرد و تا آخر هفته ادامه دارد."
#define S2 "رانندگان باید زنجیر چرخ همراه داشته باشند."
#define QUOTE "مردم از سفرهای غیرضروری به مناطق کوهستانی استان در این چند روز خودداری کنند."

static void test_repeats(rasad_cleaner *c)
{
    /* an equal paragraph, a paragraph inside an earlier one, a repeated
     * sentence, a short repeat that stays */
    rasad_clean_result r = clean(c, NULL,
        "بارش برف در راه است\n"
        P1 " " S2 "\n"
        P1 "\n"
        S2 "\n"
        "پلیس راه هشدار داد. " S2 " هوا سرد است. هوا سرد است.");
    TH_CHECK(has_removed(&r, 3, RASAD_CLEAN_DUPLICATE, P1));
    TH_CHECK(has_removed(&r, 4, RASAD_CLEAN_DUPLICATE, S2));
    TH_CHECK(has_removed(&r, 5, RASAD_CLEAN_DUPLICATE, S2));
    TH_EQ_INT(r.n_removed, 3);
    TH_EQ_INT(count_in(r.body, S2), 1);
    TH_EQ_INT(count_in(r.body, P1), 1);
    TH_CHECK(body_has(&r, "\nپلیس راه هشدار داد. هوا سرد است. هوا سرد است."));
    rasad_clean_result_free(&r);

    /* a quote coming back behind a new "he stressed:"; ZWNJ/space variants */
    r = clean(c, NULL,
        "استاندار افزود: " QUOTE " وی تاکید کرد: " "مردم از سفرهای غیر‌ضروری به مناطق کوهستانی "
        "استان در این چند روز خودداری کنند.");
    TH_EQ_INT(r.n_removed, 1);
    TH_EQ_INT(r.removed[0].reason, RASAD_CLEAN_DUPLICATE);
    TH_EQ_STR(r.body, "استاندار افزود: " QUOTE);
    rasad_clean_result_free(&r);

    /* the same quote after a long intro that says something new stays */
    r = clean(c, NULL,
        "استاندار افزود: " QUOTE "\nرئیس پلیس راه استان هم در نشست شورای تامین امروز "
        "صبح گفت: " QUOTE);
    TH_EQ_INT(r.n_removed, 0);
    rasad_clean_result_free(&r);
}

/* ---- datelines and attributions ------------------------------------------------- */

static void test_datelines(rasad_cleaner *c)
{
    rasad_clean_result r = clean(c, NULL,
        "۲۵ آذر ۱۳۹۵ - ۱۲:۳۰\n"
        "کد خبر: ۱۲۳۴۵\n"
        "تهران- ایرنا- " BODY " انتهای پیام/\n"
        "نویسنده: مریم احمدی\n"
        "منبع: ایسنا");
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_DATELINE, "۲۵ آذر ۱۳۹۵ - ۱۲:۳۰"));
    TH_CHECK(has_removed(&r, 2, RASAD_CLEAN_DATELINE, "کد خبر: ۱۲۳۴۵"));
    TH_CHECK(has_removed(&r, 3, RASAD_CLEAN_DATELINE, "تهران- ایرنا-"));
    TH_CHECK(has_removed(&r, 3, RASAD_CLEAN_DATELINE, "انتهای پیام/"));
    TH_CHECK(has_removed(&r, 4, RASAD_CLEAN_DATELINE, "نویسنده: مریم احمدی"));
    TH_CHECK(has_removed(&r, 5, RASAD_CLEAN_DATELINE, "منبع: ایسنا"));
    TH_EQ_INT(r.n_removed, 6);
    TH_EQ_STR(r.body, BODY);
    TH_EQ_STR(meta(&r, "date_line"), "۲۵ آذر ۱۳۹۵ - ۱۲:۳۰");
    TH_EQ_STR(meta(&r, "news_code"), "12345");
    TH_EQ_STR(meta(&r, "place"), "تهران");
    TH_EQ_STR(meta(&r, "agency"), "ایرنا");
    TH_EQ_STR(meta(&r, "credit"), "ایسنا");
    TH_EQ_STR(meta(&r, "author"), "مریم احمدی");
    rasad_clean_result_free(&r);

    /* «تهران - ایرنا -» with spaces; «به گزارش X از PLACE،» */
    r = clean(c, NULL, "مشهد - ایرنا - " BODY);
    TH_EQ_STR(meta(&r, "place"), "مشهد");
    TH_EQ_STR(r.body, BODY);
    rasad_clean_result_free(&r);
    r = clean(c, NULL, "به گزارش خبرگزاری فارس از شیراز، " BODY "\n" BODY "ب.");
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_DATELINE, "به گزارش خبرگزاری فارس از شیراز،"));
    TH_EQ_STR(meta(&r, "agency"), "فارس");
    TH_EQ_STR(meta(&r, "place"), "شیراز");
    TH_CHECK(body_has(&r, BODY "\n"));     /* the rest of the sentence stays */
    rasad_clean_result_free(&r);

    /* an unknown outlet with a press word, a credit inside X */
    r = clean(c, NULL, "به گزارش پایگاه خبری نمونه به نقل از روابط عمومی دانشگاه، " BODY);
    TH_EQ_STR(meta(&r, "agency"), "پایگاه خبری نمونه");
    TH_EQ_STR(meta(&r, "credit"), "روابط عمومی دانشگاه");
    TH_EQ_STR(r.body, BODY);
    rasad_clean_result_free(&r);

    /* «به گزارش» about something that is not an outlet stays in the body */
    r = clean(c, NULL, "به گزارش وزارت بهداشت، شمار بیماران امروز کاهش یافت و بیمارستان ها آرام شدند.");
    TH_EQ_INT(r.n_removed, 0);
    TH_EQ_INT(r.n_meta, 0);
    rasad_clean_result_free(&r);

    /* no comma: only «به گزارش [خبرگزاری] NAME» goes */
    r = clean(c, NULL, "به گزارش ایسنا رئیس سازمان هواشناسی امروز از بارش شدید باران خبر داد.");
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_DATELINE, "به گزارش ایسنا"));
    TH_EQ_STR(r.body, "رئیس سازمان هواشناسی امروز از بارش شدید باران خبر داد.");
    rasad_clean_result_free(&r);

    /* «خبرگزاری X:» then «به نقل از Y،»; a lone outlet at the tail */
    r = clean(c, NULL, "خبرگزاری تسنیم: به نقل از «رویترز»، " BODY "\nالجزیره");
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_DATELINE, "خبرگزاری تسنیم:"));
    TH_CHECK(has_removed(&r, 1, RASAD_CLEAN_DATELINE, "به نقل از «رویترز»،"));
    TH_CHECK(has_removed(&r, 2, RASAD_CLEAN_DATELINE, "الجزیره"));
    TH_EQ_STR(meta(&r, "agency"), "تسنیم");
    TH_EQ_STR(meta(&r, "credit"), "رویترز؛ الجزیره");
    TH_EQ_STR(r.body, BODY);
    rasad_clean_result_free(&r);

    /* Arabic letters and a ZWNJ in the label */
    r = clean(c, NULL, BODY "\nكد خبر : 98765\nانتهاي پيام");
    TH_EQ_STR(meta(&r, "news_code"), "98765");
    TH_EQ_INT(r.n_removed, 2);
    rasad_clean_result_free(&r);
}

/* ---- API edges -------------------------------------------------------------------- */

static void test_api(rasad_cleaner *c)
{
    rasad_clean_result r;
    TH_EQ_INT(rasad_clean(NULL, NULL, "x", 1, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_clean(c, NULL, NULL, 1, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_clean(c, NULL, NULL, 0, &r), RASAD_OK);
    TH_EQ_STR(r.body, "");
    rasad_clean_result_free(&r);
    rasad_clean_result_free(NULL);
    rasad_cleaner_free(NULL);
    /* not NUL-terminated, CRLF, trailing newline */
    const char text[] = { 'a', 'b', ' ', 'c', '.', '\r', '\n', 'd', 'e', '.', '\n', 'Z' };
    TH_EQ_INT(rasad_clean(c, NULL, text, sizeof text - 1, &r), RASAD_OK);
    TH_EQ_STR(r.body, "ab c.\nde.");
    rasad_clean_result_free(&r);
    TH_EQ_STR(rasad_clean_reason_name(RASAD_CLEAN_DATELINE), "dateline");
    TH_EQ_STR(rasad_clean_reason_name(RASAD_CLEAN_REPEATED_SOURCE), "repeated-in-source");
    TH_EQ_STR(rasad_clean_reason_name(99), "unknown");
}

/* ---- allocation failures ------------------------------------------------------------ */

static long budget = -1;
static void *f_malloc(void *ud, size_t n) { (void)ud; return budget-- == 0 ? NULL : malloc(n); }
static void *f_realloc(void *ud, void *p, size_t n)
{
    (void)ud;
    return budget-- == 0 ? NULL : realloc(p, n);
}
static void f_free(void *ud, void *p) { (void)ud; free(p); }

static void test_oom(void)
{
    static const rasad_allocator failing = { f_malloc, f_realloc, f_free, NULL };
    const char *text = "تهران- ایرنا- " P1 " " S2 "\n" P1 "\nنمایش بیشتر\nکد خبر: ۱۲";
    int nomem = 0, bad = 0;
    long k;
    rasad_set_allocator(&failing);
    for (k = 0; k < 100000; k++) {
        budget = k;
        rasad_cleaner *c = rasad_cleaner_new();
        rasad_clean_result r;
        int rc = c ? rasad_clean(c, "s", text, strlen(text), &r) : RASAD_NOMEM;
        if (c && rc == RASAD_OK) {
            bad += r.n_removed != 4;
            rasad_clean_result_free(&r);
        } else if (c) {
            bad += rc != RASAD_NOMEM || r.body != NULL || r.n_removed != 0;
        }
        rasad_cleaner_free(c);
        if (rc == RASAD_OK)
            break;
        nomem++;
    }
    budget = -1;
    rasad_set_allocator(NULL);
    TH_CHECK(nomem > 10);
    TH_CHECK(k < 100000);
    TH_EQ_INT(bad, 0);
}

/* ---- golden run over the examples ---------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    fclose(f);
    if (p)
        p[len] = '\0';
    *n = len;
    return p;
}

/* The result as golden lines: "removed\tLINE\tREASON\tTEXT" and "meta\tKEY\tVALUE". */
static char *render(const rasad_clean_result *r)
{
    size_t cap = 256;
    for (size_t i = 0; i < r->n_removed; i++)
        cap += strlen(r->removed[i].text) + 64;
    for (size_t i = 0; i < r->n_meta; i++)
        cap += strlen(r->meta[i].key) + strlen(r->meta[i].value) + 16;
    char *out = malloc(cap);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->n_removed; i++)
        o += (size_t)snprintf(out + o, cap - o, "removed\t%zu\t%s\t%s\n", r->removed[i].line,
                              rasad_clean_reason_name(r->removed[i].reason), r->removed[i].text);
    for (size_t i = 0; i < r->n_meta; i++)
        o += (size_t)snprintf(out + o, cap - o, "meta\t%s\t%s\n", r->meta[i].key, r->meta[i].value);
    return out;
}

/* The golden file without comment lines. */
static char *expected(const char *path)
{
    size_t n;
    char *g = slurp(path, &n), *out;
    if (!g)
        return NULL;
    out = malloc(n + 1);
    size_t o = 0;
    for (char *line = g; *line;) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (line[0] != '#' && len > 1) {
            memcpy(out + o, line, len);
            o += len;
        }
        line += len;
    }
    out[o] = '\0';
    free(g);
    return out;
}

/* White space runs (NBSP included) become one space; ends trimmed. */
static void collapse(char *s)
{
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        char ch = s[i];
        if ((unsigned char)ch == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
            ch = ' ';
            i++;
        }
        if (!(ch == ' ' && (o == 0 || s[o - 1] == ' ')))
            s[o++] = ch;
    }
    while (o > 0 && s[o - 1] == ' ')
        o--;
    s[o] = '\0';
}

typedef struct sent_ctx {
    const char *line;
    size_t lineno;
    const rasad_clean_result *r;
    const char *body;           /* collapsed */
    const char *name;
    int missing;
} sent_ctx;

/* A sentence of the input, minus the removed parts of its line, is in the body. */
static int check_sentence(void *ctx, size_t start, size_t end)
{
    sent_ctx *sc = ctx;
    char *s = malloc(end - start + 1);
    memcpy(s, sc->line + start, end - start);
    s[end - start] = '\0';
    for (size_t i = 0; i < sc->r->n_removed; i++) {
        const rasad_removed_line *rm = &sc->r->removed[i];
        if (rm->line != sc->lineno)
            continue;
        if (strstr(rm->text, s)) {      /* the whole sentence went */
            s[0] = '\0';
            break;
        }
        char *at = strstr(s, rm->text);
        if (at) {
            size_t n = strlen(rm->text);
            memmove(at, at + n, strlen(at + n) + 1);
        }
    }
    collapse(s);
    if (s[0] && !strstr(sc->body, s)) {
        sc->missing++;
        printf("FAIL %s line %zu: sentence not in body nor removed: [%s]\n",
               sc->name, sc->lineno, s);
    }
    free(s);
    return 0;
}

static void every_sentence_kept(const char *name, const char *text, size_t n,
                                const rasad_clean_result *r)
{
    char *body = malloc(r->body_len + 1);
    memcpy(body, r->body, r->body_len + 1);
    collapse(body);
    sent_ctx sc = { NULL, 0, r, body, name, 0 };
    for (size_t s = 0, lineno = 1; s <= n; lineno++) {
        const char *nl = memchr(text + s, '\n', n - s);
        size_t e = nl ? (size_t)(nl - text) : n;
        char *line = malloc(e - s + 1);
        memcpy(line, text + s, e - s);
        line[e - s] = '\0';
        sc.line = line;
        sc.lineno = lineno;
        rasad_sentence_split(line, e - s, 0, check_sentence, &sc);
        free(line);
        s = e + 1;
    }
    TH_EQ_INT(sc.missing, 0);
    free(body);
}

/* A duplicate's repeated words (after "X گفت:" when it has one) are in the body once. */
static void duplicates_once(const rasad_clean_result *r)
{
    for (size_t i = 0; i < r->n_removed; i++) {
        if (r->removed[i].reason != RASAD_CLEAN_DUPLICATE)
            continue;
        const char *t = r->removed[i].text, *colon = strchr(t, ':');
        TH_EQ_INT(count_in(r->body, colon ? colon + 2 : t), 1);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden(const char *tests_dir)
{
    char dir[2048], path[4352];
    snprintf(dir, sizeof dir, "%s/../examples", tests_dir);
    DIR *d = opendir(dir);
    TH_CHECK(d != NULL);
    if (!d)
        return;
    char *names[64];
    size_t nnames = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && nnames < 64) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0)
            names[nnames++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, nnames, sizeof names[0], by_name);
    TH_EQ_INT(nnames, 5);

    rasad_cleaner *c = rasad_cleaner_new();
    for (size_t i = 0; i < nnames; i++) {
        size_t n;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *text = slurp(path, &n);
        TH_CHECK(text != NULL);
        if (!text)
            continue;
        rasad_clean_result r;
        TH_EQ_INT(rasad_clean(c, "examples", text, n, &r), RASAD_OK);
        char *got = render(&r);
        names[i][strlen(names[i]) - 4] = '\0';
        if (snprintf(path, sizeof path, "%s/golden/clean/%s.tsv", tests_dir, names[i]) < 0)
            path[0] = '\0';
        char *want = expected(path);
        if (want && strcmp(got, want) == 0) {
            th_pass++;
        } else {
            th_fail++;
            printf("FAIL golden %s (%s)\n--- got:\n%s--- want:\n%s", names[i], path, got,
                   want ? want : "(missing)\n");
        }
        every_sentence_kept(names[i], text, n, &r);
        duplicates_once(&r);
        free(want);
        free(got);
        free(text);
        rasad_clean_result_free(&r);
        free(names[i]);
    }
    rasad_cleaner_free(c);
}

static int count_span(void *ctx, size_t start, size_t end)
{
    size_t *v = ctx;
    v[0]++;
    v[1] = start;
    v[2] = end;
    return 0;
}

/* rasad__one_sentence() may say "one sentence" only when the splitter
 * agrees: random lines of stop marks, closers, quotes, breaks, white space
 * and words. */
static void test_one_sentence(void)
{
    static const char *const parts[] = {
        "\xD8\xA7\xDB\x8C\xD9\x86", "\xDA\xA9\xD8\xB1\xD8\xAF", "U", "12", "3.5", " ",
        ".", "!", "?", "\xD8\x9F", "\xDB\x94", "\xE2\x80\xA6", "\xE2\x80\xBC",
        "\xE2\x81\x88", "\xEF\xBC\x8E", "\xEF\xBC\x81", "\xC2\xBB", "\xC2\xAB",
        ")", "(", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x9C", "\xE2\x80\xBA",
        "\xEF\xB4\xBF", "\xC2\x85", "\xC2\xA0", "\xE2\x80\x8C", "\xE2\x80\xA8",
        "\xE2\x80\xAB", "\xE2\x81\xA7", "\xE3\x80\x80", "\xE1\x9A\x80", "\xEF\xBB\xBF",
        "\r", "\t", "\xD8", "\x9F", "\xE2\x80",
    };
    size_t nparts = sizeof parts / sizeof parts[0], ones = 0, bad = 0;
    unsigned long long x = 88172645463325252ull;
    char line[256];
    for (int iter = 0; iter < 200000; iter++) {
        size_t n = 0;
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        for (int k = (int)(x % 9); k >= 0; k--) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            const char *pt = parts[x % nparts];
            memcpy(line + n, pt, strlen(pt));
            n += strlen(pt);
        }
        if (!rasad__one_sentence(line, n))
            continue;
        ones++;
        size_t got[3] = { 0, 0, 0 };
        bad += rasad_sentence_split(line, n, 0, count_span, got) != 0 ||
               !(got[0] == 1 && got[1] == 0 && got[2] == n);
    }
    TH_EQ_INT(bad, 0);
    TH_CHECK(ones > 1000);
    const char *plain = "\xD8\xA7\xDB\x8C\xD9\x86 \xDA\xA9\xD8\xB1\xD8\xAF.\xC2\xBB";
    TH_EQ_INT(rasad__one_sentence(plain, strlen(plain)), 1);
    TH_EQ_INT(rasad__one_sentence("a. b", 4), 0);
}

int main(int argc, char **argv)
{
    rasad_cleaner *c = rasad_cleaner_new();
    TH_CHECK(c != NULL);
    if (!c)
        return th_done();
    test_furniture(c);
    test_repeated_source(c);
    test_structural(c);
    test_repeats(c);
    test_datelines(c);
    test_api(c);
    test_one_sentence();
    rasad_cleaner_free(c);
    test_oom();
    test_golden(argc > 1 ? argv[1] : "tests");
    return th_done();
}
