#!/usr/bin/env bash
# The page-render benchmark, start to finish: builds the release binaries
# with the benchmarks, creates a store with 100,000 demo reports (once, kept
# in var/bench/ and shared with run_api_bench.sh) and runs
# vigil_page_render_bench on a copy of it. See docs/benchmarks.md, "Pages".
#
# Settings (environment variables):
#   BUILD_DIR  build folder          (default build/bench-release)
#   REPORTS    reports in the store  (default 100000)
#   SAMPLES    renders per page kind (default 400)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/bench-release}
reports=${REPORTS:-100000}
samples=${SAMPLES:-400}
pristine=var/bench/vigil-${reports}.db
work=var/bench/vigil-${reports}-pages.db

echo "== building release binaries in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIGIL_BUILD_TESTS=OFF \
  -DVIGIL_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target vigil vigil_page_render_bench -j2

mkdir -p var/bench
if [ ! -f "$pristine" ]; then
  echo "== creating $pristine with $reports demo reports"
  rm -f "$pristine.tmp" "$pristine.tmp-wal" "$pristine.tmp-shm"
  "$build/vigil" demo-data --db "$pristine.tmp" --reports "$reports" --seed 1 --config config
  mv "$pristine.tmp" "$pristine"
fi
rm -f "$work" "$work-wal" "$work-shm"
cp "$pristine" "$work"
"$build/vigil_page_render_bench" --db "$work" --samples "$samples"
