/* test_fts.c - the "rasad" FTS5 tokenizer inside SQLite: spelling variants
 * match, stems and derived forms match in 'rasad stem', snippets and
 * highlights show the original bytes. */
#include <sqlite3.h>
#include <stdlib.h>
#include "rasad/fts.h"
#include "th.h"

static sqlite3 *db;

/* Rowids matching q in table t, as "1 3" (ascending). */
static const char *match(const char *t, const char *q)
{
    static char out[256];
    char sql[256];
    sqlite3_stmt *st;
    out[0] = '\0';
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", t, t);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return "prepare failed";
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%lld", n ? " " : "",
                              (long long)sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    return out;
}

static const char *one_text(const char *sql)
{
    static char out[4096];
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return "prepare failed";
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

int main(void)
{
    TH_EQ_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
    TH_EQ_INT(rasad_fts_register(db), 0);
    TH_EQ_INT(sqlite3_exec(db,
        "CREATE VIRTUAL TABLE s USING fts5(body, tokenize='rasad');"
        "CREATE VIRTUAL TABLE m USING fts5(body, tokenize='rasad stem');", NULL, NULL, NULL),
        SQLITE_OK);
    /* An unknown argument is refused. */
    TH_CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE x USING fts5(b, tokenize='rasad nonsense')",
                          NULL, NULL, NULL) != SQLITE_OK);
    static const char *const docs[] = {
        "كتابها را روي ميز گذاشت",                 /* 1: Arabic letters, joined plural */
        "کتاب ها را روی میز گذاشت",                /* 2: a space for ZWNJ */
        "یک کتاب تازه خرید",                        /* 3: singular */
        "او هر روز به مدرسه می رود",               /* 4: verb with a space */
        "نمایشگاه در سال ۱۴۰۲ برپا شد",            /* 5: Persian digits */
        "مردم ایرانی در این آزادی شادند",           /* 6: adjective, abstract noun */
        "کِتابِ او گم شد",                          /* 7: harakat */
        "آب آشامیدنی و بی‌خوابی",                   /* 8: madda, ZWNJ inside a word */
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "INSERT INTO s VALUES('%s'); INSERT INTO m VALUES('%s');",
                 docs[i], docs[i]);
        TH_EQ_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    }
    /* Surface: every spelling of کتاب‌ها, and only the plural. */
    TH_EQ_STR(match("s", "\"کتاب‌ها\""), "1 2");
    TH_EQ_STR(match("s", "\"کتابها\""), "1 2");
    TH_EQ_STR(match("s", "\"كتاب ها\""), "1 2");
    TH_EQ_STR(match("s", "\"کتاب\""), "3 7");
    TH_EQ_STR(match("s", "\"میرود\""), "4");
    TH_EQ_STR(match("s", "\"1402\""), "5");
    TH_EQ_STR(match("s", "\"١٤٠٢\""), "5");
    TH_EQ_STR(match("s", "\"روي\""), "1 2");
    /* Stem: the singular finds the plural and back. */
    TH_EQ_STR(match("m", "\"کتاب\""), "1 2 3 7");
    TH_EQ_STR(match("m", "\"کتابها\""), "1 2 3 7");
    /* Derived forms meet their base in the stem index only. */
    TH_EQ_STR(match("m", "\"ایران\""), "6");
    TH_EQ_STR(match("s", "\"ایران\""), "");
    TH_EQ_STR(match("m", "\"آزاد\""), "6");
    /* آ typed without madda, a word with or without its ZWNJ. */
    TH_EQ_STR(match("s", "\"اب\""), "8");
    TH_EQ_STR(match("m", "\"آشامیدنی\""), "8");
    TH_EQ_STR(match("s", "\"بیخوابی\""), "8");
    TH_EQ_STR(match("m", "\"بیخواب\""), "8");
    /* Prefix queries. */
    TH_EQ_STR(match("s", "\"کتا\" *"), "1 2 3 7");
    /* Highlights mark the bytes the document holds, not the normal form. */
    TH_EQ_STR(one_text("SELECT highlight(s, 0, '[', ']') FROM s WHERE s MATCH '\"کتاب‌ها\"' AND rowid = 1"),
              "[كتابها] را روي ميز گذاشت");
    TH_EQ_STR(one_text("SELECT highlight(s, 0, '[', ']') FROM s WHERE s MATCH '\"کتاب‌ها\"' AND rowid = 2"),
              "[کتاب ها] را روی میز گذاشت");
    TH_EQ_STR(one_text("SELECT highlight(m, 0, '[', ']') FROM m WHERE m MATCH '\"کتاب\"' AND rowid = 7"),
              "[کِتابِ] او گم شد");
    /* rasad_rank gives bm25's best rows, in bm25's order, with bm25's
     * scores, while skipping the rest: checked on 400 rows of varied
     * length and term counts, for several K. */
    TH_EQ_INT(sqlite3_exec(db, "CREATE VIRTUAL TABLE r USING fts5(title, body, tokenize='rasad stem');",
                           NULL, NULL, NULL), SQLITE_OK);
    srand(7);
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (int i = 0; i < 400; i++) {
        static const char *const w[] = { "باران", "برف", "باد", "آفتاب", "ابر", "مه", "شهر", "روستا" };
        char body[2048];
        size_t n = 0;
        int len = 3 + rand() % 60;
        static const char *const rare[] = { "کوه", "دریا", "جنگل" };
        for (int k = 0; k < len; k++)
            n += (size_t)snprintf(body + n, sizeof body - n, "%s ",
                                  rand() % 40 ? w[rand() % 8] : rare[rand() % 3]);
        char sql[2300];
        snprintf(sql, sizeof sql, "INSERT INTO r VALUES('%s', '%s')", w[rand() % 8], body);
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    static const char *const queries[] = { "\"باران\"", "\"کوه\" OR \"مه\"",
                                           "\"دریا\" AND \"شهر\"", "\"جنگل\" OR \"کوه\" OR \"دریا\"" };
    for (size_t qi = 0; qi < 4; qi++) {
        for (int keep = 1; keep <= 40; keep += 13) {
            char a[1024], b[1024];
            snprintf(a, sizeof a, "SELECT group_concat(printf('%%d:%%.9f', rowid, s), ' ') FROM "
                     "(SELECT rowid, -bm25(r, 2.0, 1.0) AS s FROM r WHERE r MATCH '%s' "
                     "ORDER BY s DESC, rowid LIMIT %d)", queries[qi], keep);
            snprintf(b, sizeof b, "SELECT group_concat(printf('%%d:%%.9f', rowid, s), ' ') FROM "
                     "(SELECT rowid, -rasad_rank(r, %d, 2.0, 1.0) AS s FROM r WHERE r MATCH '%s' "
                     "ORDER BY s DESC, rowid LIMIT %d)", keep, queries[qi], keep);
            char want[4096];
            snprintf(want, sizeof want, "%s", one_text(a));
            TH_CHECK(want[0] != '\0');
            TH_EQ_STR(one_text(b), want);
        }
    }

    /* Invalid UTF-8 and empty text are indexed without error. */
    TH_EQ_INT(sqlite3_exec(db, "INSERT INTO s VALUES(CAST(X'FFD8C3' AS TEXT)); INSERT INTO s VALUES('');",
                           NULL, NULL, NULL), SQLITE_OK);
    TH_EQ_STR(one_text("SELECT count(*) FROM s"), "10");
    sqlite3_close(db);
    return th_done();
}
