/* json.c - JSON bodies of the API, in the shapes of the CLI's --json. */
#include <stdio.h>
#include <string.h>
#include "rasad/events.h"
#include "rasad/ner.h"
#include "rasad/text.h"
#include "serve_internal.h"

void jw_str(rasad_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        JW(b, "null");
        return;
    }
    size_t n = strlen(s), i = 0;
    rasad__buf_addc(b, '"');
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            int inv;
            size_t len = rasad_utf8_decode(s + i, n - i, &cp, &inv);
            if (inv)
                JW(b, "\\ufffd");
            else
                rasad__buf_add(b, s + i, len);
            i += len;
            continue;
        }
        if (c == '"' || c == '\\') {
            rasad__buf_addc(b, '\\');
            rasad__buf_addc(b, (char)c);
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            rasad__buf_add(b, u, 6);
        } else {
            rasad__buf_addc(b, (char)c);
        }
        i++;
    }
    rasad__buf_addc(b, '"');
}

void jw_int(rasad_buf *b, long long v)
{
    char t[24];
    int k = snprintf(t, sizeof t, "%lld", v);
    rasad__buf_add(b, t, (size_t)k);
}

static void ids(rasad_buf *b, const int64_t *v, size_t n)
{
    rasad__buf_addc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_int(b, v[i]);
    }
    rasad__buf_addc(b, ']');
}

void jw_story_head(rasad_buf *b, const rasad_story_view *v)
{
    JW(b, "{\"id\":");
    jw_int(b, v->id);
    JW(b, ",\"thread\":");
    jw_int(b, v->thread);
    JW(b, ",\"title\":");
    jw_str(b, v->title);
    JW(b, ",\"first_seen\":");
    jw_str(b, v->first_seen);
    JW(b, ",\"last_seen\":");
    jw_str(b, v->last_seen);
    JW(b, ",\"sources\":[");
    for (size_t i = 0; i < v->nsources; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_str(b, v->sources[i]);
    }
    rasad__buf_addc(b, ']');
}

void jw_story_list_item(rasad_buf *b, const rasad_story_view *v)
{
    jw_story_head(b, v);
    JW(b, ",\"articles\":[");
    for (size_t i = 0; i < v->narticles; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_int(b, v->articles[i].rowid);
    }
    JW(b, "]}");
}

void jw_story_full(rasad_buf *b, const rasad_story_view *v)
{
    jw_story_head(b, v);
    JW(b, ",\"summary\":[");
    for (size_t i = 0; i < v->nsummary; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_str(b, v->summary[i]);
    }
    JW(b, "],\"articles\":[");
    for (size_t i = 0; i < v->narticles; i++) {
        const rasad_story_article *a = &v->articles[i];
        if (i)
            rasad__buf_addc(b, ',');
        JW(b, "{\"rowid\":");
        jw_int(b, a->rowid);
        JW(b, ",\"id\":");
        jw_str(b, a->id);
        JW(b, ",\"title\":");
        jw_str(b, a->title);
        JW(b, ",\"source\":");
        jw_str(b, a->source);
        JW(b, ",\"published\":");
        jw_str(b, a->published);
        JW(b, ",\"dup_of\":");
        if (a->dup_of)
            jw_int(b, a->dup_of);
        else
            JW(b, "null");
        rasad__buf_addc(b, '}');
    }
    JW(b, "],\"copies\":");
    jw_int(b, (long long)v->copies);
    rasad__buf_addc(b, '}');
}

void jw_thread(rasad_buf *b, const rasad_thread_view *t)
{
    JW(b, "{\"id\":");
    jw_int(b, t->id);
    JW(b, ",\"title\":");
    jw_str(b, t->title);
    JW(b, ",\"first_seen\":");
    jw_str(b, t->first_seen);
    JW(b, ",\"last_seen\":");
    jw_str(b, t->last_seen);
    JW(b, ",\"stories\":");
    ids(b, t->stories, t->nstories);
    JW(b, ",\"articles\":");
    jw_int(b, t->articles);
    rasad__buf_addc(b, '}');
}

