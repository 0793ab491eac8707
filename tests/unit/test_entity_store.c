/* test_entity_store.c - entities linked across an archive: a small tagger
 * is trained here on sentences written for this test, then articles are
 * ingested with it. One person written two ways (شویگو، شایگو) with the
 * same first name is one entity, and --why says so; a short form in the
 * same article (دهقان) joins its full name; another man with the same
 * surname (علی دهقان) stays apart; roles are kept; relinking gives the
 * same entities; a name typed otherwise (محمدجواد / محمد جواد) is one
 * entity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/ner.h"
#include "rasad/store.h"
#include "th.h"

/* "word/TAG word/TAG ..." with O for untagged words. */
static const char *const train[] = {
    "سردار/O حسین/B-PER دهقان/I-PER وزیر/O دفاع/O با/O سرگئی/B-PER شویگو/I-PER در/O مسکو/B-LOC دیدار/O کرد/O ./O",
    "سرگئی/B-PER شایگو/I-PER وزیر/O دفاع/O روسیه/B-LOC به/O تهران/B-LOC سفر/O کرد/O ./O",
    "ارتشبد/O سرگئی/B-PER شویگو/I-PER در/O مسکو/B-LOC گفت/O همکاری/O ادامه/O دارد/O ./O",
    "دهقان/B-PER در/O این/O دیدار/O گفت/O دو/O کشور/O همکاری/O می‌کنند/O ./O",
    "علی/B-PER دهقان/I-PER بازیکن/O تیم/O فوتبال/O در/O تبریز/B-LOC گل/O زد/O ./O",
    "حسین/B-PER دهقان/I-PER و/O سرگئی/B-PER شایگو/I-PER در/O تهران/B-LOC دیدار/O کردند/O ./O",
    "وزیر/O دفاع/O روسیه/B-LOC سرگئی/B-PER شویگو/I-PER امروز/O به/O مسکو/B-LOC بازگشت/O ./O",
    "علی/B-PER دهقان/I-PER در/O بازی/O دیروز/O دو/O گل/O زد/O ./O",
    "تیم/O فوتبال/O تبریز/B-LOC امروز/O بازی/O کرد/O ./O",
    "مردم/O تهران/B-LOC و/O مسکو/B-LOC از/O این/O دیدار/O خبر/O دارند/O ./O",
};

/* Names typed otherwise: the given name joined and apart. */
static const char *const train_typed[] = {
    "محمدجواد/B-PER کاظمی/I-PER در/O تبریز/B-LOC سخن/O گفت/O ./O",
    "محمد/B-PER جواد/I-PER کاظمی/I-PER در/O تبریز/B-LOC سخن/O گفت/O ./O",
    "مردم/O تبریز/B-LOC از/O این/O سخن/O خبر/O دارند/O ./O",
};

static rasad_ner_model *train_model(const char *const *lines, size_t ntrain)
{
    rasad_ner_trainer *tr;
    if (rasad_ner_trainer_new(&tr) != RASAD_OK)
        return NULL;
    for (int rep = 0; rep < 3; rep++)
        for (size_t i = 0; i < ntrain; i++) {
            char buf[1024];
            const char *tok[64];
            size_t len[64], n = 0;
            uint8_t tags[64];
            snprintf(buf, sizeof buf, "%s", lines[i]);
            for (char *w = strtok(buf, " "); w && n < 64; w = strtok(NULL, " ")) {
                char *slash = strrchr(w, '/');
                *slash = '\0';
                tok[n] = w;
                len[n] = strlen(w);
                tags[n] = (uint8_t)rasad_ner_tag_parse(slash + 1, strlen(slash + 1));
                n++;
            }
            if (rasad_ner_trainer_add(tr, tok, len, tags, n) != RASAD_OK)
                return NULL;
        }
    rasad_ner_train_opts o = { 20, 1, 7, 1 };
    char *bytes;
    size_t nb;
    rasad_ner_model *m = NULL;
    if (rasad_ner_trainer_run(tr, &o, NULL, NULL, &bytes, &nb) == RASAD_OK) {
        if (rasad_ner_model_parse(bytes, nb, &m) != RASAD_OK)
            m = NULL;
        rasad_free(bytes);
    }
    rasad_ner_trainer_free(tr);
    return m;
}

