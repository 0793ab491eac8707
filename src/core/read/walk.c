/* walk.c - the list of files to read: each path given, and the files under
 * each folder, recursively, in byte order of their names. Hidden entries
 * (".name") and files of a type rasad does not read are skipped; symbolic
 * links to folders are not followed (no loops). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "buf.h"
#include "rasad/alloc.h"
#include "read_internal.h"
#include "walk.h"

#define MAX_DEPTH 64

void rasad__files_release(rasad__files *fl)
{
    for (size_t i = 0; i < fl->n; i++)
        rasad_free(fl->v[i]);
    rasad_free(fl->v);
    memset(fl, 0, sizeof *fl);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = rasad_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Appends path (taken over) to the list; frees it on NOMEM. */
static int push(char ***v, size_t *n, size_t *cap, char *path)
{
    if (!path)
        return RASAD_NOMEM;
    if (*n == *cap) {
        char **nv = rasad__grow(*v, cap, *n + 1, sizeof *nv, 16);
        if (!nv) {
            rasad_free(path);
            return RASAD_NOMEM;
        }
        *v = nv;
    }
    (*v)[(*n)++] = path;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    while (a > 1 && dir[a - 1] == '/')   /* "examples/" + name, not "examples//name" */
        a--;
    char *s = rasad_malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, dir, a);
    s[a] = '/';
    memcpy(s + a + 1, name, b + 1);
    return s;
}

static int walk_dir(rasad__rd *r, rasad__files *fl, const char *dir, int depth);

/* One entry of a folder: a file to read, a folder to walk, or nothing. */
static int walk_entry(rasad__rd *r, rasad__files *fl, char *path, int depth)
{
    struct stat st;
    int rc = 0;

    if (lstat(path, &st) != 0) {
        rasad_free(path);
        return 0;
    }
    if (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || S_ISDIR(st.st_mode))) {
        rasad_free(path);
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = walk_dir(r, fl, path, depth + 1);
        rasad_free(path);
        return rc;
    }
    if (!S_ISREG(st.st_mode) || rasad__format_of(path) == RASAD_FORMAT_AUTO) {
        rasad_free(path);
        return 0;
    }
    return push(&fl->v, &fl->n, &fl->cap, path);
}

static int walk_dir(rasad__rd *r, rasad__files *fl, const char *dir, int depth)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    DIR *d;
    int rc = 0;

    if (depth > MAX_DEPTH) {
        r->file = dir;
        rasad__reject(r, 0, "folder nested too deep");
        return 0;
    }
    d = opendir(dir);
    if (!d) {
        r->file = dir;
        rasad__reject(r, 0, "cannot open folder: %s", strerror(errno));
        return 0;
    }
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.')
            rc = push(&names, &n, &cap, dup_str(e->d_name));
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            char *path = join(dir, names[i]);
            rc = path ? walk_entry(r, fl, path, depth) : RASAD_NOMEM;
        }
        rasad_free(names[i]);
    }
    rasad_free(names);
    return rc;
}

int rasad__files_collect(rasad__rd *r, const char *const *paths, size_t n,
                         rasad__files *fl)
{
    memset(fl, 0, sizeof *fl);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int rc;
        if (!paths[i])
            continue;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk_dir(r, fl, paths[i], 0);
        else
            rc = push(&fl->v, &fl->n, &fl->cap, dup_str(paths[i]));
        if (rc)
            return rc;
    }
    return 0;
}
