// The facts contract: strict parsing with every problem at its JSON path.

#include "domain/screening/facts.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "core/time.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;
using Problems = std::set<std::pair<std::string, std::string>>;  // {field, code}

const FactVocabulary& Vocabulary() { return testing::Engine().config().vocabulary; }

json Minimal() { return {{"facts_version", 1}, {"report_date", "2025-03-14"}}; }

// The field errors of parsing `input` as {field, code} pairs (empty if it parsed).
Problems ProblemsOf(const json& input) {
  auto facts = ParseFacts(input, Vocabulary());
  Problems problems;
  if (facts.ok()) return problems;
  EXPECT_EQ(facts.status().code(), core::StatusCode::kInvalidArgument);
  core::Status status = facts.status();
  for (const core::FieldError& error : status.field_errors()) {
    problems.insert({error.field, error.code});
  }
  return problems;
}

json With(const std::string& key, json value) {
  json facts = Minimal();
  facts[key] = std::move(value);
  return facts;
}

json WithOccasion(json occasion) { return With("occasions", json::array({std::move(occasion)})); }

TEST(FactsTest, MinimalFactsLeaveEverythingUnknown) {
  auto facts = ParseFacts(Minimal(), Vocabulary());
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(core::FormatDate(facts->report_date), "2025-03-14");
  EXPECT_FALSE(facts->relationship);
  EXPECT_FALSE(facts->occasions);
  EXPECT_FALSE(facts->unwanted);
  EXPECT_FALSE(facts->risk_answers);
}

TEST(FactsTest, NullMeansUnknown) {
  json input = Minimal();
  for (const char* key : {"relationship", "people_targeted", "occasions", "impact", "unwanted",
                          "hostility", "lawful_excuse", "risk_answers"}) {
    input[key] = nullptr;
  }
  auto facts = ParseFacts(input, Vocabulary());
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(*facts, *ParseFacts(Minimal(), Vocabulary()));
}

TEST(FactsTest, FullFactsRoundTrip) {
  json input = json::parse(R"({
    "facts_version": 1, "report_date": "2025-03-14", "relationship": "ex_partner",
    "people_targeted": 2,
    "occasions": [
      {"date": "2025-03-01", "behaviours": ["following", "loitering"], "channel": "in_person",
       "victim_feared_violence": true},
      {"date": "2025-03-14", "behaviours": [], "channel": "email", "victim_feared_violence": null,
       "message": {"indecent_or_grossly_offensive": true, "menacing": false,
                   "threat_of_death_or_serious_harm": false, "known_false": false,
                   "public_network": true}}
    ],
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": false,
               "changed_usual_activities": true},
    "suspect_knew_or_ought_to_know": true, "fixated_or_obsessive": false, "unwanted": true,
    "controlling_or_coercive_pattern": false, "purpose_to_cause_distress": true,
    "intended_or_reckless_as_to_fear_of_threat": false, "intended_non_trivial_harm": false,
    "hostility": ["race", "disability"], "lawful_excuse": false,
    "risk_answers": {"victim_very_frightened": true, "substance_misuse": null}
  })");
  auto facts = ParseFacts(input, Vocabulary());
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_TRUE(facts->occasions);
  ASSERT_EQ(facts->occasions->size(), 2u);
  EXPECT_EQ((*facts->occasions)[0].behaviours,
            (std::vector<std::string>{"following", "loitering"}));
  EXPECT_FALSE((*facts->occasions)[1].victim_feared_violence);
  ASSERT_TRUE((*facts->occasions)[1].message);
  EXPECT_EQ((*facts->occasions)[1].message->indecent_or_grossly_offensive, true);
  EXPECT_EQ(facts->people_targeted, 2);
  EXPECT_EQ(facts->risk_answers->at("victim_very_frightened"), true);
  EXPECT_FALSE(facts->risk_answers->at("substance_misuse"));
  auto again = ParseFacts(FactsToJson(*facts), Vocabulary());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *facts);
  nlohmann::json some = FactsToJson(*facts, {"relationship", "occasions", "risk_answers"});
  EXPECT_EQ(some["occasions"], FactsToJson(*facts)["occasions"]);
  EXPECT_EQ(some["risk_answers"], FactsToJson(*facts)["risk_answers"]);
  EXPECT_FALSE(some.contains("report_date"));
  EXPECT_FALSE(some.contains("people_targeted"));
  EXPECT_TRUE(FactsToJson(*facts, {}).empty());
}

