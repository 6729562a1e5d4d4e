#pragma once
// Expectation maximisation of m probabilities with u held fixed, on the
// comparison vectors of one training session (the pairs of one blocking
// rule). Vectors are first tallied into distinct patterns with counts, so an
// iteration costs the number of patterns, not of pairs. Pure; thread-safe.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "linkage/model.h"

namespace vigil::linkage {

// A comparison vector (one level index per comparison) and how many pairs
// had it.
struct PatternCount {
  std::vector<std::uint8_t> levels;
  std::uint64_t count = 0;
};

struct EmResult {
  // m per comparison and level, indexed like the model's comparisons; only
  // meaningful for comparisons that were estimated.
  std::vector<std::vector<double>> m;
  std::vector<bool> estimated;  // Per comparison.
  double lambda = 0;            // Share of matches among the session's pairs.
  int iterations = 0;
  bool converged = false;
  double largest_last_change = 0;  // Largest change of any m in the last iteration.
};

// Runs EM on `patterns` starting from the model's m and u. Comparisons for
// which `estimate[c]` is false keep their m and do not take part (their
// fields were used to choose the pairs). Stops after `max_iterations` or
// when no m moves by more than `convergence`. kInvalidArgument when the
// patterns do not fit the model or hold no pairs.
core::Result<EmResult> RunExpectationMaximisation(const Model& model,
                                                  std::span<const PatternCount> patterns,
                                                  const std::vector<bool>& estimate,
                                                  double initial_lambda, int max_iterations,
                                                  double convergence);

}  // namespace vigil::linkage
