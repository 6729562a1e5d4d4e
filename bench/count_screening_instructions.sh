#!/usr/bin/env bash
# Instructions per iteration of the screening benchmarks, counted by
# callgrind: a figure that does not move with machine load, unlike wall and
# CPU time on a shared machine. For each benchmark it counts everything the
# benchmark function runs (minus building the engine, once) and divides by
# the calls of the function each iteration makes once. See docs/benchmarks.md
# ("Screening").
#
# Usage: bench/count_screening_instructions.sh [BENCH_BINARY]
#   (default build/release/vigil_screening_bench; needs valgrind)
set -euo pipefail
bench=${1:-build/release/vigil_screening_bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count BENCHMARK FUNCTION_CALLED_ONCE_PER_ITERATION
count() {
  local name=$1 per=$2 out="$work/$1.out"
  # BM_Screen runs first so the engine is built outside what is counted.
  valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*${name}(*" \
    "$bench" --benchmark_filter="^(BM_Screen|${name})\$" --benchmark_min_time=1 \
    >/dev/null 2>&1
  callgrind_annotate --inclusive=yes --tree=caller "$out" 2>/dev/null | awk -v name="$name" \
    -v per="$per" -v engine="vigil::domain::screening::ScreeningEngine::Default() [" '
    function number(text) { gsub(",", "", text); return text + 0 }
    /PROGRAM TOTALS/ { total = number($1) }
    /%\)  < / {
      if (match($0, /\(([0-9,]+)x\)/)) pending += number(substr($0, RSTART + 1, RLENGTH - 3))
      next
    }
    /%\)  \*  / {
      if (index($0, per) > 0 && calls == 0) calls = pending
      if (index($0, engine) > 0) built = number($1)
    }
    { pending = 0 }
    END {
      if (calls == 0) { print name ": no calls of " per " counted"; exit 1 }
      printf "%s: %d instructions per iteration (%d iterations)\n", name, (total - built) / calls, calls
    }' || true
}

count BM_Screen "ScreeningEngine::Screen(vigil::domain::screening::Facts const&) const ["
count BM_ParseScreenAndWriteJson \
  "ScreeningEngine::Screen(vigil::domain::screening::Facts const&) const ["
count BM_ParseFacts "ScreeningEngine::ParseFacts("
