#!/usr/bin/python3
"""learn_zwnj_news.py - learns from news text which words are written with a
ZWNJ, for the normalizer to restore where a crawl deleted it.

usage: learn_zwnj_news.py [--data DIR] OUT.tsv

Reads the text of two sources under DIR (default ../shared/data beside the
repository), one document at a time: the articles of DIR/news (the text of
bench/news_text.py) and the documents of the NSURL-2019 NER training set
(its tokens, which keep their ZWNJs); a source that is absent is named on
stderr. It counts
every word as written: a run of Persian letters and ZWNJs. A spelling with
ZWNJs is learned when the text writes it that way at least twice, in at least
two documents, and at least twice as often (plus one) as joined (پیش‌بینی 200
times against پیشبینی 10), it is the most
frequent ZWNJ spelling of its letters, and the rules of
tools/gen_zwnj_lexicon.py would trust it to be split: no verb after a space
(کرده‌است), no function word first (به‌عنوان), no مند/گرا written joined
after a letter other than ه (هدفمند). Only words Debian's myspell-fa does not
already settle are worth a line, but the list keeps every learned spelling:
the generator decides.

It also learns the words writers who type ZWNJs leave joined, so that the
normalizer keeps them so (میانی, رختکن, دکترین: no rule may read می, رخت
or دک as a piece of them). Such a word is counted only in documents that
write at least CLEAN_ZWNJ words with a ZWNJ (a crawl that deleted them
would count every word as joined); it is kept when those documents write it
joined at least KEEP_COUNT times, no document writes its letters with a
ZWNJ (KEEP_ZWNJ), and a rule of the planner could touch it at all (a suffix
of the lists ends it, بی or می begins it, or its letters are a ZWNJ word of
the list or the text).

OUT holds no text: one line a word, four fields, tab-separated:
    key hash, check hash, key bytes, ZWNJ byte offsets (comma-separated,
    or - for a word kept joined)
The key is the word without its ZWNJs (normalized: Persian ی ک, no
harakat); the key hash is the lexicon's (rasad__lex_hash_final of
rasad__lex_hash_more from RASAD__LEX_HASH_INIT), the check hash the same
function from RASAD__ZW_NEWS_CHECK_INIT (gen_zwnj_lexicon.news_key computes
both); an offset is where a ZWNJ goes in the key. Lines
are sorted, so the same text gives the same bytes.

When DIR/news is absent (a fresh clone), the committed models/zwnj_news.tsv
is copied to OUT unchanged and a line on stderr says nothing was learned, so
tools/check_generated.sh passes without the data and checks it with.
"""
import collections
import gzip
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_zwnj_lexicon as gen  # noqa: E402  (trusted_zwnj, hashes, folds)
import news_text  # noqa: E402  (the article text of the news sets)

ZWNJ = "\u200c"
DIC = "/usr/share/hunspell/fa_IR.dic"
COMMITTED = os.path.join(ROOT, "models", "zwnj_news.tsv")
MIN_COUNT = 2            # written with ZWNJ at least this often
MIN_DOCS = 2             # ... in at least this many documents
MAX_ZWNJ = 3             # ZWNJs a word may have (the table packs 3 offsets)
CLEAN_ZWNJ = 3           # ZWNJ words that make an article's spelling count
KEEP_COUNT = 5           # joined in such documents at least this often
KEEP_ZWNJ = 0            # ... and written with a ZWNJ at most this often
LISTS = os.path.join(ROOT, "src", "core", "text", "zwnj_lists.c")
# The endings that take no ZWNJ but hide a compound (plain_suffix in zwnj.c).
PLAIN_SUFFIXES = ("یان", "انی", "ان", "ی")

# Marks dropped inside a word (harakat, tatweel, the hamza above of ۀ).
DROP = dict.fromkeys(list(range(0x064B, 0x0660)) + [0x0640, 0x0670, 0x0654])
FOLD = {0x064A: "\u06cc", 0x0649: "\u06cc", 0x0643: "\u06a9", 0x06C0: "\u0647"}
WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c]+")


def words_of(line):
    line = line.translate(DROP).translate(FOLD)
    for w in WORD.findall(line):
        w = re.sub(ZWNJ + "+", ZWNJ, w).strip(ZWNJ)
        if w:
            yield w


