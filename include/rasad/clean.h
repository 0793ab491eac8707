/* clean.h - the cleaner: boilerplate lines, repeated paragraphs, datelines
 * and attributions taken out of an article's body, nothing thrown away.
 *
 * Each input line either stays in the body or is listed in removed[] with a
 * reason; datelines and attributions also become metadata (agency, place,
 * news code). A cleaner object remembers lines seen per source so that web
 * furniture repeated across many articles of one outlet is recognised. */
#ifndef RASAD_CLEAN_H
#define RASAD_CLEAN_H

#include <stddef.h>
#include <stdint.h>
#include "rasad/export.h"
#include "rasad/status.h"

/* Why a line left the body. */
#define RASAD_CLEAN_REASON_MAP(X)                                               \
    X(BOILERPLATE, "boilerplate",  "known web furniture (comment prompt, share bar, related news...)") \
    X(REPEATED_SOURCE, "repeated-in-source", "line repeated across articles of the same source") \
    X(STRUCTURAL, "structural",    "short line without sentence punctuation at the head or tail") \
    X(DUPLICATE,  "duplicate",     "paragraph or sentence already in this article")  \
    X(DATELINE,   "dateline",      "dateline or attribution, kept as metadata")      \
    X(EMPTY,      "empty",         "blank line")

typedef enum rasad_clean_reason {
#define RASAD__CLEAN_ENUM(name, id, text) RASAD_CLEAN_##name,
    RASAD_CLEAN_REASON_MAP(RASAD__CLEAN_ENUM)
#undef RASAD__CLEAN_ENUM
    RASAD_CLEAN_NREASONS
} rasad_clean_reason;

/* The short id of a reason ("boilerplate"), static; "unknown" otherwise. */
RASAD_API const char *rasad_clean_reason_name(int reason);

typedef struct rasad_removed_line {
    size_t line;        /* 1-based line number in the input text */
    int reason;         /* rasad_clean_reason */
    char *text;         /* the line as it was (or the removed part of it) */
} rasad_removed_line;

typedef struct rasad_clean_meta {
    char *key;          /* "agency", "place", "news_code", "credit" ... */
    char *value;
} rasad_clean_meta;

typedef struct rasad_clean_result {
    char *body;                     /* kept text, lines joined by '\n' */
    size_t body_len;
    rasad_removed_line *removed;    /* in input order */
    size_t n_removed;
    rasad_clean_meta *meta;         /* from datelines and attributions */
    size_t n_meta;
} rasad_clean_result;

typedef struct rasad_cleaner rasad_cleaner;

/* Makes a cleaner with an empty memory of lines. Returns NULL on NOMEM.
 * Free with rasad_cleaner_free() (NULL is fine). Not thread-safe. */
RASAD_API rasad_cleaner *rasad_cleaner_new(void);
RASAD_API void rasad_cleaner_free(rasad_cleaner *c);

/* Cleans text[0..n) of an article from source (may be NULL) and fills *out
 * (zeroed first; the caller owns it and frees it with
 * rasad_clean_result_free()). The rules are in docs/clean.md.
 *
 * - body: the kept lines, each trimmed of white space, joined by '\n'
 *   (NUL-terminated; body_len excludes the NUL). When a part of a line is
 *   cut, the rest stays, one space where a middle part was taken out.
 * - removed[]: every cut in input order (line, then position), its text
 *   trimmed. A line may give several entries (a dateline part, then a
 *   duplicate sentence). Blank lines are not listed (RASAD_CLEAN_EMPTY is
 *   never used by rasad_clean).
 * - meta: keys are unique, in the order first found: "agency" (the first
 *   outlet credited), "credit" (later outlets, «به نقل از», «منبع:»),
 *   "place", "news_code" (ASCII digits), "date_line", "author",
 *   "photo_credit". A key found again with a new value gets it appended
 *   after "؛ " (U+061B and a space).
 *
 * With a non-NULL source the cleaner first counts the article's short lines
 * for that source (once per article), so a line becomes REPEATED_SOURCE in
 * the RASAD_CLEAN_REPEAT_MIN_ARTICLES-th article that has it and after, not
 * in the earlier ones (see rasad_cleaner_is_repeated()). NULL source: no
 * counting, no REPEATED_SOURCE. Returns 0, RASAD_INVAL (c NULL, or text NULL
 * with n > 0) or RASAD_NOMEM; on error *out holds nothing. */
RASAD_API int rasad_clean(rasad_cleaner *c, const char *source,
                          const char *text, size_t n, rasad_clean_result *out);
/* Frees what rasad_clean() stored in *r and zeroes it; NULL is fine. */
RASAD_API void rasad_clean_result_free(rasad_clean_result *r);

/* A line is REPEATED_SOURCE once this many articles of its source had it. */
#define RASAD_CLEAN_REPEAT_MIN_ARTICLES 3

/* Returns 1 when line[0..n), as cleaned so far, is a line the cleaner now
 * takes for furniture repeated in source (seen in at least
 * RASAD_CLEAN_REPEAT_MIN_ARTICLES of its articles, at most 20 words), else 0
 * (also for a NULL c or source, an unknown source, or NOMEM). A later pass
 * can use it to re-clean the first articles of a source, cleaned before the
 * line was known. Learns nothing. */
RASAD_API int rasad_cleaner_is_repeated(rasad_cleaner *c, const char *source,
                                        const char *line, size_t n);

/* The cleaner's memory, to keep it between runs (the store saves it in its
 * database). A line is known by a 64-bit hash of its normalized form,
 * never 0. */
typedef int (*rasad_cleaner_line_fn)(void *ud, const char *source, uint64_t hash,
                                     unsigned articles);

/* Calls fn for each line seen in at least min_articles articles of its
 * source. Stops at, and returns, fn's first non-zero value; else 0. */
RASAD_API int rasad_cleaner_each_line(rasad_cleaner *c, unsigned min_articles,
                                      rasad_cleaner_line_fn fn, void *ud);

/* Tells c that the line with this hash was seen in `articles` articles of
 * source (keeping the larger count when it knows the line already). The
 * next article of the source that has the line counts it once more.
 * Returns 0, RASAD_INVAL (NULL c or source, hash 0), RASAD_NOMEM. */
RASAD_API int rasad_cleaner_remember(rasad_cleaner *c, const char *source, uint64_t hash,
                                     unsigned articles);

#endif
