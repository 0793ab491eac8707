/* test_read.c - the readers: txt, JSONL (+gzip), HTML extraction, WARC
 * (+gzip), folder walking. argv[1] is the tests/ folder; fixtures are in
 * tests/data/read/ (gzip fixtures are made here with zlib). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "th.h"
#include "rasad/alloc.h"
#include "rasad/read.h"

#define MAXA 64

/* TH_EQ_STR that takes NULL as a failure, not a crash. */
#define EQS(a, b) do {                                                       \
    const char *eqs_a = (a);                                                 \
    if (eqs_a) TH_EQ_STR(eqs_a, (b));                                        \
    else { th_fail++; printf("FAIL %s:%d: %s is NULL\n", __FILE__, __LINE__, #a); } \
} while (0)

typedef struct art {
    char *id, *url, *source, *title, *published, *text, *extra, *format;
    long line, text_line;
} art;

typedef struct got {
    art a[MAXA];
    int n;
    long err_line[MAXA];
    char err[MAXA][256];
    char err_file[MAXA][512];
    int nerr;
    char files[MAXA][512];
    int nfiles;
    int stop_after;        /* return 7 from the n-th article when > 0 */
} got;

static char *dup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int on_article(void *ud, const rasad_article *a)
{
    got *g = ud;
    art *c;

    TH_CHECK(a->text != NULL && strlen(a->text) == a->text_len);
    TH_CHECK(a->raw != NULL && a->format != NULL && a->file != NULL);
    if (g->n < MAXA) {
        c = &g->a[g->n];
        c->id = dup0(a->id);
        c->url = dup0(a->url);
        c->source = dup0(a->source);
        c->title = dup0(a->title);
        c->published = dup0(a->published);
        c->text = dup0(a->text);
        c->extra = dup0(a->extra_json);
        c->format = dup0(a->format);
        c->line = a->line;
        c->text_line = a->text_line;
    }
    g->n++;
    return g->stop_after && g->n == g->stop_after ? 7 : 0;
}

static void on_error(void *ud, const char *file, long line, const char *what)
{
    got *g = ud;
    if (g->nerr < MAXA) {
        g->err_line[g->nerr] = line;
        snprintf(g->err[g->nerr], sizeof g->err[0], "%s", what);
        snprintf(g->err_file[g->nerr], sizeof g->err_file[0], "%s", file);
    }
    g->nerr++;
}

static void on_file(void *ud, const char *file, size_t index, size_t total)
{
    got *g = ud;
    (void)total;
    if (g->nfiles < MAXA && (size_t)g->nfiles == index)
        snprintf(g->files[g->nfiles], sizeof g->files[0], "%s", file);
    g->nfiles++;
}

static void got_free(got *g)
{
    for (int i = 0; i < g->n && i < MAXA; i++) {
        art *c = &g->a[i];
        free(c->id); free(c->url); free(c->source); free(c->title);
        free(c->published); free(c->text); free(c->extra); free(c->format);
    }
    memset(g, 0, sizeof *g);
}

static rasad_read_opts opts_for(got *g, size_t max)
{
    rasad_read_opts o = { on_article, on_error, on_file, g, max };
    return o;
}

static int read_buf(got *g, const char *name, const char *p, size_t n,
                    size_t max, rasad_read_stats *st)
{
    rasad_read_opts o = opts_for(g, max);
    return rasad_read_buffer(name, p, n, RASAD_FORMAT_AUTO, &o, st);
}

static int has(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

/* gzip of p[0..n) (malloc'ed). */
static char *gz(const char *p, size_t n, size_t *out_n)
{
    z_stream z;
    size_t cap = n + n / 2 + 64;
    char *out = malloc(cap);

    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    *out_n = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static char *slurp(const char *dir, const char *name, size_t *n)
{
    char path[1024];
    FILE *f;
    char *buf;
    long len;

    snprintf(path, sizeof path, "%s/data/read/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        printf("FAIL cannot open %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)len + 1);
    *n = fread(buf, 1, (size_t)len, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

/* ---- txt ---------------------------------------------------------------- */

static void test_txt(void)
{
    static const char with_title[] =
        "\n  بارش باران در شهر  \r\nباران از صبح امروز آغاز شد.\r\n\r\nخیابان‌ها خیس است.\n";
    static const char no_title[] =
        "باران از صبح امروز آغاز شد.\nخیابان‌ها خیس است.\n";
    static const char question[] = "آیا باران می‌بارد؟\nشاید فردا.\n";
    static const char one_line[] = "تنها یک خط متن\n";
    rasad_read_stats st = { 0 };
    char longline[600];
    got g = { 0 };
    int rc;

    rc = read_buf(&g, "a.txt", with_title, sizeof with_title - 1, 0, &st);
    TH_EQ_INT(rc, RASAD_OK);
    TH_EQ_INT(g.n, 1);
    EQS(g.a[0].title, "بارش باران در شهر");
    /* The blank line inside the body stays, so body lines map to file lines. */
    EQS(g.a[0].text, "باران از صبح امروز آغاز شد.\n\nخیابان‌ها خیس است.");
    EQS(g.a[0].format, "txt");
    TH_EQ_INT(g.a[0].line, 2);
    TH_EQ_INT(g.a[0].text_line, 3);
    TH_EQ_INT(st.records, 1);
    TH_EQ_INT(st.files, 1);
    TH_EQ_INT(st.bytes, sizeof with_title - 1);
    got_free(&g);

    read_buf(&g, "b.txt", no_title, sizeof no_title - 1, 0, NULL);
    TH_CHECK(g.n == 1 && g.a[0].title == NULL);
    EQS(g.a[0].text, "باران از صبح امروز آغاز شد.\nخیابان‌ها خیس است.");
    got_free(&g);

    read_buf(&g, "c.txt", question, sizeof question - 1, 0, NULL);
    TH_CHECK(g.n == 1 && g.a[0].title == NULL);
    got_free(&g);

    read_buf(&g, "d.txt", one_line, sizeof one_line - 1, 0, NULL);
    TH_CHECK(g.n == 1 && g.a[0].title == NULL);
    EQS(g.a[0].text, "تنها یک خط متن");
    got_free(&g);

    /* A first line of more than 200 characters is not a headline. */
    memset(longline, 'x', sizeof longline);
    for (int i = 0; i < 250; i += 10)
        longline[i] = ' ';
    longline[250] = '\n';
    memcpy(longline + 251, "body\n", 5);
    read_buf(&g, "e.txt", longline, 256, 0, NULL);
    TH_CHECK(g.n == 1 && g.a[0].title == NULL);
    got_free(&g);
}

static void test_txt_bad(void)
{
    char bin[400];
    static const char nul_inside[] =
        "عنوان\nمتن\0با صفر و چند واژه دیگر تا پرونده از صد بایت بلندتر شود و صفر کمتر از یک درصد باشد.\n";
    got g = { 0 };
    int rc;

    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i % 7 == 0 ? 0 : 'a' + i % 20);
    rc = read_buf(&g, "bin.txt", bin, sizeof bin, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.n, 0);
    TH_EQ_INT(g.nerr, 1);
    EQS(g.err[0], "binary file");
    TH_EQ_INT(g.err_line[0], 0);
    got_free(&g);

    rc = read_buf(&g, "empty.txt", "", 0, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_CHECK(g.nerr == 1 && strcmp(g.err[0], "empty file") == 0);
    got_free(&g);

    rc = read_buf(&g, "blank.txt", " \n\n \r\n", 6, 0, NULL);
    TH_CHECK(rc == RASAD_PARSE && g.nerr == 1 && g.n == 0);
    got_free(&g);

    /* One NUL byte in text: replaced by U+FFFD, the file is read. */
    rc = read_buf(&g, "nul.txt", nul_inside, sizeof nul_inside - 1, 0, NULL);
    TH_EQ_INT(rc, RASAD_OK);
    TH_CHECK(g.n == 1);
    EQS(g.a[0].text, "متن\xEF\xBF\xBDبا صفر و چند واژه دیگر تا پرونده از صد بایت بلندتر شود و صفر کمتر از یک درصد باشد.");
    got_free(&g);
}

/* ---- JSONL ------------------------------------------------------------- */

static void test_jsonl(void)
{
    static const char mixed[] =
        "{\"id\":\"a1\",\"url\":\"https://www.example.ir/n/1\",\"title\":\"یک\","
        "\"published\":\"1402/10/25\",\"text\":\"متن اول\",\"lang\":\"fa\",\"tags\":[\"x\",\"y\"]}\n"
        "{\"id\": 2, \"text\": \"متن دوم\" \n"
        "\n"
        "{\"id\":42,\"source\":\"نمونه\",\"text\":\"متن سوم\\u0000پایان\"}\r\n"
        "[1,2]\n"
        "{\"id\":\"n\",\"title\":\"بی‌متن\"}\n"
        "{\"id\":\"e\",\"text\":\"  \"}\n"
        "{\"id\":3.5,\"text\":\"\xff\xfe متن خراب\",\"title\":7}";
    rasad_read_stats st = { 0 };
    got g = { 0 };
    int rc = read_buf(&g, "m.jsonl", mixed, sizeof mixed - 1, 0, &st);

    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.n, 3);
    TH_EQ_INT(g.nerr, 4);
    TH_EQ_INT(st.records, 3);
    TH_EQ_INT(st.rejected, 4);
    EQS(g.a[0].id, "a1");
    EQS(g.a[0].title, "یک");
    EQS(g.a[0].published, "1402/10/25");
    EQS(g.a[0].source, "www.example.ir");   /* the URL's host */
    EQS(g.a[0].extra, "{\"lang\":\"fa\",\"tags\":[\"x\",\"y\"]}");
    EQS(g.a[0].format, "jsonl");
    TH_EQ_INT(g.a[0].line, 1);
    EQS(g.a[1].id, "42");
    EQS(g.a[1].source, "نمونه");
    EQS(g.a[1].text, "متن سوم\xEF\xBF\xBDپایان");
    TH_CHECK(g.a[1].extra == NULL);
    TH_EQ_INT(g.a[1].line, 4);
    EQS(g.a[2].id, "3.5");
    EQS(g.a[2].text, "\xEF\xBF\xBD\xEF\xBF\xBD متن خراب");
    EQS(g.a[2].extra, "{\"title\":7}");
    TH_EQ_INT(g.a[2].line, 8);
    TH_EQ_INT(g.err_line[0], 2);
    TH_CHECK(strncmp(g.err[0], "invalid JSON: ", 14) == 0);
    EQS(g.err_file[0], "m.jsonl");
    TH_EQ_INT(g.err_line[1], 5);
    EQS(g.err[1], "not a JSON object");
    TH_EQ_INT(g.err_line[2], 6);
    EQS(g.err[2], "no text or html field");
    TH_EQ_INT(g.err_line[3], 7);
    EQS(g.err[3], "empty text");
    got_free(&g);
}

static void test_jsonl_html(void)
{
    static const char rec[] =
        "{\"id\":\"h\",\"html\":\"<html><head><title>سرخط صفحه | سایت</title>"
        "<meta property='og:site_name' content='سایت نمونه'>"
        "<meta property='article:published_time' content='2024-02-01'></head>"
        "<body><nav>منو</nav><p>بند نخست خبر که درباره موضوعی مهم است.</p>"
        "<p>بند دوم خبر.</p></body></html>\",\"title\":\"سرخط از جیسون\"}\n";
    got g = { 0 };
    int rc = read_buf(&g, "h.jsonl", rec, sizeof rec - 1, 0, NULL);

    TH_EQ_INT(rc, RASAD_OK);
    TH_EQ_INT(g.n, 1);
    EQS(g.a[0].title, "سرخط از جیسون");
    EQS(g.a[0].source, "سایت نمونه");
    EQS(g.a[0].published, "2024-02-01");
    EQS(g.a[0].text, "بند نخست خبر که درباره موضوعی مهم است.\nبند دوم خبر.");
    got_free(&g);
}

static void test_jsonl_gz(void)
{
    char *plain = malloc(200 * 64), *z;
    size_t n = 0, zn;
    rasad_read_stats st = { 0 };
    got g = { 0 };
    int rc;

    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(plain + n, 64, "{\"id\":%d,\"text\":\"line %d %u\"}\n",
                              i, i, (unsigned)(i * 2654435761u));
    z = gz(plain, n, &zn);
    rc = read_buf(&g, "x.jsonl.gz", z, zn, 0, &st);
    TH_EQ_INT(rc, RASAD_OK);
    TH_EQ_INT(g.n, 200);
    TH_EQ_INT(st.bytes, zn);
    EQS(g.a[63].id, "63");
    got_free(&g);

    /* Gzip is found by its magic bytes whatever the name says. */
    rc = read_buf(&g, "x.jsonl", z, zn, 0, NULL);
    TH_CHECK(rc == RASAD_OK && g.n == 200);
    got_free(&g);

    /* Truncated: the lines before the cut are all delivered. */
    rc = read_buf(&g, "t.jsonl.gz", z, zn / 2, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_CHECK(g.n > 20 && g.n < 200);
    TH_EQ_INT(g.nerr, 1);
    EQS(g.err[0], "truncated gzip");
    TH_EQ_INT(g.err_line[0], g.n + 1);
    for (int i = 0; i < g.n && i < MAXA; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d", i);
        EQS(g.a[i].id, want);
    }
    got_free(&g);

    /* Corrupt data inside the stream. */
    z[zn / 2] ^= 0x55;
    z[zn / 2 + 1] ^= 0x55;
    rc = read_buf(&g, "c.jsonl.gz", z, zn, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_CHECK(g.nerr == 1 && (has(g.err[0], "gzip")));
    got_free(&g);
    free(z);
    free(plain);
}

static void test_jsonl_long(void)
{
    char buf[1024];
    size_t n = 0;
    got g = { 0 };
    int rc;

    n += (size_t)snprintf(buf + n, sizeof buf - n, "{\"text\":\"کوتاه\"}\n{\"text\":\"");
    memset(buf + n, 'a', 400);
    n += 400;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "\"}\n{\"text\":\"بعدی\"}\n");
    rc = read_buf(&g, "l.jsonl", buf, n, 100, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.n, 2);
    EQS(g.a[1].text, "بعدی");
    TH_EQ_INT(g.a[1].line, 3);
    TH_EQ_INT(g.nerr, 1);
    TH_EQ_INT(g.err_line[0], 2);
    EQS(g.err[0], "line too long (more than 100 bytes)");
    got_free(&g);

    /* Empty JSONL: nothing, no error. */
    rc = read_buf(&g, "e.jsonl", "", 0, 0, NULL);
    TH_CHECK(rc == RASAD_OK && g.n == 0 && g.nerr == 0);
    got_free(&g);
}

/* ---- HTML -------------------------------------------------------------- */

static void test_html(const char *dir)
{
    rasad_html_doc d;
    size_t n;
    char *p = slurp(dir, "page.html", &n);
    int rc = rasad_html_extract(p, n, NULL, &d);

    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.title, "بارش برف در گردنه‌های شمالی");
    EQS(d.site_name, "خبرگزاری نمونه");
    EQS(d.url, "https://news.example.ir/fa/123");
    EQS(d.published, "2024-01-15T08:30:00+03:30");
    EQS(d.text,
              "پلیس راه از رانندگان خواست با زنجیر چرخ سفر کنند.\n"
              "بارش سنگین برف از بامداد امروز رفت‌وآمد در چند گردنه را کند کرده است.\n"
              "به گفته مسئولان، راهداران از شب گذشته در محورهای کوهستانی مستقر شده‌اند و برف‌روبی ادامه دارد.\n"
              "هواشناسی پیش‌بینی کرده است که بارش‌ها تا پایان هفته ادامه داشته باشد.");
    TH_EQ_INT(d.text_len, strlen(d.text));
    TH_CHECK(!has(d.text, "سیاسی") && !has(d.text, "نظر") && !has(d.text, "مرتبط") &&
             !has(d.text, "حقوق") && !has(d.text, "اسکریپت") && !has(d.text, "اشتراک"));
    rasad_html_doc_free(&d);
    rasad_html_doc_free(&d);   /* twice is fine: freed fields are NULL */
    free(p);

    p = slurp(dir, "page_ld.html", &n);
    rc = rasad_html_extract(p, n, NULL, &d);
    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.title, "نشست شورای شهر");
    EQS(d.published, "1402-10-25T10:00:00+03:30");
    EQS(d.site_name, "روزنامه آزمایشی");
    TH_CHECK(d.url == NULL);
    EQS(d.text,
              "اعضای شورای شهر امروز درباره بودجه حمل‌ونقل عمومی گفت‌وگو کردند.\n"
              "رئیس شورا گفت خرید اتوبوس‌های تازه در اولویت است.\n"
              "این طرح باید تا پایان سال اجرا شود.");
    rasad_html_doc_free(&d);
    free(p);

    p = slurp(dir, "page_time.html", &n);
    rc = rasad_html_extract(p, n, NULL, &d);
    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.title, "کوتاه");
    EQS(d.published, "2023-05-10");
    TH_CHECK(has(d.text, "نمایشگاه کتاب امسال") && !has(d.text, "گزارش نمایشگاه"));
    rasad_html_doc_free(&d);
    free(p);

    /* No text at all. */
    rc = rasad_html_extract("<html><body><nav>x</nav></body></html>", 38, NULL, &d);
    TH_EQ_INT(rc, RASAD_PARSE);
    rasad_html_doc_free(&d);
    rc = rasad_html_extract("", 0, NULL, &d);
    TH_EQ_INT(rc, RASAD_PARSE);
    rasad_html_doc_free(&d);
}

static void test_html_charsets(const char *dir)
{
    rasad_html_doc d;
    size_t n;
    char *p = slurp(dir, "cp1256.html", &n);
    int rc = rasad_html_extract(p, n, NULL, &d);

    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.title, "گزارش هوا");
    EQS(d.text, "امروز آسمان تهران صاف و آفتابي است و باد ملايمي مي‌وزد.\n"
                      "فردا دما کمي کاهش مي‌يابد.");
    rasad_html_doc_free(&d);
    /* The charset argument (HTTP header) wins over <meta>. */
    rc = rasad_html_extract(p, n, "UTF-8", &d);
    TH_EQ_INT(rc, RASAD_OK);
    TH_CHECK(!has(d.text, "تهران") && has(d.text, "\xEF\xBF\xBD"));
    rasad_html_doc_free(&d);
    free(p);

    p = slurp(dir, "utf16.html", &n);
    rc = rasad_html_extract(p, n, NULL, &d);
    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.title, "خبر آزمایشی");
    EQS(d.text, "این صفحه با کدگذاری یو تی اف شانزده ذخیره شده است.");
    rasad_html_doc_free(&d);
    free(p);

    /* Invalid UTF-8 and NUL bytes become U+FFFD. */
    rc = rasad_html_extract("<p>a\xff" "b\0c</p>", 11, NULL, &d);
    TH_EQ_INT(rc, RASAD_OK);
    EQS(d.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    rasad_html_doc_free(&d);
}

