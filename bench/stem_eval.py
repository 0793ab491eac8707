#!/usr/bin/python3
"""stem_eval.py - scores rasad's light stemmer against the lemmas of the
UD Persian PerDT treebank (nouns and adjectives).

Build first (the driver links the static libraries of a normal build):
    cmake -S . -B build-stem && cmake --build build-stem -j2
    gcc -O2 -Iinclude bench/stem_driver.c build-stem/librasad_core.a \\
        build-stem/librasad_base.a -lutf8proc -o build-stem/stem_driver
Run from the repository root:
    /usr/bin/python3 bench/stem_eval.py [-v] [DATA_DIR] [DRIVER]
DATA_DIR defaults to ../shared/data/zwnj/ud-perdt (the *.conllu files),
DRIVER to build-stem/stem_driver, which this script (re)builds with the gcc
command above.

Reports, over NOUN and ADJ tokens: stem == lemma; over-stemming (stem a
proper prefix of the lemma, or shorter than it); under-stemming (stem longer
than the lemma); other (same length, different). Also the baseline of
leaving every word as it is.
"""
import collections
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_driver(driver):
    lib = os.path.join(ROOT, "build-stem")
    cmd = ["gcc", "-O2", "-I" + os.path.join(ROOT, "include"),
           os.path.join(ROOT, "bench", "stem_driver.c"),
           os.path.join(lib, "librasad_core.a"),
           os.path.join(lib, "librasad_base.a"), "-lutf8proc", "-o", driver]
    subprocess.run(cmd, check=True)


def read_pairs(data):
    pairs = []
    for path in sorted(glob.glob(os.path.join(data, "*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                col = line.rstrip("\n").split("\t")
                if len(col) >= 4 and col[0].isdigit() and col[3] in ("NOUN", "ADJ"):
                    pairs.append((col[1], col[2], col[3]))
    return pairs


def main():
    verbose = "-v" in sys.argv
    args = [a for a in sys.argv[1:] if a != "-v"]
    data = args[0] if len(args) > 0 else os.path.join(
        ROOT, "..", "shared", "data", "zwnj", "ud-perdt")
    driver = args[1] if len(args) > 1 else None
    pairs = read_pairs(data) if os.path.isdir(data) else []
    if not pairs:
        print(f"stem_eval: no *.conllu under {data}; nothing to score")
        return 0
    if driver is None:  # rebuilt every run so it never lags the library
        driver = os.path.join(ROOT, "build-stem", "stem_driver")
        build_driver(driver)
    words = "".join(w + "\n" for w, _, _ in pairs).encode("utf-8")
    out = subprocess.run([driver], input=words, stdout=subprocess.PIPE,
                         check=True).stdout.decode("utf-8").split("\n")
    stems = out[:len(pairs)]
    count = collections.Counter()
    examples = collections.defaultdict(collections.Counter)
    for (w, lemma, pos), s in zip(pairs, stems):
        if s == lemma:
            k = "equal"
        elif len(s) < len(lemma) or lemma.startswith(s):
            k = "over"
        elif len(s) > len(lemma):
            k = "under"
        else:
            k = "other"
        count[k] += 1
        count["base_equal"] += w == lemma
        if k != "equal":
            examples[k][f"{w}->{s} ({lemma})"] += 1
    total = len(pairs)
    pct = lambda k: 100.0 * count[k] / total
    print(f"tokens (NOUN+ADJ): {total}")
    print(f"stem == lemma:     {pct('equal'):5.1f}%  (unstemmed baseline {pct('base_equal'):.1f}%)")
    print(f"over-stemmed:      {pct('over'):5.1f}%  (stem shorter than the lemma)")
    print(f"under-stemmed:     {pct('under'):5.1f}%  (stem longer than the lemma)")
    print(f"other:             {pct('other'):5.1f}%  (same length, different)")
    if verbose:
        for k in ("over", "under", "other"):
            print(f"-- {k}:")
            for e, c in examples[k].most_common(40):
                print(f"  {c:4d} {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
