/* test_events.c - quotes, meetings, agreements, visits and dates in text
 * (events.h): the shapes of reported and direct speech, pronoun speakers,
 * a meeting with its participants, place, occasion and ordinal, relative
 * dates against a fixed publication day, and bad input (NULLs, invalid
 * UTF-8, entity spans out of range or overlapping, allocation failures).
 * The sentences are written for this test; the entity spans are given by
 * hand, as a tagger would give them. */
#include <stdlib.h>
#include "rasad/alloc.h"
#include "rasad/date.h"
#include "rasad/events.h"
#include "rasad/ner.h"
#include "th.h"

#define MAXE 16

typedef struct ents {
    rasad_events_span v[MAXE];
    size_t n;
} ents;

/* Adds the span of the nth (from 1) occurrence of word in text. */
static void add(ents *e, const char *text, const char *word, int nth, int type)
{
    const char *p = text;
    for (int i = 0; p && i < nth; i++) {
        if (i > 0)
            p += strlen(word);
        p = strstr(p, word);
    }
    if (!p || e->n == MAXE) {
        printf("FAIL test setup: '%s' not found\n", word);
        th_fail++;
        return;
    }
    e->v[e->n++] = (rasad_events_span){ type, (size_t)(p - text), (size_t)(p - text) + strlen(word) };
}

static int32_t jalali(int y, int m, int d)
{
    rasad_date j = { y, m, d, RASAD_CAL_JALALI };
    int32_t n = 0;
    if (rasad_date_to_days(&j, &n) != RASAD_OK)
        th_fail++;
    return n;
}

#define SPAN_IS(text, s, e, want) TH_EQ_STRN((text) + (s), (e) - (s), want)

static const char *const meeting =
    "سردار حسین دهقان وزیر دفاع ایران در حاشیه هفتمین کنفرانس امنیت بین‌المللی مسکو با "
    "ارتشبد سرگئی شویگو همتای روس خود دیدار کرد. وی افزود: همکاری دو کشور ادامه دارد.";

static void meeting_ents(ents *e)
{
    e->n = 0;
    add(e, meeting, "حسین دهقان", 1, RASAD_NER_PER);     /* 0 */
    add(e, meeting, "ایران", 1, RASAD_NER_LOC);          /* 1 */
    add(e, meeting, "مسکو", 1, RASAD_NER_LOC);           /* 2 */
    add(e, meeting, "سرگئی شویگو", 1, RASAD_NER_PER);    /* 3 */
}

