#pragma once
// The offences the screening engine knows and the legal elements each one
// needs. This is law, so it is code (reviewed and tested), not config:
// config/screening/offences.yaml supplies only each offence's labels,
// penalties and Home Office Counting Rules codes, and must list exactly
// these offences. Pure constants; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace vigil::domain::screening {

// Offence ids (stable; stored with screening results).
inline constexpr std::string_view kHarassment = "harassment";  // PHA 1997 s.2
inline constexpr std::string_view kHarassmentFearOfViolence = "harassment_fear_of_violence";  // s.4
inline constexpr std::string_view kStalking = "stalking";  // PHA 1997 s.2A
inline constexpr std::string_view kStalkingFearOfViolence =
    "stalking_fear_of_violence";  // s.4A(1)(b)(i)
inline constexpr std::string_view kStalkingSeriousAlarmDistress =
    "stalking_serious_alarm_distress";  // s.4A(1)(b)(ii)
inline constexpr std::string_view kControllingCoerciveBehaviour =
    "controlling_coercive_behaviour";  // SCA 2015 s.76
inline constexpr std::string_view kMaliciousCommunications = "malicious_communications";  // MCA s.1
inline constexpr std::string_view kImproperUseOfNetwork = "improper_use_of_network";  // CA s.127(1)
inline constexpr std::string_view kPersistentMisuseOfNetwork =
    "persistent_misuse_of_network";  // CA 2003 s.127(2)(c)
inline constexpr std::string_view kThreateningCommunications =
    "threatening_communications";                                                 // OSA s.181
inline constexpr std::string_view kFalseCommunications = "false_communications";  // OSA s.179

// The legal elements, each worked out from the facts (elements.h).
enum class Element {
  kCourseOfConduct,
  kConductAmountsToHarassment,
  kKnewOrOughtToKnow,
  kNoLawfulExcuse,
  kAssociatedWithStalking,
  kFearOfViolenceOnTwoOccasions,
  kSeriousAlarmDistressWithSubstantialAdverseEffect,
  kRepeatedOrContinuousBehaviour,
  kControllingOrCoercivePattern,
  kPersonallyConnected,
  kSeriousEffect,
  kSentCommunication,
  kMessageIndecentOrGrosslyOffensive,
  kPurposeToCauseDistress,
  kOffensiveOrMenacingMessageOverPublicNetwork,
  kPersistentUseOfPublicNetwork,
  kPurposeToCauseAnnoyanceOrNeedlessAnxiety,
  kMessageThreatensDeathOrSeriousHarm,
  kIntendedOrRecklessAsToFear,
  kMessageKnownFalse,
  kIntendedNonTrivialHarm,
  kNoReasonableExcuse,
};
inline constexpr std::size_t kElementCount = 22;

// The stable id of an element ("course_of_conduct", ...).
std::string_view ElementId(Element element);

// Every offence id, in the engine's canonical order.
const std::vector<std::string>& OffenceIds();

// The elements `offence` needs, in the order they are explained; empty for
// an unknown id.
const std::vector<Element>& OffenceElements(std::string_view offence);

// True for s.2A and the two s.4A offences.
bool IsStalkingOffence(std::string_view offence);

// The stalking offences in the order the primary is chosen among them:
// s.4A(1)(b)(i), s.4A(1)(b)(ii), s.2A.
const std::vector<std::string>& StalkingOffencesByPriority();

// True for the offences racial or religious hostility aggravates (Crime and
// Disorder Act 1998 s.32: PHA ss.2, 2A, 4 and 4A).
bool IsAggravatable(std::string_view offence);

// True for the communications offences (MCA s.1, CA s.127, OSA ss.179, 181),
// the only ones a single occasion can ground.
bool IsCommunicationsOffence(std::string_view offence);

// True for the Protection from Harassment Act course-of-conduct offences, which a lawful
// excuse (PHA s.1(3)) defeats.
bool IsCourseOfConductOffence(std::string_view offence);

}  // namespace vigil::domain::screening
