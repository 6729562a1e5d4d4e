#pragma once
// ReportRepository: reports in SQLite — the reports row, its
// classifications (principal and included, each indexed with the report's
// received_at for fast newest-first search), its persons and roles, and its
// occasions with their behaviours. Runs inside the caller's transaction on
// the caller's Connection; not thread-safe beyond that.

#include <cstdint>
#include <set>
#include <vector>

#include "core/result.h"
#include "domain/report.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class ReportRepository {
 public:
  explicit ReportRepository(Connection& connection) : connection_(connection) {}

  // Stores a new report with version 1 and assigns the report's and every
  // occasion's id (set on `report` on success). kNotFound ("person 42 does
  // not exist", "case 7 does not exist") for a missing person or case;
  // kAlreadyExists when (force, force_reference) is taken; kInvalidArgument
  // when an included classification repeats or equals the principal, or a
  // person is listed twice in one role.
  core::Status Insert(domain::Report& report);
  // The report with its occasions, persons and classifications; kNotFound
  // when there is no report `id`.
  core::Result<domain::Report> Get(domain::ReportId id);
  // Replaces the stored report, its occasions, persons and classifications
  // when `report.version` is current, then bumps the version. Occasions that
  // already belong to this report keep their ids; occasions without an id
  // get new ones. Fails as Insert does, plus kNotFound/kConflict for the
  // report itself and kInvalidArgument for an occasion id of another report.
  core::Status Update(domain::Report& report);
  // Reports matching `query`, newest received first; see storage::ReportQuery.
  // kInvalidArgument for a limit outside 1–500 or a malformed cursor.
  core::Result<ReportPage> Search(const ReportQuery& query);

  // The reports with these ids, complete, in the order given; ids with no
  // report are left out. A fixed number of queries whatever the count.
  core::Result<std::vector<domain::Report>> Load(const std::vector<std::int64_t>& ids);

 private:
  // kNotFound for the first listed person or the case that does not exist.
  core::Status CheckReferences(const domain::Report& report);
  // Writes the classifications, persons and occasions of report
  // `report_id`. Occasions whose id is in `kept_occasion_ids` keep it; the
  // others get new ones. Returns every occasion's id, in order.
  core::Result<std::vector<std::int64_t>> InsertParts(
      std::int64_t report_id, const domain::Report& report,
      const std::set<std::int64_t>& kept_occasion_ids);
  core::Status DeleteParts(std::int64_t report_id);

  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
