/* events_driver.c - helper of bench/events_eval.py: the tagger (ner.h) and
 * the events layer (events.h) over articles, nothing else.
 *
 *   events_driver [--model PATH] [--pub DAY] show FILE...
 *       each file is one article's text; prints its entities, quotes,
 *       events and date expressions as a human reads them.
 *   events_driver [--model PATH] counts FILE.jsonl
 *       one article a line, {"text": ..., "day": N?}; prints one line per
 *       article: "quotes Q named N pronoun P resolved R unnamed U events E
 *       meetings M agreements A visits V dates D bytes B".
 *
 * Build (after cmake --build build):
 *   gcc -O2 -std=c11 -D_GNU_SOURCE -Iinclude bench/events_driver.c \
 *       build/librasad_events.a build/librasad_ner.a build/librasad_core.a \
 *       build/librasad_base.a -lutf8proc -ljalali -ljansson -lm -o events_driver */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "rasad/alloc.h"
#include "rasad/events.h"
#include "rasad/ner.h"

typedef struct spans {
    rasad_events_span *v;
    size_t n, cap;
} spans;

static int on_entity(void *ctx, int type, size_t start, size_t end)
{
    spans *s = ctx;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        rasad_events_span *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return RASAD_NOMEM;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (rasad_events_span){ type, start, end };
    return 0;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *p = NULL;
    size_t cap = 0, len = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = (len + 65536) * 2;
            char *q = realloc(p, cap);
            if (!q) {
                free(p);
                fclose(f);
                return NULL;
            }
            p = q;
        }
        size_t got = fread(p + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *n = len;
    return p;
}

static void span(const char *label, const char *t, size_t s, size_t e)
{
    printf("%s[%.*s]", label, (int)(e - s), t + s);
}

static const char *ent_text(const char *t, const spans *sp, int i, int *len)
{
    if (i < 0) {
        *len = 1;
        return "-";
    }
    *len = (int)(sp->v[i].end - sp->v[i].start);
    return t + sp->v[i].start;
}

static void show(const char *t, size_t n, const spans *sp, const rasad_events_result *r)
{
    int l;
    (void)n;
    printf("entities:");
    for (size_t i = 0; i < sp->n; i++)
        printf(" %s[%.*s]", rasad_ner_type_name(sp->v[i].type),
               (int)(sp->v[i].end - sp->v[i].start), t + sp->v[i].start);
    printf("\n");
    for (size_t i = 0; i < r->nquotes; i++) {
        const rasad_quote *q = &r->quotes[i];
        const char *e = ent_text(t, sp, q->speaker, &l);
        printf("QUOTE %s flags=%u verb=%s speaker=[%.*s] ", rasad_quote_kind_name(q->kind), q->flags,
               rasad_events_verb_name(q->verb), l, e);
        span("who=", t, q->who_start, q->who_end);
        span(" desc=", t, q->desc_start, q->desc_end);
        span("\n   words=", t, q->start, q->end);
        printf("\n");
    }
    for (size_t i = 0; i < r->nevents; i++) {
        const rasad_event *ev = &r->events[i];
        printf("EVENT %s flags=%u ", rasad_event_type_name(ev->type), ev->flags);
        span("trigger=", t, ev->trig_start, ev->trig_end);
        printf(" parts:");
        for (size_t k = 0; k < ev->nparts; k++) {
            const rasad_event_part *p = &r->parts[ev->part + k];
            const char *e = ent_text(t, sp, p->entity, &l);
            printf(" %s[%.*s]", p->side == RASAD_SIDE_SUBJECT ? "S" : "W", l, e);
        }
        const char *pl = ent_text(t, sp, ev->place, &l);
        printf(" place=[%.*s]", l, pl);
        span(" occasion=", t, ev->occ_start, ev->occ_end);
        printf(" ordinal=%lld day=%d\n", (long long)ev->ordinal,
               ev->day == RASAD_EVENTS_UNDATED ? -1 : (int)ev->day);
    }
    for (size_t i = 0; i < r->ndates; i++) {
        const rasad_textdate *d = &r->dates[i];
        printf("DATE %s", rasad_textdate_kind_name(d->kind));
        span(" ", t, d->start, d->end);
        printf(" day=%d ndays=%d flags=%u\n", d->day == RASAD_EVENTS_UNDATED ? -1 : (int)d->day,
               (int)d->ndays, d->flags);
    }
}

