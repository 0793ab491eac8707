#!/usr/bin/env bash
# stories.sh - stories and threads through the CLI: on the five example
# articles, the second (seventh Moscow security conference), third (the
# sixth) and fourth (a four-country meeting) are three different stories
# and all five one thread; incremental ingest, one ingest and recluster
# give the same stories; story shows a summary; filters, JSON shape, exit
# codes, --help.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"
ex="$root/examples"
files=("$ex"/00*.txt)

"$rasad" ingest --db "$tmp/all.db" "$ex" > /dev/null 2>&1
expect_eq "ingest exit" "$?" "0"
"$rasad" stories --db "$tmp/all.db" --json > "$tmp/all.json"
expect_eq "stories exit" "$?" "0"

got=$(/usr/bin/python3 - "$tmp/all.json" "$tmp/all.db" <<'PY'
import json, sqlite3, sys
stories = json.load(open(sys.argv[1], encoding='utf-8'))
db = sqlite3.connect(sys.argv[2])
# rowid -> which example file (000..004)
name = {r[0]: r[1].split('/')[-1][:3] for r in db.execute("SELECT rowid, file FROM article")}
story = {}
for s in stories:
    assert set(s) == {"id", "thread", "title", "first_seen", "last_seen", "sources", "articles"}, s.keys()
    for a in s["articles"]:
        assert a not in story, "article in two stories"
        story[name[a]] = (s["id"], s["thread"])
out = []
out.append("all five in a story" if len(story) == 5 else "missing: %s" % story)
out.append("three stories" if len({story[k][0] for k in ("001", "002", "003")}) == 3 else "merged: %s" % story)
out.append("one thread" if len({v[1] for v in story.values()}) == 1 else "threads: %s" % story)
out.append("titles" if all(s["title"] for s in stories) else "untitled")
print("|".join(out))
PY
)
expect_eq "seeds" "$got" "all five in a story|three stories|one thread|titles"

# incremental: two ingests (files 000-001, then the rest) = one ingest = recluster
"$rasad" ingest --db "$tmp/inc.db" "${files[0]}" "${files[1]}" > /dev/null 2>&1
"$rasad" ingest --db "$tmp/inc.db" "${files[2]}" "${files[3]}" "${files[4]}" > /dev/null 2>&1
"$rasad" stories --db "$tmp/inc.db" --json > "$tmp/inc.json"
"$rasad" ingest --db "$tmp/one.db" "${files[@]}" > /dev/null 2>&1
"$rasad" stories --db "$tmp/one.db" --json > "$tmp/one.json"
expect_eq "incremental = one ingest" "$(cat "$tmp/inc.json")" "$(cat "$tmp/one.json")"
"$rasad" threads --db "$tmp/inc.db" --json > "$tmp/inc.threads"
"$rasad" recluster --db "$tmp/inc.db" 2> "$tmp/re.err"
expect_eq "recluster exit" "$?" "0"
expect_match "recluster says" "$(cat "$tmp/re.err")" "5 articles"
"$rasad" stories --db "$tmp/inc.db" --json > "$tmp/re.json"
expect_eq "recluster = incremental (stories)" "$(cat "$tmp/re.json")" "$(cat "$tmp/inc.json")"
expect_eq "recluster = incremental (threads)" "$("$rasad" threads --db "$tmp/inc.db" --json)" \
  "$(cat "$tmp/inc.threads")"
# a new article after recluster goes on from the saved state
"$rasad" ingest --db "$tmp/inc.db" "${files[0]}" > /dev/null 2>&1
expect_eq "re-ingest changes nothing" "$("$rasad" stories --db "$tmp/inc.db" --json)" "$(cat "$tmp/inc.json")"

# a story: summary of 3-5 sentences, articles with their fields
first=$(/usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(max(s, key=lambda x: len(x["articles"]))["id"])' "$tmp/all.json")
"$rasad" story --db "$tmp/all.db" --json "$first" > "$tmp/story.json"
expect_eq "story exit" "$?" "0"
got=$(/usr/bin/python3 - "$tmp/story.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding='utf-8'))
ok = 3 <= len(s["summary"]) <= 5 and len(set(s["summary"])) == len(s["summary"])
keys = all(set(a) == {"rowid", "id", "title", "source", "published", "dup_of"} for a in s["articles"])
print("summary ok" if ok else "summary: %r" % s["summary"], "keys ok" if keys else "keys bad")
PY
)
expect_eq "story json" "$got" "summary ok keys ok"
expect_match "story text" "$("$rasad" story --db "$tmp/all.db" "$first")" "^story $first \\(thread [0-9]+\\)"

# a duplicate lands in its original's story
cp "${files[2]}" "$tmp/copy_of_002.txt"
"$rasad" ingest --db "$tmp/all.db" "$tmp/copy_of_002.txt" > /dev/null 2>&1
got=$(/usr/bin/python3 - "$tmp/all.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(dup, story, orig_story) = db.execute(
    "SELECT a.dup_of, a.story, o.story FROM article a JOIN article o ON o.rowid = a.dup_of "
    "WHERE a.file LIKE '%copy_of_002.txt'").fetchone()
print("same story" if story == orig_story else "apart")
PY
)
expect_eq "duplicate joins its original's story" "$got" "same story"

# filters
thread=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["thread"])' "$tmp/all.json")
expect_eq "--thread" "$("$rasad" stories --db "$tmp/one.db" --json --thread "$thread" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "4"
expect_eq "--since on undated stories" "$("$rasad" stories --db "$tmp/one.db" --json --since 2017-01-01)" "[]"
expect_eq "--source" "$("$rasad" stories --db "$tmp/one.db" --json --source nowhere)" "[]"

# errors
"$rasad" stories --db "$tmp/one.db" --since yesterday-ish > /dev/null 2>&1
expect_eq "bad date exit" "$?" "2"
"$rasad" story --db "$tmp/one.db" 424242 > /dev/null 2> "$tmp/err"
expect_eq "unknown story exit" "$?" "1"
expect_match "unknown story says" "$(cat "$tmp/err")" "no story 424242"
"$rasad" story --db "$tmp/one.db" abc > /dev/null 2>&1
expect_eq "bad id exit" "$?" "2"
"$rasad" stories --db "$tmp/nothing.db" > /dev/null 2>&1
expect_eq "missing db exit" "$?" "1"
"$rasad" threads --db "$tmp/one.db" --bogus > /dev/null 2>&1
expect_eq "unknown option exit" "$?" "2"
for c in stories story threads recluster; do
  expect_match "$c --help" "$("$rasad" $c --help)" "^usage: rasad $c"
done
done_tests
