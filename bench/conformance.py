#!/usr/bin/python3
"""conformance.py - how often rasad agrees with other Persian normalizers.

Reads the input->expected pairs of the test suites of Hazm, persian-tools,
Virastar and Lucene's Persian analyzer from ../shared/data/normalization at
run time (nothing of them is copied into this repository), runs rasad on
each input, and prints per source: the pairs, those set aside because rasad
deliberately differs (each choice has an id, documented in docs/text.md
under "Where rasad differs"), the agreements among the rest, and the raw
agreement over all pairs.

Usage: bench/conformance.py [--rasad build/rasad] [--data DIR] [--list]
  --list  also print every pair that is set aside or disagrees
"""
import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Whole test functions rasad does not try to match, with the choice id.
FUNCTION_CHOICES = {
    ("hazm", "test_join_verb_parts"): "scope-tokenizer-output",
    ("hazm", "test_split_token_words"): "scope-tokenizer-output",
    ("hazm", "test_decrease_repeated_chars"): "no-letter-repeats",
    ("hazm", "test_remove_specials_chars"): "keep-symbols",
    ("persian-tools", "urlFix"): "scope-url-decoding",
    ("persian-tools", "digitsEnToAr"): "one-digit-form",
    ("persian-tools", "digitsFaToAr"): "one-digit-form",
    ("lucene", "PersianAnalyzer stem testAnSuffix"): "scope-stemming",
}
FUNCTION_PATTERN_CHOICES = [
    ("lucene", re.compile(r"PersianAnalyzer stem|testBehavior"), "scope-stemming"),
    ("virastar", re.compile(r"quotes|dash|ellipsis|[Tt]hree ?[Dd]ots|question/exclamation|"
                            r"aggressive|percent|markdown|[Kk]ashida|html named"), "typography-kept"),
    ("virastar", re.compile(r"spacing for \(\)"), "local-punct-spacing"),
    ("virastar", re.compile(r"line break"), "lines-kept"),
    ("virastar", re.compile(r"normalizeDates"), "scope-dates"),
    ("virastar", re.compile(r"fixDiacritics"), "all-harakat-removed"),
    ("virastar", re.compile(r"preserve certain strings|preserve all"), "scope-markup"),
    ("virastar", re.compile(r"ه ی to هٔ|standalone hamza|fixSuffixMisc"), "no-spelling-reform"),
]
# How rasad is run for a test function: (flags, compare mode).
FUNCTION_MODES = {
    ("persian-tools", "digitsArToEn"): (["--ascii-digits"], "text"),
    ("persian-tools", "digitsFaToEn"): (["--ascii-digits"], "text"),
    ("hazm", "test_token_spacing"): ([], "tokens"),
}


