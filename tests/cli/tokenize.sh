#!/usr/bin/env bash
# tokenize.sh - the contract of `rasad tokenize`: tokens, JSON with offsets
# into the input file, sentence numbers, --count.
rasad=$1
. "$(dirname "$0")/lib.inc"

printf 'كتاب ها را خواندم. سال ۱۴۰۲ بود!\nدوم' > "$tmp/t.txt"
expect_eq "plain" "$("$rasad" tokenize "$tmp/t.txt" | tr '\n' ' ')" "$(printf 'کتاب\u200cها را خواندم سال 1402 بود دوم ')"

"$rasad" tokenize --json "$tmp/t.txt" > "$tmp/t.json"
expect_eq "json lines" "$(wc -l <"$tmp/t.json")" "7"
check=$(/usr/bin/python3 - "$tmp/t.txt" "$tmp/t.json" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
toks = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
spans = [raw[t['start']:t['end']].decode('utf-8') for t in toks]
print('|'.join(spans))
print(' '.join(str(t['sentence']) for t in toks))
print(' '.join(t['kind'] for t in toks))
PY
)
expect_eq "json spans" "$(echo "$check" | sed -n 1p)" "كتاب ها|را|خواندم|سال|۱۴۰۲|بود|دوم"
expect_eq "json sentences" "$(echo "$check" | sed -n 2p)" "0 0 0 1 1 1 2"
expect_eq "json kinds" "$(echo "$check" | sed -n 3p)" "word word word word number word word"

expect_eq "count" "$("$rasad" tokenize --count "$tmp/t.txt" | tr '\n' ' ')" "lines 2 tokens 7 "
"$rasad" tokenize --bogus </dev/null >/dev/null 2>&1; expect_eq "usage" "$?" "2"
expect_match "help" "$("$rasad" tokenize --help)" "--json"
done_tests
