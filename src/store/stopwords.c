/* stopwords.c - Persian function words left out of word queries.
 *
 * Written in the index form of the tokenizer (Persian letters, ZWNJ where
 * orthography puts it), sorted by bytes so a binary search finds them. The
 * list is rasad's own: prepositions, conjunctions, pronouns, auxiliaries
 * and question words that say nothing about which document is wanted.
 * Phrases ("...") keep every word. */
#include <string.h>
#include "store_internal.h"

static const char *const stopwords[] = {
    "آن", "آنان", "آنجا", "آنها", "آنچه", "آیا", "از",
    "است", "اما", "اند", "او", "اکنون", "اگر", "ایشان",
    "این", "اینکه", "با", "باشد", "باید", "بر", "برای",
    "بسیار", "به", "بود", "بودند", "بوده", "بی", "بین",
    "تا", "تو", "توسط", "جز", "خود", "دارد", "دارند", "در",
    "درباره", "را", "روی", "شد", "شده", "شما", "شود", "طی",
    "ما", "من", "می", "میان", "نیز", "هر", "هم", "همان",
    "همه", "همین", "هنوز", "هیچ", "و", "وی", "چرا", "چطور",
    "چند", "چه", "چون", "چگونه", "چیست", "کدام", "کرد",
    "کرده", "کند", "کنند", "که", "کی", "کیست", "یا", "یک",
    "یکی",
};

#define NSTOP (sizeof stopwords / sizeof stopwords[0])

int rasad__is_stopword(const char *w, size_t n)
{
    size_t lo = 0, hi = NSTOP;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *s = stopwords[mid];
        size_t sn = strlen(s);
        int c = memcmp(s, w, sn < n ? sn : n);
        if (c == 0)
            c = sn < n ? -1 : sn > n;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