static void test_html_file(const char *dir)
{
    char path[1024];
    const char *paths[1] = { path };
    got g = { 0 };
    rasad_read_opts o = opts_for(&g, 0);
    int rc;

    snprintf(path, sizeof path, "%s/data/read/page.html", dir);
    rc = rasad_read_paths(paths, 1, &o, NULL);
    TH_EQ_INT(rc, RASAD_OK);
    TH_EQ_INT(g.n, 1);
    EQS(g.a[0].format, "html");
    EQS(g.a[0].source, "خبرگزاری نمونه");
    TH_EQ_INT(g.a[0].line, 1);
    got_free(&g);
}

/* ---- WARC -------------------------------------------------------------- */

typedef struct wbuf {
    char p[16384];
    size_t n;
    size_t off[8];  /* offset of each record */
    int count;
} wbuf;

static void warc_add(wbuf *w, const char *type, const char *uri, const char *date,
                     const char *block, size_t block_n)
{
    w->off[w->count++] = w->n;
    w->n += (size_t)snprintf(w->p + w->n, sizeof w->p - w->n,
        "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:rec-%d>\r\n"
        "WARC-Target-URI: %s\r\nWARC-Date: %s\r\n"
        "Content-Type: application/http; msgtype=%s\r\nContent-Length: %zu\r\n\r\n",
        type, w->count, uri, date, type, block_n);
    memcpy(w->p + w->n, block, block_n);
    w->n += block_n;
    memcpy(w->p + w->n, "\r\n\r\n", 4);
    w->n += 4;
}

