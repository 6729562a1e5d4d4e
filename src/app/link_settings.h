#pragma once
// The settings file of `vigil link` (docs/reference/linkage.md): which CSV
// column holds what (`columns:`, the only required part), and optionally the
// comparisons, blocking rules, threshold, clustering guard, training and
// normalisation, a trained model to use instead of training, and where to
// save the trained model. Parsed with core::ConfigReader, so every problem
// comes back at once as "FILE:LINE: key: message". Value types; not shared
// between threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "linkage/default_model.h"
#include "linkage/model.h"

namespace vigil::app {

// Where a model field's raw value comes from in a CSV row.
struct FieldSource {
  enum class Shape {
    kColumn,     // One column.
    kJoined,     // Several columns joined with spaces (address).
    kDateParts,  // dob_year, dob_month, dob_day columns, in that order.
  };
  Shape shape = Shape::kColumn;
  std::vector<std::string> columns;
};

// The columns of the input files and what becomes of them.
struct InputPlan {
  std::string id_column;
  std::vector<linkage::RoleField> fields;  // Model fields, in column order.
  std::vector<FieldSource> sources;        // One per field.
  // Every column the plan reads (to check the headers).
  std::vector<std::string> Columns() const;
};

// Training settings given in the file; unset ones keep the defaults.
struct TrainingOverrides {
  std::optional<std::uint64_t> seed;
  std::optional<std::uint64_t> max_pairs_for_u;
  std::optional<std::uint64_t> max_pairs_per_session;
  std::optional<int> max_iterations;
  std::optional<double> recall;
  std::optional<std::vector<linkage::BlockingRule>> sessions;
  std::optional<std::vector<linkage::BlockingRule>> deterministic_rules;
};

struct LinkSettings {
  std::string file_name;
  InputPlan plan;
  std::optional<std::vector<linkage::Comparison>> comparisons;
  std::optional<std::vector<linkage::BlockingRule>> blocking_rules;
  std::optional<double> threshold_match_probability;
  std::optional<linkage::ClusterGuard> cluster_guard;
  std::optional<linkage::NormaliseOptions> normalise;
  TrainingOverrides training;
  std::string model_path;       // A trained model to use (resolved against the file's folder).
  std::string save_model_path;  // Where to write the trained model (likewise).

  // The field specs of the plan.
  std::vector<linkage::FieldSpec> FieldSpecs() const;
  // Applies every override to `model` (comparisons, rules, threshold, ...).
  void ApplyTo(linkage::Model& model) const;
};

// Parses the text of settings file `file_name`. kInvalidArgument listing
// every problem as "FILE:LINE: key" field errors: unknown keys and roles, a
// missing or repeated record_id, a role given twice that must be unique,
// dob mixed with dob_day/dob_month/dob_year, comparisons or blocking rules
// naming unknown fields or comparators, values out of range.
core::Result<LinkSettings> ParseLinkSettings(std::string_view file_name, std::string_view text);

// Reads and parses a settings file (kInvalidArgument when unreadable).
core::Result<LinkSettings> ReadLinkSettings(const std::string& path);

}  // namespace vigil::app
