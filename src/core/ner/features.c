/* features.c - the feature keys of each token of a sentence. A key is a
 * 64-bit hash of a template and its value; the model holds weights for the
 * keys seen in training. The templates (docs/ner.md):
 *   bias; word form at -3..+3; form pairs (-2,-1), (-1,0), (0,+1), (+1,+2),
 *   (-1,+1); prefixes of 1-3 and suffixes of 1-4 letters, letter trigrams;
 *   affixes and stems of the neighbours; word shape here and over
 *   (-1,0,+1); length; first and last token; word clusters; gazetteer
 *   classes (first word / inside) here and at -3..+1; the model's own
 *   gazetteer (given names, Iran's provinces and cities) here and at
 *   -2..+2, and surname-like words (a given name + زاده, پور, ی ...).
 * And, computed apart (rasad__ner_mem_keys), the document memory's
 * (memory.c): the tags the word's form had in the sentences around it,
 * its neighbours' entity types there, and the tags it had there beside
 * the same next word and after the same previous word. */
#include <string.h>
#include "rasad/alloc.h"
#include "rasad/stem.h"
#include "hash.h"
#include "ner_internal.h"

#define MAXK 160  /* keys per token, at most (65 + gazetteer bits) */
#define NTRI 12   /* letter trigrams of a word, at most */
#define NPRE 3
#define NSUF 4

enum tmpl {
    F_BIAS = 1, F_W, F_WM1, F_WP1, F_WM2, F_WP2, F_WM1W, F_WWP1, F_WM1WP1,
    F_PRE, F_SUF = F_PRE + NPRE, F_SUFM1 = F_SUF + NSUF, F_SUFP1, F_SHAPE, F_SHAPE3,
    F_LEN, F_FIRST, F_LAST, F_GAZ, F_GAZM2, F_GAZM1, F_GAZP1, F_WSHAPEP1,
    F_STEM, F_STEMM1, F_STEMP1, F_WM2WM1, F_WP1WP2, F_PREM1, F_PREP1, F_SUF3M1, F_SUF3P1,
    F_CL, F_CLM1 = F_CL + RASAD__NER_NLEV, F_CLP1 = F_CLM1 + RASAD__NER_NLEV,
    F_CLM2 = F_CLP1 + RASAD__NER_NLEV, F_CLP2 = F_CLM2 + RASAD__NER_NLEV,
    F_CLM1CL = F_CLP2 + RASAD__NER_NLEV, F_CLCLP1, F_WM3, F_WP3, F_CLM3, F_CLP3, F_GAZM3, F_TRI,
    F_MG, F_MGM1, F_MGP1, F_MGM2, F_MGP2, F_SURN, F_SURNM1, F_SURNP1, F_MGM1MG, F_MGMGP1,
    F_MEM, F_MEMALL, F_MEMM1, F_MEMP1, F_MEMBL, F_MEMBR
};

/* Endings of family names made from a given name (علی + پور, حسن + زاده,
 * احمد + ی ...), as forms (no ZWNJ): a word that is a given name (the
 * model's gazetteer) plus one of them is "surname-like", with the ending's
 * number as the value. Longest first. */
static const char *const surn_end[] = {
    "\u0632\u0627\u062f\u0647",             /* زاده */
    "\u0646\u0698\u0627\u062f",             /* نژاد */
    "\u067e\u0648\u0631",                    /* پور */
    "\u0646\u06cc\u0627",                    /* نیا */
    "\u06cc\u0627\u0646",                    /* یان */
    "\u0648\u0646\u062f",                    /* وند */
    "\u0641\u0631",                           /* فر */
    "\u0644\u0648",                           /* لو */
    "\u06cc\u06cc",                           /* یی */
    "\u0627\u0646",                           /* ان */
    "\u06cc",                                  /* ی */
};
#define NSURN (sizeof surn_end / sizeof surn_end[0])

typedef struct tokinfo {
    uint64_t w;           /* form hash */
    uint64_t pre[NPRE];   /* prefixes of 1..3 letters (the form when shorter) */
    uint64_t suf[NSUF];   /* suffixes of 1..4 letters */
    uint64_t shape;       /* shape hash */
    uint64_t stem;        /* hash of the form's stem (rasad_stem) */
    unsigned len;         /* letters, at most 15 */
    unsigned cl[RASAD__NER_NLEV]; /* word clusters + 1 (0: none) */
    uint64_t tri[NTRI];   /* hashes of the first NTRI letter trigrams */
    unsigned ntri;
    unsigned surn;        /* surname-like ending + 1 (0: not surname-like) */
} tokinfo;

