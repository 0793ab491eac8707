#!/usr/bin/env bash
# archive.sh - ingest, search, show and stats on articles written for this
# test: spelling variants find the same articles, re-ingest is idempotent,
# changed articles are updated, bad input is reported and skipped.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"
db=$tmp/a.db
ZW=$'\u200c'

# ids via python so every JSON line is valid and the text exact.
/usr/bin/python3 - "$tmp/news.jsonl" <<'PY'
import json, sys
docs = [
    ("k1", "خبرگزاری الف", "2017-04-26", "كتابها در نمایشگاه فروخته شد", "ناشران گفتند كتابها زودتر از هر سال تمام شد."),
    ("k2", "خبرگزاری ب", "1396/02/07", "فروش خوب", "در نمایشگاه امسال کتاب ها بسیار فروش رفت."),
    ("k3", "خبرگزاری الف", "2017-04-28", "گزارش", "کتاب\u200cها و مجله\u200cها در غرفه\u200cها چیده شد."),
    ("r1", "خبرگزاری ب", "2017-05-01", "قطار", "قطار تهران هر روز به مشهد می رود."),
    ("r2", "خبرگزاری الف", "2017-05-02", "اتوبوس", "اتوبوس شهری هر ساعت میرود و برمی گردد."),
    ("r3", "خبرگزاری ب", "2017-05-03", "هواپیما", "هواپیما امشب به شیراز می\u200cرود."),
    ("y1", "خبرگزاری الف", "2017-05-04", "ديدار", "علي با وزير ديدار كرد."),
    ("y2", "خبرگزاری ب", "2017-05-05", "دیدار دوم", "علی با وزیر دیدار کرد."),
    ("n1", "خبرگزاری الف", "2017-05-06", "سال", "این طرح در سال ۱۴۰۲ آغاز شد."),
    ("n2", "خبرگزاری ب", "2017-05-07", "سال", "این طرح در سال ١٤٠٢ پایان یافت."),
    ("n3", "خبرگزاری الف", "2017-05-08", "سال", "این طرح در سال 1402 بررسی شد."),
    ("h1", "خبرگزاری ب", "2017-05-09", "اعراب", "کِتابِ تازه‌ای از او منتشر شد."),
    ("s1", "خبرگزاری الف", "2017-05-10", "شویگو", "شویگو وزیر دفاع در مسکو سخن گفت."),
    ("s2", "خبرگزاری ب", "2017-05-11", "شایگو", "شایگو وزیر دفاع در مسکو سخن گفت."),
    ("c1", "خبرگزاری الف", "2017-05-12", "زیارت", "زائران به حرم شاه\u200cچراغ رفتند."),
    ("c2", "خبرگزاری ب", "2017-05-13", "زیارت", "زائران به حرم شاهچراغ رفتند."),
    ("c3", "خبرگزاری الف", "2017-05-14", "آب", "آب شهر قطع شد."),
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i, (id_, src, pub, title, text) in enumerate(docs):
        f.write(json.dumps({"id": id_, "source": src, "published": pub, "title": title,
                            "text": text, "section": "آزمون"}, ensure_ascii=False) + "\n")
    f.write('{"id": "broken", "text": "no closing brace"\n')   # line 18: malformed
    f.write('{"id": "empty", "text": ""}\n')                      # line 19: no text
PY

out=$("$rasad" ingest --db "$db" "$tmp/news.jsonl" 2>"$tmp/err")
expect_eq "ingest exit 1 with rejects" "$?" 1
expect_match "summary" "$out" '^read 17, new 17, updated 0, unchanged 0, rejected 2'
expect_match "malformed line named" "$(cat "$tmp/err")" 'news\.jsonl:18: '
expect_match "empty text named" "$(cat "$tmp/err")" 'news\.jsonl:19: '

ids() { # QUERY... -> sorted ids of the results
    "$rasad" search --db "$db" --json --limit 50 "$@" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(r["id"] for r in d["results"])))'
}
# The index holds stems, so the plural also finds h1's singular کتاب.
for q in "کتاب${ZW}ها" "کتاب ها" "کتابها" "كتابها"; do
    expect_eq "search [$q]" "$(ids "$q")" "h1 k1 k2 k3"
done
for q in "مجله${ZW}ها" "مجله ها" "مجلهها"; do
    expect_eq "search [$q]" "$(ids "$q")" "k3"
