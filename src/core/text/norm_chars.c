/* norm_chars.c - the normalizer's character pass.
 *
 * One left-to-right walk over the input. Each code point's rule comes from
 * the generated tables (norm_tables.c); what needs context lives here:
 * spaces are held back until the next character says whether they stay
 * (trimmed at line edges, dropped before closing and after opening
 * punctuation), a ZWNJ is held back until a letter follows it, hamza marks
 * compose with the letter before them, and . ٫ ٬ between digits are
 * number marks. */
#include <string.h>
#include "norm_internal.h"
#include "norm_tables.h"
#include "utf8_decode.h"

typedef struct line_state {
    int pend_space;        /* a space waits to be written */
    uint32_t space_src;    /* its source offset */
    int pend_zwnj;         /* a ZWNJ waits to be written */
    uint32_t zwnj_src;     /* its source offset */
    unsigned last_props;   /* props of the last written character; 0 at line start */
    uint32_t last_cp;      /* the last written code point; 0 at line start */
    size_t last_at;        /* where it starts in the output */
    int at_start;          /* nothing written on this line yet */
    int last_letter_fa;    /* the last letter written on the line is Arabic-script */
    int latin_word;        /* the current run of non-spaces has an ASCII letter */
    size_t ahead_end;      /* latin_ahead() has looked up to here ... */
    int ahead_latin;       /* ... and found an ASCII letter there */
} line_state;

static int is_ascii_alpha(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || is_ascii_alpha(c);
}

/* Does the run from p[i] on, up to the next space or Arabic-script letter
 * (where the pass may insert a space), hold an ASCII letter? The answer for
 * a run is kept, so each byte is looked at once. */
static int latin_ahead(line_state *ls, const char *p, size_t n, size_t i, uint32_t prev)
{
    if (i < ls->ahead_end)
        return ls->ahead_latin;
    ls->ahead_latin = 0;
    while (i < n) {
        uint32_t cp;
        int inv;
        size_t len = rasad__utf8_decode(p + i, n - i, &cp, &inv);
        const rasad__norm_entry *e = rasad__norm_lookup(cp);
        /* the run ends where the normalizer writes a space */
        if (cp == '\n' || e->kind == RASAD__NK_SPACE || (e->props & RASAD__P_LETTER) ||
            (e->kind == RASAD__NK_ZWNJ && prev < 0x80 && is_ascii_alnum(prev)))
            break;
        if (cp < 0x80 && is_ascii_alpha(cp))
            ls->ahead_latin = 1;
        prev = cp;
        i += len;
    }
    ls->ahead_end = i;
    return ls->ahead_latin;
}

static void put(rasad__nout *o, const char *s, size_t len, uint32_t src)
{
    memcpy(o->p + o->n, s, len);
    if (o->map)
        for (size_t i = 0; i < len; i++)
            o->map[o->n + i] = src;
    o->n += len;
}

static void put_cp(rasad__nout *o, uint32_t cp, uint32_t src)
{
    char b[4];
    put(o, b, rasad_utf8_encode(cp, b), src);
}

static int is_digit_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
           (cp >= 0x06F0 && cp <= 0x06F9);
}

/* The index of the two-byte sequence b0 b1 (b0 in D8..DB) in nm->fast. */
static inline unsigned fast_index(char b0, char b1)
{
    return (((unsigned char)b0 - 0xD8u) << 6) | ((unsigned char)b1 & 0x3Fu);
}

