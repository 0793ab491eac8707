/* test_entity.c - canonical names, titles off the front, spelling keys
 * that meet across transliterations and stay apart across surnames, roles
 * beside a name, and any bytes survived. The sentences are written for
 * this test. */
#include <stdlib.h>
#include <string.h>
#include "rasad/entity.h"
#include "rasad/ner.h"
#include "th.h"

static rasad_entity_namer *nm;

static void name_is(int type, const char *in, const char *name, const char *title,
                    unsigned words)
{
    rasad_entity_name e;
    TH_EQ_INT(rasad_entity_name_make(nm, type, in, strlen(in), &e), RASAD_OK);
    TH_EQ_STR(e.name, name);
    TH_EQ_STR(e.title, title);
    TH_EQ_INT(e.words, words);
}

static void key_is(const char *w, const char *key)
{
    char k[64];
    size_t n = rasad_entity_key_word(w, strlen(w), k, sizeof k);
    TH_EQ_STRN(k, n, key);
}

typedef struct roles { char r[4][256]; int n; } roles;

static int on_role(void *ctx, const char *r, size_t n)
{
    roles *x = ctx;
    if (x->n < 4 && n < 256) {
        memcpy(x->r[x->n], r, n);
        x->r[x->n++][n] = '\0';
    }
    return 0;
}

static void roles_of(const char *text, const char *mention, roles *out)
{
    const char *at = strstr(text, mention);
    memset(out, 0, sizeof *out);
    TH_CHECK(at != NULL);
    if (!at)
        return;
    size_t s = (size_t)(at - text);
    TH_EQ_INT(rasad_entity_roles(nm, text, strlen(text), s, s + strlen(mention), on_role, out),
              RASAD_OK);
}

static int same(const char *a, const char *b)
{
    return rasad_entity_same_letters(a, strlen(a), b, strlen(b));
}

/* Typing differences are one name; a vowel letter is another name. */
static void test_same_letters(void)
{
    TH_CHECK(same("ابراهیم رئیسی", "ابراهیم رییسی"));
    TH_CHECK(same("سعید مؤتمنی", "سعید موتمنی"));
    TH_CHECK(same("علی داوودی", "علی داودی"));
    TH_CHECK(same("احمد عبداللهی", "احمد عبدالهی"));
    TH_CHECK(same("صادق پیش\u200cنمازی", "صادق پیشنمازی"));
    TH_CHECK(same("علي كريمي", "علی کریمی"));
    TH_CHECK(!same("علی صالحی", "علی صلاحی"));
    TH_CHECK(!same("حسین محمدی", "حسین محمودی"));
    TH_CHECK(!same("علی سلمانی", "علی سلیمانی"));
    TH_CHECK(!same("علی", "علی رضایی"));
    TH_CHECK(same("", ""));
    TH_CHECK(!rasad_entity_same_letters(NULL, 0, "x", 1));
    TH_CHECK(rasad_entity_common_first("علی", strlen("علی")));
    TH_CHECK(rasad_entity_common_first("مریم", strlen("مریم")));
    TH_CHECK(!rasad_entity_common_first("سرگئی", strlen("سرگئی")));
    TH_CHECK(!rasad_entity_common_first("علی", 2));
}

