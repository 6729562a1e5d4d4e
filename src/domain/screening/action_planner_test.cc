// Action planning: triggers, order, and no Police Information Notice for stalking.

#include "domain/screening/action_planner.h"

#include <gtest/gtest.h>

#include "domain/screening/fact_schema.h"
#include "domain/screening/offence_law.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;
using Strings = std::vector<std::string>;

Strings ActionIds(const ScreeningResult& result) {
  Strings ids;
  for (const PlannedAction& action : result.actions) ids.push_back(action.id);
  return ids;
}

bool Has(const Strings& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Strings Actions(const std::string& members) {
  return ActionIds(Engine().Screen(
      FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14", )" + members + "}")));
}

constexpr char kStalking[] = R"("relationship": "stranger", "occasions": [
    {"date": "2025-03-01", "behaviours": ["following"], "channel": "in_person"},
    {"date": "2025-03-08", "behaviours": ["contacting"], "channel": "email"}],
  "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true)";

constexpr char kHarassment[] = R"("relationship": "neighbour", "fixated_or_obsessive": false,
  "occasions": [{"date": "2025-03-01", "channel": "in_person"}, {"date": "2025-03-08", "channel": "in_person"}],
  "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true)";

TEST(ActionPlannerTest, StalkingIndicated) {
  Strings ids = Actions(kStalking);
  for (const char* id : {"consider_arrest", "preserve_digital_evidence", "secure_cctv_and_anpr",
                         "check_suspect_history_and_linked_reports",
                         "complete_stalking_risk_assessment", "safety_advice", "agree_safety_plan",
                         "consider_stalking_protection_order", "refer_national_stalking_helpline",
                         "refer_stalking_advocacy", "victims_code_needs_assessment"}) {
    EXPECT_TRUE(Has(ids, id)) << id;
  }
  for (const char* id : {"consider_interim_stalking_protection_order", "refer_idva", "refer_marac",
                         "supervisor_review"}) {
    EXPECT_FALSE(Has(ids, id)) << id;  // No risk assessment, no downgrade.
  }
}

TEST(ActionPlannerTest, HarassmentOnly) {
  Strings ids = Actions(kHarassment);
  EXPECT_EQ(ids,
            (Strings{"secure_cctv_and_anpr", "safety_advice", "victims_code_needs_assessment"}));
}

TEST(ActionPlannerTest, StalkingPossible) {
  Strings ids = Actions(R"("occasions": [{"date": "2025-03-01", "channel": "phone_call"},
                                         {"date": "2025-03-08", "channel": "phone_call"}])");
  for (const char* id :
       {"check_suspect_history_and_linked_reports", "complete_stalking_risk_assessment",
        "refer_national_stalking_helpline", "preserve_digital_evidence"}) {
    EXPECT_TRUE(Has(ids, id)) << id;
  }
  for (const char* id : {"consider_arrest", "refer_stalking_advocacy",
                         "consider_stalking_protection_order", "secure_cctv_and_anpr"}) {
    EXPECT_FALSE(Has(ids, id)) << id;
  }
}

TEST(ActionPlannerTest, HighRiskDomestic) {
  std::string members = std::string(kHarassment);
  members.replace(members.find("neighbour"), 9, "family_member");
  members += R"(, "risk_answers": {"threats_to_kill": true})";
  Strings ids = Actions(members);
  for (const char* id :
       {"consider_arrest", "refer_idva", "refer_marac", "supervisor_review", "agree_safety_plan"}) {
    EXPECT_TRUE(Has(ids, id)) << id;
  }
  EXPECT_FALSE(Has(ids, "consider_interim_stalking_protection_order"));  // Not stalking.
  // High risk but not personally connected: no IDVA or MARAC.
  Strings stranger =
      Actions(std::string(kHarassment) + R"(, "risk_answers": {"threats_to_kill": true})");
  EXPECT_FALSE(Has(stranger, "refer_idva"));
  EXPECT_FALSE(Has(stranger, "refer_marac"));
  EXPECT_TRUE(Has(stranger, "supervisor_review"));
}

TEST(ActionPlannerTest, SortedByPriority) {
  ScreeningResult result = Engine().Screen(FactsFrom(
      std::string(R"({"facts_version": 1, "report_date": "2025-03-14", )") + kStalking + "}"));
  ASSERT_FALSE(result.actions.empty());
  for (std::size_t index = 1; index < result.actions.size(); ++index) {
    EXPECT_LE(result.actions[index - 1].priority, result.actions[index].priority);
  }
  EXPECT_EQ(result.actions.front().id, "consider_arrest");
  EXPECT_EQ(result.actions.front().due_within_hours, 4);
  EXPECT_EQ(result.actions.front().owner_role, "investigating_officer");
  EXPECT_EQ(result.actions.front().kind, "investigative");
}

// A config whose only action is a harassment warning triggered always.
ActionConfig PinConfig(bool flagged, const std::string& id, const std::string& text) {
  rules::Schema schema = ActionRuleSchema(Engine().config().vocabulary, OffenceIds());
  std::string yaml = "schema_version: 1\nversion: 1\nactions:\n  - id: " + id +
                     "\n    text: " + text +
                     "\n    kind: safeguarding\n    when: \"true\"\n    priority: 1\n" +
                     "    due_within_hours: 24\n    owner_role: supervisor\n" +
                     "    police_information_notice: " + (flagged ? "true" : "false") + "\n";
  core::ConfigReader reader("actions.yaml", yaml);
  ActionConfig config = ParseActionConfig(reader, schema);
  EXPECT_TRUE(reader.ToStatus().ok()) << reader.ToStatus();
  return config;
}

