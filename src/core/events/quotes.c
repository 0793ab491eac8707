/* quotes.c - direct and reported speech in one sentence.
 *
 * A speech verb (tables.c) is read in one of three shapes:
 *   before the words   «X گفت: …», «X گفت که …», «X در این باره افزود «…»»
 *   after the words    «…، X افزود.», ««…»، X گفت.»
 *   «به گفته X، …»
 * The speaker is looked for in the verb's clause (back to a colon, a
 * semicolon, a quote mark or the sentence start; «به گزارش X،» skipped):
 * the first person or pronoun there that is not after a preposition, or
 * «این» + a person noun heading it (این نامزد: resolved as a pronoun); else
 * an untagged word heading it that ends a full name written before (a
 * surname the tagger missed); else the first organisation or place,
 * unless an office word or, heading the clause, a person or group noun
 * comes before it (سخنگوی وزارت خارجه، امام جمعه کرج، کارشناسان: a
 * described speaker, no entity); else «این» + another noun (این روزنامه:
 * described). A pronoun is the person last in subject position (roles.c).
 * Verbs inside quote marks are part of someone's words and are passed
 * over. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "rasad/ner.h"
#include "events_internal.h"

#define WINDOW 80       /* tokens a speaker may stand before its verb: a long
                           clause (an office, then «از … خبر داد و گفت») keeps its
                           head; 30 lost it to a place named inside (510 of 18,829
                           quotes on the news changed, most for the better) */
#define SURNAME_BACK 64  /* full names looked back at for an untagged surname */
#define QUOTE_TOKENS 4000 /* tokens a «…» may run before it is taken as unclosed */

static const ev_word passives[] = { { "می شود" }, { "می شد" }, { "شد" }, { "شده" }, { "نشد" },
                                    { "نشده" }, { "شده است" }, { "می شوند" } };
static const ev_word that[] = { { "که" } };
/* «به گفته X، …», «به نوشته X، …», «طبق گفته X، …»: X said or wrote what
 * follows the comma (a participle after به or طبق is no speech verb). */
static const ev_word according[] = { { "به گفته" }, { "به گفته ی" }, { "به نوشته" },
                                     { "به نوشته ی" }, { "طبق گفته" }, { "طبق گفته ی" },
                                     { "بنا به گفته" }, { "بنا بر گفته" } };
/* In «…، X افزود.» only the speaker stands between the comma and the verb:
 * an object (بر ضرورت … تاکید کرد) means the verb has no quote. */
static const ev_word objects[] = { { "بر" }, { "را" }, { "به" }, { "از" }, { "با" } };
#define AFTER_WINDOW 8

/* Every written form of every speech verb, made once (the verb at each
 * token of every article is looked for: building them per token was 6% of
 * an ingest). */
enum { VERB_FORMS = 9, VERBS_MAX = 96 };
static char verb_form[VERBS_MAX][VERB_FORMS][128];
static pthread_once_t verb_forms_once = PTHREAD_ONCE_INIT;

static void make_verb_forms(void)
{
    static const char *const past[] = { "", "ند", "ه", "ه است", "ه اند", "ه بود", "ه بودند" };
    static const char *const pres[] = { "د", "ند" };
    for (size_t v = 0; v < rasad__ev_nverbs && v < VERBS_MAX; v++) {
        const ev_verb *vb = &rasad__ev_verbs[v];
        char stem[64];
        for (size_t f = 0; f < VERB_FORMS; f++) {
            if (f < EV_COUNT(past))
                snprintf(stem, sizeof stem, "%s%s", vb->past, past[f]);
            else
                snprintf(stem, sizeof stem, "می %s%s", vb->pres, pres[f - EV_COUNT(past)]);
            snprintf(verb_form[v][f], sizeof verb_form[v][f], "%s %s", vb->noun ? vb->noun : "",
                     stem);
        }
    }
}

