#include "linkage/expectation_maximisation.h"

#include <algorithm>
#include <cmath>

namespace vigil::linkage {
namespace {

// Smallest m kept, so no level's weight becomes minus infinity.
constexpr double kMinimumM = 1e-6;

}  // namespace

core::Result<EmResult> RunExpectationMaximisation(const Model& model,
                                                  std::span<const PatternCount> patterns,
                                                  const std::vector<bool>& estimate,
                                                  double initial_lambda, int max_iterations,
                                                  double convergence) {
  const std::size_t comparison_count = model.comparisons.size();
  if (estimate.size() != comparison_count) {
    return core::InvalidArgument("EM needs one estimate flag per comparison");
  }
  std::uint64_t total = 0;
  for (const PatternCount& pattern : patterns) {
    if (pattern.levels.size() != comparison_count) {
      return core::InvalidArgument("a comparison vector does not fit the model");
    }
    for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
      if (pattern.levels[comparison] >= model.comparisons[comparison].levels.size()) {
        return core::InvalidArgument("a comparison vector names a level the model lacks");
      }
    }
    total += pattern.count;
  }
  if (total == 0) return core::InvalidArgument("EM needs at least one pair");

  EmResult result;
  result.estimated = estimate;
  std::vector<std::vector<double>> log_u(comparison_count);
  for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
    const Comparison& spec = model.comparisons[comparison];
    result.m.emplace_back();
    for (const ComparisonLevel& level : spec.levels) {
      result.m.back().push_back(level.m_probability);
      log_u[comparison].push_back(std::log(level.u_probability));
    }
  }
  double lambda = std::clamp(initial_lambda, 1e-6, 1 - 1e-6);
  std::vector<std::vector<double>> expected(comparison_count);
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    // Expectation: the probability that each pattern is a match.
    for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
      expected[comparison].assign(model.comparisons[comparison].levels.size(), 0.0);
    }
    double expected_matches = 0;
    for (const PatternCount& pattern : patterns) {
      double log_match = std::log(lambda);
      double log_non_match = std::log(1 - lambda);
      for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
        if (!estimate[comparison]) continue;
        std::size_t level = pattern.levels[comparison];
        if (model.comparisons[comparison].levels[level].is_null_level) continue;
        log_match += std::log(result.m[comparison][level]);
        log_non_match += log_u[comparison][level];
      }
      double probability = 1.0 / (1.0 + std::exp(log_non_match - log_match));
      double weight = probability * static_cast<double>(pattern.count);
      expected_matches += weight;
      for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
        if (estimate[comparison]) expected[comparison][pattern.levels[comparison]] += weight;
      }
    }
    // Maximisation: m from the expected matches at each non-null level.
    double largest_change = 0;
    for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
      if (!estimate[comparison]) continue;
      const Comparison& spec = model.comparisons[comparison];
      double non_null = 0;
      for (std::size_t level = 0; level < spec.levels.size(); ++level) {
        if (!spec.levels[level].is_null_level) non_null += expected[comparison][level];
      }
      if (non_null <= 0) continue;
      for (std::size_t level = 0; level < spec.levels.size(); ++level) {
        if (spec.levels[level].is_null_level) continue;
        double updated = std::max(expected[comparison][level] / non_null, kMinimumM);
        largest_change = std::max(largest_change, std::abs(updated - result.m[comparison][level]));
        result.m[comparison][level] = updated;
      }
    }
    lambda = std::clamp(expected_matches / static_cast<double>(total), 1e-9, 1 - 1e-9);
    result.iterations = iteration + 1;
    result.largest_last_change = largest_change;
    if (largest_change < convergence) {
      result.converged = true;
      break;
    }
  }
  result.lambda = lambda;
  return result;
}

}  // namespace vigil::linkage
