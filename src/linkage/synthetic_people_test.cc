#include "linkage/testing/synthetic_people.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace vigil::linkage::testing {
namespace {

std::vector<SyntheticRecord> Generate(std::uint64_t count, std::uint64_t seed) {
  std::vector<SyntheticRecord> records;
  Random random(seed);
  GenerateSyntheticPeople(count, {}, random,
                          [&](const SyntheticRecord& record) { records.push_back(record); });
  return records;
}

TEST(SyntheticPeopleTest, IsDeterministicForASeed) {
  std::vector<SyntheticRecord> first = Generate(500, 3);
  std::vector<SyntheticRecord> second = Generate(500, 3);
  std::vector<SyntheticRecord> other = Generate(500, 4);
  ASSERT_EQ(first.size(), 500u);
  for (std::size_t index = 0; index < first.size(); ++index) {
    EXPECT_EQ(SyntheticValues(first[index]), SyntheticValues(second[index]));
  }
  EXPECT_NE(SyntheticValues(first[0]), SyntheticValues(other[0]));
}

TEST(SyntheticPeopleTest, HasDuplicatesWithUniqueIds) {
  std::vector<SyntheticRecord> records = Generate(5000, 1);
  std::set<std::string> ids;
  std::map<std::uint64_t, int> appearances;
  for (const SyntheticRecord& record : records) {
    EXPECT_TRUE(ids.insert(record.id).second) << record.id;
    ++appearances[record.person];
  }
  EXPECT_GT(appearances.size(), 1500u);
  EXPECT_LT(appearances.size(), 3500u);
  EXPECT_EQ(SyntheticColumns().size(), SyntheticValues(records[0]).size());
}

}  // namespace
}  // namespace vigil::linkage::testing
