#!/usr/bin/env bash
# check_generated.sh - fails when a committed generated file is out of date.
#
# Re-runs every generator whose output is committed into a temporary
# directory and compares the result with the file in the tree; prints a
# unified diff and exits 1 for each one that differs. Run from anywhere:
#   tools/check_generated.sh
# To add a generator: add one line to GENERATED below, "generator output"
# (paths from the repository root). The generator is run as
#   <interpreter> <generator> <temporary output file>
# where the interpreter is chosen by the generator's extension (.py, .sh).
set -euo pipefail

GENERATED=(
  "tools/gen_norm_tables.py src/core/text/norm_tables.c"
  "tools/learn_zwnj_news.py models/zwnj_news.tsv"
)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python=/usr/bin/python3
[ -x "$python" ] || python=python3

failed=0
checked=0
for entry in "${GENERATED[@]}"; do
  read -r gen out <<<"$entry"
  if [ ! -f "$gen" ]; then
    echo "check_generated: FAIL $out: generator $gen is missing"
    failed=$((failed + 1))
    continue
  fi
  case "$gen" in
    *.py) run=("$python" "$gen") ;;
    *.sh) run=(bash "$gen") ;;
    *)    run=("./$gen") ;;
  esac
  fresh="$tmp/$(basename "$out")"
  if ! "${run[@]}" "$fresh" >"$tmp/log" 2>&1; then
    echo "check_generated: FAIL $out: $gen exited with an error:"
    sed 's/^/  /' "$tmp/log"
    failed=$((failed + 1))
    continue
  fi
  if [ ! -f "$out" ]; then
    echo "check_generated: FAIL $out is not in the tree (run: $gen $out)"
    failed=$((failed + 1))
  elif ! diff -u --label "$out (committed)" --label "$out (from $gen)" "$out" "$fresh"; then
    echo "check_generated: FAIL $out differs from what $gen writes now (run: $gen $out)"
    failed=$((failed + 1))
  else
    echo "check_generated: ok $out"
    checked=$((checked + 1))
  fi
done

echo "$checked passed, $failed failed"
[ "$failed" -eq 0 ]
