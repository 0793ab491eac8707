/* features.c - a text as the clusterer sees it: stemmed words with
 * log-scaled counts (unit length), and the editions of recurring events it
 * names (هفتمین کنفرانس -> 7, نشست چهارجانبه -> RASAD_STORY_SIDES + 4).
 *
 * Words: the tokenizer's index form, stop words and one-letter words left
 * out, stemmed (rasad_stem), each named by a 32-bit hash of its stem.
 * Numbers in digits are left out: a figure repeated across unrelated
 * stories (۱۴۰۲، ۲۰) says little about which event a text reports. Only
 * the body's first LEAD_WORDS words count: news puts the event in its lead,
 * and the tail of a long article wanders (on FarExStance dev, B-cubed F1
 * 0.825 with every word, 0.846 with 200, at the same threshold). Event
 * numbers are read from the whole body. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/number.h"
#include "rasad/stem.h"
#include "buf.h"
#include "hash.h"
#include "story_internal.h"

#define LEAD_WORDS 200

/* Entity names vote as words of their own (a seed apart from stems, so a
 * name never equals a word): each counts NAME_REPEAT times, at most
 * NAMES_MAX names of NAME_BYTES each. */
enum { NAME_REPEAT = 2, NAMES_MAX = 64, NAME_BYTES = 256 };
#define NAME_SEED 0x6e616d6573ULL

/* Nouns of events that recur in numbered editions, in index form (stems
 * and the plural forms the stemmer leaves as they are). An ordinal right
 * before one (ششمین نشست) or right after (دور ششم) names an edition; a
 * format of three or more sides right after one (نشست چهارجانبه،
 * مذاکرات سه‌جانبه) names the meeting's format. */
#define W(s) { s, sizeof s - 1 }
static const struct { const char *w; size_t n; } event_nouns[] = {
    W("اجلاس"), W("اجلاسیه"), W("المپیاد"), W("انتخابات"), W("جشنواره"), W("جلسه"),
    W("دور"), W("دوره"), W("دیدار"), W("سالگرد"), W("سمینار"), W("مجمع"), W("مذاکرات"),
    W("مذاکره"), W("مرحله"), W("مسابقات"), W("مسابقه"), W("نشست"), W("نمایشگاه"),
    W("همایش"), W("کنفرانس"), W("کنگره"),
};

static int is_event_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof event_nouns / sizeof event_nouns[0]; i++)
        if (event_nouns[i].n == n && memcmp(event_nouns[i].w, w, n) == 0)
            return 1;
    return 0;
}

/* An event noun, also with the indefinite ی (نشستی چهارجانبه). */
static int is_event_noun(const char *w, size_t n)
{
    return is_event_word(w, n) ||
           (n > 2 && memcmp(w + n - 2, "\xdb\x8c", 2) == 0 && is_event_word(w, n - 2));
}

/* The number of sides a token names (سه‌جانبه، چهارجانبه -> 3, 4; a lone
 * جانبه after a cardinal word, from card, *lone set), or 0. Two sides are not a
 * format: دوجانبه qualifies most meetings and relations (روابط دوجانبه). */
static uint32_t sides_of(const char *tok, size_t n, int64_t card, int *lone)
{
    static const char suffix[] = "جانبه";
    const size_t sl = sizeof suffix - 1;
    rasad_number num;
    int64_t v = -1;
    if (n < sl || memcmp(tok + n - sl, suffix, sl) != 0)
        return 0;
    n -= sl;
    if (n >= 3 && memcmp(tok + n - 3, "\xe2\x80\x8c", 3) == 0)
        n -= 3;                                /* ZWNJ */
    *lone = n == 0;
    if (n == 0)
        v = card;
    else if (rasad_number_parse(tok, n, RASAD_NUM_NO_ORDINAL, &num) == RASAD_OK &&
             num.len == n && num.ndigits == 0 && num.scale == 0)
        v = num.mant;
    return v >= 3 && v <= 50 ? (uint32_t)v : 0;
}

int rasad__feats_init(rasad__feats *f)
{
    memset(f, 0, sizeof *f);
    return rasad_tokenizer_new(0, &f->tok);
}

void rasad__feats_release(rasad__feats *f)
{
    rasad_tokenizer_free(f->tok);
    rasad_free(f->terms);
    rasad_free(f->v);
    memset(f, 0, sizeof *f);
}

void rasad__editions_add(uint32_t *ed, unsigned *ned, uint32_t v)
{
    unsigned i = 0;
    while (i < *ned && ed[i] < v)
        i++;
    if ((i < *ned && ed[i] == v) || *ned >= RASAD_STORY_EDITIONS)
        return;
    memmove(ed + i + 1, ed + i, (*ned - i) * sizeof *ed);
    ed[i] = v;
    (*ned)++;
}

static size_t codepoints(const char *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)p[i] & 0xC0) != 0x80;
    return k;
}

static void push_term(rasad__feats *f, uint32_t t)
{
    if (f->err)
        return;
    if (f->nterms == f->cterms) {
        uint32_t *p = rasad__grow(f->terms, &f->cterms, f->nterms + 1, sizeof *p, 256);
        if (!p) {
            f->err = RASAD_NOMEM;
            return;
        }
        f->terms = p;
    }
    f->terms[f->nterms++] = t;
}

/* Event marks: an ordinal beside an event noun, a format after one. */
/* The value of tok as one number word: *ord for an ordinal (هفتمین), *card
 * for a cardinal word (بیست), else 0 / -1. */
