#!/usr/bin/env bash
# extension.sh - rasad's tokenizer as a loadable SQLite extension, used from
# the sqlite3 program: spelling variants match, highlights show the bytes
# stored, and the store's ranking works on a table made by hand.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"
ext=$(dirname "$rasad")/rasad_fts5
if ! command -v sqlite3 >/dev/null; then
    echo "sqlite3 is not installed (./setup.sh test installs it)"
    bad "no sqlite3 program to load the extension into"
    done_tests
    exit 1
fi
# In a sanitizer build the extension needs the sanitizer runtimes loaded
# first into the (uninstrumented) sqlite3 program.
preload=$(ldd "$rasad" 2>/dev/null | awk '/lib(asan|ubsan)\.so/ { print $3 }' | paste -sd: -)
if [ -n "$preload" ]; then
    export LD_PRELOAD=$preload
    export ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0
fi
out=$(sqlite3 :memory: <<SQL
.load $ext
CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'rasad');
INSERT INTO t VALUES('كتابها را مي خوانم');
INSERT INTO t VALUES('کتاب ها را می خوانم');
INSERT INTO t VALUES('روزنامه را می‌خوانم');
SELECT group_concat(rowid, ' ') FROM t WHERE t MATCH '"کتاب‌ها"';
SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '"میخوانم"' ORDER BY rowid;
SQL
)
expect_eq "variants match, highlights map back" "$out" "1 2
كتابها را [مي خوانم]
کتاب ها را [می خوانم]
روزنامه را [می‌خوانم]"
err=$(sqlite3 :memory: ".load $ext" "CREATE VIRTUAL TABLE x USING fts5(b, tokenize='rasad bogus');" 2>&1)
expect_match "bad tokenizer argument refused" "$err" "Error|error"
done_tests