TEST(ActionPlannerTest, NeverSuggestsAPoliceInformationNoticeForStalking) {
  for (const ActionConfig& config :
       {PinConfig(true, "consider_warning", "Consider a warning letter"),
        PinConfig(false, "issue_pin", "Issue a PIN to the suspect"),
        PinConfig(false, "consider_warning", "Consider a Police Information Notice"),
        PinConfig(false, "consider_warning", "Consider a harassment warning")}) {
    ScreeningResult stalking = Engine().Screen(FactsFrom(
        std::string(R"({"facts_version": 1, "report_date": "2025-03-14", )") + kStalking + "}"));
    nlohmann::json facts;
    rules::Context context{&facts};
    std::vector<Warning> warnings;
    EXPECT_TRUE(PlanActions(config, context, stalking, warnings).empty());
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings.front().code, "pin_not_suggested");
    // Stalking possible: still never.
    ScreeningResult possible = stalking;
    possible.stalking_indicated = false;
    possible.stalking_possible = true;
    EXPECT_TRUE(PlanActions(config, context, possible, warnings).empty());
    // Harassment only: the config decides.
    ScreeningResult harassment = stalking;
    harassment.stalking_indicated = false;
    EXPECT_EQ(PlanActions(config, context, harassment, warnings).size(), 1u);
  }
}

TEST(ActionPlannerTest, CandidateFactsAreBuiltWhenATriggerReadsThem) {
  rules::Schema schema = ActionRuleSchema(Engine().config().vocabulary, OffenceIds());
  core::ConfigReader reader("actions.yaml",
                            "schema_version: 1\nversion: 1\nactions:\n  - id: review_ccb\n"
                            "    text: Review the controlling behaviour\n    kind: supervision\n"
                            "    when: result.candidates.controlling_coercive_behaviour.status == "
                            "\"possible\"\n    priority: 1\n    due_within_hours: 24\n"
                            "    owner_role: supervisor\n    police_information_notice: false\n");
  ActionConfig config = ParseActionConfig(reader, schema);
  ASSERT_TRUE(reader.ToStatus().ok()) << reader.ToStatus();
  EXPECT_TRUE(config.reads_candidates);
  EXPECT_FALSE(config.actions.front().police_information_notice);
  ScreeningResult result = Engine().Screen(FactsFrom(
      R"({"facts_version": 1, "report_date": "2025-03-14", "relationship": "ex_partner"})"));
  ASSERT_EQ(result.FindCandidate("controlling_coercive_behaviour")->status,
            CandidateStatus::kPossible);
  nlohmann::json facts = FactsToJson(FactsFrom(
      R"({"facts_version": 1, "report_date": "2025-03-14", "relationship": "ex_partner"})"));
  nlohmann::json outcome = OutcomeFacts(result, config.reads_candidates);
  rules::Context context{&facts, &outcome};
  std::vector<Warning> warnings;
  EXPECT_EQ(PlanActions(config, context, result, warnings).size(), 1u);
  nlohmann::json without = OutcomeFacts(result, false);
  rules::Context bare{&facts, &without};
  EXPECT_TRUE(PlanActions(config, bare, result, warnings).empty());  // Unknown never fires.
}

TEST(ActionPlannerTest, RecognisesPinWording) {
  auto definition = [](const std::string& id, const std::string& text, bool flag) {
    ActionDefinition action{
        id, text, "safeguarding", *rules::Expression::Parse("true", rules::Schema()),
        1,  1,    "supervisor",   flag};
    return SuggestsPoliceInformationNotice(action);
  };
  EXPECT_TRUE(definition("x", "y", true));
  EXPECT_TRUE(definition("issue_pin", "Warn the suspect", false));
  EXPECT_TRUE(definition("warn", "Serve PINs", false));
  EXPECT_TRUE(definition("warn", "Serve a police information notice", false));
  EXPECT_FALSE(definition("pinpoint_location", "Pinpoint the suspect's spinning class", false));
  EXPECT_FALSE(definition("safety_advice", "Give safety advice", false));
}

TEST(ActionPlannerTest, OutcomeFactsForRules) {
  ScreeningResult result = Engine().Screen(FactsFrom(
      std::string(R"({"facts_version": 1, "report_date": "2025-03-14", )") + kStalking + "}"));
  nlohmann::json outcome = OutcomeFacts(result);
  EXPECT_EQ(outcome["result"]["stalking_indicated"], true);
  EXPECT_EQ(outcome["result"]["primary"], "stalking");
  EXPECT_EQ(outcome["result"]["candidates"]["stalking"]["status"], "met");
  EXPECT_EQ(outcome["result"]["stalking_downgrade_requested"], false);
  EXPECT_FALSE(outcome.contains("risk"));
  EXPECT_TRUE(OutcomeFacts(result, false)["result"]["candidates"].empty());
  EXPECT_FALSE(Engine().config().actions.reads_candidates);  // No real trigger needs them.
}

}  // namespace
}  // namespace vigil::domain::screening
