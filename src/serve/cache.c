/* cache.c - rendered responses kept in memory, keyed by the request (path
 * and query arguments), so that a page or an API answer asked for again is
 * not computed again: a search ranks every match and a story page
 * recomputes its summary on each read (the store's work, see
 * docs/serve.md), which costs milliseconds a request.
 *
 * What an ingest beside the server commits must still show: an entry is
 * only good for the archive it was made from. The archive's state is read
 * from the files (inode, size and modification time of the database and of
 * its -wal file, which every commit writes), before the handler runs and
 * again before the answer is kept; an answer is kept only when both agree,
 * and is used only while the state is the same. As a commit writes the WAL
 * a moment before readers see it, an entry is also never used once it is
 * older than SRV_CACHE_TTL seconds, which bounds what that moment could
 * leave behind. Direct-mapped (one entry a slot: no lists to walk), bounded
 * in bytes, one mutex; a hit copies the body out under it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "rasad/alloc.h"
#include "hash.h"
#include "serve_internal.h"

enum { CACHE_SLOTS = 4096 };

typedef struct cache_ent {
    uint64_t h;              /* hash of the key; 0 = empty slot */
    char *key;               /* the key, then the body, in one allocation */
    size_t keyn, n;
    const char *ctype;       /* a literal */
    char etag[24];
    uint64_t version;
    double born;
} cache_ent;

struct srv_cache {
    pthread_mutex_t mu;
    cache_ent slot[CACHE_SLOTS];
    size_t bytes, max_bytes;
    char *db, *wal;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

srv_cache *srv_cache_new(const char *db, size_t max_bytes)
{
    srv_cache *c = rasad_malloc(sizeof *c);
    size_t n = strlen(db);
    if (!c)
        return NULL;
    memset(c, 0, sizeof *c);
    c->db = rasad_malloc(n + 1);
    c->wal = rasad_malloc(n + 5);
    if (!c->db || !c->wal) {
        rasad_free(c->db);
        rasad_free(c->wal);
        rasad_free(c);
        return NULL;
    }
    memcpy(c->db, db, n + 1);
    memcpy(c->wal, db, n);
    memcpy(c->wal + n, "-wal", 5);
    c->max_bytes = max_bytes;
    pthread_mutex_init(&c->mu, NULL);
    return c;
}

void srv_cache_free(srv_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        rasad_free(c->slot[i].key);
    pthread_mutex_destroy(&c->mu);
    rasad_free(c->db);
    rasad_free(c->wal);
    rasad_free(c);
}

static uint64_t file_state(const char *path, uint64_t h)
{
    struct stat st;
    uint64_t v[4] = { 0, 0, 0, 0 };
    if (stat(path, &st) == 0) {
        v[0] = (uint64_t)st.st_ino;
        v[1] = (uint64_t)st.st_size;
        v[2] = (uint64_t)st.st_mtim.tv_sec;
        v[3] = (uint64_t)st.st_mtim.tv_nsec;
    }
    return rasad__fnv1a(v, sizeof v, h);
}

uint64_t srv_cache_version(const srv_cache *c)
{
    return file_state(c->wal, file_state(c->db, RASAD__FNV_SEED)) | 1;
}

static uint64_t key_hash(const char *key, size_t keyn)
{
    uint64_t h = rasad__fnv1a(key, keyn, RASAD__FNV_SEED);
    return h ? h : 1;
}

int srv_cache_get(srv_cache *c, const char *key, size_t keyn, uint64_t version,
                  char **body, size_t *n, const char **ctype, char etag[24])
{
    uint64_t h = key_hash(key, keyn);
    int hit = 0;
    double t = now_s();
    pthread_mutex_lock(&c->mu);
    cache_ent *e = &c->slot[h % CACHE_SLOTS];
    if (e->h == h && e->keyn == keyn && e->version == version && t - e->born < SRV_CACHE_TTL &&
        memcmp(e->key, key, keyn) == 0) {
        char *p = rasad_malloc(e->n ? e->n : 1);
        if (p) {
            memcpy(p, e->key + keyn, e->n);
            *body = p;
            *n = e->n;
            *ctype = e->ctype;
            memcpy(etag, e->etag, 24);
            hit = 1;
        }
    }
    pthread_mutex_unlock(&c->mu);
    return hit;
}

void srv_cache_put(srv_cache *c, const char *key, size_t keyn, uint64_t version,
                   const char *body, size_t n, const char *ctype, const char etag[24])
{
    uint64_t h = key_hash(key, keyn);
    if (keyn + n > c->max_bytes / 16)
        return;                                  /* one answer never takes much of it */
    char *p = rasad_malloc(keyn + n);
    if (!p)
        return;
    memcpy(p, key, keyn);
    memcpy(p + keyn, body, n);
    pthread_mutex_lock(&c->mu);
    cache_ent *e = &c->slot[h % CACHE_SLOTS];
    if (e->h) {
        c->bytes -= e->keyn + e->n;
        rasad_free(e->key);
        e->h = 0;
        e->key = NULL;
    }
    if (c->bytes + keyn + n <= c->max_bytes) {
        e->h = h;
        e->key = p;
        p = NULL;
        e->keyn = keyn;
        e->n = n;
        e->ctype = ctype;
        memcpy(e->etag, etag, 24);
        e->version = version;
        e->born = now_s();
        c->bytes += keyn + n;
    }
    pthread_mutex_unlock(&c->mu);
    rasad_free(p);
}
