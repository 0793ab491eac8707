/* reason.c - names of the cleaner's reasons, from RASAD_CLEAN_REASON_MAP. */
#include "rasad/clean.h"

static const char *const reason_names[] = {
#define RASAD__CLEAN_NAME(name, id, text) id,
    RASAD_CLEAN_REASON_MAP(RASAD__CLEAN_NAME)
#undef RASAD__CLEAN_NAME
};

const char *rasad_clean_reason_name(int reason)
{
    if (reason < 0 || reason >= RASAD_CLEAN_NREASONS)
        return "unknown";
    return reason_names[reason];
}
