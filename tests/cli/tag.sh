#!/usr/bin/env bash
# tag.sh - the contract of `rasad tag --conll` (held-back data is scored
# through it): one output line per input line, token<TAB>TAG, blank lines
# kept, bad bytes survive; and running text with byte offsets, --json,
# model errors.
rasad=$1
. "$(dirname "$0")/lib.inc"
tagre=$'^[^\t]*\t(O|[BI]-(PER|LOC|ORG|DAT|TIM|MON|PCT))$'

# the contract: lines, blank lines, tokens echoed, tags well formed
printf 'سردار\nحسین\nدهقان\nبا\nشویگو\nدر\nمسکو\nدیدار\nکرد\n.\n\n\nوزارت\tB-ORG\tx\nخارجه\r\n\n-DOCSTART- -X- O O\nبد\xff\xfeتوکن\n\n   \nتهران' > "$tmp/in.conll"
"$rasad" tag --conll "$tmp/in.conll" > "$tmp/out" 2> "$tmp/err"
expect_eq "exit" "$?" "0"
in_lines=$(( $(wc -l < "$tmp/in.conll") + 1 ))   # the last line has no newline
expect_eq "line count" "$(wc -l < "$tmp/out")" "$in_lines"
expect_eq "blank lines kept" "$(grep -an '^$' "$tmp/out" | cut -d: -f1 | tr '\n' ' ')" "11 12 15 18 19 "
expect_eq "tokens echoed" "$(cut -f1 "$tmp/out" | sed -n '1p;13p;14p;20p')" "$(printf 'سردار\nوزارت\nخارجه\nتهران')"
expect_eq "docstart kept" "$(sed -n 16p "$tmp/out")" "-DOCSTART- -X- O O"
bad=$(grep -av '^$' "$tmp/out" | grep -av '^-DOCSTART-' | LC_ALL=C grep -acvE "$tagre")
expect_eq "every token line is token<TAB>TAG" "$bad" "0"
expect_eq "bad bytes echoed" "$(sed -n 17p "$tmp/out" | cut -f1 | tr -d '\n' | od -An -tx1 | tr -d ' \n')" \
          "$(printf 'بد\xff\xfeتوکن' | od -An -tx1 | tr -d ' \n')"
expect_match "bad UTF-8 reported" "$(cat "$tmp/err")" "in.conll:17: invalid UTF-8"
expect_eq "person" "$(sed -n '2p;3p' "$tmp/out" | cut -f2 | tr '\n' ' ')" "B-PER I-PER "
expect_eq "place" "$(sed -n 7p "$tmp/out" | cut -f2)" "B-LOC"

# a document longer than the look-ahead (a sentence's lines come out 20
# sentences later): every line in its place, blank runs and -DOCSTART- kept
/usr/bin/python3 - "$tmp/doc.conll" <<'PY'
import sys
words = ["سردار", "حسین", "دهقان", "در", "تهران", "گفت", "."]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for k in range(57):
        if k == 30:
            f.write("-DOCSTART- -X- O O\n\n")
        f.write("".join(w + "\n" for w in words[: 2 + k % 6]))
        f.write("\n" * (1 + (k % 7 == 3)))
PY
"$rasad" tag --conll "$tmp/doc.conll" > "$tmp/doc.out"
expect_eq "document exit" "$?" "0"
expect_eq "document lines" "$(cut -f1 "$tmp/doc.out" | md5sum)" "$(md5sum < "$tmp/doc.conll")"
expect_eq "document tags" "$(grep -av '^$' "$tmp/doc.out" | grep -av '^-DOCSTART-' | LC_ALL=C grep -acvE "$tagre")" "0"
expect_eq "document stdin" "$("$rasad" tag --conll < "$tmp/doc.conll" | md5sum)" "$(md5sum < "$tmp/doc.out")"

# standard input, same output
expect_eq "stdin" "$("$rasad" tag --conll < "$tmp/in.conll" 2>/dev/null | md5sum)" "$(md5sum < "$tmp/out")"

# binary input and a huge line: no crash, one line out per line in
head -c 200000 "$rasad" > "$tmp/bin"
"$rasad" tag --conll "$tmp/bin" > "$tmp/bin.out" 2> "$tmp/bin.err"
expect_eq "binary exit" "$?" "0"
lines=$(LC_ALL=C awk 'END { print NR }' "$tmp/bin")
expect_eq "binary line count" "$(LC_ALL=C awk 'END { print NR }' "$tmp/bin.out")" "$lines"
expect_match "binary reported" "$(head -1 "$tmp/bin.err")" "bin:[0-9]+: "
head -c 3000000 /dev/zero | tr '\0' 'x' > "$tmp/huge"
printf '\nتهران\n' >> "$tmp/huge"
expect_eq "huge line" "$("$rasad" tag --conll "$tmp/huge" | wc -l)" "2"

# a sentence longer than the tagger's piece is still one line per token
seq 1 3000 | sed 's/^/کلمه/' > "$tmp/long"
expect_eq "long sentence" "$("$rasad" tag --conll "$tmp/long" | wc -l)" "3000"

# running text: entities with byte offsets into the file
printf 'خبر اول\nسردار حسین دهقان با سرگئی شویگو در مسکو دیدار کرد.\n' > "$tmp/t.txt"
"$rasad" tag "$tmp/t.txt" > "$tmp/t.out"
expect_match "text entities" "$(cat "$tmp/t.out")" $'t.txt:2\t[0-9]+\t[0-9]+\tLOC\tمسکو'
check=$("$rasad" tag --json "$tmp/t.txt" | /usr/bin/python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
ok = all(raw[e["start"]:e["end"]].decode() == e["text"] for e in map(json.loads, sys.stdin))
print("ok" if ok else "bad")' "$tmp/t.txt")
expect_eq "json offsets" "$check" "ok"

# model errors, usage
"$rasad" tag --model "$tmp/none.model" < /dev/null > /dev/null 2> "$tmp/err"
expect_eq "missing model exit" "$?" "1"
expect_match "missing model message" "$(cat "$tmp/err")" "cannot load the model .*not found"
head -c 1000 "$(dirname "$rasad")/ner.model" > "$tmp/cut.model"
"$rasad" tag --conll --model "$tmp/cut.model" < "$tmp/in.conll" > /dev/null 2> "$tmp/err"
expect_eq "damaged model exit" "$?" "1"
expect_match "damaged model message" "$(cat "$tmp/err")" "malformed input"
"$rasad" tag --bogus < /dev/null > /dev/null 2>&1
expect_eq "usage" "$?" "2"
expect_match "help" "$("$rasad" tag --help)" "--conll"
done_tests
