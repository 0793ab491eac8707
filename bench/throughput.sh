#!/usr/bin/env bash
# throughput.sh - rasad's normalize + tokenize speed beside Lucene's
# PersianAnalyzer, on all the article text in ../shared/data/news.
#
#   bench/throughput.sh [RUNS]        (default 5 runs; median reported)
#
# 1. bench/news_text.py extracts the text (one paragraph a line) into a
#    temporary file, repeated until it holds >= 50 MB ($RASAD_BENCH_MB).
# 2. Builds rasad in build-bench/ ($RASAD_BENCH_BUILD), bench/tok_bench.c
#    against its static library, bench/lucene/LuceneBench.java with javac
#    against Debian's liblucene4.10-java.
# 3. Times, RUNS times each: (a) rasad normalize FILE >/dev/null,
#    (b) rasad tokenize FILE >/dev/null (one token a line),
#    (c) normalize + tokenize counting tokens, nothing printed
#    ("rasad tokenize --count" when the CLI has it, else tok_bench),
#    (d) LuceneBench (warm-up run in the same JVM first, then RUNS runs).
#    Prints MB/s per run (MB = 10^6 bytes, wall clock), the medians, and the
#    ratio (c)/(d). rasad is single-threaded: its MB/s is per core.
# Exits 0 with a message when ../shared/data is absent (a fresh clone).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
news=${RASAD_NEWS_DIR:-$root/../shared/data/news}
build=${RASAD_BENCH_BUILD:-$root/build-bench}
min_mb=${RASAD_BENCH_MB:-50}
runs=${1:-5}
python=/usr/bin/python3
lucene_jars=/usr/share/java/lucene-core-4.10.4.jar:/usr/share/java/lucene-analyzers-common-4.10.4.jar

if [ ! -d "$news" ]; then
  echo "throughput: $news is absent: no news text to measure, nothing done."
  echo "throughput: (the evaluation data lives outside the repository; see bench/README.md)"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- text -----------------------------------------------------------------
"$python" "$root/bench/news_text.py" "$news" >"$tmp/news.txt"
text=$tmp/bench.txt
: >"$text"
while [ "$(stat -c %s "$text")" -lt $((min_mb * 1000000)) ]; do
  cat "$tmp/news.txt" >>"$text"
done
bytes=$(stat -c %s "$text")
lines=$(wc -l <"$text")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "throughput: $mb MB, $lines lines (news text repeated $((bytes / $(stat -c %s "$tmp/news.txt"))) times)"

# --- build ----------------------------------------------------------------
echo "throughput: building rasad in $build"
cmake -S "$root" -B "$build" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
cmake --build "$build" -j 2 --target rasad rasad_core >>"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
rasad=$build/rasad

count_cmd=()
if "$rasad" tokenize --help 2>&1 | grep -q -- '--count'; then
  count_cmd=("$rasad" tokenize --count "$text")
  count_name="rasad tokenize --count"
else
  cc=${CC:-cc}
  "$cc" -std=c11 -O2 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
    -Wmissing-prototypes -D_POSIX_C_SOURCE=200809L -I "$root/include" \
    -o "$tmp/tok_bench" "$root/bench/tok_bench.c" \
    "$build/librasad_core.a" "$build/librasad_base.a" \
    $(pkg-config --libs libutf8proc) -lm
  count_cmd=("$tmp/tok_bench" "$text")
  count_name="tok_bench (normalize+tokenize, count only)"
fi

# Sanity: one output line per input line.
out_lines=$("$rasad" normalize "$tmp/news.txt" | wc -l)
in_lines=$(wc -l <"$tmp/news.txt")
echo "throughput: rasad normalize: $in_lines lines in, $out_lines lines out"
[ "$in_lines" = "$out_lines" ] || echo "throughput: WARNING: line counts differ"

# --- timing ---------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench NAME CMD... : runs CMD $runs times (stdout to /dev/null), prints
# MB/s per run and stores the median in result_<NAME>.
bench() {
  local name=$1; shift
  local k t0 t1 speeds=()
  for ((k = 1; k <= runs; k++)); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null
    t1=$EPOCHREALTIME
    speeds+=("$(awk -v b="$bytes" -v a="$t0" -v z="$t1" 'BEGIN { printf "%.1f", b / 1e6 / (z - a) }')")
    printf '%-10s run %d: %6.3f s, %s MB/s\n' "$name" "$k" \
      "$(awk -v a="$t0" -v z="$t1" 'BEGIN { print z - a }')" "${speeds[-1]}"
  done
  printf -v "result_$name" '%s' "$(printf '%s\n' "${speeds[@]}" | median)"
}

bench normalize "$rasad" normalize "$text"
bench tokenize "$rasad" tokenize "$text"
echo "count: ${count_name}: $("${count_cmd[@]}" | tail -1)"
bench count "${count_cmd[@]}"

result_lucene=
if command -v javac >/dev/null && [ -f "${lucene_jars%%:*}" ] && [ -f "${lucene_jars##*:}" ]; then
  mkdir -p "$tmp/lucene"
  javac -nowarn -d "$tmp/lucene" -cp "$lucene_jars" "$root/bench/lucene/LuceneBench.java"
  java -cp "$lucene_jars:$tmp/lucene" LuceneBench "$text" "$runs" | tee "$tmp/lucene.out"
  result_lucene=$(sed -n 's/^lucene run [0-9]*: .*, \([0-9.]*\) MB\/s$/\1/p' "$tmp/lucene.out" | median)
else
  echo "throughput: javac or liblucene4.10-java is missing: Lucene not measured"
fi

echo
echo "medians of $runs runs over $mb MB ($(date -u +%Y-%m-%d), $(nproc) cores, single-threaded rasad):"
printf '  rasad normalize            %8s MB/s\n' "$result_normalize"
printf '  rasad tokenize (printing)  %8s MB/s\n' "$result_tokenize"
printf '  rasad normalize+tokenize   %8s MB/s   (%s)\n' "$result_count" "$count_name"
if [ -n "$result_lucene" ]; then
  printf '  Lucene PersianAnalyzer     %8s MB/s\n' "$result_lucene"
  ratio=$(awk -v r="$result_count" -v l="$result_lucene" 'BEGIN { printf "%.2f", r / l }')
  printf '  ratio rasad/Lucene         %8s x     (normalize+tokenize / Lucene; target >= 3)\n' "$ratio"
fi
awk -v r="$result_count" 'BEGIN { exit !(r >= 150) }' \
  && echo "  target >= 150 MB/s per core: met" \
  || echo "  target >= 150 MB/s per core: NOT met"
