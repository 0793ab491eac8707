/* test_story.c - the story clusterer: one event reported twice is one
 * story, editions of a recurring event are different stories of one
 * thread, time keeps far-apart reports apart, unrelated news starts a new
 * thread, the state survives export/import exactly, bad input is refused;
 * and the summary leaves near-repeats out. The sentences are written for
 * this test. */
#include <stdlib.h>
#include "rasad/alloc.h"
#include "rasad/story.h"
#include "th.h"

static const char *const meeting7 =
    "وزیر کشاورزی ایران و همتای ترکیه‌ای وی در حاشیه هفتمین نمایشگاه بین‌المللی غذا در آنکارا دیدار کردند. "
    "دو وزیر درباره صادرات پسته، زعفران و خشکبار و کاهش تعرفه‌های گمرکی گفتگو کردند. "
    "وزیر کشاورزی گفت حجم تجارت محصولات کشاورزی دو کشور امسال دو برابر خواهد شد. "
    "همتای ترکیه‌ای او نیز از آمادگی آنکارا برای خرید بیشتر زعفران و پسته خبر داد.";

static const char *const meeting7b =
    "دیدار وزیران کشاورزی ایران و ترکیه در آنکارا: وزیر کشاورزی ایران در حاشیه هفتمین نمایشگاه بین‌المللی غذا با همتای ترکیه‌ای خود دیدار کرد. "
    "صادرات پسته و زعفران و خشکبار و کاهش تعرفه‌های گمرکی محور این گفتگو بود. "
    "به گفته وزیر کشاورزی تجارت محصولات کشاورزی دو کشور امسال دو برابر می‌شود.";

static const char *const meeting6 =
    "وزیر کشاورزی ایران و همتای ترکیه‌ای وی در حاشیه ششمین نمایشگاه بین‌المللی غذا در آنکارا دیدار کردند. "
    "دو وزیر درباره صادرات پسته، زعفران و خشکبار و کاهش تعرفه‌های گمرکی گفتگو کردند. "
    "وزیر کشاورزی گفت حجم تجارت محصولات کشاورزی دو کشور امسال افزایش خواهد یافت. "
    "همتای ترکیه‌ای او از آمادگی آنکارا برای خرید زعفران خبر داد.";

static const char *const football =
    "تیم فوتبال استقلال در دیدار هفته دهم لیگ برتر با دو گل از سد پرسپولیس گذشت. "
    "هر دو گل این بازی در نیمه دوم به ثمر رسید و تماشاگران ورزشگاه آزادی شاهد بازی پرهیجانی بودند. "
    "سرمربی استقلال پس از بازی از بازیکنانش برای تلاش بی‌وقفه تشکر کرد.";

static rasad_story_doc doc(uint64_t id, const char *text, int32_t day)
{
    rasad_story_doc d = { id, NULL, 0, text, strlen(text), day, NULL, 0 };
    return d;
}

static void test_votes(void)
{
    rasad_story *c;
    rasad_story_result r;
    TH_EQ_INT(rasad_story_new(NULL, &c), RASAD_OK);
    rasad_story_doc d = doc(10, meeting7, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 10);
    TH_EQ_INT(r.thread, 10);
    TH_CHECK(r.new_story && r.new_thread);

    d = doc(11, meeting7b, RASAD_STORY_UNDATED);      /* the same event, other words */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 10);
    TH_CHECK(!r.new_story);
    TH_CHECK(r.sim >= RASAD_STORY_JOIN);

    d = doc(12, meeting6, RASAD_STORY_UNDATED);       /* the sixth edition, not the seventh */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 12);
    TH_EQ_INT(r.thread, 10);
    TH_CHECK(r.vetoed);
    TH_CHECK(r.best >= RASAD_STORY_JOIN);             /* close words, still apart */

    d = doc(13, football, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 13);
    TH_EQ_INT(r.thread, 13);
    TH_CHECK(r.new_thread);

    rasad_story_info info;
    TH_EQ_INT(rasad_story_get(c, 10, &info), RASAD_OK);
    TH_EQ_INT(info.articles, 2);
    TH_EQ_INT(info.editions, 1);
    TH_EQ_INT(info.edition[0], 7);
    TH_EQ_INT(rasad_story_get(c, 11, &info), RASAD_NOTFOUND);

    /* a copy joins the story it is given, without a vote */
    d = doc(14, meeting7, 20000);
    TH_EQ_INT(rasad_story_join(c, 10, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 10);
    TH_EQ_INT(rasad_story_get(c, 10, &info), RASAD_OK);
    TH_EQ_INT(info.articles, 3);
    TH_EQ_INT(info.first_day, 20000);
    d = doc(15, meeting7, 20000);
    TH_EQ_INT(rasad_story_join(c, 99, &d, &r), RASAD_NOTFOUND);

    /* refused: an id seen before, RASAD_STORY_NONE, NULLs */
    d = doc(11, football, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_INVAL);
    d = doc(RASAD_STORY_NONE, football, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_story_add(c, NULL, &r), RASAD_INVAL);
    rasad_story_free(c);

    rasad_story_opts bad = { 1.5, 0, 0, 0 };
    TH_EQ_INT(rasad_story_new(&bad, &c), RASAD_INVAL);
    TH_CHECK(c == NULL);
}

