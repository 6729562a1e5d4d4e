#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for a
# short time (FUZZ_SECONDS, default 20) starting from its kept corpus. New
# inputs go to a scratch folder, not the kept corpus; a crash fails the run
# and leaves the crashing input in build/fuzz/crashes/ — add it to
# fuzz/corpus/<target>/ once fixed. FUZZ_TARGETS (names without _fuzzer,
# space-separated) limits the run to those targets; CI uses it to fuzz the
# screening facts parser and the rule-expression evaluator on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-15}
cmake --preset fuzz >/dev/null
targets=${FUZZ_TARGETS:-$(ls fuzz/*_fuzzer.cc | xargs -n1 basename | sed 's/_fuzzer\.cc$//')}
for name in $targets; do
  [ -f "fuzz/${name}_fuzzer.cc" ] || { echo "fuzz: no target fuzz/${name}_fuzzer.cc"; exit 2; }
done
cmake --build --preset fuzz --target $(for name in $targets; do echo "${name}_fuzzer"; done)
mkdir -p build/fuzz/crashes
for name in $targets; do
  scratch=$(mktemp -d)
  echo "fuzz: $name for ${seconds}s"
  ./build/fuzz/fuzz/${name}_fuzzer -max_total_time="$seconds" -max_len=65536 -print_final_stats=0 \
    -artifact_prefix=build/fuzz/crashes/${name}- "$scratch" "fuzz/corpus/$name" 2>&1 | tail -n 2
  rm -rf "$scratch"
done
echo "fuzz: every target ran without a crash"