static void counts(const rasad_events_result *r, size_t bytes)
{
    size_t named = 0, pron = 0, resolved = 0, unnamed = 0, type[4] = { 0 };
    for (size_t i = 0; i < r->nquotes; i++) {
        const rasad_quote *q = &r->quotes[i];
        if (q->flags & RASAD_QUOTE_PRONOUN) {
            pron++;
            resolved += q->speaker >= 0;
        } else if (q->speaker >= 0) {
            named++;
        } else {
            unnamed++;
        }
    }
    for (size_t i = 0; i < r->nevents; i++)
        if (r->events[i].type >= 1 && r->events[i].type <= 3)
            type[r->events[i].type]++;
    printf("quotes %zu named %zu pronoun %zu resolved %zu unnamed %zu events %zu meetings %zu "
           "agreements %zu visits %zu dates %zu bytes %zu\n",
           r->nquotes, named, pron, resolved, unnamed, r->nevents, type[1], type[2], type[3],
           r->ndates, bytes);
}

static int one(rasad_ner *tg, const char *t, size_t n, int32_t pub, int mode)
{
    spans sp = { 0 };
    int rc = rasad_ner_tag_text(tg, t, n, on_entity, &sp);
    rasad_events_result r;
    if (rc == RASAD_OK)
        rc = rasad_events_extract(t, n, sp.v, sp.n, pub, &r);
    if (rc != RASAD_OK) {
        fprintf(stderr, "events_driver: %s\n", rasad_strerror(rc));
        free(sp.v);
        return rc;
    }
    if (mode)
        show(t, n, &sp, &r);
    else
        counts(&r, n);
    rasad_events_result_release(&r);
    free(sp.v);
    return 0;
}

int main(int argc, char **argv)
{
    const char *model = "models/ner.model";
    int32_t pub = RASAD_EVENTS_UNDATED;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (!strcmp(argv[i], "--model"))
            model = argv[i + 1];
        else if (!strcmp(argv[i], "--pub"))
            pub = atoi(argv[i + 1]);
    }
    if (i + 1 >= argc) {
        fprintf(stderr, "usage: events_driver [--model PATH] [--pub DAY] show FILE... | counts FILE.jsonl\n");
        return 2;
    }
    rasad_ner_model *m;
    rasad_ner *tg;
    if (rasad_ner_model_load(model, &m) != RASAD_OK || rasad_ner_new(m, &tg) != RASAD_OK) {
        fprintf(stderr, "events_driver: cannot load '%s'\n", model);
        return 1;
    }
    int show_mode = !strcmp(argv[i], "show"), bad = 0;
    if (show_mode) {
        for (int k = i + 1; k < argc; k++) {
            size_t n;
            char *t = slurp(argv[k], &n);
            if (!t) {
                fprintf(stderr, "events_driver: cannot read '%s'\n", argv[k]);
                bad = 1;
                continue;
            }
            printf("== %s\n", argv[k]);
            bad |= one(tg, t, n, pub, 1) != 0;
            free(t);
        }
    } else {
        FILE *f = fopen(argv[i + 1], "r");
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        while (f && (len = getline(&line, &cap, f)) > 0) {
            json_error_t err;
            json_t *o = json_loadb(line, (size_t)len, 0, &err);
            const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
            json_t *day = o ? json_object_get(o, "day") : NULL;
            if (t)
                bad |= one(tg, t, strlen(t), json_is_integer(day) ? (int32_t)json_integer_value(day)
                                                                  : RASAD_EVENTS_UNDATED, 0) != 0;
            json_decref(o);
        }
        free(line);
        if (f)
            fclose(f);
        else
            bad = 1;
    }
    rasad_ner_free(tg);
    rasad_ner_model_free(m);
    return bad;
}