/* The speech verb at t: its index and tokens; -1 when none. */
static int verb_at(const ev_doc *d, size_t t, size_t lim, size_t *ntok)
{
    const char *key = d->keys + d->tok[t].key;
    size_t kn = d->tok[t].nkey;
    int best = -1;
    *ntok = 0;
    if (kn < 2)
        return -1;
    pthread_once(&verb_forms_once, make_verb_forms);
    for (size_t v = 0; v < rasad__ev_nverbs && v < VERBS_MAX; v++) {
        const ev_verb *vb = &rasad__ev_verbs[v];
        const char *first = vb->noun ? vb->noun : vb->past;
        if (memcmp(key, first, 2) != 0 && (vb->noun || memcmp(key, "\xd9\x85", 2) != 0))
            continue;                          /* the first letter (or the م of می) */
        for (size_t f = 0; f < VERB_FORMS; f++) {
            size_t m = rasad__ev_match(d, t, lim, verb_form[v][f]);
            if (m > *ntok) {
                *ntok = m;
                best = (int)v;
            }
        }
    }
    if (best < 0)
        return -1;
    /* «گفته می‌شود», «اعلام شد»: passive, no speaker */
    size_t after = t + *ntok;
    if (after < lim && rasad__ev_in(d, after, passives, EV_COUNT(passives)))
        return -1;
    /* «گفت و گو»: a meeting noun, not the verb */
    size_t mm;
    if (rasad__ev_longest(d, t, lim, rasad__ev_meet_nouns, sizeof *rasad__ev_meet_nouns,
                          rasad__ev_nmeet_nouns, &mm) >= 0 && mm > *ntok)
        return -1;
    return best;
}

int rasad__ev_speech_after(const ev_doc *d, size_t s, size_t t)
{
    size_t m;
    for (size_t u = t; u < d->sent[s].t1; u++)
        if (d->tok[u].depth == 0 && verb_at(d, u, d->sent[s].t1, &m) >= 0)
            return 1;
    return 0;
}

typedef struct speaker {
    int ent;                 /* doc entity, or -1 */
    unsigned flags;
    size_t who_s, who_e, desc_s, desc_e;
} speaker;

/* 1 when «این» at u starts the clause [w0, w1) (or follows a comma in it)
 * and a noun phrase: «این نامزد گفت», not «این در حالی است» or «این که»,
 * nor «پس از پایان این مسابقه، X گفت». */
static int this_noun(const ev_doc *d, size_t u, size_t w0, size_t w1)
{
    if (u + 1 >= w1 || d->tok[u].depth > 0 || d->tok[u + 1].ent >= 0 || !rasad__ev_is(d, u, "این"))
        return 0;
    if (u > w0 && !(d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)))
        return 0;
    if (d->tok[u + 1].gap & (EV_G_HARD | EV_G_COMMA | EV_G_PAREN | EV_G_DASH) || d->tok[u + 1].num)
        return 0;
    return !rasad__ev_in(d, u + 1, rasad__ev_role_stops, rasad__ev_nrole_stops) &&
           !rasad__ev_in(d, u + 1, rasad__ev_preps, rasad__ev_npreps);
}

/* 1 when token t is a word the tagger left untagged, outside quotes, and
 * neither a number, a preposition nor a word that ends a role phrase: one
 * that may be the subject heading a clause. */
static int untagged_word(const ev_doc *d, size_t t)
{
    return d->tok[t].ent < 0 && d->tok[t].depth == 0 && !d->tok[t].num &&
           !rasad__ev_in(d, t, rasad__ev_role_stops, rasad__ev_nrole_stops) &&
           !rasad__ev_in(d, t, rasad__ev_preps, rasad__ev_npreps);
}

/* The person whose full name, written before token u, ends with u's word,
 * when the tagger left u, the head of the speaker's clause, untagged:
 * «… علی چرخ‌ساز … . چرخ‌ساز گفت: …». -1 when none. */
static int surname_at(const ev_doc *d, size_t u)
{
    if (!untagged_word(d, u))
        return -1;
    const ev_tok *k = &d->tok[u];
    for (size_t i = d->nent, seen = 0; i-- > 0 && seen < SURNAME_BACK;) {
        const ev_ent *en = &d->ent[i];
        if (en->t1 > u || en->t1 - en->t0 < 2 || en->type != RASAD_NER_PER)
            continue;
        seen++;
        const ev_tok *l = &d->tok[en->t1 - 1];
        if (l->nkey == k->nkey && memcmp(d->keys + l->key, d->keys + k->key, k->nkey) == 0)
            return (int)i;
    }
    return -1;
}

