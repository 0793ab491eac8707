/* tokenize.c - splits normalized text into word and number tokens and
 * reports each with its span in the original bytes.
 *
 * The text is normalized first (by default to the index form: Persian
 * letters, ASCII digits, folded hamza forms), so a token is in normalized
 * form however it was typed; the normalizer's offset map takes each token
 * back to the bytes it came from. A ZWNJ between letters stays inside the
 * token: کتاب‌ها is one token. A Persian letter next to a digit starts a
 * new token (۹کیلومتر is two); Latin letters and digits stay together. */
#include <string.h>
#include <utf8proc.h>
#include "rasad/alloc.h"
#include "norm_internal.h"
#include "norm_tables.h"
#include "utf8_decode.h"
#include "zwnj_rules.h"

struct rasad_tokenizer {
    rasad_norm *nm;          /* owned */
    unsigned char cls2[256]; /* class of U+0600+k, the two-byte fast path */
    unsigned char alpha[1024]; /* [(b0 - 0xD8) << 8 | b1]: 1 when b0 b1 is a Persian letter */
};

enum cclass { C_OTHER, C_ALPHA, C_LATIN, C_DIGIT, C_JOINER, C_NUMSEP };

static int classify(uint32_t cp);

int rasad_tokenizer_new(unsigned norm_flags, rasad_tokenizer **out)
{
    rasad_tokenizer *t;
    *out = NULL;
    if (!norm_flags)
        norm_flags = RASAD_NORM_DEFAULT | RASAD_NORM_DIGITS_ASCII | RASAD_NORM_FOLD;
    t = rasad_malloc(sizeof *t);
    if (!t)
        return RASAD_NOMEM;
    if (rasad_norm_new(norm_flags, &t->nm) != RASAD_OK) {
        rasad_free(t);
        return RASAD_NOMEM;
    }
    memset(t->alpha, 0, sizeof t->alpha);
    int words = (norm_flags & RASAD_NORM_ZWNJ_RESTORE) != 0;
    for (uint32_t k = 0; k < 256; k++) {
        char u[2] = { (char)(0xD8 + (k >> 6)), (char)(0x80 | (k & 0x3F)) };
        t->cls2[k] = (unsigned char)classify(0x600 + k);
        t->alpha[((k >> 6) << 8) | 0x80u | (k & 0x3Fu)] = t->cls2[k] == C_ALPHA;
        if (rasad__zw_letter_at(u) && t->cls2[k] != C_ALPHA)
            words = 0;
    }
    /* The planner's one-word chunks (rasad__zwnj_plan_words) are runs of
     * its letters and ZWNJs between them; when each of its letters is a
     * letter here too, such a chunk is one token from its first byte on,
     * and the normalizer's list of them spares the walk over its letters. */
    t->nm->want_words = words;
    *out = t;
    return RASAD_OK;
}

void rasad_tokenizer_free(rasad_tokenizer *t)
{
    if (!t)
        return;
    rasad_norm_free(t->nm);
    rasad_free(t);
}

/* ASCII classes: letters, digits, and . , as separators inside numbers. */
static const unsigned char ascii_class[128] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['.'] = C_NUMSEP, [','] = C_NUMSEP,
#define L(c) [c] = C_LATIN
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'),
    L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'),
    L('w'), L('x'), L('y'), L('z'), L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'),
    L('H'), L('I'), L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'),
    L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'), L('_'),
#undef L
};

static int classify(uint32_t cp)
{
    const rasad__norm_entry *e;
    if (cp < 128)
        return ascii_class[cp];
    if (cp == 0x200C)
        return C_JOINER;
    e = rasad__norm_lookup(cp);
    if (e->props & (RASAD__P_LETTER | RASAD__P_HAMZA))
        return C_ALPHA;
    if (e->kind == RASAD__NK_DIGIT)
        return C_DIGIT;
    if (e->props & (RASAD__P_DECIMAL | RASAD__P_GROUP))
        return C_NUMSEP;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
        return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFEFF) ? C_ALPHA : C_LATIN;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    default:
        return C_OTHER;
    }
}

/* Can a character of class c continue a token whose last class is last? */
static int continues(int last, int c)
{
    if (c == C_ALPHA)
        return last == C_ALPHA || last == C_JOINER;
    if (c == C_LATIN)
        return last == C_LATIN || last == C_DIGIT;
    if (c == C_DIGIT)
        return last == C_DIGIT || last == C_LATIN || last == C_NUMSEP;
    return 0;
}

/* Is c one of ' ' '\t' '\r' '\n'? One compare and one bit test: this runs
 * once for every token. */
static inline int is_space_byte(unsigned char c)
{
    return c <= ' ' && ((1ull << c) & (1ull << ' ' | 1ull << '\t' | 1ull << '\r' | 1ull << '\n'));
}

typedef struct scan {
    const char *src;     /* the caller's bytes */
    const uint32_t *map; /* output byte -> source offset */
    rasad_token_fn fn;
    void *ctx;
} scan;

/* Inlined: it runs once for every token, and a call of its own cost a
 * fifth of the tokenizer's instructions. */
static inline __attribute__((always_inline)) int emit(const scan *s, const char *text,
                                                      size_t from, size_t to, int kind)
{
    size_t start = s->map[from], end = s->map[to];
    while (end > start + 1 && is_space_byte((unsigned char)s->src[end - 1]))
        end--;
    if (end <= start)
        end = start + 1;
    return s->fn(s->ctx, kind, text + from, to - from, start, end);
}

/* The class of the character at text[i] (i < n) and its length. The text is
 * the normalizer's output, so it is valid UTF-8. */