static void word_number(const char *tok, size_t n, uint32_t *ord, int64_t *card)
{
    rasad_number num;
    *ord = 0;
    *card = -1;
    if (rasad_number_parse(tok, n, 0, &num) == RASAD_OK && num.len == n &&
        num.scale == 0 && num.mant > 0 && num.mant < 100000) {
        if (num.flags & RASAD_NUM_ORDINAL)
            *ord = (uint32_t)num.mant;
        else if (num.ndigits == 0)
            *card = num.mant;
    }
}

static void scan_edition(rasad__feats *f, const char *tok, size_t n, const char *stem, size_t sn)
{
    uint32_t ord = 0;
    int64_t card = -1;
    int event = is_event_noun(tok, n) || is_event_noun(stem, sn);

    if (!event) {
        word_number(tok, n, &ord, &card);
        if (ord && f->prev_and && f->prev_card >= 20 && ord < f->prev_card)
            ord += (uint32_t)f->prev_card;            /* بیست و پنجمین */
    }
    int lone = 0;
    uint32_t sides = event ? 0 : sides_of(tok, n, f->card, &lone);
    if (event && f->prev_ord)
        rasad__editions_add(f->ed, &f->ned, f->prev_ord);
    else if (ord && f->prev_event)
        rasad__editions_add(f->ed, &f->ned, ord);
    else if (sides && (lone ? f->card_after_event : f->prev_event))
        rasad__editions_add(f->ed, &f->ned, RASAD_STORY_SIDES + sides);

    int is_and = n == 2 && memcmp(tok, "\xd9\x88", 2) == 0; /* و */
    f->prev_card = is_and ? f->card : -1;
    f->prev_and = is_and;
    f->card_after_event = card >= 0 && f->prev_event;
    f->card = card;
    f->prev_ord = ord;
    f->prev_event = event;
}

static int on_token(void *ud, int kind, const char *tok, size_t n, size_t start, size_t end)
{
    rasad__feats *f = ud;
    char stem[RASAD_STEM_MAX + 8];
    size_t sn;
    (void)start;
    (void)end;
    if (kind == RASAD_TOKEN_NUMBER) {
        f->prev_ord = 0;
        f->prev_event = 0;
        f->card = -1;
        f->prev_and = 0;
        f->card_after_event = 0;
        return 0;
    }
    sn = rasad_stem_copy(tok, n, stem, sizeof stem);
    if (sn > sizeof stem) {
        memcpy(stem, tok, sizeof stem);   /* not reached: stems are never longer */
        sn = sizeof stem;
    }
    scan_edition(f, tok, n, stem, sn);
    if (codepoints(tok, n) < 2 || rasad_is_stopword(tok, n))
        return 0;
    if (f->nterms >= f->limit)
        return 0;
    uint64_t h = rasad__fnv1a(stem, sn, RASAD__FNV_SEED);
    uint32_t t = (uint32_t)(h ^ h >> 32);
    push_term(f, t);
    return f->err;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int read_text(rasad__feats *f, const char *p, size_t n)
{
    f->prev_ord = 0;
    f->prev_event = 0;
    f->card = f->prev_card = -1;
    f->prev_and = 0;
    f->card_after_event = 0;
    int rc = rasad_tokenize(f->tok, p, n, on_token, f);
    return f->err ? f->err : rc;
}

int rasad__feats_run(rasad__feats *f, const char *title, size_t title_n,
                     const char *text, size_t text_n, const char *const *names, size_t nnames)
{
    int rc;
    f->limit = SIZE_MAX;
    f->nterms = 0;
    f->nv = 0;
    f->ned = 0;
    f->err = 0;
    if (title && title_n) {
        size_t before = f->nterms;
        if ((rc = read_text(f, title, title_n)) != RASAD_OK)
            return rc;
        size_t k = f->nterms - before;        /* the title counts twice */
        for (size_t i = 0; i < k; i++)
            push_term(f, f->terms[before + i]);
        if (f->err)
            return f->err;
    }
    f->limit = f->nterms + LEAD_WORDS;
    if (text && text_n && (rc = read_text(f, text, text_n)) != RASAD_OK)
        return rc;
    for (size_t i = 0; names && i < nnames && i < NAMES_MAX; i++) {
        if (!names[i])
            continue;
        size_t n = strnlen(names[i], NAME_BYTES);
        uint64_t h = rasad__fnv1a(names[i], n, RASAD__FNV_SEED ^ NAME_SEED);
        for (int k = 0; k < NAME_REPEAT; k++)
            push_term(f, (uint32_t)(h ^ h >> 32));
    }
    if (f->err)
        return f->err;
    if (!f->nterms)
        return RASAD_OK;
    qsort(f->terms, f->nterms, sizeof *f->terms, cmp_u32);
    size_t distinct = 1;
    for (size_t i = 1; i < f->nterms; i++)
        distinct += f->terms[i] != f->terms[i - 1];
    if (distinct > f->cv) {
        rasad__tw *v = rasad__grow(f->v, &f->cv, distinct, sizeof *v, 256);
        if (!v)
            return RASAD_NOMEM;
        f->v = v;
    }
    double norm = 0;
    for (size_t i = 0; i < f->nterms;) {
        size_t j = i;
        while (j < f->nterms && f->terms[j] == f->terms[i])
            j++;
        double w = 1.0 + log((double)(j - i));
        f->v[f->nv].term = f->terms[i];
        f->v[f->nv].w = (float)w;
        f->nv++;
        norm += w * w;
        i = j;
    }
    norm = sqrt(norm);
    for (size_t i = 0; i < f->nv; i++)
        f->v[i].w = (float)(f->v[i].w / norm);
    return RASAD_OK;
}
