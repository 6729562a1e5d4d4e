#pragma once
// Training a model without labels, as Splink does: u from randomly sampled
// pairs (nearly all non-matches), m by expectation maximisation with u held
// fixed, one session per training blocking rule (a comparison is not
// estimated in a session whose rule uses its fields; estimates from the
// sessions that did are averaged), and the prior from deterministic rules.
// Labelled pairs, when there are some, can set m directly. Randomness comes
// from an injected, seeded Random. Thread-safe in the sense that separate
// calls share nothing; each call uses up to `threads` threads.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "linkage/model.h"
#include "linkage/prepared_records.h"
#include "linkage/random.h"

namespace vigil::linkage {

struct SessionReport {
  std::string rule;                     // The session's blocking rule.
  std::uint64_t pairs_available = 0;    // Pairs the rule makes.
  std::uint64_t pairs_used = 0;         // Pairs used (sampled when too many).
  std::uint64_t distinct_patterns = 0;  // Distinct comparison vectors.
  int iterations = 0;
  bool converged = false;
  double lambda = 0;                   // Estimated share of matches among its pairs.
  std::vector<std::string> estimated;  // Comparisons whose m it estimated.
};

struct TrainingReport {
  std::uint64_t u_pairs = 0;  // Random pairs compared for u.
  std::vector<SessionReport> sessions;
  std::uint64_t deterministic_pairs = 0;  // Pairs the deterministic rules make.
  double recall = 0;                      // Their recall (given or estimated).
  double prior = 0;                       // The resulting prior.
  std::vector<std::string> warnings;      // E.g. a comparison no session could estimate.
};

// Sets every non-null level's u from up to max_pairs_for_u random pairs
// (every pair when there are no more than that). A level never seen gets
// half a pair's share, so no u is 0. kInvalidArgument when the model does
// not fit the records or there are fewer than two records to pair.
core::Status EstimateU(Model& model, const PreparedRecords& records, Random& random, int threads,
                       std::uint64_t* pairs_used = nullptr);

// One EM session on the pairs of `rule` (sampled down to
// max_pairs_per_session). Does not change the model; the caller combines
// sessions. kInvalidArgument when the rule or model does not fit the records
// or the rule makes no pairs.
struct SessionEstimate {
  SessionReport report;
  std::vector<std::vector<double>> m;  // Per comparison and level.
  std::vector<bool> estimated;
};
core::Result<SessionEstimate> RunTrainingSession(const Model& model, const PreparedRecords& records,
                                                 const BlockingRule& rule, Random& random,
                                                 int threads);

// Sets the prior from the deterministic rules: the pairs they make, divided
// by their recall (model.training.recall, or when 0 the chance that a match
// agrees exactly on every key, from the trained m and the share of nulls),
// over all possible pairs. Clamped to [1 / possible pairs, 0.5].
core::Status EstimatePrior(Model& model, const PreparedRecords& records, int threads,
                           TrainingReport& report);

// The whole unsupervised training: EstimateU, one session per
// model.training.sessions (averaging m over the sessions that estimated
// each comparison), then EstimatePrior. Marks the model trained.
core::Result<TrainingReport> TrainModel(Model& model, const PreparedRecords& records,
                                        Random& random, int threads);

// A pair whose truth is known (record indices in the prepared records).
struct LabelledPair {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  bool is_match = false;
};

// Sets m from the levels of labelled matches (and u from labelled
// non-matches when `also_u` is set), each level floored like EM's.
// kInvalidArgument when there is no labelled match, an index is out of range,
// or the model does not fit the records.
core::Status EstimateFromLabels(Model& model, const PreparedRecords& records,
                                std::span<const LabelledPair> pairs, bool also_u = false);

}  // namespace vigil::linkage
