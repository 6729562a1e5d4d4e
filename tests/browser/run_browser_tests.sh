#!/usr/bin/env bash
# The browser suite: a real `vigil serve` on a free loopback port over a
# temporary demo store, then tests/browser/journeys.mjs in Debian's Chromium.
# The server and the browser are stopped on every exit path (a trap), and
# the screenshots stay in ARTIFACTS.
#
#   tests/browser/run_browser_tests.sh VIGIL_BINARY ARTIFACTS_DIR
set -euo pipefail
vigil=$1
artifacts=$2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vigil-browser-XXXXXX")"
server_pid=""
journeys_pid=""

cleanup() {
  # Journeys run in their own process group, so Chromium goes with them.
  if [ -n "$journeys_pid" ]; then kill -- "-$journeys_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for needed in /usr/bin/chromium "$root/node_modules/playwright-core" "$root/node_modules/axe-core"; do
  if [ ! -e "$needed" ]; then
    echo "browser tests: $needed is missing; run scripts/bootstrap" >&2
    exit 1
  fi
done

cd "$root"
"$vigil" demo-data --db "$work/vigil.db" --reports 300 >"$work/demo-data.out"
"$vigil" serve --db "$work/vigil.db" --listen 127.0.0.1:0 --threads 16 >"$work/serve.out" \
  2>"$work/serve.err" &
server_pid=$!

base_url=""
for _ in $(seq 1 300); do
  base_url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" | head -n 1 || true)"
  if [ -n "$base_url" ] && curl -fsS "$base_url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "browser tests: vigil serve exited" >&2
    cat "$work/serve.err" >&2
    exit 1
  fi
  base_url=""
  sleep 0.1
done
if [ -z "$base_url" ]; then
  echo "browser tests: vigil serve did not become healthy" >&2
  exit 1
fi

mkdir -p "$artifacts"
set +e
setsid node tests/browser/journeys.mjs --base-url "$base_url" --out "$artifacts" &
journeys_pid=$!
wait "$journeys_pid"
status=$?
set -e
journeys_pid=""
if [ "$status" -ne 0 ]; then
  echo "--- vigil serve stderr (last 40 lines) ---"
  tail -n 40 "$work/serve.err"
fi
echo "screenshots: $artifacts"
exit "$status"
