#pragma once
// ScreeningConfig: the four policy files of config/screening (questionnaire,
// offences, risk, actions) parsed and cross-checked together, with the fact
// vocabulary from the lookups and the combined rules version recorded with
// every screening. Parsing is pure: the caller reads the files (or uses the
// copies embedded in the binary) and passes their text. Immutable once
// parsed; share freely between threads.

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/embedded_file.h"
#include "core/result.h"
#include "domain/lookups.h"
#include "domain/screening/action_config.h"
#include "domain/screening/facts.h"
#include "domain/screening/offence_catalogue.h"
#include "domain/screening/questionnaire.h"
#include "domain/screening/risk_config.h"

namespace vigil::domain::screening {

// The generated definition (cmake/EmbedFilesScript.cmake) names the type
// unqualified inside this namespace.
using core::EmbeddedFile;

// The file names, as found in config/screening.
inline constexpr std::string_view kQuestionnaireFile = "questionnaire.yaml";
inline constexpr std::string_view kOffencesFile = "offences.yaml";
inline constexpr std::string_view kRiskFile = "risk.yaml";
inline constexpr std::string_view kActionsFile = "actions.yaml";

struct ScreeningConfig {
  Questionnaire questionnaire;
  OffenceCatalogue offences;
  RiskConfig risk;
  ActionConfig actions;
  FactVocabulary vocabulary;  // Lookups lists and risk item ids the facts are checked against.
  // "questionnaire@1;offences@1;risk@1;actions@1".
  std::string rules_version;
  // The first segment of every path the risk and action rules read
  // ("relationship", "occasions", "risk_answers", "result", ...), e.g. for
  // building the JSON view of only the facts the rules read
  // (FactsToJson(facts, fact_keys_read)). The engine itself reads facts in
  // place (FactsDocument).
  std::vector<std::string> fact_keys_read;
};

// Parses the four files. `files` maps a file name or path to its text;
// entries are matched by the name after the last '/', and entries with
// other names are ignored. kInvalidArgument listing every problem in every
// file as a field error "FILE:LINE: key" (a missing file is one such
// problem, at line 0).
core::Result<ScreeningConfig> ParseScreeningConfig(const std::map<std::string, std::string>& files,
                                                   const Lookups& lookups);

// config/screening/*.yaml and config/lookups/lookups.yaml as they were when
// the binary was built, sorted by name.
std::span<const core::EmbeddedFile> EmbeddedScreeningConfigFiles();

// The embedded lookups and screening config, parsed. Fails (as the parsers
// do) only if the embedded files are broken, which the tests rule out.
core::Result<ScreeningConfig> DefaultScreeningConfig();

}  // namespace vigil::domain::screening