struct ner_fx {
    ner_form *form;
    const ner_clusters *cl;
    const ner_mgaz *mg;
    ner_gaz *gaz;
    tokinfo info[RASAD_NER_MAX_SENT];
    uint64_t wh[RASAD_NER_MAX_SENT];   /* form hashes, for the gazetteer */
    uint32_t bits[RASAD_NER_MAX_SENT]; /* gazetteer bits */
    uint32_t mbits[RASAD_NER_MAX_SENT]; /* the model's gazetteer bits */
    uint64_t keys[RASAD_NER_MAX_SENT * MAXK];
    uint8_t nk[RASAD_NER_MAX_SENT];
};

int rasad__ner_fx_new(ner_fx **out)
{
    ner_fx *fx = rasad_malloc(sizeof *fx);
    int rc;

    *out = NULL;
    if (!fx)
        return RASAD_NOMEM;
    fx->gaz = NULL;
    fx->cl = NULL;
    fx->mg = NULL;
    if ((rc = rasad__ner_form_new(&fx->form)) != RASAD_OK ||
        (rc = rasad__ner_gaz_new(fx->form, &fx->gaz)) != RASAD_OK) {
        rasad__ner_fx_free(fx);
        return rc;
    }
    *out = fx;
    return RASAD_OK;
}

void rasad__ner_fx_set_clusters(ner_fx *fx, const ner_clusters *c)
{
    fx->cl = c;
}

void rasad__ner_fx_set_mgaz(ner_fx *fx, const ner_mgaz *g)
{
    fx->mg = g && g->n ? g : NULL;
}

void rasad__ner_fx_free(ner_fx *fx)
{
    if (!fx)
        return;
    rasad__ner_gaz_free(fx->gaz);
    rasad__ner_form_free(fx->form);
    rasad_free(fx);
}

