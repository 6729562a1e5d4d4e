#pragma once
// The nickname table: which short forms stand for which formal given names
// ("bill" -> "william", "peggy" -> "margaret"). It is data, read from
// config/linkage/nicknames.yaml (compiled into the binary as the default).
// Immutable once built; safe to share between threads.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace vigil::linkage {

class NicknameTable {
 public:
  // An empty table (no name has a nickname).
  NicknameTable() = default;

  // Parses the YAML text of a nickname file named `file_name` (schema in
  // config/linkage/nicknames.yaml). kInvalidArgument listing every problem
  // as "file:line: key" (a wrong schema_version, a name that is not lower
  // case ASCII letters and spaces, a list that is not a list of names).
  static core::Result<NicknameTable> Parse(std::string_view file_name, std::string_view text);

  // The table compiled into the binary from config/linkage/nicknames.yaml.
  // Built once on first use; aborts only if the embedded file is broken (a
  // build error caught by the unit tests).
  static const NicknameTable& Default();

  // The formal names `folded_name` can stand for, sorted; a formal name
  // stands for itself. Empty when the table does not know the name.
  std::span<const std::string> FormalNamesOf(std::string_view folded_name) const;

  // True when the two folded names share a formal name ("bill" and "will",
  // "liz" and "elizabeth"). Equal names not in the table are not
  // equivalent here (exact matching is a separate comparison level).
  bool AreEquivalent(std::string_view left, std::string_view right) const;

  // Every name the table knows (formal names and short forms), sorted.
  std::vector<std::string> Names() const;

  // The number of (short form, formal name) pairs in the file.
  std::size_t pair_count() const { return pair_count_; }
  // The file's `version`.
  std::int64_t version() const { return version_; }

 private:
  std::unordered_map<std::string, std::vector<std::string>> formal_names_;
  std::size_t pair_count_ = 0;
  std::int64_t version_ = 0;
};

}  // namespace vigil::linkage
