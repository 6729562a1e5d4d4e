// The s.2A "associated with stalking" element: behaviours, fixation and the
// Home Office Counting Rules ex-partner rule.

#include <algorithm>

#include "domain/screening/element_support.h"

namespace vigil::domain::screening::internal {
namespace {

using ES = ElementStatus;
using E = Element;

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The behaviours on each occasion that show stalking, as "following on 2
// occasions, loitering on 1 occasion".
std::string DescribeBehaviours(const Facts& facts, std::vector<int>& hits) {
  std::vector<std::pair<std::string_view, int>> counts;  // Views of the facts' strings.
  for (std::size_t index = 0; index < facts.occasions->size(); ++index) {
    bool hit = false;
    for (const std::string& behaviour : (*facts.occasions)[index].behaviours) {
      if (!Contains(StalkingBehaviours(), behaviour) &&
          !Contains(FixationBehaviours(), behaviour)) {
        continue;
      }
      hit = true;
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& entry) { return entry.first == behaviour; });
      if (it == counts.end()) {
        counts.emplace_back(behaviour, 1);
      } else {
        ++it->second;
      }
    }
    if (hit) hits.push_back(static_cast<int>(index));
  }
  std::string text;
  text.reserve(counts.size() * 40);
  for (const auto& [behaviour, count] : counts) {
    if (!text.empty()) text += ", ";
    std::size_t start = text.size();
    text.append(behaviour);
    std::replace(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(), '_', ' ');
    text += " on ";
    text += Occasions(static_cast<std::size_t>(count));
  }
  return text;
}

}  // namespace

ElementFinding AssociatedWithStalking(const Facts& facts, const ElementFinding& course) {
  static const std::string rule = "Protection from Harassment Act 1997 s.2A(2)-(3)";
  std::vector<int> hits;
  std::string behaviours = facts.occasions ? DescribeBehaviours(facts, hits) : "";
  if (!hits.empty() || facts.fixated_or_obsessive == true) {
    std::string because = Join({rule, ": the conduct is associated with stalking"});
    if (!hits.empty()) because += " (" + behaviours + ")";
    if (facts.fixated_or_obsessive == true) {
      because += hits.empty() ? ": the suspect is described as fixated or obsessive"
                              : " and the suspect is described as fixated or obsessive";
    }
    return Finding(E::kAssociatedWithStalking, ES::kMet, because + ".", hits);
  }
  if (facts.relationship == "ex_partner" && course.status == ES::kMet &&
      facts.fixated_or_obsessive != false) {
    return Finding(E::kAssociatedWithStalking, ES::kMet,
                   "Home Office Counting Rules (from April 2020): a course of conduct by a former "
                   "partner is recorded as stalking unless it is harassment only; no s.2A(3) "
                   "behaviour is recorded, so the stalking decision rests on this rule and can "
                   "be overridden with a written reason.",
                   course.occasions);
  }
  if (facts.occasions && facts.fixated_or_obsessive == false) {
    return Finding(E::kAssociatedWithStalking, ES::kNotMet,
                   rule +
                       ": no behaviour associated with stalking (such as following, "
                       "contacting, loitering or watching) is recorded and the suspect is not "
                       "described as fixated or obsessive.");
  }
  std::vector<std::string> open;
  if (!facts.occasions) open.push_back("occasions");
  if (!facts.fixated_or_obsessive) open.push_back("fixated_or_obsessive");
  if (facts.occasions) open.push_back("occasions[].behaviours");
  if ((!facts.relationship || *facts.relationship == "unknown") && course.status != ES::kNotMet) {
    open.push_back("relationship");
  }
  return Finding(E::kAssociatedWithStalking, ES::kUnknown,
                 rule +
                     ": no behaviour associated with stalking is recorded yet and it is not "
                     "known whether the suspect is fixated or obsessive.",
                 {}, open);
}

}  // namespace vigil::domain::screening::internal
