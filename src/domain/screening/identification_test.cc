// Candidate status, aggravation, primary and included selection, time limits
// and the warnings that go with them.

#include "domain/screening/identification.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;
using Strings = std::vector<std::string>;

ScreeningResult ScreenMembers(const std::string& members,
                              const std::string& report_date = "2025-03-14") {
  return Engine().Screen(
      FactsFrom(R"({"facts_version": 1, "report_date": ")" + report_date + "\", " + members + "}"));
}

// Harassment made out, with `extra` members added.
std::string Harassment(const std::string& extra = "") {
  return R"("occasions": [{"date": "2025-03-01", "channel": "in_person"},
                          {"date": "2025-03-08", "channel": "in_person"}],
            "unwanted": true, "impact": {"alarm_or_distress": true},
            "suspect_knew_or_ought_to_know": true, "fixated_or_obsessive": false,
            "relationship": "neighbour")" +
         (extra.empty() ? "" : ", " + extra);
}

CandidateStatus StatusOf(const ScreeningResult& result, std::string_view offence) {
  return result.FindCandidate(offence)->status;
}

TEST(IdentificationTest, HarassmentOnly) {
  ScreeningResult result = ScreenMembers(Harassment());
  EXPECT_FALSE(result.stalking_indicated);
  EXPECT_FALSE(result.stalking_possible);
  ASSERT_TRUE(result.primary);
  EXPECT_EQ(result.primary->offence, "harassment");
  EXPECT_EQ(result.primary->hocr_classification, "8L");
  EXPECT_TRUE(result.included.empty());
  EXPECT_EQ(StatusOf(result, "stalking"), CandidateStatus::kNotMet);
  EXPECT_EQ(result.candidates.size(), 11u);
  EXPECT_EQ(result.candidates.front().offence, "stalking_fear_of_violence");
}

TEST(IdentificationTest, CandidateStatusIsMetPossibleOrNotMet) {
  ScreeningResult result =
      ScreenMembers(R"("occasions": [{"date": "2025-03-01"}, {"date": "2025-03-02"}],
                                            "unwanted": true, "impact": {"alarm_or_distress": true})");
  EXPECT_EQ(StatusOf(result, "harassment"), CandidateStatus::kPossible);  // knew unknown
  EXPECT_EQ(StatusOf(result, "stalking"), CandidateStatus::kPossible);
  EXPECT_EQ(StatusOf(result, "malicious_communications"), CandidateStatus::kNotMet);
  EXPECT_FALSE(result.primary);
  EXPECT_TRUE(result.stalking_possible);
  EXPECT_FALSE(result.stalking_indicated);
}

TEST(IdentificationTest, LawfulExcuseDefeatsTheCourseOfConductOffences) {
  ScreeningResult result = ScreenMembers(Harassment(R"("lawful_excuse": true)"));
  EXPECT_EQ(StatusOf(result, "harassment"), CandidateStatus::kNotMet);
  EXPECT_FALSE(result.primary);
}

TEST(IdentificationTest, StalkingComesFirstAndS4ABeforeS2A) {
  // s.4 (10 years) and s.4A(1)(b)(ii) (10 years) both met: stalking first.
  std::string stalking = R"("occasions": [
      {"date": "2025-03-01", "behaviours": ["following"], "victim_feared_violence": true},
      {"date": "2025-03-08", "behaviours": ["loitering"], "victim_feared_violence": true}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true,
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true,
               "changed_usual_activities": true})";
  ScreeningResult result = ScreenMembers(stalking);
  EXPECT_TRUE(result.stalking_indicated);
  EXPECT_EQ(result.primary->offence, "stalking_fear_of_violence");
  EXPECT_EQ(result.included, (Strings{"stalking_serious_alarm_distress", "stalking",
                                      "harassment_fear_of_violence", "harassment"}));
}

TEST(IdentificationTest, StalkingOutranksMoreSeriousNonStalkingOffences) {
  // Only s.2A among the stalking offences, but s.4 (10 years) and CCB (5 years) are met.
  std::string members = R"("relationship": "ex_partner", "occasions": [
      {"date": "2025-03-01", "behaviours": ["following", "controlling_or_coercive"], "victim_feared_violence": true},
      {"date": "2025-03-08", "behaviours": ["controlling_or_coercive"], "victim_feared_violence": true}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true,
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": false})";
  ScreeningResult result = ScreenMembers(members);
  // Fear on two occasions makes s.4A(1)(b)(i) met too.
  EXPECT_EQ(result.primary->offence, "stalking_fear_of_violence");
  EXPECT_EQ(result.included, (Strings{"stalking", "harassment_fear_of_violence",
                                      "controlling_coercive_behaviour", "harassment"}));
}

