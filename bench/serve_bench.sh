#!/usr/bin/env bash
# serve_bench.sh - rasad serve under load: wrk on the search API and on a
# story page over an archive of >= 100,000 articles, and normal requests
# while hundreds of slow clients hold half-open connections.
#
#   bench/serve_bench.sh [--rasad PATH] [--db ARCHIVE] [--runs N] [--duration S]
#                        [--connections C] [--wrk-threads T] [--threads N]
#                        [--slow N] [--query WORD] [--cache-mb N]
#                        [--min ARTICLES] [--news DIR]
#
#   --rasad PATH      the binary ($RASAD; default build/rasad)
#   --db ARCHIVE      use this archive as it is (no ingest); default: build
#                     one in a temporary folder from the news data
#   --runs N          wrk runs per endpoint, median reported (default 3)
#   --duration S      seconds of each wrk run (default 12)
#   --connections C   wrk connections (default 32)
#   --wrk-threads T   wrk threads (default 2)
#   --threads N       rasad serve's worker threads (default: its own, the
#                     number of processors)
#   --slow N          half-open connections of the slow-client test (default 300)
#   --query WORD      the search (default ایران, the commonest content word)
#   --cache-mb N      passed to rasad serve (default: its own, 64 MB of
#                     rendered answers; 0 = none: what each request costs
#                     when computed, as for searches never asked before)
#   --min N           articles at least ($RASAD_INGEST_MIN; default 100000)
#   --news DIR        the news data ($RASAD_NEWS_DIR; default ../shared/data/news)
#
# 1. The archive: bench/news_jsonl.py articles, as bench/ingest_bench.sh
#    makes it (the 7,346 articles of ../shared/data/news written 14 times
#    with distinct ids: 102,844), ingested once by `rasad ingest`.
# 2. `rasad serve --listen 127.0.0.1:0 --port-file F` on it; the story is
#    picked from /api/v1/stories: the one with the most articles among
#    those with 5 to 60 (a story page of several articles, not a giant).
# 3. wrk --latency, RUNS runs of DURATION s on each of
#      /api/v1/search?q=WORD          (JSON, 10 hits with snippets)
#      /story/ID                      (the HTML page)
#    after a 3 s warm-up; prints requests/s, p50 and p99 of every run and
#    their medians. Targets: >= 2,000 requests/s and p99 <= 50 ms.
# 4. Slow clients: bench/slow_clients.py opens SLOW connections that send a
#    request line and a header and then stall (trickling one more header
#    line every 5 s, so that the idle timeout never frees them); meanwhile
#    10 curl requests of each endpoint (their times) and one wrk run on the
#    search. Then how many slow connections the server had closed.
# Exits 0 with a message when the data or wrk is absent (wrk: apt-get
# install wrk; ./setup.sh test installs it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rasad=${RASAD:-$root/build/rasad}
news=${RASAD_NEWS_DIR:-$root/../shared/data/news}
min=${RASAD_INGEST_MIN:-100000}
runs=3 duration=12 conns=32 wthreads=2 sthreads="" slow=300 query="ایران" db="" cache_mb=""
python=/usr/bin/python3

while [ $# -gt 0 ]; do
  case $1 in
    --rasad) rasad=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --wrk-threads) wthreads=$2; shift 2 ;;
    --threads) sthreads=$2; shift 2 ;;
    --slow) slow=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --cache-mb) cache_mb=$2; shift 2 ;;
    --min) min=$2; shift 2 ;;
    --news) news=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve_bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$db" ] && [ ! -d "$news" ]; then
  echo "serve_bench: $news is absent: no news to build the archive from, nothing done."
  echo "serve_bench: (the evaluation data lives outside the repository; see bench/README.md)"
  exit 0
fi
if ! command -v wrk >/dev/null; then
  echo "serve_bench: wrk is not installed (apt-get install wrk; ./setup.sh test installs it): nothing done."
  exit 0
fi
command -v curl >/dev/null || { echo "serve_bench: curl is missing (apt-get install curl)" >&2; exit 1; }
if [ ! -x "$rasad" ] || ! "$rasad" serve --help >/dev/null 2>&1; then
  echo "rasad serve: not available at $rasad (build it or pass --rasad / \$RASAD)"
  exit 0
fi

