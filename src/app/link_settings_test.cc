#include "app/link_settings.h"

#include <gtest/gtest.h>

namespace vigil::app {
namespace {

std::string Problems(const core::Status& status) { return status.ToString(); }

TEST(LinkSettingsTest, ColumnsAloneGiveThePlan) {
  core::Result<LinkSettings> settings = ParseLinkSettings("s.yaml", R"(
columns:
  rec_id: record_id
  given_name: given_name
  surname: surname
  street_number: address
  address_1: address
  date_of_birth: dob
  soc_sec_id: other
  unused_column_is_not_listed: other
)");
  ASSERT_TRUE(settings.ok()) << settings.status();
  const InputPlan& plan = settings->plan;
  EXPECT_EQ(plan.id_column, "rec_id");
  ASSERT_EQ(plan.fields.size(), 6u);
  EXPECT_EQ(plan.fields[0].name, "given_name");
  EXPECT_EQ(plan.fields[2].name, "dob");
  EXPECT_EQ(plan.fields[3].name, "soc_sec_id");
  EXPECT_EQ(plan.fields[5].name, "address");
  EXPECT_EQ(plan.sources[5].shape, FieldSource::Shape::kJoined);
  EXPECT_EQ(plan.sources[5].columns, (std::vector<std::string>{"street_number", "address_1"}));
  EXPECT_FALSE(settings->comparisons.has_value());
  EXPECT_EQ(settings->FieldSpecs()[2].kind, linkage::FieldKind::kDate);
}

TEST(LinkSettingsTest, DateInPartsBecomesOneField) {
  core::Result<LinkSettings> settings = ParseLinkSettings("s.yaml", R"(
columns: {id: record_id, fname_c1: given_name, by: dob_year, bm: dob_month, bd: dob_day}
)");
  ASSERT_TRUE(settings.ok()) << settings.status();
  ASSERT_EQ(settings->plan.fields.size(), 2u);
  EXPECT_EQ(settings->plan.sources[1].shape, FieldSource::Shape::kDateParts);
  EXPECT_EQ(settings->plan.sources[1].columns, (std::vector<std::string>{"by", "bm", "bd"}));
}

TEST(LinkSettingsTest, ReadsEveryOverride) {
  core::Result<LinkSettings> settings = ParseLinkSettings("/data/s.yaml", R"(
columns: {id: record_id, first: given_name, last: surname, born: dob}
threshold: 0.8
comparisons:
  - name: names
    levels:
      - {comparator: exact, field: surname, tf_adjustment: true}
      - {comparator: all_of, children: [{comparator: jaro_winkler, field: surname, at_least: 0.9},
                                        {comparator: exact, field: given_name}]}
  - levels:
      - {comparator: date_within_days, field: dob, max_days: 31}
blocking_rules:
  - [surname, dob]
  - [{field: surname, transform: prefix, length: 3}]
  - {keys: [dob], max_block_size: 100}
  - given_name
training: {seed: 7, max_pairs_for_u: 5000, recall: 0.6, sessions: [[dob]],
           deterministic_rules: [[given_name, surname, dob]]}
cluster_guard: {enabled: false, margin: 3}
normalise: {default_phone_region: US, strip_email_tags: true}
model: trained.json
save_model: out/model.json
)");
  ASSERT_TRUE(settings.ok()) << settings.status();
  ASSERT_TRUE(settings->comparisons.has_value());
  const std::vector<linkage::Comparison>& comparisons = *settings->comparisons;
  ASSERT_EQ(comparisons.size(), 2u);
  EXPECT_EQ(comparisons[0].name, "names");
  ASSERT_EQ(comparisons[0].levels.size(), 4u);  // Null and else added.
  EXPECT_TRUE(comparisons[0].levels[0].is_null_level);
  EXPECT_TRUE(comparisons[0].levels[1].tf_adjustment);
  EXPECT_EQ(comparisons[0].levels[2].predicate.children.size(), 2u);
  EXPECT_EQ(comparisons[1].name, "dob");
  EXPECT_EQ(comparisons[1].levels[1].predicate.max_days, 31);
  ASSERT_EQ(settings->blocking_rules->size(), 4u);
  EXPECT_EQ((*settings->blocking_rules)[1].Describe(), "prefix(surname, 3)");
  EXPECT_EQ((*settings->blocking_rules)[2].max_block_size, 100);
  EXPECT_EQ((*settings->blocking_rules)[3].Describe(), "given_name");
  EXPECT_EQ(*settings->threshold_match_probability, 0.8);
  EXPECT_EQ(*settings->training.seed, 7u);
  EXPECT_EQ(*settings->training.recall, 0.6);
  EXPECT_FALSE(settings->cluster_guard->enabled);
  EXPECT_EQ(settings->normalise->default_phone_region, "US");
  EXPECT_EQ(settings->model_path, "/data/trained.json");
  EXPECT_EQ(settings->save_model_path, "/data/out/model.json");
  linkage::Model model;
  settings->ApplyTo(model);
  EXPECT_EQ(model.threshold_match_probability, 0.8);
  EXPECT_EQ(model.training.max_pairs_for_u, 5000u);
  EXPECT_EQ(model.training.sessions.size(), 1u);
}

TEST(LinkSettingsTest, ReportsEveryProblemWithFileLineAndKey) {
  core::Result<LinkSettings> settings = ParseLinkSettings("bad.yaml",
                                                          "columns:\n"                   // 1
                                                          "  a: record_id\n"             // 2
                                                          "  b: record_id\n"             // 3
                                                          "  c: surname\n"               // 4
                                                          "  d: surname\n"               // 5
                                                          "  e: shoe_size\n"             // 6
                                                          "  f: dob\n"                   // 7
                                                          "  g: dob_day\n"               // 8
                                                          "threshold: 2\n"               // 9
                                                          "blocking_rules:\n"            // 10
                                                          "  - [nothing]\n"              // 11
                                                          "comparisons:\n"               // 12
                                                          "  - levels:\n"                // 13
                                                          "      - comparator: magic\n"  // 14
                                                          "surprise: 1\n");              // 15
  ASSERT_FALSE(settings.ok());
  std::string text = Problems(settings.status());
  for (const char* expected :
       {"bad.yaml:3: columns.b: record_id is given to two columns",
        "bad.yaml:5: columns.d: surname is given to two columns",
        "bad.yaml:6: columns.e: \"shoe_size\" is not a role",
        "bad.yaml:2: columns: use either dob or dob_day/dob_month/dob_year, not both",
        "bad.yaml:9: threshold: must be a match probability",
        "bad.yaml:11: blocking_rules[0]: rule.keys[0].field: the model has no field \"nothing\"",
        "bad.yaml:14: comparisons[0].levels[0].comparator: \"magic\" is not a comparator",
        "bad.yaml:15: surprise: is not a known key"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(LinkSettingsTest, RequiresColumnsWithAnIdAndSomethingToCompare) {
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "threshold: 0.5\n").ok());
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "columns: {a: given_name}\n").ok());
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "columns: {a: record_id}\n").ok());
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "columns: [a, b]\n").ok());
  EXPECT_FALSE(
      ParseLinkSettings("s.yaml", "columns: {a: record_id, b: surname, surname: other}\n").ok());
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "columns: {a: record_id, b: dob_day}\n").ok());
  EXPECT_FALSE(ParseLinkSettings("s.yaml", "{{{").ok());
  EXPECT_FALSE(ReadLinkSettings("/nonexistent/settings.yaml").ok());
}

}  // namespace
}  // namespace vigil::app
