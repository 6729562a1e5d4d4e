// Element semantics: one test per element and status (docs/reference/screening.md).

#include "domain/screening/elements.h"

#include <gtest/gtest.h>

#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using ES = ElementStatus;
using E = Element;
using Strings = std::vector<std::string>;

// The finding for `element` from facts given as the JSON members after
// facts_version and report_date (2025-03-14).
ElementFinding Find(E element, const std::string& members) {
  std::string text = R"({"facts_version": 1, "report_date": "2025-03-14")" +
                     (members.empty() ? std::string() : ", " + members) + "}";
  ElementFindings findings = EvaluateElements(testing::FactsFrom(text));
  return findings[static_cast<std::size_t>(element)];
}

constexpr char kTwoOccasions[] = R"("occasions": [{"date": "2025-03-01"}, {"date": "2025-03-02"}])";
constexpr char kOneOccasion[] = R"("occasions": [{"date": "2025-03-01"}])";

TEST(ElementsTest, CourseOfConduct) {
  ElementFinding met = Find(E::kCourseOfConduct, kTwoOccasions);
  EXPECT_EQ(met.status, ES::kMet);
  EXPECT_EQ(met.occasions, (std::vector<int>{0, 1}));
  EXPECT_NE(met.because.find("Protection from Harassment Act 1997 s.7(3)"), std::string::npos);
  EXPECT_EQ(
      Find(E::kCourseOfConduct, std::string(kOneOccasion) + R"(, "people_targeted": 2)").status,
      ES::kMet);
  EXPECT_EQ(Find(E::kCourseOfConduct, kOneOccasion).status, ES::kNotMet);
  EXPECT_EQ(Find(E::kCourseOfConduct, R"("occasions": [], "people_targeted": 3)").status,
            ES::kNotMet);
  ElementFinding unknown = Find(E::kCourseOfConduct, "");
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"occasions"});
}

TEST(ElementsTest, RepeatedOrContinuousBehaviour) {
  EXPECT_EQ(Find(E::kRepeatedOrContinuousBehaviour, kTwoOccasions).status, ES::kMet);
  // Unlike a course of conduct, people targeted do not count.
  EXPECT_EQ(Find(E::kRepeatedOrContinuousBehaviour,
                 std::string(kOneOccasion) + R"(, "people_targeted": 2)")
                .status,
            ES::kNotMet);
  EXPECT_EQ(Find(E::kRepeatedOrContinuousBehaviour, "").status, ES::kUnknown);
}

TEST(ElementsTest, ConductAmountsToHarassment) {
  EXPECT_EQ(Find(E::kConductAmountsToHarassment,
                 R"("unwanted": true, "impact": {"alarm_or_distress": true})")
                .status,
            ES::kMet);
  EXPECT_EQ(
      Find(
          E::kConductAmountsToHarassment,
          R"("unwanted": true, "impact": {"alarm_or_distress": false, "serious_alarm_or_distress": true})")
          .status,
      ES::kMet);
  EXPECT_EQ(Find(E::kConductAmountsToHarassment,
                 R"("unwanted": false, "impact": {"alarm_or_distress": true})")
                .status,
            ES::kNotMet);
  EXPECT_EQ(
      Find(
          E::kConductAmountsToHarassment,
          R"("unwanted": null, "impact": {"alarm_or_distress": false, "serious_alarm_or_distress": false})")
          .status,
      ES::kNotMet);
  ElementFinding unknown =
      Find(E::kConductAmountsToHarassment, R"("impact": {"alarm_or_distress": true})");
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"unwanted"});
  ElementFinding alarm = Find(E::kConductAmountsToHarassment,
                              R"("unwanted": true, "impact": {"alarm_or_distress": false})");
  EXPECT_EQ(alarm.status, ES::kUnknown);
  EXPECT_EQ(alarm.open_facts, Strings{"impact.serious_alarm_or_distress"});
  EXPECT_EQ(Find(E::kConductAmountsToHarassment, "").open_facts,
            (Strings{"unwanted", "impact.alarm_or_distress", "impact.serious_alarm_or_distress"}));
  // Fear of violence on an occasion is alarm (s.7(2)); no fear says nothing.
  EXPECT_EQ(
      Find(
          E::kConductAmountsToHarassment,
          R"("unwanted": true, "occasions": [{"date": "2025-03-01", "victim_feared_violence": true}])")
          .status,
      ES::kMet);
  EXPECT_EQ(
      Find(
          E::kConductAmountsToHarassment,
          R"("unwanted": true, "occasions": [{"date": "2025-03-01", "victim_feared_violence": false}])")
          .status,
      ES::kUnknown);
}

