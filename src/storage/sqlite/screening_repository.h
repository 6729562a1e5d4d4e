#pragma once
// ScreeningRepository: stored screenings of reports in SQLite. Append-only:
// the schema's triggers refuse any UPDATE or DELETE of screenings. Runs
// inside the caller's transaction on the caller's Connection; not
// thread-safe beyond that.

#include <vector>

#include "core/result.h"
#include "domain/screening_record.h"
#include "storage/sqlite/connection.h"

namespace vigil::storage::sqlite {

class ScreeningRepository {
 public:
  explicit ScreeningRepository(Connection& connection) : connection_(connection) {}

  // Stores a new screening; sets `record.id`. kNotFound ("report 7 does
  // not exist") when its report does not exist.
  core::Status Insert(domain::ScreeningRecord& record);
  // kNotFound when there is no screening `id`.
  core::Result<domain::ScreeningRecord> Get(domain::ScreeningId id);
  // The screenings of `report_id`, newest screened first, then id
  // descending. Empty when there are none (or no such report).
  core::Result<std::vector<domain::ScreeningRecord>> ListByReport(domain::ReportId report_id);

 private:
  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
