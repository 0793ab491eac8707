/* query.c - the user's query language, turned into an FTS5 expression.
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := not (["AND"] not)*
 *   not     := primary ("NOT" primary)*
 *   primary := "(" or ")" | '"' phrase '"' | word+ | word"*"
 *
 * Operators are the upper-case ASCII words AND OR NOT. A run of plain words
 * is normalized as one piece, so ZWNJ is restored across a typed space
 * (کتاب ها -> کتاب‌ها) exactly as it was in the indexed text, and split by
 * rasad's tokenizer; each token becomes an FTS5 string, so nothing a user
 * types can be FTS5 syntax. Broken input is repaired, never an error: an
 * unclosed quote or parenthesis ends at the end, a stray ")" or a dangling
 * operator is dropped. Only a query with nothing left to search fails. */
#include <stdio.h>
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/stem.h"
#include "buf.h"
#include "store_internal.h"

enum { L_END, L_LPAREN, L_RPAREN, L_AND, L_OR, L_NOT, L_PHRASE, L_WORDS, L_PREFIX };

typedef struct qlex {
    const char *p;
    size_t n, i;
    int kind;                 /* current lexeme */
    const char *s;            /* its text (phrase inside the quotes, words) */
    size_t sn;
} qlex;

typedef struct qparse {
    qlex lx;
    rasad_tokenizer *tk;
    int any;
    int plain;                /* no operator, phrase or parenthesis seen */
    int nterms;
    int dropped_not;          /* a NOT with nothing before it */
    int depth;                /* parentheses open around the current point */
    size_t words;             /* tokens emitted so far (QUERY_MAX_WORDS) */
    rasad__term_exists_fn exists;  /* is a word in the index? (may be NULL) */
    void *exists_ud;
    int cut;                  /* tokens past QUERY_MAX_WORDS were left out */
    int err;                  /* NOMEM */
} qparse;

static const struct { const char *word; int kind; } operators[] = {
    { "AND", L_AND }, { "OR", L_OR }, { "NOT", L_NOT },
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_break(char c)
{
    return is_space(c) || c == '(' || c == ')' || c == '"';
}

/* The word at p[0..n) as an operator kind, or 0. */
static int operator_of(const char *p, size_t n)
{
    for (size_t k = 0; k < sizeof operators / sizeof operators[0]; k++)
        if (strlen(operators[k].word) == n && memcmp(operators[k].word, p, n) == 0)
            return operators[k].kind;
    return 0;
}

/* Length of the word at p[i..n). */
static size_t word_len(const char *p, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && !is_break(p[j]))
        j++;
    return j - i;
}

static void lex_next(qlex *lx)
{
    while (lx->i < lx->n && is_space(lx->p[lx->i]))
        lx->i++;
    lx->s = lx->p + lx->i;
    lx->sn = 0;
    if (lx->i >= lx->n) {
        lx->kind = L_END;
        return;
    }
    char c = lx->p[lx->i];
    if (c == '(' || c == ')') {
        lx->kind = c == '(' ? L_LPAREN : L_RPAREN;
        lx->i++;
        return;
    }
    if (c == '"') {
        size_t j = ++lx->i;
        while (j < lx->n && lx->p[j] != '"')
            j++;
        lx->kind = L_PHRASE;
        lx->s = lx->p + lx->i;
        lx->sn = j - lx->i;
        lx->i = j < lx->n ? j + 1 : j;  /* an unclosed quote ends at the end */
        return;
    }
    size_t w = word_len(lx->p, lx->n, lx->i);
    int op = operator_of(lx->p + lx->i, w);
    if (op) {
        lx->kind = op;
        lx->i += w;
        return;
    }
    if (lx->p[lx->i + w - 1] == '*') {
        lx->kind = L_PREFIX;
        lx->sn = w - 1;
        lx->i += w;
        return;
    }
    /* A run of plain words: up to an operator, quote, parenthesis or prefix. */
    size_t j = lx->i + w;
    for (;;) {
        size_t k = j;
        while (k < lx->n && is_space(lx->p[k]))
            k++;
        if (k >= lx->n || is_break(lx->p[k]))
            break;
        size_t w2 = word_len(lx->p, lx->n, k);
        if (operator_of(lx->p + k, w2) || lx->p[k + w2 - 1] == '*')
            break;
        j = k + w2;
    }
    lx->kind = L_WORDS;
    lx->sn = j - lx->i;
    lx->i = j;
}