int main(void)
{
    TH_EQ_INT(rasad_entity_namer_new(&nm), RASAD_OK);
    test_same_letters();

    /* names: titles off, letters and spacing folded */
    name_is(RASAD_NER_PER, "سردار سرتیپ پاسدار دکتر حسین دهقان", "حسین دهقان",
            "سردار سرتیپ پاسدار دکتر", 2);
    name_is(RASAD_NER_PER, "علي كريمي", "علی کریمی", "", 2);
    name_is(RASAD_NER_PER, "حجت‌الاسلام والمسلمین محمدرضا صادقی", "محمدرضا صادقی",
            "حجت‌الاسلام والمسلمین", 2);
    name_is(RASAD_NER_PER, "دکتر", "دکتر", "", 1);              /* a title alone stays a name */
    name_is(RASAD_NER_ORG, "دکتر کلینیک", "دکتر کلینیک", "", 2); /* titles only for persons */
    name_is(RASAD_NER_LOC, "  مسکو ، ", "مسکو", "", 1);
    name_is(RASAD_NER_PER, "", "", "", 0);
    name_is(RASAD_NER_PER, "«»،؛", "", "", 0);

    /* spelling keys */
    key_is("شویگو", "شگو");
    key_is("شایگو", "شگو");
    key_is("دهقان", "دهقن");
    key_is("دهقانی", "دهقنی");
    key_is("پوتین", "پتن");
    key_is("طهران", "تهرن");
    key_is("تهران", "تهرن");
    key_is("", "");
    rasad_entity_name a, b;
    TH_EQ_INT(rasad_entity_name_make(nm, RASAD_NER_PER, "سرگئی شایگو", strlen("سرگئی شایگو"), &a),
              RASAD_OK);
    TH_EQ_INT(rasad_entity_name_make(nm, RASAD_NER_PER, "سرگئی شویگو", strlen("سرگئی شویگو"), &b),
              RASAD_OK);
    TH_EQ_STR(a.key, b.key);
    TH_CHECK(strcmp(a.name, b.name) != 0);
    TH_EQ_STR(a.first, "سرگئی");
    TH_EQ_STR(b.last, "شویگو");

    /* roles beside a name */
    roles r;
    roles_of("ارتشبد سرگئی شویگو وزیر دفاع روسیه در این دیدار گفت", "سرگئی شویگو", &r);
    TH_EQ_INT(r.n, 1);
    TH_EQ_STR(r.r[0], "وزیر دفاع روسیه");
    roles_of("وزیر امور خارجه کشورمان عباس رحیمی به مسکو رفت", "عباس رحیمی", &r);
    TH_EQ_INT(r.n, 1);
    TH_EQ_STR(r.r[0], "وزیر امور خارجه کشورمان");
    roles_of("حسین دهقان، وزیر دفاع ایران و همتای روس او", "حسین دهقان", &r);
    TH_EQ_INT(r.n, 1);
    TH_EQ_STR(r.r[0], "وزیر دفاع ایران");
    roles_of("کامران نیکو سرمربی تیم ملی قرار است فردا بیاید", "کامران نیکو", &r);
    TH_EQ_INT(r.n, 1);                        /* not «… قرار»: what he does next */
    TH_EQ_STR(r.r[0], "سرمربی تیم ملی");
    roles_of("بهرام صالحی فرماندار شهر ظهر امروز گفت", "بهرام صالحی", &r);
    TH_EQ_INT(r.n, 1);
    TH_EQ_STR(r.r[0], "فرماندار شهر");
    roles_of("در تهران. حسین دهقان گفت", "حسین دهقان", &r);
    TH_EQ_INT(r.n, 0);
    roles_of("وزیر گفت. حسین دهقان آمد", "حسین دهقان", &r);   /* a sentence between */
    TH_EQ_INT(r.n, 0);

    /* any bytes */
    static const char junk[] = "\xff\xfe\x00\xd8\xa7\xe2\x80";
    rasad_entity_name e;
    TH_EQ_INT(rasad_entity_name_make(nm, RASAD_NER_PER, junk, sizeof junk - 1, &e), RASAD_OK);
    TH_EQ_INT(rasad_entity_roles(nm, junk, sizeof junk - 1, 0, 3, on_role, &r), RASAD_OK);
    TH_EQ_INT(rasad_entity_roles(nm, junk, sizeof junk - 1, 5, 3, on_role, &r), RASAD_INVAL);
    TH_EQ_INT(rasad_entity_roles(nm, junk, sizeof junk - 1, 0, 99, on_role, &r), RASAD_INVAL);
    char *big = malloc(1 << 20);
    memset(big, 'a', 1 << 20);
    TH_EQ_INT(rasad_entity_name_make(nm, RASAD_NER_PER, big, 1 << 20, &e), RASAD_OK);
    TH_CHECK(e.words <= RASAD_ENTITY_WORDS_MAX);
    free(big);
    rasad_entity_namer_free(nm);
    return th_done();
}