void rasad__norm_fast_init(rasad_norm *nm)
{
    int open = 0; /* a fast letter is opening punctuation: no space after it */
    for (uint32_t k = 0; k < 256; k++) {
        uint32_t cp = 0x600 + k;
        const rasad__norm_entry *e = rasad__norm_lookup(cp);
        const char *out = NULL;
        if (!(e->props & RASAD__P_LETTER) || cp == 0x0621)
            continue; /* hamza after heh may be an ezafe: the slow path decides */
        if (e->kind == RASAD__NK_KEEP || (e->flag && !(nm->flags & e->flag)))
            out = NULL; /* copied */
        else if (e->kind == RASAD__NK_MAP && e->len == 2 &&
                 (unsigned char)rasad__norm_pool[e->off] - 0xD8u <= 3u)
            out = (const char *)rasad__norm_pool + e->off;
        else
            continue; /* anything else takes the slow path */
        char b[4];
        if (!out) {
            rasad_utf8_encode(cp, b);
            out = b;
        }
        if (nm->flags & RASAD_NORM_FOLD) {
            /* the folded form of the output letter (ۓ → ئ → ی) */
            uint32_t tcp = 0x600u + (((unsigned char)out[0] & 0x3u) << 6) +
                           ((unsigned char)out[1] & 0x3Fu);
            const rasad__norm_entry *t = rasad__norm_lookup(tcp);
            if (t->kind == RASAD__NK_MAP && t->flag == RASAD_NORM_FOLD) {
                if (t->len != 2 || (unsigned char)rasad__norm_pool[t->off] - 0xD8u > 3u)
                    continue;
                out = (const char *)rasad__norm_pool + t->off;
            }
        }
        nm->fast[k] = (uint16_t)(((unsigned char)out[0] << 8) | (unsigned char)out[1]);
        /* the same by lead and continuation byte, for the copy loop */
        {
            unsigned kk = ((k >> 6) << 8) | 0x80u | (k & 0x3Fu);
            nm->fast_pair[kk][0] = (unsigned char)out[0];
            nm->fast_pair[kk][1] = (unsigned char)out[1];
        }
        nm->fast_props[k] = (uint16_t)rasad__norm_lookup(
            0x600u + (((unsigned char)out[0] & 0x3u) << 6) + ((unsigned char)out[1] & 0x3Fu))->props;
        if ((nm->flags & RASAD_NORM_PUNCT) && (nm->fast_props[k] & RASAD__P_OPEN))
            open = 1;
    }
    nm->fast_space = (nm->flags & RASAD_NORM_SPACE) && !open;
}

#if defined(__SSE2__) && defined(__x86_64__)
#define NORM_SSE2 1
#include <emmintrin.h>

/* Bit b of the result: byte b of v0 v1 v2 v3 (64 bytes) and-ed with a is c
 * (a and c: one byte in all sixteen). */
static inline uint64_t window_mask(__m128i v0, __m128i v1, __m128i v2, __m128i v3, __m128i a,
                                   __m128i c)
{
#define WM(v, q) ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, a), c)) \
                  << (16 * (q)))
    return WM(v0, 0) | WM(v1, 1) | WM(v2, 2) | WM(v3, 3);
#undef WM
}

/* fast_run()'s steps over the 64 bytes from src[0] on, all of which (and
 * two more) it may read and write: fast letters, each with the one space
 * before it that stays (space: fast_space). Returns how many bytes it
 * took: 64 or 65 when it went through, fewer where a step of another kind
 * (a ZWNJ, a space that does not stay or is at byte 63) or the run's end
 * comes. The 64 bytes are copied first (what is past the bytes taken is
 * written over later), then each letter's output is written over its
 * input. Where a space is, is known from a mask rather than tested byte by
 * byte, so that a word's end is not a branch: the loop's branches go one
 * way but at the window's end and the run's, where the per-letter loop's
 * exit was mispredicted once a word. */
static inline __attribute__((always_inline)) size_t
fast_window(const unsigned char (*pair)[2], const unsigned char *src, char *out, uint32_t *m,
            uint32_t src_at, int space, const int with_map)
{
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)src),
            v1 = _mm_loadu_si128((const __m128i *)(const void *)(src + 16)),
            v2 = _mm_loadu_si128((const __m128i *)(const void *)(src + 32)),
            v3 = _mm_loadu_si128((const __m128i *)(const void *)(src + 48));
    _mm_storeu_si128((__m128i *)(void *)out, v0);
    _mm_storeu_si128((__m128i *)(void *)(out + 16), v1);
    _mm_storeu_si128((__m128i *)(void *)(out + 32), v2);
    _mm_storeu_si128((__m128i *)(void *)(out + 48), v3);
    /* a space at byte 63 is left to the caller: its letter is past the masks */
    uint64_t sp = window_mask(v0, v1, v2, v3, _mm_set1_epi8(-1), _mm_set1_epi8(' ')) &
                  (0 - (uint64_t)(space != 0)) & ~(1ull << 63);
    uint64_t lead = window_mask(v0, v1, v2, v3, _mm_set1_epi8((char)0xFC),
                                _mm_set1_epi8((char)0xD8));
    size_t t = 0;
    while (t < 64) {
        size_t k = t + (size_t)((sp >> t) & 1u); /* the letter, after one space or here */
        uint16_t o;
        if (!((lead >> k) & 1u))
            break;
        memcpy(&o, pair[((src[k] & 3u) << 8) | src[k + 1]], 2); /* both bytes 0, or a letter's two */
        if (!o)
            break;
        memcpy(out + k, &o, 2);
        if (with_map) {
            m[t] = src_at + (uint32_t)t; /* the space, or the letter's first byte */
            m[k] = m[k + 1] = src_at + (uint32_t)k;
        }
        t = k + 2;
    }
    return t;
}
#else
#define NORM_SSE2 0
#endif

