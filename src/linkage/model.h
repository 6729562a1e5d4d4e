#pragma once
// The linkage model: the fields it reads, its comparisons (levels with m and
// u), the blocking rules that choose pairs for prediction, the prior (the
// probability that two records drawn at random match), the threshold, the
// clustering guard and how to train it. Saved as versioned JSON
// (ModelToJson / ModelFromJson) so every stored link can name the model that
// made it. Plain values; safe to share.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "linkage/blocking_rule.h"
#include "linkage/comparison.h"
#include "linkage/normalizers.h"
#include "linkage/record.h"

namespace vigil::linkage {

// The JSON layout this code reads and writes.
inline constexpr int kModelSchemaVersion = 1;

// How clusters are kept from chaining unrelated records through one bad
// link (see clustering.h for the rule).
struct ClusterGuard {
  bool enabled = true;
  // A merge of two clusters is refused when the average best cross-pair match
  // weight falls more than this many bits below the threshold.
  double margin = 6.0;
  // At most this many members of each cluster are checked (the first ones).
  int max_members_checked = 50;
  friend bool operator==(const ClusterGuard&, const ClusterGuard&) = default;
};

// How a model is trained without labels (training.h).
struct TrainingSettings {
  std::uint64_t seed = 42;                          // Seeds the random pair sampling.
  std::uint64_t max_pairs_for_u = 1'000'000;        // Random pairs sampled to estimate u.
  std::uint64_t max_pairs_per_session = 1'000'000;  // EM pairs per session (sampled beyond).
  int max_iterations = 40;                          // EM iterations per session.
  double convergence = 1e-5;                        // Stop when no m moves more than this.
  std::vector<BlockingRule> sessions;               // One EM session per rule.
  std::vector<BlockingRule> deterministic_rules;    // For the prior.
  double recall = 0;  // Recall of the deterministic rules; 0 = estimate from m.
  friend bool operator==(const TrainingSettings&, const TrainingSettings&) = default;
};

struct Model {
  int model_version = 1;  // The model's own version, recorded with each decision it makes.
  LinkType link_type = LinkType::kDeduplicate;
  std::vector<FieldSpec> fields;
  std::vector<Comparison> comparisons;
  std::vector<BlockingRule> blocking_rules;  // For prediction, applied in order.
  double prior = 1e-4;                       // P(two random records match), in (0, 1).
  double threshold_match_probability = 0.9;  // Links at or above this probability.
  ClusterGuard cluster_guard;
  TrainingSettings training;
  NormaliseOptions normalise;
  bool trained = false;  // True once m, u and the prior were estimated from data.

  // The index of the field named `name`, or -1.
  int FieldIndex(std::string_view name) const;
  // log2(prior / (1 - prior)): the match weight before any comparison.
  double PriorMatchWeight() const;
  // The threshold as a match weight.
  double ThresholdMatchWeight() const;
  friend bool operator==(const Model&, const Model&) = default;
};

// Checks everything a model must satisfy before use: unique field and
// comparison names, valid comparisons and blocking rules (every field
// named exists with a suitable kind), prior and threshold in (0, 1), sane
// training settings. kInvalidArgument with one field error per problem.
[[nodiscard]] core::Status ValidateModel(const Model& model);

// Probability <-> match weight: w = log2(p / (1 - p)).
double MatchWeightFromProbability(double probability);
double ProbabilityFromMatchWeight(double match_weight);

// The model as pretty-printed JSON (schema in docs/reference/linkage.md).
std::string ModelToJson(const Model& model);

// Parses and validates a model. kMalformed for text that is not JSON (with
// the byte offset); kInvalidArgument listing every problem with its JSON
// path ("comparisons[1].levels[2].m_probability") for JSON that is not a
// valid model (unknown keys, wrong types, unknown comparators, a
// schema_version other than kModelSchemaVersion).
core::Result<Model> ModelFromJson(std::string_view json);

}  // namespace vigil::linkage