static const char page1[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    "<html><head><title>خبر نخست - سایت</title>"
    "<meta property='article:published_time' content='2024-03-01'></head>"
    "<body><p>متن خبر نخست که در آرشیو وب ذخیره شده است.</p></body></html>";

static const char page2_chunked[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    "1b\r\n<html><body><p>بخش یک \r\n"
    "19\r\nو بخش دو</p></body>\r\n"
    "7\r\n</html>\r\n"
    "0\r\n\r\n";

static const char request[] =
    "GET / HTTP/1.1\r\nHost: www.example.ir\r\n\r\n";

static const char image[] =
    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n";

static void build_warc(wbuf *w)
{
    memset(w, 0, sizeof *w);
    warc_add(w, "request", "https://www.example.ir/a", "2024-03-02T00:00:00Z",
             request, sizeof request - 1);
    warc_add(w, "response", "https://www.example.ir/a", "2024-03-02T00:00:00Z",
             page1, sizeof page1 - 1);
    warc_add(w, "response", "https://news.example.ir/b?x=1", "2024-03-03T00:00:00Z",
             page2_chunked, sizeof page2_chunked - 1);
    warc_add(w, "response", "https://www.example.ir/logo.png", "2024-03-03T00:00:00Z",
             image, sizeof image - 1);
}

static void check_warc(got *g, const wbuf *w, const rasad_read_stats *st)
{
    TH_EQ_INT(g->n, 2);
    TH_EQ_INT(g->nerr, 0);
    TH_EQ_INT(st->skipped, 2);
    EQS(g->a[0].id, "<urn:uuid:rec-2>");
    EQS(g->a[0].url, "https://www.example.ir/a");
    EQS(g->a[0].title, "خبر نخست");
    EQS(g->a[0].published, "2024-03-01");
    EQS(g->a[0].source, "www.example.ir");
    EQS(g->a[0].text, "متن خبر نخست که در آرشیو وب ذخیره شده است.");
    EQS(g->a[0].format, "warc");
    TH_EQ_INT(g->a[0].line, (long)w->off[1]);
    EQS(g->a[1].text, "بخش یک و بخش دو");
    EQS(g->a[1].published, "2024-03-03T00:00:00Z");
    EQS(g->a[1].source, "news.example.ir");
    TH_EQ_INT(g->a[1].line, (long)w->off[2]);
}

static void test_warc(void)
{
    static wbuf w;
    rasad_read_stats st = { 0 };
    got g = { 0 };
    char *z, *all;
    size_t zn, an = 0;
    int rc;

    build_warc(&w);
    rc = read_buf(&g, "a.warc", w.p, w.n, 0, &st);
    TH_EQ_INT(rc, RASAD_OK);
    check_warc(&g, &w, &st);
    got_free(&g);

    /* One gzip member per record. */
    all = malloc(w.n * 2 + 1024);
    for (int i = 0; i < w.count; i++) {
        size_t end = i + 1 < w.count ? w.off[i + 1] : w.n;
        z = gz(w.p + w.off[i], end - w.off[i], &zn);
        memcpy(all + an, z, zn);
        an += zn;
        free(z);
    }
    memset(&st, 0, sizeof st);
    rc = read_buf(&g, "a.warc.gz", all, an, 0, &st);
    TH_EQ_INT(rc, RASAD_OK);
    check_warc(&g, &w, &st);
    got_free(&g);

    /* A truncated gzip member: the records before it are delivered. */
    rc = read_buf(&g, "t.warc.gz", all, an - 40, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.n, 2);
    TH_EQ_INT(g.nerr, 1);
    EQS(g.err[0], "truncated gzip");
    got_free(&g);
    free(all);

    /* Truncated inside the third record. */
    rc = read_buf(&g, "t.warc", w.p, w.off[2] + 300, 0, NULL);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.n, 1);
    TH_EQ_INT(g.nerr, 1);
    EQS(g.err[0], "truncated WARC record");
    TH_EQ_INT(g.err_line[0], (long)w.off[2]);
    got_free(&g);

    /* Garbage before a record: reported once, the record still read. */
    {
        static char buf[20000];
        size_t k = (size_t)snprintf(buf, sizeof buf, "junk line\nmore junk\n");
        memcpy(buf + k, w.p, w.n);
        rc = read_buf(&g, "j.warc", buf, k + w.n, 0, NULL);
        TH_EQ_INT(rc, RASAD_PARSE);
        TH_EQ_INT(g.n, 2);
        TH_EQ_INT(g.nerr, 1);
        EQS(g.err[0], "not a WARC record");
        TH_EQ_INT(g.err_line[0], 0);
        TH_EQ_INT(g.a[0].line, (long)(k + w.off[1]));
        got_free(&g);
    }
}

static void test_warc_gzip_body(void)
{
    static const char html[] = "<html><body><p>متن فشرده در پاسخ.</p></body></html>";
    static wbuf w;
    char block[2048];
    size_t zn, k;
    char *z = gz(html, sizeof html - 1, &zn);
    got g = { 0 };
    int rc;

    k = (size_t)snprintf(block, sizeof block,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
        "Content-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n", zn);
    memcpy(block + k, z, zn);
    memset(&w, 0, sizeof w);
    warc_add(&w, "response", "http://example.org/", "2024-01-01T00:00:00Z", block, k + zn);
    rc = read_buf(&g, "z.warc", w.p, w.n, 0, NULL);
    TH_EQ_INT(rc, RASAD_OK);
    TH_CHECK(g.n == 1);
    EQS(g.a[0].text, "متن فشرده در پاسخ.");
    got_free(&g);
    free(z);
}

/* ---- paths ------------------------------------------------------------- */

static void test_walk(const char *dir)
{
    char tree[900], want[1024], missing[1024], md[1024];
    const char *paths[3] = { tree, missing, md };
    rasad_read_stats st = { 0 };
    got g = { 0 };
    rasad_read_opts o = opts_for(&g, 0);
    static const char *const order[] = { "a/x.jsonl", "a/y.txt", "b/z.txt", "c.txt" };
    int rc;

    snprintf(tree, sizeof tree, "%s/data/read/tree", dir);
    snprintf(missing, sizeof missing, "%s/data/read/no-such-file.txt", dir);
    snprintf(md, sizeof md, "%s/data/read/tree/notes.md", dir);
    rc = rasad_read_paths(paths, 3, &o, &st);
    TH_EQ_INT(rc, RASAD_PARSE);
    TH_EQ_INT(g.nfiles, 6);
    for (int i = 0; i < 4; i++) {
        snprintf(want, sizeof want, "%s/%s", tree, order[i]);
        EQS(g.files[i], want);
    }
    EQS(g.files[4], missing);
    TH_EQ_INT(st.files, 4);
    TH_EQ_INT(st.records, 5);
    TH_EQ_INT(st.rejected, 2);
    TH_EQ_INT(g.nerr, 2);
    TH_CHECK(strncmp(g.err[0], "cannot open: ", 13) == 0);
    EQS(g.err_file[0], missing);
    EQS(g.err[1], "unknown file type");
    EQS(g.a[3].title, "عنوان پرونده دوم");
    got_free(&g);

    /* The callback stops the reading, and its value comes back. */
    g.stop_after = 2;
    rc = rasad_read_paths(paths, 1, &o, NULL);
    TH_EQ_INT(rc, 7);
    TH_EQ_INT(g.n, 2);
    TH_EQ_INT(g.nfiles, 1);
    got_free(&g);

    TH_EQ_INT(rasad_read_paths(paths, 1, NULL, NULL), RASAD_INVAL);
}

static void test_gz_file(void)
{
    char dir[] = "/tmp/rasad_read_XXXXXX", path[256];
    const char *paths[1] = { path };
    static const char lines[] = "{\"text\":\"یک\"}\n{\"text\":\"دو\"}\n";
    rasad_read_stats st = { 0 };
    got g = { 0 };
    rasad_read_opts o = opts_for(&g, 0);
    size_t zn;
    char *z = gz(lines, sizeof lines - 1, &zn);
    FILE *f;
    int rc;

    TH_CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/a.jsonl.gz", dir);
    f = fopen(path, "wb");
    fwrite(z, 1, zn, f);
    fclose(f);
    rc = rasad_read_paths(paths, 1, &o, &st);
    TH_EQ_INT(rc, RASAD_OK);
    TH_EQ_INT(g.n, 2);
    TH_EQ_INT(st.bytes, zn);
    got_free(&g);
    unlink(path);
    rmdir(dir);
    free(z);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests";

    test_txt();
    test_txt_bad();
    test_jsonl();
    test_jsonl_html();
    test_jsonl_gz();
    test_jsonl_long();
    test_html(dir);
    test_html_charsets(dir);
    test_html_file(dir);
    test_warc();
    test_warc_gzip_body();
    test_walk(dir);
    test_gz_file();
    return th_done();
}
