#include "linkage/default_model.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

bool HasRule(const std::vector<BlockingRule>& rules, const std::string& description) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const BlockingRule& rule) { return rule.Describe() == description; });
}

TEST(DefaultModelTest, BuildsComparisonsRulesAndSessionsFromRoles) {
  std::vector<RoleField> roles = {{"first", FieldRole::kGivenName},  {"last", FieldRole::kSurname},
                                  {"born", FieldRole::kDateOfBirth}, {"pc", FieldRole::kPostcode},
                                  {"mobile", FieldRole::kPhone},     {"mail", FieldRole::kEmail},
                                  {"x", FieldRole::kHandle},         {"line1", FieldRole::kAddress},
                                  {"gender", FieldRole::kSex},       {"ref", FieldRole::kOther}};
  core::Result<Model> model = DefaultModel(roles, LinkType::kDeduplicate);
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_TRUE(ValidateModel(*model).ok());
  EXPECT_EQ(model->comparisons.size(), roles.size());
  EXPECT_EQ(model->fields[2].kind, FieldKind::kDate);
  EXPECT_EQ(model->fields[9].kind, FieldKind::kText);
  // Given names own the swapped-names evidence; surnames do not repeat it.
  auto has_level = [](const Comparison& comparison, ComparatorKind kind) {
    return std::any_of(
        comparison.levels.begin(), comparison.levels.end(),
        [&](const ComparisonLevel& level) { return level.predicate.comparator == kind; });
  };
  EXPECT_TRUE(has_level(model->comparisons[0], ComparatorKind::kExactSwapped));
  EXPECT_TRUE(has_level(model->comparisons[0], ComparatorKind::kNickname));
  EXPECT_FALSE(has_level(model->comparisons[1], ComparatorKind::kExactSwapped));
  EXPECT_TRUE(has_level(model->comparisons[2], ComparatorKind::kDayMonthSwap));
  EXPECT_TRUE(has_level(model->comparisons[3], ComparatorKind::kPostcodeSector));
  EXPECT_TRUE(model->comparisons[0].levels[0].is_null_level);
  EXPECT_TRUE(model->comparisons[0].levels[1].tf_adjustment);
  EXPECT_TRUE(HasRule(model->blocking_rules, "first & last"));
  EXPECT_TRUE(HasRule(model->blocking_rules, "last & born"));
  EXPECT_TRUE(HasRule(model->blocking_rules, "mobile"));
  EXPECT_TRUE(HasRule(model->blocking_rules, "metaphone(first) & metaphone(last)"));
  EXPECT_FALSE(HasRule(model->blocking_rules, "ref"));  // Only with records to check it.
  ASSERT_EQ(model->training.sessions.size(), 2u);
  EXPECT_EQ(model->training.sessions[0].Describe(), "born");
  EXPECT_EQ(model->training.sessions[1].Describe(), "first & last");
  ASSERT_EQ(model->training.deterministic_rules.size(), 1u);
  EXPECT_EQ(model->training.deterministic_rules[0].Describe(), "first & last & born");
}

TEST(DefaultModelTest, DropsRulesOverThePairBudget) {
  // 200 records sharing one surname: blocking on it alone would make 19,900
  // pairs, over the budget of 10,000 + 10 per record.
  RecordPreparer preparer({{"surname", FieldKind::kName}, {"ref", FieldKind::kText}});
  for (int record = 0; record < 200; ++record) {
    std::string ref = "r" + std::to_string(record / 2);
    std::vector<std::string_view> values = {"smith", ref};
    preparer.Add(std::to_string(record), 0, values);
  }
  PreparedRecords records = preparer.Finish(1).value();
  std::vector<RoleField> roles = {{"surname", FieldRole::kSurname}, {"ref", FieldRole::kOther}};
  Model model = DefaultModel(roles, LinkType::kDeduplicate, &records, 1).value();
  EXPECT_FALSE(HasRule(model.blocking_rules, "surname"));
  EXPECT_TRUE(HasRule(model.blocking_rules, "ref"));
}

TEST(DefaultModelTest, RejectsRepeatedNamesAndRoles) {
  std::vector<RoleField> repeated = {{"a", FieldRole::kSurname}, {"a", FieldRole::kGivenName}};
  EXPECT_FALSE(DefaultModel(repeated, LinkType::kDeduplicate).ok());
  std::vector<RoleField> two_surnames = {{"a", FieldRole::kSurname}, {"b", FieldRole::kSurname}};
  EXPECT_FALSE(DefaultModel(two_surnames, LinkType::kDeduplicate).ok());
  std::vector<RoleField> two_others = {{"a", FieldRole::kOther}, {"b", FieldRole::kOther}};
  EXPECT_TRUE(DefaultModel(two_others, LinkType::kDeduplicate).ok());
  EXPECT_FALSE(DefaultModel({}, LinkType::kDeduplicate).ok());
}

TEST(FieldRoleTest, NamesRoundTrip) {
  for (FieldRole role :
       {FieldRole::kGivenName, FieldRole::kSurname, FieldRole::kFullName, FieldRole::kDateOfBirth,
        FieldRole::kSex, FieldRole::kPostcode, FieldRole::kAddress, FieldRole::kPhone,
        FieldRole::kEmail, FieldRole::kHandle, FieldRole::kOther}) {
    EXPECT_EQ(ParseFieldRole(FieldRoleName(role)), role);
  }
  EXPECT_FALSE(ParseFieldRole("shoe_size").has_value());
  EXPECT_EQ(ParseFieldKind("postcode"), FieldKind::kPostcode);
  EXPECT_FALSE(ParseFieldKind("colour").has_value());
  EXPECT_EQ(ParseLinkType(LinkTypeName(LinkType::kLink)), LinkType::kLink);
}

}  // namespace
}  // namespace vigil::linkage
