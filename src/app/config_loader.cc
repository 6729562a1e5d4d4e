#include "app/config_loader.h"

#include <utility>

#include "core/config_reader.h"

namespace vigil::app {

std::string LookupsPath(const std::string& config_dir) {
  std::string path = config_dir.empty() ? std::string(".") : config_dir;
  if (path.back() != '/') path += '/';
  return path + "lookups/lookups.yaml";
}

core::Result<AppConfig> LoadConfig(const std::string& config_dir) {
  core::ConfigReader reader = core::ConfigReader::FromFile(LookupsPath(config_dir));
  core::Result<domain::Lookups> lookups = domain::ParseLookups(reader);
  if (!lookups.ok()) return lookups.status();
  AppConfig config;
  config.lookups = std::move(lookups).value();
  return config;
}

}  // namespace vigil::app
