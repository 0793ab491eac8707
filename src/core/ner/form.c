/* form.c - the word form the features see: one spelling for the variants
 * of a word (Arabic ي/ك, harakat, hamza forms, digits, ZWNJ or not). */
#include "rasad/alloc.h"
#include "ner_internal.h"

#define FORM_FLAGS (RASAD_NORM_LETTERS | RASAD_NORM_MARKS | RASAD_NORM_DIGITS_ASCII | \
                    RASAD_NORM_FOLD)

struct ner_form {
    rasad_norm *nm;
    char buf[4 * RASAD_NER_MAX_TOKEN + 8]; /* the form, NUL-terminated */
};

int rasad__ner_form_new(ner_form **out)
{
    ner_form *f = rasad_malloc(sizeof *f);
    int rc;

    *out = NULL;
    if (!f)
        return RASAD_NOMEM;
    if ((rc = rasad_norm_new(FORM_FLAGS, &f->nm)) != RASAD_OK) {
        rasad_free(f);
        return rc;
    }
    *out = f;
    return RASAD_OK;
}

void rasad__ner_form_free(ner_form *f)
{
    if (!f)
        return;
    rasad_norm_free(f->nm);
    rasad_free(f);
}

/* 1 for the bytes of U+200C (ZWNJ) or U+200D (ZWJ) at p, 0 otherwise. */
static int is_joiner(const char *p, size_t left)
{
    return left >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
           ((unsigned char)p[2] == 0x8C || (unsigned char)p[2] == 0x8D);
}

int rasad__ner_form(ner_form *f, const char *p, size_t n, const char **out, size_t *out_n)
{
    const char *s;
    size_t sn, k = 0;
    int rc;

    if (n > RASAD_NER_MAX_TOKEN)
        n = RASAD_NER_MAX_TOKEN;
    if ((rc = rasad_norm_run(f->nm, p, n, &s, &sn, NULL)) != RASAD_OK) {
        f->buf[0] = '\0';
        *out = f->buf;
        *out_n = 0;
        return rc;
    }
    for (size_t i = 0; i < sn && k < sizeof f->buf - 1;) {
        unsigned char c = (unsigned char)s[i];
        if (is_joiner(s + i, sn - i)) {
            i += 3;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        f->buf[k++] = s[i++];
    }
    f->buf[k] = '\0';
    *out = f->buf;
    *out_n = k;
    return RASAD_OK;
}
