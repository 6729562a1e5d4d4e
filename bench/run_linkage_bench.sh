#!/usr/bin/env bash
# The whole-run linkage benchmark (docs/benchmarks.md, "Linkage"): generates
# synthetic people, deduplicates them end to end with `vigil link` (read,
# block, train, predict, cluster, write) and reports wall time, peak memory
# (from /usr/bin/time) and pairwise precision/recall/F1 against the truth.
#
#   bench/run_linkage_bench.sh BUILD_DIR [THREADS] [SIZES...]
#   bench/run_linkage_bench.sh build/h-linkage-release 2 100000 1000000
set -euo pipefail
build=${1:?usage: run_linkage_bench.sh BUILD_DIR [THREADS] [SIZES...]}
threads=${2:-2}
shift $(( $# >= 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 200000 500000 1000000)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "%10s %10s %12s %10s %10s %8s\n" records seconds peak_mib precision recall f1
for size in "${sizes[@]}"; do
  "$build/vigil_linkage_synth" generate "$size" "$work/people.csv" 1
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$build/vigil" link --settings "$here/linkage_synthetic.yaml" --threads "$threads" \
    --out-clusters "$work/clusters.csv" "$work/people.csv" 2> "$work/log.txt" || {
      cat "$work/log.txt"; exit 1; }
  read -r seconds kib < "$work/time.txt"
  read -r _ _ _ precision _ recall _ f1 _ _ < <("$build/vigil_linkage_synth" evaluate "$work/clusters.csv" "$work/people.csv")
  printf "%10s %10s %12s %10s %10s %8s\n" "$size" "$seconds" "$((kib / 1024))" "$precision" "$recall" "$f1"
  sed 's/^/    /' "$work/log.txt"
done
