// Linkage throughput (docs/benchmarks.md, "Linkage"): the comparators, the
// normalisers, and above all scored comparisons per second per core with the
// default model for people (given name, surname, date of birth, sex,
// postcode, address, phone, email: seven fuzzy comparisons, term-frequency
// adjusted exact levels), on synthetic people and their blocked pairs.
//
//   build/h-linkage-release/vigil_linkage_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>

#include <vector>

#include "linkage/blocking.h"
#include "linkage/default_model.h"
#include "linkage/normalizers.h"
#include "linkage/phonetic.h"
#include "linkage/pipeline.h"
#include "linkage/prediction.h"
#include "linkage/scorer.h"
#include "linkage/string_similarity.h"
#include "linkage/testing/synthetic_people.h"
#include "linkage/training.h"

namespace vigil::linkage {
namespace {

const char* kNames[] = {"margaret", "margret", "catherine", "kathryn",   "william",   "wiliam",
                        "stephen",  "steven",  "elizabeth", "elisabeth", "jonathan",  "johnathan",
                        "smith",    "smyth",   "thompson",  "thomson",   "macdonald", "mcdonald"};
constexpr std::size_t kNameCount = sizeof(kNames) / sizeof(kNames[0]);

void BM_JaroWinkler(benchmark::State& state) {
  std::size_t index = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        JaroWinklerSimilarity(kNames[index % kNameCount], kNames[(index * 7 + 1) % kNameCount]));
    ++index;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JaroWinkler);

void BM_DamerauLevenshteinBounded(benchmark::State& state) {
  std::size_t index = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(DamerauLevenshteinDistance(kNames[index % kNameCount],
                                                        kNames[(index * 7 + 1) % kNameCount], 2));
    ++index;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DamerauLevenshteinBounded);

void BM_Metaphone(benchmark::State& state) {
  std::size_t index = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Metaphone(kNames[index++ % kNameCount]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Metaphone);

void BM_NormaliseName(benchmark::State& state) {
  const char* names[] = {"Dr Mary-Jane O'Brien", "Zoë Łukasz", "SMITH", "Ólafsdóttir"};
  std::size_t index = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Normalise(FieldKind::kName, names[index++ % 4]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormaliseName);

void BM_NormalisePhone(benchmark::State& state) {
  const char* phones[] = {"07700 900123", "+44 (0)7700 900123", "+1 415 555 2671", "020 7946 0018"};
  std::size_t index = 0;
  for (auto _ : state) benchmark::DoNotOptimize(NormalisePhone(phones[index++ % 4]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalisePhone);

// Synthetic people, prepared, with a trained default model and the pairs its
// blocking rules make: built once, shared by the scoring benchmarks.
struct Fixture {
  PreparedRecords records;
  Model model;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::unique_ptr<Blocker> blocker;
};

const Fixture& SharedFixture() {
  static const Fixture* fixture = [] {
    auto* built = new Fixture;
    const std::vector<RoleField> roles = {
        {"given_name", FieldRole::kGivenName}, {"surname", FieldRole::kSurname},
        {"dob", FieldRole::kDateOfBirth},      {"sex", FieldRole::kSex},
        {"postcode", FieldRole::kPostcode},    {"address", FieldRole::kAddress},
        {"phone", FieldRole::kPhone},          {"email", FieldRole::kEmail}};
    std::vector<FieldSpec> fields;
    for (const RoleField& role : roles) fields.push_back({role.name, KindOfRole(role.role)});
    RecordPreparer preparer(fields);
    Random generator(1);
    testing::GenerateSyntheticPeople(
        200'000, {}, generator, [&](const testing::SyntheticRecord& record) {
          std::vector<std::string_view> values = {
              record.given_name, record.surname, record.dob,   record.sex,
              record.postcode,   record.address, record.phone, record.email};
          preparer.Add(record.id, 0, values);
        });
    built->records = preparer.Finish(2).value();
    built->model = DefaultModel(roles, LinkType::kDeduplicate, &built->records, 2).value();
    Random random(2);
    (void)TrainModel(built->model, built->records, random, 2).value();
    built->blocker = std::make_unique<Blocker>(
        Blocker::Create(built->model.blocking_rules, built->records, LinkType::kDeduplicate, 2)
            .value());
    for (std::size_t item = 0; item < built->blocker->work_item_count(); ++item) {
      built->blocker->ForEachPair(item,
                                  [&](std::uint32_t left, std::uint32_t right, std::uint32_t) {
                                    built->pairs.emplace_back(left, right);
                                  });
    }
    return built;
  }();
  return *fixture;
}

// Scored comparisons per second on one core, with explanations (levels and
// contributions) as prediction produces them.
void BM_ScorePairs(benchmark::State& state) {
  const Fixture& fixture = SharedFixture();
  PairScorer scorer = PairScorer::Create(fixture.model, fixture.records).value();
  std::vector<std::uint8_t> levels(scorer.comparison_count());
  std::vector<float> contributions(scorer.comparison_count());
  std::size_t index = 0;
  for (auto _ : state) {
    const auto& [left, right] = fixture.pairs[index];
    benchmark::DoNotOptimize(scorer.Score(left, right, levels, contributions));
    if (++index == fixture.pairs.size()) index = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["comparisons"] = static_cast<double>(scorer.comparison_count());
  state.counters["pairs_available"] = static_cast<double>(fixture.pairs.size());
}
BENCHMARK(BM_ScorePairs);

// Streamed prediction (pairs generated block by block, scored, emitted),
// on 1 and 2 threads: pairs per second of wall time.
void BM_Predict(benchmark::State& state) {
  const Fixture& fixture = SharedFixture();
  PairScorer scorer = PairScorer::Create(fixture.model, fixture.records).value();
  PredictionOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.minimum_match_weight = fixture.model.ThresholdMatchWeight();
  std::uint64_t scored = 0;
  for (auto _ : state) {
    std::uint64_t emitted = 0;
    PredictionSummary summary =
        Predict(scorer, *fixture.blocker, options, [&](const PredictionBatch& batch) {
          emitted += batch.size();
        }).value();
    scored += summary.pairs_scored;
    benchmark::DoNotOptimize(emitted);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(scored));
}
BENCHMARK(BM_Predict)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace vigil::linkage

BENCHMARK_MAIN();