def key(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def load_cases(data):
    cases = []
    with open(os.path.join(data, "hazm_and_persian-tools_cases.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            cases.append(dict(source=row["source"], func=row["function_or_test"],
                              input=row["input"], expected=row["expected"], options=""))
    with open(os.path.join(data, "virastar_cases.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            cases.append(dict(source="virastar", func=row["test_name"], input=row["input"],
                              expected=row["expected"], options=row["options_json"]))
    with open(os.path.join(data, "lucene_persian_cases.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            cases.append(dict(source="lucene", func=row["function_or_test"],
                              input=row["input"], expected=row["expected"], options=""))
    for c in cases:  # the files hold \n and \t escaped
        for k in ("input", "expected"):
            c[k] = c[k].replace("\\n", "\n").replace("\\t", "\t")
    return cases


def load_choices():
    path = os.path.join(ROOT, "bench", "conformance_choices.tsv")
    choices = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            source, k, choice = line.rstrip("\n").split("\t")[:3]
            choices[(source, k)] = choice
    return choices


def documented_choices():
    with open(os.path.join(ROOT, "docs", "text.md"), encoding="utf-8") as f:
        return set(re.findall(r"\(choice:\s+([a-z0-9-]+)\)", f.read()))


def run(rasad, args, text):
    p = subprocess.run([rasad] + args, input=text.encode("utf-8"), capture_output=True)
    return p.stdout.decode("utf-8", "replace")


def lucene_to_persian(s):
    return s.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")


def evaluate(rasad, c):
    """Returns (got, agrees) for one case."""
    src, func = c["source"], c["func"]
    flags, mode = FUNCTION_MODES.get((src, func), ([], "text"))
    if src == "lucene":
        if "Analyzer" in func or "CharFilter" in func:
            got = " ".join(run(rasad, ["tokenize"], c["input"]).split("\n")).strip()
        else:
            got = run(rasad, ["normalize", "--fold"], c["input"])
        want = lucene_to_persian(c["expected"])
        return got, got == want
    if mode == "tokens":
        tokens = json.loads(c["input"])
        out = run(rasad, ["normalize"] + flags, " ".join(tokens))
        got = json.dumps(out.split(), ensure_ascii=False)
        return got, out.split() == json.loads(c["expected"])
    got = run(rasad, ["normalize"] + flags, c["input"])
    return got, got == c["expected"]


def choice_for(c, choices):
    src, func = c["source"], c["func"]
    if (src, func) in FUNCTION_CHOICES:
        return FUNCTION_CHOICES[(src, func)]
    for s, pat, choice in FUNCTION_PATTERN_CHOICES:
        if s == src and pat.search(func):
            return choice
    if src == "virastar" and c["options"] not in ("", "{}"):
        return "scope-virastar-options"
    return choices.get((src, key(c["input"] + "\x00" + c["expected"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rasad", default=os.path.join(ROOT, "build", "rasad"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "normalization"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keys", action="store_true", help="print the key of each disagreeing pair")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print("conformance: %s is absent; nothing to measure" % a.data)
        return 0
    if not os.access(a.rasad, os.X_OK):
        print("conformance: no rasad binary at %s (build first)" % a.rasad, file=sys.stderr)
        return 2
    choices, documented = load_choices(), documented_choices()
    stats = {}
    undocumented = set()
    for c in load_cases(a.data):
        s = stats.setdefault(c["source"], dict(pairs=0, aside=0, agree=0, raw=0))
        s["pairs"] += 1
        got, ok = evaluate(a.rasad, c)
        s["raw"] += ok
        choice = None if ok else choice_for(c, choices)
        if choice:
            s["aside"] += 1
            if choice not in documented:
                undocumented.add(choice)
        elif ok:
            s["agree"] += 1
        if not ok and (a.list or (a.keys and not choice)):
            print("--- %s | %s | %s | key %s" % (c["source"], c["func"][:70], choice or "DISAGREE",
                                                key(c["input"] + "\x00" + c["expected"])))
            print("  input:    %r\n  expected: %r\n  rasad:    %r" % (c["input"], c["expected"], got))
    print("%-14s %6s %9s %7s %10s %8s" % ("source", "pairs", "set aside", "agree", "agreement", "raw"))
    tot = dict(pairs=0, aside=0, agree=0, raw=0)
    for src in ("hazm", "persian-tools", "virastar", "lucene"):
        s = stats.get(src)
        if not s:
            continue
        for k in tot:
            tot[k] += s[k]
        rest = s["pairs"] - s["aside"]
        print("%-14s %6d %9d %7d %9.1f%% %7.1f%%" % (src, s["pairs"], s["aside"], s["agree"],
                                                  100.0 * s["agree"] / max(1, rest),
                                                  100.0 * s["raw"] / s["pairs"]))
    rest = tot["pairs"] - tot["aside"]
    print("%-14s %6d %9d %7d %9.1f%% %7.1f%%" % ("all", tot["pairs"], tot["aside"], tot["agree"],
                                              100.0 * tot["agree"] / max(1, rest),
                                              100.0 * tot["raw"] / tot["pairs"]))
    if undocumented:
        print("choices missing from docs/text.md: %s" % ", ".join(sorted(undocumented)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
