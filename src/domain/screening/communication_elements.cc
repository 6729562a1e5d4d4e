// The communications elements: each is worked out per occasion that has a
// message. A message occasion "qualifies" as a sent communication when its
// channel is known and is not in person (unknown when the channel is not
// known).

#include "domain/screening/element_support.h"

namespace vigil::domain::screening::internal {
namespace {

using ES = ElementStatus;
using E = Element;

// One flag of a message, with the facts path that records it.
struct Flag {
  std::optional<bool> Message::*member;
  const char* path;
};

constexpr Flag kIndecent{&Message::indecent_or_grossly_offensive,
                         "occasions[].message.indecent_or_grossly_offensive"};
constexpr Flag kMenacing{&Message::menacing, "occasions[].message.menacing"};
constexpr Flag kThreat{&Message::threat_of_death_or_serious_harm,
                       "occasions[].message.threat_of_death_or_serious_harm"};
constexpr Flag kKnownFalse{&Message::known_false, "occasions[].message.known_false"};
constexpr Flag kPublicNetwork{&Message::public_network, "occasions[].message.public_network"};

Tri Qualifies(const FactOccasion& occasion) {
  if (!occasion.message) return Tri::kFalse;
  if (!occasion.channel) return Tri::kUnknown;
  return *occasion.channel == "in_person" ? Tri::kFalse : Tri::kTrue;
}

// Per message occasion: qualifies AND (any of `any_of`) AND (all of `all_of`).
struct PerOccasion {
  std::vector<int> true_occasions;
  std::size_t unknown = 0;
  std::vector<std::string> open;
};

PerOccasion Evaluate(const Facts& facts, std::initializer_list<Flag> all_of,
                     std::initializer_list<Flag> any_of) {
  PerOccasion result;
  if (!facts.occasions) return result;
  for (std::size_t index = 0; index < facts.occasions->size(); ++index) {
    const FactOccasion& occasion = (*facts.occasions)[index];
    Tri qualifies = Qualifies(occasion);
    if (qualifies == Tri::kFalse) continue;
    Tri value = qualifies;
    for (const Flag& flag : all_of)
      value = And(value, FromOptional((*occasion.message).*flag.member));
    Tri any = Tri::kTrue;
    if (any_of.size() > 0) {
      any = Tri::kFalse;
      for (const Flag& flag : any_of) any = Or(any, FromOptional((*occasion.message).*flag.member));
      value = And(value, any);
    }
    if (value == Tri::kTrue) result.true_occasions.push_back(static_cast<int>(index));
    if (value != Tri::kUnknown) continue;
    ++result.unknown;
    if (qualifies == Tri::kUnknown) AddUnique(result.open, "occasions[].channel");
    for (const Flag& flag : all_of) {
      if (!((*occasion.message).*flag.member)) AddUnique(result.open, flag.path);
    }
    if (any == Tri::kUnknown) {
      for (const Flag& flag : any_of) {
        if (!((*occasion.message).*flag.member)) AddUnique(result.open, flag.path);
      }
    }
  }
  return result;
}

// Met on any one occasion.
ElementFinding OnSomeOccasion(Element element, const PerOccasion& result, std::string_view rule,
                              std::string_view what) {
  if (!result.true_occasions.empty()) {
    return Finding(element, ES::kMet,
                   Join({rule, "; ", what, " on ", Occasions(result.true_occasions.size()), "."}),
                   result.true_occasions);
  }
  if (result.unknown > 0) {
    return Finding(element, ES::kUnknown,
                   Join({rule, "; not yet known for ", Occasions(result.unknown), "."}), {},
                   result.open);
  }
  return Finding(element, ES::kNotMet, Join({rule, "; no message recorded shows this."}));
}

}  // namespace

void EvaluateCommunicationElements(const Facts& facts, ElementFindings& findings) {
  auto set = [&findings](ElementFinding finding) {
    findings[static_cast<std::size_t>(finding.element)] = std::move(finding);
  };
  set(OnSomeOccasion(E::kSentCommunication, Evaluate(facts, {}, {}),
                     "Malicious Communications Act 1988 s.1, Communications Act 2003 s.127 and "
                     "Online Safety Act 2023 ss.179 and 181: a message must have been sent (by "
                     "letter, phone, electronic communication or another person, not in person)",
                     "a message was sent"));
  set(OnSomeOccasion(E::kMessageIndecentOrGrosslyOffensive, Evaluate(facts, {kIndecent}, {}),
                     "Malicious Communications Act 1988 s.1(1)(a)(i) (as amended by the Online "
                     "Safety Act 2023): the message must be indecent or grossly offensive",
                     "the message was indecent or grossly offensive"));
  set(FromFact(E::kPurposeToCauseDistress, facts.purpose_to_cause_distress,
               "purpose_to_cause_distress",
               "Malicious Communications Act 1988 s.1(1): a purpose of sending was to cause "
               "distress or anxiety to the recipient or another person.",
               "Malicious Communications Act 1988 s.1(1): causing distress or anxiety was not a "
               "purpose of sending.",
               "Malicious Communications Act 1988 s.1(1): it is not known whether a purpose of "
               "sending was to cause distress or anxiety."));
  set(OnSomeOccasion(E::kOffensiveOrMenacingMessageOverPublicNetwork,
                     Evaluate(facts, {kPublicNetwork}, {kIndecent, kMenacing}),
                     "Communications Act 2003 s.127(1): a message sent over a public electronic "
                     "communications network must be grossly offensive, indecent, obscene or "
                     "menacing",
                     "such a message was sent over a public network"));
  {
    PerOccasion network = Evaluate(facts, {kPublicNetwork}, {});
    static const std::string rule =
        "Communications Act 2003 s.127(2)(c): the suspect must persistently use a public "
        "electronic communications network (messages on at least two occasions)";
    if (network.true_occasions.size() >= 2) {
      set(Finding(E::kPersistentUseOfPublicNetwork, ES::kMet,
                  Join({rule, "; messages were sent over a public network on ",
                        Occasions(network.true_occasions.size()), "."}),
                  network.true_occasions));
    } else if (network.true_occasions.size() + network.unknown < 2) {
      set(Finding(E::kPersistentUseOfPublicNetwork, ES::kNotMet,
                  Join({rule, "; messages were sent over a public network on ",
                        Occasions(network.true_occasions.size()), " only."}),
                  network.true_occasions));
    } else {
      set(Finding(E::kPersistentUseOfPublicNetwork, ES::kUnknown,
                  Join({rule, "; not yet known for ", Occasions(network.unknown), "."}),
                  network.true_occasions, network.open));
    }
  }
  set(FromFact(E::kPurposeToCauseAnnoyanceOrNeedlessAnxiety, facts.purpose_to_cause_distress,
               "purpose_to_cause_distress",
               "Communications Act 2003 s.127(2): the purpose was to cause annoyance, "
               "inconvenience or needless anxiety.",
               "Communications Act 2003 s.127(2): causing annoyance, inconvenience or needless "
               "anxiety was not the purpose.",
               "Communications Act 2003 s.127(2): it is not known whether the purpose was to "
               "cause annoyance, inconvenience or needless anxiety."));
  set(OnSomeOccasion(E::kMessageThreatensDeathOrSeriousHarm, Evaluate(facts, {kThreat}, {}),
                     "Online Safety Act 2023 s.181(1)-(2): the message must threaten death or "
                     "serious harm",
                     "the message threatened death or serious harm"));
  set(FromFact(E::kIntendedOrRecklessAsToFear, facts.intended_or_reckless_as_to_fear_of_threat,
               "intended_or_reckless_as_to_fear_of_threat",
               "Online Safety Act 2023 s.181(1)(b): the sender intended, or was reckless as to "
               "whether, the recipient would fear the threat would be carried out.",
               "Online Safety Act 2023 s.181(1)(b): the sender neither intended nor was reckless "
               "as to the recipient fearing the threat would be carried out.",
               "Online Safety Act 2023 s.181(1)(b): it is not known whether the sender intended, "
               "or was reckless as to, the recipient fearing the threat."));
  set(OnSomeOccasion(E::kMessageKnownFalse, Evaluate(facts, {kKnownFalse}, {}),
                     "Online Safety Act 2023 s.179(1)(a): the message must convey information the "
                     "sender knows to be false",
                     "the message conveyed information the sender knew to be false"));
  set(FromFact(E::kIntendedNonTrivialHarm, facts.intended_non_trivial_harm,
               "intended_non_trivial_harm",
               "Online Safety Act 2023 s.179(1)(b): the sender intended to cause non-trivial "
               "psychological or physical harm to a likely audience.",
               "Online Safety Act 2023 s.179(1)(b): the sender did not intend non-trivial harm.",
               "Online Safety Act 2023 s.179(1)(b): it is not known whether the sender intended "
               "non-trivial psychological or physical harm."));
  set(facts.lawful_excuse == true
          ? Finding(E::kNoReasonableExcuse, ES::kNotMet,
                    "Online Safety Act 2023 s.179(1)(c): the sender had a reasonable excuse.")
          : Finding(E::kNoReasonableExcuse, ES::kMet,
                    "Online Safety Act 2023 s.179(1)(c): no reasonable excuse has been "
                    "identified."));
}

}  // namespace vigil::domain::screening::internal