/* The end of an office phrase at u (سخنگوی وزارت خارجه), or, at the head
 * of the clause [w0, w1), of a phrase that a person noun begins (نامزد
 * انتخابات ریاست جمهوری، داور بین‌المللی فوتسال); u when neither. */
static size_t speaker_noun_end(const ev_doc *d, size_t u, size_t w0, size_t w1)
{
    size_t r = rasad__ev_role_end(d, u, w1), m;
    if (r > u || (u > w0 && !(d->tok[u].gap & (EV_G_HARD | EV_G_COMMA))))
        return r;
    if (rasad__ev_longest(d, u, w1, rasad__ev_person_nouns, sizeof *rasad__ev_person_nouns,
                          rasad__ev_nperson_nouns, &m) < 0 &&
        rasad__ev_longest(d, u, w1, rasad__ev_group_nouns, sizeof *rasad__ev_group_nouns,
                          rasad__ev_ngroup_nouns, &m) < 0)
        return u;
    return rasad__ev_phrase_end(d, u + m, w1);
}

/* The tokens of the person noun (نامزد، دیپلمات، وزیر …) after «این» at u,
 * below w1; 0 when none. */
static size_t this_person(const ev_doc *d, size_t u, size_t w1)
{
    size_t m;
    return rasad__ev_longest(d, u + 1, w1, rasad__ev_person_nouns, sizeof *rasad__ev_person_nouns,
                             rasad__ev_nperson_nouns, &m) >= 0 ? m : 0;
}

/* «این X» at dem speaks, m the tokens of its person noun (this_person):
 * a person noun (این نامزد، این دیپلمات ارشد) is an anaphor, resolved as وی
 * is; another noun (m == 0: این گزارش) describes a speaker that is no
 * entity. */
static speaker this_speaker(ev_doc *d, size_t s, size_t dem, size_t m, size_t w1)
{
    speaker sp = { -1, RASAD_QUOTE_UNNAMED, 0, 0, 0, 0 };
    size_t end = rasad__ev_phrase_end(d, dem + 1 + (m ? m : 1), w1);
    sp.who_s = sp.desc_s = d->tok[dem].start;
    sp.who_e = sp.desc_e = d->tok[end - 1].end;
    if (m) {
        int fb;
        sp.ent = rasad__ev_resolve(d, dem, d->sent[s].t0, &fb);
        sp.flags = RASAD_QUOTE_PRONOUN | (fb ? RASAD_QUOTE_FALLBACK : 0) |
                   (sp.ent < 0 ? RASAD_QUOTE_UNNAMED : 0);
        if (sp.ent >= 0) {
            d->salient = sp.ent;
            d->spoke = 1;
        }
    }
    return sp;
}

/* Words that head a clause without being its subject. */
static const ev_word not_subjects[] = {
    { "همچنین" }, { "سپس" }, { "اما" }, { "ولی" }, { "بعدا" }, { "قبلا" }, { "وقتی" },
    { "چون" }, { "اگر" }, { "زیرا" }, { "بلکه" }, { "حتی" }, { "فقط" }, { "تنها" },
    { "همه" }, { "هر" }, { "کسی" }, { "برخی" }, { "بعضی" }, { "بسیاری" }, { "باید" },
    { "شاید" }, { "البته" }, { "ضمنا" }, { "بنابراین" }, { "لذا" }, { "ولیکن" }, { "یا" },
    { "آنها" }, { "آنان" }, { "شما" }, { "طبق" }, { "براساس" }, { "بنابر" }, { "اینکه" },
    { "سخن" }, { "حضرت" }, { "می‌توان" }, { "نمی‌توان" }, { "صراحتا" }, { "صراحتاً" },
    { "مثلا" }, { "بارها" }, { "آنگاه" }, { "خواند" }, { "دیدید" }, { "آقایان" },
};