/* Copies the run of fast letters (and ZWNJ between them, and single
 * spaces between them when nm->fast_space) that starts at s[r], writing
 * dst[*on ..] (and mp when with_map) while *on < lim; returns where the run
 * ends and sets *lastk to the fast index of its last letter.
 * always_inline with a constant with_map gives a loop without the map test. */
static inline __attribute__((always_inline)) size_t
fast_run(const rasad_norm *nm, const unsigned char *s, size_t r, size_t n, size_t end2,
         char *dst, size_t *pon, size_t lim, uint32_t *mp, unsigned *lastk, const int with_map)
{
    const unsigned char(*pair)[2] = nm->fast_pair;
    const int zwnj = (nm->flags & RASAD_NORM_ZWNJ) != 0, space = nm->fast_space;
    size_t on = *pon;
    /* Each step writes as many bytes as it reads, so one index j serves
     * the input (src[j] is s[r + j]), the output (out[j] is dst[on + j])
     * and the map, and out[j] stays below lim while r + j < rlim. */
    size_t rlim = r + (lim - on), len = (rlim < end2 ? rlim : end2) - r, j = 0;
    const unsigned char *src = s + r;
    char *out = dst + on;
    uint32_t *m = with_map ? mp + on : NULL;
    uint64_t both = (uint64_t)r * 0x100000001ull; /* the map of a letter at j: r + j, twice */
    while (j < len) {
#if NORM_SSE2
        if (j + 66 <= len) {
            size_t t = fast_window(pair, src + j, out + j, with_map ? m + j : NULL,
                                   (uint32_t)(r + j), space, with_map);
            both += (uint64_t)t * 0x100000001ull;
            j += t;
            if (t >= 64)
                continue;
        }
#endif
        unsigned c0 = src[j] - 0xD8u;
        if (c0 <= 3u) {
            /* the letters up to the next space: a loop of its own, which
             * keeps its few values in registers */
            do {
                uint16_t o;
                memcpy(&o, pair[(c0 << 8) | src[j + 1]], 2); /* both bytes 0, or a letter's two */
                if (!o)
                    goto done;
                memcpy(out + j, &o, 2);
                if (with_map)
                    memcpy(m + j, &both, sizeof both);
                both += 0x200000002ull;
                j += 2;
                if (j >= len)
                    goto done;
                c0 = src[j] - 0xD8u;
            } while (c0 <= 3u);
        }
        /* one space between two letters stays, as the slow path would keep
         * it (fast_space says no letter is opening punctuation) */
        if (src[j] == ' ' && space && j + 2 < len + 1 && src[j + 1] - 0xD8u <= 3u &&
            pair[((src[j + 1] - 0xD8u) << 8) | src[j + 2]][0]) {
            out[j] = ' ';
            if (with_map)
                m[j] = (uint32_t)both;
            both += 0x100000001ull;
            j++;
            continue;
        }
        /* a ZWNJ between two letters stays */
        if (c0 == 0xE2u - 0xD8u && src[j + 1] == 0x80 && r + j + 4 < n && src[j + 2] == 0x8C &&
            on + j + 5 < lim && zwnj && src[j + 3] - 0xD8u <= 3u &&
            pair[((src[j + 3] - 0xD8u) << 8) | src[j + 4]][0]) {
            memcpy(out + j, src + j, 3);
            if (with_map)
                m[j] = m[j + 1] = m[j + 2] = (uint32_t)both;
            both += 3 * 0x100000001ull;
            j += 3;
            continue;
        }
        break;
    }
done:
    *pon = on + j;
    /* a run ends with a letter (a space or ZWNJ is taken only before one):
     * its fast index, from its input bytes */
    if (j >= 2)
        *lastk = ((src[j - 2] - 0xD8u) << 6) | (src[j - 1] & 0x3Fu);
    return r + j;
}

