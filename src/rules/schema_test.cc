#include "rules/schema.h"

#include <gtest/gtest.h>

#include "rules/test_schema.h"

namespace vigil::rules {
namespace {

TEST(SchemaTest, ResolvesNestedAndElementPaths) {
  Schema schema = testing::TestSchema();
  ASSERT_NE(schema.Resolve("impact.alarm"), nullptr);
  EXPECT_EQ(schema.Resolve("impact.alarm")->type, ValueType::kBool);
  EXPECT_EQ(schema.Resolve("impact")->type, ValueType::kObject);
  EXPECT_EQ(schema.Resolve("occasions[].message.menacing")->type, ValueType::kBool);
  EXPECT_EQ(schema.Resolve("occasions[]")->type, ValueType::kObjectList);
  EXPECT_EQ(schema.Resolve("occasions[].witnesses[].named")->type, ValueType::kBool);
}

TEST(SchemaTest, RejectsUnknownAndMalformedPaths) {
  Schema schema = testing::TestSchema();
  EXPECT_EQ(schema.Resolve("impact.nothing"), nullptr);
  EXPECT_EQ(schema.Resolve("occasions.date"), nullptr);  // A list needs "[]".
  EXPECT_EQ(schema.Resolve("impact[].alarm"), nullptr);  // A group is not a list.
  EXPECT_EQ(schema.Resolve("relationship.more"), nullptr);
  EXPECT_EQ(schema.Resolve(""), nullptr);
  EXPECT_EQ(schema.Resolve("a..b"), nullptr);
  EXPECT_EQ(schema.Resolve("Bad-Name"), nullptr);
}

TEST(SchemaTest, AddRefusesRoutesThroughValues) {
  Schema schema = testing::TestSchema();
  EXPECT_FALSE(schema.Add("relationship.kind", ValueType::kString));
  EXPECT_FALSE(schema.Add("missing[].x", ValueType::kBool));  // List not declared.
  EXPECT_FALSE(schema.Add("occasions[]", ValueType::kBool));
  EXPECT_FALSE(schema.Add("", ValueType::kBool));
  EXPECT_EQ(schema.Resolve("missing"), nullptr);  // A failed Add declares nothing.
  EXPECT_TRUE(schema.Add("impact.new_fact", ValueType::kNumber));
  EXPECT_EQ(schema.Resolve("impact.new_fact")->type, ValueType::kNumber);
}

TEST(SchemaTest, RedeclaringReplacesTypeAndValues) {
  Schema schema;
  ASSERT_TRUE(schema.Add("level", ValueType::kString, {"a"}));
  ASSERT_TRUE(schema.Add("level", ValueType::kString, {"b", "c"}));
  EXPECT_EQ(schema.Resolve("level")->allowed, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(schema.fields().size(), 1u);
}

TEST(SchemaTest, ListsLeafPaths) {
  Schema schema;
  ASSERT_TRUE(schema.Add("a", ValueType::kBool));
  ASSERT_TRUE(schema.Add("g.b", ValueType::kNumber));
  ASSERT_TRUE(schema.Add("items", ValueType::kObjectList));
  ASSERT_TRUE(schema.Add("items[].c", ValueType::kString));
  EXPECT_EQ(schema.LeafPaths(), (std::vector<std::string>{"a", "g.b", "items[].c"}));
}

TEST(SchemaTest, NamesTypes) {
  EXPECT_EQ(ValueTypeName(ValueType::kBool), "true or false");
  EXPECT_EQ(ValueTypeName(ValueType::kStringList), "list of text");
  EXPECT_EQ(ValueTypeName(ValueType::kObjectList), "list of groups");
}

}  // namespace
}  // namespace vigil::rules
