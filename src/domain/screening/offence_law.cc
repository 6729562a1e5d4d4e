#include "domain/screening/offence_law.h"

#include <algorithm>
#include <array>
#include <map>

namespace vigil::domain::screening {
namespace {

using E = Element;

constexpr std::array<std::string_view, kElementCount> kElementIds = {
    "course_of_conduct",
    "conduct_amounts_to_harassment",
    "knew_or_ought_to_know",
    "no_lawful_excuse",
    "associated_with_stalking",
    "fear_of_violence_on_two_occasions",
    "serious_alarm_distress_with_substantial_adverse_effect",
    "repeated_or_continuous_behaviour",
    "controlling_or_coercive_pattern",
    "personally_connected",
    "serious_effect",
    "sent_communication",
    "message_indecent_or_grossly_offensive",
    "purpose_to_cause_distress",
    "offensive_or_menacing_message_over_public_network",
    "persistent_use_of_public_network",
    "purpose_to_cause_annoyance_or_needless_anxiety",
    "message_threatens_death_or_serious_harm",
    "intended_or_reckless_as_to_fear",
    "message_known_false",
    "intended_non_trivial_harm",
    "no_reasonable_excuse",
};

const std::map<std::string, std::vector<Element>, std::less<>>& ElementsByOffence() {
  static const std::map<std::string, std::vector<Element>, std::less<>> table = {
      {std::string(kHarassment),
       {E::kCourseOfConduct, E::kConductAmountsToHarassment, E::kKnewOrOughtToKnow,
        E::kNoLawfulExcuse}},
      // s.4 needs a course of conduct that amounts to harassment as well as
      // the fear (R v Curtis [2010] EWCA Crim 123).
      {std::string(kHarassmentFearOfViolence),
       {E::kCourseOfConduct, E::kConductAmountsToHarassment, E::kFearOfViolenceOnTwoOccasions,
        E::kKnewOrOughtToKnow, E::kNoLawfulExcuse}},
      {std::string(kStalking),
       {E::kCourseOfConduct, E::kConductAmountsToHarassment, E::kAssociatedWithStalking,
        E::kKnewOrOughtToKnow, E::kNoLawfulExcuse}},
      {std::string(kStalkingFearOfViolence),
       {E::kCourseOfConduct, E::kConductAmountsToHarassment, E::kAssociatedWithStalking,
        E::kFearOfViolenceOnTwoOccasions, E::kKnewOrOughtToKnow, E::kNoLawfulExcuse}},
      {std::string(kStalkingSeriousAlarmDistress),
       {E::kCourseOfConduct, E::kConductAmountsToHarassment, E::kAssociatedWithStalking,
        E::kSeriousAlarmDistressWithSubstantialAdverseEffect, E::kKnewOrOughtToKnow,
        E::kNoLawfulExcuse}},
      {std::string(kControllingCoerciveBehaviour),
       {E::kRepeatedOrContinuousBehaviour, E::kControllingOrCoercivePattern,
        E::kPersonallyConnected, E::kSeriousEffect, E::kKnewOrOughtToKnow}},
      {std::string(kMaliciousCommunications),
       {E::kSentCommunication, E::kMessageIndecentOrGrosslyOffensive, E::kPurposeToCauseDistress}},
      {std::string(kImproperUseOfNetwork),
       {E::kSentCommunication, E::kOffensiveOrMenacingMessageOverPublicNetwork}},
      {std::string(kPersistentMisuseOfNetwork),
       {E::kSentCommunication, E::kPersistentUseOfPublicNetwork,
        E::kPurposeToCauseAnnoyanceOrNeedlessAnxiety}},
      {std::string(kThreateningCommunications),
       {E::kSentCommunication, E::kMessageThreatensDeathOrSeriousHarm,
        E::kIntendedOrRecklessAsToFear}},
      {std::string(kFalseCommunications),
       {E::kSentCommunication, E::kMessageKnownFalse, E::kIntendedNonTrivialHarm,
        E::kNoReasonableExcuse}},
  };
  return table;
}

bool IsOneOf(std::string_view offence, std::initializer_list<std::string_view> ids) {
  return std::find(ids.begin(), ids.end(), offence) != ids.end();
}

}  // namespace

std::string_view ElementId(Element element) {
  return kElementIds[static_cast<std::size_t>(element)];
}

const std::vector<std::string>& OffenceIds() {
  static const std::vector<std::string> ids = {
      std::string(kStalkingFearOfViolence),
      std::string(kStalkingSeriousAlarmDistress),
      std::string(kStalking),
      std::string(kHarassmentFearOfViolence),
      std::string(kControllingCoerciveBehaviour),
      std::string(kThreateningCommunications),
      std::string(kMaliciousCommunications),
      std::string(kHarassment),
      std::string(kImproperUseOfNetwork),
      std::string(kPersistentMisuseOfNetwork),
      std::string(kFalseCommunications),
  };
  return ids;
}

const std::vector<Element>& OffenceElements(std::string_view offence) {
  static const std::vector<Element> none;
  const auto& table = ElementsByOffence();
  auto it = table.find(offence);
  return it == table.end() ? none : it->second;
}

bool IsStalkingOffence(std::string_view offence) {
  return IsOneOf(offence, {kStalking, kStalkingFearOfViolence, kStalkingSeriousAlarmDistress});
}

const std::vector<std::string>& StalkingOffencesByPriority() {
  static const std::vector<std::string> ids = {std::string(kStalkingFearOfViolence),
                                               std::string(kStalkingSeriousAlarmDistress),
                                               std::string(kStalking)};
  return ids;
}

bool IsAggravatable(std::string_view offence) {
  return IsOneOf(offence, {kHarassment, kHarassmentFearOfViolence, kStalking,
                           kStalkingFearOfViolence, kStalkingSeriousAlarmDistress});
}

bool IsCommunicationsOffence(std::string_view offence) {
  return IsOneOf(offence,
                 {kMaliciousCommunications, kImproperUseOfNetwork, kPersistentMisuseOfNetwork,
                  kThreateningCommunications, kFalseCommunications});
}

bool IsCourseOfConductOffence(std::string_view offence) {
  return IsOneOf(offence, {kHarassment, kHarassmentFearOfViolence, kStalking,
                           kStalkingFearOfViolence, kStalkingSeriousAlarmDistress});
}

}  // namespace vigil::domain::screening