static const char *const articles =
    "{\"id\":\"e1\",\"title\":\"دیدار در مسکو\",\"published\":\"2024-05-01\",\"text\":"
    "\"سردار حسین دهقان وزیر دفاع با سرگئی شویگو وزیر دفاع روسیه در مسکو دیدار کرد. "
    "دهقان در این دیدار گفت دو کشور همکاری می‌کنند.\"}\n"
    "{\"id\":\"e2\",\"title\":\"سفر به تهران\",\"published\":\"2024-05-03\",\"text\":"
    "\"سرگئی شایگو وزیر دفاع روسیه به تهران سفر کرد. حسین دهقان و سرگئی شایگو در تهران دیدار کردند.\"}\n"
    "{\"id\":\"e3\",\"title\":\"گل در تبریز\",\"published\":\"2024-05-04\",\"text\":"
    "\"علی دهقان بازیکن تیم فوتبال در تبریز گل زد. علی دهقان در بازی دیروز دو گل زد.\"}\n"
    "{\"id\":\"e4\",\"title\":\"سخن\",\"published\":\"2024-05-05\",\"text\":"
    "\"دهقان در این دیدار گفت دو کشور همکاری می‌کنند.\"}\n"
    "{\"id\":\"e5\",\"title\":\"وزیر\",\"published\":\"2024-05-06\",\"text\":"
    "\"دهقان وزیر دفاع در تهران گفت دو کشور همکاری می‌کنند.\"}\n";

typedef struct seen {
    int n;
    int64_t id[64];
    char name[64][128];
} seen;

static int collect(void *ud, const rasad_entity_view *e)
{
    seen *x = ud;
    if (x->n < 64) {
        x->id[x->n] = e->id;
        snprintf(x->name[x->n], sizeof x->name[0], "%s", e->name ? e->name : "");
        x->n++;
    }
    return 0;
}

static int count_mention(void *ud, const rasad_mention *m)
{
    int *n = ud;
    if (m->entity > 0 && m->end > m->start && (m->part == 0 || m->part == 1))
        (*n)++;
    return 0;
}

static int first_mention(void *ud, const rasad_mention *m)
{
    int64_t *id = ud;
    if (!*id && m->part == 0)
        *id = m->entity;
    return 0;
}

typedef struct progress { int calls; int64_t done, total; } progress;

static void on_progress(void *ud, int64_t done, int64_t total)
{
    progress *p = ud;
    p->calls++;
    p->done = done;
    p->total = total;
}

static int count_event(void *ud, const rasad_event_view *e)
{
    int *n = ud;
    *n += e->type == 1 && e->nparts >= 2;   /* a meeting with both sides */
    return 0;
}

static int count_quote(void *ud, const rasad_quote_view *q)
{
    int *n = ud;
    *n += q->speaker > 0 && q->text[0] != '\0';
    return 0;
}

static int64_t find(rasad_store *s, const char *name)
{
    int64_t id = 0;
    return rasad_store_entity_find(s, name, &id) == RASAD_OK ? id : 0;
}