TEST(IdentificationTest, NonStalkingByMaximumPenaltyThenCatalogueOrder) {
  // CCB (5 years) and s.181 (5 years) tie: CCB first; MCA (2 years) next.
  std::string members = R"("relationship": "current_partner", "fixated_or_obsessive": false,
    "occasions": [
      {"date": "2025-03-01", "channel": "text_message", "victim_feared_violence": true,
       "message": {"threat_of_death_or_serious_harm": true, "indecent_or_grossly_offensive": true,
                   "public_network": true}},
      {"date": "2025-03-08", "channel": "in_person", "victim_feared_violence": true}],
    "controlling_or_coercive_pattern": true, "unwanted": true,
    "suspect_knew_or_ought_to_know": true, "purpose_to_cause_distress": true,
    "intended_or_reckless_as_to_fear_of_threat": true,
    "impact": {"alarm_or_distress": true})";
  ScreeningResult result = ScreenMembers(members);
  EXPECT_FALSE(result.stalking_indicated);
  EXPECT_EQ(result.primary->offence, "harassment_fear_of_violence");  // 10 years
  EXPECT_EQ(result.included,
            (Strings{"controlling_coercive_behaviour", "threatening_communications",
                     "malicious_communications", "harassment", "improper_use_of_network"}));
}

TEST(IdentificationTest, RacialOrReligiousHostilityAggravates) {
  ScreeningResult result = ScreenMembers(Harassment(R"("hostility": ["religion"])"));
  const Candidate* harassment = result.FindCandidate("harassment");
  EXPECT_TRUE(harassment->aggravated);
  EXPECT_EQ(harassment->max_penalty, "2 years");
  EXPECT_EQ(harassment->mode_of_trial, "either_way");
  EXPECT_FALSE(harassment->summary_only);
  EXPECT_FALSE(harassment->proceedings_by);  // No longer summary only.
  EXPECT_EQ(harassment->hocr_classification, "8M");
  EXPECT_TRUE(result.primary->aggravated);
  EXPECT_EQ(result.primary->hocr_classification, "8M");
  EXPECT_FALSE(result.FindCandidate("malicious_communications")->aggravated);
  EXPECT_FALSE(result.FindCandidate("controlling_coercive_behaviour")->aggravated);
  const Candidate* fear = result.FindCandidate("stalking_fear_of_violence");
  EXPECT_TRUE(fear->aggravated);
  EXPECT_EQ(fear->max_penalty, "14 years");
}

TEST(IdentificationTest, AggravationChangesTheRanking) {
  // Aggravated harassment (2 years) ties with MCA (2 years): MCA is listed first.
  std::string members = Harassment(R"("hostility": ["race"], "purpose_to_cause_distress": true)");
  members.replace(
      members.find(R"({"date": "2025-03-08", "channel": "in_person"})"),
      std::string(R"({"date": "2025-03-08", "channel": "in_person"})").size(),
      R"({"date": "2025-03-08", "channel": "letter", "message": {"indecent_or_grossly_offensive": true}})");
  ScreeningResult result = ScreenMembers(members);
  EXPECT_EQ(result.primary->offence, "malicious_communications");
  EXPECT_EQ(result.included, Strings{"harassment"});
}

TEST(IdentificationTest, OtherHostilityRaisesTheSentenceOnly) {
  ScreeningResult result = ScreenMembers(Harassment(R"("hostility": ["disability"])"));
  EXPECT_FALSE(result.FindCandidate("harassment")->aggravated);
  EXPECT_TRUE(result.HasWarning("hostility_sentence_uplift"));
}