/* The shape class of the code point starting at p (UTF-8, valid). */
static char shape_of(const unsigned char *p, size_t len)
{
    unsigned c = p[0];
    if (len == 1) {
        if (c >= '0' && c <= '9')
            return 'd';
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return 'l';
        return (char)c; /* ASCII punctuation as itself */
    }
    if (len == 2 && (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB))
        return 'a'; /* Arabic script letters and marks */
    if (len == 2 && c == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
        return '"'; /* « » */
    return 'o';
}

static size_t cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Fills ti from the form s[0..n). */
static void describe(tokinfo *ti, const char *s, size_t n)
{
    size_t starts[RASAD_NER_MAX_TOKEN * 4 + 16], nc = 0;
    char shape[16];
    size_t ns = 0;

    ti->w = rasad__ner_hash_form(s, n);
    for (size_t i = 0, l; i < n; i += l) {
        char c;
        l = cp_len((unsigned char)s[i]);
        if (l > n - i)
            l = n - i;
        c = shape_of((const unsigned char *)s + i, l);
        starts[nc++] = i;
        if (ns < sizeof shape && (ns == 0 || shape[ns - 1] != c))
            shape[ns++] = c;
    }
    starts[nc] = n;
    for (unsigned k = 0; k < NPRE; k++) {
        size_t e = starts[nc < k + 1 ? nc : k + 1];
        ti->pre[k] = rasad__fnv1a(s, e, RASAD__FNV_SEED + k);
    }
    for (unsigned k = 0; k < NSUF; k++) {
        size_t b = starts[nc < k + 1 ? 0 : nc - k - 1];
        ti->suf[k] = rasad__fnv1a(s + b, n - b, RASAD__FNV_SEED + 16 + k);
    }
    ti->shape = rasad__fnv1a(shape, ns, RASAD__FNV_SEED);
    ti->len = nc > 15 ? 15 : (unsigned)nc;
    ti->stem = rasad__fnv1a(s, rasad_stem(s, n, NULL), RASAD__FNV_SEED + 40);
    ti->ntri = 0;
    for (size_t j = 0; j + 3 <= nc && ti->ntri < NTRI; j++)
        ti->tri[ti->ntri++] = rasad__fnv1a(s + starts[j], starts[j + 3] - starts[j],
                                           RASAD__FNV_SEED + 50);
}

static const tokinfo pad_bos = { 0x5f3759df0001ull, { 1, 1, 1 }, { 1, 1, 1, 1 }, 0xB05, 0xB05, 0, { 0xFFFE, 0xFFFE, 0xFFFE }, { 0 }, 0, 0 };
static const tokinfo pad_eos = { 0x5f3759df0002ull, { 2, 2, 2 }, { 2, 2, 2, 2 }, 0xE05, 0xE05, 0, { 0xFFFF, 0xFFFF, 0xFFFF }, { 0 }, 0, 0 };

/* The surname-like ending of the form s[0..n) (+1), or 0. */
static unsigned surname_like(const ner_gaz *g, const char *s, size_t n)
{
    for (unsigned k = 0; k < NSURN; k++) {
        size_t e = strlen(surn_end[k]);
        if (n < e + 4 || memcmp(s + n - e, surn_end[k], e) != 0)
            continue; /* the rest: two letters at least */
        if (rasad__ner_gaz_word(g, rasad__ner_hash_form(s, n - e)) &
            (1u << MGAZ_NAME | 1u << MGAZ_NAMEF))
            return k + 1;
    }
    return 0;
}

static const tokinfo *at(const ner_fx *fx, size_t n, long i)
{
    if (i < 0)
        return &pad_bos;
    if ((size_t)i >= n)
        return &pad_eos;
    return &fx->info[i];
}

static uint32_t bits_at(const ner_fx *fx, size_t n, long i)
{
    return i < 0 || (size_t)i >= n ? 0 : fx->bits[i];
}

static uint32_t mbits_at(const ner_fx *fx, size_t n, long i)
{
    return i < 0 || (size_t)i >= n ? 0 : fx->mbits[i];
}

#define KEY(t, v) do { if (k < MAXK) keys[k++] = ner_mix((uint64_t)(t), (v)); } while (0)

static void keys_of(ner_fx *fx, size_t n, size_t i)
{
    uint64_t *keys = fx->keys + i * MAXK;
    unsigned k = 0;
    long li = (long)i;
    const tokinfo *w0 = at(fx, n, li), *m1 = at(fx, n, li - 1), *p1 = at(fx, n, li + 1);
    const tokinfo *m2 = at(fx, n, li - 2), *p2 = at(fx, n, li + 2);
    const tokinfo *m3 = at(fx, n, li - 3), *p3 = at(fx, n, li + 3);
    static const unsigned ctx_tmpl[4] = { F_GAZM3, F_GAZM2, F_GAZM1, F_GAZP1 };
    static const long ctx_off[4] = { -3, -2, -1, 1 };

    KEY(F_BIAS, 0);
    KEY(F_W, w0->w);
    KEY(F_WM1, m1->w);
    KEY(F_WP1, p1->w);
    KEY(F_WM2, m2->w);
    KEY(F_WP2, p2->w);
    KEY(F_WM1W, ner_mix(m1->w, w0->w));
    KEY(F_WWP1, ner_mix(w0->w, p1->w));
    KEY(F_WM1WP1, ner_mix(m1->w, p1->w));
    for (unsigned j = 0; j < NPRE; j++)
        KEY(F_PRE + j, w0->pre[j]);
    for (unsigned j = 0; j < NSUF; j++)
        KEY(F_SUF + j, w0->suf[j]);
    KEY(F_SUFM1, m1->suf[1]);
    KEY(F_SUFP1, p1->suf[1]);
    KEY(F_SHAPE, w0->shape);
    KEY(F_SHAPE3, ner_mix(ner_mix(m1->shape, w0->shape), p1->shape));
    KEY(F_WSHAPEP1, ner_mix(w0->w, p1->shape));
    KEY(F_LEN, w0->len);
    KEY(F_STEM, w0->stem);
    for (unsigned l = 0; l < RASAD__NER_NLEV; l++) {
        KEY(F_CL + l, w0->cl[l]);
        KEY(F_CLM1 + l, m1->cl[l]);
        KEY(F_CLP1 + l, p1->cl[l]);
        KEY(F_CLM2 + l, m2->cl[l]);
        KEY(F_CLP2 + l, p2->cl[l]);
    }
    for (unsigned j = 0; j < w0->ntri; j++)
        KEY(F_TRI, w0->tri[j]);
    KEY(F_WM3, m3->w);
    KEY(F_WP3, p3->w);
    KEY(F_CLM3, m3->cl[1]);
    KEY(F_CLP3, p3->cl[1]);
    KEY(F_CLM1CL, (uint64_t)m1->cl[1] << 16 | w0->cl[1]);
    KEY(F_CLCLP1, (uint64_t)w0->cl[1] << 16 | p1->cl[1]);
    KEY(F_STEMM1, m1->stem);
    KEY(F_STEMP1, p1->stem);
    KEY(F_WM2WM1, ner_mix(m2->w, m1->w));
    KEY(F_WP1WP2, ner_mix(p1->w, p2->w));
    KEY(F_PREM1, m1->pre[2]);
    KEY(F_PREP1, p1->pre[2]);
    KEY(F_SUF3M1, m1->suf[2]);
    KEY(F_SUF3P1, p1->suf[2]);
    if (i == 0)
        KEY(F_FIRST, 0);
    if (i + 1 == n)
        KEY(F_LAST, 0);
    for (uint32_t b = fx->bits[i]; b; b &= b - 1)
        KEY(F_GAZ, (uint64_t)__builtin_ctz(b));
    for (unsigned c = 0; c < 4; c++)
        for (uint32_t b = bits_at(fx, n, li + ctx_off[c]); b; b &= b - 1)
            KEY(ctx_tmpl[c], (uint64_t)__builtin_ctz(b) / 2);
    if (fx->mg) {
        uint32_t mm1 = mbits_at(fx, n, li - 1), mp1 = mbits_at(fx, n, li + 1);
        for (uint32_t b = fx->mbits[i]; b; b &= b - 1)
            KEY(F_MG, (uint64_t)__builtin_ctz(b));
        for (uint32_t b = mm1; b; b &= b - 1)
            KEY(F_MGM1, (uint64_t)__builtin_ctz(b));
        for (uint32_t b = mp1; b; b &= b - 1)
            KEY(F_MGP1, (uint64_t)__builtin_ctz(b));
        for (uint32_t b = mbits_at(fx, n, li - 2); b; b &= b - 1)
            KEY(F_MGM2, (uint64_t)__builtin_ctz(b) / 2);
        for (uint32_t b = mbits_at(fx, n, li + 2); b; b &= b - 1)
            KEY(F_MGP2, (uint64_t)__builtin_ctz(b) / 2);
        if (w0->surn)
            KEY(F_SURN, w0->surn);
        if (m1->surn)
            KEY(F_SURNM1, m1->surn);
        if (p1->surn)
            KEY(F_SURNP1, p1->surn);
        if (mm1 | fx->mbits[i])
            KEY(F_MGM1MG, (uint64_t)mm1 << 32 | fx->mbits[i] << 4 | (w0->surn != 0));
        if (mp1 | fx->mbits[i])
            KEY(F_MGMGP1, (uint64_t)mp1 << 32 | fx->mbits[i] << 4 | (p1->surn != 0));
    }
    fx->nk[i] = (uint8_t)k;
}

int rasad__ner_fx_run(ner_fx *fx, const char *const *tok, const size_t *len, size_t n)
{
    int rc = RASAD_OK;

    if (n > RASAD_NER_MAX_SENT)
        return RASAD_INVAL;
    for (size_t i = 0; i < n; i++) {
        const char *s;
        size_t sn;
        int r = rasad__ner_form(fx->form, tok[i], len[i], &s, &sn);
        if (r != RASAD_OK)
            rc = r;
        describe(&fx->info[i], s, sn);
        fx->wh[i] = fx->info[i].w;
        unsigned cl[RASAD__NER_NLEV];
        int has = rasad__ner_cluster_of(fx->cl, fx->wh[i], cl);
        for (unsigned l = 0; l < RASAD__NER_NLEV; l++)
            fx->info[i].cl[l] = has ? cl[l] + 1 : 0;
        fx->info[i].surn = fx->mg ? surname_like(fx->mg->g, s, sn) : 0;
    }
    rasad__ner_gaz_match(fx->gaz, fx->wh, n, fx->bits);
    if (fx->mg)
        rasad__ner_gaz_match(fx->mg->g, fx->wh, n, fx->mbits);
    for (size_t i = 0; i < n; i++)
        keys_of(fx, n, i);
    return rc;
}

const uint64_t *rasad__ner_fx_forms(const ner_fx *fx)
{
    return fx->wh;
}

/* The entity types (bit type - 1) among the tags b (1 << tag). */
static uint32_t types_of(uint32_t b)
{
    uint32_t t = 0;
    b >>= 1;
    for (unsigned k = 0; b; k++, b >>= 2)
        if (b & 3)
            t |= 1u << k;
    return t;
}

size_t rasad__ner_mem_keys(const ner_memtok *mt, size_t n, size_t i, uint64_t *keys)
{
    size_t k = 0;
    uint32_t here = mt[i].past | mt[i].fut;
    uint32_t tm1 = i > 0 ? types_of(mt[i - 1].past | mt[i - 1].fut) : 0;
    uint32_t tp1 = i + 1 < n ? types_of(mt[i + 1].past | mt[i + 1].fut) : 0;

    /* at most 15 + 5 keys: within RASAD__NER_MEM_KEYS */
    for (uint32_t b = here; b; b &= b - 1)
        keys[k++] = ner_mix(F_MEM, (uint64_t)__builtin_ctz(b));
    if (here)
        keys[k++] = ner_mix(F_MEMALL, here);
    if (tm1)
        keys[k++] = ner_mix(F_MEMM1, tm1);
    if (tp1)
        keys[k++] = ner_mix(F_MEMP1, tp1);
    if (mt[i].bl)
        keys[k++] = ner_mix(F_MEMBL, mt[i].bl);
    if (mt[i].br)
        keys[k++] = ner_mix(F_MEMBR, mt[i].br);
    return k;
}

const uint64_t *rasad__ner_fx_keys(const ner_fx *fx, size_t i, size_t *nk)
{
    *nk = fx->nk[i];
    return fx->keys + i * MAXK;
}