tmp=$(mktemp -d /tmp/rasad-serve-bench.XXXXXX)
server=""
slowpid=""
cleanup() {
  [ -z "$slowpid" ] || kill "$slowpid" 2>/dev/null || true
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# --- the archive ------------------------------------------------------------
if [ -z "$db" ]; then
  "$python" "$root/bench/news_jsonl.py" articles "$news" --min "$min" >"$tmp/articles.jsonl"
  db=$tmp/x.db
  t0=$(date +%s%N)
  "$rasad" ingest --db "$db" "$tmp/articles.jsonl" >"$tmp/ingest.out" 2>&1 ||
    { echo "serve_bench: rasad ingest failed:"; tail -5 "$tmp/ingest.out"; exit 1; }
  t1=$(date +%s%N)
  rm -f "$tmp/articles.jsonl"
  echo "serve_bench: ingested in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s: $(tail -1 "$tmp/ingest.out")"
fi
db_mb=$(for f in "$db" "$db"-wal; do [ ! -f "$f" ] || stat -c %s "$f"; done | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')

# --- the server -------------------------------------------------------------
args=(serve --db "$db" --listen 127.0.0.1:0 --port-file "$tmp/port")
[ -z "$sthreads" ] || args+=(--threads "$sthreads")
[ -z "$cache_mb" ] || args+=(--cache-mb "$cache_mb")
t0=$(date +%s%N)
"$rasad" "${args[@]}" 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 1 6000); do                       # stories are settled first: up to 10 min
  [ -s "$tmp/port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "serve_bench: rasad serve exited:"; cat "$tmp/serve.err"; exit 1; }
  sleep 0.1
done
[ -s "$tmp/port" ] || { echo "serve_bench: rasad serve did not start"; exit 1; }
t1=$(date +%s%N)
port=$(cat "$tmp/port")
base=http://127.0.0.1:$port
health=$(curl -sf "$base/api/v1/health")
articles=$(printf '%s' "$health" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
echo "serve_bench: rasad serve on $base, archive $db ($articles articles, $db_mb MB), ready in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"

qenc=$("$python" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
search_path="/api/v1/search?q=$qenc"
story=$(curl -sf "$base/api/v1/stories?limit=200" | "$python" -c '
import json, sys
d = json.load(sys.stdin)
items = d.get("stories", d) if isinstance(d, dict) else d
def n(s):
    a = s.get("articles", 0)
    return len(a) if isinstance(a, list) else int(a)
ok = [s for s in items if 5 <= n(s) <= 60]
pick = max(ok or items, key=n)
print(pick["id"], n(pick))')
read -r story_id story_n <<<"$story"
story_path="/story/$story_id"
total=$(curl -sf "$base$search_path&limit=1" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["total"])')
printf 'serve_bench: search %s (%s: %s hits), story %s (%s articles, %s bytes of HTML)\n' \
  "$search_path" "$query" "$total" "$story_path" "$story_n" "$(curl -sf "$base$story_path" | wc -c)"

# wrk_run PATH SECONDS: one run; sets rps, p50, p99 (ms) and errs.
to_ms() { awk '{ v = $1; u = v; sub(/^[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                 f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1;
                 printf "%.2f\n", v * f }'; }
wrk_run() {
  wrk -t"$wthreads" -c"$conns" -d"$2"s --latency "$base$1" >"$tmp/wrk.out" 2>&1 || true
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$tmp/wrk.out")
  p50=$(awk '$1 == "50%" { print $2 }' "$tmp/wrk.out" | to_ms)
  p99=$(awk '$1 == "99%" { print $2 }' "$tmp/wrk.out" | to_ms)
  errs=$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }' "$tmp/wrk.out")
  [ -n "$rps" ] || { echo "serve_bench: wrk said:"; cat "$tmp/wrk.out"; exit 1; }
}

declare -A med_rps med_p50 med_p99
echo
echo "serve_bench: wrk -t$wthreads -c$conns -d${duration}s --latency, $runs runs each ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for name in search story; do
  [ "$name" = search ] && path=$search_path || path=$story_path
  wrk_run "$path" 3 >/dev/null                         # warm-up
  r_all=() p50_all=() p99_all=()
  for ((k = 1; k <= runs; k++)); do
    wrk_run "$path" "$duration"
    printf '  %-7s run %d  %7s requests/s  p50 %7s ms  p99 %7s ms  %s\n' "$name" "$k" "$rps" "$p50" "$p99" "$errs"
    r_all+=("$rps") p50_all+=("$p50") p99_all+=("$p99")
  done
  med_rps[$name]=$(printf '%s\n' "${r_all[@]}" | median)
  med_p50[$name]=$(printf '%s\n' "${p50_all[@]}" | median)
  med_p99[$name]=$(printf '%s\n' "${p99_all[@]}" | median)
done

# --- slow clients -----------------------------------------------------------
echo
hold=$((duration + 20))
echo "serve_bench: slow clients: $slow half-open connections held ${hold} s (a header line trickled every 5 s)"
"$python" "$root/bench/slow_clients.py" --port "$port" --n "$slow" --hold "$hold" --trickle 5 >"$tmp/slow.out" 2>&1 &
slowpid=$!
for _ in $(seq 1 300); do grep -q ' open ' "$tmp/slow.out" && break; sleep 0.1; done
sed -n 1p "$tmp/slow.out" | sed 's/^/  /'
curl_times() {
  local path=$1 t codes="" times=()
  for _ in $(seq 1 10); do
    t=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' "$base$path" || echo "000 10")
    codes+="${t%% *} "
    times+=("$(awk -v s="${t##* }" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  printf '  curl %-40s status %s  median %s ms, max %s ms\n' "$path" "$(printf '%s\n' $codes | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')" \
    "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -g | tail -1)"
}
curl_times "$search_path"
curl_times "$story_path"
wrk_run "$search_path" "$duration"
slow_rps=$rps slow_p50=$p50 slow_p99=$p99
printf '  wrk search under slow clients  %7s requests/s  p50 %7s ms  p99 %7s ms  %s\n' "$rps" "$p50" "$p99" "$errs"
wait "$slowpid" || true
slowpid=""
sed -n 2p "$tmp/slow.out" | sed 's/^/  /'

# --- stop ---------------------------------------------------------------------
kill -TERM "$server"
rc=0
wait "$server" || rc=$?
server=""
echo "  rasad serve exited $rc on SIGTERM"

met() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }
echo
echo "serve_bench ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $articles articles, $db_mb MB archive, cache ${cache_mb:-default}):"
for name in search story; do
  printf '  %-7s %8s requests/s (target >= 2,000: %s)  p50 %6s ms  p99 %6s ms (target <= 50: %s)  median of %d\n' \
    "$name" "${med_rps[$name]}" "$(met "${med_rps[$name]} >= 2000")" "${med_p50[$name]}" \
    "${med_p99[$name]}" "$(met "${med_p99[$name]} <= 50")" "$runs"
done
printf '  search with %d slow clients: %s requests/s, p50 %s ms, p99 %s ms\n' "$slow" "$slow_rps" "$slow_p50" "$slow_p99"
