#include "domain/screening/screening_config.h"

#include <algorithm>

#include "core/config_reader.h"
#include "domain/screening/ask_next.h"
#include "domain/screening/fact_schema.h"
#include "domain/screening/offence_law.h"

namespace vigil::domain::screening {
namespace {

std::string_view BaseName(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The reader for `name`: over its text, or an empty one recording that the
// file is missing.
core::ConfigReader ReaderFor(const std::map<std::string, std::string>& files,
                             std::string_view name) {
  for (const auto& [path, text] : files) {
    if (BaseName(path) == name) return core::ConfigReader(path, text);
  }
  core::ConfigReader reader(std::string(name), "");
  reader.AddError(0, "", "is missing");
  return reader;
}

std::vector<std::string> Ids(const std::vector<LookupItem>& items) {
  std::vector<std::string> ids;
  for (const LookupItem& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace

core::Result<ScreeningConfig> ParseScreeningConfig(const std::map<std::string, std::string>& files,
                                                   const Lookups& lookups) {
  core::ConfigReader questionnaire_reader = ReaderFor(files, kQuestionnaireFile);
  core::ConfigReader offences_reader = ReaderFor(files, kOffencesFile);
  core::ConfigReader risk_reader = ReaderFor(files, kRiskFile);
  core::ConfigReader actions_reader = ReaderFor(files, kActionsFile);

  ScreeningConfig config;
  config.vocabulary.relationships = Ids(lookups.relationships);
  config.vocabulary.channels = Ids(lookups.channels);
  config.vocabulary.behaviours = Ids(lookups.behaviours);
  config.vocabulary.risk_items = ReadRiskItemIds(risk_reader);

  // A file that is missing or not YAML has its one error already; reading
  // its structure would only add "is required" noise.
  auto readable = [](const core::ConfigReader& reader) { return reader.ToStatus().ok(); };
  if (readable(offences_reader)) {
    config.offences = ParseOffenceCatalogue(offences_reader, lookups);
  }
  if (readable(risk_reader)) {
    config.risk = ParseRiskConfig(risk_reader, RiskRuleSchema(config.vocabulary));
  }
  if (readable(questionnaire_reader)) {
    config.questionnaire = ParseQuestionnaire(questionnaire_reader, FactsSchema(config.vocabulary),
                                              lookups, AskableFacts());
  }
  if (readable(actions_reader)) {
    config.actions =
        ParseActionConfig(actions_reader, ActionRuleSchema(config.vocabulary, OffenceIds()));
  }
  auto note_keys = [&config](const rules::Expression& rule) {
    for (const std::string& path : rule.root_paths()) {
      std::string key = path.substr(0, path.find_first_of(".["));
      auto& keys = config.fact_keys_read;
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  };
  for (const EscalationFactor& factor : config.risk.escalation_factors) note_keys(factor.when);
  for (const ActionDefinition& action : config.actions.actions) note_keys(action.when);
  config.rules_version = "questionnaire@" + std::to_string(config.questionnaire.version) +
                         ";offences@" + std::to_string(config.offences.version) + ";risk@" +
                         std::to_string(config.risk.version) + ";actions@" +
                         std::to_string(config.actions.version);

  core::ErrorCollector errors;
  for (const core::ConfigReader* reader :
       {&questionnaire_reader, &offences_reader, &risk_reader, &actions_reader}) {
    errors.Merge("", reader->ToStatus());
  }
  if (!errors.empty()) return errors.ToStatus("the screening configuration has errors");
  return config;
}

core::Result<ScreeningConfig> DefaultScreeningConfig() {
  std::map<std::string, std::string> files;
  std::string lookups_text;
  for (const core::EmbeddedFile& file : EmbeddedScreeningConfigFiles()) {
    if (file.name == "lookups.yaml") {
      lookups_text = std::string(file.content);
    } else {
      files.emplace(std::string(file.name), std::string(file.content));
    }
  }
  core::ConfigReader lookups_reader("lookups.yaml", lookups_text);
  auto lookups = ParseLookups(lookups_reader);
  if (!lookups.ok()) return lookups.status();
  return ParseScreeningConfig(files, *lookups);
}

}  // namespace vigil::domain::screening
