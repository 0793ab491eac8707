#!/usr/bin/python3
"""events_eval.py - what the events layer finds in real news: quotes per
article, the share with a named or resolved speaker, meetings, agreements,
visits and date expressions, over a sample of ../shared/data/news (read at
run time, never copied here). Counts only: nothing here says whether a
quote or a meeting is right; --show prints what was found, for a person to
judge.

Usage:
  /usr/bin/python3 bench/events_eval.py [--build build] [--news DIR]
                                        [--sample N] [--show K]

1. Articles: bench/news_jsonl.py articles --min 0 (fars-varzesh3,
   rss-hamshahri-radiofarda, farexstance-dev), every k-th one so that
   --sample of them (default 500) are read.
2. Entities: the tagger (models/ner.model) through rasad_ner_tag_text.
3. bench/events_driver.c (built here with gcc against the --build
   libraries) runs rasad_events_extract on each article (no publication
   day: relative dates stay unresolved) and prints its counts; this script
   sums them.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ["quotes", "named", "pronoun", "resolved", "unnamed", "events", "meetings",
          "agreements", "visits", "dates", "bytes"]


def build_driver(build, out):
    libs = [os.path.join(build, "librasad_%s.a" % n) for n in ("events", "ner", "core", "base")]
    for lib in libs:
        if not os.path.exists(lib):
            sys.exit("events_eval: %s is missing: cmake --build %s first" % (lib, build))
    subprocess.run(["gcc", "-O2", "-std=c11", "-D_GNU_SOURCE", "-I" + os.path.join(ROOT, "include"),
                    os.path.join(ROOT, "bench", "events_driver.c")] + libs +
                   ["-lutf8proc", "-ljalali", "-ljansson", "-lm", "-o", out], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--news", default=os.path.join(ROOT, "..", "shared", "data", "news"))
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--show", type=int, default=0, help="print what was found in K articles")
    args = ap.parse_args()
    if not os.path.isdir(args.news):
        print("events_eval: %s not found; nothing to measure" % args.news)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        driver = os.path.join(tmp, "events_driver")
        build_driver(args.build, driver)
        allj = os.path.join(tmp, "all.jsonl")
        with open(allj, "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "news_jsonl.py"),
                            "articles", args.news, "--min", "0"], stdout=f,
                           stderr=subprocess.DEVNULL, check=True)
        with open(allj) as f:
            lines = f.readlines()
        step = max(1, len(lines) // max(1, args.sample))
        picked = lines[::step][:args.sample]
        sample = os.path.join(tmp, "sample.jsonl")
        with open(sample, "w") as f:
            f.writelines(picked)
        model = os.path.join(ROOT, "models", "ner.model")
        out = subprocess.run([driver, "--model", model, "counts", sample],
                             stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
        tot = dict.fromkeys(FIELDS, 0)
        with_quote = with_meeting = 0
        for line in out:
            w = line.split()
            row = {w[i]: int(w[i + 1]) for i in range(0, len(w), 2)}
            for k in FIELDS:
                tot[k] += row[k]
            with_quote += row["quotes"] > 0
            with_meeting += row["meetings"] > 0
        n = len(out)
        q = tot["quotes"]
        print("articles %d (every %d-th of %d), %.1f MB" % (n, step, len(lines), tot["bytes"] / 1e6))
        print("quotes %d: %.2f per article, %.0f%% of articles have one" %
              (q, q / max(n, 1), 100.0 * with_quote / max(n, 1)))
        print("  speaker an entity named in the clause: %d (%.0f%%)" % (tot["named"], 100.0 * tot["named"] / max(q, 1)))
        print("  speaker a pronoun: %d (%.0f%%), resolved to a person: %d" %
              (tot["pronoun"], 100.0 * tot["pronoun"] / max(q, 1), tot["resolved"]))
        print("  no entity (described or not found): %d (%.0f%%)" % (tot["unnamed"], 100.0 * tot["unnamed"] / max(q, 1)))
        print("  with a resolved speaker (named + resolved pronoun): %.0f%%" %
              (100.0 * (tot["named"] + tot["resolved"]) / max(q, 1)))
        print("events %d: meetings %d (in %.0f%% of articles), agreements %d, visits %d" %
              (tot["events"], tot["meetings"], 100.0 * with_meeting / max(n, 1), tot["agreements"], tot["visits"]))
        print("date expressions %d (%.2f per article)" % (tot["dates"], tot["dates"] / max(n, 1)))
        if args.show:
            files = []
            for i, line in enumerate(picked[:: max(1, len(picked) // args.show)][:args.show]):
                p = os.path.join(tmp, "a%03d.txt" % i)
                with open(p, "w") as f:
                    f.write(json.loads(line)["text"])
                files.append(p)
            subprocess.run([driver, "--model", model, "show"] + files, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
