#include "linkage/comparison.h"

#include <algorithm>
#include <cmath>

namespace vigil::linkage {

double ComparisonLevel::MatchWeight() const {
  if (is_null_level) return 0.0;
  return std::log2(m_probability / u_probability);
}

std::vector<std::string> Comparison::Fields() const {
  std::vector<std::string> fields;
  for (const ComparisonLevel& level : levels) {
    for (const std::string& field : level.predicate.Fields()) {
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    }
  }
  return fields;
}

void ValidateComparison(const Comparison& comparison, std::span<const FieldSpec> fields,
                        const std::string& path, core::ErrorCollector& errors) {
  if (comparison.name.empty()) errors.Add(path + ".name", "required", "is required");
  if (comparison.levels.size() < 2 || comparison.levels.size() > kMaxLevels) {
    errors.Add(path + ".levels", "out_of_range",
               "must have from 2 to " + std::to_string(kMaxLevels) + " levels");
  }
  if (!comparison.levels.empty() &&
      comparison.levels.back().predicate.comparator != ComparatorKind::kElse) {
    errors.Add(path + ".levels", "no_else_level", "the last level must use the else comparator");
  }
  for (std::size_t index = 0; index < comparison.levels.size(); ++index) {
    const ComparisonLevel& level = comparison.levels[index];
    std::string level_path = path + ".levels[" + std::to_string(index) + "]";
    if (level.is_null_level && index != 0) {
      errors.Add(level_path + ".is_null_level", "misplaced", "only the first level may be null");
    }
    ValidatePredicate(level.predicate, fields, level_path + ".predicate", errors);
    if (level.is_null_level) continue;
    if (!(level.m_probability > 0 && level.m_probability <= 1)) {
      errors.Add(level_path + ".m_probability", "out_of_range", "must be above 0 and at most 1");
    }
    if (!(level.u_probability > 0 && level.u_probability <= 1)) {
      errors.Add(level_path + ".u_probability", "out_of_range", "must be above 0 and at most 1");
    }
    if (level.tf_adjustment) {
      const std::string& tf_field = level.tf_field.empty() ? level.predicate.field : level.tf_field;
      bool known = std::any_of(fields.begin(), fields.end(),
                               [&](const FieldSpec& field) { return field.name == tf_field; });
      if (!known) {
        errors.Add(level_path + ".tf_field", "unknown_field",
                   "term-frequency adjustment needs a field of the model");
      }
      if (!(level.tf_adjustment_weight >= 0 && level.tf_adjustment_weight <= 1)) {
        errors.Add(level_path + ".tf_adjustment_weight", "out_of_range", "must be from 0 to 1");
      }
      if (!(level.tf_minimum_u > 0 && level.tf_minimum_u <= 1)) {
        errors.Add(level_path + ".tf_minimum_u", "out_of_range", "must be above 0 and at most 1");
      }
    }
  }
}

}  // namespace vigil::linkage