/* fast_run() with and without the map, each a function of its own, so that
 * the loop has the registers to itself (inlined into the pass, it spills). */
static __attribute__((noinline)) size_t
fast_run_map(const rasad_norm *nm, const unsigned char *s, size_t r, size_t n, size_t end2,
             char *dst, size_t *pon, size_t lim, uint32_t *mp, unsigned *lastk)
{
    return fast_run(nm, s, r, n, end2, dst, pon, lim, mp, lastk, 1);
}

static __attribute__((noinline)) size_t
fast_run_nomap(const rasad_norm *nm, const unsigned char *s, size_t r, size_t n, size_t end2,
               char *dst, size_t *pon, size_t lim, unsigned *lastk)
{
    return fast_run(nm, s, r, n, end2, dst, pon, lim, NULL, lastk, 0);
}

/* Folds the output of a letter map for search (ئ in a ligature is ی, the
 * ezafe hamza after ه goes) into buf, which holds at least len bytes.
 * Returns the new length. */
static size_t fold_output(const char *out, size_t len, char *buf)
{
    size_t i = 0, k = 0;
    while (i < len) {
        uint32_t cp;
        int inv;
        size_t l = rasad__utf8_decode(out + i, len - i, &cp, &inv);
        const rasad__norm_entry *e = rasad__norm_lookup(cp);
        if (e->kind == RASAD__NK_MAP && e->flag == RASAD_NORM_FOLD) {
            memcpy(buf + k, rasad__norm_pool + e->off, e->len);
            k += e->len;
        } else if (cp != 0x0654) {
            memcpy(buf + k, out + i, l);
            k += l;
        }
        i += l;
    }
    return k;
}

/* The code point that starts at p[i], or 0 at the end. */
static uint32_t peek(const char *p, size_t n, size_t i)
{
    uint32_t cp;
    int inv;
    if (i >= n)
        return 0;
    rasad__utf8_decode(p + i, n - i, &cp, &inv);
    return cp;
}

/* The first code point from p[i] on that the pass will write: marks,
 * tatweel, ZWJ and other dropped characters are skipped, and ZWNJs (with
 * RASAD_NORM_ZWNJ a ZWNJ stays only before a letter, which is no digit:
 * callers ask whether a digit follows). 0 at the end. */
static uint32_t peek_kept(const char *p, size_t n, size_t i, unsigned fl)
{
    while (i < n) {
        uint32_t cp;
        int inv;
        size_t len = rasad__utf8_decode(p + i, n - i, &cp, &inv);
        const rasad__norm_entry *e = rasad__norm_lookup(cp);
        /* a ZWNJ goes too when the repair is on and no letter follows it
         * (۰.‌۰: the decimal mark is judged as it will be read again) */
        if (!((e->kind == RASAD__NK_DROP || e->kind == RASAD__NK_ZWJ) && e->flag && (fl & e->flag)) &&
            !(e->kind == RASAD__NK_ZWNJ && (fl & RASAD_NORM_ZWNJ)))
            return cp;
        i += len;
    }
    return 0;
}

/* Hamza and madda above/below composed with the letter before them. */
static const struct { uint32_t base, mark, composed; } hamza_compose[] = {
    { 0x0627, 0x0653, 0x0622 }, { 0x0627, 0x0654, 0x0623 }, { 0x0627, 0x0655, 0x0625 },
    { 0x0648, 0x0654, 0x0624 }, { 0x06CC, 0x0654, 0x0626 },
};

/* Handles U+0653..U+0655 after the last written letter. Returns 1 when the
 * mark was absorbed (composed or dropped), 0 when it is to be written. */
