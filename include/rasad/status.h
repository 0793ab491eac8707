/* status.h - the one list of statuses every rasad function returns.
 *
 * 0 is success, every error is negative. To add a status, add one line to
 * RASAD_STATUS_MAP: the enum and rasad_strerror() are generated from it. */
#ifndef RASAD_STATUS_H
#define RASAD_STATUS_H

#include "rasad/export.h"

#define RASAD_STATUS_MAP(X)                                              \
    X(OK,          0,  "success")                                        \
    X(NOMEM,      -1,  "out of memory")                                  \
    X(INVAL,      -2,  "invalid argument")                               \
    X(IO,         -3,  "input/output error")                             \
    X(TOOBIG,     -4,  "input larger than the configured limit")         \
    X(NOTFOUND,   -5,  "not found")                                      \
    X(PARSE,      -6,  "malformed input")                                \
    X(RANGE,      -7,  "value out of range")                             \
    X(STOP,       -8,  "stopped by callback")                            \
    X(UNSUPPORTED,-9,  "not supported")                                  \
    X(BADUTF8,    -10, "invalid UTF-8")

typedef enum rasad_status {
#define RASAD__STATUS_ENUM(name, code, text) RASAD_##name = code,
    RASAD_STATUS_MAP(RASAD__STATUS_ENUM)
#undef RASAD__STATUS_ENUM
} rasad_status;

/* Returns a static, lowercase English description of status; never NULL.
 * Unknown values give "unknown status". */
RASAD_API const char *rasad_strerror(int status);

/* Returns the status's symbolic name without prefix ("NOMEM"), or "UNKNOWN". */
RASAD_API const char *rasad_status_name(int status);

#endif