void jw_entity(rasad_buf *b, const rasad_entity_view *e, int full)
{
    JW(b, "{\"id\":");
    jw_int(b, e->id);
    JW(b, ",\"name\":");
    jw_str(b, e->name);
    JW(b, ",\"type\":");
    jw_str(b, rasad_ner_type_name(e->type));
    JW(b, ",\"variants\":[");
    for (size_t i = 0; i < e->nforms; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_str(b, e->forms[i].form);
    }
    JW(b, "],\"roles\":[");
    for (size_t i = 0; i < e->nroles; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        JW(b, "{\"role\":");
        jw_str(b, e->roles[i].role);
        JW(b, ",\"n\":");
        jw_int(b, e->roles[i].n);
        JW(b, ",\"first_seen\":");
        jw_str(b, e->roles[i].first_seen);
        JW(b, ",\"last_seen\":");
        jw_str(b, e->roles[i].last_seen);
        rasad__buf_addc(b, '}');
    }
    JW(b, "],\"articles\":[");
    for (size_t i = 0; i < e->narticles; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        jw_int(b, e->articles[i]);
    }
    JW(b, "],\"mentions\":");
    jw_int(b, e->mentions);
    if (full) {
        JW(b, ",\"forms\":[");
        for (size_t i = 0; i < e->nforms; i++) {
            if (i)
            rasad__buf_addc(b, ',');
        JW(b, "{\"form\":");
            jw_str(b, e->forms[i].form);
            JW(b, ",\"n\":");
            jw_int(b, e->forms[i].n);
            JW(b, ",\"why\":");
            jw_str(b, e->forms[i].why);
            rasad__buf_addc(b, '}');
        }
        JW(b, "],\"cooccurring\":[");
        for (size_t i = 0; i < e->ncooc; i++) {
            if (i)
            rasad__buf_addc(b, ',');
        JW(b, "{\"id\":");
            jw_int(b, e->cooc[i].id);
            JW(b, ",\"name\":");
            jw_str(b, e->cooc[i].name);
            JW(b, ",\"type\":");
            jw_str(b, rasad_ner_type_name(e->cooc[i].type));
            JW(b, ",\"articles\":");
            jw_int(b, e->cooc[i].articles);
            rasad__buf_addc(b, '}');
        }
        rasad__buf_addc(b, ']');
    }
    rasad__buf_addc(b, '}');
}

void jw_quote(rasad_buf *b, const rasad_quote_view *q)
{
    JW(b, "{\"id\":");
    jw_int(b, q->id);
    JW(b, ",\"article\":");
    jw_int(b, q->article);
    JW(b, ",\"speaker\":");
    if (q->speaker) {
        JW(b, "{\"id\":");
        jw_int(b, q->speaker);
        JW(b, ",\"name\":");
        jw_str(b, q->speaker_name);
        rasad__buf_addc(b, '}');
    } else {
        JW(b, "null");
    }
    JW(b, ",\"who\":");
    jw_str(b, q->who);
    JW(b, ",\"kind\":");
    jw_str(b, rasad_quote_kind_name(q->kind));
    JW(b, ",\"verb\":");
    jw_str(b, q->verb);
    JW(b, ",\"text\":");
    jw_str(b, q->text);
    JW(b, ",\"day\":");
    jw_str(b, q->day);
    rasad__buf_addc(b, '}');
}

void jw_event(rasad_buf *b, const rasad_event_view *e)
{
    JW(b, "{\"id\":");
    jw_int(b, e->id);
    JW(b, ",\"article\":");
    jw_int(b, e->article);
    JW(b, ",\"type\":");
    jw_str(b, rasad_event_type_name(e->type));
    JW(b, ",\"trigger\":");
    jw_str(b, e->trigger);
    JW(b, ",\"participants\":[");
    for (size_t i = 0; i < e->nparts; i++) {
        if (i)
            rasad__buf_addc(b, ',');
        const rasad_event_party *p = &e->parts[i];
        JW(b, "{\"id\":");
        if (p->entity)
            jw_int(b, p->entity);
        else
            JW(b, "null");
        JW(b, ",\"name\":");
        jw_str(b, p->name);
        if (p->side == RASAD_SIDE_SUBJECT)
            JW(b, ",\"side\":\"subject\",\"of\":");
        else
            JW(b, ",\"side\":\"with\",\"of\":");
        if (p->of) {
            JW(b, "{\"id\":");
            jw_int(b, p->of);
            JW(b, ",\"name\":");
            jw_str(b, p->of_name);
            JW(b, "}}");
        } else {
            JW(b, "null}");
        }
    }
    JW(b, "],\"place\":");
    if (e->place) {
        JW(b, "{\"id\":");
        jw_int(b, e->place);
        JW(b, ",\"name\":");
        jw_str(b, e->place_name);
        rasad__buf_addc(b, '}');
    } else {
        JW(b, "null");
    }
    JW(b, ",\"occasion\":");
    jw_str(b, e->occasion);
    JW(b, ",\"ordinal\":");
    jw_int(b, e->ordinal);
    JW(b, ",\"day\":");
    jw_str(b, e->day);
    if (e->planned)
        JW(b, ",\"planned\":true");
    else
        JW(b, ",\"planned\":false");
    JW(b, ",\"sentence\":");
    jw_str(b, e->sentence);
    rasad__buf_addc(b, '}');
}
