#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <utility>

#include "linkage/random.h"
#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

using Pair = std::pair<std::uint32_t, std::uint32_t>;

std::vector<std::pair<Pair, std::uint32_t>> AllPairs(const Blocker& blocker) {
  std::vector<std::pair<Pair, std::uint32_t>> pairs;
  for (std::size_t item = 0; item < blocker.work_item_count(); ++item) {
    blocker.ForEachPair(item, [&](std::uint32_t left, std::uint32_t right, std::uint32_t rule) {
      pairs.push_back({{left, right}, rule});
    });
  }
  return pairs;
}

PreparedRecords People() {
  return testing::Prepare({
      {"0", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"1", "Jon", "Smith", "1980-03-12", "SW1A 1BB", ""},
      {"2", "John", "Smyth", "1980-03-12", "", ""},
      {"3", "Jane", "Smith", "", "M1 1AE", ""},
      {"4", "Mary", "Brown", "1975-01-01", "", ""},
      {"5", "", "", "", "", ""},
  });
}

TEST(BlockerTest, EachPairComesFromTheFirstRuleThatMakesIt) {
  PreparedRecords records = People();
  std::vector<BlockingRule> rules = {BlockOn({"surname"}), BlockOn({"dob"})};
  Blocker blocker = Blocker::Create(rules, records, LinkType::kDeduplicate, 2, 1).value();
  auto pairs = AllPairs(blocker);
  std::sort(pairs.begin(), pairs.end());
  // Surname smith: {0,1,3}; dob 1980-03-12: {0,1,2} of which 0-1 is already made.
  std::vector<std::pair<Pair, std::uint32_t>> expected = {
      {{0, 1}, 0}, {{0, 2}, 1}, {{0, 3}, 0}, {{1, 2}, 1}, {{1, 3}, 0}};
  EXPECT_EQ(pairs, expected);
  std::vector<RuleCount> counts = blocker.CountComparisons(2);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].rule, "surname");
  EXPECT_EQ(counts[0].raw_pairs, 3u);
  EXPECT_EQ(counts[0].new_pairs, 3u);
  EXPECT_EQ(counts[1].raw_pairs, 3u);
  EXPECT_EQ(counts[1].new_pairs, 2u);
  EXPECT_EQ(counts[1].largest_block, 3u);
  EXPECT_EQ(blocker.total_raw_pairs(), 6u);
}

TEST(BlockerTest, TransformsAndCompoundKeys) {
  PreparedRecords records = People();
  std::vector<BlockingRule> rules = {
      BlockingRule{{{"surname", KeyTransform::kMetaphone, 0}, {"dob", KeyTransform::kYear, 0}}, 0}};
  Blocker blocker = Blocker::Create(rules, records, LinkType::kDeduplicate, 1).value();
  auto pairs = AllPairs(blocker);
  std::set<Pair> made;
  for (const auto& [pair, rule] : pairs) made.insert(pair);
  EXPECT_EQ(made, (std::set<Pair>{{0, 1}, {0, 2}, {1, 2}}));  // Smith and Smyth, born 1980.

  std::vector<BlockingRule> prefix = {
      BlockingRule{{{"given_name", KeyTransform::kPrefix, 2}}, 0},
      BlockingRule{{{"postcode", KeyTransform::kPostcodeDistrict, 0}}, 0}};
  Blocker other = Blocker::Create(prefix, records, LinkType::kDeduplicate, 1).value();
  std::set<Pair> more;
  for (const auto& [pair, rule] : AllPairs(other)) more.insert(pair);
  EXPECT_EQ(more, (std::set<Pair>{{0, 1}, {0, 2}, {1, 2}}));  // "jo" prefix; SW1A adds nothing.
}

