#include "domain/screening/offence_catalogue.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "domain/screening/config_support.h"
#include "domain/screening/offence_law.h"

namespace vigil::domain::screening {
namespace {

OffenceForm ReadForm(core::ConfigNode& node) {
  OffenceForm form;
  form.statute = internal::ReadText(node, "statute");
  core::ConfigNode penalty = node.Required("max_penalty");
  form.max_penalty = penalty.AsString();
  if (penalty.IsDefined()) {
    auto months = ParsePenaltyMonths(form.max_penalty);
    if (!months) {
      penalty.Error(
          "must be a number of weeks, months or years, e.g. \"6 months\" or \"10 years\"");
    } else {
      form.max_penalty_months = *months;
    }
  }
  core::ConfigNode mode = node.Required("mode_of_trial");
  form.mode_of_trial = mode.AsString();
  if (mode.IsDefined() && form.mode_of_trial != "summary" && form.mode_of_trial != "either_way") {
    mode.Error("must be summary or either_way");
  }
  core::ConfigNode summary = node.Required("summary_only");
  form.summary_only = summary.AsBool();
  if (summary.IsDefined() && mode.IsDefined() &&
      form.summary_only != (form.mode_of_trial == "summary")) {
    summary.Error("must be true exactly when mode_of_trial is summary");
  }
  form.hocr_classification = internal::ReadText(node, "hocr_classification");
  form.offence_code = node.Optional("offence_code").AsString();
  form.codes_verified = node.Required("codes_verified").AsBool();
  return form;
}

}  // namespace

const OffenceDefinition* OffenceCatalogue::Find(std::string_view id) const {
  auto it = std::find_if(offences.begin(), offences.end(),
                         [&](const OffenceDefinition& offence) { return offence.id == id; });
  return it == offences.end() ? nullptr : &*it;
}

std::size_t OffenceCatalogue::RankOf(std::string_view id) const {
  auto it = std::find_if(offences.begin(), offences.end(),
                         [&](const OffenceDefinition& offence) { return offence.id == id; });
  return static_cast<std::size_t>(it - offences.begin());
}

std::optional<int> ParsePenaltyMonths(std::string_view text) {
  std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + space, number);
  if (error != std::errc() || end != text.data() + space || number < 1 || number > 1200) {
    return std::nullopt;
  }
  std::string_view unit = text.substr(space + 1);
  if (unit == "week" || unit == "weeks") return std::max(1, number * 12 / 52);
  if (unit == "month" || unit == "months") return number;
  if (unit == "year" || unit == "years") return number * 12;
  return std::nullopt;
}

OffenceCatalogue ParseOffenceCatalogue(core::ConfigReader& reader, const Lookups& lookups) {
  OffenceCatalogue catalogue;
  core::ConfigNode root = reader.root();
  catalogue.version = internal::ReadVersionHeader(root);
  core::ConfigNode list = root.Required("offences");
  std::set<std::string> seen;
  for (core::ConfigNode& node : list.Items()) {
    OffenceDefinition offence;
    offence.id = internal::ReadId(node, seen);
    bool known =
        std::find(OffenceIds().begin(), OffenceIds().end(), offence.id) != OffenceIds().end();
    if (!offence.id.empty() && !known) {
      node.Optional("id").Error("is not an offence the screening engine knows");
    }
    if (known && lookups.FindClassification(offence.id) == nullptr) {
      node.Optional("id").Error("has no classification in the lookups");
    }
    offence.label = internal::ReadText(node, "label");
    offence.form = ReadForm(node);
    core::ConfigNode aggravated = node.Optional("aggravated");
    if (aggravated.IsDefined()) {
      if (!aggravated.IsMap()) {
        aggravated.Error("must be a map of keys to values");
      } else {
        offence.aggravated = ReadForm(aggravated);
        aggravated.CheckNoUnknownKeys();
      }
      if (known && !IsAggravatable(offence.id)) {
        aggravated.Error("Crime and Disorder Act 1998 s.32 has no aggravated form of this offence");
      }
    } else if (known && IsAggravatable(offence.id)) {
      node.Error("needs an aggravated form (Crime and Disorder Act 1998 s.32)");
    }
    node.CheckNoUnknownKeys();
    catalogue.offences.push_back(std::move(offence));
  }
  if (list.IsDefined()) {
    for (const std::string& id : OffenceIds()) {
      if (!seen.contains(id)) list.Error("must list the offence '" + id + "'");
    }
  }
  root.CheckNoUnknownKeys();
  return catalogue;
}

}  // namespace vigil::domain::screening
