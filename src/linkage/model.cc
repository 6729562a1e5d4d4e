#include "linkage/model.h"

#include <cmath>
#include <set>

namespace vigil::linkage {

int Model::FieldIndex(std::string_view name) const {
  for (std::size_t index = 0; index < fields.size(); ++index) {
    if (fields[index].name == name) return static_cast<int>(index);
  }
  return -1;
}

double Model::PriorMatchWeight() const { return MatchWeightFromProbability(prior); }

double Model::ThresholdMatchWeight() const {
  return MatchWeightFromProbability(threshold_match_probability);
}

double MatchWeightFromProbability(double probability) {
  return std::log2(probability / (1.0 - probability));
}

double ProbabilityFromMatchWeight(double match_weight) {
  return 1.0 / (1.0 + std::exp2(-match_weight));
}

core::Status ValidateModel(const Model& model) {
  core::ErrorCollector errors;
  if (model.model_version < 1) errors.Add("model_version", "out_of_range", "must be 1 or more");
  if (model.fields.empty()) errors.Add("fields", "required", "needs at least one field");
  std::set<std::string> names;
  for (std::size_t index = 0; index < model.fields.size(); ++index) {
    const std::string& name = model.fields[index].name;
    std::string path = "fields[" + std::to_string(index) + "].name";
    if (name.empty()) errors.Add(path, "required", "is required");
    if (!names.insert(name).second) errors.Add(path, "duplicate", "\"" + name + "\" is repeated");
  }
  if (model.comparisons.empty()) {
    errors.Add("comparisons", "required", "needs at least one comparison");
  }
  if (model.comparisons.size() > 64) errors.Add("comparisons", "out_of_range", "at most 64");
  std::set<std::string> comparison_names;
  for (std::size_t index = 0; index < model.comparisons.size(); ++index) {
    std::string path = "comparisons[" + std::to_string(index) + "]";
    const Comparison& comparison = model.comparisons[index];
    if (!comparison.name.empty() && !comparison_names.insert(comparison.name).second) {
      errors.Add(path + ".name", "duplicate", "\"" + comparison.name + "\" is repeated");
    }
    ValidateComparison(comparison, model.fields, path, errors);
  }
  if (model.blocking_rules.empty()) {
    errors.Add("blocking_rules", "required", "needs at least one blocking rule");
  }
  for (std::size_t index = 0; index < model.blocking_rules.size(); ++index) {
    ValidateBlockingRule(model.blocking_rules[index], model.fields,
                         "blocking_rules[" + std::to_string(index) + "]", errors);
  }
  if (!(model.prior > 0 && model.prior < 1)) {
    errors.Add("prior", "out_of_range", "must be above 0 and below 1");
  }
  if (!(model.threshold_match_probability > 0 && model.threshold_match_probability < 1)) {
    errors.Add("threshold_match_probability", "out_of_range", "must be above 0 and below 1");
  }
  if (!(model.cluster_guard.margin >= 0) || !std::isfinite(model.cluster_guard.margin)) {
    errors.Add("cluster_guard.margin", "out_of_range", "must be 0 or more");
  }
  if (model.cluster_guard.max_members_checked < 1) {
    errors.Add("cluster_guard.max_members_checked", "out_of_range", "must be 1 or more");
  }
  const TrainingSettings& training = model.training;
  if (training.max_pairs_for_u < 1000) {
    errors.Add("training.max_pairs_for_u", "out_of_range", "must be 1000 or more");
  }
  if (training.max_pairs_per_session < 1000) {
    errors.Add("training.max_pairs_per_session", "out_of_range", "must be 1000 or more");
  }
  if (training.max_iterations < 1 || training.max_iterations > 1000) {
    errors.Add("training.max_iterations", "out_of_range", "must be from 1 to 1000");
  }
  if (!(training.convergence > 0 && training.convergence < 1)) {
    errors.Add("training.convergence", "out_of_range", "must be above 0 and below 1");
  }
  if (!(training.recall >= 0 && training.recall <= 1)) {
    errors.Add("training.recall", "out_of_range", "must be from 0 (estimate) to 1");
  }
  for (std::size_t index = 0; index < training.sessions.size(); ++index) {
    ValidateBlockingRule(training.sessions[index], model.fields,
                         "training.sessions[" + std::to_string(index) + "]", errors);
  }
  for (std::size_t index = 0; index < training.deterministic_rules.size(); ++index) {
    ValidateBlockingRule(training.deterministic_rules[index], model.fields,
                         "training.deterministic_rules[" + std::to_string(index) + "]", errors);
  }
  return errors.ToStatus("the linkage model is invalid");
}

}  // namespace vigil::linkage
