#!/usr/bin/python3
"""news_text.py - prints the article text of ../shared/data/news, one paragraph a line.

Usage: bench/news_text.py NEWS_DIR > text.txt

Reads (standard library only):
  fars-varzesh3/*.json.gz          JSON arrays: title, abstract, paragraphs[]
  rss-hamshahri-radiofarda/*.json  JSON arrays: title, summary
  farexstance-dev/b2c_dev.jsonl.gz one object a line: content (once per news_id)
  stance-headlines/*.csv           headline and claim columns (each text once)
Every text is split at line breaks; blank lines are dropped. Prints a count
of lines and bytes on stderr. Nothing read here is ever copied into the repo.
"""
import ast
import csv
import glob
import gzip
import json
import os
import sys


def paragraphs(value):
    """Yields the strings in value (a string, a list, or a list's repr)."""
    if value is None:
        return
    if isinstance(value, list):
        for v in value:
            yield from paragraphs(v)
        return
    s = str(value)
    if s.startswith("[") and s.endswith("]"):
        try:
            yield from paragraphs(ast.literal_eval(s))
            return
        except (ValueError, SyntaxError):
            pass
    yield s


def texts(news):
    for path in sorted(glob.glob(os.path.join(news, "fars-varzesh3", "*.json.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for a in json.load(f):
                yield a.get("title")
                yield a.get("abstract")
                yield from paragraphs(a.get("paragraphs"))
    for path in sorted(glob.glob(os.path.join(news, "rss-hamshahri-radiofarda", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for a in json.load(f):
                yield a.get("title")
                yield a.get("summary")
    seen = set()
    for path in sorted(glob.glob(os.path.join(news, "farexstance-dev", "b2c_*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                key = a.get("news_id")
                if key in seen:
                    continue
                seen.add(key)
                yield a.get("content")
    seen = set()
    for path in sorted(glob.glob(os.path.join(news, "stance-headlines", "*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for col in ("headline", "claim"):
                    t = row.get(col)
                    if t and t not in seen:
                        seen.add(t)
                        yield t


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: news_text.py NEWS_DIR")
    lines = nbytes = 0
    out = sys.stdout
    for t in texts(sys.argv[1]):
        for p in paragraphs(t):
            for line in p.splitlines():
                line = line.strip()
                if line:
                    out.write(line + "\n")
                    lines += 1
                    nbytes += len(line.encode("utf-8")) + 1
    print("news_text: %d lines, %d bytes" % (lines, nbytes), file=sys.stderr)


if __name__ == "__main__":
    main()