TEST(ElementsTest, KnewOrOughtToKnow) {
  EXPECT_EQ(Find(E::kKnewOrOughtToKnow, R"("suspect_knew_or_ought_to_know": true)").status,
            ES::kMet);
  EXPECT_EQ(Find(E::kKnewOrOughtToKnow, R"("suspect_knew_or_ought_to_know": false)").status,
            ES::kNotMet);
  ElementFinding unknown = Find(E::kKnewOrOughtToKnow, "");
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"suspect_knew_or_ought_to_know"});
}

TEST(ElementsTest, NoLawfulExcuseAndNoReasonableExcuse) {
  for (E element : {E::kNoLawfulExcuse, E::kNoReasonableExcuse}) {
    EXPECT_EQ(Find(element, R"("lawful_excuse": true)").status, ES::kNotMet);
    EXPECT_EQ(Find(element, R"("lawful_excuse": false)").status, ES::kMet);
    ElementFinding none = Find(element, "");
    EXPECT_EQ(none.status, ES::kMet);  // None identified.
    EXPECT_NE(none.because.find("no"), std::string::npos);
  }
  EXPECT_NE(Find(E::kNoLawfulExcuse, "").because.find("s.1(3)"), std::string::npos);
  EXPECT_NE(Find(E::kNoReasonableExcuse, "").because.find("s.179"), std::string::npos);
}

TEST(ElementsTest, AssociatedWithStalkingByBehaviourOrFixation) {
  ElementFinding behaviour =
      Find(E::kAssociatedWithStalking,
           R"("occasions": [{"date": "2025-03-01", "behaviours": ["violence"]},
                       {"date": "2025-03-02", "behaviours": ["watching_or_spying"]}])");
  EXPECT_EQ(behaviour.status, ES::kMet);
  EXPECT_EQ(behaviour.occasions, std::vector<int>{1});
  EXPECT_NE(behaviour.because.find("watching or spying on 1 occasion"), std::string::npos);
  for (const char* fixation : {"turning_up", "unwanted_gifts", "tracking_device",
                               "contacting_third_parties", "recruiting_others", "impersonation"}) {
    std::string occasions =
        std::string(R"("occasions": [{"date": "2025-03-01", "behaviours": [")") + fixation +
        R"("]}], "fixated_or_obsessive": false)";
    EXPECT_EQ(Find(E::kAssociatedWithStalking, occasions).status, ES::kMet) << fixation;
  }
  EXPECT_EQ(Find(E::kAssociatedWithStalking, R"("fixated_or_obsessive": true)").status, ES::kMet);
}

TEST(ElementsTest, AssociatedWithStalkingByTheExPartnerRecordingRule) {
  ElementFinding rule = Find(E::kAssociatedWithStalking,
                             std::string(kTwoOccasions) + R"(, "relationship": "ex_partner")");
  EXPECT_EQ(rule.status, ES::kMet);
  EXPECT_NE(rule.because.find("Home Office Counting Rules"), std::string::npos);
  EXPECT_EQ(rule.occasions, (std::vector<int>{0, 1}));
  // Not when the suspect is explicitly not fixated and no behaviour shows it.
  EXPECT_EQ(Find(E::kAssociatedWithStalking,
                 std::string(kTwoOccasions) +
                     R"(, "relationship": "ex_partner", "fixated_or_obsessive": false)")
                .status,
            ES::kNotMet);
  // Not without a course of conduct.
  EXPECT_EQ(Find(E::kAssociatedWithStalking,
                 std::string(kOneOccasion) + R"(, "relationship": "ex_partner")")
                .status,
            ES::kUnknown);
  // Not for other relationships.
  EXPECT_EQ(Find(E::kAssociatedWithStalking,
                 std::string(kTwoOccasions) + R"(, "relationship": "current_partner")")
                .status,
            ES::kUnknown);
}