static void test_meeting(void)
{
    ents e;
    rasad_events_result r;
    meeting_ents(&e);
    TH_EQ_INT(rasad_events_extract(meeting, strlen(meeting), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 1);
    TH_EQ_INT(r.ignored, 0);
    if (r.nevents == 1) {
        const rasad_event *ev = &r.events[0];
        TH_EQ_INT(ev->type, RASAD_EVENT_MEETING);
        TH_CHECK(!(ev->flags & RASAD_EVENT_NOMINAL));
        SPAN_IS(meeting, ev->trig_start, ev->trig_end, "دیدار کرد");
        TH_EQ_INT(ev->nparts, 2);
        if (ev->nparts == 2) {
            TH_EQ_INT(r.parts[ev->part].entity, 0);
            TH_EQ_INT(r.parts[ev->part].side, RASAD_SIDE_SUBJECT);
            TH_EQ_INT(r.parts[ev->part + 1].entity, 3);
            TH_EQ_INT(r.parts[ev->part + 1].side, RASAD_SIDE_WITH);
        }
        TH_EQ_INT(ev->place, 2);
        SPAN_IS(meeting, ev->occ_start, ev->occ_end, "هفتمین کنفرانس امنیت بین‌المللی مسکو");
        TH_EQ_INT(ev->ordinal, 7);
        TH_EQ_INT(ev->day, 20000);                   /* no date in the sentence */
        TH_CHECK(ev->flags & RASAD_EVENT_DATE_PUB);
        TH_EQ_INT(ev->date, RASAD_EVENTS_NONE);
    }
    TH_EQ_INT(r.nquotes, 1);
    if (r.nquotes == 1) {
        const rasad_quote *q = &r.quotes[0];
        TH_EQ_INT(q->kind, RASAD_QUOTE_REPORTED);
        TH_CHECK(q->flags & RASAD_QUOTE_COLON);
        TH_CHECK(q->flags & RASAD_QUOTE_PRONOUN);
        TH_CHECK(!(q->flags & RASAD_QUOTE_FALLBACK));
        TH_EQ_INT(q->speaker, 0);                    /* the subject, not the last person named */
        SPAN_IS(meeting, q->who_start, q->who_end, "وی");
        SPAN_IS(meeting, q->start, q->end, "همکاری دو کشور ادامه دارد");
        SPAN_IS(meeting, q->verb_start, q->verb_end, "افزود");
        TH_EQ_STR(rasad_events_verb_name(q->verb), "افزودن");
    }
    rasad_events_result_release(&r);
    TH_CHECK(r.quotes == NULL && r.nquotes == 0);
    rasad_events_result_release(&r);                 /* twice is fine */
    rasad_events_result_release(NULL);
}

static void test_quote_shapes(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "شویگو گفت: «همکاری نظامی ما ادامه خواهد داشت.» "
                    "«این سند برای منطقه بسیار مهم است»، وزیر خارجه روسیه افزود. "
                    "به گفته لاوروف، مذاکرات هفته آینده در ژنو برگزار می‌شود. "
                    "ظریف در این باره تأکید کرد که ایران به تعهدات خود پایبند است. "
                    "سخنگوی وزارت خارجه می‌گوید: تحریم‌ها اثری ندارد. "
                    "وزیر کشاورزی بر ضرورت صادرات تاکید کرد. "
                    "گفته می‌شود این نشست به تعویق افتاده است. "
                    "او گفت که «صلح» ممکن است.";
    add(&e, t, "شویگو", 1, RASAD_NER_PER);               /* 0 */
    add(&e, t, "روسیه", 1, RASAD_NER_LOC);               /* 1 */
    add(&e, t, "لاوروف", 1, RASAD_NER_PER);              /* 2 */
    add(&e, t, "ژنو", 1, RASAD_NER_LOC);                 /* 3 */
    add(&e, t, "ظریف", 1, RASAD_NER_PER);                /* 4 */
    add(&e, t, "ایران", 1, RASAD_NER_LOC);               /* 5 */
    add(&e, t, "وزارت خارجه", 1, RASAD_NER_ORG);         /* 6 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 6);
    if (r.nquotes == 6) {
        const rasad_quote *q = r.quotes;
        TH_EQ_INT(q[0].kind, RASAD_QUOTE_DIRECT);
        TH_EQ_INT(q[0].speaker, 0);
        SPAN_IS(t, q[0].start, q[0].end, "همکاری نظامی ما ادامه خواهد داشت.");

        TH_EQ_INT(q[1].kind, RASAD_QUOTE_DIRECT);
        TH_CHECK(q[1].flags & RASAD_QUOTE_AFTER);
        TH_CHECK(q[1].flags & RASAD_QUOTE_UNNAMED);
        TH_EQ_INT(q[1].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(t, q[1].start, q[1].end, "این سند برای منطقه بسیار مهم است");
        SPAN_IS(t, q[1].desc_start, q[1].desc_end, "وزیر خارجه روسیه");

        TH_EQ_INT(q[2].kind, RASAD_QUOTE_REPORTED);
        TH_CHECK(q[2].flags & RASAD_QUOTE_ACCORDING);
        TH_EQ_INT(q[2].speaker, 2);
        SPAN_IS(t, q[2].start, q[2].end, "مذاکرات هفته آینده در ژنو برگزار می‌شود");

        TH_EQ_INT(q[3].speaker, 4);
        TH_EQ_STR(rasad_events_verb_name(q[3].verb), "تاکید کردن");
        SPAN_IS(t, q[3].verb_start, q[3].verb_end, "تأکید کرد");
        SPAN_IS(t, q[3].start, q[3].end, "ایران به تعهدات خود پایبند است");

        TH_EQ_INT(q[4].speaker, RASAD_EVENTS_NONE);  /* the spokesman, not the ministry */
        SPAN_IS(t, q[4].who_start, q[4].who_end, "سخنگوی وزارت خارجه");
        SPAN_IS(t, q[4].verb_start, q[4].verb_end, "می‌گوید");

        TH_CHECK(q[5].flags & RASAD_QUOTE_PRONOUN);  /* «صلح» is a word, not a quote */
        TH_EQ_INT(q[5].kind, RASAD_QUOTE_REPORTED);
        TH_EQ_INT(q[5].speaker, 4);                   /* the last subject: ظریف */
    }
    rasad_events_result_release(&r);

    /* «به نوشته X، …» is X's, from the comma on; a reporter heading the
     * clause describes the speaker */
    const char *n = "به نوشته روزنامه تایمز، دولت طرح تازه‌ای آماده کرده است. "
                    "خبرنگار این روزنامه در ادامه گفت: این طرح هفته آینده اعلام می‌شود.";
    ents f = { .n = 0 };
    add(&f, n, "تایمز", 1, RASAD_NER_ORG);              /* 0 */
    TH_EQ_INT(rasad_events_extract(n, strlen(n), f.v, f.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 2);
    if (r.nquotes == 2) {
        TH_CHECK(r.quotes[0].flags & RASAD_QUOTE_ACCORDING);
        TH_EQ_INT(r.quotes[0].speaker, 0);
        SPAN_IS(n, r.quotes[0].start, r.quotes[0].end, "دولت طرح تازه‌ای آماده کرده است");
        TH_EQ_INT(r.quotes[1].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(n, r.quotes[1].who_start, r.quotes[1].who_end, "خبرنگار این روزنامه");
        SPAN_IS(n, r.quotes[1].start, r.quotes[1].end, "این طرح هفته آینده اعلام می‌شود");
    }
    rasad_events_result_release(&r);

    /* no comma: the name right after «به گفته» speaks, from after it on;
     * not when a speech verb follows (that verb's speaker is another) */
    const char *g = "به گفته مریم صادقی همه پرونده‌ها بررسی شده است. "
                    "به گفته تایمز وزیر کشور گفت که طرح آماده است.";
    ents h = { .n = 0 };
    add(&h, g, "مریم صادقی", 1, RASAD_NER_PER);         /* 0 */
    add(&h, g, "تایمز", 1, RASAD_NER_ORG);              /* 1 */
    TH_EQ_INT(rasad_events_extract(g, strlen(g), h.v, h.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 2);
    if (r.nquotes == 2) {
        TH_CHECK(r.quotes[0].flags & RASAD_QUOTE_ACCORDING);
        TH_EQ_INT(r.quotes[0].speaker, 0);
        SPAN_IS(g, r.quotes[0].start, r.quotes[0].end, "همه پرونده‌ها بررسی شده است");
        TH_CHECK(!(r.quotes[1].flags & RASAD_QUOTE_ACCORDING));
        SPAN_IS(g, r.quotes[1].who_start, r.quotes[1].who_end, "وزیر کشور");
    }
    rasad_events_result_release(&r);

    /* a semicolon where a comma belongs: who heads the clause before it
     * speaks; a name inside that clause does not */
    const char *sc = "مریم صادقی با اشاره به اینکه حمید کریمی استعفا داده است؛ گفت: کار ادامه دارد. "
                     "بودجه به حمید کریمی سپرده شد؛ عنوان کرد: کار تمام است.";
    ents k = { .n = 0 };
    add(&k, sc, "مریم صادقی", 1, RASAD_NER_PER);        /* 0 */
    add(&k, sc, "حمید کریمی", 1, RASAD_NER_PER);        /* 1 */
    add(&k, sc, "حمید کریمی", 2, RASAD_NER_PER);        /* 2 */
    TH_EQ_INT(rasad_events_extract(sc, strlen(sc), k.v, k.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 2);
    if (r.nquotes == 2) {
        TH_EQ_INT(r.quotes[0].speaker, 0);
        SPAN_IS(sc, r.quotes[0].start, r.quotes[0].end, "کار ادامه دارد");
        TH_EQ_INT(r.quotes[1].speaker, RASAD_EVENTS_NONE);
        TH_EQ_INT(r.quotes[1].who_start, r.quotes[1].who_end);
    }
    rasad_events_result_release(&r);

    /* an organisation or place speaks only heading its clause (after its
     * kind, a time or «که»); deeper in it, it is what the words are about */
    const char *oc = "امروز خبرگزاری ایسنا گزارش داد که بودجه تصویب شد. "
                     "ستاره تیم استقلال گفت: بازی سختی بود. "
                     "علی رضایی با اشاره به تحریم‌های آمریکا گفت: راه دیگری هست.";
    ents o = { .n = 0 };
    add(&o, oc, "ایسنا", 1, RASAD_NER_ORG);             /* 0 */
    add(&o, oc, "استقلال", 1, RASAD_NER_ORG);           /* 1 */
    add(&o, oc, "آمریکا", 1, RASAD_NER_LOC);            /* 2 */
    TH_EQ_INT(rasad_events_extract(oc, strlen(oc), o.v, o.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 3);
    if (r.nquotes == 3) {
        TH_EQ_INT(r.quotes[0].speaker, 0);
        TH_EQ_INT(r.quotes[1].speaker, RASAD_EVENTS_NONE);
        TH_EQ_INT(r.quotes[2].speaker, RASAD_EVENTS_NONE);
    }
    rasad_events_result_release(&r);

    /* a pronoun with no one named before it */
    const char *u = "او گفت: همه چیز خوب است.";
    TH_EQ_INT(rasad_events_extract(u, strlen(u), NULL, 0, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 1);
    if (r.nquotes == 1) {
        TH_EQ_INT(r.quotes[0].speaker, RASAD_EVENTS_NONE);
        TH_CHECK(r.quotes[0].flags & RASAD_QUOTE_PRONOUN);
        TH_CHECK(r.quotes[0].flags & RASAD_QUOTE_UNNAMED);
    }
    rasad_events_result_release(&r);

    /* the subject of the meeting, not its guest, is «وی» */
    const char *w = "پوتین روز سه‌شنبه با اردوغان دیدار کرد. وی گفت: روابط دو کشور خوب است.";
    e.n = 0;
    add(&e, w, "پوتین", 1, RASAD_NER_PER);
    add(&e, w, "اردوغان", 1, RASAD_NER_PER);
    TH_EQ_INT(rasad_events_extract(w, strlen(w), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 1);
    TH_EQ_INT(r.nevents, 1);
    if (r.nquotes == 1)
        TH_EQ_INT(r.quotes[0].speaker, 0);
    if (r.nevents == 1) {                            /* undated article: the weekday stays open */
        TH_EQ_INT(r.events[0].day, RASAD_EVENTS_UNDATED);
        TH_CHECK(r.events[0].date >= 0);
        TH_CHECK(r.events[0].flags & RASAD_EVENT_DATE_TEXT);
    }
    rasad_events_result_release(&r);
}

/* After a quote, a sentence in the speaker's own voice (first person, or a
 * question) that names someone else leaves the focus on the speaker; a
 * narrator's sentence that names someone moves it. */
static void test_own_voice(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "بهرام صالحی گفت: کار کارخانه ادامه دارد. "
                    "من با ناصر ملکی درباره قرارداد صحبت کردم. "
                    "وی افزود: سفارش‌ها بیشتر شده است. "
                    "چرا پرویز نیکزاد به جلسه نیامد؟ "
                    "او تاکید کرد: هیچ کارگری اخراج نمی‌شود. "
                    "فرهاد توکلی روز شنبه از کارخانه بازدید کرد. "
                    "وی گفت: تولید امسال دو برابر می‌شود.";
    add(&e, t, "بهرام صالحی", 1, RASAD_NER_PER);
    add(&e, t, "ناصر ملکی", 1, RASAD_NER_PER);
    add(&e, t, "پرویز نیکزاد", 1, RASAD_NER_PER);
    add(&e, t, "فرهاد توکلی", 1, RASAD_NER_PER);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 4);
    if (r.nquotes == 4) {
        TH_EQ_INT(r.quotes[0].speaker, 0);
        TH_EQ_INT(r.quotes[1].speaker, 0);          /* not ملکی, named in «من با …» */
        TH_EQ_INT(r.quotes[2].speaker, 0);          /* not نیکزاد, named in a question */
        TH_EQ_INT(r.quotes[3].speaker, 3);          /* the narrator moved on to توکلی */
    }
    rasad_events_result_release(&r);
}

/* An office heads a clause of more than 30 words: the speaker is the
 * office, not a place named inside the clause. */
static void test_long_clause(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "مدیر اداره هواشناسی استان از بارش باران و برف در جاده‌های شمالی و غربی "
                    "و کوهستانی و روستایی و محورهای اصلی و فرعی و راه‌های ارتباطی و گردنه‌های "
                    "مرتفع و مسیرهای پرتردد و بزرگراه‌های شهری و آزادراه‌های بین شهری در روزهای "
                    "آینده و هفته بعد تا مرز خرمشهر خبر داد و گفت: رانندگان با احتیاط حرکت کنند.";
    add(&e, t, "خرمشهر", 1, RASAD_NER_LOC);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 1);
    if (r.nquotes == 1) {
        TH_EQ_INT(r.quotes[0].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(t, r.quotes[0].who_start, r.quotes[0].who_end, "مدیر اداره هواشناسی استان");
    }
    rasad_events_result_release(&r);
}

/* «این X گفت»: a person noun is the person in focus, another noun a
 * described speaker; «این» inside a phrase is not the subject; a surname
 * the tagger missed is the person named in full before. */
static void test_this_speaker(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "کامران فرهادی نامزد انتخابات شهر است. "
                    "این نامزد انتخابات شورای شهر گفت: پارک‌ها بیشتر می‌شود. "
                    "این روزنامه نوشت: شهر به پارک نیاز دارد. "
                    "پس از پایان این جلسه، لیلا احمدی گفت: بودجه کافی است. "
                    "فرهادی افزود: کار از فردا آغاز می‌شود.";
    add(&e, t, "کامران فرهادی", 1, RASAD_NER_PER);
    add(&e, t, "لیلا احمدی", 1, RASAD_NER_PER);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 4);
    if (r.nquotes == 4) {
        TH_EQ_INT(r.quotes[0].speaker, 0);
        TH_CHECK(r.quotes[0].flags & RASAD_QUOTE_PRONOUN);
        SPAN_IS(t, r.quotes[0].who_start, r.quotes[0].who_end, "این نامزد انتخابات شورای شهر");
        TH_EQ_INT(r.quotes[1].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(t, r.quotes[1].who_start, r.quotes[1].who_end, "این روزنامه");
        TH_EQ_INT(r.quotes[2].speaker, 1);
        TH_EQ_INT(r.quotes[3].speaker, 0);          /* «فرهادی», untagged here */
        SPAN_IS(t, r.quotes[3].who_start, r.quotes[3].who_end, "فرهادی");
    }
    rasad_events_result_release(&r);
}

/* Not meetings: a match («دیدار برابر X»), a press conference («نشست
 * خبری»), an interview («با خبرنگار … گفت‌وگو کرد»); no agreement: a
 * signing only called for («ضرورت امضای …»); a meeting beside them still
 * is one. */
/* A person noun heading the clause describes the speaker; the place
 * inside it is not the speaker («خطیب جمعه شهرکرد گفت»), and a group
 * speaks as a group («کارشناسان می‌گویند»). */
static void test_speaker_nouns(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "خطیب جمعه شهرکرد گفت: نماز مهم است. "
                    "کارشناسان می‌گویند که هوا گرم می‌شود. "
                    "بادسار افزود: کار تمام شد. "
                    "همچنین گفت: فردا باران می‌بارد.";
    add(&e, t, "شهرکرد", 1, RASAD_NER_LOC);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 4);
    if (r.nquotes == 4) {
        SPAN_IS(t, r.quotes[2].who_start, r.quotes[2].who_end, "بادسار");   /* a bare name */
        TH_EQ_INT(r.quotes[2].speaker, RASAD_EVENTS_NONE);
        TH_EQ_INT((long)(r.quotes[3].who_end - r.quotes[3].who_start), 0); /* «همچنین» is no one */
        TH_EQ_INT(r.quotes[0].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(t, r.quotes[0].who_start, r.quotes[0].who_end, "خطیب جمعه شهرکرد");
        TH_EQ_INT(r.quotes[1].speaker, RASAD_EVENTS_NONE);
        SPAN_IS(t, r.quotes[1].who_start, r.quotes[1].who_end, "کارشناسان");
    }
    rasad_events_result_release(&r);
}

static void test_not_meetings(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "سهراب نیکو، مدافع پرسپولیس، در دیدار مقابل ملوان مصدوم شد. "
                    "سهراب نیکو و مینا کاوه در نشست خبری حاضر شدند. "
                    "مینا کاوه با خبرنگار با صدا و سیما گفت‌وگو کرد. "
                    "ایران و ژاپن بر ضرورت امضای تفاهم‌نامه تاکید کردند. "
                    "مینا کاوه افزود: باران می‌بارد و سهراب نیکو در گفت‌وگو با ایسنا اظهار کرد: هوا سرد است. "
                    "مینا کاوه با سهراب نیکو دیدار کرد.";
    add(&e, t, "سهراب نیکو", 1, RASAD_NER_PER);
    add(&e, t, "پرسپولیس", 1, RASAD_NER_ORG);
    add(&e, t, "ملوان", 1, RASAD_NER_ORG);
    add(&e, t, "سهراب نیکو", 2, RASAD_NER_PER);
    add(&e, t, "مینا کاوه", 1, RASAD_NER_PER);
    add(&e, t, "مینا کاوه", 2, RASAD_NER_PER);
    add(&e, t, "مینا کاوه", 3, RASAD_NER_PER);
    add(&e, t, "ایران", 1, RASAD_NER_LOC);
    add(&e, t, "ژاپن", 1, RASAD_NER_LOC);
    add(&e, t, "مینا کاوه", 4, RASAD_NER_PER);
    add(&e, t, "سهراب نیکو", 3, RASAD_NER_PER);
    add(&e, t, "ایسنا", 1, RASAD_NER_ORG);
    add(&e, t, "سهراب نیکو", 4, RASAD_NER_PER);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 1);
    if (r.nevents >= 1)
        SPAN_IS(t, r.events[0].trig_start, r.events[0].trig_end, "دیدار کرد");
    rasad_events_result_release(&r);
}

/* An office no one named holds is a described participant of its place
 * («شهردار تهران»); an office beside a person is that person's. */
static void test_office_parts(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    const char *t = "شهردار تهران با شهردار لندن دیدار کرد. "
                    "وزیران دارایی ژاپن و کانادا با لیلا احمدی سفیر ایران گفت‌وگو کردند.";
    add(&e, t, "تهران", 1, RASAD_NER_LOC);
    add(&e, t, "لندن", 1, RASAD_NER_LOC);
    add(&e, t, "ژاپن", 1, RASAD_NER_LOC);
    add(&e, t, "کانادا", 1, RASAD_NER_LOC);
    add(&e, t, "لیلا احمدی", 1, RASAD_NER_PER);
    add(&e, t, "ایران", 1, RASAD_NER_LOC);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 2);
    if (r.nevents == 2 && r.events[0].nparts == 2 && r.events[1].nparts == 3) {
        const rasad_event_part *a = &r.parts[r.events[0].part], *b = &r.parts[r.events[1].part];
        TH_EQ_INT(a[0].entity, RASAD_EVENTS_NONE);
        TH_EQ_INT(a[0].of, 0);
        TH_EQ_INT(a[0].side, RASAD_SIDE_SUBJECT);
        SPAN_IS(t, a[0].desc_start, a[0].desc_end, "شهردار");
        TH_EQ_INT(a[1].of, 1);
        TH_EQ_INT(a[1].side, RASAD_SIDE_WITH);
        TH_EQ_INT(b[0].of, 2);                      /* وزیران دارایی ژاپن */
        TH_EQ_INT(b[1].of, 3);                      /* … و کانادا */
        SPAN_IS(t, b[1].desc_start, b[1].desc_end, "وزیران دارایی");
        TH_EQ_INT(b[2].entity, 4);                  /* the ambassador is لیلا احمدی */
        TH_EQ_INT(r.events[1].place, RASAD_EVENTS_NONE);
    } else {
        TH_CHECK(!"two events of 2 and 3 participants");
    }
    rasad_events_result_release(&r);
}

static void test_other_events(void)
{
    ents e = { .n = 0 };
    rasad_events_result r;
    int32_t pub = jalali(1402, 9, 15);
    const char *t = "ایران و روسیه روز گذشته در تهران سه تفاهم‌نامه همکاری امضا کردند. "
                    "قرارداد همکاری میان شرکت ملی نفت و گازپروم به امضا رسید. "
                    "وانگ یی فردا به تهران سفر خواهد کرد. "
                    "ظریف در گفت‌وگو با خبرنگار ایرنا گفت: سفر لاوروف به آنکارا قطعی است. "
                    "در این دیدار دو طرف درباره سوریه گفتگو کردند. "
                    "در دیدار استقلال و پرسپولیس تیم استقلال با دو گل پیروز شد.";
    add(&e, t, "ایران", 1, RASAD_NER_LOC);                /* 0 */
    add(&e, t, "روسیه", 1, RASAD_NER_LOC);                /* 1 */
    add(&e, t, "تهران", 1, RASAD_NER_LOC);                /* 2 */
    add(&e, t, "شرکت ملی نفت", 1, RASAD_NER_ORG);         /* 3 */
    add(&e, t, "گازپروم", 1, RASAD_NER_ORG);              /* 4 */
    add(&e, t, "وانگ یی", 1, RASAD_NER_PER);              /* 5 */
    add(&e, t, "تهران", 2, RASAD_NER_LOC);                /* 6 */
    add(&e, t, "ظریف", 1, RASAD_NER_PER);                 /* 7 */
    add(&e, t, "ایرنا", 1, RASAD_NER_ORG);                /* 8 */
    add(&e, t, "لاوروف", 1, RASAD_NER_PER);               /* 9 */
    add(&e, t, "آنکارا", 1, RASAD_NER_LOC);               /* 10 */
    add(&e, t, "سوریه", 1, RASAD_NER_LOC);                /* 11 */
    add(&e, t, "استقلال", 1, RASAD_NER_ORG);              /* 12 */
    add(&e, t, "پرسپولیس", 1, RASAD_NER_ORG);             /* 13 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, pub, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 4);                         /* no interview, no «این دیدار», no match */
    if (r.nevents == 4) {
        const rasad_event *ev = r.events;
        TH_EQ_INT(ev[0].type, RASAD_EVENT_AGREEMENT);
        TH_EQ_INT(ev[0].nparts, 2);
        TH_EQ_INT(r.parts[ev[0].part].entity, 0);
        TH_EQ_INT(r.parts[ev[0].part + 1].entity, 1);
        TH_EQ_INT(ev[0].place, 2);
        TH_EQ_INT(ev[0].day, pub - 1);               /* روز گذشته */
        TH_CHECK(ev[0].flags & RASAD_EVENT_DATE_TEXT);

        TH_EQ_INT(ev[1].type, RASAD_EVENT_AGREEMENT);
        TH_EQ_INT(ev[1].nparts, 2);
        TH_EQ_INT(r.parts[ev[1].part].entity, 3);
        TH_EQ_INT(r.parts[ev[1].part + 1].entity, 4);
        TH_EQ_INT(ev[1].day, pub);
        TH_CHECK(ev[1].flags & RASAD_EVENT_DATE_PUB);

        TH_EQ_INT(ev[2].type, RASAD_EVENT_VISIT);
        TH_EQ_INT(ev[2].nparts, 1);
        TH_EQ_INT(r.parts[ev[2].part].entity, 5);
        TH_EQ_INT(ev[2].place, 6);
        TH_EQ_INT(ev[2].day, pub + 1);               /* فردا */

        TH_EQ_INT(ev[3].type, RASAD_EVENT_VISIT);    /* inside the quote of ظریف */
        TH_CHECK(ev[3].flags & RASAD_EVENT_NOMINAL);
        TH_EQ_INT(ev[3].nparts, 1);
        TH_EQ_INT(r.parts[ev[3].part].entity, 9);
        TH_EQ_INT(ev[3].place, 10);
    }
    TH_EQ_INT(r.nquotes, 1);
    if (r.nquotes == 1)
        TH_EQ_INT(r.quotes[0].speaker, 7);
    rasad_events_result_release(&r);
}

static void test_dates(void)
{
    int32_t pub = jalali(1402, 9, 15);
    int w = rasad_date_weekday(pub);
    const char *t = "امروز و دیروز و پریروز و فردا، روز سه‌شنبه، هفته گذشته، ماه گذشته، "
                    "پارسال و ۲۵ آذر و ۳ دی ۱۳۹۵. در ۶ ماه گذشته چیزی نبود.";
    rasad_events_result r;
    TH_EQ_INT(rasad_events_extract(t, strlen(t), NULL, 0, pub, &r), RASAD_OK);
    TH_EQ_INT(r.ndates, 10);
    if (r.ndates == 10) {
        const rasad_textdate *d = r.dates;
        TH_EQ_INT(d[0].kind, RASAD_TD_DAY);
        TH_EQ_INT(d[0].day, pub);
        TH_EQ_INT(d[1].day, pub - 1);
        TH_EQ_INT(d[2].day, pub - 2);
        TH_EQ_INT(d[3].day, pub + 1);
        TH_EQ_INT(d[4].kind, RASAD_TD_WEEKDAY);
        SPAN_IS(t, d[4].start, d[4].end, "روز سه‌شنبه");
        TH_EQ_INT(d[4].day, pub - (w - 3 + 7) % 7);
        TH_EQ_INT(rasad_date_weekday(d[4].day), 3);
        TH_EQ_INT(d[5].kind, RASAD_TD_WEEK);
        TH_EQ_INT(d[5].day, pub - w - 7);            /* the week before, from its شنبه */
        TH_EQ_INT(d[5].ndays, 7);
        TH_EQ_INT(d[6].kind, RASAD_TD_MONTH);
        TH_EQ_INT(d[6].day, jalali(1402, 8, 1));
        TH_EQ_INT(d[6].ndays, 30);
        TH_EQ_INT(d[7].kind, RASAD_TD_YEAR);
        TH_EQ_INT(d[7].day, jalali(1401, 1, 1));
        TH_EQ_INT(d[7].ndays, 365);
        TH_EQ_INT(d[8].kind, RASAD_TD_ABSOLUTE);
        TH_EQ_INT(d[8].day, jalali(1402, 9, 25));   /* no year: the closest one */
        TH_CHECK(d[8].flags & RASAD_TD_YEAR_GUESSED);
        TH_EQ_INT(d[9].day, jalali(1395, 10, 3));
        SPAN_IS(t, d[9].start, d[9].end, "۳ دی ۱۳۹۵");
    }
    rasad_events_result_release(&r);

    /* no publication day: relative dates stay open, absolute ones do not */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), NULL, 0, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.ndates, 10);
    if (r.ndates == 10) {
        TH_EQ_INT(r.dates[0].day, RASAD_EVENTS_UNDATED);
        TH_CHECK(r.dates[0].flags & RASAD_TD_UNRESOLVED);
        TH_CHECK(r.dates[8].flags & RASAD_TD_UNRESOLVED);
        TH_EQ_INT(r.dates[9].day, jalali(1395, 10, 3));
    }
    rasad_events_result_release(&r);
}

/* Results are equal, array by array. */
static int same(const rasad_events_result *a, const rasad_events_result *b)
{
    return a->nquotes == b->nquotes && a->nevents == b->nevents && a->nparts == b->nparts &&
           a->ndates == b->ndates && a->ignored == b->ignored &&
           (!a->nquotes || !memcmp(a->quotes, b->quotes, a->nquotes * sizeof *a->quotes)) &&
           (!a->nevents || !memcmp(a->events, b->events, a->nevents * sizeof *a->events)) &&
           (!a->nparts || !memcmp(a->parts, b->parts, a->nparts * sizeof *a->parts)) &&
           (!a->ndates || !memcmp(a->dates, b->dates, a->ndates * sizeof *a->dates));
}

/* Found by the precision check on real news (bench/events_precision.md):
 * «گفت وگو» with one space is talks, not «گفت»; متذکر شد and فرمودند are
 * speech verbs. */
static void test_precision_fixes(void)
{
    static const char *const text =
        "وزیر خارجه با همتای خود گفت وگو کرد. علی رضایی متذکر شد که همکاری دو کشور ادامه دارد. "
        "مریم کاظمی فرمودند که مدرسه باز می‌ماند.";
    ents e = { .n = 0 };
    add(&e, text, "علی رضایی", 1, RASAD_NER_PER);
    add(&e, text, "مریم کاظمی", 1, RASAD_NER_PER);
    rasad_events_result r;
    TH_EQ_INT(rasad_events_extract(text, strlen(text), e.v, e.n, RASAD_EVENTS_UNDATED, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 2);
    if (r.nquotes == 2) {
        TH_EQ_INT(r.quotes[0].speaker, 0);
        TH_EQ_STR(rasad_events_verb_name(r.quotes[0].verb), "متذکر شدن");
        TH_EQ_INT(r.quotes[1].speaker, 1);
        TH_EQ_STR(rasad_events_verb_name(r.quotes[1].verb), "فرمودن");
    }
    for (size_t i = 0; i < r.nquotes; i++)
        TH_CHECK(strcmp(rasad_events_verb_name(r.quotes[i].verb), "گفتن") != 0);
    rasad_events_result_release(&r);
}

static void test_bad_input(void)
{
    rasad_events_result r, r2;
    ents e;
    TH_EQ_INT(rasad_events_extract(NULL, 0, NULL, 0, 0, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_events_extract("", 0, NULL, 0, 0, NULL), RASAD_INVAL);
    TH_EQ_INT(rasad_events_extract("", 0, NULL, 3, 0, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_events_extract("", (size_t)RASAD_EVENTS_MAX_TEXT + 1, NULL, 0, 0, &r), RASAD_TOOBIG);
    TH_EQ_INT(rasad_events_extract("", 0, NULL, 0, INT32_MAX, &r), RASAD_RANGE);
    TH_EQ_INT(r.nquotes + r.nevents + r.ndates, 0);
    TH_EQ_INT(rasad_events_extract("", 0, NULL, 0, 0, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes + r.nevents + r.ndates, 0);
    rasad_events_result_release(&r);

    /* spans past the end, empty, of no type, overlapping: ignored, the rest used */
    meeting_ents(&e);
    rasad_events_span extra[] = {
        { RASAD_NER_PER, strlen(meeting) - 2, strlen(meeting) + 10 },
        { RASAD_NER_PER, 5, 5 },
        { 99, 0, 4 },
        { RASAD_NER_ORG, e.v[0].start + 2, e.v[0].end + 6 },
        { RASAD_NER_PER, SIZE_MAX - 1, SIZE_MAX },
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        e.v[e.n++] = extra[i];
    TH_EQ_INT(rasad_events_extract(meeting, strlen(meeting), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.ignored, 5);
    TH_EQ_INT(r.nevents, 1);
    TH_EQ_INT(r.nquotes, 1);
    if (r.nquotes == 1)
        TH_EQ_INT(r.quotes[0].speaker, 0);
    /* deterministic: the same call gives the same bytes */
    TH_EQ_INT(rasad_events_extract(meeting, strlen(meeting), e.v, e.n, 20000, &r2), RASAD_OK);
    TH_CHECK(same(&r, &r2));
    rasad_events_result_release(&r2);
    rasad_events_result_release(&r);

    /* invalid UTF-8 around the words */
    char buf[512];
    const char *bad = "\xff\xfe\xc0 وی گفت: \xe2\x80 همکاری ادامه دارد \xed\xa0\x80.";
    size_t n = strlen(bad);
    memcpy(buf, bad, n);
    TH_EQ_INT(rasad_events_extract(buf, n, NULL, 0, 0, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 1);
    for (size_t i = 0; i < r.nquotes; i++)
        TH_CHECK(r.quotes[i].start <= r.quotes[i].end && r.quotes[i].end <= n);
    rasad_events_result_release(&r);

    /* names */
    TH_EQ_STR(rasad_event_type_name(RASAD_EVENT_VISIT), "visit");
    TH_EQ_STR(rasad_event_type_name(0), "");
    TH_EQ_INT(rasad_event_type_parse("meeting", 7), RASAD_EVENT_MEETING);
    TH_EQ_INT(rasad_event_type_parse("meet", 4), 0);
    TH_EQ_STR(rasad_quote_kind_name(RASAD_QUOTE_DIRECT), "direct");
    TH_EQ_STR(rasad_textdate_kind_name(RASAD_TD_WEEK), "week");
    TH_EQ_STR(rasad_events_verb_name(-1), "");
    TH_EQ_STR(rasad_events_verb_name(rasad_events_verb_count()), "");
    TH_EQ_STR(rasad_events_verb_name(0), "گفتن");
}

/* Allocation failures: every call either succeeds with the full result or
 * fails with RASAD_NOMEM and an empty one. */
static long fail_at, allocs;
static void *f_malloc(void *ud, size_t n) { (void)ud; return ++allocs == fail_at ? NULL : malloc(n); }
static void *f_realloc(void *ud, void *p, size_t n) { (void)ud; return ++allocs == fail_at ? NULL : realloc(p, n); }
static void f_free(void *ud, void *p) { (void)ud; free(p); }

static void test_oom(void)
{
    ents e;
    rasad_events_result r;
    meeting_ents(&e);
    rasad_allocator a = { f_malloc, f_realloc, f_free, NULL };
    int ok = 0, nomem = 0, other = 0;
    for (fail_at = 1; fail_at < 400 && !ok; fail_at++) {
        allocs = 0;
        rasad_set_allocator(&a);
        int rc = rasad_events_extract(meeting, strlen(meeting), e.v, e.n, 20000, &r);
        rasad_set_allocator(NULL);
        if (rc == RASAD_OK) {
            ok = r.nevents == 1 && r.nquotes == 1;
            rasad_events_result_release(&r);
        } else if (rc == RASAD_NOMEM && r.quotes == NULL && r.events == NULL && r.dates == NULL) {
            nomem++;
        } else {
            other++;
        }
    }
    TH_CHECK(ok);
    TH_CHECK(nomem > 3);
    TH_EQ_INT(other, 0);
}

/* A participant named only by a relation to a person: «نماینده پوتین» is
 * Putin's envoy, not Putin; «X، مشاور Y» is X's role, no one new. */
static void test_described(void)
{
    static const char *const t1 =
        "فرستاده ویژه آقای پوتین هفته گذشته به تهران سفر کرد.\n"
        "مریم رضایی با نماینده ولادیمیر پوتین در تهران دیدار کرد.\n"
        "کاوه نادری، مشاور سارا امینی، با علی کریمی دیدار کرد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t1, "پوتین", 1, RASAD_NER_PER);          /* 0 */
    add(&e, t1, "تهران", 1, RASAD_NER_LOC);          /* 1 */
    add(&e, t1, "مریم رضایی", 1, RASAD_NER_PER);     /* 2 */
    add(&e, t1, "ولادیمیر پوتین", 1, RASAD_NER_PER); /* 3 */
    add(&e, t1, "تهران", 2, RASAD_NER_LOC);          /* 4 */
    add(&e, t1, "کاوه نادری", 1, RASAD_NER_PER);     /* 5 */
    add(&e, t1, "سارا امینی", 1, RASAD_NER_PER);     /* 6 */
    add(&e, t1, "علی کریمی", 1, RASAD_NER_PER);      /* 7 */
    TH_EQ_INT(rasad_events_extract(t1, strlen(t1), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 3);
    if (r.nevents == 3) {
        const rasad_event *ev = r.events;
        const rasad_event_part *p = &r.parts[ev[0].part];
        TH_EQ_INT(ev[0].type, RASAD_EVENT_VISIT);
        TH_EQ_INT(ev[0].place, 1);
        TH_EQ_INT(ev[0].nparts, 1);
        TH_EQ_INT(p->entity, RASAD_EVENTS_NONE);      /* not Putin himself */
        TH_EQ_INT(p->of, 0);
        SPAN_IS(t1, p->desc_start, p->desc_end, "فرستاده ویژه");
        TH_EQ_INT(ev[1].type, RASAD_EVENT_MEETING);
        TH_EQ_INT(ev[1].nparts, 2);
        TH_EQ_INT(ev[1].place, 4);
        if (ev[1].nparts == 2) {
            p = &r.parts[ev[1].part];
            TH_EQ_INT(p[0].entity, 2);
            TH_EQ_INT(p[0].of, RASAD_EVENTS_NONE);
            TH_EQ_INT(p[0].desc_start, p[0].desc_end);
            TH_EQ_INT(p[1].entity, RASAD_EVENTS_NONE);
            TH_EQ_INT(p[1].of, 3);
            TH_EQ_INT(p[1].side, RASAD_SIDE_WITH);
            SPAN_IS(t1, p[1].desc_start, p[1].desc_end, "نماینده");
        }
        TH_EQ_INT(ev[2].nparts, 2);                  /* کاوه نادری | علی کریمی */
        if (ev[2].nparts == 2) {
            p = &r.parts[ev[2].part];
            TH_EQ_INT(p[0].entity, 5);
            TH_EQ_INT(p[1].entity, 7);
        }
    }
    rasad_events_result_release(&r);
}

/* A speaker named only by an office that was written beside a name earlier
 * (RASAD_QUOTE_ROLE): the same words, or the only role they begin; not
 * when two people hold such a role, and never for a plural office. */
static void test_role_speaker(void)
{
    static const char *const t =
        "نادر احمدی سخنگوی وزارت بهداشت و مینا کاظمی وزیر آموزش ایران و رضا صادقی وزیر آموزش "
        "ترکیه در تهران بودند.\n"
        "سخنگوی وزارت بهداشت گفت: واکسن به اندازه کافی هست.\n"
        "سخنگوی وزارت گفت: نوبت دوم از شنبه است.\n"
        "وزیر آموزش گفت: مدارس باز می‌مانند.\n"
        "نمایندگان وزارت بهداشت گفتند: بودجه کم است.\n"
        "محمد نوری، نماینده مردم شیراز، و سارا رحیمی فرستاده ویژه وزارت بهداشت آمدند.\n"
        "فرستاده ویژه آقای حسن کریمی گفت: نماز جمعه برگزار می‌شود.\n"
        "حامیان نماینده مردم شیراز گفتند: او نامزد می‌شود.\n"
        "نماینده مردم شیراز گفت: نامزد نمی‌شوم.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "نادر احمدی", 1, RASAD_NER_PER);      /* 0 */
    add(&e, t, "مینا کاظمی", 1, RASAD_NER_PER);      /* 1 */
    add(&e, t, "ایران", 1, RASAD_NER_LOC);           /* 2 */
    add(&e, t, "رضا صادقی", 1, RASAD_NER_PER);       /* 3 */
    add(&e, t, "ترکیه", 1, RASAD_NER_LOC);           /* 4 */
    add(&e, t, "تهران", 1, RASAD_NER_LOC);           /* 5 */
    add(&e, t, "محمد نوری", 1, RASAD_NER_PER);       /* 6 */
    add(&e, t, "شیراز", 1, RASAD_NER_LOC);           /* 7 */
    add(&e, t, "سارا رحیمی", 1, RASAD_NER_PER);      /* 8 */
    add(&e, t, "حسن کریمی", 1, RASAD_NER_PER);       /* 9 */
    add(&e, t, "شیراز", 2, RASAD_NER_LOC);           /* 10 */
    add(&e, t, "شیراز", 3, RASAD_NER_LOC);           /* 11 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 7);
    if (r.nquotes == 7) {
        const rasad_quote *q = r.quotes;
        TH_EQ_INT(q[0].speaker, 0);                  /* the same words */
        TH_CHECK(q[0].flags & RASAD_QUOTE_ROLE);
        SPAN_IS(t, q[0].who_start, q[0].who_end, "سخنگوی وزارت بهداشت");
        TH_EQ_INT(q[1].speaker, 0);                  /* the only role they begin */
        TH_CHECK(q[1].flags & RASAD_QUOTE_ROLE);
        TH_EQ_INT(q[2].speaker, RASAD_EVENTS_NONE);  /* two ministers of education */
        TH_CHECK(q[2].flags & RASAD_QUOTE_UNNAMED);
        TH_CHECK(!(q[2].flags & RASAD_QUOTE_ROLE));
        TH_EQ_INT(q[3].speaker, RASAD_EVENTS_NONE);  /* a plural office */
        TH_CHECK(q[3].flags & RASAD_QUOTE_UNNAMED);
        TH_EQ_INT(q[4].speaker, RASAD_EVENTS_NONE);  /* Karimi's envoy, not Rahimi */
        TH_EQ_INT(q[5].speaker, RASAD_EVENTS_NONE);  /* the MP's supporters */
        TH_EQ_INT(q[6].speaker, 6);                  /* the MP himself */
        TH_CHECK(q[6].flags & RASAD_QUOTE_ROLE);
    }
    rasad_events_result_release(&r);
}

/* A side written only by an office is the person the article named with
 * it; «هرگونه نشست» is no meeting. */
static void test_office_participant(void)
{
    static const char *const t =
        "رضا نادری، وزیر خارجه ایران، صبح امروز به مسکو رسید.\n"
        "وزیر خارجه ایران با سرگئی لاوروف دیدار کرد.\n"
        "علی رضایی مدیرکل سیاسی استان دیروز آمد.\n"
        "مدیرکل سیاسی استان هرگونه مذاکره با آمریکا را رد کرد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "رضا نادری", 1, RASAD_NER_PER);       /* 0 */
    add(&e, t, "ایران", 1, RASAD_NER_LOC);           /* 1 */
    add(&e, t, "مسکو", 1, RASAD_NER_LOC);            /* 2 */
    add(&e, t, "ایران", 2, RASAD_NER_LOC);           /* 3 */
    add(&e, t, "سرگئی لاوروف", 1, RASAD_NER_PER);    /* 4 */
    add(&e, t, "علی رضایی", 1, RASAD_NER_PER);       /* 5 */
    add(&e, t, "آمریکا", 1, RASAD_NER_LOC);          /* 6 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 1);                         /* «هرگونه مذاکره»: none held */
    if (r.nevents == 1) {
        const rasad_event *ev = r.events;
        TH_EQ_INT(ev->type, RASAD_EVENT_MEETING);
        TH_EQ_INT(ev->nparts, 2);
        if (ev->nparts == 2) {
            TH_EQ_INT(r.parts[ev->part].entity, 0);    /* not ایران */
            TH_EQ_INT(r.parts[ev->part].side, RASAD_SIDE_SUBJECT);
            TH_EQ_INT(r.parts[ev->part + 1].entity, 4);
        }
    }
    rasad_events_result_release(&r);
}

/* An event told as to come (RASAD_EVENT_PLANNED): a future or subjunctive
 * verb, or «قرار است» before it; one that happened is not. */
static void test_planned(void)
{
    static const char *const t =
        "مریم رضایی فردا با سرگئی لاوروف دیدار خواهد کرد.\n"
        "قرار است مریم رضایی با سرگئی لاوروف دیدار کند.\n"
        "مریم رضایی دیروز با سرگئی لاوروف دیدار کرد.\n"
        "مریم رضایی فردا به مسکو سفر می‌کند.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "مسکو", 1, RASAD_NER_LOC);
    add(&e, t, "مریم رضایی", 4, RASAD_NER_PER);
    for (int k = 1; k <= 3; k++) {
        add(&e, t, "مریم رضایی", k, RASAD_NER_PER);
        add(&e, t, "سرگئی لاوروف", k, RASAD_NER_PER);
    }
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 4);
    if (r.nevents == 4) {
        TH_CHECK(r.events[0].flags & RASAD_EVENT_PLANNED);
        TH_CHECK(r.events[1].flags & RASAD_EVENT_PLANNED);
        TH_CHECK(!(r.events[2].flags & RASAD_EVENT_PLANNED));
        TH_EQ_INT(r.events[3].type, RASAD_EVENT_VISIT);   /* a present verb, tomorrow */
        TH_CHECK(r.events[3].flags & RASAD_EVENT_PLANNED);
        TH_EQ_INT(r.events[1].nparts, 2);
    }
    rasad_events_result_release(&r);
}

/* «در گفت‌وگو با» an outlet, then speech, is an interview; with a person
 * it is talks. */
static void test_interview(void)
{
    static const char *const t =
        "علی رضایی در گفت‌وگو با ایسنا درباره بودجه گفت: کسری داریم.\n"
        "علی رضایی در گفت‌وگو با سرگئی لاوروف گفت: همکاری ادامه دارد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "علی رضایی", 1, RASAD_NER_PER);       /* 0 */
    add(&e, t, "ایسنا", 1, RASAD_NER_ORG);           /* 1 */
    add(&e, t, "علی رضایی", 2, RASAD_NER_PER);       /* 2 */
    add(&e, t, "سرگئی لاوروف", 1, RASAD_NER_PER);    /* 3 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nquotes, 2);
    TH_EQ_INT(r.nevents, 1);
    if (r.nevents == 1) {
        TH_EQ_INT(r.events[0].nparts, 2);
        TH_EQ_INT(r.parts[r.events[0].part + 1].entity, 3);
    }
    rasad_events_result_release(&r);
}

/* Talks named without a light verb are a topic or a process, not a
 * meeting, unless they are over («پس از مذاکره با X») or held
 * («مذاکرات … برگزار می‌شود»). */
static void test_talks_named(void)
{
    static const char *const t =
        "حمید کریمی مسئول مذاکرات با مریم صادقی درباره قرارداد بوده است.\n"
        "حمید کریمی پس از مذاکره با مریم صادقی به توافق رسید.\n"
        "دور تازه مذاکرات حمید کریمی و مریم صادقی فردا برگزار می‌شود.\n"
        "حمید کریمی مخالف مذاکره با مریم صادقی است و نشست بعدی فردا برگزار می‌شود.\n"
        "حمید کریمی مسئول دور بعد مذاکره با مریم صادقی است.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "حمید کریمی", 1, RASAD_NER_PER);      /* 0 */
    add(&e, t, "مریم صادقی", 1, RASAD_NER_PER);      /* 1 */
    add(&e, t, "حمید کریمی", 2, RASAD_NER_PER);      /* 2 */
    add(&e, t, "مریم صادقی", 2, RASAD_NER_PER);      /* 3 */
    add(&e, t, "حمید کریمی", 3, RASAD_NER_PER);      /* 4 */
    add(&e, t, "مریم صادقی", 3, RASAD_NER_PER);      /* 5 */
    add(&e, t, "حمید کریمی", 4, RASAD_NER_PER);      /* 6 */
    add(&e, t, "مریم صادقی", 4, RASAD_NER_PER);      /* 7 */
    add(&e, t, "حمید کریمی", 5, RASAD_NER_PER);      /* 8 */
    add(&e, t, "مریم صادقی", 5, RASAD_NER_PER);      /* 9 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 2);
    if (r.nevents == 2) {
        TH_EQ_INT(r.parts[r.events[0].part].entity, 2);
        TH_EQ_INT(r.parts[r.events[0].part + 1].entity, 3);
        TH_EQ_INT(r.parts[r.events[1].part].entity, 4);
    }
    rasad_events_result_release(&r);
}

/* In a sports report دیدار is a match, unless two people meet. */
static void test_sports_report(void)
{
    static const char *const t =
        "استقلال فردا با پرسپولیس دیدار خواهد کرد.\n"
        "سرمربی تیم گفت بازیکنان آماده‌اند و هواداران به ورزشگاه می‌آیند و جام را می‌خواهند.\n"
        "در لیگ این فصل بازی سختی در پیش است.\n"
        "پیش از دیدار با پرسپولیس، علی کریمی با مسعود سلطانی دیدار کرد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "استقلال", 1, RASAD_NER_ORG);         /* 0 */
    add(&e, t, "پرسپولیس", 1, RASAD_NER_ORG);        /* 1 */
    add(&e, t, "پرسپولیس", 2, RASAD_NER_ORG);        /* 2 */
    add(&e, t, "علی کریمی", 1, RASAD_NER_PER);       /* 3 */
    add(&e, t, "مسعود سلطانی", 1, RASAD_NER_PER);    /* 4 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 1);
    if (r.nevents == 1) {
        TH_EQ_INT(r.events[0].nparts, 2);
        TH_EQ_INT(r.parts[r.events[0].part].entity, 3);
        TH_EQ_INT(r.parts[r.events[0].part + 1].entity, 4);
    }
    rasad_events_result_release(&r);
}

/* Events that did not happen or are only sought, an interview told with
 * the indefinite, and «نشست» as the verb «sat». */
static void test_not_held(void)
{
    static const char *const t =
        "مریم رضایی به دلیل ویزا نتوانست به پاریس سفر کند.\n"
        "مریم رضایی از امضای قرارداد با سرگئی لاوروف امتناع کرد.\n"
        "مریم رضایی در گفت‌وگویی کوتاه با ایسنا از بودجه انتقاد کرد.\n"
        "هواپیمای مریم رضایی در فرودگاه پاریس به زمین نشست.\n"
        "مریم رضایی به پاریس سفر کرد و با سرگئی لاوروف دیدار کرد.\n"
        "ناوگروه مریم رضایی وارد آب‌های پاریس شد.\n"
        "توپ مریم رضایی وارد دروازه تیم پاریس شد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "مریم رضایی", 1, RASAD_NER_PER);
    add(&e, t, "پاریس", 1, RASAD_NER_LOC);
    add(&e, t, "مریم رضایی", 2, RASAD_NER_PER);
    add(&e, t, "سرگئی لاوروف", 1, RASAD_NER_PER);
    add(&e, t, "مریم رضایی", 3, RASAD_NER_PER);
    add(&e, t, "ایسنا", 1, RASAD_NER_ORG);
    add(&e, t, "مریم رضایی", 4, RASAD_NER_PER);
    add(&e, t, "پاریس", 2, RASAD_NER_LOC);
    add(&e, t, "مریم رضایی", 5, RASAD_NER_PER);
    add(&e, t, "پاریس", 3, RASAD_NER_LOC);
    add(&e, t, "سرگئی لاوروف", 2, RASAD_NER_PER);
    add(&e, t, "مریم رضایی", 6, RASAD_NER_PER);
    add(&e, t, "پاریس", 4, RASAD_NER_LOC);
    add(&e, t, "مریم رضایی", 7, RASAD_NER_PER);
    add(&e, t, "پاریس", 5, RASAD_NER_LOC);
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 2);                         /* only the fifth line's visit and meeting */
    for (size_t i = 0; i < r.nevents; i++)
        TH_CHECK(r.events[i].sent_start == (size_t)(strstr(t, "مریم رضایی به پاریس سفر کرد") - t));
    rasad_events_result_release(&r);
}

/* A counterpart with no name is a described participant; with a name
 * after it, the name is the participant. */
static void test_counterpart(void)
{
    static const char *const t =
        "مریم رضایی در مسکو با همتای روس خود دیدار کرد.\n"
        "مریم رضایی با همتای روس خود سرگئی لاوروف دیدار کرد.";
    ents e = { .n = 0 };
    rasad_events_result r;
    add(&e, t, "مریم رضایی", 1, RASAD_NER_PER);      /* 0 */
    add(&e, t, "مسکو", 1, RASAD_NER_LOC);            /* 1 */
    add(&e, t, "مریم رضایی", 2, RASAD_NER_PER);      /* 2 */
    add(&e, t, "سرگئی لاوروف", 1, RASAD_NER_PER);    /* 3 */
    TH_EQ_INT(rasad_events_extract(t, strlen(t), e.v, e.n, 20000, &r), RASAD_OK);
    TH_EQ_INT(r.nevents, 2);
    if (r.nevents == 2 && r.events[0].nparts == 2 && r.events[1].nparts == 2) {
        const rasad_event_part *p = &r.parts[r.events[0].part];
        TH_EQ_INT(p[0].entity, 0);
        TH_EQ_INT(p[1].entity, RASAD_EVENTS_NONE);
        TH_EQ_INT(p[1].of, RASAD_EVENTS_NONE);
        SPAN_IS(t, p[1].desc_start, p[1].desc_end, "همتای روس خود");
        TH_EQ_INT(r.events[0].place, 1);
        p = &r.parts[r.events[1].part];
        TH_EQ_INT(p[1].entity, 3);
    } else {
        TH_CHECK(0);
    }
    rasad_events_result_release(&r);
}

int main(void)
{
    test_meeting();
    test_described();
    test_role_speaker();
    test_office_participant();
    test_planned();
    test_interview();
    test_talks_named();
    test_sports_report();
    test_not_held();
    test_counterpart();
    test_quote_shapes();
    test_own_voice();
    test_long_clause();
    test_this_speaker();
    test_speaker_nouns();
    test_not_meetings();
    test_office_parts();
    test_other_events();
    test_dates();
    test_precision_fixes();
    TH_CHECK(rasad_events_verb_count() <= 96);   /* quotes.c makes the forms of at most 96 */
    test_bad_input();
    test_oom();
    return th_done();
}
