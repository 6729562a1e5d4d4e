#include "linkage/expectation_maximisation.h"

#include <gtest/gtest.h>

#include <map>

#include "linkage/random.h"

namespace vigil::linkage {
namespace {

// Three comparisons of three levels (the last "else") with known m and u.
Model KnownModel(const std::vector<std::vector<double>>& m,
                 const std::vector<std::vector<double>>& u) {
  Model model;
  model.fields = {{"a", FieldKind::kText}};
  for (std::size_t comparison = 0; comparison < m.size(); ++comparison) {
    Comparison spec;
    spec.name = "c" + std::to_string(comparison);
    for (std::size_t level = 0; level < m[comparison].size(); ++level) {
      ComparisonLevel item;
      item.label = "l" + std::to_string(level);
      item.predicate = level + 1 == m[comparison].size() ? ElsePredicate() : ExactPredicate("a");
      item.m_probability = m[comparison][level];
      item.u_probability = u[comparison][level];
      spec.levels.push_back(item);
    }
    model.comparisons.push_back(spec);
  }
  model.blocking_rules = {BlockOn({"a"})};
  return model;
}

std::size_t Draw(Random& random, const std::vector<double>& probabilities) {
  double draw = random.UniformDouble();
  for (std::size_t level = 0; level < probabilities.size(); ++level) {
    draw -= probabilities[level];
    if (draw < 0) return level;
  }
  return probabilities.size() - 1;
}

std::vector<PatternCount> Sample(const std::vector<std::vector<double>>& m,
                                 const std::vector<std::vector<double>>& u, double lambda,
                                 int pairs, Random& random) {
  std::map<std::vector<std::uint8_t>, std::uint64_t> tally;
  for (int pair = 0; pair < pairs; ++pair) {
    bool match = random.UniformDouble() < lambda;
    std::vector<std::uint8_t> levels;
    for (std::size_t comparison = 0; comparison < m.size(); ++comparison) {
      levels.push_back(
          static_cast<std::uint8_t>(Draw(random, match ? m[comparison] : u[comparison])));
    }
    ++tally[levels];
  }
  std::vector<PatternCount> patterns;
  for (const auto& [levels, count] : tally) patterns.push_back({levels, count});
  return patterns;
}

const std::vector<std::vector<double>> kTrueM = {
    {0.85, 0.1, 0.05}, {0.7, 0.2, 0.1}, {0.9, 0.05, 0.05}};
const std::vector<std::vector<double>> kTrueU = {
    {0.01, 0.04, 0.95}, {0.05, 0.15, 0.8}, {0.001, 0.01, 0.989}};

TEST(ExpectationMaximisationTest, ConvergesToTheTrueMProbabilities) {
  Random random(2024);
  std::vector<PatternCount> patterns = Sample(kTrueM, kTrueU, 0.3, 200000, random);
  // Start far from the truth: every level equally likely among matches.
  std::vector<std::vector<double>> start = {
      {1 / 3.0, 1 / 3.0, 1 / 3.0}, {1 / 3.0, 1 / 3.0, 1 / 3.0}, {1 / 3.0, 1 / 3.0, 1 / 3.0}};
  Model model = KnownModel(start, kTrueU);
  core::Result<EmResult> result =
      RunExpectationMaximisation(model, patterns, {true, true, true}, 0.5, 200, 1e-7);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->converged);
  EXPECT_LT(result->iterations, 200);
  EXPECT_NEAR(result->lambda, 0.3, 0.01);
  for (std::size_t comparison = 0; comparison < 3; ++comparison) {
    for (std::size_t level = 0; level < 3; ++level) {
      EXPECT_NEAR(result->m[comparison][level], kTrueM[comparison][level], 0.01)
          << "comparison " << comparison << " level " << level;
    }
  }
}

TEST(ExpectationMaximisationTest, EachIterationMovesLessOnceConverging) {
  Random random(5);
  std::vector<PatternCount> patterns = Sample(kTrueM, kTrueU, 0.2, 50000, random);
  Model model = KnownModel({{0.5, 0.3, 0.2}, {0.5, 0.3, 0.2}, {0.5, 0.3, 0.2}}, kTrueU);
  double previous = 1;
  for (int iterations : {5, 10, 20, 40}) {
    EmResult result =
        RunExpectationMaximisation(model, patterns, {true, true, true}, 0.5, iterations, 1e-12)
            .value();
    EXPECT_LT(result.largest_last_change, previous) << iterations;
    previous = result.largest_last_change;
  }
  EXPECT_LT(previous, 1e-4);
}

TEST(ExpectationMaximisationTest, LeavesExcludedComparisonsAlone) {
  Random random(9);
  std::vector<PatternCount> patterns = Sample(kTrueM, kTrueU, 0.3, 20000, random);
  Model model = KnownModel({{0.5, 0.3, 0.2}, {0.6, 0.3, 0.1}, {0.5, 0.3, 0.2}}, kTrueU);
  EmResult result =
      RunExpectationMaximisation(model, patterns, {true, false, true}, 0.5, 100, 1e-7).value();
  EXPECT_EQ(result.m[1], (std::vector<double>{0.6, 0.3, 0.1}));
  EXPECT_FALSE(result.estimated[1]);
  EXPECT_NEAR(result.m[0][0], 0.85, 0.03);
}

TEST(ExpectationMaximisationTest, RejectsPatternsThatDoNotFit) {
  Model model = KnownModel(kTrueM, kTrueU);
  std::vector<PatternCount> short_pattern = {{{0, 1}, 3}};
  EXPECT_FALSE(
      RunExpectationMaximisation(model, short_pattern, {true, true, true}, 0.5, 5, 1e-6).ok());
  std::vector<PatternCount> bad_level = {{{0, 1, 7}, 3}};
  EXPECT_FALSE(RunExpectationMaximisation(model, bad_level, {true, true, true}, 0.5, 5, 1e-6).ok());
  std::vector<PatternCount> empty = {{{0, 1, 2}, 0}};
  EXPECT_FALSE(RunExpectationMaximisation(model, empty, {true, true, true}, 0.5, 5, 1e-6).ok());
  EXPECT_FALSE(RunExpectationMaximisation(model, empty, {true}, 0.5, 5, 1e-6).ok());
}

}  // namespace
}  // namespace vigil::linkage