static const char *const quad =
    "وزیران کشاورزی ایران، ترکیه، عراق و سوریه در نشستی چهارجانبه در آنکارا دیدار کردند. "
    "چهار وزیر درباره صادرات پسته، زعفران و خشکبار و کاهش تعرفه‌های گمرکی گفتگو کردند. "
    "وزیر کشاورزی ایران گفت حجم تجارت محصولات کشاورزی چهار کشور امسال افزایش خواهد یافت.";

/* A meeting's format (نشست چهارجانبه) marks the event like an edition:
 * the same ministers at a four-sided meeting and at the sixth fair are two
 * stories. دوجانبه is no mark: most meetings and relations are that. */
static void test_format(void)
{
    rasad_story *c;
    rasad_story_result r;
    rasad_story_info info;
    TH_EQ_INT(rasad_story_new(NULL, &c), RASAD_OK);
    rasad_story_doc d = doc(1, meeting6, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    d = doc(2, quad, RASAD_STORY_UNDATED);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 2);
    TH_EQ_INT(r.thread, 1);
    TH_CHECK(r.vetoed);
    TH_EQ_INT(rasad_story_get(c, 2, &info), RASAD_OK);
    TH_EQ_INT(info.editions, 1);
    TH_EQ_INT(info.edition[0], RASAD_STORY_SIDES + 4);

    static const struct { const char *text; uint32_t mark; } marks[] = {
        { "مذاکرات سه‌جانبه وزیران در تهران برگزار شد.", RASAD_STORY_SIDES + 3 },
        { "مذاکرات سه جانبه وزیران در تهران برگزار شد.", RASAD_STORY_SIDES + 3 },
        { "اجلاس پنج‌جانبه سران در مسکو آغاز شد.", RASAD_STORY_SIDES + 5 },
        { "روابط دوجانبه دو کشور در نشست دوجانبه بررسی شد.", 0 },
        { "همکاری‌های همه‌جانبه و چهارجانبه دو کشور گسترش می‌یابد.", 0 },
    };
    rasad_story_free(c);
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        TH_EQ_INT(rasad_story_new(NULL, &c), RASAD_OK);
        d = doc(1, marks[i].text, RASAD_STORY_UNDATED);
        TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
        TH_EQ_INT(rasad_story_get(c, 1, &info), RASAD_OK);
        TH_EQ_INT(info.editions, marks[i].mark ? 1 : 0);
        if (marks[i].mark && info.editions)
            TH_EQ_INT(info.edition[0], marks[i].mark);
        rasad_story_free(c);
    }
}

static void test_time(void)
{
    rasad_story *c;
    rasad_story_result r;
    TH_EQ_INT(rasad_story_new(NULL, &c), RASAD_OK);
    rasad_story_doc d = doc(1, meeting7, 19000);
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    d = doc(2, meeting7b, 19003);                     /* three days later: the same story */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 1);
    d = doc(3, meeting7b, 19400);                     /* a year later: another story, same thread */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 3);
    TH_EQ_INT(r.thread, 1);
    TH_CHECK(r.vetoed);
    d = doc(4, meeting7b, RASAD_STORY_UNDATED);       /* undated: text alone decides */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_CHECK(r.story == 1 || r.story == 3);
    d = doc(5, "", 0);                                /* no words: a story of its own */
    TH_EQ_INT(rasad_story_add(c, &d, &r), RASAD_OK);
    TH_EQ_INT(r.story, 5);
    TH_CHECK(r.new_thread);
    rasad_story_free(c);
}

/* Adds texts[from..to) with ids from+1.. and appends "story thread" per
 * article to out. */
