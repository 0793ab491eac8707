/* source_lines.c - the cleaner's memory: per source, how many articles had
 * each short line (by 64-bit FNV-1a of its compact key).
 *
 * Each source has an open-addressing table of (hash, count, last article).
 * A line is counted once per article: the entry remembers the last article
 * that counted it. The table holds at most RASAD__CLEAN_SOURCE_MAX_LINES
 * lines; when it is full, lines seen in one article only are forgotten, and
 * if that frees too little, new lines are no longer learned (known lines
 * still count). */
#include <string.h>
#include "rasad/alloc.h"
#include "clean_internal.h"

typedef struct entry {
    uint64_t h;         /* 0: empty slot */
    uint32_t count;     /* articles that had the line */
    uint32_t last;      /* the last of them */
} entry;

struct rasad__source {
    char *name;
    uint64_t name_h;
    uint32_t article;   /* articles of this source so far */
    entry *t;           /* cap slots, cap a power of two */
    size_t n, cap;
};

static uint64_t line_hash(const char *key, size_t n)
{
    uint64_t h = rasad__fnv1a(key, n, RASAD__FNV_SEED);
    return h ? h : 1;
}

static entry *slot(entry *t, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (t[i].h && t[i].h != h)
        i = (i + 1) & (cap - 1);
    return &t[i];
}

/* Moves the entries with count >= keep_min into a table of cap slots. */
static int rehash(rasad__source *s, size_t cap, uint32_t keep_min)
{
    entry *t = rasad_malloc(cap * sizeof *t);
    if (!t)
        return RASAD_NOMEM;
    memset(t, 0, cap * sizeof *t);
    size_t n = 0;
    for (size_t i = 0; i < s->cap; i++)
        if (s->t[i].h && s->t[i].count >= keep_min) {
            *slot(t, cap, s->t[i].h) = s->t[i];
            n++;
        }
    rasad_free(s->t);
    s->t = t;
    s->n = n;
    s->cap = cap;
    return 0;
}

rasad__source *rasad__source_get(rasad_cleaner *c, const char *name, int create)
{
    size_t len = strlen(name);
    uint64_t h = rasad__fnv1a(name, len, RASAD__FNV_SEED);
    for (size_t i = 0; i < c->nsources; i++)
        if (c->sources[i]->name_h == h && strcmp(c->sources[i]->name, name) == 0)
            return c->sources[i];
    if (!create)
        return NULL;
    if (c->nsources == c->capsources) {
        rasad__source **v = rasad__grow(c->sources, &c->capsources, c->nsources + 1,
                                        sizeof *v, 16);
        if (!v)
            return NULL;
        c->sources = v;
    }
    rasad__source *s = rasad_malloc(sizeof *s);
    char *copy = rasad_malloc(len + 1);
    if (!s || !copy) {
        rasad_free(s);
        rasad_free(copy);
        return NULL;
    }
    memcpy(copy, name, len + 1);
    memset(s, 0, sizeof *s);
    s->name = copy;
    s->name_h = h;
    c->sources[c->nsources++] = s;
    return s;
}

void rasad__source_next_article(rasad__source *s)
{
    s->article++;
}

/* Makes room for one more line; returns 0, 1 when the table is full and
 * learns nothing new, or RASAD_NOMEM. */
static int make_room(rasad__source *s)
{
    if (2 * (s->n + 1) <= s->cap)
        return 0;                           /* keep the load at most 1/2 */
    int rc;
    if (s->cap < 2 * (size_t)RASAD__CLEAN_SOURCE_MAX_LINES)
        rc = rehash(s, s->cap ? 2 * s->cap : 256, 0);
    else
        rc = rehash(s, s->cap, 2);          /* full: forget the single ones */
    if (rc)
        return rc;
    return 2 * (s->n + 1) > s->cap;         /* still full */
}

int rasad__source_learn(rasad__source *s, const char *key, size_t n, uint32_t *count)
{
    uint64_t h = line_hash(key, n);
    *count = 0;
    if (s->cap) {
        entry *e = slot(s->t, s->cap, h);
        if (e->h) {
            if (e->last != s->article) {
                e->count++;
                e->last = s->article;
            }
            *count = e->count;
            return 0;
        }
    }
    int room = make_room(s);
    if (room < 0)
        return room;
    if (room) {                             /* full: learn nothing new */
        *count = 1;
        return 0;
    }
    entry *e = slot(s->t, s->cap, h);
    *e = (entry){ h, 1, s->article };
    s->n++;
    *count = 1;
    return 0;
}

uint32_t rasad__source_count(const rasad__source *s, const char *key, size_t n)
{
    if (!s || !s->cap)
        return 0;
    const entry *e = slot(s->t, s->cap, line_hash(key, n));
    return e->h ? e->count : 0;
}

int rasad_cleaner_each_line(rasad_cleaner *c, unsigned min_articles,
                            rasad_cleaner_line_fn fn, void *ud)
{
    if (!c || !fn)
        return 0;
    for (size_t i = 0; i < c->nsources; i++) {
        const rasad__source *s = c->sources[i];
        for (size_t k = 0; k < s->cap; k++) {
            if (!s->t[k].h || s->t[k].count < min_articles)
                continue;
            int rc = fn(ud, s->name, s->t[k].h, s->t[k].count);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int rasad_cleaner_remember(rasad_cleaner *c, const char *source, uint64_t hash,
                           unsigned articles)
{
    if (!c || !source || !hash)
        return RASAD_INVAL;
    rasad__source *s = rasad__source_get(c, source, 1);
    if (!s)
        return RASAD_NOMEM;
    uint32_t count = articles > UINT32_MAX ? UINT32_MAX : (uint32_t)articles;
    if (s->cap) {
        entry *e = slot(s->t, s->cap, hash);
        if (e->h) {
            if (e->count < count)
                e->count = count;
            return 0;
        }
    }
    int room = make_room(s);
    if (room)
        return room < 0 ? room : 0;
    /* last: no article of this run, so the next one that has it counts */
    *slot(s->t, s->cap, hash) = (entry){ hash, count, UINT32_MAX };
    s->n++;
    return 0;
}

void rasad__sources_free(rasad_cleaner *c)
{
    for (size_t i = 0; i < c->nsources; i++) {
        rasad_free(c->sources[i]->t);
        rasad_free(c->sources[i]->name);
        rasad_free(c->sources[i]);
    }
    rasad_free(c->sources);
    c->sources = NULL;
    c->nsources = c->capsources = 0;
}
