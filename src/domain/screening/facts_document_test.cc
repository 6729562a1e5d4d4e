// FactsDocument answers every rule exactly as the JSON documents
// (FactsToJson, DerivedFacts, OutcomeFacts) would: the shipped escalation
// and action rules and probes of every path, over every scenario's facts.

#include "domain/screening/facts_document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/screening/action_planner.h"
#include "domain/screening/fact_schema.h"
#include "domain/screening/offence_law.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

namespace fs = std::filesystem;
using testing::Engine;
using testing::FactsFrom;

// Rules over every kind of path the action schema declares.
constexpr const char* kProbes[] = {
    "facts_version == 1",
    "report_date >= \"2026-01-01\"",
    "relationship == \"unknown\"",
    "relationship == null",
    "people_targeted >= 2",
    "people_targeted == null",
    "occasions == null",
    "count(occasions) >= 2",
    "any(occasions, date >= \"2026-05-01\")",
    "all(occasions, \"contacting\" in behaviours)",
    "any(occasions, channel == null)",
    "any(occasions, victim_feared_violence == null)",
    "count(occasions, victim_feared_violence == true) >= 2",
    "any(occasions, message.menacing == true)",
    "any(occasions, message.public_network == null)",
    "all(occasions, message.known_false == false)",
    "impact.alarm_or_distress",
    "impact.changed_usual_activities == null",
    "not impact.serious_alarm_or_distress",
    "fixated_or_obsessive and unwanted",
    "lawful_excuse == null",
    "suspect_knew_or_ought_to_know or purpose_to_cause_distress",
    "\"race\" in hostility",
    "hostility == null",
    "risk_answers == null",
    "risk_answers.threats_to_kill == null",
    "risk_answers.victim_very_frightened",
    "derived.occasion_count == null",
    "derived.occasions_last_28_days >= 1",
    "derived.occasions_previous_28_days == 0",
    "derived.days_since_last_occasion <= 7",
    "derived.days_since_last_occasion == null",
    "result.stalking_indicated",
    "result.stalking_possible",
    "result.primary == null",
    "result.primary == \"harassment\"",
    "\"stalking\" in result.included",
    "count(result.included) >= 2",
    "result.candidates.stalking.status == \"possible\"",
    "result.candidates.harassment.aggravated",
    "result.override_requested",
    "result.stalking_downgrade_requested",
    "risk.level == \"high\"",
    "risk.calculated_level == null",
    "risk.yes_count >= 3",
    "\"ex_partner\" in risk.escalation_factors",
};

std::vector<Facts> ScenarioFacts() {
  std::vector<Facts> all;
  fs::path folder = vigil::testing::SourcePath("tests/scenarios/screening");
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    auto facts = Engine().ParseFacts(nlohmann::json::parse(text.str())["facts"]);
    if (facts.ok()) all.push_back(std::move(facts).value());
  }
  all.push_back(FactsFrom(R"({"facts_version": 1, "report_date": "2026-06-15"})"));
  return all;
}

std::vector<rules::Expression> Probes() {
  std::vector<std::string> offences;
  for (const OffenceDefinition& offence : Engine().config().offences.offences) {
    offences.push_back(offence.id);
  }
  rules::Schema schema = ActionRuleSchema(Engine().config().vocabulary, offences);
  std::vector<rules::Expression> probes;
  for (const char* text : kProbes) {
    auto parsed = rules::Expression::Parse(text, schema);
    EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    if (parsed.ok()) probes.push_back(std::move(parsed).value());
  }
  return probes;
}

void ExpectSameAnswers(const Facts& facts, const ScreeningResult& result,
                       const std::vector<const rules::Expression*>& rules) {
  nlohmann::json document = FactsToJson(facts);
  nlohmann::json derived = DerivedFacts(facts);
  nlohmann::json outcome = OutcomeFacts(result);
  rules::Context json{&document, &derived, &outcome};
  FactsDocument in_place(facts);
  in_place.SetOutcome(result);
  for (const rules::Expression* rule : rules) {
    EXPECT_EQ(rule->Evaluate(in_place), rule->Evaluate(json))
        << rule->text() << " over " << document.dump();
  }
}

TEST(FactsDocumentTest, AnswersAsTheJsonDocumentsDoForEveryScenario) {
  std::vector<rules::Expression> probes = Probes();
  std::vector<const rules::Expression*> rules;
  for (const rules::Expression& probe : probes) rules.push_back(&probe);
  for (const EscalationFactor& factor : Engine().config().risk.escalation_factors) {
    rules.push_back(&factor.when);
  }
  for (const ActionDefinition& action : Engine().config().actions.actions) {
    rules.push_back(&action.when);
  }
  std::vector<Facts> all = ScenarioFacts();
  ASSERT_GE(all.size(), 60u);
  for (const Facts& facts : all) {
    ScreeningResult result = Engine().Screen(facts);
    ExpectSameAnswers(facts, result, rules);
    // With a downgrade recorded, too (result.override_requested and
    // result.stalking_downgrade_requested).
    auto overridden = Engine().ApplyOverride(
        facts, {"harassment", "The conduct was not fixated; recorded after review."});
    if (overridden.ok()) ExpectSameAnswers(facts, *overridden, rules);
  }
}

TEST(FactsDocumentTest, RiskRulesSeeNoOutcomeUntilItIsSet) {
  Facts facts = FactsFrom(R"({"facts_version": 1, "report_date": "2026-06-15",
                              "risk_answers": {"threats_to_kill": true}})");
  FactsDocument document(facts);
  EXPECT_FALSE(document.Root("result"));
  EXPECT_FALSE(document.Root("risk"));
  EXPECT_TRUE(document.Root("risk_answers"));
  EXPECT_TRUE(document.Root("derived"));
  EXPECT_FALSE(document.Member(document.Root("derived"), "occasion_count"));
}

}  // namespace
}  // namespace vigil::domain::screening
