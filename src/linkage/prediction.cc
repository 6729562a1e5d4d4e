#include "linkage/prediction.h"

#include <atomic>
#include <cmath>
#include <mutex>

#include "linkage/parallel.h"

namespace vigil::linkage {

PairPrediction& PredictionBatch::Add(const PairPrediction& pair, std::span<std::uint8_t>& levels,
                                     std::span<float>& contributions) {
  pairs_.push_back(pair);
  levels_.resize(pairs_.size() * comparison_count_);
  contributions_.resize(pairs_.size() * comparison_count_);
  std::size_t offset = (pairs_.size() - 1) * comparison_count_;
  levels = {levels_.data() + offset, comparison_count_};
  contributions = {contributions_.data() + offset, comparison_count_};
  return pairs_.back();
}

void PredictionBatch::Reserve(std::size_t pairs) {
  pairs_.reserve(pairs);
  levels_.reserve(pairs * comparison_count_);
  contributions_.reserve(pairs * comparison_count_);
}

void PredictionBatch::DropLast() {
  pairs_.pop_back();
  levels_.resize(pairs_.size() * comparison_count_);
  contributions_.resize(pairs_.size() * comparison_count_);
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
    blocker.ForEachPair(item, [&](std::uint32_t left, std::uint32_t right, std::uint32_t rule) {
      std::span<std::uint8_t> levels;
      std::span<float> contributions;
      PairPrediction& added =
          batch.Add(PairPrediction{left, right, rule, 0, 0}, levels, contributions);
      double weight = scorer.Score(left, right, levels, contributions);
      ++my_scored[rule];
      if (static_cast<float>(weight) < minimum) {
        batch.DropLast();
        return;
      }
      added.match_weight = static_cast<float>(weight);
      added.match_probability = static_cast<float>(1.0 / (1.0 + std::exp2(-weight)));
      ++my_emitted;
      if (batch.size() >= options.batch_size) flush(batch);
    });
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
