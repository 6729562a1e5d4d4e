#pragma once
// Reads the YAML files in config/ (rules as data) and reports every problem
// with the file, line and key, never only the first. A ConfigReader wraps one
// parsed file; ConfigNode gives typed access that records an error instead
// of throwing. Unknown keys are errors (a typo must not silently disable a
// rule). Not thread-safe; build the config once, then share the result.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace YAML {
class Node;
}

namespace vigil::core {

class ConfigReader;

// A position in a config file: a YAML node plus its dotted key path.
class ConfigNode {
 public:
  ConfigNode(ConfigReader* reader, std::shared_ptr<const YAML::Node> node, std::string path);

  bool IsDefined() const;
  bool IsMap() const;
  bool IsSequence() const;
  const std::string& path() const { return path_; }
  // 1-based line of the node in its file (0 when unknown).
  int line() const;

  // The child under `key`. A missing required key is recorded as an error
  // and an undefined node returned. Every key read is remembered for
  // CheckNoUnknownKeys().
  ConfigNode Required(std::string_view key);
  ConfigNode Optional(std::string_view key);

  // Typed values; on a wrong type an error is recorded and the fallback
  // returned.
  std::string AsString(std::string_view fallback = "");
  std::int64_t AsInt(std::int64_t fallback = 0);
  double AsDouble(double fallback = 0);
  bool AsBool(bool fallback = false);
  std::vector<std::string> AsStringList();

  // The items of a sequence (an error when this is not a sequence).
  std::vector<ConfigNode> Items();
  // The keys of a map, in file order (an error when this is not a map).
  std::vector<std::string> Keys();

  // Records an error for every key of this map that was not read.
  void CheckNoUnknownKeys();
  // Records a problem at this node.
  void Error(std::string_view message);

 private:
  ConfigReader* reader_;
  std::shared_ptr<const YAML::Node> node_;
  std::string path_;
  std::set<std::string> read_keys_;
};

class ConfigReader {
 public:
  // Parses `text` as the contents of `file_name`. A syntax error is recorded
  // (with its line) and root() is then undefined.
  ConfigReader(std::string file_name, std::string_view text);
  // Reads and parses a file; a missing or unreadable file is recorded.
  static ConfigReader FromFile(const std::string& path);

  ConfigNode root();
  // Records "file:line: key: message".
  void AddError(int line, std::string_view key, std::string_view message);
  // OK, or kInvalidArgument listing every recorded problem as a FieldError
  // whose field is "file:line: key".
  Status ToStatus() const;
  const std::string& file_name() const { return file_name_; }

 private:
  std::string file_name_;
  std::shared_ptr<const YAML::Node> root_;
  ErrorCollector errors_;
};

}  // namespace vigil::core
