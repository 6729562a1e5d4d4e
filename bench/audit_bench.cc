// The audit log's hash chain: hashing one entry, appending one entry in its
// own write transaction (what every audited read costs), appending in a
// batch, and verifying a chain of 1,000,000 entries (scan + re-hash + link
// checks, as `vigil audit verify`). The store is SQLite in a temporary
// folder (WAL, synchronous=NORMAL, as served). Reported, not gated.
// Run: build/release/vigil_audit_bench --benchmark_repetitions=3
//        --benchmark_report_aggregates_only=true
// docs/benchmarks.md, "Audit chain".

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "domain/audit_chain.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

using vigil::domain::AuditEvent;
using vigil::storage::TransactionMode;
using vigil::storage::sqlite::SqliteStore;

AuditEvent Typical(std::int64_t record_id) {
  AuditEvent event;
  event.at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  event.user_id = "dc.patel";
  event.roles = "investigator,stalking_lead";
  event.force = "west_midlands";
  event.action = "report.view";
  event.record_type = "report";
  event.record_id = record_id;
  event.purpose = "investigation";
  event.outcome = "allowed";
  event.request_id = "6f1c0d2a9b8e4f7a";
  event.reason = "report.view allowed for dc.patel";
  return event;
}

void Check(const vigil::core::Status& status) {
  if (!status.ok()) {
    std::cerr << "audit bench: " << status << "\n";
    std::exit(1);
  }
}

// A store in a fresh temporary folder, removed at exit.
class BenchStore {
 public:
  BenchStore() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "vigil-audit-bench-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data());
    auto store = SqliteStore::Open(folder_ + "/vigil.db");
    Check(store.status());
    store_ = std::move(store).value();
  }
  ~BenchStore() {
    store_.reset();
    std::filesystem::remove_all(folder_);
  }
  SqliteStore& store() { return *store_; }

  void Append(int count) {
    auto transaction = store_->Begin(TransactionMode::kWrite);
    Check(transaction.status());
    for (int index = 0; index < count; ++index) {
      AuditEvent event = Typical(index);
      Check((*transaction)->AppendAudit(event));
    }
    Check((*transaction)->Commit());
  }

 private:
  std::string folder_;
  std::unique_ptr<SqliteStore> store_;
};

void BM_AuditEventHash(benchmark::State& state) {
  AuditEvent event = Typical(17);
  event.id = vigil::domain::AuditEventId(1842);
  event.prev_hash = std::string(vigil::domain::kAuditGenesisHash);
  for (auto _ : state) benchmark::DoNotOptimize(vigil::domain::AuditEventHash(event));
}
BENCHMARK(BM_AuditEventHash);

// One entry per write transaction: BEGIN IMMEDIATE, read the last entry,
// hash, insert, COMMIT. This is what AuthorizeRead adds to every read.
void BM_AppendOnePerTransaction(benchmark::State& state) {
  BenchStore bench;
  bench.Append(10000);
  for (auto _ : state) bench.Append(1);
}
BENCHMARK(BM_AppendOnePerTransaction)->Unit(benchmark::kMicrosecond);

// As above from several threads at once into one store, as concurrent
// audited reads do: every one queues for the single write lock.
void BM_AppendConcurrently(benchmark::State& state) {
  static BenchStore shared;  // One store for every thread, removed at exit.
  for (auto _ : state) shared.Append(1);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AppendConcurrently)
    ->Threads(1)
    ->Threads(8)
    ->Threads(32)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// 1,000 entries in one transaction; reported per entry.
void BM_AppendInBatch(benchmark::State& state) {
  BenchStore bench;
  for (auto _ : state) bench.Append(1000);
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_AppendInBatch)->Unit(benchmark::kMillisecond);

// Verifying a chain of state.range(0) entries, from the store.
void BM_VerifyChain(benchmark::State& state) {
  BenchStore bench;
  const std::int64_t entries = state.range(0);
  for (std::int64_t written = 0; written < entries; written += 10000) bench.Append(10000);
  for (auto _ : state) {
    vigil::domain::AuditChainVerifier verifier;
    auto transaction = bench.store().Begin(TransactionMode::kRead);
    Check(transaction.status());
    Check((*transaction)->ScanAudit({}, [&](const AuditEvent& event) {
      verifier.Add(event);
      return vigil::core::Status::Ok();
    }));
    vigil::domain::AuditChainReport report = verifier.Finish();
    if (report.problem || report.entries != entries) {
      std::cerr << "audit bench: the chain did not verify\n";
      std::exit(1);
    }
  }
  state.SetItemsProcessed(state.iterations() * entries);
}
BENCHMARK(BM_VerifyChain)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
