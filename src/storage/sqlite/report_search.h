#pragma once
// The SQL behind ReportRepository::Search, built from a ReportQuery. Kept
// separate so tests can check its query plans (index use, no sort). Pure.

#include <optional>
#include <string>

#include "storage/paging.h"
#include "storage/sqlite/sql_filter.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

struct ReportSearchSql {
  // "SELECT count(*) ..." over every match (the cursor ignored), with its
  // parameters in `count_filter`.
  std::string count;
  SqlFilter count_filter;
  // "SELECT <report id>, <received_at> ... ORDER BY received_at DESC, id
  // DESC LIMIT ?": the ids after `cursor`. Its parameters are those of
  // `page_filter`, then the limit.
  std::string page;
  SqlFilter page_filter;
};

// With a classification the search walks the index
// report_classifications_by_classification_force (with a force) or
// report_classifications_by_classification (without) — their rows carry
// the report's force and received_at — and joins reports only when another
// filter needs them; otherwise it walks reports_by_received_at (or a
// narrower index the planner prefers).
ReportSearchSql BuildReportSearchSql(const ReportQuery& query,
                                     const std::optional<KeysetCursor>& cursor);

}  // namespace vigil::storage::sqlite
