#include "core/config_reader.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace vigil::core {
namespace {

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

}  // namespace

ConfigNode::ConfigNode(ConfigReader* reader, std::shared_ptr<const YAML::Node> node,
                       std::string path)
    : reader_(reader), node_(std::move(node)), path_(std::move(path)) {}

bool ConfigNode::IsDefined() const { return node_ && node_->IsDefined() && !node_->IsNull(); }
bool ConfigNode::IsMap() const { return IsDefined() && node_->IsMap(); }
bool ConfigNode::IsSequence() const { return IsDefined() && node_->IsSequence(); }

int ConfigNode::line() const {
  if (!node_ || !node_->IsDefined()) return 0;
  return node_->Mark().line + 1;
}

ConfigNode ConfigNode::Optional(std::string_view key) {
  read_keys_.insert(std::string(key));
  if (!IsMap()) return ConfigNode(reader_, nullptr, Join(path_, key));
  YAML::Node child = (*node_)[std::string(key)];
  if (!child.IsDefined()) return ConfigNode(reader_, nullptr, Join(path_, key));
  return ConfigNode(reader_, std::make_shared<const YAML::Node>(child), Join(path_, key));
}

ConfigNode ConfigNode::Required(std::string_view key) {
  ConfigNode child = Optional(key);
  if (!child.IsDefined()) {
    if (IsMap() || !IsDefined()) {
      reader_->AddError(line(), Join(path_, key), "is required");
    }
  }
  return child;
}

std::string ConfigNode::AsString(std::string_view fallback) {
  if (!IsDefined()) return std::string(fallback);
  if (!node_->IsScalar()) {
    Error("must be a text value");
    return std::string(fallback);
  }
  return node_->Scalar();
}

std::int64_t ConfigNode::AsInt(std::int64_t fallback) {
  if (!IsDefined()) return fallback;
  try {
    return node_->as<std::int64_t>();
  } catch (const YAML::Exception&) {
    Error("must be a whole number");
    return fallback;
  }
}

double ConfigNode::AsDouble(double fallback) {
  if (!IsDefined()) return fallback;
  try {
    return node_->as<double>();
  } catch (const YAML::Exception&) {
    Error("must be a number");
    return fallback;
  }
}

bool ConfigNode::AsBool(bool fallback) {
  if (!IsDefined()) return fallback;
  try {
    return node_->as<bool>();
  } catch (const YAML::Exception&) {
    Error("must be true or false");
    return fallback;
  }
}

std::vector<std::string> ConfigNode::AsStringList() {
  std::vector<std::string> values;
  for (ConfigNode& item : Items()) values.push_back(item.AsString());
  return values;
}

std::vector<ConfigNode> ConfigNode::Items() {
  std::vector<ConfigNode> items;
  if (!IsDefined()) return items;
  if (!node_->IsSequence()) {
    Error("must be a list");
    return items;
  }
  for (std::size_t index = 0; index < node_->size(); ++index) {
    items.emplace_back(reader_, std::make_shared<const YAML::Node>((*node_)[index]),
                       path_ + "[" + std::to_string(index) + "]");
  }
  return items;
}

std::vector<std::string> ConfigNode::Keys() {
  std::vector<std::string> keys;
  if (!IsDefined()) return keys;
  if (!node_->IsMap()) {
    Error("must be a map of keys to values");
    return keys;
  }
  for (const auto& entry : *node_) keys.push_back(entry.first.as<std::string>());
  return keys;
}

void ConfigNode::CheckNoUnknownKeys() {
  if (!IsMap()) return;
  for (const auto& entry : *node_) {
    std::string key = entry.first.as<std::string>();
    if (!read_keys_.contains(key)) {
      reader_->AddError(entry.first.Mark().line + 1, Join(path_, key), "is not a known key");
    }
  }
}

void ConfigNode::Error(std::string_view message) { reader_->AddError(line(), path_, message); }

ConfigReader::ConfigReader(std::string file_name, std::string_view text)
    : file_name_(std::move(file_name)) {
  try {
    root_ = std::make_shared<const YAML::Node>(YAML::Load(std::string(text)));
  } catch (const YAML::ParserException& error) {
    AddError(error.mark.line + 1, "", error.msg);
  }
}

ConfigReader ConfigReader::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigReader reader(path, "");
    reader.AddError(0, "", "cannot be read");
    return reader;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return ConfigReader(path, content.str());
}

ConfigNode ConfigReader::root() { return ConfigNode(this, root_, ""); }

void ConfigReader::AddError(int line, std::string_view key, std::string_view message) {
  std::string location = file_name_ + ":" + std::to_string(line);
  if (!key.empty()) location += ": " + std::string(key);
  errors_.Add(location, "config", std::string(message));
}

Status ConfigReader::ToStatus() const {
  return errors_.ToStatus("configuration file " + file_name_ + " has errors");
}

}  // namespace vigil::core
