#!/usr/bin/env bash
# The force-scoped classification count of a report search, timed in the
# sqlite3 shell before and after migration 0003 (force kept in
# report_classifications), with SQLite's default page cache and with the
# page cache and memory map every vigil connection now sets. Builds its own
# store of 100,000 reports with SQL (no vigil build needed), in a temporary
# folder. See docs/benchmarks.md ("Why search is slow").
#
# Usage: bench/run_report_search_sql_bench.sh   (needs sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
migrations=$(pwd)/migrations/sqlite
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

cat "$migrations/0001_init.sql" "$migrations/0002_screenings.sql" | sqlite3 before.db
sqlite3 before.db >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO reports (id, version, force, force_reference, received_at, reporting_officer,
                     narrative, created_at, updated_at)
SELECT i, 1, CASE WHEN abs(random()) % 100 < 60 THEN 'west_midlands' ELSE 'west_yorkshire' END,
       'R' || i, 1700000000 + abs(random()) % 63072000, 'pc.officer', hex(randomblob(300)),
       1700000000, 1700000000
FROM n;
INSERT INTO report_classifications (report_id, classification, is_principal, position, received_at)
SELECT id, CASE WHEN abs(random()) % 100 < 65 THEN 'stalking' ELSE 'harassment' END, 1, 0,
       received_at
FROM reports;
INSERT INTO report_classifications (report_id, classification, is_principal, position, received_at)
SELECT report_id, CASE classification WHEN 'stalking' THEN 'harassment' ELSE 'stalking' END, 0, 1,
       received_at
FROM report_classifications WHERE abs(random()) % 100 < 30;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
cp before.db after.db
sqlite3 after.db < "$migrations/0003_report_classifications_force.sql"

before="SELECT count(*) FROM report_classifications AS c JOIN reports AS r ON r.id = c.report_id
  WHERE c.classification = 'stalking' AND r.force = 'west_midlands';"
after="SELECT count(*) FROM report_classifications AS c
  WHERE c.classification = 'stalking' AND c.force = 'west_midlands';"
pragmas="PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;"
for schema in before after; do
  for cache in default vigil; do
    sql=$before
    [ "$schema" = after ] && sql=$after
    setting=""
    [ "$cache" = vigil ] && setting=$pragmas
    printf '%-6s %-7s ' "$schema" "$cache"
    { echo "$setting"; echo ".timer on"; for run in 1 2 3 4 5; do echo "$sql"; done; } |
      sqlite3 "$schema.db" | awk '/Run Time/ { printf "real %s user %s; ", $4, $6 } END { print "" }'
  done
done
