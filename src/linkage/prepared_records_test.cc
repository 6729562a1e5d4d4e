#include "linkage/prepared_records.h"

#include <gtest/gtest.h>

#include <cmath>

#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

TEST(PreparedRecordsTest, NormalisesAndDerivesFeatures) {
  PreparedRecords records = testing::Prepare({
      {"a", "Bill", "Smith", "12/03/1980", "sw1a1aa", "Bill@Example.com"},
      {"b", "William", "SMYTH", "1980-03-12", "SW1A 2AA", ""},
      {"c", "", "smith", "unknown", "2257", "no email"},
  });
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records.id(1), "b");
  EXPECT_EQ(records.source(2), 0);
  EXPECT_EQ(records.Value(0, 0), "bill");
  EXPECT_EQ(records.Value(1, 1), "smyth");
  EXPECT_EQ(records.Value(2, 0), "19800312");
  EXPECT_EQ(records.Value(2, 2), "");
  EXPECT_EQ(records.Value(3, 0), "SW1A 1AA");
  EXPECT_EQ(records.Value(3, 2), "2257");
  EXPECT_EQ(records.Value(4, 0), "bill@example.com");
  EXPECT_EQ(records.Value(4, 2), "");

  const FieldColumn& surname = records.column(1);
  const ValuePool& names = *surname.pool;
  // Given names and surnames share one pool, so they can be compared crosswise.
  EXPECT_EQ(records.column(0).pool.get(), surname.pool.get());
  std::uint32_t smith = surname.values[0];
  std::uint32_t smyth = surname.values[1];
  EXPECT_EQ(surname.values[2], smith);
  EXPECT_EQ(names.metaphone[smith], names.metaphone[smyth]);
  std::uint32_t bill = records.column(0).values[0];
  std::uint32_t william = records.column(0).values[1];
  EXPECT_GT(names.formal_begin[bill + 1], names.formal_begin[bill]);
  EXPECT_EQ(names.formal_ids[names.formal_begin[bill]],
            names.formal_ids[names.formal_begin[william]]);

  const FieldColumn& dob = records.column(2);
  EXPECT_TRUE(dob.pool->dates[dob.values[0]].complete);
  EXPECT_EQ(dob.pool->dates[dob.values[0]].year, 1980);
  const FieldColumn& postcode = records.column(3);
  EXPECT_EQ(postcode.pool->codes.View(postcode.pool->postcode_district[postcode.values[0]]),
            "SW1A");
  EXPECT_EQ(postcode.pool->postcode_district[postcode.values[2]], 0u);

  EXPECT_EQ(surname.non_null, 3u);
  EXPECT_EQ(surname.distinct, 2u);
  EXPECT_NEAR(surname.log2_term_frequency[smith], std::log2(2.0 / 3.0), 1e-6);
  EXPECT_EQ(records.column(0).non_null, 2u);
  EXPECT_GT(records.MemoryBytes(), 0u);
}

TEST(PreparedRecordsTest, TakesGenericRecordsByFieldName) {
  RecordPreparer preparer(testing::PersonFields());
  LinkageRecord record;
  record.id = "x";
  record.source = 1;
  record.fields = {{"surname", "Jones"}, {"ignored", "value"}};
  preparer.Add(record);
  core::Result<PreparedRecords> records = preparer.Finish(1);
  ASSERT_TRUE(records.ok()) << records.status();
  EXPECT_EQ(records->source(0), 1);
  EXPECT_EQ(records->Value(1, 0), "jones");
  EXPECT_EQ(records->Value(0, 0), "");
  EXPECT_EQ(records->SourceSize(1), 1u);
  EXPECT_EQ(records->FieldIndex("email"), 4);
  EXPECT_EQ(records->FieldIndex("nothing"), -1);
}

TEST(PreparedRecordsTest, RejectsRepeatedAndEmptyIdsAndBadSources) {
  RecordPreparer preparer(testing::PersonFields());
  std::vector<std::string_view> values = {"a"};
  preparer.Add("same", 0, values);
  preparer.Add("same", 1, values);  // Another source: allowed.
  preparer.Add("same", 0, values);
  preparer.Add("", 0, values);
  preparer.Add("odd", 2, values);
  core::Result<PreparedRecords> records = preparer.Finish(1);
  ASSERT_FALSE(records.ok());
  std::string text = records.status().ToString();
  EXPECT_NE(text.find("records[2].id"), std::string::npos) << text;
  EXPECT_NE(text.find("records[3].id"), std::string::npos) << text;
  EXPECT_NE(text.find("source"), std::string::npos) << text;
  EXPECT_EQ(text.find("records[1].id"), std::string::npos) << text;
}

}  // namespace
}  // namespace vigil::linkage
