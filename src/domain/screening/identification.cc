#include "domain/screening/identification.h"

#include <algorithm>

#include "core/time.h"
#include "domain/screening/offence_law.h"

namespace vigil::domain::screening {
namespace {

// The time limit for summary-only offences (Magistrates' Courts Act 1980 s.127).
constexpr int kSummaryTimeLimitMonths = 6;
// Warn when the time limit falls within this many days of the report date.
constexpr int kTimeLimitWarningDays = 28;

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool IsAggravatingHostility(const Facts& facts) {
  if (!facts.hostility) return false;
  return Contains(*facts.hostility, "race") || Contains(*facts.hostility, "religion");
}

CandidateStatus StatusOf(const ScreeningResult& result, std::span<const Element> elements) {
  bool unknown = false;
  for (Element id : elements) {
    const ElementFinding& element = result.Finding(id);
    if (element.status == ElementStatus::kNotMet) return CandidateStatus::kNotMet;
    if (element.status == ElementStatus::kUnknown) unknown = true;
  }
  return unknown ? CandidateStatus::kPossible : CandidateStatus::kMet;
}

std::size_t StalkingPriority(std::string_view offence) {
  const auto& order = StalkingOffencesByPriority();
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), offence) - order.begin());
}

// Stalking met only through the Home Office Counting Rules ex-partner rule.
bool StalkingByRecordingRuleOnly(const Facts& facts) {
  if (facts.fixated_or_obsessive == true || !facts.occasions) return false;
  for (const FactOccasion& occasion : *facts.occasions) {
    for (const std::string& behaviour : occasion.behaviours) {
      if (Contains(StalkingBehaviours(), behaviour) || Contains(FixationBehaviours(), behaviour)) {
        return false;
      }
    }
  }
  return true;
}

void AddTimeLimit(const Facts& facts, Candidate& candidate, std::vector<Warning>& warnings) {
  if (!candidate.summary_only || candidate.status == CandidateStatus::kNotMet || !facts.occasions ||
      facts.occasions->empty()) {
    return;
  }
  core::Date last = facts.occasions->front().date;
  for (const FactOccasion& occasion : *facts.occasions) last = std::max(last, occasion.date);
  core::Date deadline = AddMonths(last, kSummaryTimeLimitMonths);
  candidate.proceedings_by = deadline;
  bool passed = deadline < facts.report_date;
  if (!passed && (deadline - facts.report_date).count() > kTimeLimitWarningDays) return;
  std::string what;
  what.append(candidate.label).append(" (").append(candidate.statute).append(")");
  std::string when = core::FormatDateLong(deadline);
  if (passed) {
    warnings.push_back(
        {"time_limit",
         "Proceedings for " + what + " had to begin by " + when +
             ", six months after the last occasion (Magistrates' Courts Act 1980 s.127). Consider "
             "an either-way offence, or whether a later occasion falls within the limit."});
  } else {
    warnings.push_back(
        {"time_limit", "Proceedings for " + what + " must begin by " + when +
                           " (Magistrates' Courts Act 1980 s.127: six months from the last "
                           "occasion)."});
  }
}

}  // namespace

core::Date AddMonths(core::Date date, int months) {
  std::chrono::year_month_day ymd(date);
  std::chrono::year_month_day moved = ymd + std::chrono::months(months);
  if (!moved.ok()) {
    moved =
        std::chrono::year_month_day_last(moved.year(), std::chrono::month_day_last(moved.month()));
  }
  return std::chrono::sys_days(moved);
}

bool Outranks(const Candidate& a, const Candidate& b, const OffenceCatalogue& catalogue) {
  bool a_stalking = IsStalkingOffence(a.offence);
  bool b_stalking = IsStalkingOffence(b.offence);
  if (a_stalking != b_stalking) return a_stalking;
  if (a_stalking) return StalkingPriority(a.offence) < StalkingPriority(b.offence);
  if (a.max_penalty_months != b.max_penalty_months) {
    return a.max_penalty_months > b.max_penalty_months;
  }
  return catalogue.RankOf(a.offence) < catalogue.RankOf(b.offence);
}