TEST(IdentificationTest, SingleOccasionCanOnlyGroundCommunicationsOffences) {
  std::string members = R"("relationship": "ex_partner", "fixated_or_obsessive": true,
    "occasions": [{"date": "2025-03-01", "channel": "social_media", "behaviours": ["contacting"],
                   "victim_feared_violence": true,
                   "message": {"menacing": true, "public_network": true}}],
    "unwanted": true, "suspect_knew_or_ought_to_know": true,
    "controlling_or_coercive_pattern": true,
    "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true,
               "changed_usual_activities": true})";
  ScreeningResult result = ScreenMembers(members);
  EXPECT_FALSE(result.stalking_indicated);
  EXPECT_EQ(result.primary->offence, "improper_use_of_network");
  EXPECT_TRUE(result.included.empty());
  EXPECT_EQ(StatusOf(result, "controlling_coercive_behaviour"), CandidateStatus::kNotMet);
  EXPECT_TRUE(result.HasWarning("single_occasion"));
  EXPECT_FALSE(ScreenMembers(Harassment()).HasWarning("single_occasion"));
}

TEST(IdentificationTest, ExPartnerCourseOfConductIsRecordedAsStalking) {
  std::string members = R"("relationship": "ex_partner",
    "occasions": [{"date": "2025-03-01", "behaviours": ["violence"]}, {"date": "2025-03-08"}],
    "unwanted": true, "impact": {"alarm_or_distress": true}, "suspect_knew_or_ought_to_know": true)";
  ScreeningResult result = ScreenMembers(members);
  EXPECT_TRUE(result.stalking_indicated);
  EXPECT_EQ(result.primary->offence, "stalking");
  EXPECT_EQ(result.included, Strings{"harassment"});
  EXPECT_TRUE(result.HasWarning("ex_partner_recorded_as_stalking"));
}

TEST(IdentificationTest, SummaryOnlyTimeLimit) {
  ScreeningResult result = ScreenMembers(Harassment());
  const Candidate* harassment = result.FindCandidate("harassment");
  ASSERT_TRUE(harassment->proceedings_by);
  EXPECT_EQ(core::FormatDate(*harassment->proceedings_by), "2025-09-08");
  EXPECT_FALSE(result.FindCandidate("harassment_fear_of_violence")->proceedings_by);  // Either way.
  EXPECT_FALSE(result.FindCandidate("stalking")->proceedings_by);                     // Not met.
  EXPECT_FALSE(result.HasWarning("time_limit"));
  auto message = [](const ScreeningResult& screened) {
    for (const Warning& warning : screened.warnings) {
      if (warning.code == "time_limit") return warning.message;
    }
    return std::string();
  };
  // Within 28 days of the report date, or on it: must begin by.
  EXPECT_NE(
      message(ScreenMembers(Harassment(), "2025-08-11")).find("must begin by 8 September 2025"),
      std::string::npos);
  EXPECT_FALSE(ScreenMembers(Harassment(), "2025-08-10").HasWarning("time_limit"));  // 29 days
  EXPECT_NE(message(ScreenMembers(Harassment(), "2025-09-08")).find("must begin by"),
            std::string::npos);
  // Passed.
  EXPECT_NE(
      message(ScreenMembers(Harassment(), "2025-09-09")).find("had to begin by 8 September 2025"),
      std::string::npos);
}

TEST(IdentificationTest, AddMonthsClampsToTheEndOfTheMonth) {
  EXPECT_EQ(core::FormatDate(AddMonths(*core::ParseDate("2025-03-08"), 6)), "2025-09-08");
  EXPECT_EQ(core::FormatDate(AddMonths(*core::ParseDate("2025-08-31"), 6)), "2026-02-28");
  EXPECT_EQ(core::FormatDate(AddMonths(*core::ParseDate("2023-08-31"), 6)), "2024-02-29");
  EXPECT_EQ(core::FormatDate(AddMonths(*core::ParseDate("2025-12-15"), 6)), "2026-06-15");
}

TEST(IdentificationTest, UnverifiedPrimaryCodesAreFlagged) {
  std::string members = R"("occasions": [{"date": "2025-03-01", "channel": "email",
      "message": {"indecent_or_grossly_offensive": true}}], "purpose_to_cause_distress": true)";
  ScreeningResult result = ScreenMembers(members);
  EXPECT_EQ(result.primary->offence, "malicious_communications");
  EXPECT_FALSE(result.primary->codes_verified);
  EXPECT_TRUE(result.HasWarning("codes_unverified"));
  EXPECT_FALSE(ScreenMembers(Harassment()).HasWarning("codes_unverified"));
}

}  // namespace
}  // namespace vigil::domain::screening
