/* th.h - tiny test harness: one line per failed check, a closing line
 * "N passed, N failed", exit status 1 when anything failed. */
#ifndef RASAD_TH_H
#define RASAD_TH_H

#include <stdio.h>
#include <string.h>

static int th_pass, th_fail;

#define TH_CHECK(cond) do {                                                  \
    if (cond) th_pass++;                                                     \
    else { th_fail++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define TH_EQ_INT(a, b) do {                                                 \
    long long th_a = (long long)(a), th_b = (long long)(b);                  \
    if (th_a == th_b) th_pass++;                                             \
    else { th_fail++; printf("FAIL %s:%d: %s == %s (%lld != %lld)\n",        \
                            __FILE__, __LINE__, #a, #b, th_a, th_b); }       \
} while (0)

/* Compares n bytes of a with NUL-terminated string b. */
#define TH_EQ_STRN(a, an, b) do {                                            \
    const char *th_s = (b); size_t th_n = (an);                              \
    if (th_n == strlen(th_s) && memcmp((a), th_s, th_n) == 0) th_pass++;     \
    else { th_fail++; printf("FAIL %s:%d: %s\n  got:  [%.*s]\n  want: [%s]\n", \
                            __FILE__, __LINE__, #a, (int)th_n, (a), th_s); } \
} while (0)

#define TH_EQ_STR(a, b) TH_EQ_STRN((a), strlen(a), (b))

static inline int th_done(void)
{
    printf("%d passed, %d failed\n", th_pass, th_fail);
    return th_fail ? 1 : 0;
}

#endif
