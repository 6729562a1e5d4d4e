#pragma once
// Writes generated demo data through Services (never around them), batch by
// batch: each batch is one Services::Import (one transaction), then its
// cases are opened, given their reports, moved to their status and given
// tasks and notes through the case use cases, as the officers named in the
// plan (so notes and completed tasks carry their authors). Every write is
// authorised and audited like any other. The only direct store access is
// one read per batch that finds the ids of the reports just imported
// (Services::Import returns counts, not ids). Runs on the calling thread.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_data.h"
#include "core/result.h"
#include "services/services.h"
#include "storage/store.h"

namespace vigil::app {

// What was written.
struct DemoSummary {
  std::int64_t persons = 0;
  std::int64_t reports = 0;
  std::int64_t cases = 0;
  std::int64_t tasks = 0;
  std::int64_t notes = 0;
  double import_seconds = 0;     // Wall time in Services::Import.
  double case_work_seconds = 0;  // Wall time opening and working cases.
};

// Generates data for `options` relative to services.clock() and writes it as
// `caller`; `store` must be the store under `services`. `on_batch`, when
// set, is called after each batch with the running totals. Stops at the
// first failure and returns it (batches already written stay written; each
// batch's import is all-or-nothing).
core::Result<DemoSummary> WriteDemoData(
    storage::Store& store, services::Services& services, const services::Caller& caller,
    const DemoOptions& options, const std::function<void(const DemoSummary&)>& on_batch = {});

// Stored reports' id and version by (force, force reference).
struct StoredReport {
  domain::ReportId id;
  std::int64_t version = 0;
};
using StoredReports = std::map<std::pair<std::string, std::string>, StoredReport>;

// Finds the stored reports the cases name, in one read transaction.
// References not stored are left out.
core::Result<StoredReports> FindStoredReports(storage::Store& store,
                                              const std::vector<DemoCase>& cases);

// Writes one planned case (open, attach reports, move, tasks, notes).
// kNotFound when one of its reports is not in `stored`.
core::Status WriteDemoCase(services::Services& services, const services::Caller& caller,
                           const DemoCase& planned, const StoredReports& stored,
                           DemoSummary& summary);

}  // namespace vigil::app
