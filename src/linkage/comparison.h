#pragma once
// A comparison: how two records are compared on one aspect (a name, the
// date of birth), as an ordered list of comparison levels. The first level
// whose predicate holds decides the pair's level; the null level (when the
// value is missing) comes first and carries no evidence, the "else" level
// last. Each other level carries m (probability of the level among matches)
// and u (among non-matches); its match weight is log2(m / u).
// Plain values; safe to share.

#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/comparator.h"

namespace vigil::linkage {

struct ComparisonLevel {
  std::string label;  // Shown in explanations ("exact", "jaro_winkler >= 0.92").
  Predicate predicate;
  bool is_null_level = false;  // Evidence-free: its match weight is 0.
  double m_probability = 0.5;  // P(level | match), in (0, 1]; ignored on the null level.
  double u_probability = 0.5;  // P(level | non-match), in (0, 1]; ignored on the null level.
  // Term-frequency adjustment (for exact levels): u is taken from how common
  // the pair's value is in `tf_field` (default: the predicate's field)
  // instead of the level's average u, scaled by `tf_adjustment_weight`
  // (0..1), with u never below `tf_minimum_u`.
  bool tf_adjustment = false;
  std::string tf_field;
  double tf_adjustment_weight = 1.0;
  double tf_minimum_u = 1e-7;

  // log2(m / u); 0 on the null level.
  double MatchWeight() const;
  friend bool operator==(const ComparisonLevel&, const ComparisonLevel&) = default;
};

struct Comparison {
  std::string name;  // Unique within a model; names the comparison in output ("surname").
  std::string description;
  std::vector<ComparisonLevel> levels;

  // Every field the comparison reads, each once (used to decide which
  // training sessions may estimate its m probabilities).
  std::vector<std::string> Fields() const;
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

// The maximum number of levels in one comparison (levels are stored as
// one byte per comparison per pair).
inline constexpr std::size_t kMaxLevels = 32;

// Checks a comparison against the model's fields: a name, 2 to kMaxLevels
// levels, at most one null level and only first, an else level last,
// probabilities in (0, 1],
// valid predicates and tf fields. One error per problem under `path`.
void ValidateComparison(const Comparison& comparison, std::span<const FieldSpec> fields,
                        const std::string& path, core::ErrorCollector& errors);

}  // namespace vigil::linkage
