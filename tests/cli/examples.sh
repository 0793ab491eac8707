#!/usr/bin/env bash
# examples.sh - on the sample articles: normalizing twice changes nothing,
# line counts are kept, and every token's span in the file is real text.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"

for f in "$root"/examples/*.txt; do
    name=$(basename "$f")
    "$rasad" normalize "$f" > "$tmp/once"
    "$rasad" normalize "$tmp/once" > "$tmp/twice"
    if cmp -s "$tmp/once" "$tmp/twice"; then ok; else bad "$name: not idempotent"; diff "$tmp/once" "$tmp/twice" | head -4; fi
    expect_eq "$name lines" "$(wc -l <"$tmp/once")" "$(wc -l <"$f")"
    "$rasad" tokenize --json "$f" > "$tmp/tok.json"
    spans=$(/usr/bin/python3 - "$f" "$tmp/tok.json" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
bad = 0
last = 0
for line in open(sys.argv[2], encoding='utf-8'):
    t = json.loads(line)
    span = raw[t['start']:t['end']]
    # in bounds, in order, valid UTF-8, not starting or ending with a space
    if not (0 <= t['start'] < t['end'] <= len(raw)) or t['start'] < last:
        bad += 1
    try:
        s = span.decode('utf-8')
        if s != s.strip():
            bad += 1
    except UnicodeDecodeError:
        bad += 1
    last = t['start']
print(bad)
PY
)
    expect_eq "$name spans" "$spans" "0"
done
done_tests