/* 1 when the one word t before a speech verb, heading its clause, can be
 * its subject though the tagger named nothing there («وارسته افزود»,
 * «پلیس اعلام کرد»): no function word, pronoun or number. */
static int bare_subject(const ev_doc *d, size_t t)
{
    return d->tok[t].nkey >= 4 && untagged_word(d, t) &&
           !rasad__ev_in(d, t, rasad__ev_pronouns, rasad__ev_npronouns) &&
           !rasad__ev_in(d, t, rasad__ev_first_person, rasad__ev_nfirst_person) &&
           !rasad__ev_in(d, t, rasad__ev_demonstratives, rasad__ev_ndemonstratives) &&
           !rasad__ev_in(d, t, not_subjects, EV_COUNT(not_subjects));
}

/* Words that may stand before an organisation or place that speaks: its
 * kind («کشور ژاپن می‌گوید», «خبرگزاری ایسنا گزارش داد», «سایت رسمی گمرک
 * چین … می‌گوید»). */
static const ev_word org_heads[] = {
    { "کشور" }, { "دولت" }, { "شهر" }, { "استان" }, { "خبرگزاری" }, { "روزنامه" },
    { "نشریه" }, { "هفته نامه" }, { "ماهنامه" }, { "مجله" }, { "شبکه" }, { "تلویزیون" },
    { "رادیو" }, { "کانال" }, { "خبری" }, { "سایت" }, { "وب سایت" }, { "وبسایت" }, { "وب" },
    { "وبگاه" }, { "پایگاه" }, { "اینترنتی" }, { "رسمی" }, { "اطلاع رسانی" }, { "جنبش" },
    { "گروه" }, { "حزب" }, { "آژانس" }, { "روابط" }, { "عمومی" },
    /* and times and adverbs of the clause («امروز باشگاه رئال مادرید رسما
     * اعلام کرد», «همچنین باشگاه … اعلام کرد») */
    { "امروز" }, { "دیروز" }, { "روز" }, { "گذشته" }, { "دیشب" }, { "امشب" }, { "صبح" },
    { "عصر" }, { "شب" }, { "ظهر" }, { "بامداد" }, { "شنبه" }, { "یکشنبه" }, { "دوشنبه" },
    { "سه شنبه" }, { "چهارشنبه" }, { "پنجشنبه" }, { "جمعه" }, { "همچنین" }, { "اما" },
    { "ولی" }, { "حال" }, { "سپس" }, { "نیز" }, { "رسما" }, { "سرانجام" }, { "اخیرا" },
    { "پیشتر" } };
/* Words after which a clause starts afresh («در حالی که پلیس برزیل اعلام
 * کرد», «پس از آنکه دیوان محاسبات اعلام کرد»). */
static const ev_word clause_opens[] = { { "که" }, { "آنکه" }, { "اینکه" }, { "چون" } };

/* Does token u head its clause, which starts at w0: first in it, or after
 * a comma or «که», with at most words of org_heads (and numbers) before
 * it? An organisation or place deeper in the clause («با اشاره به
 * توطئه‌های امریکا … گفت», «ستاره تیم فوتبال چلسی اعلام کرد») is what
 * or whom the speaker talks of, not who speaks. */
static int heads_clause(const ev_doc *d, size_t u, size_t w0)
{
    for (size_t k = u; k > w0; k--) {
        if (d->tok[k].gap & (EV_G_COMMA | EV_G_HARD))
            return 1;
        if (rasad__ev_in(d, k - 1, clause_opens, EV_COUNT(clause_opens)))
            return 1;
        if (!d->tok[k - 1].num && !rasad__ev_in(d, k - 1, org_heads, EV_COUNT(org_heads)))
            return 0;
    }
    return 1;
}

