#!/usr/bin/python3
"""search_eval.py - known-item retrieval quality of rasad beside two peers.

Usage: bench/search_eval.py [--rasad PATH] [--data DIR] [--limit-questions N]
                            [--splits train,dev] [--systems fts5,lucene,rasad]
                            [--json] [--keep-tmp]

Data: ParsiNLU reading comprehension, ../shared/data/search/parsinlu/
reading_comprehension ({train,dev}.jsonl; each line has question, passage,
url, answers). Override the folder with --data or $RASAD_PARSINLU_DIR. The
data is read at run time and never copied into the repository; when it is
absent the script says so and exits 0.

Every passage of the chosen splits is indexed once: identical passage texts
(byte for byte) are one document, and the gold document of a question is the
document of its own passage. Every question is a query (--limit-questions N
takes the first N, still against the whole index). Scored on the top 10:
MRR@10 (1/rank of the gold document, 0 when it is not in the top 10), R@1,
R@10, and n (questions).

Systems, in one run:
  fts5    SQLite FTS5, tokenize="unicode61 remove_diacritics 2", through
          Python's sqlite3. Query: the question's tokens (runs of letters,
          digits and combining marks, as unicode61 splits them), each quoted
          as an FTS5 string, joined with OR; ORDER BY rank (bm25), LIMIT 10.
  lucene  Lucene 4.10.4 PersianAnalyzer + BM25Similarity (k1 1.2, b 0.75) at
          index and search time: bench/lucene/SearchBench.java, compiled at
          run time into the temporary folder against Debian's
          liblucene4.10-java (/usr/share/java). Query: QueryParser.escape(
          question), classic QueryParser, default operator OR.
  rasad   $RASAD or --rasad (default build/rasad): the passages as JSONL
          (id, title "", text, source "parsinlu") -> `rasad ingest --db
          TMP/eval.db TMP/passages.jsonl`; then every question through
          `rasad search --db TMP/eval.db --any --json --limit 10 QUESTION`
          (results[].id of the JSON), or, when `rasad search --help`
          mentions --queries, once through `--queries FILE` (one query a
          line in, one JSON object a line out). When rasad has no ingest or
          search the script prints "rasad: not available (...)" and still
          reports the peers.

Prints a table (system, MRR@10, R@1, R@10, n, index and query seconds), the
peers beside the issue's reference figures (measured on 1,295 questions:
Lucene 0.703, unicode61 0.680) and the ratio rasad / best peer on MRR@10
against the target >= 1.05. --json prints one JSON object instead.
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "search", "parsinlu",
                            "reading_comprehension")
LUCENE_JARS = ["/usr/share/java/lucene-core-4.10.4.jar",
               "/usr/share/java/lucene-analyzers-common-4.10.4.jar",
               "/usr/share/java/lucene-queryparser-4.10.4.jar"]
K = 10
EXPECTED_QUESTIONS = 1295
REFERENCE = {"fts5": 0.680, "lucene": 0.703}   # MRR@10 quoted by the issue
TARGET_RATIO = 1.05
NAMES = {"fts5": "SQLite FTS5 unicode61", "lucene": "Lucene 4.10 Persian BM25",
         "rasad": "rasad"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --- data ------------------------------------------------------------------

def load(data_dir, splits):
    """Returns (docs, questions): docs = [(doc_id, text)] with identical
    passages merged; questions = [(qid, question, gold_doc_id)]."""
    docs, by_text, questions = [], {}, []
    rows = 0
    for split in splits:
        path = os.path.join(data_dir, split + ".jsonl")
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                rows += 1
                obj = json.loads(line)
                text = obj["passage"]
                doc_id = by_text.get(text)
                if doc_id is None:
                    doc_id = "p%05d" % len(docs)
                    by_text[text] = doc_id
                    docs.append((doc_id, text))
                questions.append(("%s-%d" % (split, lineno), obj["question"], doc_id))
    return docs, questions, rows


def flat(text):
    """One line: tabs and line breaks become spaces (for TSV and query lines)."""
    return re.sub(r"[\t\r\n\v\f\u2028\u2029\x85]+", " ", text).strip()


# --- metrics ---------------------------------------------------------------

def score(questions, ranked, group_of=None):
    """ranked: qid -> list of doc ids, best first. With group_of (doc id ->
    the id of its duplicate group), any document of the gold's group counts
    as the gold."""
    group_of = group_of or {}
    mrr = r1 = r10 = 0.0
    for qid, _q, gold in questions:
        ids = [group_of.get(d, d) for d in ranked.get(qid, [])[:K]]
        g = group_of.get(gold, gold)
        if g in ids:
            rank = ids.index(g) + 1
            mrr += 1.0 / rank
            r10 += 1
            r1 += rank == 1
    n = len(questions)
    return {"mrr10": mrr / n if n else 0.0, "r1": r1 / n if n else 0.0,
            "r10": r10 / n if n else 0.0, "n": n}


def duplicate_groups(rasad, docs, tmp):
    """doc id -> the id of its duplicate group's first document, for the
    documents `rasad dedup` (Jaccard >= 0.8 on 5-word shingles) groups;
    {} when rasad cannot run."""
    path = os.path.join(tmp, "dedup.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    try:
        out = subprocess.run([rasad, "dedup", "--quiet", path], capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    groups = {}
    for line in out.splitlines():
        obj = json.loads(line)
        if "dup_of" in obj:
            groups[obj["id"]] = obj["dup_of"]
    return groups


# --- a. SQLite FTS5 ----------------------------------------------------------

def unicode61_tokens(text):
    """Runs of letters, digits, private-use and combining marks: the pieces
    unicode61 makes (marks are kept inside a piece; remove_diacritics 2 then
    drops them inside FTS5 itself)."""
    out, cur = [], []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LNM" or cat == "Co":
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def fts5_query(question):
    toks = unicode61_tokens(question)
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in toks)


def run_fts5(docs, questions, tmp):
    db = sqlite3.connect(os.path.join(tmp, "fts5.db"))
    t0 = time.perf_counter()
    db.execute('CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, body, '
               'tokenize="unicode61 remove_diacritics 2")')
    with db:
        db.executemany("INSERT INTO docs(doc_id, body) VALUES (?, ?)", docs)
    index_s = time.perf_counter() - t0
    ranked, errors = {}, 0
    t0 = time.perf_counter()
    for qid, q, _gold in questions:
        expr = fts5_query(q)
        if not expr:
            ranked[qid] = []
            continue
        try:
            rows = db.execute("SELECT doc_id FROM docs WHERE docs MATCH ? "
                              "ORDER BY rank LIMIT ?", (expr, K)).fetchall()
        except sqlite3.Error as e:
            errors += 1
            log("fts5: query %s failed: %s" % (qid, e))
            rows = []
        ranked[qid] = [r[0] for r in rows]
    query_s = time.perf_counter() - t0
    db.close()
    return {"ranked": ranked, "index_s": index_s, "query_s": query_s,
            "errors": errors, "how": "in-process, sqlite %s" % sqlite3.sqlite_version}


# --- b. Lucene -------------------------------------------------------------------

def run_lucene(docs, questions, tmp):
    missing = [j for j in LUCENE_JARS if not os.path.isfile(j)]
    if missing:
        return {"unavailable": "missing %s (apt-get install liblucene4.10-java)"
                % ", ".join(missing)}
    if not shutil.which("javac") or not shutil.which("java"):
        return {"unavailable": "javac/java not found (apt-get install default-jdk-headless)"}
    classes = os.path.join(tmp, "lucene-classes")
    os.makedirs(classes, exist_ok=True)
    cp = ":".join(LUCENE_JARS)
    src = os.path.join(ROOT, "bench", "lucene", "SearchBench.java")
    r = subprocess.run(["javac", "-nowarn", "-d", classes, "-cp", cp, src],
                       capture_output=True, text=True)
    if r.returncode:
        return {"unavailable": "javac failed: " + r.stderr.strip()[:500]}
    docs_tsv = os.path.join(tmp, "docs.tsv")
    queries_tsv = os.path.join(tmp, "queries.tsv")
    with open(docs_tsv, "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write("%s\t%s\n" % (doc_id, flat(text)))
    with open(queries_tsv, "w", encoding="utf-8") as f:
        for qid, q, _gold in questions:
            f.write("%s\t%s\n" % (qid, flat(q)))
    t0 = time.perf_counter()
    r = subprocess.run(["java", "-cp", cp + ":" + classes, "SearchBench",
                        docs_tsv, queries_tsv, str(K)],
                       capture_output=True, text=True, encoding="utf-8")
    wall = time.perf_counter() - t0
    if r.returncode:
        return {"unavailable": "SearchBench failed: " + r.stderr.strip()[:500]}
    ranked = {}
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        ranked[parts[0]] = parts[1:]
    m_index = re.search(r"index \d+ docs ([0-9.]+) s", r.stderr)
    m_search = re.search(r"search \d+ queries ([0-9.]+) s \((\d+) parse errors\)", r.stderr)
    return {"ranked": ranked,
            "index_s": float(m_index.group(1)) if m_index else None,
            "query_s": float(m_search.group(1)) if m_search else None,
            "errors": int(m_search.group(2)) if m_search else 0,
            "how": "one JVM, RAMDirectory (JVM wall %.2f s incl. start and JIT)" % wall}


# --- c. rasad ----------------------------------------------------------------------

def first_line(s):
    s = (s or "").strip()
    return s.splitlines()[0] if s else ""


def result_ids(obj):
    return [str(r.get("id")) for r in (obj.get("results") or []) if isinstance(r, dict)]


def run_rasad(rasad, docs, questions, tmp):
    if not (os.path.isfile(rasad) and os.access(rasad, os.X_OK)):
        return {"unavailable": "no executable at %s; build it or pass --rasad / $RASAD" % rasad}
    for cmd in ("ingest", "search"):
        r = subprocess.run([rasad, cmd, "--help"], capture_output=True, text=True)
        if r.returncode:
            return {"unavailable": "`rasad %s --help` exited %d: %s"
                    % (cmd, r.returncode, first_line(r.stderr or r.stdout))}
        if cmd == "search":
            search_help = r.stdout + r.stderr
    passages = os.path.join(tmp, "passages.jsonl")
    with open(passages, "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "title": "", "text": text,
                                "source": "parsinlu"}, ensure_ascii=False) + "\n")
    db = os.path.join(tmp, "eval.db")
    t0 = time.perf_counter()
    r = subprocess.run([rasad, "ingest", "--db", db, passages],
                       capture_output=True, text=True)
    index_s = time.perf_counter() - t0
    if r.returncode:
        return {"unavailable": "`rasad ingest` exited %d: %s"
                % (r.returncode, first_line(r.stderr or r.stdout))}
    base = [rasad, "search", "--db", db, "--any", "--json", "--limit", str(K)]
    ranked, errors = {}, 0
    t0 = time.perf_counter()
    if "--queries" in search_help:
        how = "one process, --queries FILE"
        qfile = os.path.join(tmp, "questions.txt")
        with open(qfile, "w", encoding="utf-8") as f:
            for _qid, q, _gold in questions:
                f.write(flat(q) + "\n")
        r = subprocess.run(base + ["--queries", qfile], capture_output=True,
                           text=True, encoding="utf-8")
        if r.returncode:
            return {"unavailable": "`rasad search --queries` exited %d: %s"
                    % (r.returncode, first_line(r.stderr or r.stdout))}
        lines = [l for l in r.stdout.splitlines() if l.strip()]
        if len(lines) != len(questions):
            log("rasad: --queries gave %d JSON lines for %d queries"
                % (len(lines), len(questions)))
        for i, (qid, _q, _gold) in enumerate(questions):
            try:
                ranked[qid] = result_ids(json.loads(lines[i]))
            except (IndexError, ValueError, AttributeError):
                errors += 1
                ranked[qid] = []
    else:
        how = "one process per query"
        for qid, q, _gold in questions:
            r = subprocess.run(base + [flat(q)], capture_output=True, text=True,
                               encoding="utf-8")
            try:
                if r.returncode:
                    raise ValueError(first_line(r.stderr))
                ranked[qid] = result_ids(json.loads(r.stdout))
            except (ValueError, AttributeError) as e:
                errors += 1
                if errors <= 5:
                    log("rasad: query %s: exit %d, %s" % (qid, r.returncode, e))
                ranked[qid] = []
    query_s = time.perf_counter() - t0
    known = {d for d, _t in docs}
    returned = [i for ids in ranked.values() for i in ids]
    if returned and not any(i in known for i in returned):
        log("rasad: WARNING: none of the %d returned ids is a passage id (p00000...):"
            " is results[].id the id given at ingest?" % len(returned))
    return {"ranked": ranked, "index_s": index_s, "query_s": query_s,
            "errors": errors, "how": how}


# --- main --------------------------------------------------------------------------

def fmt_s(x):
    return "%.2f" % x if isinstance(x, (int, float)) else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rasad", default=os.environ.get("RASAD", os.path.join(ROOT, "build", "rasad")))
    ap.add_argument("--data", default=os.environ.get("RASAD_PARSINLU_DIR", DEFAULT_DATA))
    ap.add_argument("--splits", default="train,dev")
    ap.add_argument("--limit-questions", type=int, default=0, metavar="N")
    ap.add_argument("--systems", default="fts5,lucene,rasad")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep-tmp", action="store_true")
    args = ap.parse_args()

    splits = [s for s in args.splits.split(",") if s]
    files = [os.path.join(args.data, s + ".jsonl") for s in splits]
    absent = [f for f in files if not os.path.isfile(f)]
    if absent:
        print("search_eval: %s is absent: no ParsiNLU data to evaluate on, nothing done."
              % os.path.normpath(absent[0]))
        print("search_eval: (the evaluation data lives outside the repository in "
              "../shared/data; see bench/README.md; --data or $RASAD_PARSINLU_DIR point elsewhere)")
        return 0

    docs, questions, rows = load(args.data, splits)
    all_q = len(questions)
    if args.limit_questions > 0:
        questions = questions[:args.limit_questions]
    log("search_eval: %d rows of %s -> %d documents (identical passages merged), "
        "%d questions%s" % (rows, "+".join(splits), len(docs), all_q,
                            ", first %d used" % len(questions) if len(questions) != all_q else ""))
    count_note = None
    if all_q != EXPECTED_QUESTIONS:
        count_note = ("{:,} questions in {}, not the issue's {:,}: the reference figures "
                      "were measured on more questions and a larger index (more passages "
                      "to confuse the gold one with), so they are not directly comparable"
                      .format(all_q, "+".join(splits), EXPECTED_QUESTIONS))

    tmp = tempfile.mkdtemp(prefix="rasad-search-eval-")
    systems = [s for s in args.systems.split(",") if s]
    results = {}
    strict = {}
    group_of = duplicate_groups(args.rasad, docs, tmp)
    try:
        for name in systems:
            log("search_eval: running %s ..." % name)
            if name == "fts5":
                res = run_fts5(docs, questions, tmp)
            elif name == "lucene":
                res = run_lucene(docs, questions, tmp)
            elif name == "rasad":
                res = run_rasad(args.rasad, docs, questions, tmp)
            else:
                sys.exit("search_eval: unknown system %r" % name)
            if "ranked" in res:
                ranked = res.pop("ranked")
                strict[name] = score(questions, ranked)["mrr10"]
                res.update(score(questions, ranked, group_of))
                res["mrr10_strict"] = strict[name]
            results[name] = res
    finally:
        if args.keep_tmp:
            log("search_eval: temporary files kept in %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    peers = [results[p]["mrr10"] for p in ("fts5", "lucene")
             if p in results and "mrr10" in results[p]]
    ratio = None
    if peers and "rasad" in results and "mrr10" in results["rasad"] and max(peers) > 0:
        ratio = results["rasad"]["mrr10"] / max(peers)

    if args.json:
        print(json.dumps({"data": os.path.normpath(args.data), "splits": splits,
                          "documents": len(docs), "questions_total": all_q,
                          "questions_used": len(questions),
                          "expected_questions": EXPECTED_QUESTIONS, "note": count_note,
                          "reference_mrr10": REFERENCE, "systems": results,
                          "ratio_rasad_best_peer": ratio, "target_ratio": TARGET_RATIO,
                          "target_met": None if ratio is None else ratio >= TARGET_RATIO},
                         ensure_ascii=False, indent=1))
        return 0

    print("search_eval: ParsiNLU reading comprehension (%s): %d documents, %d questions"
          % ("+".join(splits), len(docs), all_q))
    if count_note:
        print("search_eval: NOTE: " + count_note)
    if group_of:
        print("search_eval: %d passages are near-copies (Jaccard >= 0.8, `rasad dedup`) of "
              "another; for every system, any passage of the gold's group counts as the gold "
              "(rasad shows a group once); gold-id-only MRR@10 below the table" % len(group_of))
    if len(questions) != all_q:
        print("search_eval: --limit-questions: scored on the first %d questions only" % len(questions))
    print()
    print("%-26s %7s %7s %7s %6s %9s %9s  %s" % ("system", "MRR@10", "R@1", "R@10", "n",
                                              "index s", "query s", "ref MRR@10"))
    for name in systems:
        res = results[name]
        if "unavailable" in res:
            print("%-26s %s" % (NAMES[name], "not available (below)"))
            continue
        ref = "%.3f" % REFERENCE[name] if name in REFERENCE else ""
        print("%-26s %7.3f %7.3f %7.3f %6d %9s %9s  %s" % (
            NAMES[name], res["mrr10"], res["r1"], res["r10"], res["n"],
            fmt_s(res.get("index_s")), fmt_s(res.get("query_s")), ref))
    print()
    for name in systems:
        res = results[name]
        if "unavailable" in res:
            if name == "rasad":
                print("rasad: not available (%s)" % res["unavailable"])
            continue
        extra = ", %d failed queries" % res["errors"] if res.get("errors") else ""
        print("  %s: %s%s" % (name, res.get("how", ""), extra))
    print("  ref MRR@10: the issue's figures, \"measured here on all {:,} questions: "
          "Lucene 0.703, unicode61 0.680\"".format(EXPECTED_QUESTIONS))
    if group_of and strict:
        print("  gold id only (no duplicate groups): " + ", ".join(
            "%s %.3f" % (n, strict[n]) for n in systems if n in strict))
    if ratio is not None:
        print("ratio rasad / best peer on MRR@10: %.3f (target >= %.2f: %s)"
              % (ratio, TARGET_RATIO, "met" if ratio >= TARGET_RATIO else "NOT met"))
    else:
        print("ratio rasad / best peer on MRR@10: - (rasad not measured; target >= %.2f)"
              % TARGET_RATIO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