static inline __attribute__((always_inline)) int class_at(const rasad_tokenizer *t, const char *text, size_t i, size_t n,
                           size_t *len)
{
    unsigned char b0 = (unsigned char)text[i];
    uint32_t cp;
    int inv;
    if (b0 < 0x80) {
        *len = 1;
        return ascii_class[b0];
    }
    if (b0 - 0xD8u <= 3u && i + 1 < n) {
        *len = 2;
        return t->cls2[((b0 - 0xD8u) << 6) | ((unsigned char)text[i + 1] & 0x3Fu)];
    }
    if (b0 == 0xE2 && i + 2 < n && text[i + 1] == '\x80' && text[i + 2] == '\x8C') {
        *len = 3;
        return C_JOINER;
    }
    *len = rasad__utf8_decode(text + i, n - i, &cp, &inv);
    return classify(cp);
}

/* The end of the run of Persian letters from text[j] on (j < tn), two at
 * a time. */
static inline size_t alpha_run(const rasad_tokenizer *t, const unsigned char *u, size_t j,
                               size_t tn)
{
    for (; j + 3 < tn; j += 4) {
        unsigned c0 = u[j] - 0xD8u, c1 = u[j + 2] - 0xD8u;
        if (c0 > 3u || !t->alpha[(c0 << 8) | u[j + 1]])
            return j;
        if (c1 > 3u || !t->alpha[(c1 << 8) | u[j + 3]])
            return j + 2;
    }
    while (j + 1 < tn) {
        unsigned c0 = u[j] - 0xD8u;
        if (c0 > 3u || !t->alpha[(c0 << 8) | u[j + 1]])
            break;
        j += 2;
    }
    return j;
}

int rasad_tokenize(rasad_tokenizer *t, const char *p, size_t n, rasad_token_fn fn, void *ctx)
{
    const char *text;
    const unsigned char *u;
    const uint32_t *map;
    size_t tn, i = 0;
    int rc;
    scan s;

    rc = rasad_norm_run(t->nm, p, n, &text, &tn, &map);
    if (rc != RASAD_OK)
        return rc;
    /* the one-word chunks of text, [start, end) pairs in order; none when
     * the normalizer did not list them */
    const size_t *w = NULL, *wend = NULL;
    if (t->nm->words_ok && t->nm->nwords) {
        w = t->nm->words;
        wend = w + 2 * t->nm->nwords;
    }
    u = (const unsigned char *)text;
    s.src = p;
    s.map = map;
    s.fn = fn;
    s.ctx = ctx;
    while (i < tn) {
        size_t len, tok = i;
        int c, last, has_alpha, has_digit;
        if (u[i] == ' ') {
            i++; /* most of what is between tokens */
            continue;
        }
        /* one-word chunks that a token before took in (joined words) */
        while (w < wend && w[0] < i)
            w += 2;
        int one = w < wend && w[0] == i;
        if (one || (u[i] - 0xD8u <= 3u && i + 1 < tn &&
                    t->alpha[((u[i] - 0xD8u) << 8) | u[i + 1]])) {
            /* a Persian letter, the most common start; and the word most
             * often ends at a space or the end. When a one-word chunk starts
             * here, its letters and ZWNJs are all in the token: the walk
             * goes on from its end (at a space, an ASCII byte, or, where the
             * planner joined the next word to it, that word); otherwise
             * from the end of the letters. */
            size_t j;
            if (one) {
                j = w[1];
                w += 2;
            } else {
                j = alpha_run(t, u, i + 2, tn);
            }
            if (j == tn || u[j] == ' ') {
                rc = emit(&s, text, tok, j, RASAD_TOKEN_WORD);
                if (rc != 0)
                    return rc;
                i = j + 1; /* past the space, which no token takes */
                continue;
            }
            c = C_ALPHA;
            len = j - i;
        } else {
            c = class_at(t, text, i, tn, &len);
            if (c != C_ALPHA && c != C_LATIN && c != C_DIGIT) {
                i += len;
                continue;
            }
        }
        last = c;
        has_alpha = c != C_DIGIT;
        has_digit = c == C_DIGIT;
        i += len;
        while (i < tn) {
            unsigned char b0 = u[i];
            size_t len2, len3;
            int c2;
            /* fast: a run of Persian letters after a Persian letter */
            if (last == C_ALPHA && b0 - 0xD8u <= 3u) {
                size_t j = alpha_run(t, u, i, tn);
                if (j > i) {
                    i = j;
                    continue;
                }
            }
            if (b0 == ' ')
                break; /* no class continues a token with a space */
            c2 = class_at(t, text, i, tn, &len2);
            if (continues(last, c2)) {
                has_alpha |= c2 == C_ALPHA || c2 == C_LATIN;
                has_digit |= c2 == C_DIGIT;
                last = c2;
                i += len2;
                continue;
            }
            /* a ZWNJ between letters, or . , ٫ between digits, stays inside
             * the token only when the token goes on after it */
            if (((c2 == C_JOINER && last == C_ALPHA) || (c2 == C_NUMSEP && last == C_DIGIT)) &&
                i + len2 < tn) {
                int c3 = class_at(t, text, i + len2, tn, &len3);
                if (c3 == last) {
                    i += len2 + len3;
                    continue;
                }
            }
            break;
        }
        rc = emit(&s, text, tok, i,
                  has_alpha ? (has_digit ? RASAD_TOKEN_MIXED : RASAD_TOKEN_WORD) : RASAD_TOKEN_NUMBER);
        if (rc != 0)
            return rc;
    }
    return RASAD_OK;
}
