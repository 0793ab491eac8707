#!/usr/bin/env bash
# dedup.sh - the contract of `rasad dedup`: mark and drop output, dup_of
# and jaccard, malformed lines passed through with FILE:LINE warnings,
# --field, --threshold, gzip input, exit codes, --help.
rasad=$1
. "$(dirname "$0")/lib.inc"

long="سازمان هواشناسی از بارش باران و برف در استان‌های شمالی و غربی از فردا خبر داد و گفت این سامانه تا پایان هفته در بیشتر مناطق کشور فعال خواهد بود و دمای هوا تا پنج درجه کاهش می‌یابد"
{
  printf '{"id":"a1","text":"%s"}\n' "$long"
  printf '{"id":"a2","text":"%s"}\n' "$(printf '%s' "$long" | sed 's/استان‌های/استانهای/; s/می‌یابد/مي‌يابد/')"
  printf 'not json at all\n'
  printf '{"id":"a3","title":"no text"}\n'
  printf '{"id":7,"text":"خبر فوری: %s امروز"}\n' "$long"
  printf '{"text":"تیم ملی فوتبال در دیدار دوستانه با دو گل پیروز شد"}\n'
  printf '{"text":"تیم ملی فوتبال در دیدار دوستانه با دو گل پیروز شد"}\n'
  printf '[1,2]\n'
} > "$tmp/in.jsonl"

"$rasad" dedup --quiet "$tmp/in.jsonl" > "$tmp/mark.jsonl" 2> "$tmp/mark.err"
expect_eq "mark exit" "$?" "0"
expect_eq "mark keeps every line" "$(wc -l < "$tmp/mark.jsonl")" "8"
expect_eq "malformed lines unchanged" "$(sed -n '3p;4p;8p' "$tmp/mark.jsonl" | tr '\n' '|')" \
  'not json at all|{"id":"a3","title":"no text"}|[1,2]|'
expect_eq "canonical unchanged" "$(sed -n 1p "$tmp/mark.jsonl")" "$(sed -n 1p "$tmp/in.jsonl")"
got=$(/usr/bin/python3 - "$tmp/mark.jsonl" <<'PY'
import json, sys
out = []
for i, l in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    try:
        o = json.loads(l)
    except ValueError:
        out.append('-')
        continue
    if not isinstance(o, dict) or 'dup_of' not in o:
        out.append('.')
    else:
        out.append('%s@%s' % (o['dup_of'], 'exact' if o['jaccard'] == 1 else 'near' if o['jaccard'] >= 0.8 else 'low'))
print(' '.join(out))
PY
)
expect_eq "dup_of and jaccard" "$got" ". a1@exact - . a1@near . 6@exact ."
expect_match "warning not json" "$(cat "$tmp/mark.err")" "in.jsonl:3: invalid JSON"
expect_match "warning no text" "$(cat "$tmp/mark.err")" "in.jsonl:4: no string field 'text'"
expect_match "warning array" "$(cat "$tmp/mark.err")" "in.jsonl:8: not a JSON object"

"$rasad" dedup --quiet --mode drop "$tmp/in.jsonl" > "$tmp/drop.jsonl" 2>/dev/null
expect_eq "drop exit" "$?" "0"
expect_eq "drop keeps non-duplicates and malformed lines" "$(wc -l < "$tmp/drop.jsonl")" "5"
expect_eq "drop has no dup_of" "$(grep -c dup_of "$tmp/drop.jsonl")" "0"

# --threshold 1: only identical shingle sets (the new lead is no longer a dup)
expect_eq "threshold 1" "$("$rasad" dedup --quiet --threshold 1 "$tmp/in.jsonl" 2>/dev/null | grep -c dup_of)" "2"
# --field, stdin, gzip, the closing statistics
sed 's/"text"/"body"/' "$tmp/in.jsonl" | gzip > "$tmp/in.jsonl.gz"
expect_eq "field + gzip" "$("$rasad" dedup --field body "$tmp/in.jsonl.gz" 2>/dev/null | grep -c dup_of)" "3"
err=$("$rasad" dedup < "$tmp/in.jsonl" 2>&1 >/dev/null | tail -1)
expect_match "stats" "$err" "8 lines, 2 exact duplicates, 1 near duplicates, 2 kept, 3 passed through"
js=$("$rasad" dedup --json-stats < "$tmp/in.jsonl" 2>&1 >/dev/null | tail -1)
expect_eq "json stats" "$(printf '%s' "$js" | /usr/bin/python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["lines"], o["exact"], o["near"], o["kept"], o["passed_through"])')" "8 2 1 2 3"
# same output every run
"$rasad" dedup --quiet "$tmp/in.jsonl" > "$tmp/mark2.jsonl" 2>/dev/null
expect_eq "deterministic" "$(cmp -s "$tmp/mark.jsonl" "$tmp/mark2.jsonl"; echo $?)" "0"
# shingle dump
expect_match "dump" "$("$rasad" dedup --dump-shingles "$tmp/in.jsonl" 2>/dev/null | head -1)" '^\{"line":1,"id":"a1","fp":"[0-9a-f]{16}","shingles":\["[0-9a-f]{16}"'
# marking marked output again: the keys are replaced, never written twice
again=$("$rasad" dedup --quiet "$tmp/in.jsonl" 2>/dev/null | "$rasad" dedup --quiet 2>"$tmp/again.err")
expect_match "standard input named in warnings" "$(cat "$tmp/again.err")" '^<stdin>:3: invalid JSON' 
expect_eq "re-marking keeps one dup_of per line" "$(printf '%s\n' "$again" | grep -c '"dup_of".*"dup_of"')" "0"
expect_eq "re-marking marks the same lines" "$(printf '%s\n' "$again" | grep -c '"dup_of"')" \
    "$("$rasad" dedup --quiet "$tmp/in.jsonl" 2>/dev/null | grep -c '"dup_of"')"
# exit codes
"$rasad" dedup --quiet "$tmp/missing.jsonl" "$tmp/in.jsonl" > "$tmp/m.out" 2>/dev/null
expect_eq "missing file" "$?" "1"
expect_eq "missing file: the rest still read" "$(wc -l < "$tmp/m.out")" "8"
"$rasad" dedup --mode bogus </dev/null >/dev/null 2>&1; expect_eq "bad mode" "$?" "2"
"$rasad" dedup --threshold 1.5 </dev/null >/dev/null 2>&1; expect_eq "bad threshold" "$?" "2"
"$rasad" dedup --bogus </dev/null >/dev/null 2>&1; expect_eq "unknown option" "$?" "2"
"$rasad" dedup --field </dev/null >/dev/null 2>&1; expect_eq "missing value" "$?" "2"
expect_match "help" "$("$rasad" dedup --help)" "--mode mark"
expect_match "listed" "$("$rasad" --help)" "dedup"
done_tests
