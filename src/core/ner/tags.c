/* tags.c - names of the entity types and BIO tags. */
#include <string.h>
#include "ner_internal.h"

static const char *const type_names[RASAD_NER_NTYPES] = {
    "",
#define TYPE_NAME(name) #name,
    RASAD_NER_TYPE_MAP(TYPE_NAME)
#undef TYPE_NAME
};

static const char *const tag_names[NT] = {
    "O",
#define TAG_NAMES(name) "B-" #name, "I-" #name,
    RASAD_NER_TYPE_MAP(TAG_NAMES)
#undef TAG_NAMES
};

const char *rasad_ner_tag_name(int tag)
{
    return tag >= 0 && tag < (int)NT ? tag_names[tag] : "O";
}

const char *rasad_ner_type_name(int type)
{
    return type > 0 && type < RASAD_NER_NTYPES ? type_names[type] : "";
}

int rasad_ner_tag_parse(const char *p, size_t n)
{
    if (n == 1 && p[0] == 'O')
        return 0;
    if (n < 3 || (p[0] != 'B' && p[0] != 'I') || (p[1] != '-' && p[1] != '_'))
        return -1;
    for (int t = 1; t < RASAD_NER_NTYPES; t++) {
        const char *name = type_names[t];
        if (strlen(name) == n - 2 && memcmp(name, p + 2, n - 2) == 0)
            return p[0] == 'B' ? RASAD_NER_B(t) : RASAD_NER_I(t);
    }
    return -1;
}
