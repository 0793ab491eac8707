#!/usr/bin/env bash
# ingest_crash.sh - ingest killed with SIGKILL at 20 random moments, then
# resumed: every article present exactly once, nothing rejected, the
# database and its full-text index consistent. Without the tagger
# (--no-entities): the kill window is a few hundred ms, which loading the
# model under ASan alone can take; linking after a gap is entities.sh's.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"

n=12000
# Articles of our own words, each different, with an id.
/usr/bin/python3 - "$tmp/in.jsonl" "$n" <<'PY'
import json, random, sys
random.seed(7)
words = ("وزیر دیدار گفتگو همکاری نشست خبرنگاران تهران مسکو اقتصاد مجلس "
         "دولت کشور امنیت سفر قرارداد نفت بازار دانشگاه ورزش فوتبال").split()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(int(sys.argv[2])):
        paras = []
        for _ in range(4):
            s = " ".join(random.choice(words) for _ in range(25))
            paras.append(f"{s} شماره {i}.")
        f.write(json.dumps({"id": f"a{i}", "source": ["الف", "ب", "پ"][i % 3],
                            "title": f"خبر شماره {i}", "text": "\n".join(paras)},
                           ensure_ascii=False) + "\n")
PY
db=$tmp/crash.db
RANDOM=42
kills=0
for round in $(seq 1 20); do
    "$rasad" ingest --quiet --no-entities --batch 37 --db "$db" "$tmp/in.jsonl" >/dev/null 2>&1 &
    pid=$!
    # 10-400 ms: early moments hit opening and migration, later ones batches.
    sleep "0.$(printf "%03d" $((10 + RANDOM % 390)))"
    if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
    wait "$pid" 2>/dev/null
done
echo "killed $kills of 20 runs while ingesting"
before=$("$rasad" stats --json --check --db "$db")
got=$(printf '%s' "$before" | sed -n 's/^{"articles":\([0-9]*\),.*/\1/p')
echo "stored before the last run: $got of $n"
if [ -n "$got" ] && [ "$got" -gt 0 ] && [ "$got" -lt "$n" ]; then ok; else bad "killed runs stored $got of $n (want some, not all)"; fi
expect_match "consistent after the kills" "$before" '"check":"ok"'
"$rasad" ingest --quiet --no-entities --json --db "$db" "$tmp/in.jsonl" > "$tmp/final.json"
expect_match "final run rejected nothing" "$(cat "$tmp/final.json")" '"rejected":0'
stats=$("$rasad" stats --json --check --db "$db")
expect_match "every article once" "$stats" "\"articles\":$n,"
expect_match "integrity" "$stats" '"check":"ok"'
expect_match "no rejects recorded" "$stats" '"rejected":0,'
# Once more: nothing new, nothing changed.
again=$("$rasad" ingest --quiet --no-entities --json --db "$db" "$tmp/in.jsonl")
expect_match "re-ingest adds nothing" "$again" "\"new\":0,\"updated\":0,\"unchanged\":$n,"
if [ "$kills" -ge 10 ]; then ok; else bad "only $kills runs were killed mid-ingest (want >= 10)"; fi
done_tests
