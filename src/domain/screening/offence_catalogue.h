#pragma once
// The offence catalogue (config/screening/offences.yaml): for each offence
// the engine knows (offence_law.h), its label, statute, maximum penalty,
// mode of trial and Home Office Counting Rules classification and offence
// code, plus the racially or religiously aggravated form where one exists.
// The list order breaks ties between equal maximum penalties when the
// primary offence is chosen. Immutable once parsed; share freely.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_reader.h"
#include "domain/lookups.h"

namespace vigil::domain::screening {

// One form of an offence (ordinary or aggravated).
struct OffenceForm {
  std::string statute;              // "Protection from Harassment Act 1997 s.4A(1)(b)(i)".
  std::string max_penalty;          // As written: "10 years", "6 months".
  int max_penalty_months = 0;       // The same in months, for ranking.
  std::string mode_of_trial;        // "summary" or "either_way".
  bool summary_only = false;        // Equal to mode_of_trial == "summary".
  std::string hocr_classification;  // "8Q".
  std::string offence_code;         // "8/65"; empty when none is held.
  bool codes_verified = false;      // False while the codes await confirmation.
};

struct OffenceDefinition {
  std::string id;
  std::string label;  // Plain English.
  OffenceForm form;
  // Crime and Disorder Act 1998 s.32 form (PHA ss.2, 2A, 4 and 4A only).
  std::optional<OffenceForm> aggravated;

  // The form that applies.
  const OffenceForm& FormFor(bool is_aggravated) const {
    return is_aggravated && aggravated ? *aggravated : form;
  }
};

struct OffenceCatalogue {
  int version = 0;
  std::vector<OffenceDefinition> offences;  // In file order.

  // The offence with `id`, or nullptr.
  const OffenceDefinition* Find(std::string_view id) const;
  // The position of `id` in the file (ties in ranking), or the list size.
  std::size_t RankOf(std::string_view id) const;
};

// Parses "N week(s)", "N month(s)" or "N year(s)" into months (weeks count
// as whole months, rounded down, minimum 1). nullopt when malformed.
std::optional<int> ParsePenaltyMonths(std::string_view text);

// Builds the catalogue from offences.yaml. Every problem is recorded in
// `reader` with file, line and key: an offence the engine does not know, a
// known offence missing, duplicates, unknown keys, a malformed penalty, a
// mode of trial other than summary / either_way or disagreeing with
// summary_only, an aggravated form missing for (or given to) an offence
// the Crime and Disorder Act 1998 s.32 does (not) cover, and an offence id
// with no classification in the lookups.
OffenceCatalogue ParseOffenceCatalogue(core::ConfigReader& reader, const Lookups& lookups);

}  // namespace vigil::domain::screening