TEST(BlockerTest, LinksOnlyAcrossSources) {
  RecordPreparer preparer(testing::PersonFields());
  for (int record = 0; record < 6; ++record) {
    std::vector<std::string_view> values = {"x", "smith"};
    preparer.Add(std::to_string(record), record % 2, values);
  }
  PreparedRecords records = preparer.Finish(1).value();
  std::vector<BlockingRule> rules = {BlockOn({"surname"}), BlockOn({"given_name"})};
  Blocker blocker = Blocker::Create(rules, records, LinkType::kLink, 1, 2).value();
  auto pairs = AllPairs(blocker);
  ASSERT_EQ(pairs.size(), 9u);
  for (const auto& [pair, rule] : pairs) {
    EXPECT_EQ(records.source(pair.first), 0);
    EXPECT_EQ(records.source(pair.second), 1);
    EXPECT_EQ(rule, 0u);
  }
  std::vector<RuleCount> counts = blocker.CountComparisons(1);
  EXPECT_EQ(counts[0].raw_pairs, 9u);
  EXPECT_EQ(counts[1].new_pairs, 0u);
}

TEST(BlockerTest, SkipsOversizedBlocksWithoutExcludingTheirPairsLater) {
  PreparedRecords records = People();
  BlockingRule surname = BlockOn({"surname"});
  surname.max_block_size = 2;
  std::vector<BlockingRule> rules = {surname, BlockOn({"dob"})};
  Blocker blocker = Blocker::Create(rules, records, LinkType::kDeduplicate, 1).value();
  std::vector<RuleCount> counts = blocker.CountComparisons(1);
  EXPECT_EQ(counts[0].skipped_blocks, 1u);
  EXPECT_EQ(counts[0].skipped_pairs, 3u);
  EXPECT_EQ(counts[0].new_pairs, 0u);
  EXPECT_EQ(counts[1].new_pairs, 3u);  // 0-1 is made by dob, since surname skipped it.
}

TEST(BlockerTest, MatchesBruteForceOnRandomDataWhateverTheWorkItemSize) {
  Random random(3);
  RecordPreparer preparer(testing::PersonFields());
  const char* names[] = {"ann", "bob", "cat", ""};
  const char* dates[] = {"2000-01-01", "2000-01-02", ""};
  for (int record = 0; record < 300; ++record) {
    std::vector<std::string_view> values = {names[random.Uniform(4)], names[random.Uniform(4)],
                                            dates[random.Uniform(3)]};
    preparer.Add(std::to_string(record), 0, values);
  }
  PreparedRecords records = preparer.Finish(1).value();
  std::vector<BlockingRule> rules = {BlockOn({"given_name", "surname"}), BlockOn({"dob"}),
                                     BlockOn({"surname"})};
  std::set<Pair> expected;
  for (std::uint32_t left = 0; left < records.size(); ++left) {
    for (std::uint32_t right = left + 1; right < records.size(); ++right) {
      auto same = [&](int field) {
        std::string_view value = records.Value(static_cast<std::size_t>(field), left);
        return !value.empty() && value == records.Value(static_cast<std::size_t>(field), right);
      };
      if ((same(0) && same(1)) || same(2) || same(1)) expected.insert({left, right});
    }
  }
  for (std::uint64_t target : {1ull, 7ull, 1000ull, 1ull << 30}) {
    Blocker blocker = Blocker::Create(rules, records, LinkType::kDeduplicate, 2, target).value();
    auto pairs = AllPairs(blocker);
    std::set<Pair> made;
    for (const auto& [pair, rule] : pairs) made.insert(pair);
    EXPECT_EQ(made.size(), pairs.size()) << "a pair was made twice, target " << target;
    EXPECT_EQ(made, expected) << "target " << target;
  }
}

TEST(BlockerTest, RejectsRulesThatDoNotFitTheRecords) {
  PreparedRecords records = People();
  std::vector<BlockingRule> unknown = {BlockOn({"phone"})};
  EXPECT_FALSE(Blocker::Create(unknown, records, LinkType::kDeduplicate, 1).ok());
  std::vector<BlockingRule> wrong = {BlockingRule{{{"email", KeyTransform::kYear, 0}}, 0}};
  EXPECT_FALSE(Blocker::Create(wrong, records, LinkType::kDeduplicate, 1).ok());
}

}  // namespace
}  // namespace vigil::linkage