static int run(rasad_story *c, const char *const *texts, size_t from, size_t to, uint64_t *out)
{
    for (size_t i = from; i < to; i++) {
        rasad_story_doc d = doc(i + 1, texts[i], (int32_t)(19000 + i % 3));
        rasad_story_result r;
        if (rasad_story_add(c, &d, &r) != RASAD_OK)
            return 0;
        out[2 * i] = r.story;
        out[2 * i + 1] = r.thread;
    }
    return 1;
}

static void test_state(void)
{
    const char *texts[] = { meeting7, football, meeting6, meeting7b, football, meeting7,
                            meeting6, meeting7b };
    enum { N = sizeof texts / sizeof texts[0] };
    uint64_t once[2 * N], twice[2 * N];
    rasad_story *a, *b, *c;
    char *state, *state2;
    size_t n, n2;

    TH_EQ_INT(rasad_story_new(NULL, &a), RASAD_OK);
    TH_CHECK(run(a, texts, 0, N, once));

    TH_EQ_INT(rasad_story_new(NULL, &b), RASAD_OK);
    TH_CHECK(run(b, texts, 0, 4, twice));
    TH_EQ_INT(rasad_story_export(b, &state, &n), RASAD_OK);
    rasad_story_free(b);
    TH_EQ_INT(rasad_story_new(NULL, &c), RASAD_OK);
    TH_EQ_INT(rasad_story_import(c, state, n), RASAD_OK);
    TH_EQ_INT(rasad_story_import(c, state, n), RASAD_INVAL);   /* not empty any more */
    TH_CHECK(run(c, texts, 4, N, twice));
    TH_CHECK(memcmp(once, twice, sizeof once) == 0);

    /* the restored clusterer ends in the same state, byte for byte */
    TH_EQ_INT(rasad_story_export(a, &state2, &n2), RASAD_OK);
    char *state3;
    size_t n3;
    TH_EQ_INT(rasad_story_export(c, &state3, &n3), RASAD_OK);
    TH_CHECK(n2 == n3 && memcmp(state2, state3, n2) == 0);
    rasad_free(state3);

    /* damaged states are refused and leave an empty clusterer */
    rasad_story *d;
    TH_EQ_INT(rasad_story_new(NULL, &d), RASAD_OK);
    TH_EQ_INT(rasad_story_import(d, state, n - 3), RASAD_PARSE);
    TH_EQ_INT(rasad_story_import(d, "RSTY", 4), RASAD_PARSE);
    TH_EQ_INT(rasad_story_import(d, "hello world", 11), RASAD_PARSE);
    state[n / 2] ^= 0x55;
    int rc = rasad_story_import(d, state, n);
    TH_CHECK(rc == RASAD_OK || rc == RASAD_PARSE);
    rasad_story_free(d);
    rasad_story_opts other = { 0.5, 0, 0, 0 };
    TH_EQ_INT(rasad_story_new(&other, &d), RASAD_OK);
    TH_EQ_INT(rasad_story_import(d, state2, n2), RASAD_INVAL);   /* other options */
    rasad_story_free(d);

    rasad_free(state);
    rasad_free(state2);
    rasad_story_free(a);
    rasad_story_free(c);
}

static void test_summary(void)
{
    const char *texts[] = { meeting7, meeting7b, meeting7 };
    size_t lens[3] = { strlen(meeting7), strlen(meeting7b), strlen(meeting7) };
    rasad_summary_pick p[16];
    size_t np;
    TH_EQ_INT(rasad_story_summary(texts, lens, 3, 5, p, &np), RASAD_OK);
    TH_CHECK(np >= 3 && np <= 5);
    /* no sentence picked twice, even from the repeated third text */
    for (size_t i = 0; i < np; i++)
        for (size_t j = i + 1; j < np; j++) {
            size_t li = p[i].end - p[i].start, lj = p[j].end - p[j].start;
            TH_CHECK(!(li == lj && memcmp(texts[p[i].text] + p[i].start,
                                          texts[p[j].text] + p[j].start, li) == 0));
        }
    /* picks come in text order */
    for (size_t i = 1; i < np; i++)
        TH_CHECK(p[i - 1].text < p[i].text ||
                 (p[i - 1].text == p[i].text && p[i - 1].start < p[i].start));
    TH_EQ_INT(rasad_story_summary(texts, lens, 3, 0, p, &np), RASAD_INVAL);
    TH_EQ_INT(rasad_story_summary(NULL, NULL, 0, 3, p, &np), RASAD_OK);
    TH_EQ_INT(np, 0);
}

int main(void)
{
    test_votes();
    test_format();
    test_time();
    test_state();
    test_summary();
    return th_done();
}
