#!/usr/bin/python3
"""Score rasad's ZWNJ restoration on the UD Persian PerDT treebank.

usage: bench/zwnj_eval.py [RASAD] [DATA_DIR]      (run from the repo root)

RASAD defaults to build/rasad, DATA_DIR to ../shared/data/zwnj/ud-perdt. The
`# text =` lines of the .conllu files are the gold. Two damaged copies are made
of every sentence (every ZWNJ deleted, so the letters join; every ZWNJ typed
as a space), each is run through `RASAD normalize` (one line in, one line
out), and the output is compared with the gold ZWNJ-wise: only the kind of
boundary between consecutive letters counts (joined, ZWNJ, or anything else),
since the normalizer also changes digits, marks and punctuation spacing.
The undamaged gold is run through too and must come back unchanged.
"""

import glob
import os
import subprocess
import sys

ZWNJ = "\u200c"
FOLD = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9",
        "\u06c0": "\u0647", "\u0629": "\u0629"}
SKIP = {"\u0654", "\u200d"}  # marks the normalizer may move or fold


def is_letter(c):
    o = ord(c)
    return 0x0621 <= o <= 0x063a or 0x0641 <= o <= 0x064a or \
        0x0671 <= o <= 0x06d3


def skeleton(s):
    """Letters of s and, between each two, 'J' (joined), 'Z' (only ZWNJ)
    or 'S' (anything else)."""
    letters, bounds = [], []
    gap = None
    for c in s:
        if c in SKIP:
            continue
        c = FOLD.get(c, c)
        if is_letter(c):
            if letters:
                bounds.append("J" if gap is None else gap)
            letters.append(c)
            gap = None
        elif c == ZWNJ:
            gap = "Z" if gap in (None, "Z") else "S"
        else:
            gap = "S"
    return "".join(letters), bounds


def run(rasad, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    r = subprocess.run([rasad, "normalize"], input=data,
                       stdout=subprocess.PIPE, check=True)
    out = r.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        sys.exit("zwnj_eval: %d lines in, %d lines out" % (len(lines), len(out)))
    return out


def score(gold, out):
    restored = golds = false = 0
    right = 0
    skipped = 0
    for g, o in zip(gold, out):
        gl, gb = skeleton(g)
        ol, ob = skeleton(o)
        if gl != ol:
            skipped += 1
            continue
        for x, y in zip(gb, ob):
            if x == "Z":
                golds += 1
                restored += y == "Z"
            elif y == "Z":
                false += 1
        right += gb == ob
    return restored, golds, false, right, skipped


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    rasad = sys.argv[1] if len(sys.argv) > 1 else "build/rasad"
    data = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/zwnj/ud-perdt"
    if not os.access(rasad, os.X_OK):
        print("zwnj_eval: no rasad program at %s (build it, or name it: "
              "bench/zwnj_eval.py PATH/TO/rasad)" % rasad, file=sys.stderr)
        return 2
    files = sorted(glob.glob(os.path.join(data, "*.conllu")))
    if not files:
        print("zwnj_eval: no .conllu files in %s; nothing to score" % data)
        return 0
    gold = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# text = "):
                    gold.append(line[len("# text = "):].rstrip("\n"))
    words = sum(len(s.split()) for s in gold)
    print("%d sentences, %d words, %d gold ZWNJ (%s)" % (
        len(gold), words, sum(s.count(ZWNJ) for s in gold), data))
    copies = [
        ("deleted", [s.replace(ZWNJ, "") for s in gold]),
        ("as space", [s.replace(ZWNJ, " ") for s in gold]),
    ]
    for name, damaged in copies:
        out = run(rasad, damaged)
        restored, golds, false, right, skipped = score(gold, out)
        print("ZWNJ %-8s  restored %6.2f%% (%d/%d)  false %.2f per 1,000 words"
              "  sentences right %6.2f%%  (letters changed: %d)" % (
                  name, 100.0 * restored / max(golds, 1), restored, golds,
                  1000.0 * false / max(words, 1), 100.0 * right / len(gold),
                  skipped))
    out = run(rasad, gold)
    unchanged = sum(skeleton(g)[1] == skeleton(o)[1] and
                    skeleton(g)[0] == skeleton(o)[0]
                    for g, o in zip(gold, out))
    print("gold unchanged (ZWNJ-wise)  %6.2f%% (%d/%d)" % (
        100.0 * unchanged / len(gold), unchanged, len(gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
