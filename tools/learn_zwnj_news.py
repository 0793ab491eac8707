#!/usr/bin/python3
"""learn_zwnj_news.py - learns from news text which words are written with a
ZWNJ, for the normalizer to restore where a crawl deleted it.

usage: learn_zwnj_news.py [--data DIR] OUT.tsv

Reads the article text of DIR/news (default ../shared/data beside the
repository; the same text as bench/news_text.py) and counts every word as
written: a run of Persian letters and ZWNJs. A spelling with ZWNJs is learned
when the news writes it that way at least twice and at least twice as often
(plus one) as joined (پیش‌بینی 200 times against پیشبینی 10), it is the most
frequent ZWNJ spelling of its letters, and the rules of
tools/gen_zwnj_lexicon.py would trust it to be split: no verb after a space
(کرده‌است), no function word first (به‌عنوان), no مند/گرا written joined
after a letter other than ه (هدفمند). Only words Debian's myspell-fa does not
already settle are worth a line, but the list keeps every learned spelling:
the generator decides.

OUT holds no text: one line a word, four fields, tab-separated:
    key hash, check hash, key bytes, ZWNJ byte offsets (comma-separated)
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
MAX_ZWNJ = 3             # ZWNJs a word may have (the table packs 3 offsets)

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


def learn(news_dir, words):
    count = collections.Counter()
    for t in news_text.texts(news_dir):
        for p in news_text.paragraphs(t):
            for w in words_of(p):
                count[w] += 1
    best = {}
    for w, c in count.items():
        if ZWNJ not in w:
            continue
        k = w.replace(ZWNJ, "")
        if k not in best or (c, w) > (count[best[k]], best[k]):
            best[k] = w
    out = []
    for k, w in best.items():
        c, joined = count[w], count[k]
        if c < MIN_COUNT or c < 2 * joined + (1 if joined else 0):
            continue
        if w.count(ZWNJ) > MAX_ZWNJ or len(k.encode("utf-8")) > 255:
            continue
        # the news has said how w is written, so the joined form may be a
        # word of the list and the last part one the rules place (کلمه‌ای,
        # not the plural of کلم)
        if not gen.trusted_zwnj(w, words) or not gen.split_trusted(w, words, news_says=True):
            continue
        h, c, nb = gen.news_key(w)
        out.append("%08x\t%08x\t%d\t%s" % (h, c, nb, ",".join(str(o) for o in gen.zwnj_offsets(w))))
    return sorted(out), len(count)


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
    lines, distinct = learn(news, words)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# ZWNJ spellings learned from the news text by tools/learn_zwnj_news.py\n")
        f.write("# (hashes only, no text); key_hash check_hash key_bytes zwnj_offsets\n")
        for line in lines:
            f.write(line + "\n")
    sys.stderr.write("learn_zwnj_news: %d distinct words read, %d spellings learned\n"
                     % (distinct, len(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
