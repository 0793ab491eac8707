#!/usr/bin/python3
"""ner_unlabeled.py - writes the unlabeled Persian text the NER trainer
clusters words from (one paragraph a line) out of ../shared/data: the news
sets (Fars News and Varzesh3: title, abstract, paragraphs; Hamshahri and
Radio Farda RSS: title, summary; FarExStance: claim, content; the stance
headlines: CSV text cells), ParsiNLU reading-comprehension passages and
questions, and the sentences of UD Persian PerDT (# text = lines). No NER
test text is read.

usage: ner_unlabeled.py DATA_DIR OUT.txt

The text is read at run time and written outside the repository (the
trainer's caller puts OUT.txt under /tmp); it is never committed."""
import csv
import glob
import gzip
import json
import os
import sys


def opener(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else \
        open(path, encoding="utf-8")


def strings(obj, keys):
    for k in keys:
        v = obj.get(k)
        if isinstance(v, str):
            yield v
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, str):
                    yield x


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = sys.argv[1:]
    news = os.path.join(data, "news")
    seen = set()
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        def put(s):
            nonlocal n
            for line in s.splitlines():
                line = line.strip()
                if len(line) > 20 and line not in seen:
                    seen.add(line)
                    f.write(line + "\n")
                    n += 1
        for path in sorted(glob.glob(os.path.join(news, "fars-varzesh3", "*.json.gz"))):
            with opener(path) as g:
                for item in json.load(g):
                    for s in strings(item, ("title", "abstract", "paragraphs")):
                        put(s)
        for path in sorted(glob.glob(os.path.join(news, "rss-hamshahri-radiofarda", "*.json"))):
            with opener(path) as g:
                for item in json.load(g):
                    for s in strings(item, ("title", "summary")):
                        put(s)
        for path in sorted(glob.glob(os.path.join(news, "farexstance-dev", "*.jsonl.gz"))):
            with opener(path) as g:
                for line in g:
                    item = json.loads(line)
                    for s in strings(item, ("claim", "content")):
                        put(s)
        for path in sorted(glob.glob(os.path.join(news, "stance-headlines", "*.csv"))):
            with opener(path) as g:
                for row in csv.reader(g):
                    for cell in row:
                        if any("\u0600" <= c <= "\u06ff" for c in cell):
                            put(cell)
        for path in sorted(glob.glob(os.path.join(data, "search", "parsinlu",
                                                  "reading_comprehension", "*.jsonl"))):
            with opener(path) as g:
                for line in g:
                    for s in strings(json.loads(line), ("passage", "question")):
                        put(s)
        for path in sorted(glob.glob(os.path.join(data, "zwnj", "ud-perdt", "*.conllu"))):
            with opener(path) as g:
                for line in g:
                    if line.startswith("# text = "):
                        put(line[9:])
    print(f"{out}: {n} paragraphs", file=sys.stderr)


if __name__ == "__main__":
    main()
