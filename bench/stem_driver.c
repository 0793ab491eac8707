/* stem_driver.c - reads one word per line on stdin, writes its stem per
 * line on stdout. Used by bench/stem_eval.py; built by that script:
 *   gcc -O2 -Iinclude bench/stem_driver.c build-stem/librasad_core.a \
 *       build-stem/librasad_base.a -lutf8proc -o build-stem/stem_driver */
#include <stdio.h>
#include <string.h>
#include "rasad/stem.h"

int main(void)
{
    char line[4096], out[RASAD_STEM_MAX];
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t n = strcspn(line, "\r\n");
        size_t m = rasad_stem_copy(line, n, out, sizeof out);
        if (m > sizeof out) {
            fwrite(line, 1, n, stdout);
        } else {
            fwrite(out, 1, m, stdout);
        }
        fputc('\n', stdout);
    }
    return ferror(stdout) ? 1 : 0;
}
