// Overrides: a downgrade from stalking needs a reason; risk overrides need a rationale.

#include "domain/screening/overrides.h"

#include <gtest/gtest.h>

#include "domain/screening/result_json.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;

constexpr char kStalking[] = R"({"facts_version": 1, "report_date": "2025-03-14",
  "relationship": "acquaintance",
  "occasions": [{"date": "2025-03-01", "behaviours": ["following"]},
                {"date": "2025-03-08", "behaviours": ["loitering"]}],
  "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true,
  "risk_answers": {"victim_very_frightened": false}})";

constexpr char kReason[] =
    "The suspect is a process server who attended twice to serve court papers.";

bool HasAction(const ScreeningResult& result, std::string_view id) {
  return std::any_of(result.actions.begin(), result.actions.end(),
                     [&](const PlannedAction& action) { return action.id == id; });
}

bool HasFieldError(const core::Status& status, const std::string& field) {
  return std::any_of(status.field_errors().begin(), status.field_errors().end(),
                     [&](const core::FieldError& error) { return error.field == field; });
}

TEST(OverridesTest, DowngradeFromStalkingWithoutReasonIsRejected) {
  Facts facts = FactsFrom(kStalking);
  for (const char* reason : {"", "harassment only", "   ", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                             "no no no no no no no no no no"}) {
    auto result = Engine().ApplyOverride(facts, {"harassment", reason});
    ASSERT_FALSE(result.ok()) << reason;
    EXPECT_EQ(result.status().code(), core::StatusCode::kInvalidArgument);
    EXPECT_TRUE(HasFieldError(result.status(), "override.reason")) << result.status();
  }
}

TEST(OverridesTest, DowngradeFromStalkingWithReasonIsAccepted) {
  auto result = Engine().ApplyOverride(FactsFrom(kStalking), {"harassment", kReason});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->primary->offence, "harassment");
  EXPECT_EQ(result->primary->hocr_classification, "8L");
  EXPECT_EQ(result->included, std::vector<std::string>{"stalking"});
  ASSERT_TRUE(result->classification_override);
  EXPECT_TRUE(result->classification_override->downgrade_from_stalking);
  EXPECT_EQ(result->classification_override->previous_primary, "stalking");
  EXPECT_EQ(result->classification_override->reason, kReason);
  EXPECT_TRUE(result->stalking_indicated);  // Still recorded as indicated.
  EXPECT_TRUE(result->HasWarning("stalking_downgrade"));
  EXPECT_TRUE(HasAction(*result, "supervisor_review"));  // Downgrade review.
  EXPECT_FALSE(HasAction(Engine().Screen(FactsFrom(kStalking)), "supervisor_review"));
  EXPECT_EQ(ToJson(*result)["override"]["downgrade_from_stalking"], true);
}

TEST(OverridesTest, OtherChangesNeedNoReason) {
  Facts facts = FactsFrom(kStalking);
  // Between stalking offences: not a downgrade.
  auto stalking = Engine().ApplyOverride(facts, {"stalking_serious_alarm_distress", ""});
  ASSERT_TRUE(stalking.ok()) << stalking.status();
  EXPECT_EQ(stalking->primary->offence, "stalking_serious_alarm_distress");
  EXPECT_TRUE(stalking->HasWarning("override_offence_not_met"));
  EXPECT_FALSE(stalking->HasWarning("stalking_downgrade"));
  // When stalking is not indicated, any offence may be chosen without a reason.
  Facts harassment = FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14",
    "occasions": [{"date": "2025-03-01"}, {"date": "2025-03-08"}], "fixated_or_obsessive": false,
    "relationship": "neighbour", "unwanted": true, "impact": {"alarm_or_distress": true},
    "suspect_knew_or_ought_to_know": true})");
  auto chosen = Engine().ApplyOverride(harassment, {"malicious_communications", ""});
  ASSERT_TRUE(chosen.ok()) << chosen.status();
  EXPECT_EQ(chosen->primary->offence, "malicious_communications");
  EXPECT_EQ(chosen->included, std::vector<std::string>{"harassment"});
  EXPECT_TRUE(chosen->HasWarning("codes_unverified"));
  EXPECT_FALSE(chosen->classification_override->downgrade_from_stalking);
}

TEST(OverridesTest, UpgradeToStalkingMarksStalkingIndicated) {
  Facts facts = FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14",
    "occasions": [{"date": "2025-03-01"}, {"date": "2025-03-08"}], "fixated_or_obsessive": false,
    "relationship": "neighbour", "unwanted": true, "impact": {"alarm_or_distress": true},
    "suspect_knew_or_ought_to_know": true})");
  EXPECT_FALSE(Engine().Screen(facts).stalking_indicated);
  auto result = Engine().ApplyOverride(facts, {"stalking", ""});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->stalking_indicated);
  EXPECT_TRUE(HasAction(*result, "consider_stalking_protection_order"));
  EXPECT_EQ(result->included, std::vector<std::string>{"harassment"});
}

