#!/usr/bin/env bash
# run.sh - the browser test of rasad serve (serve.mjs), as CTest runs it:
#
#   tests/browser/run.sh RASAD REPO OUTDIR
#
# Skips (exit 77, which CTest counts as skipped) with a message and the
# usual "0 passed, 0 failed" line when node or chromium is absent; both
# come with `./setup.sh test` (Debian's nodejs is not installed by it: any
# node >= 20 will do), which also runs `npm ci` here for playwright-core.
# Without playwright-core (npm ci not run) the test fails and says so.
set -uo pipefail
rasad=${1:?usage: run.sh RASAD REPO OUTDIR}
src=${2:?usage: run.sh RASAD REPO OUTDIR}
out=${3:?usage: run.sh RASAD REPO OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
chromium=${RASAD_CHROMIUM:-/usr/bin/chromium}

skip() {
  echo "browser test skipped: $*"
  echo "0 passed, 0 failed"
  exit 77
}
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs)"
[ -x "$chromium" ] || skip "no chromium at $chromium (apt-get install chromium, or set RASAD_CHROMIUM)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || skip "node $(node --version) is too old for playwright-core 1.65 (20 or later)"
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  echo "FAIL: playwright-core is not installed: run ./setup.sh test, or (cd tests/browser && npm ci)"
  echo "0 passed, 1 failed"
  exit 1
fi
exec node "$here/serve.mjs" --rasad "$rasad" --src "$src" --out "$out" --chromium "$chromium"
