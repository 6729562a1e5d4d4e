#!/usr/bin/env bash
# The API benchmark, start to finish: builds the release binaries with the
# benchmarks, creates a store with 100,000 demo reports (once; kept in
# var/bench/ and copied afresh for every run, because the create benchmark
# adds reports), starts `vigil serve` on it, runs vigil_api_bench (/healthz,
# create, then search) and prints the figures. See docs/benchmarks.md.
#
# Settings (environment variables):
#   BUILD_DIR    build folder            (default build/bench-release)
#   REPORTS      reports in the store    (default 100000)
#   CONNECTIONS  keep-alive connections  (default 64)
#   DURATION     seconds per scenario    (default 15)
#   WARMUP       unmeasured seconds      (default 3)
#   PORT         port to serve on        (default 18080)
#   THREADS      server worker threads   (default 256)
#   SCENARIOS    what to measure         (default health,create,search)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build/bench-release}
reports=${REPORTS:-100000}
connections=${CONNECTIONS:-64}
duration=${DURATION:-15}
warmup=${WARMUP:-3}
port=${PORT:-18080}
threads=${THREADS:-256}
scenarios=${SCENARIOS:-health,create,search}
pristine=var/bench/vigil-${reports}.db
work=var/bench/vigil-${reports}-run.db

echo "== building release binaries in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIGIL_BUILD_TESTS=OFF \
  -DVIGIL_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target vigil vigil_api_bench -j2

mkdir -p var/bench
if [ ! -f "$pristine" ]; then
  echo "== creating $pristine with $reports demo reports"
  rm -f "$pristine.tmp" "$pristine.tmp-wal" "$pristine.tmp-shm"
  "$build/vigil" demo-data --db "$pristine.tmp" --reports "$reports" --seed 1 --config config
  mv "$pristine.tmp" "$pristine"
fi
rm -f "$work" "$work-wal" "$work-shm"
cp "$pristine" "$work"

echo "== serving $work on 127.0.0.1:$port ($threads worker threads)"
"$build/vigil" serve --db "$work" --listen "127.0.0.1:$port" --threads "$threads" \
  --config config >var/bench/serve.out 2>var/bench/serve.log &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== vigil_api_bench --connections $connections --duration $duration --warmup $warmup --scenarios $scenarios"
bench_status=0
"$build/vigil_api_bench" --host 127.0.0.1 --port "$port" --connections "$connections" \
  --duration "$duration" --warmup "$warmup" --scenarios "$scenarios" || bench_status=$?

kill -TERM $server
server_status=0
wait $server || server_status=$?
trap - EXIT
echo "== server stopped (exit code $server_status); failed requests, if any, are in var/bench/serve.log"
exit $bench_status