/* Finds the speaker in tokens [w0, w1) of sentence s. */
static speaker find_speaker(ev_doc *d, size_t s, size_t w0, size_t w1)
{
    speaker sp = { -1, RASAD_QUOTE_UNNAMED, 0, 0, 0, 0 };
    size_t per = SIZE_MAX, pron = SIZE_MAX, other = SIZE_MAX, role = SIZE_MAX, dem = SIZE_MAX;
    for (size_t u = w0; u < w1; u++) {
        if (d->tok[u].depth > 0)
            continue;
        int e = d->tok[u].ent;
        if (e >= 0 && d->ent[e].t0 == u && !rasad__ev_after_prep(d, (size_t)e, w0)) {
            int ty = d->ent[e].type;
            if (ty == RASAD_NER_PER && per == SIZE_MAX)
                per = u;
            else if ((ty == RASAD_NER_ORG || ty == RASAD_NER_LOC) && other == SIZE_MAX &&
                     heads_clause(d, u, w0))
                other = u;
        }
        if (e < 0 && pron == SIZE_MAX && rasad__ev_in(d, u, rasad__ev_pronouns, rasad__ev_npronouns) &&
            !(u > w0 && !(d->tok[u].gap & (EV_G_HARD | EV_G_COMMA)) &&
              rasad__ev_in(d, u - 1, rasad__ev_preps, rasad__ev_npreps)))
            pron = u;
        if (e < 0 && role == SIZE_MAX && speaker_noun_end(d, u, w0, w1) > u)
            role = u;
        if (e < 0 && dem == SIZE_MAX && this_noun(d, u, w0, w1))
            dem = u;
    }
    size_t dm = dem != SIZE_MAX ? this_person(d, dem, w1) : 0;
    size_t pdem = dm > 0 ? dem : SIZE_MAX;
    if (per != SIZE_MAX && per <= pron && per <= pdem) {
        sp.ent = d->tok[per].ent;
        sp.flags = 0;
    } else if (pdem < pron) {                   /* «این نامزد گفت»: the person in focus */
        return this_speaker(d, s, pdem, dm, w1);
    } else if (pron == SIZE_MAX && per == SIZE_MAX && (sp.ent = surname_at(d, w0)) >= 0) {
        sp.flags = 0;                           /* «چرخ‌ساز گفت»: named in full before */
        sp.who_s = sp.desc_s = sp.desc_e = d->tok[w0].start;
        sp.who_e = d->tok[w0].end;
        d->salient = sp.ent;
        d->spoke = 1;
        return sp;
    } else if (pron != SIZE_MAX) {
        int fb;
        sp.ent = rasad__ev_resolve(d, pron, d->sent[s].t0, &fb);
        sp.flags = RASAD_QUOTE_PRONOUN | (fb ? RASAD_QUOTE_FALLBACK : 0) |
                   (sp.ent < 0 ? RASAD_QUOTE_UNNAMED : 0);
        sp.who_s = d->tok[pron].start;
        sp.who_e = d->tok[pron].end;
        if (sp.ent >= 0) {
            d->salient = sp.ent;
            d->spoke = 1;
        }
        return sp;
    } else if (other != SIZE_MAX && (role == SIZE_MAX || role > other)) {
        sp.ent = d->tok[other].ent;
        sp.flags = 0;
    } else if (dem != SIZE_MAX && role == SIZE_MAX) {   /* «این روزنامه نوشت» */
        return this_speaker(d, s, dem, dm, w1);
    } else if (role != SIZE_MAX) {
        size_t rend = speaker_noun_end(d, role, w0, w1);
        sp.who_s = sp.desc_s = d->tok[role].start;
        sp.who_e = sp.desc_e = d->tok[rend - 1].end;
        int e = rasad__ev_office_holder(d, role, rend, w0, w1);
        if (e >= 0) {                           /* «سخنگوی کاخ سفید» named before */
            sp.ent = e;
            sp.flags = RASAD_QUOTE_ROLE;
            d->salient = e;
            d->spoke = 1;
        }
        return sp;
    } else if (w1 == w0 + 1 && bare_subject(d, w0)) {
        sp.who_s = sp.desc_s = d->tok[w0].start;   /* «وارسته افزود»: the word, no entity */
        sp.who_e = sp.desc_e = d->tok[w0].end;
        return sp;
    } else {
        return sp;
    }
    const ev_ent *en = &d->ent[sp.ent];
    sp.who_s = en->start;
    sp.who_e = en->end;
    rasad__ev_desc(d, (size_t)sp.ent, w0, w1, &sp.desc_s, &sp.desc_e);
    if (en->type == RASAD_NER_PER) {
        d->salient = sp.ent;
        d->spoke = 1;
    }
    return sp;
}

