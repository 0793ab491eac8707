/* status.c - rasad_strerror() generated from RASAD_STATUS_MAP. */
#include "rasad/status.h"

const char *rasad_strerror(int status)
{
    switch (status) {
#define RASAD__STATUS_TEXT(name, code, text) case code: return text;
        RASAD_STATUS_MAP(RASAD__STATUS_TEXT)
#undef RASAD__STATUS_TEXT
    }
    return "unknown status";
}

const char *rasad_status_name(int status)
{
    switch (status) {
#define RASAD__STATUS_NAME(name, code, text) case code: return #name;
        RASAD_STATUS_MAP(RASAD__STATUS_NAME)
#undef RASAD__STATUS_NAME
    }
    return "UNKNOWN";
}
