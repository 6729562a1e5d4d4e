#pragma once
// Lookups: the closed lists that reports and cases draw values from
// (classifications, behaviours, channels, forces). They are policy data in
// config/lookups/lookups.yaml, versioned; this is their in-memory form and
// the parser that checks the file. Immutable once built; share freely.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_reader.h"
#include "core/result.h"

namespace vigil::domain {

// A crime classification a report can carry (principal or included), with
// its Home Office Counting Rules classification and Home Office offence code.
struct Classification {
  std::string id;                   // e.g. "stalking".
  std::string label;                // Plain English, e.g. "Stalking".
  std::string hocr_classification;  // e.g. "8Q".
  std::string offence_code;         // e.g. "195/12"; empty when none applies.
  bool codes_verified = false;      // False when the codes await confirmation.
};

// An id with a label: behaviours, channels, relationships, forces.
struct LookupItem {
  std::string id;
  std::string label;
};

struct Lookups {
  int version = 0;
  std::vector<Classification> classifications;
  std::vector<LookupItem> behaviours;
  std::vector<LookupItem> channels;
  std::vector<LookupItem> relationships;
  std::vector<LookupItem> forces;

  const Classification* FindClassification(std::string_view id) const;
  bool HasBehaviour(std::string_view id) const;
  bool HasChannel(std::string_view id) const;
  bool HasRelationship(std::string_view id) const;
  bool HasForce(std::string_view id) const;
  // The label for a force id, or the id itself when unknown.
  std::string ForceLabel(std::string_view id) const;
};

// Builds Lookups from a parsed lookups file. Every problem (missing keys,
// duplicates, unknown keys, empty lists) is reported with file, line and key.
core::Result<Lookups> ParseLookups(core::ConfigReader& reader);

}  // namespace vigil::domain
