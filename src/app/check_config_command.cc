#include "app/check_config_command.h"

#include <ostream>

#include "app/config_loader.h"

namespace vigil::app {

CLI::App* AddCheckConfigCommand(CLI::App& app, CheckConfigOptions& options) {
  CLI::App* command =
      app.add_subcommand("check-config", "Check every configuration file and report every problem");
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  return command;
}

int RunCheckConfig(const CheckConfigOptions& options, CommandIo& io) {
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    std::size_t count = config.status().field_errors().size();
    io.err << "vigil check-config: " << options.config << " has " << count
           << (count == 1 ? " problem" : " problems") << "\n";
    return kExitBadInput;
  }
  const domain::Lookups& lookups = config->lookups;
  const domain::screening::ScreeningConfig& screening = config->screening->config();
  io.out << "The configuration in " << options.config << " is valid.\n"
         << "  lookups (version " << lookups.version << "): " << lookups.classifications.size()
         << " classifications, " << lookups.behaviours.size() << " behaviours, "
         << lookups.channels.size() << " channels, " << lookups.relationships.size()
         << " relationships, " << lookups.forces.size() << " forces\n"
         << "  screening rules " << screening.rules_version << ": "
         << screening.questionnaire.questions.size() << " questions, "
         << screening.offences.offences.size() << " offences, " << screening.risk.items.size()
         << " risk items, " << screening.risk.escalation_factors.size() << " escalation factors, "
         << screening.actions.actions.size() << " action rules\n"
         << "  nicknames (version " << config->nickname_version << "): " << config->nickname_pairs
         << " pairs\n"
         << "  court orders " << config->orders->version << ": "
         << config->orders->order_types.size() << " order types, " << config->orders->terms.size()
         << " standard terms\n";
  return kExitOk;
}

}  // namespace vigil::app
