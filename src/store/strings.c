/* strings.c - copies of strings out of SQLite rows (store_internal.h). */
#include <string.h>
#include "rasad/alloc.h"
#include "store_internal.h"

char *rasad__dup_n(const char *p, size_t n, int *nomem)
{
    if (!p)
        return NULL;
    char *s = rasad_malloc(n + 1);
    if (!s) {
        *nomem = 1;
        return NULL;
    }
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

char *rasad__col_dup(sqlite3_stmt *st, int i, int *nomem)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return rasad__dup_n(t, t ? (size_t)sqlite3_column_bytes(st, i) : 0, nomem);
}
