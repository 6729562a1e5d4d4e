#include "linkage/string_similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "linkage/random.h"

namespace vigil::linkage {
namespace {

// Textbook dynamic programmes to check the fast versions against.
int ReferenceDistance(const std::string& left, const std::string& right, bool transpositions) {
  std::vector<std::vector<int>> table(left.size() + 1, std::vector<int>(right.size() + 1));
  for (std::size_t row = 0; row <= left.size(); ++row) table[row][0] = static_cast<int>(row);
  for (std::size_t column = 0; column <= right.size(); ++column) {
    table[0][column] = static_cast<int>(column);
  }
  for (std::size_t row = 1; row <= left.size(); ++row) {
    for (std::size_t column = 1; column <= right.size(); ++column) {
      int cost = left[row - 1] == right[column - 1] ? 0 : 1;
      table[row][column] = std::min({table[row - 1][column] + 1, table[row][column - 1] + 1,
                                     table[row - 1][column - 1] + cost});
      if (transpositions && row > 1 && column > 1 && left[row - 1] == right[column - 2] &&
          left[row - 2] == right[column - 1]) {
        table[row][column] = std::min(table[row][column], table[row - 2][column - 2] + 1);
      }
    }
  }
  return table[left.size()][right.size()];
}

// Textbook Jaro similarity.
double ReferenceJaro(const std::string& left, const std::string& right) {
  if (left.empty() && right.empty()) return 1.0;
  if (left.empty() || right.empty()) return 0.0;
  int window = std::max(0, static_cast<int>(std::max(left.size(), right.size())) / 2 - 1);
  std::vector<bool> left_matched(left.size()), right_matched(right.size());
  int matches = 0;
  for (int index = 0; index < static_cast<int>(left.size()); ++index) {
    int low = std::max(0, index - window);
    int high = std::min(static_cast<int>(right.size()) - 1, index + window);
    for (int other = low; other <= high; ++other) {
      if (!right_matched[other] && left[index] == right[other]) {
        left_matched[index] = right_matched[other] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int half = 0;
  std::size_t other = 0;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (!left_matched[index]) continue;
    while (!right_matched[other]) ++other;
    if (left[index] != right[other]) ++half;
    ++other;
  }
  double m = matches;
  return (m / left.size() + m / right.size() + (m - half / 2.0) / m) / 3.0;
}

std::string RandomWord(Random& random, std::size_t max_length) {
  std::string word(random.Uniform(max_length + 1), 'a');
  for (char& character : word) character = static_cast<char>('a' + random.Uniform(4));
  return word;
}

TEST(JaroWinklerTest, MatchesPublishedValues) {
  EXPECT_NEAR(JaroWinklerSimilarity("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinklerSimilarity("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinklerSimilarity("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_NEAR(JaroSimilarity("crate", "trace"), 0.7333, 1e-4);
}

TEST(JaroWinklerTest, HandlesEmptyAndEqualStrings) {
  EXPECT_EQ(JaroWinklerSimilarity("", ""), 1.0);
  EXPECT_EQ(JaroWinklerSimilarity("abc", ""), 0.0);
  EXPECT_EQ(JaroWinklerSimilarity("", "abc"), 0.0);
  EXPECT_EQ(JaroWinklerSimilarity("smith", "smith"), 1.0);
  EXPECT_EQ(JaroWinklerSimilarity("abc", "xyz"), 0.0);
}

TEST(JaroWinklerTest, IsSymmetricAndLongStringsAgreeWithShortAlgorithm) {
  Random random(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::string left = RandomWord(random, 12);
    std::string right = RandomWord(random, 12);
    EXPECT_NEAR(JaroWinklerSimilarity(left, right), JaroWinklerSimilarity(right, left), 1e-12)
        << left << " " << right;
  }
  // Beyond 64 bytes the general algorithm runs: padding both strings with
  // the same long suffix must keep the similarity high and in range.
  std::string padding(80, 'z');
  double similarity = JaroWinklerSimilarity("abc" + padding, "abd" + padding);
  EXPECT_GT(similarity, 0.95);
  EXPECT_LE(similarity, 1.0);
}

TEST(JaroWinklerTest, MatchesReferenceForEveryLengthMix) {
  Random random(13);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string left = RandomWord(random, trial % 3 == 0 ? 100 : 12);
    std::string right = RandomWord(random, trial % 5 == 0 ? 100 : 12);
    ASSERT_NEAR(JaroSimilarity(left, right), ReferenceJaro(left, right), 1e-12)
        << left << " " << right;
  }
}

TEST(LevenshteinTest, MatchesReferenceOnRandomStrings) {
  Random random(11);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string left = RandomWord(random, trial % 10 == 0 ? 90 : 10);
    std::string right = RandomWord(random, trial % 10 == 0 ? 90 : 10);
    ASSERT_EQ(LevenshteinDistance(left, right), ReferenceDistance(left, right, false))
        << left << " " << right;
    ASSERT_EQ(DamerauLevenshteinDistance(left, right), ReferenceDistance(left, right, true))
        << left << " " << right;
    for (int bound : {1, 2}) {
      ASSERT_EQ(LevenshteinDistance(left, right, bound),
                std::min(ReferenceDistance(left, right, false), bound + 1))
          << left << " " << right << " bound " << bound;
      ASSERT_EQ(DamerauLevenshteinDistance(left, right, bound),
                std::min(ReferenceDistance(left, right, true), bound + 1))
          << left << " " << right << " bound " << bound;
    }
  }
}

TEST(LevenshteinTest, KnownDistances) {
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting"), 3);
  EXPECT_EQ(LevenshteinDistance("", "abc"), 3);
  EXPECT_EQ(LevenshteinDistance("abc", "abc"), 0);
  EXPECT_EQ(LevenshteinDistance("ab", "ba"), 2);
  EXPECT_EQ(DamerauLevenshteinDistance("ab", "ba"), 1);
  EXPECT_EQ(DamerauLevenshteinDistance("ca", "abc"), 3);  // Optimal string alignment.
  EXPECT_EQ(DamerauLevenshteinDistance("19800312", "19803012"), 1);
}

TEST(LevenshteinTest, BoundStopsEarlyWithBoundPlusOne) {
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting", 1), 2);
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting", 3), 3);
  EXPECT_EQ(LevenshteinDistance("a", "abcdef", 2), 3);
  EXPECT_EQ(DamerauLevenshteinDistance("abcdef", "badcfe", 2), 3);
  EXPECT_EQ(DamerauLevenshteinDistance("abcdef", "badcfe", 3), 3);
}

}  // namespace
}  // namespace vigil::linkage