static int hamza_mark(rasad_norm *nm, line_state *ls, uint32_t mark)
{
    rasad__nout *o = &nm->a;
    unsigned fl = nm->flags;
    if (!(fl & RASAD_NORM_LETTERS))
        return 0;
    for (size_t i = 0; i < sizeof hamza_compose / sizeof hamza_compose[0]; i++) {
        if (hamza_compose[i].base == ls->last_cp && hamza_compose[i].mark == mark) {
            if (fl & RASAD_NORM_FOLD)
                return 1; /* the folded form is the bare letter */
            o->n = ls->last_at; /* both are two-byte letters: rewrite in place */
            put_cp(o, hamza_compose[i].composed, o->map ? o->map[ls->last_at] : 0);
            ls->last_cp = hamza_compose[i].composed;
            return 1;
        }
    }
    if (ls->last_cp == 0x0647 && mark == 0x0654 && !(fl & RASAD_NORM_FOLD))
        return 0; /* heh + hamza above: the ezafe, written هٔ */
    return (fl & RASAD_NORM_MARKS) ? 1 : 0;
}

/* Writes what is pending before a character with props `props` whose
 * source starts at src. */
static void flush_pending(rasad_norm *nm, line_state *ls, unsigned props, uint32_t src)
{
    rasad__nout *o = &nm->a;
    unsigned fl = nm->flags;
    if (ls->pend_zwnj) {
        if (props & RASAD__P_LETTER)
            put(o, "\xE2\x80\x8C", 3, ls->zwnj_src);
        else
            nm->stats.zwnj_removed++;
        ls->pend_zwnj = 0;
    }
    if (ls->pend_space) {
        int keep = !ls->at_start;
        if ((fl & RASAD_NORM_PUNCT) &&
            ((props & RASAD__P_CLOSE) || (ls->last_props & RASAD__P_OPEN)))
            keep = 0;
        if (keep)
            put(o, " ", 1, ls->space_src);
        ls->pend_space = 0;
    } else if ((fl & RASAD_NORM_PUNCT) && !ls->at_start &&
               (((ls->last_props & RASAD__P_AFTER) && (props & RASAD__P_LETTER)) ||
                ((props & RASAD__P_BEFORE) && (ls->last_props & RASAD__P_LETTER)))) {
        put(o, " ", 1, src); /* an inserted space belongs to what follows it */
        ls->latin_word = 0;
    }
}