TEST(ElementsTest, AssociatedWithStalkingNotMetAndUnknown) {
  EXPECT_EQ(Find(E::kAssociatedWithStalking,
                 R"("occasions": [{"date": "2025-03-01", "behaviours": ["violence"]}],
                    "fixated_or_obsessive": false)")
                .status,
            ES::kNotMet);
  ElementFinding unknown = Find(E::kAssociatedWithStalking, kTwoOccasions);
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts,
            (Strings{"fixated_or_obsessive", "occasions[].behaviours", "relationship"}));
  ElementFinding no_occasions =
      Find(E::kAssociatedWithStalking, R"("fixated_or_obsessive": false)");
  EXPECT_EQ(no_occasions.status, ES::kUnknown);
  EXPECT_EQ(no_occasions.open_facts, (Strings{"occasions", "relationship"}));
}

TEST(ElementsTest, FearOfViolenceOnTwoOccasions) {
  auto occasions = [](const std::string& a, const std::string& b) {
    return R"("occasions": [{"date": "2025-03-01", "victim_feared_violence": )" + a +
           R"(}, {"date": "2025-03-02", "victim_feared_violence": )" + b + "}]";
  };
  ElementFinding met = Find(E::kFearOfViolenceOnTwoOccasions, occasions("true", "true"));
  EXPECT_EQ(met.status, ES::kMet);
  EXPECT_EQ(met.occasions, (std::vector<int>{0, 1}));
  EXPECT_EQ(Find(E::kFearOfViolenceOnTwoOccasions, occasions("true", "false")).status, ES::kNotMet);
  EXPECT_EQ(Find(E::kFearOfViolenceOnTwoOccasions, occasions("false", "null")).status, ES::kNotMet);
  ElementFinding unknown = Find(E::kFearOfViolenceOnTwoOccasions, occasions("true", "null"));
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"occasions[].victim_feared_violence"});
  EXPECT_EQ(Find(E::kFearOfViolenceOnTwoOccasions, occasions("null", "null")).status, ES::kUnknown);
  EXPECT_EQ(Find(E::kFearOfViolenceOnTwoOccasions, "").status, ES::kUnknown);
}

TEST(ElementsTest, SeriousAlarmDistressWithSubstantialAdverseEffect) {
  E element = E::kSeriousAlarmDistressWithSubstantialAdverseEffect;
  EXPECT_EQ(
      Find(element,
           R"("impact": {"serious_alarm_or_distress": true, "changed_usual_activities": true})")
          .status,
      ES::kMet);
  EXPECT_EQ(
      Find(element,
           R"("impact": {"serious_alarm_or_distress": false, "changed_usual_activities": true})")
          .status,
      ES::kNotMet);
  EXPECT_EQ(
      Find(element,
           R"("impact": {"serious_alarm_or_distress": null, "changed_usual_activities": false})")
          .status,
      ES::kNotMet);
  ElementFinding unknown = Find(element, R"("impact": {"serious_alarm_or_distress": true})");
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"impact.changed_usual_activities"});
}

TEST(ElementsTest, PersonallyConnected) {
  for (const char* relationship : {"current_partner", "ex_partner", "family_member"}) {
    EXPECT_EQ(
        Find(E::kPersonallyConnected, std::string(R"("relationship": ")") + relationship + "\"")
            .status,
        ES::kMet)
        << relationship;
  }
  for (const char* relationship :
       {"acquaintance", "colleague", "neighbour", "stranger", "online_only"}) {
    EXPECT_EQ(
        Find(E::kPersonallyConnected, std::string(R"("relationship": ")") + relationship + "\"")
            .status,
        ES::kNotMet)
        << relationship;
  }
  EXPECT_EQ(Find(E::kPersonallyConnected, R"("relationship": "unknown")").status, ES::kUnknown);
  ElementFinding missing = Find(E::kPersonallyConnected, "");
  EXPECT_EQ(missing.status, ES::kUnknown);
  EXPECT_EQ(missing.open_facts, Strings{"relationship"});
}

