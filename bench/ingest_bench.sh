#!/usr/bin/env bash
# ingest_bench.sh - rasad's ingest throughput and search latency on the
# articles of ../shared/data/news, repeated to >= 100,000 articles.
#
#   bench/ingest_bench.sh [--rasad PATH] [--runs N] [--min ARTICLES] [--news DIR]
#
#   --rasad PATH   the binary ($RASAD; default build/rasad)
#   --runs N       ingest runs, median reported (default 3)
#   --min N        articles to ingest at least ($RASAD_INGEST_MIN; default 100000)
#   --news DIR     the news data ($RASAD_NEWS_DIR; default ../shared/data/news)
#
# 1. bench/news_jsonl.py articles: every article of fars-varzesh3,
#    rss-hamshahri-radiofarda and farexstance-dev (7,346) as JSONL
#    {id, url, source, title, text}, written as many times as needed to
#    reach --min (14 copies = 102,844). Copies have distinct ids (and urls)
#    but byte-identical title and text: an engine that drops exact
#    duplicates early does less work on copies 2..N, so the set is also
#    ingested once on its own ("unique articles") for comparison.
# 2. Times `rasad ingest --db TMP/x.db FILE` RUNS times, a fresh database
#    each run, under /usr/bin/time -v; prints articles/s (median wall),
#    peak RSS (max over runs) and the database size per article (x.db plus
#    any -wal file left, after the last run).
# 3. Search latency on that database: 100 queries generated from the
#    corpus words with a fixed seed (news_jsonl.py queries: 1-, 2- and
#    3-word, "phrases", prefix*, OR) through
#    `rasad search --db TMP/x.db --json --limit 10` (news_jsonl.py latency:
#    --queries FILE when rasad has it and reports per-query times, else
#    one process per query with the process start cost shown beside).
#    p50 / p95 / max in ms.
# Targets (printed beside): >= 2,000 articles/s; search p95 <= 20 ms.
# Exits 0 with a message when the data or rasad's ingest is absent.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rasad=${RASAD:-$root/build/rasad}
news=${RASAD_NEWS_DIR:-$root/../shared/data/news}
min=${RASAD_INGEST_MIN:-100000}
runs=3
python=/usr/bin/python3

while [ $# -gt 0 ]; do
  case $1 in
    --rasad) rasad=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --min) min=$2; shift 2 ;;
    --news) news=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "ingest_bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -d "$news" ]; then
  echo "ingest_bench: $news is absent: no news to ingest, nothing done."
  echo "ingest_bench: (the evaluation data lives outside the repository; see bench/README.md)"
  exit 0
fi
if [ ! -x "$rasad" ]; then
  echo "rasad: not available (no executable at $rasad; build it or pass --rasad / \$RASAD)"
  exit 0
fi
if ! err=$("$rasad" ingest --help 2>&1 >/dev/null); then
  echo "rasad: not available (\`rasad ingest --help\` failed: $(printf '%s\n' "$err" | head -1))"
  exit 0
