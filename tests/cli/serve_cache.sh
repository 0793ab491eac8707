#!/usr/bin/env bash
# serve_cache.sh - rasad serve keeps rendered answers (src/serve/cache.c),
# yet what an ingest beside it commits shows at once: a search and a page
# asked for before and after an ingest, on the same running server; and
# --cache-mb 0 serves the same answers without keeping any.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"
db=$tmp/a.db

get() {   # get PATH: prints the body (status on stderr when not 200)
  /usr/bin/python3 - "http://127.0.0.1:$port$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
        sys.stdout.write(r.read().decode("utf-8"))
except urllib.error.HTTPError as e:
    sys.stdout.write("HTTP %d" % e.code)
PY
}
total() { get "$1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
start() {  # start ARGS...: a server on a free port
  rm -f "$tmp/port"
  "$rasad" serve --db "$db" --listen 127.0.0.1:0 --port-file "$tmp/port" "$@" 2>"$tmp/serve.err" &
  pid=$!
  for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
  port=$(cat "$tmp/port" 2>/dev/null)
  expect_match "serve started" "$port" '^[0-9]+$'
}
stop() {
  kill -TERM "$pid"
  wait "$pid"
  expect_eq "serve exits 0 on SIGTERM" "$?" 0
}

"$rasad" ingest --db "$db" "$root"/examples/00[0-3]_*.txt >/dev/null 2>&1
q=/api/v1/search?q=%D8%B4%D9%85%D8%AE%D8%A7%D9%86%DB%8C          # شمخانی: only in example 004
page=/search?q=%D8%B4%D9%85%D8%AE%D8%A7%D9%86%DB%8C

start
expect_eq "before: no hit" "$(total "$q")" 0
expect_eq "before, again (kept): no hit" "$(total "$q")" 0
before=$(get "$page")
expect_match "before: the page says nothing was found" "$before" 'هیچ خبری پیدا نشد'
expect_eq "before, the page again: the same" "$(get "$page")" "$before"
"$rasad" ingest --db "$db" "$root"/examples/004_*.txt >/dev/null 2>&1
expect_eq "after the ingest: the new article is found at once" "$(total "$q")" 1
expect_match "after the ingest: the page shows it" "$(get "$page")" '<mark>شمخانی</mark>'
stop

start --cache-mb 0
expect_eq "--cache-mb 0: found" "$(total "$q")" 1
expect_eq "--cache-mb 0: found again" "$(total "$q")" 1
stop
expect_match "a bad --cache-mb is a usage error" "$("$rasad" serve --db "$db" --cache-mb x 2>&1; echo "rc=$?")" 'rc=2'
done_tests