/* The words of a «…» opened in the gap before token q: [*s, *e), the
 * token after its close in *next. Returns 0 when it closes, 1 when it runs
 * to the end of sentence s (unclosed). */
static int quoted(const ev_doc *d, size_t s, size_t q, size_t *qs, size_t *qe, size_t *next)
{
    int depth = q < d->ntok ? d->tok[q].depth : 0;
    rasad__ev_mark_pos(d, q, EV_G_QOPEN, 1, qs);
    for (size_t u = q + 1; u <= d->ntok && u < q + QUOTE_TOKENS; u++) {
        unsigned g = u < d->ntok ? d->tok[u].gap : d->gap_end;
        if ((g & EV_G_QCLOSE) && d->tok[u - 1].depth <= depth) {
            *qe = rasad__ev_mark_pos(d, u, EV_G_QCLOSE, 0, NULL);
            *next = u;
            return 0;
        }
    }
    *qe = d->tok[d->sent[s].t1 - 1].end;
    *next = d->sent[s].t1;
    return 1;
}

static void emit(ev_doc *d, size_t s, int kind, unsigned flags, size_t ws, size_t we,
                 const speaker *sp, int verb, size_t v0, size_t v1)
{
    rasad_events_result *r = d->res;
    rasad_quote *q = rasad__ev_push(d, (void **)&r->quotes, &r->nquotes, &d->cq, sizeof *q);
    if (!q)
        return;
    q->kind = kind;
    q->flags = flags | sp->flags;
    q->start = ws;
    q->end = we > ws ? we : ws;
    q->sent_start = d->sent[s].start;
    q->sent_end = d->sent[s].end;
    q->speaker = sp->ent >= 0 ? d->ent[sp->ent].idx : RASAD_EVENTS_NONE;
    q->who_start = sp->who_s;
    q->who_end = sp->who_e;
    q->desc_start = sp->desc_s;
    q->desc_end = sp->desc_e;
    q->verb = verb;
    q->verb_start = d->tok[v0].start;
    q->verb_end = d->tok[v1 - 1].end;
}

/* The token whose gap opens the «…» that closes in the gap before cut
 * (not before t0), or cut when there is none. */
static size_t opening(const ev_doc *d, size_t t0, size_t cut)
{
    if (!(d->tok[cut].gap & EV_G_QCLOSE) || cut == 0)
        return cut;
    int depth = d->tok[cut - 1].depth;
    for (size_t o = cut; o-- > t0 && cut - o < QUOTE_TOKENS;) {
        if (d->tok[o].depth < depth)
            return cut;
        if (d->tok[o].depth == depth && (d->tok[o].gap & EV_G_QOPEN))
            return o;
    }
    return cut;
}

/* «…، X افزود.»: the words before the verb at t. Returns the token after
 * the next token to look at. */
