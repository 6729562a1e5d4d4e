// The course-of-conduct, stalking and controlling-or-coercive elements.

#include "domain/screening/elements.h"

#include <algorithm>

#include "domain/screening/element_support.h"

namespace vigil::domain::screening {
namespace {

using internal::Finding;
using internal::FromFact;
using internal::Join;
using internal::Occasions;
using ES = ElementStatus;
using E = Element;

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::vector<int> AllOccasions(const Facts& facts) {
  std::vector<int> indexes;
  if (!facts.occasions) return indexes;
  for (std::size_t index = 0; index < facts.occasions->size(); ++index) {
    indexes.push_back(static_cast<int>(index));
  }
  return indexes;
}

const char kCourseOfConductRule[] =
    "Protection from Harassment Act 1997 s.7(3): a course of conduct needs conduct on at least "
    "two occasions towards one person, or on at least one occasion towards each of two or more "
    "people";

ElementFinding CourseOfConduct(const Facts& facts) {
  if (!facts.occasions) {
    return Finding(E::kCourseOfConduct, ES::kUnknown,
                   Join({kCourseOfConductRule, "; no occasions have been recorded yet."}), {},
                   {"occasions"});
  }
  std::size_t count = facts.occasions->size();
  int people = facts.people_targeted.value_or(1);
  if (count >= 2) {
    return Finding(E::kCourseOfConduct, ES::kMet,
                   Join({kCourseOfConductRule, "; ", Occasions(count), " are recorded."}),
                   AllOccasions(facts));
  }
  if (count == 1 && people >= 2) {
    return Finding(E::kCourseOfConduct, ES::kMet,
                   Join({kCourseOfConductRule, "; the conduct on 1 occasion targeted ",
                         std::to_string(people), " people."}),
                   AllOccasions(facts));
  }
  return Finding(E::kCourseOfConduct, ES::kNotMet,
                 Join({kCourseOfConductRule, "; only ", Occasions(count),
                       (count == 1 ? " is" : " are"), " recorded."}),
                 AllOccasions(facts));
}

ElementFinding RepeatedOrContinuous(const Facts& facts) {
  static const std::string rule =
      "Serious Crime Act 2015 s.76(1)(a): the behaviour must be repeated or continuous";
  if (!facts.occasions) {
    return Finding(E::kRepeatedOrContinuousBehaviour, ES::kUnknown,
                   Join({rule, "; no occasions have been recorded yet."}), {}, {"occasions"});
  }
  std::size_t count = facts.occasions->size();
  if (count >= 2) {
    return Finding(E::kRepeatedOrContinuousBehaviour, ES::kMet,
                   Join({rule, "; ", Occasions(count), " are recorded."}), AllOccasions(facts));
  }
  return Finding(
      E::kRepeatedOrContinuousBehaviour, ES::kNotMet,
      Join({rule, "; only ", Occasions(count), (count == 1 ? " is" : " are"), " recorded."}),
      AllOccasions(facts));
}

ElementFinding AmountsToHarassment(const Facts& facts) {
  static const std::string rule = "Protection from Harassment Act 1997 ss.1 and 7(2)";
  using internal::Tri;
  Tri alarm = internal::Or(internal::FromOptional(facts.impact.alarm_or_distress),
                           internal::FromOptional(facts.impact.serious_alarm_or_distress));
  // Fearing violence is being alarmed (s.7(2)): a "yes" on any occasion
  // settles alarm; a "no" says nothing about alarm or distress.
  if (facts.occasions) {
    for (const FactOccasion& occasion : *facts.occasions) {
      if (occasion.victim_feared_violence == true) alarm = Tri::kTrue;
    }
  }
  if (facts.unwanted == false) {
    return Finding(
        E::kConductAmountsToHarassment, ES::kNotMet,
        Join({rule, ": the conduct was not unwanted, so it does not amount to harassment."}));
  }
  if (alarm == Tri::kFalse) {
    return Finding(E::kConductAmountsToHarassment, ES::kNotMet,
                   rule +
                       ": the conduct did not cause the victim alarm or distress, so it does "
                       "not amount to harassment.");
  }
  if (facts.unwanted == true && alarm == Tri::kTrue) {
    return Finding(E::kConductAmountsToHarassment, ES::kMet,
                   rule +
                       ": the conduct was unwanted and caused the victim alarm or distress, "
                       "which is harassment.",
                   AllOccasions(facts));
  }
  std::vector<std::string> open;
  if (!facts.unwanted) open.push_back("unwanted");
  if (alarm == Tri::kUnknown) {
    if (!facts.impact.alarm_or_distress) open.push_back("impact.alarm_or_distress");
    if (!facts.impact.serious_alarm_or_distress) open.push_back("impact.serious_alarm_or_distress");
  }
  return Finding(E::kConductAmountsToHarassment, ES::kUnknown,
                 rule +
                     ": harassment needs conduct that is unwanted and causes alarm or "
                     "distress; this is not yet known.",
                 {}, open);
}

ElementFinding FearOnTwoOccasions(const Facts& facts) {
  static const std::string rule =
      "Protection from Harassment Act 1997 ss.4(1) and 4A(1)(b)(i) (and Serious Crime Act 2015 "
      "s.76(4)(a)): the victim must have feared, on at least two occasions, that violence would "
      "be used against them";
  if (!facts.occasions) {
    return Finding(E::kFearOfViolenceOnTwoOccasions, ES::kUnknown,
                   Join({rule, "; no occasions have been recorded yet."}), {}, {"occasions"});
  }
  std::vector<int> feared;
  std::size_t unknown = 0;
  for (std::size_t index = 0; index < facts.occasions->size(); ++index) {
    const auto& answer = (*facts.occasions)[index].victim_feared_violence;
    if (answer == true) feared.push_back(static_cast<int>(index));
    if (!answer) ++unknown;
  }
  if (feared.size() >= 2) {
    return Finding(E::kFearOfViolenceOnTwoOccasions, ES::kMet,
                   Join({rule, "; they did on ", Occasions(feared.size()), "."}), feared);
  }
  if (feared.size() + unknown < 2) {
    return Finding(E::kFearOfViolenceOnTwoOccasions, ES::kNotMet,
                   Join({rule, "; they did on ", Occasions(feared.size()), " only."}), feared);
  }
  return Finding(E::kFearOfViolenceOnTwoOccasions, ES::kUnknown,
                 Join({rule, "; they did on ", Occasions(feared.size()),
                       " and it is not known for ", Occasions(unknown), "."}),
                 feared, {"occasions[].victim_feared_violence"});
}

ElementFinding SeriousAlarmDistress(const Facts& facts) {
  static const std::string rule =
      "Protection from Harassment Act 1997 s.4A(1)(b)(ii) (and Serious Crime Act 2015 "
      "s.76(4)(b)): the conduct must cause serious alarm or distress with a substantial adverse "
      "effect on the victim's usual day-to-day activities";
  const auto& serious = facts.impact.serious_alarm_or_distress;
  const auto& changed = facts.impact.changed_usual_activities;
  if (serious == true && changed == true) {
    return Finding(E::kSeriousAlarmDistressWithSubstantialAdverseEffect, ES::kMet,
                   Join({rule, "; it did, and the victim has changed what they usually do."}),
                   AllOccasions(facts));
  }
  if (serious == false) {
    return Finding(E::kSeriousAlarmDistressWithSubstantialAdverseEffect, ES::kNotMet,
                   Join({rule, "; the victim was not caused serious alarm or distress."}));
  }
  if (changed == false) {
    return Finding(E::kSeriousAlarmDistressWithSubstantialAdverseEffect, ES::kNotMet,
                   Join({rule, "; the victim has not changed what they usually do."}));
  }
  std::vector<std::string> open;
  if (!serious) open.push_back("impact.serious_alarm_or_distress");
  if (!changed) open.push_back("impact.changed_usual_activities");
  return Finding(E::kSeriousAlarmDistressWithSubstantialAdverseEffect, ES::kUnknown,
                 Join({rule, "; this is not yet known."}), {}, open);
}

ElementFinding PersonallyConnected(const Facts& facts) {
  static const std::string rule =
      "Serious Crime Act 2015 s.76(2) as amended by the Domestic Abuse Act 2021 s.68: the "
      "suspect and victim must be personally connected (Domestic Abuse Act 2021 s.2: partners, "
      "former partners and relatives, whether or not they live together)";
  if (!facts.relationship || *facts.relationship == "unknown") {
    return Finding(E::kPersonallyConnected, ES::kUnknown,
                   Join({rule, "; the relationship is not known."}), {}, {"relationship"});
  }
  std::string relationship = *facts.relationship;
  std::replace(relationship.begin(), relationship.end(), '_', ' ');
  if (Contains(PersonallyConnectedRelationships(), *facts.relationship)) {
    return Finding(E::kPersonallyConnected, ES::kMet,
                   Join({rule, "; the suspect is the victim's ", relationship, "."}));
  }
  return Finding(E::kPersonallyConnected, ES::kNotMet,
                 Join({rule, "; the relationship (", relationship, ") is not one of these."}));
}

ElementFinding ControllingPattern(const Facts& facts) {
  static const std::string rule =
      "Serious Crime Act 2015 s.76(1)(a): the suspect must repeatedly or continuously engage "
      "in controlling or coercive behaviour towards the victim";
  std::vector<int> occasions;
  if (facts.occasions) {
    for (std::size_t index = 0; index < facts.occasions->size(); ++index) {
      if (Contains((*facts.occasions)[index].behaviours, "controlling_or_coercive")) {
        occasions.push_back(static_cast<int>(index));
      }
    }
  }
  if (facts.controlling_or_coercive_pattern == true) {
    return Finding(E::kControllingOrCoercivePattern, ES::kMet,
                   Join({rule, "; a pattern of controlling or coercive behaviour is described."}),
                   occasions);
  }
  if (occasions.size() >= 2) {
    return Finding(E::kControllingOrCoercivePattern, ES::kMet,
                   Join({rule, "; controlling or coercive behaviour is recorded on ",
                         Occasions(occasions.size()), "."}),
                   occasions);
  }
  if (facts.controlling_or_coercive_pattern == false) {
    return Finding(E::kControllingOrCoercivePattern, ES::kNotMet,
                   Join({rule, "; no such pattern is described and it is recorded on ",
                         Occasions(occasions.size()), "."}),
                   occasions);
  }
  return Finding(E::kControllingOrCoercivePattern, ES::kUnknown,
                 Join({rule, "; it is not known whether there is such a pattern."}), occasions,
                 {"controlling_or_coercive_pattern"});
}

ElementFinding SeriousEffect(const ElementFinding& fear, const ElementFinding& alarm) {
  static const std::string rule =
      "Serious Crime Act 2015 s.76(4): the behaviour must have a serious effect on the victim "
      "(fear of violence on at least two occasions, or serious alarm or distress with a "
      "substantial adverse effect on their usual day-to-day activities)";
  if (fear.status == ES::kMet || alarm.status == ES::kMet) {
    std::vector<int> occasions = fear.status == ES::kMet ? fear.occasions : alarm.occasions;
    return Finding(
        E::kSeriousEffect, ES::kMet,
        Join({rule, (fear.status == ES::kMet ? "; the victim feared violence on two or more "
                                               "occasions."
                                             : "; the victim suffered serious alarm or "
                                               "distress and changed what they do.")}),
        occasions);
  }
  if (fear.status == ES::kNotMet && alarm.status == ES::kNotMet) {
    return Finding(E::kSeriousEffect, ES::kNotMet, Join({rule, "; neither is shown."}));
  }
  std::vector<std::string> open;
  for (const ElementFinding* part : {&fear, &alarm}) {
    for (const std::string& fact : part->open_facts) internal::AddUnique(open, fact);
  }
  return Finding(E::kSeriousEffect, ES::kUnknown, Join({rule, "; this is not yet known."}), {},
                 open);
}

}  // namespace

std::string_view ElementStatusName(ElementStatus status) {
  switch (status) {
    case ES::kMet:
      return "met";
    case ES::kNotMet:
      return "not_met";
    case ES::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const std::vector<std::string>& StalkingBehaviours() {
  static const std::vector<std::string> behaviours = {
      "following",           "contacting",
      "publishing_material", "monitoring_electronic_communications",
      "loitering",           "interfering_with_property",
      "watching_or_spying"};
  return behaviours;
}

const std::vector<std::string>& FixationBehaviours() {
  static const std::vector<std::string> behaviours = {
      "turning_up",        "unwanted_gifts", "tracking_device", "contacting_third_parties",
      "recruiting_others", "impersonation"};
  return behaviours;
}

const std::vector<std::string>& PersonallyConnectedRelationships() {
  static const std::vector<std::string> relationships = {"current_partner", "ex_partner",
                                                         "family_member"};
  return relationships;
}

ElementFindings EvaluateElements(const Facts& facts) {
  ElementFindings findings;
  auto set = [&findings](ElementFinding finding) {
    findings[static_cast<std::size_t>(finding.element)] = std::move(finding);
  };
  set(CourseOfConduct(facts));
  const ElementFinding& course = findings[static_cast<std::size_t>(E::kCourseOfConduct)];
  set(AmountsToHarassment(facts));
  set(FromFact(E::kKnewOrOughtToKnow, facts.suspect_knew_or_ought_to_know,
               "suspect_knew_or_ought_to_know",
               "Protection from Harassment Act 1997 ss.1(2), 4(2) and 4A(2)-(3) (and Serious Crime "
               "Act 2015 s.76(1)(d)): the suspect knew or ought to have known the effect of their "
               "conduct, as a reasonable person with the same information would.",
               "Protection from Harassment Act 1997 ss.1(2), 4(2) and 4A(2)-(3): the suspect did "
               "not know and ought not to have known the effect of their conduct.",
               "Protection from Harassment Act 1997 ss.1(2), 4(2) and 4A(2)-(3): it is not known "
               "whether the suspect knew or ought to have known the effect of their conduct."));
  set(facts.lawful_excuse == true
          ? Finding(E::kNoLawfulExcuse, ES::kNotMet,
                    "Protection from Harassment Act 1997 s.1(3) (and s.4(3)): a lawful excuse "
                    "applies (preventing or detecting crime, acting under an enactment or rule of "
                    "law, or conduct reasonable in the circumstances), which is a defence.")
          : Finding(E::kNoLawfulExcuse, ES::kMet,
                    "Protection from Harassment Act 1997 s.1(3) (and s.4(3)): no lawful excuse "
                    "has been identified."));
  set(internal::AssociatedWithStalking(facts, course));
  set(FearOnTwoOccasions(facts));
  set(SeriousAlarmDistress(facts));
  set(RepeatedOrContinuous(facts));
  set(ControllingPattern(facts));
  set(PersonallyConnected(facts));
  set(SeriousEffect(
      findings[static_cast<std::size_t>(E::kFearOfViolenceOnTwoOccasions)],
      findings[static_cast<std::size_t>(E::kSeriousAlarmDistressWithSubstantialAdverseEffect)]));
  internal::EvaluateCommunicationElements(facts, findings);
  return findings;
}

}  // namespace vigil::domain::screening