TEST(FactsTest, RejectsWhatIsNotAnObjectOrNotJson) {
  EXPECT_EQ(ProblemsOf(json::array()), (Problems{{"", "invalid_type"}}));
  auto text = ParseFactsText("{\"facts_version\": 1,", Vocabulary());
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), core::StatusCode::kMalformed);
  EXPECT_TRUE(ParseFactsText(Minimal().dump(), Vocabulary()).ok());
}

TEST(FactsTest, VersionAndReportDate) {
  EXPECT_EQ(ProblemsOf(json::object()),
            (Problems{{"facts_version", "required"}, {"report_date", "required"}}));
  EXPECT_EQ(ProblemsOf(With("facts_version", 2)),
            (Problems{{"facts_version", "unsupported_version"}}));
  EXPECT_EQ(ProblemsOf(With("facts_version", "1")),
            (Problems{{"facts_version", "unsupported_version"}}));
  EXPECT_EQ(ProblemsOf(With("report_date", "2025-02-30")),
            (Problems{{"report_date", "invalid_date"}}));
  EXPECT_EQ(ProblemsOf(With("report_date", "14/03/2025")),
            (Problems{{"report_date", "invalid_date"}}));
  EXPECT_EQ(ProblemsOf(With("report_date", 20250314)), (Problems{{"report_date", "invalid_date"}}));
}