static void after_words(ev_doc *d, size_t s, size_t t, size_t v1, int verb)
{
    const ev_sent *se = &d->sent[s];
    size_t u = t, commas = 0;
    speaker sp = { -1, RASAD_QUOTE_UNNAMED, 0, 0, 0, 0 };
    size_t cut = SIZE_MAX;
    while (u > se->t0 && commas < 3 && t - u < AFTER_WINDOW) {
        if (d->tok[u].depth == 0 && rasad__ev_in(d, u, objects, EV_COUNT(objects)))
            return;
        if (d->tok[u].gap & (EV_G_COMMA | EV_G_QCLOSE | EV_G_COLON)) {
            commas++;
            sp = find_speaker(d, s, u, t);
            cut = u;
            if (sp.ent >= 0 || !(sp.flags & RASAD_QUOTE_UNNAMED) || sp.who_e > sp.who_s)
                break;
        }
        u--;
    }
    if (cut != SIZE_MAX && cut > se->t0) {
        size_t qs, qe, next, o = opening(d, se->t0, cut);
        size_t from = rasad__ev_clause(d, se->t0, cut - 1, QUOTE_TOKENS);
        if (o < cut && quoted(d, s, o, &qs, &qe, &next) == 0 && next == cut)
            emit(d, s, RASAD_QUOTE_DIRECT, RASAD_QUOTE_AFTER, qs, qe, &sp, verb, t, v1);
        else if (cut - from >= 2)
            emit(d, s, RASAD_QUOTE_REPORTED, RASAD_QUOTE_AFTER, d->tok[from].start,
                 d->tok[cut - 1].end, &sp, verb, t, v1);
        return;
    }
    /* «…». X گفت.: the words are the quote that closed the previous sentence */
    if (s > 0 && (d->tok[se->t0].gap & EV_G_QCLOSE) && t - se->t0 <= 8 && se->t0 > 0) {
        size_t o = se->t0 - 1;
        while (o > 0 && d->tok[o].depth > 0 && !(d->tok[o].gap & EV_G_QOPEN))
            o--;
        if (!(d->tok[o].gap & EV_G_QOPEN))
            return;
        sp = find_speaker(d, s, se->t0, t);
        size_t qs, qe = rasad__ev_mark_pos(d, se->t0, EV_G_QCLOSE, 0, NULL);
        rasad__ev_mark_pos(d, o, EV_G_QOPEN, 1, &qs);
        emit(d, s, RASAD_QUOTE_DIRECT, RASAD_QUOTE_AFTER, qs, qe, &sp, verb, t, v1);
    }
}

/* «X با اشاره به اینکه …؛ گفت:»: news often writes a semicolon where a
 * comma belongs, so a verb whose clause [w0, …) names no one, right after
 * «؛», is said by who heads the clause before it: a person, a pronoun or an
 * office phrase standing first there (only that phrase is looked at, so a
 * name inside the clause never becomes the speaker). none otherwise. */
static speaker speaker_before_semicolon(ev_doc *d, size_t s, size_t w0, speaker none)
{
    size_t h = rasad__ev_clause(d, d->sent[s].t0, w0 - 1, WINDOW), end = h;
    int e = d->tok[h].ent;
    if (e >= 0 && d->ent[e].t0 == h && d->ent[e].type == RASAD_NER_PER)
        end = d->ent[e].t1;
    else if (e < 0 && rasad__ev_in(d, h, rasad__ev_pronouns, rasad__ev_npronouns))
        end = h + 1;
    else if (e < 0)
        end = speaker_noun_end(d, h, h, w0);
    if (end <= h || end > w0)
        return none;
    return find_speaker(d, s, h, end);
}

/* The verb at [t, v1) with words after it. Returns the token to go on from. */
static size_t before_words(ev_doc *d, size_t s, size_t t, size_t v1, int verb)
{
    const ev_sent *se = &d->sent[s];
    size_t c = v1;
    unsigned flags = 0;
    int marked = 0;
    if (d->tok[c].gap & EV_G_COLON) {
        flags |= RASAD_QUOTE_COLON;
        marked = 1;
    }
    if (!(d->tok[c].gap & (EV_G_COLON | EV_G_QOPEN)) && rasad__ev_in(d, c, that, 1)) {
        c++;
        marked = 1;
    }
    if (c >= se->t1)
        return v1;
    size_t m2;                                  /* «عنوان کرد و گفت: …»: the second verb's */
    if (c + 1 < se->t1 && rasad__ev_is(d, c, "و") && verb_at(d, c + 1, se->t1, &m2) >= 0)
        return v1;
    if (d->tok[c].gap & EV_G_QOPEN)
        marked = 1;
    if ((rasad__ev_verbs[verb].flags & EV_V_MARKED) && !marked)
        return v1;
    if (d->tok[c].gap & (EV_G_STOP | EV_G_LINE | EV_G_SEMI))
        return v1;
    size_t w0 = rasad__ev_clause(d, se->t0, t, WINDOW);
    speaker sp = find_speaker(d, s, w0, t);
    if (sp.ent < 0 && sp.who_e == 0 && w0 > se->t0 && (d->tok[w0].gap & EV_G_SEMI))
        sp = speaker_before_semicolon(d, s, w0, sp);
    if (d->tok[c].gap & EV_G_QOPEN) {
        size_t qs, qe, next;
        if (quoted(d, s, c, &qs, &qe, &next))
            flags |= RASAD_QUOTE_OPEN;
        emit(d, s, RASAD_QUOTE_DIRECT, flags, qs, qe, &sp, verb, t, v1);
        return next > se->t1 ? se->t1 : next;
    }
    emit(d, s, RASAD_QUOTE_REPORTED, flags, d->tok[c].start, d->tok[se->t1 - 1].end, &sp,
         verb, t, v1);
    return se->t1;
}

