#!/usr/bin/python3
"""dedup_eval.py - near-duplicate quality and speed of `rasad dedup` on the
articles of ../shared/data/news (read at run time, never copied here).

Usage:
  /usr/bin/python3 bench/dedup_eval.py [--rasad build-dd/rasad] [--driver PATH]
                                       [--news DIR] [--min N] [--runs N] [--no-speed]

1. Articles: bench/news_jsonl.py articles --min 0 (fars-varzesh3,
   rss-hamshahri-radiofarda, farexstance-dev; 7,346 articles).
2. Gold: `rasad dedup --dump-shingles` gives every article's shingle set
   (the exact hashes the C code uses); every pair with exact Jaccard >= 0.8
   is found by brute force, pruned by an inverted index (pairs that share
   no shingle have Jaccard 0) and the size bound J <= min/max.
3. rasad's pairs: `dedup_driver pairs` (the library with index_all: every
   article indexed, every candidate verified, every pair >= 0.8 printed):
   pair recall and precision against gold (targets >= 0.99 each). And the
   groups of `rasad dedup` (mark mode) at 0.8: the share of gold pairs
   whose two articles land in one group, and the share of dup_of links
   that are gold pairs.
4. FarExStance dev (b2c_dev.jsonl.gz, field content): every group of lines
   whose content is identical after collapsing white space must be one
   rasad group (`rasad dedup --field content --id news_id`).
5. Speed (unless --no-speed): `dedup_driver speed` (signatures + LSH
   lookup, median of --runs, and the whole path from text), then
   `rasad dedup` end to end under /usr/bin/time -v on news_jsonl.py
   articles --min N (default 100,000: copies with distinct ids), and
   `dedup_driver pairs` on that file (every article indexed) for the
   memory per million indexed articles.
Exits 0 with a message when the data is absent; 1 when a target is missed.
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THRESHOLD = 0.8


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def dump_shingles(rasad, path, field="text"):
    out = run([rasad, "dedup", "--dump-shingles", "--field", field, path],
              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    sets = {}
    for line in out.decode("utf-8").splitlines():
        o = json.loads(line)
        sets[o["line"] - 1] = frozenset(int(h, 16) for h in o["shingles"])
    return sets


def gold_pairs(sets):
    """All pairs (i, j), j < i, with exact Jaccard >= THRESHOLD."""
    postings = collections.defaultdict(list)
    pairs = {}
    for i in sorted(sets):
        s = sets[i]
        if not s:
            continue
        counts = collections.Counter()
        for h in s:
            for j in postings[h]:
                counts[j] += 1
            postings[h].append(i)
        for j, inter in counts.items():
            union = len(s) + len(sets[j]) - inter
            jac = inter / union
            if jac >= THRESHOLD:
                pairs[(i, j)] = jac
    return pairs


def driver_pairs(driver, path, field="text"):
    out = run([driver, "pairs", "--field", field, path], stdout=subprocess.PIPE).stdout.decode()
    pairs, mem = {}, None
    for line in out.splitlines():
        if line.startswith("#"):
            mem = dict(zip(line.split()[1::2], map(int, line.split()[2::2])))
            continue
        a, b, j = line.split()
        pairs[(int(a), int(b))] = float(j)
    return pairs, mem


def rasad_groups(rasad, path, field="text", idfield="id"):
    """Line index -> group key, from `rasad dedup` mark output (the id
    field must be unique per canonical; lines without id use the line)."""
    out = run([rasad, "dedup", "--quiet", "--field", field, "--id", idfield, path],
              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode("utf-8")
    groups, links = [], []
    for i, line in enumerate(out.splitlines()):
        o = json.loads(line)
        own = o.get(idfield, i + 1)
        if "dup_of" in o:
            groups.append(json.dumps(o["dup_of"]))
            links.append((i, o["dup_of"], o["jaccard"]))
        else:
            groups.append(json.dumps(own))
    return groups, links


def quality(args, tmp, news_jsonl):
    t0 = time.time()
    sets = dump_shingles(args.rasad, news_jsonl)
    gold = gold_pairs(sets)
    t_gold = time.time() - t0
    pred, _ = driver_pairs(args.driver, news_jsonl)
    tp = len(set(gold) & set(pred))
    recall = tp / len(gold) if gold else 1.0
    precision = tp / len(pred) if pred else 1.0
    exact = sum(1 for j in gold.values() if j == 1.0)
    print("articles %d, gold pairs (Jaccard >= %.1f) %d (%d with Jaccard 1, %d below 1; brute force %.1f s)"
          % (len(sets), THRESHOLD, len(gold), exact, len(gold) - exact, t_gold))
    print("LSH + verify pairs: %d, true %d: recall %.4f, precision %.4f" % (len(pred), tp, recall, precision))
    missed = sorted(set(gold) - set(pred))[:5]
    if missed:
        print("  missed, first:", ", ".join("%d-%d J=%.3f" % (a, b, gold[(a, b)]) for a, b in missed))
    # the groups rasad dedup reports
    ids = []
    with open(news_jsonl, encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    groups, links = rasad_groups(args.rasad, news_jsonl)
    same = sum(1 for (a, b) in gold if groups[a] == groups[b])
    index = {i: n for n, i in enumerate(ids)}
    good_links = sum(1 for (i, canon, _) in links if (i, index[canon]) in gold)
    print("rasad dedup groups: %d duplicates of %d lines; gold pairs in one group %d/%d (%.4f);"
          " dup_of links that are gold pairs %d/%d (%.4f)"
          % (len(links), len(groups), same, len(gold), same / max(len(gold), 1), good_links,
             len(links), good_links / max(len(links), 1)))
    return recall >= 0.99 and precision >= 0.99


def farexstance(args, tmp):
    path = os.path.join(args.news, "farexstance-dev", "b2c_dev.jsonl.gz")
    if not os.path.exists(path):
        print("farexstance: %s absent, skipped" % path)
        return True
    contents = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            contents.append(re.sub(r"\s+", " ", json.loads(line).get("content") or "").strip())
    groups, _ = rasad_groups(args.rasad, path, field="content", idfield="news_id")
    by_text = collections.defaultdict(list)
    for i, c in enumerate(contents):
        by_text[c].append(i)
    multi = [v for k, v in by_text.items() if len(v) > 1 and k]
    found = sum(1 for v in multi if len({groups[i] for i in v}) == 1)
    print("farexstance-dev: %d lines, %d distinct contents, %d whitespace-identical groups"
          " (of 2+ lines), found as one rasad group: %d/%d"
          % (len(contents), len(by_text), len(multi), found, len(multi)))
    return found == len(multi)


def speed(args, tmp, news_jsonl):
    print("--- dedup_driver speed (%d runs) on %s" % (args.runs, os.path.basename(news_jsonl)))
    sys.stdout.flush()
    run([args.driver, "speed", "--runs", str(args.runs), news_jsonl])
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "wb") as f:
        run(["/usr/bin/python3", os.path.join(ROOT, "bench", "news_jsonl.py"), "articles",
             "--min", str(args.min), args.news], stdout=f, stderr=subprocess.DEVNULL)
    n = sum(1 for _ in open(big, "rb"))
    size = os.path.getsize(big)
    print("--- rasad dedup end to end on %d articles (%.0f MB)" % (n, size / 1e6))
    t0 = time.time()
    p = run(["/usr/bin/time", "-v", args.rasad, "dedup", "--json-stats", big],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.time() - t0
    err = p.stderr.decode()
    stats = json.loads([l for l in err.splitlines() if l.startswith("{")][-1])
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    print("wall %.1f s, %.0f articles/s; %d exact + %d near duplicates, %d kept; state %.1f MiB;"
          " peak RSS %.1f MiB" % (wall, n / wall, stats["exact"], stats["near"], stats["kept"],
                                  stats["state_mib"], rss / 1024))
    print("--- every article indexed (dedup_driver pairs, index_all) on the same %d articles" % n)
    t0 = time.time()
    p = run(["/usr/bin/time", "-v", args.driver, "pairs", big],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    mem = [l for l in p.stdout.decode().splitlines() if l.startswith("#")][-1].split()
    mem = dict(zip(mem[1::2], map(int, mem[2::2])))
    rss2 = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr.decode()).group(1))
    per = mem["bytes"] / mem["indexed"]
    print("indexed %d, shingles %d (%.0f each), index %.1f MiB: %.0f bytes per article = %.2f GB"
          " per million articles; peak RSS %.1f MiB (texts held by the driver included)"
          % (mem["indexed"], mem["shingles"], mem["shingles"] / mem["indexed"],
             mem["bytes"] / 1048576, per, per * 1e6 / 1e9, rss2 / 1024))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rasad", default=os.path.join(ROOT, "build-dd", "rasad"))
    ap.add_argument("--driver", default=None, help="dedup_driver binary (built when absent)")
    ap.add_argument("--news", default=os.path.join(ROOT, "..", "shared", "data", "news"))
    ap.add_argument("--min", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.news):
        print("dedup_eval: %s is absent: nothing to evaluate" % args.news)
        return 0
    if not os.access(args.rasad, os.X_OK):
        print("dedup_eval: %s is not built (cmake --build build-dd)" % args.rasad)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if not args.driver:
            build = os.path.dirname(os.path.abspath(args.rasad))
            args.driver = os.path.join(tmp, "dedup_driver")
            run(["gcc", "-O2", "-std=c11", "-D_GNU_SOURCE", "-I" + os.path.join(ROOT, "include"),
                 os.path.join(ROOT, "bench", "dedup_driver.c")] +
                [os.path.join(build, "librasad_%s.a" % l) for l in ("dedup", "core", "base")] +
                ["-lxxhash", "-lutf8proc", "-ljalali", "-ljansson", "-lm", "-o", args.driver])
        news_jsonl = os.path.join(tmp, "news.jsonl")
        with open(news_jsonl, "wb") as f:
            run(["/usr/bin/python3", os.path.join(ROOT, "bench", "news_jsonl.py"), "articles",
                 "--min", "0", args.news], stdout=f, stderr=subprocess.DEVNULL)
        ok = quality(args, tmp, news_jsonl)
        ok = farexstance(args, tmp) and ok
        if not args.no_speed:
            speed(args, tmp, news_jsonl)
    print("targets (recall, precision >= 0.99; FarExStance groups all found):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