TEST(FactsTest, TopLevelFacts) {
  EXPECT_EQ(ProblemsOf(With("relationship", "ex")), (Problems{{"relationship", "invalid_value"}}));
  EXPECT_EQ(ProblemsOf(With("relationship", 3)), (Problems{{"relationship", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("people_targeted", "2")),
            (Problems{{"people_targeted", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("people_targeted", 1.5)),
            (Problems{{"people_targeted", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("people_targeted", 0)),
            (Problems{{"people_targeted", "invalid_value"}}));
  EXPECT_EQ(ProblemsOf(With("people_targeted", 1001)),
            (Problems{{"people_targeted", "invalid_value"}}));
  for (const char* key : {"suspect_knew_or_ought_to_know", "fixated_or_obsessive", "unwanted",
                          "controlling_or_coercive_pattern", "purpose_to_cause_distress",
                          "intended_or_reckless_as_to_fear_of_threat", "intended_non_trivial_harm",
                          "lawful_excuse"}) {
    EXPECT_EQ(ProblemsOf(With(key, "yes")), (Problems{{key, "invalid_type"}})) << key;
  }
  EXPECT_EQ(ProblemsOf(With("fixated", true)), (Problems{{"fixated", "unknown_field"}}));
}

TEST(FactsTest, Impact) {
  EXPECT_EQ(ProblemsOf(With("impact", true)), (Problems{{"impact", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("impact", {{"alarm_or_distress", 1}})),
            (Problems{{"impact.alarm_or_distress", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("impact", {{"scared", true}})),
            (Problems{{"impact.scared", "unknown_field"}}));
}

TEST(FactsTest, HostilityAndRiskAnswers) {
  EXPECT_EQ(ProblemsOf(With("hostility", "race")), (Problems{{"hostility", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("hostility", {"race", "colour"})),
            (Problems{{"hostility[1]", "invalid_value"}}));
  EXPECT_EQ(ProblemsOf(With("hostility", {"race", "race"})),
            (Problems{{"hostility[1]", "duplicate"}}));
  EXPECT_EQ(ProblemsOf(With("risk_answers", json::array())),
            (Problems{{"risk_answers", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("risk_answers", {{"victim_scared", true}})),
            (Problems{{"risk_answers.victim_scared", "unknown_field"}}));
  EXPECT_EQ(ProblemsOf(With("risk_answers", {{"victim_very_frightened", "yes"}})),
            (Problems{{"risk_answers.victim_very_frightened", "invalid_type"}}));
}

TEST(FactsTest, Occasions) {
  EXPECT_EQ(ProblemsOf(With("occasions", json::object())),
            (Problems{{"occasions", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(With("occasions", json::array({1}))),
            (Problems{{"occasions[0]", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion(json::object())),
            (Problems{{"occasions[0].date", "required"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-15"}})),
            (Problems{{"occasions[0].date", "future_date"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-13-01"}})),
            (Problems{{"occasions[0].date", "invalid_date"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"behaviours", "following"}})),
            (Problems{{"occasions[0].behaviours", "invalid_type"}}));
  EXPECT_EQ(
      ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"behaviours", {"following", "stalking"}}})),
      (Problems{{"occasions[0].behaviours[1]", "invalid_value"}}));
  EXPECT_EQ(ProblemsOf(
                WithOccasion({{"date", "2025-03-01"}, {"behaviours", {"loitering", "loitering"}}})),
            (Problems{{"occasions[0].behaviours[1]", "duplicate"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"channel", "pigeon"}})),
            (Problems{{"occasions[0].channel", "invalid_value"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"victim_feared_violence", "no"}})),
            (Problems{{"occasions[0].victim_feared_violence", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"message", "hello"}})),
            (Problems{{"occasions[0].message", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"message", {{"menacing", 1}}}})),
            (Problems{{"occasions[0].message.menacing", "invalid_type"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"message", {{"rude", true}}}})),
            (Problems{{"occasions[0].message.rude", "unknown_field"}}));
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"place", "home"}})),
            (Problems{{"occasions[0].place", "unknown_field"}}));
}

TEST(FactsTest, LimitsOnSize) {
  json many = json::array();
  for (std::size_t index = 0; index <= kMaxOccasions; ++index)
    many.push_back({{"date", "2025-03-01"}});
  EXPECT_EQ(ProblemsOf(With("occasions", many)), (Problems{{"occasions", "too_many"}}));
  json behaviours = json::array();
  for (std::size_t index = 0; index <= kMaxBehavioursPerOccasion; ++index) {
    behaviours.push_back("following");
  }
  EXPECT_EQ(ProblemsOf(WithOccasion({{"date", "2025-03-01"}, {"behaviours", behaviours}})),
            (Problems{{"occasions[0].behaviours", "too_many"}}));
}

TEST(FactsTest, ReportsEveryProblemAtOnce) {
  json input = json::parse(R"({
    "facts_version": 1, "report_date": "2025-03-14", "relationship": "boss",
    "occasions": [{"date": "2025-03-01"}, {"date": "2026-01-01", "channel": "fax"}],
    "unwanted": "very", "colour": "red"
  })");
  EXPECT_EQ(ProblemsOf(input), (Problems{{"relationship", "invalid_value"},
                                         {"occasions[1].date", "future_date"},
                                         {"occasions[1].channel", "invalid_value"},
                                         {"unwanted", "invalid_type"},
                                         {"colour", "unknown_field"}}));
}

TEST(FactsTest, LongInvalidValuesAreShortenedSafely) {
  std::string value(100, 'x');
  value += "\xC3\xA9";
  auto facts = ParseFacts(With("relationship", value), Vocabulary());
  ASSERT_FALSE(facts.ok());
  std::string message = facts.status().field_errors().front().message;
  EXPECT_LT(message.find("..."), message.size());
  EXPECT_NO_THROW((void)json(message).dump());
}

TEST(FactsTest, HostilityKindsAreTheContractList) {
  EXPECT_EQ(HostilityKinds(),
            (std::vector<std::string>{"race", "religion", "disability", "sexual_orientation",
                                      "transgender_identity"}));
}

}  // namespace
}  // namespace vigil::domain::screening
