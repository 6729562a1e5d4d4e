#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for a
# short time (FUZZ_SECONDS, default 20) starting from its kept corpus. New
# inputs go to a scratch folder, not the kept corpus; a crash fails the run
# and leaves the crashing input in build/fuzz/crashes/ — add it to
# fuzz/corpus/<target>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-15}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target $(ls fuzz/*_fuzzer.cc | xargs -n1 basename | sed 's/\.cc$//')
mkdir -p build/fuzz/crashes
for source in fuzz/*_fuzzer.cc; do
  name=$(basename "$source" _fuzzer.cc)
  scratch=$(mktemp -d)
  echo "fuzz: $name for ${seconds}s"
  ./build/fuzz/fuzz/${name}_fuzzer -max_total_time="$seconds" -max_len=65536 -print_final_stats=0 \
    -artifact_prefix=build/fuzz/crashes/${name}- "$scratch" "fuzz/corpus/$name" 2>&1 | tail -n 2
  rm -rf "$scratch"
done
echo "fuzz: every target ran without a crash"
