#!/usr/bin/env bash
# Fails when any C++ file differs from clang-format's output (.clang-format,
# clang-format 14). Fix with: tools/check_format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${1:-clang-format}
fix=0
if [ "$clang_format" = "--fix" ]; then clang_format=clang-format; fix=1; fi
if [ "${2:-}" = "--fix" ]; then fix=1; fi
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.h' '*.cc' | grep -v '^build/' || true)
[ ${#files[@]} -eq 0 ] && exit 0
if [ $fix -eq 1 ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
"$clang_format" --dry-run --Werror "${files[@]}"
echo "format_check: ${#files[@]} files formatted correctly"