TEST(ElementsTest, ControllingOrCoercivePattern) {
  constexpr char kTwoControlling[] =
      R"("occasions": [{"date": "2025-03-01", "behaviours": ["controlling_or_coercive"]},
                       {"date": "2025-03-02", "behaviours": ["controlling_or_coercive"]}])";
  constexpr char kOneControlling[] =
      R"("occasions": [{"date": "2025-03-01", "behaviours": ["controlling_or_coercive"]},
                       {"date": "2025-03-02"}])";
  EXPECT_EQ(
      Find(E::kControllingOrCoercivePattern, R"("controlling_or_coercive_pattern": true)").status,
      ES::kMet);
  ElementFinding occasions = Find(E::kControllingOrCoercivePattern, kTwoControlling);
  EXPECT_EQ(occasions.status, ES::kMet);
  EXPECT_EQ(occasions.occasions, (std::vector<int>{0, 1}));
  EXPECT_EQ(Find(E::kControllingOrCoercivePattern,
                 std::string(kTwoControlling) + R"(, "controlling_or_coercive_pattern": false)")
                .status,
            ES::kMet);
  EXPECT_EQ(Find(E::kControllingOrCoercivePattern,
                 std::string(kOneControlling) + R"(, "controlling_or_coercive_pattern": false)")
                .status,
            ES::kNotMet);
  ElementFinding unknown = Find(E::kControllingOrCoercivePattern, kOneControlling);
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"controlling_or_coercive_pattern"});
}

TEST(ElementsTest, SeriousEffect) {
  EXPECT_EQ(Find(E::kSeriousEffect,
                 R"("occasions": [{"date": "2025-03-01", "victim_feared_violence": true},
                                  {"date": "2025-03-02", "victim_feared_violence": true}])")
                .status,
            ES::kMet);
  EXPECT_EQ(
      Find(E::kSeriousEffect,
           R"("impact": {"serious_alarm_or_distress": true, "changed_usual_activities": true})")
          .status,
      ES::kMet);
  EXPECT_EQ(Find(E::kSeriousEffect,
                 std::string(kOneOccasion) + R"(, "impact": {"serious_alarm_or_distress": false})")
                .status,
            ES::kNotMet);
  ElementFinding unknown = Find(E::kSeriousEffect, kTwoOccasions);
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts,
            (Strings{"occasions[].victim_feared_violence", "impact.serious_alarm_or_distress",
                     "impact.changed_usual_activities"}));
}

// One message occasion with `channel` and the message `flags`.
std::string MessageOccasion(const std::string& channel, const std::string& flags) {
  return R"("occasions": [{"date": "2025-03-01", "channel": )" + channel + R"(, "message": {)" +
         flags + "}}]";
}

TEST(ElementsTest, SentCommunication) {
  ElementFinding met = Find(E::kSentCommunication, MessageOccasion("\"text_message\"", ""));
  EXPECT_EQ(met.status, ES::kMet);
  EXPECT_EQ(met.occasions, std::vector<int>{0});
  EXPECT_EQ(Find(E::kSentCommunication, MessageOccasion("\"in_person\"", "")).status, ES::kNotMet);
  EXPECT_EQ(Find(E::kSentCommunication,
                 R"("occasions": [{"date": "2025-03-01", "channel": "text_message"}])")
                .status,
            ES::kNotMet);  // No message recorded.
  ElementFinding unknown = Find(E::kSentCommunication, MessageOccasion("null", ""));
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"occasions[].channel"});
}

TEST(ElementsTest, MessageFlagsOnSomeOccasion) {
  struct Case {
    E element;
    const char* flag;
  };
  for (Case flag : {Case{E::kMessageIndecentOrGrosslyOffensive, "indecent_or_grossly_offensive"},
                    Case{E::kMessageThreatensDeathOrSeriousHarm, "threat_of_death_or_serious_harm"},
                    Case{E::kMessageKnownFalse, "known_false"}}) {
    std::string key = std::string("\"") + flag.flag + "\": ";
    EXPECT_EQ(Find(flag.element, MessageOccasion("\"email\"", key + "true")).status, ES::kMet);
    EXPECT_EQ(Find(flag.element, MessageOccasion("\"email\"", key + "false")).status, ES::kNotMet);
    EXPECT_EQ(Find(flag.element, MessageOccasion("\"in_person\"", key + "true")).status,
              ES::kNotMet);
    ElementFinding unknown = Find(flag.element, MessageOccasion("\"email\"", ""));
    EXPECT_EQ(unknown.status, ES::kUnknown);
    EXPECT_EQ(unknown.open_facts, Strings{std::string("occasions[].message.") + flag.flag});
  }
}

