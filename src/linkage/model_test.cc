#include "linkage/model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

bool HasFieldError(const core::Status& status, std::string_view field, std::string_view code) {
  for (const core::FieldError& error : status.field_errors()) {
    if (error.field == field && error.code == code) return true;
  }
  return false;
}

TEST(ModelTest, ValidModelPassesAndConvertsWeights) {
  Model model = testing::PersonModel();
  EXPECT_TRUE(ValidateModel(model).ok()) << ValidateModel(model);
  EXPECT_NEAR(MatchWeightFromProbability(0.5), 0.0, 1e-12);
  EXPECT_NEAR(ProbabilityFromMatchWeight(MatchWeightFromProbability(0.9)), 0.9, 1e-12);
  EXPECT_NEAR(model.PriorMatchWeight(), std::log2(0.001 / 0.999), 1e-12);
  EXPECT_EQ(model.FieldIndex("dob"), 2);
  EXPECT_EQ(model.FieldIndex("nothing"), -1);
}

TEST(ModelTest, ValidationCollectsEveryProblem) {
  Model model = testing::PersonModel();
  model.fields.push_back({"dob", FieldKind::kText});
  model.comparisons[0].levels[1].m_probability = 0;
  model.comparisons[0].levels[2].predicate.at_least = 2;
  model.comparisons[1].levels.pop_back();  // No else level.
  model.comparisons[2].levels[2].is_null_level = true;
  model.comparisons[3].levels[2].predicate.field = "nothing";
  model.blocking_rules.push_back(BlockingRule{});
  model.blocking_rules.push_back(BlockingRule{{{"dob", KeyTransform::kMetaphone, 0}}, 0});
  model.prior = 1;
  model.threshold_match_probability = 0;
  model.training.max_iterations = 0;
  core::Status status = ValidateModel(model);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(status, "fields[5].name", "duplicate")) << status;
  EXPECT_TRUE(HasFieldError(status, "comparisons[0].levels[1].m_probability", "out_of_range"));
  EXPECT_TRUE(HasFieldError(status, "comparisons[0].levels[2].predicate.at_least", "out_of_range"));
  EXPECT_TRUE(HasFieldError(status, "comparisons[1].levels", "no_else_level"));
  EXPECT_TRUE(HasFieldError(status, "comparisons[2].levels[2].is_null_level", "misplaced"));
  EXPECT_TRUE(HasFieldError(status, "comparisons[3].levels[2].predicate.field", "unknown_field"));
  EXPECT_TRUE(HasFieldError(status, "blocking_rules[2].keys", "required"));
  EXPECT_TRUE(HasFieldError(status, "blocking_rules[3].keys[0].transform", "wrong_kind"));
  EXPECT_TRUE(HasFieldError(status, "prior", "out_of_range"));
  EXPECT_TRUE(HasFieldError(status, "threshold_match_probability", "out_of_range"));
  EXPECT_TRUE(HasFieldError(status, "training.max_iterations", "out_of_range"));
}

TEST(ModelTest, ComparatorsCheckFieldKinds) {
  Model model = testing::PersonModel();
  Predicate metaphone_on_dob;
  metaphone_on_dob.comparator = ComparatorKind::kMetaphone;
  metaphone_on_dob.field = "dob";
  model.comparisons[2].levels[2].predicate = metaphone_on_dob;
  Predicate empty_all_of;
  empty_all_of.comparator = ComparatorKind::kAllOf;
  model.comparisons[3].levels[2].predicate = empty_all_of;
  core::Status status = ValidateModel(model);
  EXPECT_TRUE(HasFieldError(status, "comparisons[2].levels[2].predicate.field", "wrong_kind"))
      << status;
  EXPECT_TRUE(HasFieldError(status, "comparisons[3].levels[2].predicate.children", "required"));
}

TEST(ModelJsonTest, RoundTripsExactly) {
  Model model = testing::PersonModel();
  model.model_version = 7;
  model.link_type = LinkType::kLink;
  model.trained = true;
  model.comparisons[0].levels[1].tf_adjustment = true;
  model.comparisons[0].levels[1].tf_adjustment_weight = 0.5;
  model.blocking_rules.push_back(BlockingRule{
      {{"given_name", KeyTransform::kPrefix, 3}, {"dob", KeyTransform::kYear, 0}}, 500});
  model.training.sessions = {BlockOn({"dob"})};
  model.training.deterministic_rules = {BlockOn({"given_name", "surname", "dob"})};
  model.training.recall = 0.6;
  model.cluster_guard.margin = 4.5;
  model.normalise.strip_email_tags = true;
  std::string json = ModelToJson(model);
  core::Result<Model> read = ModelFromJson(json);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, model);
  EXPECT_EQ(ModelToJson(*read), json);
  EXPECT_NE(json.find("\"schema_version\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"model_version\": 7"), std::string::npos);
}

TEST(ModelJsonTest, RejectsMalformedJson) {
  core::Result<Model> read = ModelFromJson("{\"fields\": [");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), core::StatusCode::kMalformed);
}

TEST(ModelJsonTest, ReportsEveryProblemWithItsPath) {
  core::Result<Model> read = ModelFromJson(R"({
    "schema_version": 2, "surprise": true, "link_type": "both",
    "fields": [{"name": "a", "kind": "colour"}],
    "comparisons": [{"name": "a", "levels": [
      {"predicate": {"comparator": "soundalike", "field": "a"}, "m_probability": "high"}]}],
    "blocking_rules": [{"keys": [{"field": "a", "transform": "reverse"}]}]
  })");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), core::StatusCode::kInvalidArgument);
  const core::Status& status = read.status();
  EXPECT_TRUE(HasFieldError(status, "schema_version", "unsupported")) << status;
  EXPECT_TRUE(HasFieldError(status, "surprise", "unknown_field")) << status;
  EXPECT_TRUE(HasFieldError(status, "link_type", "unknown")) << status;
  EXPECT_TRUE(HasFieldError(status, "fields[0].kind", "unknown")) << status;
  EXPECT_TRUE(
      HasFieldError(status, "comparisons[0].levels[0].predicate.comparator", "unknown_comparator"))
      << status;
  EXPECT_TRUE(HasFieldError(status, "comparisons[0].levels[0].m_probability", "wrong_type"));
  EXPECT_TRUE(HasFieldError(status, "blocking_rules[0].keys[0].transform", "unknown_transform"));
}

TEST(ModelJsonTest, RejectsDeepNestingAndWrongShapes) {
  std::string nested = R"({"comparator": "else"})";
  for (int depth = 0; depth < 12; ++depth) {
    nested = R"({"comparator": "all_of", "children": [)" + nested + "]}";
  }
  std::string json = R"({"schema_version": 1, "fields": [{"name": "a", "kind": "text"}],
    "comparisons": [{"name": "a", "levels": [{"predicate": )" +
                     nested + R"(}, {"predicate": {"comparator": "else"}}]}],
    "blocking_rules": [{"keys": ["a"]}]})";
  core::Result<Model> read = ModelFromJson(json);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().ToString().find("nest too deeply"), std::string::npos) << read.status();
  EXPECT_FALSE(ModelFromJson("[]").ok());
  EXPECT_FALSE(ModelFromJson("{\"schema_version\": 1, \"fields\": 3}").ok());
}

}  // namespace
}  // namespace vigil::linkage
