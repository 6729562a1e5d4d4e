// The person index at scale (docs/benchmarks.md, "Linkage", "Person
// index"): a linkage::RecordIndex of 1,000,000 synthetic persons over the
// person fields with the untrained default model, as the product serves
// before its first relink. Reports build time and memory, and the latency
// of 10,000 match queries (each a further appearance of a stored person,
// with its mistakes) as p50/p99/max counters, timed one by one.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include "linkage/default_model.h"
#include "linkage/random.h"
#include "linkage/record_index.h"
#include "linkage/testing/synthetic_people.h"

namespace vigil::linkage {
namespace {

LinkageRecord ToRecord(const testing::SyntheticRecord& person) {
  return LinkageRecord{person.id,
                       0,
                       {{"given_name", person.given_name},
                        {"surname", person.surname},
                        {"dob", person.dob},
                        {"postcode", person.postcode},
                        {"address", person.address},
                        {"phone", person.phone},
                        {"email", person.email}}};
}

Model PersonModel() {
  std::vector<RoleField> roles = {
      {"given_name", FieldRole::kGivenName}, {"surname", FieldRole::kSurname},
      {"dob", FieldRole::kDateOfBirth},      {"postcode", FieldRole::kPostcode},
      {"address", FieldRole::kAddress},      {"phone", FieldRole::kPhone},
      {"email", FieldRole::kEmail}};
  Model model = DefaultModel(roles, LinkType::kDeduplicate).value();
  SetUntrainedProbabilities(model);
  return model;
}

void BM_PersonIndex(benchmark::State& state) {
  const std::uint64_t persons = static_cast<std::uint64_t>(state.range(0));
  constexpr std::size_t kQueries = 10'000;
  // First appearances are stored; later appearances of the same invented
  // person become queries.
  std::vector<IndexEntity> stored;
  std::vector<LinkageRecord> queries;
  std::vector<std::uint8_t> seen;  // Per invented person: 1 seen, 2 stored.
  Random random(7);
  testing::GenerateSyntheticPeople(
      persons * 2, {}, random, [&](const testing::SyntheticRecord& record) {
        if (record.person >= seen.size()) seen.resize(record.person + 1, 0);
        if (seen[record.person] == 0) {
          seen[record.person] = 1;
          if (stored.size() < persons) {
            stored.push_back({record.id, {ToRecord(record)}});
            seen[record.person] = 2;
          }
        } else if (queries.size() < kQueries && seen[record.person] == 2) {
          queries.push_back(ToRecord(record));
        }
      });
  for (auto _ : state) {
    auto started = std::chrono::steady_clock::now();
    auto index = RecordIndex::Create(PersonModel(), stored, {}, 2).value();
    double build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::vector<double> latencies;
    std::size_t found = 0;
    MatchOptions options;
    for (const LinkageRecord& query : queries) {
      auto begin = std::chrono::steady_clock::now();
      auto result = index->Match({&query, 1}, options);
      latencies.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
              .count());
      if (result.ok() && !result->matches.empty()) ++found;
    }
    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double share) {
      return latencies[std::min(latencies.size() - 1,
                                static_cast<std::size_t>(share * latencies.size()))];
    };
    state.counters["persons"] = static_cast<double>(index->size());
    state.counters["build_s"] = build_seconds;
    state.counters["memory_MiB"] = static_cast<double>(index->MemoryBytes()) / (1 << 20);
    state.counters["queries"] = static_cast<double>(latencies.size());
    state.counters["found_share"] = static_cast<double>(found) / latencies.size();
    state.counters["p50_ms"] = percentile(0.5);
    state.counters["p99_ms"] = percentile(0.99);
    state.counters["max_ms"] = latencies.back();
  }
}
BENCHMARK(BM_PersonIndex)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace vigil::linkage

BENCHMARK_MAIN();
