/* tagger.c - tags sentences of tokens with a model: feature keys, their
 * weights summed per tag, and Viterbi over the allowed BIO transitions. */
#include <string.h>
#include "rasad/alloc.h"
#include "ner_internal.h"
#include "tagger.h"

int rasad_ner_new(const rasad_ner_model *m, rasad_ner **out)
{
    rasad_ner *t;
    int rc;

    *out = NULL;
    if (!m)
        return RASAD_INVAL;
    if (!(t = rasad_malloc(sizeof *t)))
        return RASAD_NOMEM;
    memset(t, 0, sizeof *t);
    t->m = m;
    if ((rc = rasad__ner_fx_new(&t->fx)) != RASAD_OK) {
        rasad_free(t);
        return rc;
    }
    rasad__ner_fx_set_clusters(t->fx, &m->cl);
    rasad__ner_fx_set_mgaz(t->fx, &m->mg);
    *out = t;
    return RASAD_OK;
}

void rasad_ner_free(rasad_ner *t)
{
    if (!t)
        return;
    rasad__ner_fx_free(t->fx);
    rasad_tokenizer_free(t->tok);
    rasad__ner_text_release(t);
    rasad_free(t);
}

/* A word the document already tagged as (part of) a person and never as
 * a date or time does not start one now («شایگو روز سه‌شنبه» after «سرگئی
 * شایگو»): it stays a person, and the date starts after it. */
static void person_first(const uint32_t *bits, size_t n, uint8_t *tags)
{
    const uint32_t per = 1u << RASAD_NER_B(RASAD_NER_PER) | 1u << RASAD_NER_I(RASAD_NER_PER);
    for (size_t i = 0; i < n; i++) {
        uint8_t b = tags[i];
        if (b != RASAD_NER_B(RASAD_NER_DAT) && b != RASAD_NER_B(RASAD_NER_TIM))
            continue;
        if (!(bits[i] & per) || bits[i] & (1u << b | 1u << (b + 1)))
            continue;
        int after_person = i > 0 && (tags[i - 1] == RASAD_NER_B(RASAD_NER_PER) ||
                                     tags[i - 1] == RASAD_NER_I(RASAD_NER_PER));
        tags[i] = after_person ? RASAD_NER_I(RASAD_NER_PER) : RASAD_NER_B(RASAD_NER_PER);
        if (i + 1 < n && tags[i + 1] == b + 1)
            tags[i + 1] = b;
    }
}

/* Tags at most RASAD_NER_MAX_SENT tokens. */
static int tag_piece(rasad_ner *t, const char *const *tok, const size_t *len, size_t n,
                     uint8_t *tags)
{
    const rasad_ner_model *m = t->m;
    int rc = rasad__ner_fx_run(t->fx, tok, len, n, &t->mem);

    for (size_t i = 0; i < n; i++) {
        int32_t acc[NT] = { 0 };
        size_t nk;
        const uint64_t *keys = rasad__ner_fx_keys(t->fx, i, &nk);
        for (size_t k = 0; k < nk; k++) {
            uint32_t f = rasad__ner_model_find(m, keys[k]);
            if (f == UINT32_MAX)
                continue;
            for (uint32_t j = m->off[f]; j < m->off[f + 1]; j++)
                acc[m->ptag[j]] += m->pw[j];
        }
        for (unsigned g = 0; g < NT; g++)
            t->em[i * NT + g] = acc[g] * m->unit;
    }
    rasad__ner_viterbi(t->em, m->start, m->stop, m->trans, n, t->back, t->score, tags);
    if (rc == RASAD_OK)
        person_first(rasad__ner_fx_mem(t->fx), n, tags);   /* the bits the features read */
    if (rc == RASAD_OK)
        rasad__ner_mem_push(&t->mem, rasad__ner_fx_forms(t->fx), tags, n);
    return rc;
}

void rasad_ner_reset(rasad_ner *t)
{
    if (t)
        rasad__ner_mem_reset(&t->mem);
}

int rasad_ner_tag(rasad_ner *t, const char *const *tok, const size_t *len, size_t n,
                  uint8_t *tags)
{
    int rc = RASAD_OK;

    for (size_t i = 0; i < n; i += RASAD_NER_MAX_SENT) {
        size_t k = n - i < RASAD_NER_MAX_SENT ? n - i : RASAD_NER_MAX_SENT;
        int r = tag_piece(t, tok + i, len + i, k, tags + i);
        if (r != RASAD_OK) {
            memset(tags, 0, n);
            rc = r;
            break;
        }
    }
    return rc;
}
