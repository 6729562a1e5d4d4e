#pragma once
// Prediction: every pair the blocking rules generate is scored and, when its
// match weight reaches the options' minimum, emitted with its match weight,
// match probability and each comparison's level and contribution (so every
// link can be explained, like Splink's waterfall chart). Pairs are generated
// block by block and scored on the fly by a pool of threads; each thread
// holds one batch buffer, so memory does not grow with the number of pairs.
// The sink is called with one batch at a time (never concurrently).

#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "core/result.h"
#include "linkage/blocking.h"
#include "linkage/scorer.h"

namespace vigil::linkage {

// One scored pair (record indices in the prepared records).
struct PairPrediction {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  std::uint32_t blocking_rule = 0;  // Index of the rule that generated the pair.
  float match_weight = 0;           // log2 of the match odds, prior included.
  float match_probability = 0;      // 2^w / (1 + 2^w).
};

// Up to batch_size predictions with their comparison levels and
// contributions (comparison_count() per pair, in the model's order).
class PredictionBatch {
 public:
  explicit PredictionBatch(std::size_t comparison_count) : comparison_count_(comparison_count) {}

  std::size_t size() const { return pairs_.size(); }
  bool empty() const { return pairs_.empty(); }
  std::size_t comparison_count() const { return comparison_count_; }
  const PairPrediction& pair(std::size_t index) const { return pairs_[index]; }
  // The level index of each comparison for pair `index`.
  std::span<const std::uint8_t> levels(std::size_t index) const {
    return {levels_.data() + index * comparison_count_, comparison_count_};
  }
  // Each comparison's match weight for pair `index` (they and the prior's
  // weight add up to the pair's match weight).
  std::span<const float> contributions(std::size_t index) const {
    return {contributions_.data() + index * comparison_count_, comparison_count_};
  }

  // Appends a pair with its comparison vector and contributions (each of
  // comparison_count() entries).
  void Add(const PairPrediction& pair, std::span<const std::uint8_t> levels,
           std::span<const float> contributions);
  // Makes room for `pairs` pairs, so adding that many allocates nothing.
  void Reserve(std::size_t pairs);
  void Clear();

 private:
  std::size_t comparison_count_;
  std::vector<PairPrediction> pairs_;
  std::vector<std::uint8_t> levels_;
  std::vector<float> contributions_;
};

struct PredictionOptions {
  int threads = 1;
  // Only pairs with at least this match weight reach the sink.
  double minimum_match_weight = -std::numeric_limits<double>::infinity();
  std::size_t batch_size = 4096;
};

struct PredictionSummary {
  std::uint64_t pairs_scored = 0;
  std::uint64_t pairs_emitted = 0;
  std::vector<std::uint64_t> pairs_scored_per_rule;
};

// Receives batches of emitted predictions, one call at a time.
using PredictionSink = std::function<void(const PredictionBatch& batch)>;
// Told how far scoring has got: pairs (upper bound) of finished work items
// out of all. Called from the calling thread only.
using PredictionProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Scores every pair of `blocker` with `scorer` (both built on the same
// records) and emits those at or above the minimum weight to `sink`.
// kInvalidArgument when the scorer and blocker were built on different
// records or the batch size is 0.
core::Result<PredictionSummary> Predict(const PairScorer& scorer, const Blocker& blocker,
                                        const PredictionOptions& options,
                                        const PredictionSink& sink,
                                        const PredictionProgress& progress = {});

}  // namespace vigil::linkage
