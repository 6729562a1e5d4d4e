// What to ask next: only unknowns that would change the outcome.

#include "domain/screening/ask_next.h"

#include <gtest/gtest.h>

#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;
using Strings = std::vector<std::string>;

Strings FactsToAsk(const std::string& members) {
  ScreeningResult result = Engine().Screen(
      FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14", )" + members + "}"));
  Strings facts;
  for (const NextQuestion& question : result.ask_next) {
    facts.push_back(question.fact);
    const Question* asked = Engine().config().questionnaire.Find(question.question_id);
    EXPECT_NE(asked, nullptr) << question.question_id;
    if (asked != nullptr) {
      EXPECT_EQ(asked->fact, question.fact);
      EXPECT_EQ(asked->text, question.question);
    }
  }
  return facts;
}

bool Contains(const Strings& facts, const std::string& fact) {
  return std::find(facts.begin(), facts.end(), fact) != facts.end();
}

constexpr char kStalkingS2A[] = R"("occasions": [
    {"date": "2025-03-01", "behaviours": ["following"], "channel": "in_person"},
    {"date": "2025-03-08", "behaviours": ["loitering"], "channel": "in_person"}],
  "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true)";

TEST(AskNextTest, AsksWhatWouldTurnS2AIntoS4A) {
  Strings facts = FactsToAsk(kStalkingS2A);
  EXPECT_EQ(facts,
            (Strings{"occasions[].victim_feared_violence", "impact.serious_alarm_or_distress",
                     "impact.changed_usual_activities"}));
}

TEST(AskNextTest, AsksOnlyTheUnansweredPartOfAnElement) {
  std::string members = R"("occasions": [
      {"date": "2025-03-01", "behaviours": ["following"], "victim_feared_violence": false},
      {"date": "2025-03-08", "behaviours": ["loitering"], "victim_feared_violence": false}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true,
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true})";
  EXPECT_EQ(FactsToAsk(members), Strings{"impact.changed_usual_activities"});
}

TEST(AskNextTest, NothingToAskWhenTheMostSeriousOffenceIsMet) {
  std::string members = R"("occasions": [
      {"date": "2025-03-01", "behaviours": ["following"], "victim_feared_violence": true},
      {"date": "2025-03-08", "behaviours": ["loitering"], "victim_feared_violence": true}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true,
    "impact": {"alarm_or_distress": true}, "relationship": "ex_partner")";
  // CCB and s.4A(1)(b)(ii) are still possible, but neither would outrank s.4A(1)(b)(i).
  EXPECT_TRUE(FactsToAsk(members).empty());
}

TEST(AskNextTest, AsksWhatWouldMakeHarassmentStalking) {
  std::string members = R"("occasions": [
      {"date": "2025-03-01", "behaviours": ["violence"], "victim_feared_violence": false},
      {"date": "2025-03-08", "behaviours": [], "victim_feared_violence": false}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true, "relationship": "neighbour",
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": false})";
  EXPECT_EQ(FactsToAsk(members), (Strings{"occasions[].behaviours", "fixated_or_obsessive"}));
}

TEST(AskNextTest, AsksAboutTheRelationshipWhenItCouldDecideStalking) {
  Strings facts = FactsToAsk(R"("occasions": [{"date": "2025-03-01"}, {"date": "2025-03-08"}],
    "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true)");
  EXPECT_TRUE(Contains(facts, "relationship"));
  EXPECT_TRUE(Contains(facts, "fixated_or_obsessive"));
  EXPECT_EQ(facts.front(), "relationship");  // Questionnaire order.
}

TEST(AskNextTest, AsksForOccasionsAndKnowledgeWhenNothingIsKnown) {
  Strings facts = FactsToAsk(R"("relationship": "stranger")");
  EXPECT_TRUE(Contains(facts, "occasions"));
  EXPECT_TRUE(Contains(facts, "unwanted"));
  EXPECT_TRUE(Contains(facts, "suspect_knew_or_ought_to_know"));
  EXPECT_FALSE(Contains(facts, "relationship"));
  EXPECT_FALSE(Contains(facts, "controlling_or_coercive_pattern"));  // CCB is not possible.
}

TEST(AskNextTest, AsksAboutMessagesWhenOnlyACommunicationsOffenceCouldApply) {
  std::string members = R"("occasions": [{"date": "2025-03-01", "channel": "text_message",
                                          "message": {"public_network": true}}])";
  Strings facts = FactsToAsk(members);
  EXPECT_TRUE(Contains(facts, "occasions[].message.threat_of_death_or_serious_harm"));
  EXPECT_TRUE(Contains(facts, "occasions[].message.indecent_or_grossly_offensive"));
  EXPECT_TRUE(Contains(facts, "occasions[].message.menacing"));
  EXPECT_TRUE(Contains(facts, "intended_or_reckless_as_to_fear_of_threat"));
  EXPECT_FALSE(Contains(facts, "occasions[].victim_feared_violence"));  // One occasion only.
}

TEST(AskNextTest, EveryAskableFactHasAQuestion) {
  for (const std::string& fact : AskableFacts()) {
    EXPECT_NE(Engine().config().questionnaire.FindByFact(fact), nullptr) << fact;
  }
}

}  // namespace
}  // namespace vigil::domain::screening