void ChoosePrimary(const OffenceCatalogue& catalogue, ScreeningResult& result) {
  std::vector<const Candidate*> met;
  met.reserve(result.candidates.size());
  for (const Candidate& candidate : result.candidates) {
    if (candidate.status == CandidateStatus::kMet) met.push_back(&candidate);
  }
  std::stable_sort(met.begin(), met.end(), [&](const Candidate* a, const Candidate* b) {
    return Outranks(*a, *b, catalogue);
  });
  result.primary.reset();
  result.included.clear();
  result.included.reserve(met.size());
  for (const Candidate* candidate : met) {
    if (!result.primary) {
      result.primary = PrimaryClassification{
          candidate->offence, std::string(candidate->hocr_classification),
          std::string(candidate->offence_code), candidate->codes_verified, candidate->aggravated};
    } else {
      result.included.push_back(candidate->offence);
    }
  }
}

void IdentifyOffences(const Facts& facts, const OffenceCatalogue& catalogue,
                      ScreeningResult& result) {
  bool aggravating = IsAggravatingHostility(facts);
  result.candidates.clear();
  result.candidates.reserve(catalogue.offences.size());
  for (const OffenceDefinition& offence : catalogue.offences) {
    Candidate candidate;
    candidate.offence = offence.id;
    candidate.label = offence.label;
    candidate.aggravated = aggravating && offence.aggravated.has_value();
    const OffenceForm& form = offence.FormFor(candidate.aggravated);
    candidate.statute = form.statute;
    candidate.max_penalty = form.max_penalty;
    candidate.max_penalty_months = form.max_penalty_months;
    candidate.mode_of_trial = form.mode_of_trial;
    candidate.summary_only = form.summary_only;
    candidate.hocr_classification = form.hocr_classification;
    candidate.offence_code = form.offence_code;
    candidate.codes_verified = form.codes_verified;
    candidate.elements = OffenceElements(offence.id);
    candidate.status = StatusOf(result, candidate.elements);
    AddTimeLimit(facts, candidate, result.warnings);
    result.candidates.push_back(std::move(candidate));
  }
  result.stalking_indicated = false;
  result.stalking_possible = false;
  for (const Candidate& candidate : result.candidates) {
    if (!IsStalkingOffence(candidate.offence)) continue;
    if (candidate.status == CandidateStatus::kMet) result.stalking_indicated = true;
    if (candidate.status == CandidateStatus::kPossible) result.stalking_possible = true;
  }
  if (result.stalking_indicated) result.stalking_possible = false;
  ChoosePrimary(catalogue, result);

  const ElementFinding& course = result.Finding(Element::kCourseOfConduct);
  if (course.status == ElementStatus::kNotMet && facts.occasions && facts.occasions->size() == 1) {
    result.warnings.push_back(
        {"single_occasion",
         "Only one occasion is recorded, so only a communications offence can be made out. A "
         "further occasion would make this a course of conduct (harassment or stalking): keep "
         "the report linkable by suspect and victim, including people targeted through others."});
  }
  if (result.stalking_indicated && facts.relationship == "ex_partner" &&
      StalkingByRecordingRuleOnly(facts)) {
    result.warnings.push_back(
        {"ex_partner_recorded_as_stalking",
         "Stalking is indicated because a course of conduct by a former partner is recorded as "
         "stalking unless it is harassment only (Home Office Counting Rules, April 2020). Ask "
         "about following, contact, loitering, watching and other fixated behaviour; record a "
         "reason if you decide it is harassment only."});
  }
  if (facts.hostility) {
    for (const std::string& kind : *facts.hostility) {
      if (kind == "race" || kind == "religion") continue;
      std::string name = kind;
      std::replace(name.begin(), name.end(), '_', ' ');
      result.warnings.push_back(
          {"hostility_sentence_uplift",
           "Hostility based on " + name +
               " does not create an aggravated offence but must be treated as increasing the "
               "seriousness of the sentence (Sentencing Act 2020 s.66); record it for the "
               "prosecutor."});
    }
  }
}

void WarnIfPrimaryCodesUnverified(ScreeningResult& result) {
  if (!result.primary || result.primary->codes_verified) return;
  result.warnings.push_back(
      {"codes_unverified", "The Home Office Counting Rules classification " +
                               result.primary->hocr_classification +
                               " and offence code for the primary offence await confirmation "
                               "against the current rules before they are used in returns."});
}

}  // namespace vigil::domain::screening