TEST(OverridesTest, UnknownOffenceIsRejected) {
  auto result = Engine().ApplyOverride(FactsFrom(kStalking), {"burglary", kReason});
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(HasFieldError(result.status(), "override.offence"));
  auto long_reason =
      Engine().ApplyOverride(FactsFrom(kStalking), {"harassment", std::string(2001, 'a')});
  ASSERT_FALSE(long_reason.ok());
  EXPECT_TRUE(HasFieldError(long_reason.status(), "override.reason"));
}

TEST(OverridesTest, RiskOverrideNeedsRationale) {
  Facts facts = FactsFrom(kStalking);
  EXPECT_EQ(Engine().Screen(facts).risk->level, "standard");
  auto rejected = Engine().ApplyRiskOverride(facts, {"high", "gut feeling"});
  ASSERT_FALSE(rejected.ok());
  EXPECT_TRUE(HasFieldError(rejected.status(), "risk_override.rationale"));
  auto bad_level = Engine().ApplyRiskOverride(facts, {"severe", kReason});
  ASSERT_FALSE(bad_level.ok());
  EXPECT_TRUE(HasFieldError(bad_level.status(), "risk_override.level"));
  auto accepted = Engine().ApplyRiskOverride(
      facts, {"high", "The victim describes a sudden change in the suspect's threats this week."});
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_EQ(accepted->risk->level, "high");
  EXPECT_EQ(accepted->risk->calculated_level, "standard");
  ASSERT_TRUE(accepted->risk->override);
  EXPECT_TRUE(HasAction(*accepted, "consider_interim_stalking_protection_order"));
  EXPECT_TRUE(HasAction(*accepted, "supervisor_review"));
}

TEST(OverridesTest, RiskOverrideNeedsAnAssessment) {
  Facts facts = FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14"})");
  auto result = Engine().ApplyRiskOverride(facts, {"high", kReason});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), core::StatusCode::kFailedPrecondition);
}

TEST(OverridesTest, BothOverridesReportEveryProblem) {
  auto result = Engine().Screen(
      FactsFrom(kStalking),
      Overrides{ClassificationOverride{"harassment", ""}, RiskOverride{"extreme", ""}});
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(HasFieldError(result.status(), "override.reason"));
  EXPECT_TRUE(HasFieldError(result.status(), "risk_override.level"));
  EXPECT_TRUE(HasFieldError(result.status(), "risk_override.rationale"));
}

TEST(OverridesTest, Substance) {
  EXPECT_TRUE(HasSubstance(kReason));
  EXPECT_TRUE(HasSubstance("Bailiff enforcing a lawful warrant"));
  EXPECT_FALSE(HasSubstance("Bailiff visit today"));  // 17 letters.
  EXPECT_FALSE(HasSubstance("n/a"));
  EXPECT_FALSE(HasSubstance("abcdefghijklmnopqrstuvwxyz"));     // One word.
  EXPECT_FALSE(HasSubstance("aaaa aaaa aaaa aaaa aaaa aaaa"));  // One letter repeated.
  EXPECT_FALSE(HasSubstance("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"));  // No letters.
  EXPECT_TRUE(HasSubstance("Le suspect est un huissier de justice agréé"));
}

TEST(OverridesTest, ParsesOverrideRequests) {
  auto choice = ParseClassificationOverride(nlohmann::json{{"offence", "harassment"}});
  ASSERT_TRUE(choice.ok());
  EXPECT_EQ(choice->reason, "");
  EXPECT_FALSE(ParseClassificationOverride(nlohmann::json{{"reason", "x"}}).ok());
  EXPECT_FALSE(ParseClassificationOverride(nlohmann::json{{"offence", 3}}).ok());
  EXPECT_FALSE(
      ParseClassificationOverride(nlohmann::json{{"offence", "harassment"}, {"why", "x"}}).ok());
  EXPECT_FALSE(ParseClassificationOverride(nlohmann::json::array()).ok());
  auto risk = ParseRiskOverride(nlohmann::json{{"level", "high"}, {"rationale", kReason}});
  ASSERT_TRUE(risk.ok());
  EXPECT_EQ(risk->level, "high");
  EXPECT_FALSE(ParseRiskOverride(nlohmann::json{{"level", "high"}}).ok());
  EXPECT_FALSE(ParseRiskOverride(nlohmann::json("high")).ok());
}

}  // namespace
}  // namespace vigil::domain::screening
