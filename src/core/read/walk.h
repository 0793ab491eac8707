/* walk.h - the files a list of paths names (walk.c). */
#ifndef RASAD_READ_WALK_H
#define RASAD_READ_WALK_H

#include "read_internal.h"

typedef struct rasad__files {
    char **v;       /* paths (rasad_malloc'ed) */
    size_t n, cap;  /* used, allocated */
} rasad__files;

/* Adds each of paths[0..n) to *fl (zeroed first): a file as given (even of
 * an unknown type, rejected when read), a folder as its files. Unreadable
 * folders are reported through r. Returns 0 or RASAD_NOMEM. */
int rasad__files_collect(rasad__rd *r, const char *const *paths, size_t n,
                         rasad__files *fl);
void rasad__files_release(rasad__files *fl);

#endif
