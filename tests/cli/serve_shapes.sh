#!/usr/bin/env bash
# serve_shapes.sh - the JSON API gives what the CLI's --json gives, on the
# five examples: stories, one story, threads, entities, one entity, quotes
# and events, compared as parsed JSON.
rasad=$1
root=$2
. "$(dirname "$0")/lib.inc"

"$rasad" ingest --db "$tmp/a.db" "$root/examples" > /dev/null 2>&1
expect_eq "ingest exit" "$?" "0"
"$rasad" serve --db "$tmp/a.db" --listen 127.0.0.1:0 --port-file "$tmp/port" --cache-mb 0 \
    2> "$tmp/serve.log" &
pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port" 2>/dev/null)
expect_match "server up" "$port" '^[0-9]+$'

got=$(/usr/bin/python3 - "$rasad" "$tmp/a.db" "$port" <<'PY'
import json, subprocess, sys, urllib.request
rasad, db, port = sys.argv[1:4]
def api(path):
    return json.load(urllib.request.urlopen("http://127.0.0.1:%s%s" % (port, path)))
def cli(*args):
    return json.loads(subprocess.run([rasad, *args, "--db", db, "--json"], capture_output=True,
                                     text=True, check=True).stdout)
out = []
pairs = [
    ("stories", api("/api/v1/stories?limit=500"), cli("stories")),
    ("story", api("/api/v1/stories/1"), cli("story", "1")),
    ("threads", api("/api/v1/threads?limit=500"), cli("threads")),
    ("entities", api("/api/v1/entities?limit=500"), cli("entities")),
    ("quotes", api("/api/v1/quotes?limit=500"), cli("quotes", "--limit", "500")),
    ("events", api("/api/v1/events?limit=500"), cli("events", "--limit", "500")),
]
ents = pairs[3][1]
if ents:
    i = str(ents[0]["id"])
    pairs.append(("entity", api("/api/v1/entities/" + i), cli("entity", i)))
for name, a, c in pairs:
    out.append(name if a == c else "%s differs" % name)
print("|".join(out))
PY
)
want="stories|story|threads|entities|quotes|events"
[ -f "$root/models/ner.model" ] && want="$want|entity"
expect_eq "API = CLI" "$got" "$want"
kill -TERM "$pid"
wait "$pid"
expect_eq "serve exit on SIGTERM" "$?" "0"
done_tests
