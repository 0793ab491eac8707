#!/usr/bin/python3
"""news_jsonl.py - helper of bench/ingest_bench.sh: ingest input, search
queries and search latency, all from ../shared/data/news at run time.

Usage:
  bench/news_jsonl.py articles NEWS_DIR [--min N] > articles.jsonl
  bench/news_jsonl.py queries NEWS_DIR [--n 100] [--seed 1] > queries.txt
  bench/news_jsonl.py latency --rasad RASAD --db DB QUERIES.txt [--limit 10] [--json-out FILE]

articles: one JSON object a line, {"id", "url", "source", "title", "text"}:
  fars-varzesh3/*.json.gz          title; text = abstract + paragraphs[]
                                   (one a line); url = link; source
                                   farsnews / varzesh3
  rss-hamshahri-radiofarda/*.json  title; text = summary; url = link;
                                   source hamshahri / radiofarda
  farexstance-dev/b2c_dev.jsonl.gz text = content, once per news_id (no
                                   title, no url); source farexstance
  (stance-headlines is left out: headlines and claims, not articles.)
  Articles without text are skipped. The set (7,346 articles) is written
  as many times as it takes to reach --min records (default 100,000):
  copy C has ids "cC-..." and, where the article has a url, "#copy=C"
  appended to it for C > 1, so every id and url is distinct; title and
  text are byte-identical in every copy. --min 0 writes the set once.
  Counts and bytes go to stderr.

queries: 100 (--n) search queries built from words of the same articles,
  deterministic for a given --seed: 30 one-word, 20 two-word, 15
  three-word (the words of one article, so that they have hits), 15
  "quoted phrases" (two words that follow each other in a title), 10
  prefix queries (a word's first 3-4 letters then *), 10 OR queries
  (w1 OR w2). Words are drawn from the corpus vocabulary by rank
  (frequency ranks 50-5,000, so not stop words and not hapaxes). One query
  a line.

latency: runs every query of QUERIES.txt through
  `RASAD search --db DB --json --limit 10`. When `rasad search --help`
  mentions --queries and the JSON objects it prints carry a per-query time
  ("ms", "time_ms", "took_ms", "elapsed_ms", or "time", read as
  milliseconds), those times are the latencies (one process for all
  queries). Otherwise every query is one process and its wall time is the
  latency; the start cost of a process is reported beside it: the median
  wall time of 20 `rasad --version`. Prints p50 / p95 / max in ms, result
  counts, and `latency: p50 X p95 Y max Z` as the last line.
Nothing read here is ever copied into the repository.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from news_text import paragraphs  # noqa: E402  (one reading of the news fields)


def join_text(*parts):
    lines = []
    for part in parts:
        for p in paragraphs(part):
            for line in p.splitlines():
                line = line.strip()
                if line:
                    lines.append(line)
    return "\n".join(lines)


def articles(news):
    """Yields (base_id, url, source, title, text) for every article."""
    for path in sorted(glob.glob(os.path.join(news, "fars-varzesh3", "*.json.gz"))):
        stem = os.path.basename(path).split(".")[0]          # fars-news-1, varzesh3-2
        source = "varzesh3" if stem.startswith("varzesh3") else "farsnews"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, a in enumerate(json.load(f)):
                yield ("%s-%d" % (stem, i), a.get("link") or "", source,
                       join_text(a.get("title")),
                       join_text(a.get("abstract"), a.get("paragraphs")))
    for path in sorted(glob.glob(os.path.join(news, "rss-hamshahri-radiofarda", "*.json"))):
        source = os.path.basename(path).split(".")[0]         # hamshahri, radiofarda
        with open(path, encoding="utf-8") as f:
            for i, a in enumerate(json.load(f)):
                yield ("%s-%d" % (source, i), a.get("link") or "", source,
                       join_text(a.get("title")), join_text(a.get("summary")))
    seen = set()
    for path in sorted(glob.glob(os.path.join(news, "farexstance-dev", "b2c_*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                key = a.get("news_id")
                if key in seen:
                    continue
                seen.add(key)
                yield ("farexstance-%s" % key, "", "farexstance", "",
                       join_text(a.get("content")))


def load_articles(news):
    arts = [a for a in articles(news) if a[4]]
    if not arts:
        sys.exit("news_jsonl: no articles found under %s" % news)
    return arts


def cmd_articles(args):
    arts = load_articles(args.news)
    copies = max(1, -(-args.min // len(arts)))
    out = sys.stdout
    nbytes = 0
    for c in range(1, copies + 1):
        for base, url, source, title, text in arts:
            rec = {"id": "c%d-%s" % (c, base),
                   "url": (url + "#copy=%d" % c) if url and c > 1 else url,
                   "source": source, "title": title, "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            nbytes += len(line.encode("utf-8"))
            out.write(line)
    print("news_jsonl: %d articles x %d copies = %d records, %d bytes"
          % (len(arts), copies, len(arts) * copies, nbytes), file=sys.stderr)


WORD = re.compile(r"[^\W\d_](?:(?:[^\W\d_]|[\u064B-\u065F\u0670\u200c])*[^\W\d_])?")


def words(text):
    return [w.strip("\u200c") for w in WORD.findall(text)]


def cmd_queries(args):
    arts = load_articles(args.news)
    freq = collections.Counter()
    titles = []
    for _b, _u, _s, title, text in arts:
        tw = words(title)
        if len(tw) >= 2:
            titles.append(tw)
        freq.update(tw)
        freq.update(words(text))
    vocab = [w for w, _n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
             if len(w) >= 3][50:5000]
    rng = random.Random(args.seed)
    long_words = [w for w in vocab if len(w) >= 5 and "\u200c" not in w]
    vset = set(vocab)
    # the vocabulary words of each article, in order of first use: 2- and
    # 3-word queries take theirs from one article, so that they have hits
    art_words = []
    for _b, _u, _s, title, text in arts:
        art_words.append([w for w in dict.fromkeys(words(title + "\n" + text)) if w in vset])
    plan = [(1, 30), (2, 20), (3, 15), ("phrase", 15), ("prefix", 10), ("or", 10)]
    total = sum(n for _k, n in plan)
    queries = []
    for kind, n in plan:
        n = round(n * args.n / total)
        for _ in range(n):
            if kind == "phrase":
                while True:
                    tw = rng.choice(titles)
                    i = rng.randrange(len(tw) - 1)
                    if tw[i] in vset or tw[i + 1] in vset:
                        queries.append('"%s %s"' % (tw[i], tw[i + 1]))
                        break
            elif kind == "prefix":
                w = rng.choice(long_words)
                queries.append(w[:rng.choice((3, 4))] + "*")
            elif kind == "or":
                queries.append("%s OR %s" % (rng.choice(vocab), rng.choice(vocab)))
            elif kind == 1:
                queries.append(rng.choice(vocab))
            else:
                while True:
                    aw = rng.choice(art_words)
                    if len(aw) >= kind:
                        queries.append(" ".join(rng.sample(aw, kind)))
                        break
    rng.shuffle(queries)
    for q in queries[:args.n]:
        print(q)
    print("news_jsonl: %d queries (seed %d) from %d words of vocabulary"
          % (min(len(queries), args.n), args.seed, len(vocab)), file=sys.stderr)


TIME_KEYS = ("ms", "time_ms", "took_ms", "elapsed_ms", "time")


def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    return v[max(0, min(len(v) - 1, -(-p * len(v) // 100) - 1))]


def cmd_latency(args):
    with open(args.queries, encoding="utf-8") as f:
        queries = [l.rstrip("\n") for l in f if l.strip()]
    base = [args.rasad, "search", "--db", args.db, "--json", "--limit", str(args.limit)]
    helptext = subprocess.run([args.rasad, "search", "--help"], capture_output=True,
                              text=True)
    helptext = helptext.stdout + helptext.stderr
    lat, totals, errors, how, key = [], [], 0, None, None
    if "--queries" in helptext:
        t0 = time.perf_counter()
        r = subprocess.run(base + ["--queries", args.queries], capture_output=True,
                           text=True, encoding="utf-8")
        wall = time.perf_counter() - t0
        objs = []
        for line in r.stdout.splitlines():
            try:
                objs.append(json.loads(line))
            except ValueError:
                pass
        if r.returncode == 0 and len(objs) == len(queries) and objs:
            key = next((k for k in TIME_KEYS if all(k in o for o in objs)), None)
            if key:
                lat = [float(o[key]) for o in objs]
                totals = [o.get("total", len(o.get("results") or [])) for o in objs]
                how = ("one process, --queries FILE; per-query time from JSON field %r "
                       "(read as ms); whole run %.1f ms wall" % (key, wall * 1000))
            else:
                print("latency: --queries output has no per-query time field (%s); "
                      "timing one process per query instead" % "/".join(TIME_KEYS),
                      file=sys.stderr)
        else:
            print("latency: --queries run failed (exit %d, %d JSON lines for %d queries); "
                  "timing one process per query instead"
                  % (r.returncode, len(objs), len(queries)), file=sys.stderr)
    if not lat:
        for q in queries:
            t0 = time.perf_counter()
            r = subprocess.run(base + [q], capture_output=True, text=True, encoding="utf-8")
            lat.append((time.perf_counter() - t0) * 1000)
            try:
                if r.returncode:
                    raise ValueError(r.stderr.strip()[:200])
                o = json.loads(r.stdout)
                totals.append(o.get("total", len(o.get("results") or [])))
            except (ValueError, AttributeError) as e:
                errors += 1
                if errors <= 5:
                    print("latency: query %r: exit %d: %s" % (q, r.returncode, e),
                          file=sys.stderr)
        starts = []
        for _ in range(20):
            t0 = time.perf_counter()
            subprocess.run([args.rasad, "--version"], capture_output=True)
            starts.append((time.perf_counter() - t0) * 1000)
        how = ("one process per query, wall time of each (process start included: "
               "`rasad --version` median %.1f ms, max %.1f ms over 20)"
               % (statistics.median(starts), max(starts)))
    p50, p95, mx = pct(lat, 50), pct(lat, 95), max(lat)
    print("latency: %d queries: %s" % (len(queries), how))
    if totals:
        print("latency: results per query (total): median %s, zero for %d queries"
              % (statistics.median(totals), sum(1 for t in totals if not t)))
    if errors:
        print("latency: %d queries failed" % errors)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump({"queries": queries, "ms": lat, "totals": totals, "how": how}, f,
                      ensure_ascii=False)
    print("latency: p50 %.2f p95 %.2f max %.2f" % (p50, p95, mx))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("articles")
    a.add_argument("news")
    a.add_argument("--min", type=int, default=100000)
    q = sub.add_parser("queries")
    q.add_argument("news")
    q.add_argument("--n", type=int, default=100)
    q.add_argument("--seed", type=int, default=1)
    l = sub.add_parser("latency")
    l.add_argument("--rasad", required=True)
    l.add_argument("--db", required=True)
    l.add_argument("--limit", type=int, default=10)
    l.add_argument("--json-out")
    l.add_argument("queries")
    args = ap.parse_args()
    if getattr(args, "news", None) and not os.path.isdir(args.news):
        sys.exit("news_jsonl: %s is absent (the evaluation data lives outside the "
                 "repository, in ../shared/data)" % args.news)
    {"articles": cmd_articles, "queries": cmd_queries, "latency": cmd_latency}[args.cmd](args)


if __name__ == "__main__":
    main()