def documents(data):
    """Yields (source, the words of one document) for each document of the
    text sources under data that are present, and says on stderr which are
    absent. A document is a news article or an NSURL-2019 training
    document. (ParsiNLU's passages are left out: they are what
    bench/search_eval.py searches, and they added 2 positions.)"""
    news = os.path.join(data, "news")
    for t in news_text.texts(news):
        yield "news", [w for p in news_text.paragraphs(t) for w in words_of(p)]
    nsurl = os.path.join(data, "ner", "nsurl2019-train", "train_600K.conll.gz")
    if os.path.isfile(nsurl):
        doc = []
        with gzip.open(nsurl, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("-DOCSTART-"):
                    if doc:
                        yield "nsurl", doc
                    doc = []
                elif line.strip():
                    doc.extend(words_of(line.split("\t")[0]))
        if doc:
            yield "nsurl", doc
    else:
        sys.stderr.write("learn_zwnj_news: %s is absent\n" % nsurl)


def may_touch(w, suffixes, zw_keys):
    """Could a rule of the planner split joined word w? A superset of the
    test untouched() in zwnj.c makes: a suffix of the lists ends w, بی
    begins it, می is among its first letters, or w (or w less a plain
    ending) is the key of a ZWNJ word."""
    if w.endswith(suffixes) or w.startswith("بی") or "می" in w[:5] or w in zw_keys:
        return True
    return any(w.endswith(p) and w[:-len(p)] in zw_keys for p in PLAIN_SUFFIXES)


def learn(data, words, suffixes):
    count = collections.Counter()   # every document
    docs = collections.Counter()    # documents that write a ZWNJ spelling
    clean = collections.Counter()   # documents that write ZWNJs: joined words
    read = collections.Counter()
    for source, ws in documents(data):
        read[source] += 1
        count.update(ws)
        docs.update({w for w in ws if ZWNJ in w})
        if sum(ZWNJ in w for w in ws) >= CLEAN_ZWNJ:
            clean.update(w for w in ws if ZWNJ not in w)
    best = {}
    with_zwnj = collections.Counter()
    for w, c in count.items():
        if ZWNJ not in w:
            continue
        k = w.replace(ZWNJ, "")
        with_zwnj[k] += c
        if k not in best or (c, w) > (count[best[k]], best[k]):
            best[k] = w
    out = []
    for k, w in best.items():
        c, joined = count[w], count[k]
        if c < MIN_COUNT or docs[w] < MIN_DOCS or c < 2 * joined + (1 if joined else 0):
            continue
        if w.count(ZWNJ) > MAX_ZWNJ or len(k.encode("utf-8")) > 255:
            continue
        # the news has said how w is written, so the joined form may be a
        # word of the list and the last part one the rules place (کلمه‌ای,
        # not the plural of کلم)
        if not gen.trusted_zwnj(w, words) or not gen.split_trusted(w, words, news_says=True):
            continue
        h, chk, nb = gen.news_key(w)
        out.append("%08x\t%08x\t%d\t%s" % (h, chk, nb, ",".join(str(o) for o in gen.zwnj_offsets(w))))
    learned = len(out)
    zw_keys = set(with_zwnj) | {w.replace(ZWNJ, "") for w in words if ZWNJ in w}
    for w, j in clean.items():
        if j < KEEP_COUNT or with_zwnj[w] > KEEP_ZWNJ or len(w) < 3:
            continue
        if len(w.encode("utf-8")) > 255 or not may_touch(w, suffixes, zw_keys):
            continue
        h, chk, nb = gen.news_key(w)
        out.append("%08x\t%08x\t%d\t-" % (h, chk, nb))
    return sorted(out), len(count), learned, len(out) - learned, read


def main():
    args = sys.argv[1:]
    data = os.path.join(ROOT, "..", "shared", "data")
    if len(args) == 3 and args[0] == "--data":
        data, args = args[1], args[2:]
    if len(args) != 1 or args[0].startswith("-"):
        sys.stderr.write(__doc__)
        return 2
    out = args[0]
    news = os.path.join(data, "news")
    if not os.path.isdir(news):
        sys.stderr.write("learn_zwnj_news: %s is absent: nothing learned, the committed "
                         "%s copied as it is\n" % (news, os.path.relpath(COMMITTED, ROOT)))
        if os.path.abspath(out) != COMMITTED:
            shutil.copyfile(COMMITTED, out)
        return 0
    with open(DIC, encoding="utf-8") as f:
        words = {gen.normalize(line.strip()) for line in f.read().split("\n")[1:]}
    words.discard("")
    lists = gen.read_lists(LISTS)
    suffixes = tuple(a for name in gen.TAIL_LISTS for a in lists[name])
    lines, distinct, split, kept, read = learn(data, words, suffixes)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# ZWNJ spellings and words kept joined, learned from the news and NSURL-2019 "
                "text by tools/learn_zwnj_news.py\n")
        f.write("# (hashes only, no text); key_hash check_hash key_bytes zwnj_offsets (- kept joined)\n")
        for line in lines:
            f.write(line + "\n")
    sys.stderr.write("learn_zwnj_news: %s; %d distinct words, %d ZWNJ spellings learned, "
                     "%d words kept joined\n" % (", ".join("%d %s documents" % (n, s)
                                                         for s, n in sorted(read.items())),
                                                distinct, split, kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())
