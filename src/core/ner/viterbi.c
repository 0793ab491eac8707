/* viterbi.c - the best BIO tag sequence under first-order transitions. */
#include "ner_internal.h"

int rasad__ner_allowed(unsigned prev, unsigned cur)
{
    if (!RASAD_NER_TAG_IS_I(cur))
        return 1;
    if (prev >= NT || prev == 0)
        return 0;
    return RASAD_NER_TAG_TYPE(prev) == RASAD_NER_TAG_TYPE(cur);
}

void rasad__ner_viterbi(const double *em, const double *start, const double *stop,
                        const double *trans, size_t n, uint8_t *back, double *score,
                        uint8_t *tags)
{
    double *cur = score, *nxt = score + NT;

    if (n == 0)
        return;
    for (unsigned t = 0; t < NT; t++)
        cur[t] = rasad__ner_allowed(NT, t) ? start[t] + em[t] : -1e300;
    for (size_t i = 1; i < n; i++) {
        for (unsigned t = 0; t < NT; t++) {
            double best = -1e301;
            unsigned arg = 0;
            for (unsigned p = 0; p < NT; p++) {
                double s;
                if (!rasad__ner_allowed(p, t))
                    continue;
                s = cur[p] + trans[p * NT + t];
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            nxt[t] = best + em[i * NT + t];
            back[i * NT + t] = (uint8_t)arg;
        }
        double *sw = cur;
        cur = nxt;
        nxt = sw;
    }
    unsigned arg = 0;
    double best = -1e302;
    for (unsigned t = 0; t < NT; t++)
        if (cur[t] + stop[t] > best) {
            best = cur[t] + stop[t];
            arg = t;
        }
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)arg;
        if (i > 0)
            arg = back[i * NT + arg];
    }
}