done
for q in "می${ZW}رود" "می رود" "میرود" "مي رود"; do
    expect_eq "search [$q]" "$(ids "$q")" "r1 r2 r3"
done
# y2 is y1 in other letters: stored as its duplicate, found through y1.
for q in "علی" "علي" "ديدار علي"; do
    expect_eq "search [$q]" "$(ids "$q")" "y1"
done
expect_match "the group's copies" "$("$rasad" search --db "$db" --json "علی")" '"id":"y1",.*"copies":1,'
expect_match "copies on a terminal too" "$("$rasad" search --db "$db" "علی")" '\(\+1 copy\)'
expect_match "the copy points to its original" "$("$rasad" show --db "$db" --json y2)" '"dup_of":"y1","dup_jaccard":1.0000,"copies":0'

for q in "۱۴۰۲" "١٤٠٢" "1402"; do
    expect_eq "search [$q]" "$(ids "$q")" "n1 n2 n3"
done
expect_eq "harakat in text" "$(ids "کتاب تازه")" "h1"
expect_eq "harakat in query" "$(ids "کِتابِ تازه")" "h1"
expect_eq "compound with a space" "$(ids "شاه چراغ")" "c1 c2"
expect_eq "compound joined" "$(ids "شاهچراغ")" "c1 c2"
expect_eq "madda left out" "$(ids "اب شهر")" "c3"
expect_eq "شویگو finds its own" "$(ids "شویگو")" "s1"
expect_eq "شایگو finds its own" "$(ids "شایگو")" "s2"
expect_eq "phrase" "$(ids '"وزیر دفاع"')" "s1 s2"
expect_eq "OR" "$(ids "شویگو OR شایگو")" "s1 s2"
expect_eq "NOT" "$(ids "وزیر NOT شایگو")" "s1 y1"
expect_eq "prefix" "$(ids "هواپیم*")" "r3"
expect_eq "--source" "$(ids --source "خبرگزاری ب" "دفاع")" "s2"
expect_eq "--since ISO" "$(ids --since 2017-05-11 "دفاع")" "s2"
expect_eq "--until Jalali" "$(ids --until 1396/02/20 "دفاع")" "s1"
expect_eq "Jalali published is a date" "$(ids --until 2017-04-27 "نمایشگاه")" "k1 k2"

json=$("$rasad" search --db "$db" --json "شویگو" )
expect_match "JSON shape" "$json" '^\{"query":"شویگو","total":1,"fallback":false,"results":\[\{"id":"s1","title":"شویگو","source":"خبرگزاری الف","published":"2017-05-10","url":null,"score":[0-9.]+,"copies":0,"snippet":"<b>شویگو</b> وزیر'
expect_match "JSON ends with ms" "$json" '\],"ms":[0-9.]+\}$'
fb=$("$rasad" search --db "$db" --json "شویگو شایگو")
expect_match "fallback to any word" "$fb" '"total":2,"fallback":true'
txt=$("$rasad" search --db "$db" "شویگو شایگو")
expect_match "fallback said in text" "$txt" 'no article has all the words'
any=$("$rasad" search --db "$db" --json --any "شویگو کتاب")
expect_match "--any" "$any" '"total":5,"fallback":false'
nothing=$("$rasad" search --db "$db" "؟؟ ..." 2>&1)
expect_eq "nothing to search exit" "$?" 1
expect_match "nothing to search message" "$nothing" 'no words to search for'
weird=$("$rasad" search --db "$db" --json 'title: "unclosed ( NEAR OR AND *' 2>&1)
expect_eq "hostile query exit" "$?" 0
expect_match "hostile query is JSON" "$weird" '"total":0'

show=$("$rasad" show --db "$db" --json --removed y1)
expect_match "show JSON" "$show" '^\{"id":"y1","title":"ديدار","source":"خبرگزاری الف","url":null,"published":"2017-05-04","published_date":"2017-05-04","text":"علي با وزير ديدار كرد.","dup_of":null,"copies":1,"story":[0-9]+,"meta":\{"section":"آزمون"\},"removed":\[\]\}$'
"$rasad" show --db "$db" nosuch >/dev/null 2>&1
expect_eq "show missing exit" "$?" 1
"$rasad" show --db "$db" >/dev/null 2>&1
expect_eq "show no id exit" "$?" 2

