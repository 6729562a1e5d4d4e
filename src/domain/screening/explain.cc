#include "domain/screening/explain.h"

#include <algorithm>
#include <sstream>

#include "core/time.h"

namespace vigil::domain::screening {
namespace {

std::string Words(std::string_view id) {
  std::string text(id);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string OccasionDates(const ScreeningResult& result, const std::vector<int>& occasions) {
  std::string text;
  for (int index : occasions) {
    if (index < 0 || static_cast<std::size_t>(index) >= result.occasion_dates.size()) continue;
    if (!text.empty()) text += ", ";
    text += core::FormatDateLong(result.occasion_dates[static_cast<std::size_t>(index)]) +
            " (occasion " + std::to_string(index + 1) + ")";
  }
  return text;
}

std::string Codes(const std::string& classification, const std::string& code, bool verified) {
  std::string text = "HOCR " + (classification.empty() ? std::string("none") : classification);
  if (!code.empty()) text += ", offence code " + code;
  if (!verified) text += ", codes not yet verified";
  return text;
}

void ExplainCandidate(std::ostringstream& out, const ScreeningResult& result,
                      const Candidate& candidate, bool elements) {
  out << "  " << candidate.label
      << (candidate.aggravated ? " (racially or religiously aggravated)" : "") << " - "
      << candidate.statute << "; maximum " << candidate.max_penalty << "; "
      << (candidate.summary_only ? "summary only" : "either way");
  if (candidate.proceedings_by) {
    out << "; proceedings by " << core::FormatDateLong(*candidate.proceedings_by);
  }
  out << ".\n";
  for (Element id : candidate.elements) {
    const ElementFinding& element = result.Finding(id);
    bool show = elements || element.status != ElementStatus::kMet ||
                candidate.status == CandidateStatus::kMet;
    if (!show) continue;
    out << "    - " << Words(ElementId(element.element)) << ": "
        << Words(ElementStatusName(element.status)) << ". " << element.because;
    std::string dates = OccasionDates(result, element.occasions);
    if (!dates.empty()) out << " Occasions relied on: " << dates << ".";
    out << "\n";
  }
}

}  // namespace

std::string Explain(const ScreeningResult& result, bool all_elements) {
  std::ostringstream out;
  out << "Screening of the report of " << core::FormatDateLong(result.report_date) << " (rules "
      << result.rules_version << ")\n\n";
  out << "Stalking indicated: "
      << (result.stalking_indicated ? "yes"
                                    : (result.stalking_possible ? "possibly (more information "
                                                                  "needed)"
                                                                : "no"))
      << ".\n";
  if (result.primary) {
    const Candidate* primary = result.FindCandidate(result.primary->offence);
    if (primary) {
      out << "Primary classification: " << primary->label << ", " << primary->statute << " (";
    } else {
      out << "Primary classification: " << result.primary->offence << " (";
    }
    out << Codes(result.primary->hocr_classification, result.primary->offence_code,
                 result.primary->codes_verified)
        << ").\n";
  } else {
    out << "Primary classification: none - no offence is made out on these facts.\n";
  }
  if (!result.included.empty()) {
    out << "Included classifications:";
    for (const std::string& offence : result.included) {
      const Candidate* candidate = result.FindCandidate(offence);
      out << (offence == result.included.front() ? " " : "; ");
      if (candidate) {
        out << candidate->label << " (" << candidate->statute << ")";
      } else {
        out << offence;
      }
    }
    out << ".\n";
  }
  if (result.classification_override) {
    const OverrideRecord& record = *result.classification_override;
    out << "Override: " << Words(record.offence) << " chosen"
        << (record.previous_primary.empty() ? "" : " instead of " + Words(record.previous_primary))
        << (record.downgrade_from_stalking ? " (a downgrade from stalking)" : "")
        << ". Reason: " << (record.reason.empty() ? "none given" : record.reason) << "\n";
  }
  for (CandidateStatus status :
       {CandidateStatus::kMet, CandidateStatus::kPossible, CandidateStatus::kNotMet}) {
    bool heading = false;
    for (const Candidate& candidate : result.candidates) {
      if (candidate.status != status) continue;
      if (!heading) {
        out << "\n"
            << (status == CandidateStatus::kMet
                    ? "Offences made out:"
                    : (status == CandidateStatus::kPossible
                           ? "Offences possible (more information needed):"
                           : "Offences not made out:"))
            << "\n";
        heading = true;
      }
      if (status == CandidateStatus::kNotMet && !all_elements) {
        auto missing = std::find_if(
            candidate.elements.begin(), candidate.elements.end(), [&](Element element) {
              return result.Finding(element).status == ElementStatus::kNotMet;
            });
        out << "  " << candidate.label << " - " << candidate.statute;
        if (missing != candidate.elements.end()) {
          out << ": " << Words(ElementId(*missing)) << " not met.";
        }
        out << "\n";
        continue;
      }
      ExplainCandidate(out, result, candidate, all_elements);
    }
  }
  if (!result.ask_next.empty()) {
    out << "\nAsk next:\n";
    for (const NextQuestion& question : result.ask_next) {
      out << "  - " << question.question << " (" << question.fact << ")\n";
    }
  }
  if (!result.warnings.empty()) {
    out << "\nWarnings:\n";
    for (const Warning& warning : result.warnings) {
      out << "  - [" << warning.code << "] " << warning.message << "\n";
    }
  }
  if (result.risk) {
    const RiskAssessment& risk = *result.risk;
    out << "\nRisk: " << risk.level;
    if (risk.override)
      out << " (professional judgement; calculated " << risk.calculated_level << ")";
    out << ". " << risk.yes_count << (risk.yes_count == 1 ? " \"yes\" answer" : " \"yes\" answers")
        << " to scored items";
    if (!risk.escalation_factors.empty()) {
      out << "; escalation factors:";
      for (const std::string& factor : risk.escalation_factors) {
        out << (factor == risk.escalation_factors.front() ? " " : ", ") << Words(factor);
      }
    }
    out << " (item bank " << risk.item_bank_version << ").\n";
    if (risk.override) out << "  Rationale: " << risk.override->rationale << "\n";
  }
  if (!result.actions.empty()) {
    out << "\nActions, most urgent first:\n";
    for (const PlannedAction& action : result.actions) {
      out << "  " << action.priority << ". " << action.text << " [" << Words(action.kind)
          << "; within " << action.due_within_hours << " hours; " << Words(action.owner_role)
          << "]\n";
    }
  }
  return out.str();
}

}  // namespace vigil::domain::screening