fi
[ -x /usr/bin/time ] || { echo "ingest_bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/rasad-ingest-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# --- input ----------------------------------------------------------------
"$python" "$root/bench/news_jsonl.py" articles "$news" --min "$min" >"$tmp/articles.jsonl"
"$python" "$root/bench/news_jsonl.py" articles "$news" --min 0 >"$tmp/once.jsonl" 2>/dev/null
n=$(wc -l <"$tmp/articles.jsonl")
n_once=$(wc -l <"$tmp/once.jsonl")
in_mb=$(awk -v b="$(stat -c %s "$tmp/articles.jsonl")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "ingest_bench: $n articles ($n_once unique, text repeated with distinct ids), $in_mb MB of JSONL"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ingest FILE ARTICLES LABEL: one timed run on a fresh database $tmp/x.db;
# sets run_wall (s), run_cpu (s), run_rss (MB).
ingest() {
  local file=$1 count=$2 label=$3 t0 t1 rc
  rm -f "$tmp"/x.db "$tmp"/x.db-*
  t0=$(date +%s%N)
  rc=0
  /usr/bin/time -v -o "$tmp/time" "$rasad" ingest --db "$tmp/x.db" "$file" \
    >"$tmp/ingest.out" 2>"$tmp/ingest.err" || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" != 0 ]; then
    echo "ingest_bench: rasad ingest exited $rc:"; tail -5 "$tmp/ingest.err"
    exit 1
  fi
  run_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  run_cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$tmp/time")
  run_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time")
  printf '%-16s %7d articles  %8.2f s  %8.0f articles/s  cpu %7.2f s  peak RSS %7.1f MB\n' \
    "$label" "$count" "$run_wall" "$(awk -v n="$count" -v t="$run_wall" 'BEGIN { print n / t }')" \
    "$run_cpu" "$run_rss"
}

# --- ingest -----------------------------------------------------------------
walls=() rss_max=0
for ((k = 1; k <= runs; k++)); do
  ingest "$tmp/articles.jsonl" "$n" "ingest run $k"
  walls+=("$run_wall")
  rss_max=$(awk -v a="$rss_max" -v b="$run_rss" 'BEGIN { print (b > a) ? b : a }')
done
if [ -s "$tmp/ingest.err" ] || [ -s "$tmp/ingest.out" ]; then
  echo "ingest_bench: last run said:"; cat "$tmp/ingest.out" "$tmp/ingest.err" | tail -5 | sed 's/^/  /'
fi
wall=$(printf '%s\n' "${walls[@]}" | median)
rate=$(awk -v n="$n" -v t="$wall" 'BEGIN { printf "%.0f", n / t }')
db_bytes=$(stat -c %s "$tmp/x.db")
[ ! -f "$tmp/x.db-wal" ] || db_bytes=$((db_bytes + $(stat -c %s "$tmp/x.db-wal")))
per_article=$(awk -v b="$db_bytes" -v n="$n" 'BEGIN { printf "%.0f", b / n }')
cp "$tmp/x.db" "$tmp/search.db"
[ ! -f "$tmp/x.db-wal" ] || cp "$tmp/x.db-wal" "$tmp/search.db-wal"

ingest "$tmp/once.jsonl" "$n_once" "unique articles"
once_rate=$(awk -v n="$n_once" -v t="$run_wall" 'BEGIN { printf "%.0f", n / t }')

# --- search -----------------------------------------------------------------
"$python" "$root/bench/news_jsonl.py" queries "$news" --n 100 --seed 1 >"$tmp/queries.txt" 2>/dev/null
echo "ingest_bench: search latency, 100 queries (e.g. $(sed -n '1p;2p;8p;12p' "$tmp/queries.txt" | paste -sd '|' | sed 's/|/ | /g'))"
"$python" "$root/bench/news_jsonl.py" latency --rasad "$rasad" --db "$tmp/search.db" \
  "$tmp/queries.txt" | tee "$tmp/latency.out"
read -r p50 p95 pmax < <(sed -n 's/^latency: p50 \([0-9.]*\) p95 \([0-9.]*\) max \([0-9.]*\)$/\1 \2 \3/p' "$tmp/latency.out")

# --- summary ----------------------------------------------------------------
met() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }
echo
echo "ingest_bench ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  ingest          %8s articles/s  (median of %d runs, %d articles, %s s; target >= 2,000: %s)\n' \
  "$rate" "$runs" "$n" "$wall" "$(met "$rate >= 2000")"
printf '  ingest, unique  %8s articles/s  (%d articles ingested once, 1 run)\n' "$once_rate" "$n_once"
printf '  peak RSS        %8s MB          (max over the %d runs)\n' "$rss_max" "$runs"
printf '  database        %8s bytes/article (%s MB for %d articles)\n' "$per_article" \
  "$(awk -v b="$db_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$n"
printf '  search p50      %8s ms\n' "$p50"
printf '  search p95      %8s ms          (target <= 20: %s)\n' "$p95" "$(met "$p95 <= 20")"
printf '  search max      %8s ms\n' "$pmax"
