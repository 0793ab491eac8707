/* test_sentence.c - golden cases for the sentence splitter (sentences
 * written for this test). Each case lists the expected sentences joined by
 * " | ". */
#include <string.h>
#include "rasad/sentence.h"
#include "th.h"

struct collect {
    const char *p;     /* the text being split */
    char out[2048];    /* sentences joined by " | " */
    size_t n;          /* bytes used in out */
    size_t last_end;   /* end of the previous span */
    int bad;           /* a span was empty, out of bounds or out of order */
    int count;         /* sentences seen */
    int stop_after;    /* return 7 after this many sentences (0: never) */
};

static void put(struct collect *c, const char *s, size_t n)
{
    if (c->n + n < sizeof c->out) {
        memcpy(c->out + c->n, s, n);
        c->n += n;
    }
}

static int on_sentence(void *ctx, size_t start, size_t end)
{
    struct collect *c = ctx;
    if (start >= end || start < c->last_end)
        c->bad = 1;
    c->last_end = end;
    if (c->count++ > 0)
        put(c, " | ", 3);
    put(c, c->p + start, end - start);
    return c->stop_after && c->count == c->stop_after ? 7 : 0;
}

static int split(struct collect *c, const char *p, size_t n, unsigned flags)
{
    memset(c, 0, sizeof *c);
    c->p = p;
    return rasad_sentence_split(p, n, flags, on_sentence, c);
}

static const struct { const char *text, *want; } golden[] = {
    /* stop marks */
    { "او آمد. ما رفتیم.", "او آمد. | ما رفتیم." },
    { "آیا می‌آیی؟ بله!", "آیا می‌آیی؟ | بله!" },
    { "چرا?! نمی‌دانم", "چرا?! | نمی‌دانم" },
    { "هوا سرد بود؛ ما ماندیم.", "هوا سرد بود؛ ما ماندیم." },
    /* closers stay with their sentence */
    { "او رفت (دیروز). ما ماندیم.", "او رفت (دیروز). | ما ماندیم." },
    { "He said \"no.\" Then left.", "He said \"no.\" | Then left." },
    { "کتاب را خواندی؟) بعد", "کتاب را خواندی؟) | بعد" },
    /* short quotes are never split; long ones are */
    { "«من می‌آیم.» گفت او. بعد رفت.", "«من می‌آیم.» گفت او. | بعد رفت." },
    { "گفت: «آیا تو هم؟» و خندید.", "گفت: «آیا تو هم؟» و خندید." },
    { "وزیر گفت: «ما برای گفتگو آماده‌ایم و هیچ شرطی نداریم. این موضوع را بارها "
      "گفته‌ایم و باز هم می‌گوییم. سفر هیئت ما هفته آینده انجام می‌شود و نتیجه را "
      "اعلام می‌کنیم.» سپس رفت.",
      "وزیر گفت: «ما برای گفتگو آماده‌ایم و هیچ شرطی نداریم. | این موضوع را "
      "بارها گفته‌ایم و باز هم می‌گوییم. | سفر هیئت ما هفته آینده انجام می‌شود "
      "و نتیجه را اعلام می‌کنیم.» | سپس رفت." },
    /* abbreviations and initials */
    { "در سال ۱۳۰۰ ه.ش. به دنیا آمد.", "در سال ۱۳۰۰ ه.ش. به دنیا آمد." },
    { "او در ۶۲۲ م. هجرت کرد. بعد", "او در ۶۲۲ م. هجرت کرد. | بعد" },
    { "سال ۵۰۰ ق.م. بود.", "سال ۵۰۰ ق.م. بود." },
    { "سال ۱۴۰۰ ه.ق. آغاز شد.", "سال ۱۴۰۰ ه.ق. آغاز شد." },
    { "ج. ۲، ص. ۴۵ را ببینید.", "ج. ۲، ص. ۴۵ را ببینید." },
    { "آواز م. ر. شجریان پخش شد.", "آواز م. ر. شجریان پخش شد." },
    { "Dr. Smith met the U.S. envoy. Talks went well.",
      "Dr. Smith met the U.S. envoy. | Talks went well." },
    { "الف. بند اول", "الف. بند اول" },
    { "۱. بند اول", "۱. بند اول" },
    /* decimals, ellipsis, addresses */
    { "عدد پی ۳.۱۴ و ۳٫۱۴ و 3.14 است.", "عدد پی ۳.۱۴ و ۳٫۱۴ و 3.14 است." },
    { "او گفت... و رفت.", "او گفت... و رفت." },
    { "شاید… نمی‌دانم.", "شاید… نمی‌دانم." },
    { "چه؟… نه!", "چه؟… | نه!" },
    { "سایت example.com را ببین.", "سایت example.com را ببین." },
    { "رقم (!) عجیب بود.", "رقم (!) عجیب بود." },
    /* a missing space after a Persian stop mark still ends the sentence */
    { "او آمد.ما رفتیم.", "او آمد. | ما رفتیم." },
    /* line breaks; trimming; no empty sentences */
    { "عنوان خبر\nمتن خبر", "عنوان خبر | متن خبر" },
    { "  \n\n  او آمد.  \r\n\r\n  ", "او آمد." },
    { "", "" },
    { " . ", "." },
    { "\xE2\x80\x8C" "سلام" "\xC2\xA0", "سلام" },
};

static void check_golden(void)
{
    size_t i;
    struct collect c;
    for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
        TH_EQ_INT(split(&c, golden[i].text, strlen(golden[i].text), 0), 0);
        TH_EQ_STRN(c.out, c.n, golden[i].want);
        TH_CHECK(!c.bad);
    }
}

static void check_flags_and_stop(void)
{
    struct collect c;
    const char *t = "یک جمله که\nادامه دارد.\n\nبعدی";
    split(&c, t, strlen(t), RASAD_SENT_SOFT_NEWLINE);
    TH_EQ_STRN(c.out, c.n, "یک جمله که\nادامه دارد. | بعدی");
    split(&c, t, strlen(t), 0);
    TH_EQ_STRN(c.out, c.n, "یک جمله که | ادامه دارد. | بعدی");
    memset(&c, 0, sizeof c);
    c.stop_after = 1;
    t = "یک. دو. سه.";
    c.p = t;
    TH_EQ_INT(rasad_sentence_split(t, strlen(t), 0, on_sentence, &c), 7);
    TH_EQ_INT(c.count, 1);
}

static void check_bytes(void)
{
    static const char bad[] = "\xFF\xC0. \xE0\x80?\xF4\x90\x80\x80! \xD8";
    static const char all[] = "a.b. c?d!\n\x00\n«»«.»";
    struct collect c;
    unsigned char buf[300];
    size_t i;
    TH_EQ_INT(split(&c, bad, sizeof bad - 1, 0), 0);
    TH_CHECK(!c.bad && c.last_end <= sizeof bad - 1);
    TH_EQ_INT(split(&c, all, sizeof all - 1, 0), 0);
    TH_CHECK(!c.bad);
    for (i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    TH_EQ_INT(split(&c, (const char *)buf, sizeof buf, 0), 0);
    TH_CHECK(!c.bad && c.last_end <= sizeof buf);
    /* not NUL-terminated: the split stops at n */
    TH_EQ_INT(split(&c, "او آمد. ما", strlen("او آمد"), 0), 0);
    TH_EQ_STRN(c.out, c.n, "او آمد");
}

int main(void)
{
    check_golden();
    check_flags_and_stop();
    check_bytes();
    return th_done();
}