int main(void)
{
    char dir[] = "/tmp/rasad_ent_XXXXXX", db[256], in[256];
    rasad_ner_model *m = train_model(train, sizeof train / sizeof train[0]);
    TH_CHECK(m != NULL);
    if (!m || !mkdtemp(dir))
        return th_done();
    snprintf(db, sizeof db, "%s/a.db", dir);
    snprintf(in, sizeof in, "%s/in.jsonl", dir);
    FILE *f = fopen(in, "w");
    fputs(articles, f);
    fclose(f);

    rasad_store *s;
    char err[256];
    TH_EQ_INT(rasad_store_open(db, &s, err, sizeof err), RASAD_OK);
    TH_EQ_INT(rasad_store_set_ner(s, m), RASAD_OK);
    const char *paths[] = { in };
    rasad_ingest_stats is;
    TH_EQ_INT(rasad_store_ingest(s, paths, 1, NULL, &is), RASAD_OK);

    int64_t shoigu = find(s, "سرگئی شویگو"), shaigu = find(s, "ارتشبد سرگئی شایگو");
    int64_t dehghan = find(s, "حسین دهقان"), short_d = find(s, "دهقان");
    int64_t ali = find(s, "علی دهقان"), tehran = find(s, "تهران");
    TH_CHECK(shoigu > 0);
    TH_EQ_INT(shaigu, shoigu);            /* one man, two spellings */
    TH_CHECK(dehghan > 0);
    TH_EQ_INT(short_d, dehghan);          /* «دهقان» after «حسین دهقان» in e1 */
    TH_CHECK(ali > 0 && ali != dehghan);  /* same surname, another man */
    TH_CHECK(tehran > 0 && tehran != shoigu);

    rasad_entity_view e;
    TH_EQ_INT(rasad_store_entity(s, shoigu, &e), RASAD_OK);
    TH_EQ_INT(e.type, RASAD_NER_PER);
    TH_EQ_INT(e.narticles, 2);
    TH_CHECK(e.nforms == 2);
    int why_ok = 0, role_ok = 0, cooc_ok = 0;
    for (size_t i = 0; i < e.nforms; i++)
        if (strstr(e.forms[i].why, "spelling of") && strstr(e.forms[i].why, "سرگئی"))
            why_ok = 1;
    for (size_t i = 0; i < e.nroles; i++)
        if (strcmp(e.roles[i].role, "وزیر دفاع روسیه") == 0 && e.roles[i].first_seen)
            role_ok = 1;
    for (size_t i = 0; i < e.ncooc; i++)
        if (e.cooc[i].id == dehghan && e.cooc[i].articles == 2)
            cooc_ok = 1;
    TH_CHECK(why_ok);
    TH_CHECK(role_ok);
    TH_CHECK(cooc_ok);
    rasad_entity_view_free(&e);
    TH_EQ_INT(rasad_store_entity(s, 999999, &e), RASAD_NOTFOUND);
    TH_EQ_INT(rasad_store_entity_find(s, "ناشناس", &shaigu), RASAD_NOTFOUND);

    seen a = { 0 }, b = { 0 };
    rasad_entities_opts per = { RASAD_NER_PER, 0, 0, 0, 0, 0 };
    TH_EQ_INT(rasad_store_entities(s, &per, collect, &a), RASAD_OK);
    TH_EQ_INT(a.n, 4);                    /* حسین دهقان، شویگو، علی دهقان، a bare دهقان */
    /* e4 writes only «دهقان», with nothing more: not حسین دهقان (the same
     * form was his short form in e1), but e5's «دهقان وزیر دفاع» is him */
    int64_t m4 = 0, m5 = 0;
    TH_EQ_INT(rasad_store_mentions(s, 4, first_mention, &m4), RASAD_OK);
    TH_EQ_INT(rasad_store_mentions(s, 5, first_mention, &m5), RASAD_OK);
    TH_CHECK(m4 > 0 && m4 != dehghan && m4 != ali);
    TH_EQ_INT(m5, dehghan);
    rasad_entities_opts one = { 0, 3, 0, 0, 0, 0 };
    seen c = { 0 };
    TH_EQ_INT(rasad_store_entities(s, &one, collect, &c), RASAD_OK);
    TH_CHECK(c.n >= 2);                   /* article 3: علی دهقان، تبریز */
    int has_ali = 0;
    for (int i = 0; i < c.n; i++)
        has_ali |= c.id[i] == ali;
    TH_CHECK(has_ali);
    rasad_entities_opts by_story = { 0, 0, 3, 0, 0, 1 };   /* story 3: article 3 alone */
    seen d = { 0 };
    TH_EQ_INT(rasad_store_entities(s, &by_story, collect, &d), RASAD_OK);
    TH_EQ_INT(d.n, c.n);
    int nm = 0;
    TH_EQ_INT(rasad_store_mentions(s, 1, count_mention, &nm), RASAD_OK);
    TH_CHECK(nm >= 4);                    /* حسین دهقان، سرگئی شویگو، مسکو، دهقان */

    /* meetings and quotes found with the entities */
    int nmeet = 0, nq = 0;
    rasad_events_opts eo = { 0, dehghan, 0, 0, 0, 0 };
    TH_EQ_INT(rasad_store_events(s, &eo, count_event, &nmeet), RASAD_OK);
    TH_CHECK(nmeet >= 1);                 /* دهقان با شویگو دیدار کرد */
    rasad_quotes_opts qo = { dehghan, 0, 0, 0, 0 };
    TH_EQ_INT(rasad_store_quotes(s, &qo, count_quote, &nq), RASAD_OK);
    TH_CHECK(nq >= 1);                    /* دهقان ... گفت */

    /* relink: the same entities */
    int64_t n = 0;
    progress pg = { 0, 0, 0 };
    rasad_store_set_link_progress(s, on_progress, &pg);
    TH_EQ_INT(rasad_store_relink_entities(s, &n), RASAD_OK);
    TH_EQ_INT(n, 5);
    TH_EQ_INT(pg.calls, 1);               /* five articles: only the end is told */
    TH_EQ_INT(pg.done, 5);
    TH_EQ_INT(pg.total, 5);
    rasad_store_set_link_progress(s, NULL, NULL);
    TH_EQ_INT(rasad_store_entities(s, &per, collect, &b), RASAD_OK);
    TH_EQ_INT(b.n, a.n);
    for (int i = 0; i < a.n && i < b.n; i++)
        TH_EQ_STR(a.name[i], b.name[i]);
    TH_EQ_INT(rasad_store_close(s), RASAD_OK);

    /* a store opened without a model links nothing new, and a read-only one refuses a model */
    TH_EQ_INT(rasad_store_open_readonly(db, &s, err, sizeof err), RASAD_OK);
    TH_EQ_INT(rasad_store_set_ner(s, m), RASAD_INVAL);
    TH_EQ_INT(find(s, "سرگئی شایگو"), shoigu);
    TH_EQ_INT(rasad_store_close(s), RASAD_OK);

    rasad_ner_model_free(m);

    /* one man whose given name is typed joined in one article, apart in
     * the next: one entity, and --why says so */
    m = train_model(train_typed, sizeof train_typed / sizeof train_typed[0]);
    TH_CHECK(m != NULL);
    snprintf(db, sizeof db, "%s/b.db", dir);
    f = fopen(in, "w");
    fputs("{\"id\":\"k1\",\"title\":\"سخنرانی\",\"text\":\"محمدجواد کاظمی در تبریز سخن گفت.\"}\n"
          "{\"id\":\"k2\",\"title\":\"سخن\",\"text\":\"محمد جواد کاظمی در تبریز سخن گفت.\"}\n", f);
    fclose(f);
    if (m && rasad_store_open(db, &s, err, sizeof err) == RASAD_OK) {
        TH_EQ_INT(rasad_store_set_ner(s, m), RASAD_OK);
        TH_EQ_INT(rasad_store_ingest(s, paths, 1, NULL, &is), RASAD_OK);
        int64_t k1 = find(s, "محمدجواد کاظمی"), k2 = find(s, "محمد جواد کاظمی");
        TH_CHECK(k1 > 0);
        TH_EQ_INT(k2, k1);
        if (k1 > 0 && rasad_store_entity(s, k1, &e) == RASAD_OK) {
            int typed = 0;
            for (size_t i = 0; i < e.nforms; i++)
                typed |= strstr(e.forms[i].why, "typed otherwise") != NULL;
            TH_CHECK(typed);
            TH_EQ_INT(e.nforms, 2);
            rasad_entity_view_free(&e);
        }
        TH_EQ_INT(rasad_store_close(s), RASAD_OK);
    }
    rasad_ner_model_free(m);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
    return th_done();
}
