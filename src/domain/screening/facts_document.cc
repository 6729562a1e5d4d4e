#include "domain/screening/facts_document.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "core/time.h"

namespace vigil::domain::screening {
namespace {

using rules::Item;
using rules::Ref;

// What a Ref points at (Ref::tag).
enum Tag : int {
  kBoolValue,     // index: 0 or 1 (a figure worked out here; `at` is the document).
  kOptionalBool,  // at: a known std::optional<bool>.
  kInt,           // at: an int.
  kText,          // at: the characters; index: their number.
  kDate,          // at: a core::Date, read as "YYYY-MM-DD".
  kTextList,      // at: a std::vector<std::string>.
  kOccasions,     // at: the std::vector<FactOccasion>.
  kOccasion,      // at: a FactOccasion.
  kMessage,       // at: a Message.
  kImpact,        // at: the Impact (only when something about it is known).
  kRiskAnswers,   // at: the risk answers map.
  kDerived,       // at: the document.
  kResult,        // at: the ScreeningResult.
  kCandidates,    // at: the ScreeningResult.
  kCandidate,     // at: a Candidate.
  kRisk,          // at: the RiskAssessment.
};

constexpr int kFactsVersionValue = kFactsVersion;

Ref BoolValue(const void* owner, bool value) { return Ref{owner, kBoolValue, value ? 1u : 0u}; }
Ref OptionalBool(const std::optional<bool>& value) {
  return value ? Ref{&value, kOptionalBool} : Ref();
}
Ref Int(const int& value) { return Ref{&value, kInt}; }
Ref Text(std::string_view text) { return Ref{text.data(), kText, text.size()}; }
Ref OptionalText(const std::optional<std::string>& text) { return text ? Text(*text) : Ref(); }

// Finds `name` in a table of {name, member} pairs.
template <typename Member, std::size_t N>
const Member* FindMember(const std::array<std::pair<std::string_view, Member>, N>& table,
                         std::string_view name) {
  for (const auto& [key, member] : table) {
    if (key == name) return &member;
  }
  return nullptr;
}

using FactFlag = std::optional<bool> Facts::*;
constexpr std::array<std::pair<std::string_view, FactFlag>, 8> kFactFlags = {{
    {"suspect_knew_or_ought_to_know", &Facts::suspect_knew_or_ought_to_know},
    {"fixated_or_obsessive", &Facts::fixated_or_obsessive},
    {"unwanted", &Facts::unwanted},
    {"controlling_or_coercive_pattern", &Facts::controlling_or_coercive_pattern},
    {"purpose_to_cause_distress", &Facts::purpose_to_cause_distress},
    {"intended_or_reckless_as_to_fear_of_threat",
     &Facts::intended_or_reckless_as_to_fear_of_threat},
    {"intended_non_trivial_harm", &Facts::intended_non_trivial_harm},
    {"lawful_excuse", &Facts::lawful_excuse},
}};

using MessageFlag = std::optional<bool> Message::*;
constexpr std::array<std::pair<std::string_view, MessageFlag>, 5> kMessageFlags = {{
    {"indecent_or_grossly_offensive", &Message::indecent_or_grossly_offensive},
    {"menacing", &Message::menacing},
    {"threat_of_death_or_serious_harm", &Message::threat_of_death_or_serious_harm},
    {"known_false", &Message::known_false},
    {"public_network", &Message::public_network},
}};

using ImpactFlag = std::optional<bool> Impact::*;
constexpr std::array<std::pair<std::string_view, ImpactFlag>, 3> kImpactFlags = {{
    {"alarm_or_distress", &Impact::alarm_or_distress},
    {"serious_alarm_or_distress", &Impact::serious_alarm_or_distress},
    {"changed_usual_activities", &Impact::changed_usual_activities},
}};

bool AnythingKnown(const Impact& impact) {
  return impact.alarm_or_distress || impact.serious_alarm_or_distress ||
         impact.changed_usual_activities;
}

Ref OccasionMember(const FactOccasion& occasion, std::string_view name) {
  if (name == "date") return Ref{&occasion.date, kDate};
  if (name == "behaviours") return Ref{&occasion.behaviours, kTextList};
  if (name == "channel") return OptionalText(occasion.channel);
  if (name == "victim_feared_violence") return OptionalBool(occasion.victim_feared_violence);
  if (name == "message") return occasion.message ? Ref{&*occasion.message, kMessage} : Ref();
  return Ref();
}

}  // namespace

FactsDocument::FactsDocument(const Facts& facts) : facts_(facts) {
  if (!facts.occasions) return;
  // As DerivedFacts: 28-day windows ending on the report date (inclusive).
  has_counts_ = true;
  occasion_count_ = static_cast<int>(facts.occasions->size());
  std::optional<core::Date> latest;
  for (const FactOccasion& occasion : *facts.occasions) {
    auto days_before = (facts.report_date - occasion.date).count();
    if (days_before >= 0 && days_before < 28) ++occasions_last_28_days_;
    if (days_before >= 28 && days_before < 56) ++occasions_previous_28_days_;
    if (!latest || occasion.date > *latest) latest = occasion.date;
  }
  if (latest) days_since_last_occasion_ = static_cast<int>((facts.report_date - *latest).count());
}

// Names are compared as std::string_view, which compares lengths first.

Ref FactsDocument::Root(const std::string& fact) const {
  std::string_view name = fact;
  if (const FactFlag* flag = FindMember(kFactFlags, name)) return OptionalBool(facts_.*(*flag));
  if (name == "relationship") return OptionalText(facts_.relationship);
  if (name == "occasions") {
    return facts_.occasions ? Ref{&*facts_.occasions, kOccasions} : Ref();
  }
  if (name == "risk_answers") {
    return facts_.risk_answers ? Ref{&*facts_.risk_answers, kRiskAnswers} : Ref();
  }
  if (name == "derived") return Ref{this, kDerived};
  if (name == "result") return result_ ? Ref{result_, kResult} : Ref();
  if (name == "risk") return result_ && result_->risk ? Ref{&*result_->risk, kRisk} : Ref();
  if (name == "impact") return AnythingKnown(facts_.impact) ? Ref{&facts_.impact, kImpact} : Ref();
  if (name == "hostility") return facts_.hostility ? Ref{&*facts_.hostility, kTextList} : Ref();
  if (name == "people_targeted")
    return facts_.people_targeted ? Int(*facts_.people_targeted) : Ref();
  if (name == "report_date") return Ref{&facts_.report_date, kDate};
  if (name == "facts_version") return Int(kFactsVersionValue);
  return Ref();
}

Ref FactsDocument::Member(Ref group, const std::string& member) const {
  if (!group) return Ref();
  std::string_view name = member;
  switch (group.tag) {
    case kOccasion:
      return OccasionMember(*static_cast<const FactOccasion*>(group.at), name);
    case kMessage: {
      const MessageFlag* flag = FindMember(kMessageFlags, name);
      return flag ? OptionalBool(static_cast<const Message*>(group.at)->*(*flag)) : Ref();
    }
    case kImpact: {
      const ImpactFlag* flag = FindMember(kImpactFlags, name);
      return flag ? OptionalBool(static_cast<const Impact*>(group.at)->*(*flag)) : Ref();
    }
    case kRiskAnswers: {
      const auto& answers =
          *static_cast<const std::map<std::string, std::optional<bool>>*>(group.at);
      auto it = answers.find(member);
      return it == answers.end() ? Ref() : OptionalBool(it->second);
    }
    case kDerived:
      return DerivedMember(member);
    case kResult:
      return ResultMember(member);
    case kCandidates: {
      const Candidate* candidate =
          static_cast<const ScreeningResult*>(group.at)->FindCandidate(member);
      return candidate ? Ref{candidate, kCandidate} : Ref();
    }
    case kCandidate: {
      const auto* candidate = static_cast<const Candidate*>(group.at);
      if (name == "status") return Text(CandidateStatusName(candidate->status));
      if (name == "aggravated") return BoolValue(candidate, candidate->aggravated);
      return Ref();
    }
    case kRisk:
      return RiskMember(*static_cast<const RiskAssessment*>(group.at), member);
    default:
      return Ref();
  }
}

Ref FactsDocument::DerivedMember(std::string_view name) const {
  if (!has_counts_) return Ref();
  if (name == "occasion_count") return Int(occasion_count_);
  if (name == "occasions_last_28_days") return Int(occasions_last_28_days_);
  if (name == "occasions_previous_28_days") return Int(occasions_previous_28_days_);
  if (name == "days_since_last_occasion") {
    return days_since_last_occasion_ ? Int(*days_since_last_occasion_) : Ref();
  }
  return Ref();
}

Ref FactsDocument::ResultMember(std::string_view name) const {
  const ScreeningResult& result = *result_;
  if (name == "stalking_indicated") return BoolValue(this, result.stalking_indicated);
  if (name == "stalking_possible") return BoolValue(this, result.stalking_possible);
  if (name == "primary") return result.primary ? Text(result.primary->offence) : Ref();
  if (name == "included") return Ref{&result.included, kTextList};
  if (name == "candidates") return Ref{&result, kCandidates};
  if (name == "override_requested") {
    return BoolValue(this, result.classification_override.has_value());
  }
  if (name == "stalking_downgrade_requested") {
    return BoolValue(this, result.classification_override &&
                               result.classification_override->downgrade_from_stalking);
  }
  return Ref();
}

Ref FactsDocument::RiskMember(const RiskAssessment& risk, std::string_view name) const {
  if (name == "level") return Text(risk.level);
  if (name == "calculated_level") return Text(risk.calculated_level);
  if (name == "yes_count") return Int(risk.yes_count);
  if (name == "escalation_factors") return Ref{&risk.escalation_factors, kTextList};
  return Ref();
}

Item FactsDocument::Read(Ref ref) const {
  if (!ref) return Item::Unknown();
  switch (ref.tag) {
    case kBoolValue:
      return Item::Bool(ref.index != 0);
    case kOptionalBool:
      return Item::Bool(**static_cast<const std::optional<bool>*>(ref.at));
    case kInt:
      return Item::Number(*static_cast<const int*>(ref.at));
    case kText:
      return Item::Text(std::string_view(static_cast<const char*>(ref.at), ref.index));
    case kDate:
      dates_.push_front(core::FormatDate(*static_cast<const core::Date*>(ref.at)));
      return Item::Text(dates_.front());
    case kTextList:
      return Item::List(static_cast<const std::vector<std::string>*>(ref.at)->size());
    case kOccasions:
      return Item::List(static_cast<const std::vector<FactOccasion>*>(ref.at)->size());
    default:
      return Item::Group();
  }
}

Ref FactsDocument::At(Ref list, std::size_t index) const {
  switch (list.tag) {
    case kTextList:
      return Text((*static_cast<const std::vector<std::string>*>(list.at))[index]);
    case kOccasions:
      return Ref{&(*static_cast<const std::vector<FactOccasion>*>(list.at))[index], kOccasion};
    default:
      return Ref();
  }
}

}  // namespace vigil::domain::screening
