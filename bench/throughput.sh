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
#    ("rasad tokenize --count"; bench/tok_bench.c, the same through the
#    library, when the CLI lacks --count; tok_bench's count is printed too),
#    (d) LuceneBench (warm-up run in the same JVM first, then RUNS runs).
#    Prints MB/s per run (MB = 10^6 bytes) by wall clock and by CPU time
#    (user+sys; for Lucene the analyzing thread's), the medians, and the
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

# tok_bench: the library path (normalize + tokenize, count only), built
# against the static library; it is (c) when the CLI has no --count, and
# otherwise cross-checks the CLI's token count.
cc=${CC:-cc}
"$cc" -std=c11 -O2 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
  -Wmissing-prototypes -D_POSIX_C_SOURCE=200809L -I "$root/include" \
  -o "$tmp/tok_bench" "$root/bench/tok_bench.c" \
  "$build/librasad_core.a" "$build/librasad_base.a" \
  $(pkg-config --libs libutf8proc) -ljalali -lm
if "$rasad" tokenize --help 2>&1 | grep -q -- '--count'; then
  count_cmd=("$rasad" tokenize --count "$text")
  count_name="rasad tokenize --count"
else
  count_cmd=("$tmp/tok_bench" "$text")
  count_name="tok_bench"
fi

# Sanity: one output line per input line.
out_lines=$("$rasad" normalize "$tmp/news.txt" | wc -l)
in_lines=$(wc -l <"$tmp/news.txt")
echo "throughput: rasad normalize: $in_lines lines in, $out_lines lines out"
[ "$in_lines" = "$out_lines" ] || echo "throughput: WARNING: line counts differ"

# --- timing ---------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench NAME CMD... : runs CMD $runs times (stdout to /dev/null), prints
# wall-clock and CPU (user+sys) MB/s per run and stores the medians in
# result_<NAME> and cpu_<NAME>. CPU MB/s is steadier on a busy machine.
bench() {
  local name=$1; shift
  local k wall cpu speeds=() cspeeds=()
  for ((k = 1; k <= runs; k++)); do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null
    read -r wall cpu < <(awk '{ print $1, $2 + $3 }' "$tmp/time")
    speeds+=("$(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.1f", b / 1e6 / t }')")
    cspeeds+=("$(awk -v b="$bytes" -v t="$cpu" 'BEGIN { printf "%.1f", b / 1e6 / t }')")
    printf '%-10s run %d: %6.2f s, %6s MB/s, cpu %6.2f s, %6s MB/s\n' "$name" "$k" \
      "$wall" "${speeds[-1]}" "$cpu" "${cspeeds[-1]}"
  done
  printf -v "result_$name" '%s' "$(printf '%s\n' "${speeds[@]}" | median)"
  printf -v "cpu_$name" '%s' "$(printf '%s\n' "${cspeeds[@]}" | median)"
}

bench normalize "$rasad" normalize "$text"
bench tokenize "$rasad" tokenize "$text"
echo "count (news text once): rasad tokenize --count: $("$rasad" tokenize --count "$tmp/news.txt" 2>&1 | tr '\n' ' ')"
echo "count (news text once): $("$tmp/tok_bench" "$tmp/news.txt")"
bench count "${count_cmd[@]}"

result_lucene=
if command -v javac >/dev/null && [ -f "${lucene_jars%%:*}" ] && [ -f "${lucene_jars##*:}" ]; then
  mkdir -p "$tmp/lucene"
  javac -nowarn -d "$tmp/lucene" -cp "$lucene_jars" "$root/bench/lucene/LuceneBench.java"
  java -cp "$lucene_jars:$tmp/lucene" LuceneBench "$text" "$runs" | tee "$tmp/lucene.out"
  result_lucene=$(sed -n 's/^lucene run [0-9]*: .* s, \([0-9.]*\) MB\/s, cpu .*$/\1/p' "$tmp/lucene.out" | median)
  cpu_lucene=$(sed -n 's/^lucene run [0-9]*: .*, cpu .* s, \([0-9.]*\) MB\/s$/\1/p' "$tmp/lucene.out" | median)
else
  echo "throughput: javac or liblucene4.10-java is missing: Lucene not measured"
fi

echo
echo "medians of $runs runs over $mb MB ($(date -u +%Y-%m-%d), $(nproc) cores, single-threaded rasad):"
echo "                              wall MB/s    cpu MB/s"
printf '  rasad normalize            %9s %11s\n' "$result_normalize" "$cpu_normalize"
printf '  rasad tokenize (printing)  %9s %11s\n' "$result_tokenize" "$cpu_tokenize"
printf '  rasad normalize+tokenize   %9s %11s   (%s)\n' "$result_count" "$cpu_count" "$count_name"
if [ -n "$result_lucene" ]; then
  printf '  Lucene PersianAnalyzer     %9s %11s   (cpu: analyzing thread only)\n' "$result_lucene" "$cpu_lucene"
  ratio=$(awk -v r="$result_count" -v l="$result_lucene" 'BEGIN { printf "%.2f", r / l }')
  cratio=$(awk -v r="$cpu_count" -v l="$cpu_lucene" 'BEGIN { printf "%.2f", r / l }')
  printf '  ratio rasad/Lucene         %8sx %10sx   (normalize+tokenize / Lucene; target >= 3)\n' "$ratio" "$cratio"
fi
awk -v r="$cpu_count" 'BEGIN { exit !(r >= 150) }' \
  && echo "  target >= 150 MB/s per core (cpu): met" \
  || echo "  target >= 150 MB/s per core (cpu): NOT met"
