#!/usr/bin/env bash
# setup.sh - the two set-up commands of README.md.
#
#   ./setup.sh         install what is missing, build, run the main job on examples/
#   ./setup.sh test    install what the tests need too, build, run every test
#
# Both are idempotent: packages already installed are not touched, and the
# build is incremental. apt-get needs root (sudo is used when present).
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-run}
build=${RASAD_BUILD_DIR:-build}

# Debian packages: to build, and in addition to test.
build_pkgs=(gcc libc6-dev make cmake pkg-config python3 unicode-data
            libutf8proc-dev libjalali-dev myspell-fa
            libsqlite3-dev libxml2-dev libjansson-dev zlib1g-dev libxxhash-dev
            libmicrohttpd-dev unicode-cldr-core iso-codes)
test_pkgs=(python3-icu sqlite3 clang libclang-rt-14-dev
           nodejs chromium fonts-farsiweb wrk)  # browser test (tests/browser), bench/serve_bench.sh

need=()
want=("${build_pkgs[@]}")
[ "$mode" = test ] && want+=("${test_pkgs[@]}")
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}"
    sudo=
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "setup: run as root to install: ${need[*]}" >&2; exit 1; }
        sudo=sudo
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs"

case "$mode" in
run)
    # The main job: ingest the example articles into an archive, print its
    # stories and threads and one story whole, then search it the way a
    # reader types (joined letters instead of ZWNJ).
    db="$build/examples.db"
    echo "== rasad ingest --db $db examples/"
    "$build/rasad" ingest --db "$db" examples/
    echo
    echo "== rasad stories --db $db"
    "$build/rasad" stories --db "$db"
    echo
    echo "== rasad threads --db $db"
    "$build/rasad" threads --db "$db"
    echo
    echo "== rasad story --db $db 1"
    "$build/rasad" story --db "$db" 1
    echo
    echo "== rasad search --db $db 'همکاریهای دو کشور'   (typed without ZWNJ)"
    "$build/rasad" search --db "$db" --limit 3 'همکاریهای دو کشور'
    echo
    echo "== rasad entities --db $db --type PER --limit 4"
    "$build/rasad" entities --db "$db" --type PER --limit 4
    echo
    echo "== rasad events --db $db --type meeting --limit 3"
    "$build/rasad" events --db "$db" --type meeting --limit 3
    echo
    echo "To browse the archive: $build/rasad serve --db $db   then open http://127.0.0.1:8080/"
    ;;
test)
    # playwright-core for the browser test, pinned by tests/browser/package-lock.json
    # (the test itself uses Debian's chromium and no network)
    if ! command -v npm >/dev/null; then
        echo "setup: npm is missing (apt-get install npm): the browser test will fail"
    elif [ ! tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
        (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
    fi
    ctest --test-dir "$build" --output-on-failure --timeout 900 -j"$jobs"
    ;;
*)
    echo "usage: ./setup.sh [test]" >&2
    exit 2
    ;;
esac