/* «به گفته X، …» at t (m tokens). Returns the token to go on from. */
static size_t according_to(ev_doc *d, size_t s, size_t t, size_t m)
{
    const ev_sent *se = &d->sent[s];
    size_t w0 = t + m, c = w0;
    while (c < se->t1 && c - w0 < 12 && !(d->tok[c].gap & (EV_G_COMMA | EV_G_HARD)))
        c++;
    if (c >= se->t1 || !(d->tok[c].gap & EV_G_COMMA) || c == w0) {
        /* no comma: «به نوشته راشاتودی این فیلم …» is the name's, after it */
        int e = w0 < se->t1 ? d->tok[w0].ent : -1;
        if (e < 0 || d->ent[e].t0 != w0 || d->ent[e].type < RASAD_NER_PER ||
            d->ent[e].type > RASAD_NER_ORG || d->ent[e].t1 + 2 >= se->t1 ||
            (d->tok[d->ent[e].t1].gap & EV_G_HARD))
            return w0;
        c = d->ent[e].t1;
        if (rasad__ev_speech_after(d, s, c))
            return w0;                          /* «… X گفت، …» follows: X's words */
    }
    speaker sp = find_speaker(d, s, w0, c);
    if (sp.ent < 0 && !(sp.flags & RASAD_QUOTE_PRONOUN)) {
        /* the name itself follows «به گفته» (no preposition check there) */
        int e = d->tok[w0].ent;
        if (e >= 0 && d->ent[e].t0 == w0 && d->ent[e].type >= RASAD_NER_PER &&
            d->ent[e].type <= RASAD_NER_ORG) {
            sp.ent = e;
            sp.flags = 0;
            sp.who_s = d->ent[e].start;
            sp.who_e = d->ent[e].end;
            rasad__ev_desc(d, (size_t)e, w0, c, &sp.desc_s, &sp.desc_e);
        }
    }
    if (t == se->t0 || !(d->tok[t].gap & EV_G_COMMA))
        emit(d, s, RASAD_QUOTE_REPORTED, RASAD_QUOTE_ACCORDING, d->tok[c].start,
             d->tok[se->t1 - 1].end, &sp, 0, t, t + m);
    else
        emit(d, s, RASAD_QUOTE_REPORTED, RASAD_QUOTE_ACCORDING, d->tok[se->t0].start,
             d->tok[t - 1].end, &sp, 0, t, t + m);
    return se->t1;
}

void rasad__ev_quotes(ev_doc *d, size_t s)
{
    const ev_sent *se = &d->sent[s];
    size_t t = se->t0;
    while (t < se->t1 && !d->err) {
        size_t m;
        if (d->tok[t].depth > 0) {
            t++;
            continue;
        }
        if (rasad__ev_longest(d, t, se->t1, according, sizeof *according, EV_COUNT(according), &m) >= 0) {
            t = according_to(d, s, t, m);
            continue;
        }
        int v = verb_at(d, t, se->t1, &m);
        if (v < 0) {
            t++;
            continue;
        }
        size_t v1 = t + m;
        if (v1 >= se->t1 || (d->tok[v1].gap & (EV_G_STOP | EV_G_LINE))) {
            after_words(d, s, t, v1, v);
            t = v1;
        } else {
            t = before_words(d, s, t, v1, v);
        }
    }
}
