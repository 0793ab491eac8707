/* read_internal.h - shared between the readers of src/core/read. */
#ifndef RASAD_READ_INTERNAL_H
#define RASAD_READ_INTERNAL_H

#include <strings.h>
#include "rasad/read.h"

/* The format a file name asks for by its suffix (case-insensitive), or
 * RASAD_FORMAT_AUTO when it names none rasad reads. */
rasad_format rasad__format_of(const char *name);

#endif
