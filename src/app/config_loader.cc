#include "app/config_loader.h"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "core/config_reader.h"
#include "domain/screening/screening_config.h"
#include "linkage/nickname_table.h"

namespace vigil::app {
namespace {

std::string Folder(const std::string& config_dir) {
  std::string path = config_dir.empty() ? std::string(".") : config_dir;
  if (path.back() != '/') path += '/';
  return path;
}

// The file's text, or empty when it cannot be read.
std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

}  // namespace

std::string LookupsPath(const std::string& config_dir) {
  return Folder(config_dir) + "lookups/lookups.yaml";
}

std::vector<std::string> ScreeningPaths(const std::string& config_dir) {
  std::vector<std::string> paths;
  for (std::string_view name :
       {domain::screening::kQuestionnaireFile, domain::screening::kOffencesFile,
        domain::screening::kRiskFile, domain::screening::kActionsFile}) {
    paths.push_back(Folder(config_dir) + "screening/" + std::string(name));
  }
  return paths;
}

std::vector<std::string> OrderConfigPaths(const std::string& config_dir) {
  return {Folder(config_dir) + "orders/" + std::string(domain::court_order::kOrderTypesFile),
          Folder(config_dir) + "orders/" + std::string(domain::court_order::kTermsFile)};
}

core::Result<domain::screening::ScreeningEngine> LoadScreeningEngine(
    const std::string& config_dir, const domain::Lookups& lookups) {
  std::map<std::string, std::string> files;
  core::ErrorCollector problems;
  std::vector<std::string> missing;  // "risk.yaml:0", as the parser names a missing file.
  for (const std::string& path : ScreeningPaths(config_dir)) {
    std::optional<std::string> text = ReadText(path);
    if (text) {
      files.emplace(path, std::move(*text));
    } else {
      problems.Add(path + ":0: file", "unreadable", "cannot be read (missing or not permitted)");
      missing.push_back(path.substr(path.rfind('/') + 1) + ":0");
    }
  }
  auto engine = domain::screening::ScreeningEngine::FromFiles(files, lookups);
  if (engine.ok() && problems.empty()) return engine;
  core::Status status = engine.status();
  for (const core::FieldError& error : status.field_errors()) {
    bool about_missing = false;
    for (const std::string& prefix : missing) {
      if (error.field.rfind(prefix, 0) == 0) about_missing = true;
    }
    if (!about_missing) problems.Add(error.field, error.code, error.message);
  }
  return problems.ToStatus("the screening configuration has problems");
}

core::Result<AppConfig> LoadConfig(const std::string& config_dir) {
  core::ErrorCollector problems;
  core::ConfigReader reader = core::ConfigReader::FromFile(LookupsPath(config_dir));
  core::Result<domain::Lookups> lookups = domain::ParseLookups(reader);
  if (!lookups.ok()) problems.Merge("", lookups.status());

  std::string nickname_path = Folder(config_dir) + "linkage/nicknames.yaml";
  std::size_t nickname_pairs = 0;
  std::int64_t nickname_version = 0;
  if (std::optional<std::string> text = ReadText(nickname_path)) {
    auto table = linkage::NicknameTable::Parse(nickname_path, *text);
    if (table.ok()) {
      nickname_pairs = table->pair_count();
      nickname_version = table->version();
    } else {
      problems.Merge("", table.status());
    }
  } else {
    problems.Add(nickname_path + ":0: file", "unreadable",
                 "cannot be read (missing or not permitted)");
  }

  std::map<std::string, std::string> order_files;
  for (const std::string& path : OrderConfigPaths(config_dir)) {
    if (std::optional<std::string> text = ReadText(path)) {
      order_files.emplace(path, std::move(*text));
    } else {
      problems.Add(path + ":0: file", "unreadable", "cannot be read (missing or not permitted)");
    }
  }
  std::optional<domain::court_order::OrderConfig> orders;
  if (order_files.size() == 2) {
    auto parsed = domain::court_order::ParseOrderConfig(order_files);
    if (parsed.ok()) {
      orders.emplace(std::move(parsed).value());
    } else {
      problems.Merge("", parsed.status());
    }
  }

  std::optional<domain::screening::ScreeningEngine> engine;
  if (lookups.ok()) {
    auto loaded = LoadScreeningEngine(config_dir, *lookups);
    if (loaded.ok()) {
      engine.emplace(std::move(loaded).value());
    } else {
      problems.Merge("", loaded.status());
    }
  }
  if (!problems.empty()) return problems.ToStatus("the configuration has problems");
  AppConfig config;
  config.lookups = std::move(lookups).value();
  config.screening = std::make_shared<const domain::screening::ScreeningEngine>(std::move(*engine));
  config.nickname_pairs = nickname_pairs;
  config.nickname_version = nickname_version;
  config.orders = std::make_shared<const domain::court_order::OrderConfig>(std::move(*orders));
  return config;
}

}  // namespace vigil::app
