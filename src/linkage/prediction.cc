#include "linkage/prediction.h"

#include <array>
#include <atomic>
#include <cmath>
#include <mutex>

#include "linkage/parallel.h"

namespace vigil::linkage {

void PredictionBatch::Add(const PairPrediction& pair, std::span<const std::uint8_t> levels,
                          std::span<const float> contributions) {
  pairs_.push_back(pair);
  levels_.insert(levels_.end(), levels.begin(), levels.end());
  contributions_.insert(contributions_.end(), contributions.begin(), contributions.end());
}

void PredictionBatch::Reserve(std::size_t pairs) {
  pairs_.reserve(pairs);
  levels_.reserve(pairs * comparison_count_);
  contributions_.reserve(pairs * comparison_count_);
}

void PredictionBatch::Clear() {
  pairs_.clear();
  levels_.clear();
  contributions_.clear();
}

core::Result<PredictionSummary> Predict(const PairScorer& scorer, const Blocker& blocker,
                                        const PredictionOptions& options,
                                        const PredictionSink& sink,
                                        const PredictionProgress& progress) {
  if (options.batch_size == 0) return core::InvalidArgument("the batch size must be above 0");
  if (&scorer.records() != &blocker.records()) {
    return core::InvalidArgument("the scorer and the blocker were built on different records");
  }
  const int workers = EffectiveThreads(options.threads);
  const std::size_t comparisons = scorer.comparison_count();
  std::vector<PredictionBatch> batches(static_cast<std::size_t>(workers),
                                       PredictionBatch(comparisons));
  for (PredictionBatch& batch : batches) batch.Reserve(options.batch_size);
  std::vector<std::vector<std::uint64_t>> scored(
      static_cast<std::size_t>(workers), std::vector<std::uint64_t>(blocker.rule_count(), 0));
  std::vector<std::uint64_t> emitted(static_cast<std::size_t>(workers), 0);
  std::mutex sink_mutex;
  auto flush = [&](PredictionBatch& batch) {
    if (batch.empty()) return;
    {
      std::lock_guard<std::mutex> lock(sink_mutex);
      sink(batch);
    }
    batch.Clear();
  };
  std::uint64_t total_pairs = 0;
  for (std::size_t item = 0; item < blocker.work_item_count(); ++item) {
    total_pairs += blocker.work_item_pairs(item);
  }
  std::atomic<std::uint64_t> done{0};
  const float minimum = static_cast<float>(std::max(
      options.minimum_match_weight, -static_cast<double>(std::numeric_limits<float>::max())));
  RunParallel(workers, blocker.work_item_count(), [&](std::size_t item, int worker) {
    PredictionBatch& batch = batches[static_cast<std::size_t>(worker)];
    std::vector<std::uint64_t>& my_scored = scored[static_cast<std::size_t>(worker)];
    std::uint64_t& my_emitted = emitted[static_cast<std::size_t>(worker)];
    std::vector<std::uint8_t> levels(comparisons);
    std::vector<float> contributions(comparisons);
    // Pairs wait in a small window so that their records can be prefetched
    // before they are scored (records of a block are scattered in memory).
    constexpr std::size_t kWindow = 32;
    std::array<PairPrediction, kWindow> window;
    std::size_t waiting = 0;
    auto score_window = [&] {
      for (std::size_t index = 0; index < waiting; ++index) {
        PairPrediction& pair = window[index];
        double weight = scorer.Score(pair.left, pair.right, levels, contributions);
        ++my_scored[pair.blocking_rule];
        if (static_cast<float>(weight) < minimum) continue;
        pair.match_weight = static_cast<float>(weight);
        pair.match_probability = static_cast<float>(1.0 / (1.0 + std::exp2(-weight)));
        batch.Add(pair, levels, contributions);
        ++my_emitted;
        if (batch.size() >= options.batch_size) flush(batch);
      }
      waiting = 0;
    };
    blocker.ForEachPair(item, [&](std::uint32_t left, std::uint32_t right, std::uint32_t rule) {
      scorer.Prefetch(left);
      scorer.Prefetch(right);
      window[waiting++] = PairPrediction{left, right, rule, 0, 0};
      if (waiting == kWindow) score_window();
    });
    score_window();
    std::uint64_t finished =
        done.fetch_add(blocker.work_item_pairs(item)) + blocker.work_item_pairs(item);
    if (worker == 0 && progress) progress(finished, total_pairs);
  });
  for (PredictionBatch& batch : batches) flush(batch);
  PredictionSummary summary;
  summary.pairs_scored_per_rule.assign(blocker.rule_count(), 0);
  for (int worker = 0; worker < workers; ++worker) {
    for (std::size_t rule = 0; rule < blocker.rule_count(); ++rule) {
      summary.pairs_scored_per_rule[rule] += scored[static_cast<std::size_t>(worker)][rule];
      summary.pairs_scored += scored[static_cast<std::size_t>(worker)][rule];
    }
    summary.pairs_emitted += emitted[static_cast<std::size_t>(worker)];
  }
  if (progress) progress(total_pairs, total_pairs);
  return summary;
}

}  // namespace vigil::linkage
