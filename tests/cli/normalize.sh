#!/usr/bin/env bash
# normalize.sh - the contract of `rasad normalize`: one line out per line in,
# flags, --stats, errors named by file and line, exit codes.
rasad=$1
. "$(dirname "$0")/lib.inc"

# one output line per input line, empty lines and a missing final newline kept
printf 'كتاب\n\n   \nمي رود\nپایان' > "$tmp/a.txt"
out=$("$rasad" normalize "$tmp/a.txt"; echo "rc=$?")
expect_eq "lines kept" "$(printf '%s' "$out" | wc -l)" "4"
expect_eq "content" "$out" "$(printf 'کتاب\n\n\nمی\u200cرود\nپایانrc=0')"

# stdin and '-' work alike
expect_eq "stdin" "$(printf 'علي' | "$rasad" normalize)" "علی"
expect_eq "dash" "$(printf 'علي' | "$rasad" normalize -)" "علی"

# flags switch rules off
expect_eq "keep digits" "$(echo 'سال 1402' | "$rasad" normalize --keep-digits)" "سال 1402"
expect_eq "ascii digits" "$(echo 'سال ۱۴۰۲' | "$rasad" normalize --ascii-digits)" "سال 1402"
expect_eq "no zwnj" "$(echo 'می رود' | "$rasad" normalize --no-zwnj)" "می رود"
expect_eq "fold" "$(echo 'تأثیر' | "$rasad" normalize --fold)" "تاثیر"

# invalid UTF-8: replaced, reported with file and line, still exit 0
printf 'خوب\n\xff\xfeبد\n' > "$tmp/bad.txt"
out=$("$rasad" normalize "$tmp/bad.txt" 2>"$tmp/err"); rc=$?
expect_eq "invalid rc" "$rc" "0"
expect_eq "invalid out" "$out" "$(printf 'خوب\n\xef\xbf\xbd\xef\xbf\xbdبد')"
expect_match "invalid reported" "$(cat "$tmp/err")" "bad.txt:2: invalid UTF-8 \(2 sequences"

# --stats counts
"$rasad" normalize --stats "$tmp/a.txt" >/dev/null 2>"$tmp/stats"
expect_match "stats lines" "$(cat "$tmp/stats")" "^lines 5"
expect_match "stats zwnj" "$(cat "$tmp/stats")" "zwnj_inserted 1"

# a missing file is named, the others are still read, exit 1
out=$("$rasad" normalize "$tmp/none.txt" "$tmp/a.txt" 2>"$tmp/err"); rc=$?
expect_eq "missing rc" "$rc" "1"
expect_match "missing named" "$(cat "$tmp/err")" "cannot open '.*none.txt'"
expect_match "others read" "$out" "پایان"

# usage errors exit 2 with one line; --help tells the flags
"$rasad" normalize --frobnicate </dev/null >/dev/null 2>"$tmp/err"; rc=$?
expect_eq "usage rc" "$rc" "2"
expect_eq "usage one line" "$(wc -l <"$tmp/err")" "1"
expect_match "help" "$("$rasad" normalize --help)" "--keep-digits"
expect_match "top help" "$("$rasad" --help)" "normalize"
expect_match "version" "$("$rasad" --version)" "^rasad [0-9]"
"$rasad" frobnicate >/dev/null 2>&1; expect_eq "unknown command" "$?" "2"
"$rasad" >/dev/null 2>&1; expect_eq "no command" "$?" "2"

# binary input does not crash and keeps the line count
head -c 20000 /dev/urandom > "$tmp/bin"
lines_in=$(tr -cd '\n' <"$tmp/bin" | wc -c)
"$rasad" normalize "$tmp/bin" >"$tmp/binout" 2>/dev/null; rc=$?
expect_eq "binary rc" "$rc" "0"
expect_eq "binary lines" "$(tr -cd '\n' <"$tmp/binout" | wc -c)" "$lines_in"

done_tests
