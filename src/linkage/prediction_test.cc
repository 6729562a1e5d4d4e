#include "linkage/prediction.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

PreparedRecords Records() {
  return testing::Prepare({
      {"a", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"b", "Jon", "Smith", "1980-12-03", "SW1A 1BB", ""},
      {"c", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"d", "Mary", "Brown", "1980-03-12", "M1 1AE", ""},
      {"e", "Ann", "Brown", "1975-01-01", "", ""},
  });
}

using Row = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, float>;

std::vector<Row> PredictAll(const PairScorer& scorer, const Blocker& blocker,
                            PredictionOptions options, PredictionSummary* summary = nullptr) {
  std::vector<Row> rows;
  core::Result<PredictionSummary> result =
      Predict(scorer, blocker, options, [&](const PredictionBatch& batch) {
        EXPECT_LE(batch.size(), options.batch_size);
        for (std::size_t index = 0; index < batch.size(); ++index) {
          const PairPrediction& pair = batch.pair(index);
          rows.emplace_back(pair.left, pair.right, pair.blocking_rule, pair.match_weight);
          std::vector<float> contributions(scorer.comparison_count());
          EXPECT_NEAR(scorer.Score(pair.left, pair.right, {}, contributions), pair.match_weight,
                      1e-3);
          EXPECT_TRUE(std::equal(contributions.begin(), contributions.end(),
                                 batch.contributions(index).begin()));
          EXPECT_NEAR(pair.match_probability, 1 / (1 + std::exp2(-pair.match_weight)), 1e-5);
          std::vector<std::uint8_t> levels(scorer.comparison_count());
          scorer.ComputeLevels(pair.left, pair.right, levels);
          EXPECT_TRUE(std::equal(levels.begin(), levels.end(), batch.levels(index).begin()));
        }
      });
  EXPECT_TRUE(result.ok()) << result.status();
  if (summary != nullptr) *summary = *result;
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(PredictTest, ScoresEveryBlockedPairOnceWithExplanations) {
  Model model = testing::PersonModel();
  PreparedRecords records = Records();
  PairScorer scorer = PairScorer::Create(model, records).value();
  Blocker blocker = Blocker::Create(model.blocking_rules, records, model.link_type, 1).value();
  PredictionSummary summary;
  std::vector<Row> rows = PredictAll(scorer, blocker, PredictionOptions{}, &summary);
  // Surname: a-b, a-c, b-c, d-e; dob adds a-d, c-d.
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(summary.pairs_scored, 6u);
  EXPECT_EQ(summary.pairs_emitted, 6u);
  EXPECT_EQ(summary.pairs_scored_per_rule, (std::vector<std::uint64_t>{4, 2}));
  EXPECT_EQ(std::get<0>(rows[0]), 0u);
  EXPECT_EQ(std::get<1>(rows[0]), 1u);
}

TEST(PredictTest, EmitsOnlyPairsAtTheMinimumWeight) {
  Model model = testing::PersonModel();
  PreparedRecords records = Records();
  PairScorer scorer = PairScorer::Create(model, records).value();
  Blocker blocker = Blocker::Create(model.blocking_rules, records, model.link_type, 1).value();
  PredictionOptions options;
  options.minimum_match_weight = scorer.Score(0, 1);
  PredictionSummary summary;
  std::vector<Row> rows = PredictAll(scorer, blocker, options, &summary);
  EXPECT_EQ(summary.pairs_scored, 6u);
  EXPECT_EQ(summary.pairs_emitted, rows.size());
  for (const Row& row : rows)
    EXPECT_GE(std::get<3>(row), static_cast<float>(options.minimum_match_weight));
  EXPECT_NE(
      std::find_if(rows.begin(), rows.end(),
                   [](const Row& row) { return std::get<0>(row) == 0 && std::get<1>(row) == 2; }),
      rows.end());
}

TEST(PredictTest, ResultsDoNotDependOnThreadsOrBatchSize) {
  Model model = testing::PersonModel();
  PreparedRecords records = Records();
  PairScorer scorer = PairScorer::Create(model, records).value();
  Blocker one_item =
      Blocker::Create(model.blocking_rules, records, model.link_type, 1, 1 << 20).value();
  Blocker many_items =
      Blocker::Create(model.blocking_rules, records, model.link_type, 2, 1).value();
  PredictionOptions single;
  PredictionOptions threaded;
  threaded.threads = 4;
  threaded.batch_size = 1;
  std::uint64_t last_done = 0;
  std::vector<Row> first = PredictAll(scorer, one_item, single);
  std::vector<Row> second = PredictAll(scorer, many_items, threaded);
  EXPECT_EQ(first, second);
  core::Result<PredictionSummary> summary = Predict(
      scorer, many_items, threaded, [](const PredictionBatch&) {},
      [&](std::uint64_t done, std::uint64_t total) {
        EXPECT_LE(done, total);
        EXPECT_GE(done, last_done);
        last_done = done;
      });
  ASSERT_TRUE(summary.ok());
  EXPECT_GT(last_done, 0u);
}

TEST(PredictTest, RejectsMismatchedInputs) {
  Model model = testing::PersonModel();
  PreparedRecords records = Records();
  PreparedRecords other = Records();
  PairScorer scorer = PairScorer::Create(model, records).value();
  Blocker blocker = Blocker::Create(model.blocking_rules, other, model.link_type, 1).value();
  EXPECT_FALSE(Predict(scorer, blocker, {}, [](const PredictionBatch&) {}).ok());
  Blocker same = Blocker::Create(model.blocking_rules, records, model.link_type, 1).value();
  PredictionOptions options;
  options.batch_size = 0;
  EXPECT_FALSE(Predict(scorer, same, options, [](const PredictionBatch&) {}).ok());
}

}  // namespace
}  // namespace vigil::linkage