TEST(ElementsTest, IntentFacts) {
  struct Case {
    E element;
    const char* fact;
  };
  for (Case fact :
       {Case{E::kPurposeToCauseDistress, "purpose_to_cause_distress"},
        Case{E::kPurposeToCauseAnnoyanceOrNeedlessAnxiety, "purpose_to_cause_distress"},
        Case{E::kIntendedOrRecklessAsToFear, "intended_or_reckless_as_to_fear_of_threat"},
        Case{E::kIntendedNonTrivialHarm, "intended_non_trivial_harm"}}) {
    std::string key = std::string("\"") + fact.fact + "\": ";
    EXPECT_EQ(Find(fact.element, key + "true").status, ES::kMet);
    EXPECT_EQ(Find(fact.element, key + "false").status, ES::kNotMet);
    EXPECT_EQ(Find(fact.element, "").open_facts, Strings{fact.fact});
  }
}

TEST(ElementsTest, OffensiveOrMenacingMessageNeedsBothOnTheSameOccasion) {
  E element = E::kOffensiveOrMenacingMessageOverPublicNetwork;
  EXPECT_EQ(Find(element,
                 MessageOccasion("\"social_media\"", R"("public_network": true, "menacing": true)"))
                .status,
            ES::kMet);
  EXPECT_EQ(Find(element,
                 R"("occasions": [
                   {"date": "2025-03-01", "channel": "letter", "message": {"public_network": false, "menacing": true}},
                   {"date": "2025-03-02", "channel": "email", "message": {"public_network": true, "menacing": false,
                    "indecent_or_grossly_offensive": false}}])")
                .status,
            ES::kNotMet);
  ElementFinding unknown =
      Find(element, MessageOccasion("\"email\"", R"("indecent_or_grossly_offensive": true)"));
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"occasions[].message.public_network"});
}

TEST(ElementsTest, PersistentUseOfPublicNetwork) {
  auto two = [](const std::string& second) {
    return R"("occasions": [
      {"date": "2025-03-01", "channel": "text_message", "message": {"public_network": true}},
      {"date": "2025-03-02", "channel": "text_message", "message": {"public_network": )" +
           second + "}}]";
  };
  ElementFinding met = Find(E::kPersistentUseOfPublicNetwork, two("true"));
  EXPECT_EQ(met.status, ES::kMet);
  EXPECT_EQ(met.occasions, (std::vector<int>{0, 1}));
  EXPECT_EQ(Find(E::kPersistentUseOfPublicNetwork, two("false")).status, ES::kNotMet);
  ElementFinding unknown = Find(E::kPersistentUseOfPublicNetwork, two("null"));
  EXPECT_EQ(unknown.status, ES::kUnknown);
  EXPECT_EQ(unknown.open_facts, Strings{"occasions[].message.public_network"});
}

TEST(ElementsTest, NamesAndLists) {
  EXPECT_EQ(ElementStatusName(ES::kMet), "met");
  EXPECT_EQ(ElementStatusName(ES::kNotMet), "not_met");
  EXPECT_EQ(ElementStatusName(ES::kUnknown), "unknown");
  EXPECT_EQ(ElementId(E::kCourseOfConduct), "course_of_conduct");
  EXPECT_EQ(ElementId(E::kNoReasonableExcuse), "no_reasonable_excuse");
  EXPECT_EQ(StalkingBehaviours().size(), 7u);
  for (const std::string& behaviour : StalkingBehaviours()) {
    EXPECT_TRUE(testing::Engine().config().vocabulary.behaviours.end() !=
                std::find(testing::Engine().config().vocabulary.behaviours.begin(),
                          testing::Engine().config().vocabulary.behaviours.end(), behaviour))
        << behaviour << " is not in the lookups";
  }
  for (const std::string& behaviour : FixationBehaviours()) {
    EXPECT_TRUE(testing::Engine().config().vocabulary.behaviours.end() !=
                std::find(testing::Engine().config().vocabulary.behaviours.begin(),
                          testing::Engine().config().vocabulary.behaviours.end(), behaviour))
        << behaviour << " is not in the lookups";
  }
}

}  // namespace
}  // namespace vigil::domain::screening
