/* export.h - visibility and attribute macros shared by every public header. */
#ifndef RASAD_EXPORT_H
#define RASAD_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define RASAD_API __attribute__((visibility("default")))
#define RASAD_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define RASAD_API
#define RASAD_WARN_UNUSED
#endif

#endif