int rasad__norm_chars(rasad_norm *nm, const char *p, size_t n)
{
    rasad__nout *o = &nm->a;
    unsigned fl = nm->flags;
    line_state ls;
    size_t i = 0;

    memset(&ls, 0, sizeof ls);
    ls.at_start = 1;
    o->n = 0;
    while (i < n) {
        uint32_t cp, src = (uint32_t)i;
        int inv = 0;
        size_t len;
        const rasad__norm_entry *e;
        const char *out;
        size_t out_len;
        unsigned props;
        int kind;
        char folded[64];

        if (o->cap - o->n < 64 && rasad__nout_reserve(o, 64, nm->want_map))
            return RASAD_NOMEM;
        /* Fast path: a space, or a run of two-byte letters that stay as they
         * are (most of Persian text), found with a bitmask per lead byte. */
        if (p[i] == ' ' && (fl & RASAD_NORM_SPACE)) {
            if (!ls.pend_space)
                ls.space_src = (uint32_t)i;
            ls.pend_space = 1;
            ls.latin_word = 0;
            if (ls.pend_zwnj && (fl & RASAD_NORM_ZWNJ)) {
                ls.pend_zwnj = 0;
                nm->stats.zwnj_removed++;
            }
            i++;
            continue;
        }
        if ((unsigned char)p[i] - 0xD8u <= 3u && i + 1 < n &&
            ((unsigned char)p[i + 1] & 0xC0) == 0x80 && nm->fast[fast_index(p[i], p[i + 1])]) {
            /* Fast path: a run of two-byte letters that are copied or mapped
             * to another two-byte letter (most of Persian text), with ZWNJ
             * between them. */
            const unsigned char *s = (const unsigned char *)p;
            const uint16_t *fast = nm->fast;
            char *dst;
            uint32_t *mp;
            size_t on, lim, r = i, end2 = n - 1;
            unsigned lastk = 0;
            if (o->cap - o->n < 256 && rasad__nout_reserve(o, 256, nm->want_map))
                return RASAD_NOMEM;
            if (ls.pend_space && !ls.pend_zwnj && !ls.at_start &&
                !((fl & RASAD_NORM_PUNCT) && (ls.last_props & RASAD__P_OPEN))) {
                put(o, " ", 1, ls.space_src); /* the common case, inline */
                ls.pend_space = 0;
            } else if (ls.pend_space || ls.pend_zwnj || (ls.last_props & RASAD__P_AFTER)) {
                flush_pending(nm, &ls, RASAD__P_LETTER, (uint32_t)i);
            }
            dst = o->p;
            mp = o->map;
            on = o->n;
            lim = o->cap - 8;
            if (mp)
                r = fast_run_map(nm, s, r, n, end2, dst, &on, lim, mp, &lastk);
            else
                r = fast_run_nomap(nm, s, r, n, end2, dst, &on, lim, &lastk);
            ls.last_props = nm->fast_props[lastk];
            ls.last_letter_fa = 1;
            ls.latin_word = 0;
            cp = 0x600u + ((fast[lastk] >> 2) & 0xC0u) + (fast[lastk] & 0x3Fu);
            o->n = on;
            ls.last_at = on - 2;
            ls.last_cp = cp;
            ls.at_start = 0;
            i = r;
            continue;
        }
        if (i >= n)
            break;
        if (o->cap - o->n < 64 && rasad__nout_reserve(o, 64, nm->want_map))
            return RASAD_NOMEM;
        src = (uint32_t)i;
        if ((unsigned char)p[i] < 0x80) {
            cp = (unsigned char)p[i];
            len = 1;
        } else {
            len = rasad__utf8_decode(p + i, n - i, &cp, &inv);
            nm->stats.invalid_utf8 += (uint64_t)inv;
        }
        i += len;
        ls.space_src = ls.pend_space ? ls.space_src : src;
        if (cp == '\n') {
            if (ls.pend_zwnj)
                nm->stats.zwnj_removed++;
            memset(&ls, 0, sizeof ls);
            ls.at_start = 1;
            put(o, "\n", 1, src);
            continue;
        }
        e = rasad__norm_lookup(cp);
        kind = e->kind;
        if (e->flag && !(fl & e->flag) &&
            !(kind == RASAD__NK_DIGIT && (fl & RASAD_NORM_DIGITS_ASCII)))
            kind = RASAD__NK_KEEP;
        props = e->props;
        out = inv ? "\xEF\xBF\xBD" : p + src;
        out_len = inv ? 3 : len;
        size_t last_off = 0; /* where in out the letter a mark may compose with starts */
        if (cp == 0x0621 && ls.last_cp == 0x0647 && !ls.pend_space && !ls.pend_zwnj &&
            (fl & RASAD_NORM_LETTERS) &&
            !(rasad__norm_lookup(peek(p, n, i))->props & (RASAD__P_LETTER | RASAD__P_HAMZA))) {
            cp = 0x0654; /* بهانهء: the ezafe written with a standalone hamza is هٔ */
            kind = RASAD__NK_HAMZA;
            out = "\xD9\x94";
            out_len = 2;
        }

        switch (kind) {
        case RASAD__NK_SPACE:
            ls.pend_space = 1;
            ls.latin_word = 0;
            if (ls.pend_zwnj && (fl & RASAD_NORM_ZWNJ)) {
                ls.pend_zwnj = 0;
                nm->stats.zwnj_removed++;
            }
            continue;
        case RASAD__NK_DROP:
        case RASAD__NK_ZWJ:
            continue;
        case RASAD__NK_ZWNJ:
            if (ls.pend_space || ls.pend_zwnj || !(ls.last_props & RASAD__P_LETTER)) {
                nm->stats.zwnj_removed++;
                if (!ls.pend_space && ls.last_cp < 0x80 && is_ascii_alnum(ls.last_cp) &&
                    (fl & RASAD_NORM_SPACE)) {
                    ls.pend_space = 1; /* between Latin words it separates them */
                    ls.space_src = src;
                    ls.latin_word = 0;
                }
                continue;
            }
            ls.pend_zwnj = 1;
            ls.zwnj_src = src;
            continue;
        case RASAD__NK_MAP:
            out = (const char *)rasad__norm_pool + e->off;
            out_len = e->len;
            if (fl & RASAD_NORM_FOLD) {
                out_len = fold_output(out, out_len, folded);
                out = folded;
            }
            cp = peek(out, out_len, 0);
            if (out_len == 4 && cp == 0x0647 && (unsigned char)out[2] == 0xD9 &&
                (unsigned char)out[3] == 0x94)
                cp = 0x0654; /* ه + the ezafe mark (not the ligature ه + ی, ﱓ) */
            else if (out_len > 2) { /* a ligature (ﻻ -> لا): a mark composes with its
                                     * last letter, as it will when the output is read again */
                int two = ((unsigned char)out[out_len - 2] & 0xE0) == 0xC0;
                cp = two ? peek(out, out_len, out_len - 2) : 0;
                last_off = two ? out_len - 2 : 0;
            }
            break;
        case RASAD__NK_DIGIT:
            if (cp < 0x80 && !(fl & RASAD_NORM_DIGITS_ASCII) &&
                (ls.latin_word || latin_ahead(&ls, p, n, i, cp))) {
                props = 0; /* ATM74, IBM-96, a URL: ASCII digits stay */
                break;
            }
            if (fl & RASAD_NORM_DIGITS_ASCII) {
                cp = '0' + e->len;
                out = (const char *)"0123456789" + e->len;
                out_len = 1;
            } else {
                static const char fa[] = "\xDB\xB0\xDB\xB1\xDB\xB2\xDB\xB3\xDB\xB4"
                                         "\xDB\xB5\xDB\xB6\xDB\xB7\xDB\xB8\xDB\xB9";
                cp = 0x06F0 + e->len;
                out = fa + 2 * e->len;
                out_len = 2;
            }
            props = 0;
            break;
        case RASAD__NK_PUNCT:
            if ((props & (RASAD__P_DECIMAL | RASAD__P_GROUP)) && is_digit_cp(ls.last_cp) &&
                is_digit_cp(peek_kept(p, n, i, fl)) && (fl & (RASAD_NORM_DIGITS | RASAD_NORM_DIGITS_ASCII)) &&
                !(ls.latin_word && !(fl & RASAD_NORM_DIGITS_ASCII))) {
                int ascii = (fl & RASAD_NORM_DIGITS_ASCII) != 0;
                if (props & RASAD__P_DECIMAL) {
                    out = ascii ? "." : "\xD9\xAB";
                    cp = ascii ? '.' : 0x066B;
                } else {
                    out = ascii ? "," : "\xD9\xAC";
                    cp = ascii ? ',' : 0x066C;
                }
                out_len = ascii ? 1 : 2;
                props = 0;
                ls.pend_space = 0;
            } else if ((props & RASAD__P_LATIN) && ls.last_letter_fa &&
                       !(is_digit_cp(ls.last_cp) && is_digit_cp(peek_kept(p, n, i, fl)))) {
                static const struct { uint32_t from; const char *to; uint32_t cp; } latin[] = {
                    { ',', "\xD8\x8C", 0x060C }, { ';', "\xD8\x9B", 0x061B }, { '?', "\xD8\x9F", 0x061F },
                };
                for (size_t k = 0; k < sizeof latin / sizeof latin[0]; k++)
                    if (latin[k].from == cp) {
                        out = latin[k].to;
                        cp = latin[k].cp;
                        out_len = 2;
                        props = rasad__norm_lookup(cp)->props;
                        break;
                    }
            }
            break;
        case RASAD__NK_HAMZA:
            if (ls.pend_zwnj) {
                ls.pend_zwnj = 0;
                nm->stats.zwnj_removed++;
            }
            if (ls.pend_space ? (fl & RASAD_NORM_MARKS) != 0 : hamza_mark(nm, &ls, cp))
                continue;
            props = ls.pend_space ? 0 : ls.last_props; /* transparent */
            break;
        default:
            break;
        }
        if (o->cap - o->n < out_len + 8 && rasad__nout_reserve(o, out_len + 8, nm->want_map))
            return RASAD_NOMEM;
        flush_pending(nm, &ls, props, src);
        ls.last_at = o->n + last_off;
        put(o, out, out_len, src);
        ls.last_cp = cp;
        ls.last_props = props;
        ls.at_start = 0;
        if (props & RASAD__P_LETTER) {
            ls.last_letter_fa = 1;
            ls.latin_word = 0;
        }
        else if (cp < 0x80 && is_ascii_alpha(cp)) {
            ls.last_letter_fa = 0;
            ls.latin_word = 1;
        }
    }
    if (ls.pend_zwnj)
        nm->stats.zwnj_removed++;
    if (o->map)
        o->map[o->n] = (uint32_t)n;
    o->p[o->n] = '\0';
    return RASAD_OK;
}
