#!/usr/bin/env bash
# Enforces the dependency rule (ARCHITECTURE.md) on includes: a file in
# src/<folder> may include only headers of the folders listed for it.
# (The CMake link lists enforce the same rule at link time.) Tests beside
# the code (*_test.cc) may also use real backends, as users would.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A allowed=(
  [core]="core"
  [domain]="domain core"
  [domain/screening]="domain/screening domain rules core"
  [domain/court_order]="domain/court_order domain core"
  [rules]="rules core"
  [linkage]="linkage core"
  [storage]="storage domain domain/court_order core"
  [storage/sqlite]="storage/sqlite storage domain domain/court_order core"
  [storage/postgres]="storage/postgres storage domain domain/court_order core"
  [services]="services storage domain domain/screening domain/court_order rules linkage core"
  [web]="web services storage domain domain/screening domain/court_order rules linkage core"
  [app]="app web services storage storage/sqlite storage/postgres domain domain/screening domain/court_order rules linkage core"
)

status=0
while IFS= read -r file; do
  folder=${file#src/}
  folder=${folder%/*}
  case "$folder" in
    domain/screening*) key=domain/screening ;;
    domain/court_order*) key=domain/court_order ;;
    storage/sqlite*) key=storage/sqlite ;;
    storage/postgres*) key=storage/postgres ;;
    web*) key=web ;;
    *) key=${folder%%/*} ;;
  esac
  while IFS= read -r include; do
    target=${include#\"}
    target=${target%%\"*}
    dir=${target%/*}
    case "$dir" in
      domain/screening*) dep=domain/screening ;;
      domain/court_order*) dep=domain/court_order ;;
      storage/sqlite*) dep=storage/sqlite ;;
      storage/postgres*) dep=storage/postgres ;;
      *) dep=${dir%%/*} ;;
    esac
    [ -d "src/$dep" ] || continue
    ok=0
    for a in ${allowed[$key]}; do [ "$a" = "$dep" ] && ok=1; done
    if [ $ok -eq 0 ]; then
      echo "$file: includes \"$target\", but $key may not depend on $dep"
      status=1
    fi
  done < <(grep -oE '^#include "[^"]+"' "$file" | sed 's/^#include //')
done < <(find src \( -name "*.h" -o -name "*.cc" \) ! -name "*_test.cc" | sort)
[ $status -eq 0 ] && echo "dependency_rule: every include follows the dependency rule"
exit $status
