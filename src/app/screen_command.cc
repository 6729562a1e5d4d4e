#include "app/screen_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/config_loader.h"
#include "domain/screening/explain.h"
#include "domain/screening/result_json.h"
#include "services/screening_request.h"

namespace vigil::app {
namespace {

using domain::screening::ScreeningEngine;

// The engine of the configuration folder, or the built-in one when the
// folder was not named and does not exist.
core::Result<std::shared_ptr<const ScreeningEngine>> EngineFor(const ScreenOptions& options) {
  if (!options.config_given && !std::filesystem::exists(options.config)) {
    VIGIL_ASSIGN_OR_RETURN(ScreeningEngine engine, ScreeningEngine::Default());
    return std::make_shared<const ScreeningEngine>(std::move(engine));
  }
  VIGIL_ASSIGN_OR_RETURN(AppConfig config, LoadConfig(options.config));
  return config.screening;
}

core::Result<std::string> ReadInput(const std::string& input, std::istream& in) {
  if (input == "-") return std::string(std::istreambuf_iterator<char>(in), {});
  std::ifstream file(input, std::ios::binary);
  if (!file) {
    return core::InvalidArgument(
        "cannot read the facts file",
        {{input, "unreadable", "cannot be read (missing or not permitted)"}});
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

core::Result<nlohmann::json> ParseJson(const std::string& name, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    return core::Malformed(name + " is not JSON: " + error.what());
  }
}

}  // namespace

CLI::App* AddScreenCommand(CLI::App& app, ScreenOptions& options) {
  CLI::App* command = app.add_subcommand(
      "screen", "Screen a facts document (JSON) and print the result; nothing is stored");
  command->add_option("input", options.input, "Facts file (JSON), or - for standard input")
      ->required();
  command->add_option("--format", options.format, "json (the result contract) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  command
      ->add_option("--config", options.config,
                   "Configuration folder (default: ./config, or the built-in rules without one)")
      ->each([&options](const std::string&) { options.config_given = true; });
  command->add_flag("--all-elements", options.all_elements,
                    "With --format text, list the elements of offences that are not met too");
  return command;
}

int RunScreen(const ScreenOptions& options, CommandIo& io) {
  auto engine = EngineFor(options);
  if (!engine.ok()) {
    PrintFailure(io.err, engine.status());
    return ExitCodeFor(engine.status());
  }
  std::string name = options.input == "-" ? "standard input" : options.input;
  core::Result<std::string> text = ReadInput(options.input, io.in);
  if (!text.ok()) {
    PrintFailure(io.err, text.status());
    return kExitBadInput;
  }
  core::Result<nlohmann::json> body = ParseJson(name, *text);
  if (!body.ok()) {
    PrintFailure(io.err, body.status());
    return kExitBadInput;
  }
  auto request = services::ParseScreeningRequest(std::move(body).value(), **engine,
                                                 services::ReportIdUse::kRefused);
  if (!request.ok()) {
    PrintFailure(io.err, request.status());
    return kExitBadInput;
  }
  domain::screening::Overrides overrides{request->classification_override, request->risk_override};
  auto result = (*engine)->Screen(*request->parsed_facts, overrides);
  if (!result.ok()) {
    PrintFailure(io.err, result.status());
    return kExitBadInput;
  }
  if (options.format == "text") {
    io.out << domain::screening::Explain(*result, options.all_elements);
  } else {
    io.out << domain::screening::ToJson(*result).dump(2) << "\n";
  }
  return kExitOk;
}

}  // namespace vigil::app
