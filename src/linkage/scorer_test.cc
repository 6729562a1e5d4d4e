#include "linkage/scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

class ScorerTest : public ::testing::Test {
 protected:
  ScorerTest()
      : model_(testing::PersonModel()),
        records_(testing::Prepare({
            {"a", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
            {"b", "Jon", "Smith", "1980-12-03", "SW1A 1BB", ""},
            {"c", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
            {"d", "", "Brown", "1975-01-01", "M1 1AE", ""},
            {"e", "Smith", "John", "", "", ""},
        })) {}

  std::vector<std::uint8_t> Levels(std::uint32_t left, std::uint32_t right) {
    std::vector<std::uint8_t> levels(scorer().comparison_count());
    scorer().ComputeLevels(left, right, levels);
    return levels;
  }
  const PairScorer& scorer() {
    if (!scorer_)
      scorer_ = std::make_unique<PairScorer>(PairScorer::Create(model_, records_).value());
    return *scorer_;
  }

  Model model_;
  PreparedRecords records_;
  std::unique_ptr<PairScorer> scorer_;
};

TEST_F(ScorerTest, FindsTheFirstLevelThatHolds) {
  EXPECT_EQ(Levels(0, 2), (std::vector<std::uint8_t>{1, 1, 1, 1}));  // All exact.
  EXPECT_EQ(Levels(0, 1), (std::vector<std::uint8_t>{2, 1, 2, 2}));  // jw, exact, swap, sector.
  EXPECT_EQ(Levels(0, 3), (std::vector<std::uint8_t>{0, 2, 3, 3}));  // Null given name.
  EXPECT_EQ(Levels(3, 4), (std::vector<std::uint8_t>{0, 2, 0, 0}));
}

TEST_F(ScorerTest, AddsMatchWeightsAndReportsContributions) {
  std::vector<std::uint8_t> levels(4);
  std::vector<float> contributions(4);
  double weight = scorer().Score(0, 1, levels, contributions);
  double expected = model_.PriorMatchWeight() + std::log2(0.1 / 0.02) + std::log2(0.85 / 0.005) +
                    std::log2(0.03 / 0.00001) + std::log2(0.1 / 0.01);
  EXPECT_NEAR(weight, expected, 1e-4);
  double sum = std::accumulate(contributions.begin(), contributions.end(), 0.0);
  EXPECT_NEAR(sum + model_.PriorMatchWeight(), weight, 1e-4);
  EXPECT_EQ(contributions[0], static_cast<float>(std::log2(0.1 / 0.02)));
  EXPECT_NEAR(scorer().Score(0, 3), scorer().Score(3, 0), 1e-9);
}

TEST_F(ScorerTest, AdjustsExactMatchesForTermFrequency) {
  model_.comparisons[1].levels[1].tf_adjustment = true;
  // "smith" is 3 of the 5 surnames: u becomes 0.6 instead of 0.005.
  double weight = scorer().Score(0, 2);
  std::vector<float> contributions(4);
  scorer().Score(0, 2, {}, contributions);
  EXPECT_NEAR(contributions[1], std::log2(0.85 / 0.6), 1e-4);
  model_.comparisons[1].levels[1].tf_adjustment_weight = 0.5;
  scorer_.reset();
  scorer().Score(0, 2, {}, contributions);
  EXPECT_NEAR(contributions[1], std::log2(0.85 / 0.005) + 0.5 * std::log2(0.005 / 0.6), 1e-4);
  EXPECT_LT(weight, scorer().Score(0, 2));
}

TEST_F(ScorerTest, SetWeightsTakesNewProbabilities) {
  double before = scorer().Score(0, 2);
  Model changed = model_;
  changed.comparisons[0].levels[1].m_probability = 0.4;
  PairScorer copy = scorer();
  copy.SetWeights(changed);
  EXPECT_NEAR(copy.Score(0, 2), before - 1.0, 1e-4);
}

TEST_F(ScorerTest, CrosswiseComparatorsSeeSwappedNames) {
  Predicate swapped;
  swapped.comparator = ComparatorKind::kExactSwapped;
  swapped.field = "given_name";
  swapped.other_field = "surname";
  model_.comparisons[0].levels[2].predicate = swapped;
  EXPECT_EQ(Levels(0, 4)[0], 2);
  EXPECT_EQ(Levels(1, 4)[0], 3);  // "jon" is not "smith".
  Predicate one_way = swapped;
  one_way.comparator = ComparatorKind::kExactCrosswise;
  model_.comparisons[0].levels[2].predicate = one_way;
  scorer_.reset();
  EXPECT_EQ(Levels(1, 4)[0], 2);  // Record 4's given name "smith" is record 1's surname.
}

TEST_F(ScorerTest, RejectsModelsThatDoNotFitTheRecords) {
  Model wrong = model_;
  wrong.fields[3].kind = FieldKind::kText;
  for (Comparison& comparison : wrong.comparisons) {
    for (ComparisonLevel& level : comparison.levels) {
      if (level.predicate.comparator == ComparatorKind::kPostcodeSector) {
        level.predicate.comparator = ComparatorKind::kExact;
      }
    }
  }
  EXPECT_FALSE(PairScorer::Create(wrong, records_).ok());
  Model missing = model_;
  missing.fields.push_back({"phone", FieldKind::kPhone});
  EXPECT_FALSE(PairScorer::Create(missing, records_).ok());
  Model invalid = model_;
  invalid.prior = 2;
  EXPECT_FALSE(PairScorer::Create(invalid, records_).ok());
}

// Every comparator of the library on one pair of values.
struct ComparatorCase {
  FieldKind kind;
  const char* left;
  const char* right;
  Predicate predicate;
  bool expected;
};

Predicate Make(ComparatorKind kind, double at_least = 0, int limit = 0) {
  Predicate predicate;
  predicate.comparator = kind;
  predicate.field = "value";
  predicate.at_least = at_least;
  predicate.max_distance = limit;
  predicate.max_days = limit;
  predicate.max_years = limit;
  predicate.length = limit;
  return predicate;
}

TEST(ComparatorLibraryTest, EachComparatorDecidesAsDocumented) {
  const ComparatorCase cases[] = {
      {FieldKind::kText, "abc", "abc", Make(ComparatorKind::kExact), true},
      {FieldKind::kText, "abc", "abd", Make(ComparatorKind::kExact), false},
      {FieldKind::kText, "abc", "", Make(ComparatorKind::kNull), true},
      {FieldKind::kText, "abc", "abd", Make(ComparatorKind::kNull), false},
      {FieldKind::kText, "abc", "", Make(ComparatorKind::kElse), true},
      {FieldKind::kName, "martha", "marhta", Make(ComparatorKind::kJaroWinkler, 0.96), true},
      {FieldKind::kName, "martha", "marhta", Make(ComparatorKind::kJaroWinkler, 0.97), false},
      {FieldKind::kName, "martha", "marhta", Make(ComparatorKind::kJaro, 0.94), true},
      {FieldKind::kText, "kitten", "sitting", Make(ComparatorKind::kLevenshtein, 0, 3), true},
      {FieldKind::kText, "kitten", "sitting", Make(ComparatorKind::kLevenshtein, 0, 2), false},
      {FieldKind::kText, "abcd", "abdc", Make(ComparatorKind::kDamerauLevenshtein, 0, 1), true},
      {FieldKind::kText, "abcd", "abdc", Make(ComparatorKind::kLevenshtein, 0, 1), false},
      {FieldKind::kName, "catherine", "kathryn", Make(ComparatorKind::kMetaphone), true},
      {FieldKind::kName, "robert", "rupert", Make(ComparatorKind::kSoundex), true},
      {FieldKind::kName, "peggy", "margaret", Make(ComparatorKind::kNickname), true},
      {FieldKind::kName, "peggy", "robert", Make(ComparatorKind::kNickname), false},
      {FieldKind::kName, "j", "john", Make(ComparatorKind::kInitial), true},
      {FieldKind::kName, "jo", "john", Make(ComparatorKind::kInitial), false},
      {FieldKind::kText, "abcdef", "abcxyz", Make(ComparatorKind::kPrefix, 0, 3), true},
      {FieldKind::kText, "ab", "ab", Make(ComparatorKind::kPrefix, 0, 3), true},
      {FieldKind::kText, "ab", "abc", Make(ComparatorKind::kPrefix, 0, 3), false},
      {FieldKind::kAddress, "1 high street", "high street 1",
       Make(ComparatorKind::kTokenJaccard, 1.0), true},
      {FieldKind::kAddress, "1 high street", "2 high street",
       Make(ComparatorKind::kTokenJaccard, 0.5), true},
      {FieldKind::kAddress, "1 high street", "2 high road",
       Make(ComparatorKind::kTokenJaccard, 0.5), false},
      {FieldKind::kDate, "1980-03-12", "1980-04-10", Make(ComparatorKind::kDateWithinDays, 0, 30),
       true},
      {FieldKind::kDate, "1980-03-12", "1980-04-12", Make(ComparatorKind::kDateWithinDays, 0, 30),
       false},
      {FieldKind::kDate, "1980", "1980-04-12", Make(ComparatorKind::kDateWithinDays, 0, 300),
       false},
      {FieldKind::kDate, "1980", "1982-04-12", Make(ComparatorKind::kYearWithin, 0, 2), true},
      {FieldKind::kDate, "1980", "1983-04-12", Make(ComparatorKind::kYearWithin, 0, 2), false},
      {FieldKind::kDate, "1980-03-12", "1980-12-03", Make(ComparatorKind::kDayMonthSwap), true},
      {FieldKind::kDate, "1980-03-12", "1981-12-03", Make(ComparatorKind::kDayMonthSwap), false},
      {FieldKind::kPostcode, "SW1A 1AA", "SW1A 1BB", Make(ComparatorKind::kPostcodeSector), true},
      {FieldKind::kPostcode, "SW1A 1AA", "SW1A 2BB", Make(ComparatorKind::kPostcodeSector), false},
      {FieldKind::kPostcode, "SW1A 1AA", "SW1A 2BB", Make(ComparatorKind::kPostcodeDistrict), true},
      {FieldKind::kPostcode, "SW1A 1AA", "SW2 2BB", Make(ComparatorKind::kPostcodeArea), true},
      {FieldKind::kPostcode, "2257", "2257", Make(ComparatorKind::kPostcodeArea), false},
  };
  for (const ComparatorCase& test : cases) {
    Model model;
    model.fields = {{"value", test.kind}};
    Predicate predicate = test.predicate;
    ComparisonLevel level;
    level.label = "tested";
    level.predicate = predicate;
    ComparisonLevel otherwise;
    otherwise.label = "else";
    Comparison comparison;
    comparison.name = "value";
    comparison.levels = {level, otherwise};
    model.comparisons = {comparison};
    model.blocking_rules = {BlockOn({"value"})};
    ASSERT_TRUE(ValidateModel(model).ok()) << predicate.Describe() << ValidateModel(model);
    RecordPreparer preparer(model.fields);
    std::vector<std::string_view> left = {test.left};
    std::vector<std::string_view> right = {test.right};
    preparer.Add("left", 0, left);
    preparer.Add("right", 0, right);
    PreparedRecords records = preparer.Finish(1).value();
    PairScorer scorer = PairScorer::Create(model, records).value();
    std::uint8_t found = 9;
    scorer.ComputeLevels(0, 1, std::span<std::uint8_t>(&found, 1));
    EXPECT_EQ(found == 0, test.expected)
        << predicate.Describe() << " on \"" << test.left << "\" and \"" << test.right << "\"";
  }
}

TEST(ComparatorLibraryTest, AllOfAndAnyOfCombineChildren) {
  Model model;
  model.fields = {{"a", FieldKind::kText}, {"b", FieldKind::kText}};
  Predicate both;
  both.comparator = ComparatorKind::kAllOf;
  both.children = {ExactPredicate("a"), ExactPredicate("b")};
  Predicate either = both;
  either.comparator = ComparatorKind::kAnyOf;
  ComparisonLevel first;
  first.predicate = both;
  ComparisonLevel second;
  second.predicate = either;
  ComparisonLevel otherwise;
  Comparison comparison{"ab", "", {first, second, otherwise}};
  model.comparisons = {comparison};
  model.blocking_rules = {BlockOn({"a"})};
  RecordPreparer preparer(model.fields);
  for (auto row : {std::vector<std::string_view>{"x", "y"}, {"x", "y"}, {"x", "z"}, {"w", "q"}}) {
    preparer.Add(std::string(row[0]) + std::string(row[1]) + std::to_string(preparer.size()), 0,
                 row);
  }
  PreparedRecords records = preparer.Finish(1).value();
  PairScorer scorer = PairScorer::Create(model, records).value();
  std::uint8_t level = 9;
  scorer.ComputeLevels(0, 1, std::span<std::uint8_t>(&level, 1));
  EXPECT_EQ(level, 0);
  scorer.ComputeLevels(0, 2, std::span<std::uint8_t>(&level, 1));
  EXPECT_EQ(level, 1);
  scorer.ComputeLevels(0, 3, std::span<std::uint8_t>(&level, 1));
  EXPECT_EQ(level, 2);
}

}  // namespace
}  // namespace vigil::linkage
