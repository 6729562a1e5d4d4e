#include "core/config_reader.h"

#include <gtest/gtest.h>

namespace vigil::core {
namespace {

TEST(ConfigReaderTest, ReadsTypedValues) {
  ConfigReader reader("rules.yaml",
                      "name: screening\ncount: 3\nratio: 0.5\non: true\nitems: [a, b]\n");
  ConfigNode root = reader.root();
  EXPECT_EQ(root.Required("name").AsString(), "screening");
  EXPECT_EQ(root.Required("count").AsInt(), 3);
  EXPECT_DOUBLE_EQ(root.Required("ratio").AsDouble(), 0.5);
  EXPECT_TRUE(root.Required("on").AsBool());
  EXPECT_EQ(root.Required("items").AsStringList(), (std::vector<std::string>{"a", "b"}));
  root.CheckNoUnknownKeys();
  EXPECT_TRUE(reader.ToStatus().ok()) << reader.ToStatus();
}

TEST(ConfigReaderTest, ReportsEveryProblemWithFileLineAndKey) {
  ConfigReader reader("rules.yaml", "version: two\nitems: 5\ntypo_key: 1\n");
  ConfigNode root = reader.root();
  root.Required("version").AsInt();
  root.Required("items").Items();
  root.Required("missing");
  root.CheckNoUnknownKeys();
  Status status = reader.ToStatus();
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.field_errors().size(), 4u) << status;
  EXPECT_EQ(status.field_errors()[0].field, "rules.yaml:1: version");
  EXPECT_EQ(status.field_errors()[0].message, "must be a whole number");
  EXPECT_EQ(status.field_errors()[1].field, "rules.yaml:2: items");
  EXPECT_EQ(status.field_errors()[2].field, "rules.yaml:1: missing");
  EXPECT_EQ(status.field_errors()[2].message, "is required");
  EXPECT_EQ(status.field_errors()[3].field, "rules.yaml:3: typo_key");
  EXPECT_EQ(status.field_errors()[3].message, "is not a known key");
}

TEST(ConfigReaderTest, SyntaxErrorNamesTheLine) {
  ConfigReader reader("bad.yaml", "a: 1\nb: [1, 2\n");
  Status status = reader.ToStatus();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.field_errors()[0].field.find("bad.yaml:"), std::string::npos);
}

TEST(ConfigReaderTest, MissingFileIsAnError) {
  ConfigReader reader = ConfigReader::FromFile("/nonexistent/vigil.yaml");
  EXPECT_FALSE(reader.ToStatus().ok());
}

TEST(ConfigReaderTest, NestedPathsAreDotted) {
  ConfigReader reader("x.yaml", "outer:\n  - id: 1\n    extra: 2\n");
  ConfigNode root = reader.root();
  for (ConfigNode& item : root.Required("outer").Items()) {
    item.Required("id").AsString();
    item.CheckNoUnknownKeys();
  }
  Status status = reader.ToStatus();
  ASSERT_EQ(status.field_errors().size(), 1u);
  EXPECT_EQ(status.field_errors()[0].field, "x.yaml:3: outer[0].extra");
}

}  // namespace
}  // namespace vigil::core