/* ---- turning text into FTS5 strings ------------------------------------ */

typedef struct tok_list {
    rasad_buf text;          /* tokens, each NUL-terminated */
    size_t count;
    size_t stop;             /* how many are stop words */
} tok_list;

static int collect(void *ctx, int kind, const char *tok, size_t ntok,
                   size_t start, size_t end)
{
    (void)kind; (void)start; (void)end;
    tok_list *l = ctx;
    rasad__buf_add(&l->text, tok, ntok);
    rasad__buf_addc(&l->text, '\0');
    l->count++;
    l->stop += rasad_is_stopword(tok, ntok);
    return l->text.err;
}

void rasad__fts_string(rasad_buf *out, const char *t)
{
    rasad__buf_addc(out, '"');
    for (; *t; t++) {
        if (*t == '"')
            rasad__buf_addc(out, '"');
        rasad__buf_addc(out, *t);
    }
    rasad__buf_addc(out, '"');
}

/* A compound is written joined, with ZWNJ or with a space (شاه‌چراغ, شاه
 * چراغ, شاهچراغ), and the lexicon cannot know them all. So two
 * neighbouring words of a query are also looked up written as one (the
 * index holds words without ZWNJ: fts_tokenizer.c). Appends "ab" to out. */
static void add_joined(rasad_buf *out, const char *a, const char *b)
{
    char joined[2 * RASAD_STEM_MAX + 8];
    size_t an = strlen(a), bn = strlen(b);
    if (an + bn >= sizeof joined)
        return;
    memcpy(joined, a, an);
    memcpy(joined + an, b, bn);
    joined[an + bn] = '\0';
    rasad__fts_string(out, joined);
}

/* Most words of a run whose neighbours are also tried joined (the
 * alternatives grow with the words). */
#define JOIN_MAX_WORDS 6

/* Can w[i] and w[i+1] be tried as one word? Only Persian (Arabic-script)
 * words that stood next to each other in the query (no stop word between),
 * and not long ones. */
static int joinable(const char *const *w, const unsigned char *next_to, size_t i)
{
    unsigned char a = (unsigned char)w[i][0], b = (unsigned char)w[i + 1][0];
    return next_to[i] && a >= 0xD8 && a <= 0xDB && b >= 0xD8 && b <= 0xDB &&
           strlen(w[i]) + strlen(w[i + 1]) <= RASAD_STEM_MAX;
}

/* The words w[0..k) with all of them required: (a AND b AND c), or, when
 * joined is in [0, k-1), with w[joined] and w[joined+1] as one word. */
static void add_all_of(rasad_buf *out, const char *const *w, size_t k, size_t joined)
{
    size_t items = joined < k ? k - 1 : k;
    if (items > 1)
        rasad__buf_addc(out, '(');
    for (size_t i = 0; i < k; i++) {
        if (i)
            rasad__buf_add(out, " AND ", 5);
        if (i == joined) {
            add_joined(out, w[i], w[i + 1]);
            i++;
        } else {
            rasad__fts_string(out, w[i]);
        }
    }
    if (items > 1)
        rasad__buf_addc(out, ')');
}

/* A run of plain words w[0..k): with any, every word and every joined
 * pair OR'ed; else all the words, or all with one neighbouring pair
 * joined. */
static void add_words(rasad_buf *out, const char *const *w, const unsigned char *next_to,
                      size_t k, int any)
{
    if (any) {
        if (k > 1)
            rasad__buf_addc(out, '(');
        for (size_t i = 0; i < k; i++) {
            if (i)
                rasad__buf_add(out, " OR ", 4);
            rasad__fts_string(out, w[i]);
        }
        for (size_t i = 0; i + 1 < k; i++) {
            if (!joinable(w, next_to, i))
                continue;
            rasad__buf_add(out, " OR ", 4);
            add_joined(out, w[i], w[i + 1]);
        }
        if (k > 1)
            rasad__buf_addc(out, ')');
        return;
    }
    size_t pairs = 0;
    for (size_t i = 0; i + 1 < k; i++)
        pairs += (size_t)joinable(w, next_to, i);
    if (pairs == 0 || k > JOIN_MAX_WORDS) {
        add_all_of(out, w, k, (size_t)-1);
        return;
    }
    rasad__buf_addc(out, '(');
    add_all_of(out, w, k, (size_t)-1);
    for (size_t i = 0; i + 1 < k; i++) {
        if (!joinable(w, next_to, i))
            continue;
        rasad__buf_add(out, " OR ", 4);
        add_all_of(out, w, k, i);
    }
    rasad__buf_addc(out, ')');
}

