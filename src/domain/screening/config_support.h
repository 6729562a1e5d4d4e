#pragma once
// Helpers shared by the screening config parsers: the schema_version /
// version header, ids, required text and rule expressions read from a
// ConfigNode with every problem recorded (file, line, key and, for rules,
// column). Internal to vigil_screening.

#include <optional>
#include <set>
#include <string>

#include "core/config_reader.h"
#include "rules/expression.h"

namespace vigil::domain::screening::internal {

// Reads schema_version (must be 1) and version (a whole number >= 1) from
// `root`; returns the version (0 when missing or invalid).
int ReadVersionHeader(core::ConfigNode& root);

// True for lower_snake_case letters and digits, 1–64 characters.
bool IsIdentifier(const std::string& id);

// Reads the required "id" of `node`, recording an error when it is not an
// identifier or is already in `seen` (which it is added to).
std::string ReadId(core::ConfigNode& node, std::set<std::string>& seen);

// Reads required, non-empty text under `key`.
std::string ReadText(core::ConfigNode& node, std::string_view key);

// Reads the rule under `key` of `node` and parses it over `schema` (and
// `element`). A missing required rule, a non-text value or a parse error is
// recorded at the rule's line and key ("column N: ..."); nullopt then.
std::optional<rules::Expression> ReadRule(core::ConfigNode& node, std::string_view key,
                                          bool required, const rules::Schema& schema,
                                          const rules::Schema* element = nullptr);

}  // namespace vigil::domain::screening::internal