stats=$("$rasad" stats --db "$db" --json --check)
expect_match "stats" "$stats" '^\{"articles":17,"duplicates":1,"sources":2,"rejected":2,'
expect_match "stats check" "$stats" '"check":"ok"\}$'

# Idempotent, and a changed article is updated in place.
again=$("$rasad" ingest --db "$db" --json "$tmp/news.jsonl" 2>/dev/null)
expect_match "re-ingest" "$again" '"read":17,"new":0,"updated":0,"unchanged":17,"rejected":2'
printf '{"id":"s2","source":"خبرگزاری ب","title":"شایگو","text":"شایگو در پکن سخن گفت."}\n' > "$tmp/upd.jsonl"
upd=$("$rasad" ingest --db "$db" --json "$tmp/upd.jsonl")
expect_match "update" "$upd" '"new":0,"updated":1,"unchanged":0'
expect_eq "old words gone" "$(ids "مسکو")" "s1"
expect_eq "new words found" "$(ids "پکن")" "s2"
expect_match "still 17" "$("$rasad" stats --db "$db" --json --check)" '"articles":17,.*"check":"ok"'

# What the cleaner learned of a source is kept between runs: a line two
# articles of a source had in one run is furniture in the third, ingested later.
mem() { # ID FIRST-SENTENCE
    printf '{"id":"%s","source":"نشریه نمونه","text":"%s\\nنشریه نمونه هر هفته منتشر می‌شود.\\nدر پایان جلسه دو طرف بر ادامه همکاری تاکید کردند و قرار شد نشست بعدی ماه آینده برگزار شود."}\n' "$1" "$2"
}
{ mem m1 "شورای شهر امروز درباره بودجه سال آینده گفتگو کرد و اعضا پیشنهادهای خود را ارائه دادند."
  mem m2 "کارخانه تازه‌ای در حاشیه شهر افتتاح شد و صدها نفر در آن مشغول به کار خواهند شد."; } > "$tmp/mem1.jsonl"
mem m3 "مسابقه فوتبال دیروز با پیروزی تیم میزبان به پایان رسید و هواداران جشن گرفتند." > "$tmp/mem2.jsonl"
"$rasad" ingest --db "$tmp/m.db" "$tmp/mem1.jsonl" > /dev/null
expect_eq "second article keeps the line" "$("$rasad" show --db "$tmp/m.db" --json --removed m2 | grep -c 'repeated-in-source')" 0
"$rasad" ingest --db "$tmp/m.db" "$tmp/mem2.jsonl" > /dev/null
expect_match "third article, next run, loses it" "$("$rasad" show --db "$tmp/m.db" --json --removed m3)" '"reason":"repeated-in-source","text":"نشریه نمونه هر هفته منتشر می‌شود."'

# A 40 MB single line is reported and skipped; the lines around it are stored.
{
    printf '{"id":"before","text":"سطر پیش از خط بلند."}\n'
    head -c 40000000 /dev/zero | tr '\0' 'x' | sed 's/^/{"id":"huge","text":"/; s/$/"}/'
    echo
    printf '{"id":"after","text":"سطر پس از خط بلند."}\n'
} > "$tmp/huge.jsonl"
huge=$("$rasad" ingest --db "$tmp/h.db" --json "$tmp/huge.jsonl" 2>"$tmp/err")
expect_eq "huge line exit" "$?" 1
expect_match "huge line skipped" "$huge" '"read":2,"new":2,.*"rejected":1'
expect_match "huge line named" "$(cat "$tmp/err")" 'huge\.jsonl:2: line too long'

# No database: a clear message, not a new empty file.
"$rasad" search --db "$tmp/none.db" x > /dev/null 2>"$tmp/err"
expect_eq "no db exit" "$?" 1
expect_match "no db message" "$(cat "$tmp/err")" "no database at"
[ -e "$tmp/none.db" ] && bad "search created a database" || ok
RASAD_DB=$db "$rasad" stats > /dev/null
expect_eq "RASAD_DB" "$?" 0
"$rasad" ingest --db "$db" 2>/dev/null
expect_eq "ingest without PATH" "$?" 2
"$rasad" search --db "$db" --limit x y 2>/dev/null
expect_eq "bad --limit" "$?" 2
done_tests