/* Appends the FTS5 form of text[0..n) to out: words joined by AND (or OR
 * with any), a phrase as one string, the last token of a prefix marked.
 * Appends nothing when no token is left. */
/* Letters in the UTF-8 word t (lead bytes). */
static size_t letters_of(const char *t)
{
    size_t n = 0;
    for (; *t; t++)
        n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

/* A missing space is the commonest Persian typing slip after ZWNJ
 * (شترچیست, قاهرکی, وعراق). A query word that is in no article is split in
 * two where both halves are (each at least two letters, or و and a word of
 * at least three: the conjunction written onto the next word), the most
 * even split first. Writes the halves' lengths in bytes; returns 0 when the
 * word stays whole. */
static int split_unknown(qparse *qp, const char *t, size_t *left)
{
    static const char waw[] = "\xD9\x88";
    unsigned char c0 = (unsigned char)t[0];
    size_t n = strlen(t), letters = letters_of(t);
    if (!qp->exists || letters < 4 || n > RASAD_STEM_MAX || c0 < 0xD8 || c0 > 0xDB ||
        rasad_is_stopword(t, n) || qp->exists(qp->exists_ud, t))
        return 0;
    char a[RASAD_STEM_MAX + 1];
    size_t best = 0, best_even = 0, k = 0;
    for (size_t i = 1; i < n; i++) {
        if (((unsigned char)t[i] & 0xC0) == 0x80)
            continue;
        k++;                                 /* letters before byte i */
        size_t rest = letters - k;
        int waw_first = k == 1 && memcmp(t, waw, 2) == 0 && rest >= 3;
        if ((k < 2 || rest < 2) && !waw_first)
            continue;
        size_t even = k < rest ? k : rest;
        if (best && even <= best_even)
            continue;
        memcpy(a, t, i);
        a[i] = '\0';
        if ((waw_first || qp->exists(qp->exists_ud, a)) && qp->exists(qp->exists_ud, t + i)) {
            best = i;
            best_even = even;
        }
    }
    *left = best;
    return best != 0;
}

/* Replaces, in l, each word that split_unknown() splits by its halves. */
static void split_list(qparse *qp, tok_list *l)
{
    tok_list out;
    memset(&out, 0, sizeof out);
    rasad__buf_init(&out.text, 0);
    const char *t = l->text.p;
    int changed = 0;
    for (size_t i = 0; i < l->count; i++, t += strlen(t) + 1) {
        size_t left;
        if (split_unknown(qp, t, &left)) {
            collect(&out, RASAD_TOKEN_WORD, t, left, 0, 0);
            collect(&out, RASAD_TOKEN_WORD, t + left, strlen(t + left), 0, 0);
            changed = 1;
        } else {
            collect(&out, RASAD_TOKEN_WORD, t, strlen(t), 0, 0);
        }
    }
    if (!changed || out.text.err) {
        rasad__buf_release(&out.text);
        return;
    }
    rasad__buf_release(&l->text);
    *l = out;
}

/* Tokens searched in one query; the rest are left out (and the caller
 * told): a pasted page of text is not a query. */
#define QUERY_MAX_WORDS 64

static void emit_text(qparse *qp, int kind, const char *text, size_t n, rasad_buf *out)
{
    tok_list l;
    memset(&l, 0, sizeof l);
    rasad__buf_init(&l.text, 0);
    int rc = rasad_tokenize(qp->tk, text, n, collect, &l);
    if (rc != RASAD_OK && rc != 0) {
        qp->err = RASAD_NOMEM;
        rasad__buf_release(&l.text);
        return;
    }
    if (qp->words + l.count > QUERY_MAX_WORDS) {
        qp->cut = 1;
        l.count = qp->words < QUERY_MAX_WORDS ? QUERY_MAX_WORDS - qp->words : 0;
        l.stop = 0;
        const char *t = l.text.p;
        for (size_t i = 0; i < l.count; i++, t += strlen(t) + 1)
            l.stop += rasad_is_stopword(t, strlen(t));
    }
    if (kind == L_WORDS)
        split_list(qp, &l);
    qp->words += l.count;
    /* Stop words go unless they are all there is (or it is a phrase). */
    int drop_stop = kind == L_WORDS && l.stop < l.count;
    const char *t = l.text.p;
    size_t kept = 0;
    if (kind == L_PHRASE && l.count > 0) {
        rasad__buf_addc(out, '"');
        for (size_t i = 0; i < l.count; i++, t += strlen(t) + 1) {
            if (i)
                rasad__buf_addc(out, ' ');
            rasad__buf_add(out, t, strlen(t));
        }
        rasad__buf_addc(out, '"');
        kept = 1;
    } else if (kind == L_PREFIX) {
        for (size_t i = 0; i < l.count; i++, t += strlen(t) + 1) {
            if (kept)
                rasad__buf_add(out, " AND ", 5);
            rasad__fts_string(out, t);
            kept++;
        }
        if (kept)
            rasad__buf_add(out, " *", 2);
    } else {
        size_t cap = l.count ? l.count : 1;
        const char **w = rasad_malloc(cap * sizeof *w);
        unsigned char *next_to = rasad_malloc(cap);
        if (!w || !next_to) {
            rasad_free(w);
            rasad_free(next_to);
            qp->err = RASAD_NOMEM;
            rasad__buf_release(&l.text);
            return;
        }
        int gap = 1;             /* a stop word since the last kept word */
        for (size_t i = 0; i < l.count; i++, t += strlen(t) + 1) {
            if (drop_stop && rasad_is_stopword(t, strlen(t))) {
                gap = 1;
                continue;
            }
            if (kept)
                next_to[kept - 1] = !gap;
            w[kept++] = t;
            gap = 0;
        }
        if (kept)
            next_to[kept - 1] = 0;
        if (kept)
            add_words(out, w, next_to, kept, qp->any);
        qp->nterms += (int)kept;
        rasad_free(w);
        rasad_free(next_to);
    }
    if (out->err)
        qp->err = out->err;
    rasad__buf_release(&l.text);
}

/* ---- the grammar -------------------------------------------------------- */

static char *parse_or(qparse *qp);

static char *take(rasad_buf *b)
{
    if (b->err || b->n == 0) {
        rasad__buf_release(b);
        return NULL;
    }
    return rasad__buf_detach(b, NULL);
}

/* Parentheses nested deeper than this are ignored. */
#define QUERY_MAX_DEPTH 8

static int starts_primary(int kind);

/* primary; NULL when it holds nothing searchable. */
static char *parse_primary(qparse *qp)
{
    qlex *lx = &qp->lx;
    rasad_buf b;
    rasad__buf_init(&b, 0);
    switch (lx->kind) {
    case L_LPAREN: {
        qp->plain = 0;
        lex_next(lx);
        if (qp->depth >= QUERY_MAX_DEPTH) {
            /* Deeper parentheses are ignored: they would only overflow
             * FTS5's parser (and this one's stack) to no purpose. */
            while (lx->kind == L_LPAREN)
                lex_next(lx);
            return starts_primary(lx->kind) ? parse_primary(qp) : NULL;
        }
        qp->depth++;
        char *inner = parse_or(qp);
        qp->depth--;
        if (lx->kind == L_RPAREN)
            lex_next(lx);            /* else: unclosed, ends at the end */
        if (!inner)
            return NULL;
        rasad__buf_addc(&b, '(');
        rasad__buf_add(&b, inner, strlen(inner));
        rasad__buf_addc(&b, ')');
        rasad_free(inner);
        return take(&b);
    }
    case L_PHRASE: case L_WORDS: case L_PREFIX:
        if (lx->kind != L_WORDS)
            qp->plain = 0;
        emit_text(qp, lx->kind, lx->s, lx->sn, &b);
        lex_next(lx);
        return take(&b);
    default:
        return NULL;
    }
}

static int starts_primary(int kind)
{
    return kind == L_LPAREN || kind == L_PHRASE || kind == L_WORDS || kind == L_PREFIX;
}

/* left OP right, either side possibly NULL (nothing searchable). */
static char *join(qparse *qp, char *left, const char *op, char *right)
{
    if (!left)
        return right;
    if (!right)
        return left;
    rasad_buf b;
    rasad__buf_init(&b, 0);
    rasad__buf_add(&b, left, strlen(left));
    rasad__buf_add(&b, op, strlen(op));
    rasad__buf_add(&b, right, strlen(right));
    rasad_free(left);
    rasad_free(right);
    if (b.err)
        qp->err = b.err;
    return take(&b);
}

static char *parse_not(qparse *qp)
{
    qlex *lx = &qp->lx;
    char *left = NULL;
    int have_left = 0;
    if (starts_primary(lx->kind)) {
        left = parse_primary(qp);
        have_left = 1;
    }
    while (lx->kind == L_NOT) {
        qp->plain = 0;
        lex_next(lx);
        char *right = starts_primary(lx->kind) ? parse_primary(qp) : NULL;
        if (!have_left || !left) {
            /* FTS5 has no unary NOT: "NOT x" alone excludes from nothing. */
            if (right)
                qp->dropped_not = 1;
            rasad_free(right);
            continue;
        }
        if (right)
            left = join(qp, left, " NOT ", right);
    }
    return left;
}

static char *parse_and(qparse *qp)
{
    qlex *lx = &qp->lx;
    char *left = parse_not(qp);
    for (;;) {
        if (lx->kind == L_AND) {
            qp->plain = 0;
            lex_next(lx);
        } else if (!starts_primary(lx->kind) && lx->kind != L_NOT) {
            break;
        }
        if (!starts_primary(lx->kind) && lx->kind != L_NOT)
            break;                   /* dangling AND */
        char *right = parse_not(qp);
        left = join(qp, left, qp->any ? " OR " : " AND ", right);
    }
    return left;
}

static char *parse_or(qparse *qp)
{
    qlex *lx = &qp->lx;
    char *left = parse_and(qp);
    while (lx->kind == L_OR) {
        qp->plain = 0;
        lex_next(lx);
        char *right = parse_and(qp);
        left = join(qp, left, " OR ", right);
    }
    return left;
}

int rasad_query_to_fts(const char *q, size_t n, int any, char **expr,
                       int *nterms, char *errbuf, size_t errcap)
{
    return rasad__query_to_fts_ex(q, n, any, NULL, NULL, expr, nterms, errbuf, errcap);
}

int rasad__query_to_fts_ex(const char *q, size_t n, int any, rasad__term_exists_fn exists,
                           void *exists_ud, char **expr, int *nterms, char *errbuf,
                           size_t errcap)
{
    *expr = NULL;
    if (nterms)
        *nterms = 0;
    if (errbuf && errcap)
        errbuf[0] = '\0';
    qparse qp;
    memset(&qp, 0, sizeof qp);
    qp.any = any;
    qp.plain = 1;
    qp.exists = exists;
    qp.exists_ud = exists_ud;
    if (rasad_tokenizer_new(0, &qp.tk) != RASAD_OK)
        return RASAD_NOMEM;
    qp.lx.p = q ? q : "";
    qp.lx.n = q ? n : 0;
    lex_next(&qp.lx);
    char *out = NULL;
    while (qp.lx.kind != L_END && !qp.err) {
        if (qp.lx.kind == L_RPAREN || qp.lx.kind == L_AND || qp.lx.kind == L_OR) {
            qp.plain = 0;
            lex_next(&qp.lx);        /* stray ) or an operator with nothing before */
            continue;
        }
        char *part = parse_or(&qp);
        out = join(&qp, out, any ? " OR " : " AND ", part);
    }
    rasad_tokenizer_free(qp.tk);
    if (qp.err) {
        rasad_free(out);
        return RASAD_NOMEM;
    }
    if (!out) {
        if (errbuf && errcap)
            snprintf(errbuf, errcap, "%s",
                     qp.dropped_not ? "NOT needs words before it: 'a NOT b' finds a without b"
                                    : "the query has no words to search for");
        return RASAD_NOTFOUND;
    }
    if (nterms)
        *nterms = qp.plain ? qp.nterms : -1;
    if (qp.cut && errbuf && errcap)
        snprintf(errbuf, errcap, "only the first %d words of the query were searched",
                 QUERY_MAX_WORDS);
    *expr = out;
    return RASAD_OK;
}
