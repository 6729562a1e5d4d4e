#include "linkage/training.h"

#include <algorithm>
#include <cmath>

#include "linkage/parallel.h"
#include "linkage/scorer.h"

namespace vigil::linkage {
namespace {

constexpr std::uint64_t kPairsPerChunk = 1 << 16;
constexpr double kMinimumProbability = 1e-6;

// Level counts per comparison.
using LevelCounts = std::vector<std::vector<std::uint64_t>>;

LevelCounts EmptyCounts(const Model& model) {
  LevelCounts counts;
  for (const Comparison& comparison : model.comparisons) {
    counts.emplace_back(comparison.levels.size(), 0);
  }
  return counts;
}

void Tally(const PairScorer& scorer, std::uint32_t left, std::uint32_t right,
           std::vector<std::uint8_t>& levels, LevelCounts& counts) {
  scorer.ComputeLevels(left, right, levels);
  for (std::size_t comparison = 0; comparison < levels.size(); ++comparison) {
    ++counts[comparison][levels[comparison]];
  }
}

// Sets each non-null level's probability from counts (floored so no level
// is impossible). `u` chooses u_probability, otherwise m_probability.
void SetFromCounts(Model& model, const LevelCounts& counts, bool u) {
  for (std::size_t comparison = 0; comparison < model.comparisons.size(); ++comparison) {
    Comparison& spec = model.comparisons[comparison];
    std::uint64_t non_null = 0;
    for (std::size_t level = 0; level < spec.levels.size(); ++level) {
      if (!spec.levels[level].is_null_level) non_null += counts[comparison][level];
    }
    if (non_null == 0) continue;
    for (std::size_t level = 0; level < spec.levels.size(); ++level) {
      ComparisonLevel& target = spec.levels[level];
      if (target.is_null_level) continue;
      double seen = std::max(static_cast<double>(counts[comparison][level]), 0.5);
      double probability =
          std::clamp(seen / static_cast<double>(non_null), kMinimumProbability, 1.0);
      (u ? target.u_probability : target.m_probability) = probability;
    }
  }
}

// Initial m for an untrained model: halving from the first non-null level.
void SetInitialM(Model& model) {
  for (Comparison& comparison : model.comparisons) {
    double total = 0;
    double share = 1;
    for (ComparisonLevel& level : comparison.levels) {
      if (level.is_null_level) continue;
      level.m_probability = share;
      total += share;
      share /= 2;
    }
    for (ComparisonLevel& level : comparison.levels) {
      if (!level.is_null_level) level.m_probability /= total;
    }
  }
}

std::vector<std::uint32_t> RecordsOfSource(const PreparedRecords& records, int source) {
  std::vector<std::uint32_t> indices;
  for (std::uint32_t record = 0; record < records.size(); ++record) {
    if (records.source(record) == source) indices.push_back(record);
  }
  return indices;
}

}  // namespace

core::Status EstimateU(Model& model, const PreparedRecords& records, Random& random, int threads,
                       std::uint64_t* pairs_used) {
  VIGIL_ASSIGN_OR_RETURN(PairScorer scorer, PairScorer::Create(model, records));
  const bool link = model.link_type == LinkType::kLink;
  std::vector<std::uint32_t> left_side;
  std::vector<std::uint32_t> right_side;
  if (link) {
    left_side = RecordsOfSource(records, 0);
    right_side = RecordsOfSource(records, 1);
  }
  const std::uint64_t size = records.size();
  const std::uint64_t possible =
      link ? static_cast<std::uint64_t>(left_side.size()) * right_side.size()
           : size * (size > 0 ? size - 1 : 0) / 2;
  if (possible == 0) return core::InvalidArgument("there are no pairs of records to sample");
  const bool every_pair = possible <= model.training.max_pairs_for_u;
  const std::uint64_t pairs = every_pair ? possible : model.training.max_pairs_for_u;
  const std::uint64_t chunks =
      every_pair ? (link ? left_side.size() : size) : (pairs + kPairsPerChunk - 1) / kPairsPerChunk;
  const std::uint64_t base_seed = random.Next();
  const int workers = EffectiveThreads(threads);
  std::vector<LevelCounts> counts(static_cast<std::size_t>(workers), EmptyCounts(model));
  RunParallel(workers, chunks, [&](std::size_t chunk, int worker) {
    std::vector<std::uint8_t> levels(scorer.comparison_count());
    LevelCounts& mine = counts[static_cast<std::size_t>(worker)];
    if (every_pair) {  // Chunk = one outer record.
      if (link) {
        for (std::uint32_t right : right_side) Tally(scorer, left_side[chunk], right, levels, mine);
      } else {
        for (std::uint64_t right = chunk + 1; right < size; ++right) {
          Tally(scorer, static_cast<std::uint32_t>(chunk), static_cast<std::uint32_t>(right),
                levels, mine);
        }
      }
      return;
    }
    Random chunk_random(MixBits(base_seed ^ (chunk * 0x9e3779b97f4a7c15ULL)));
    std::uint64_t count = std::min<std::uint64_t>(kPairsPerChunk, pairs - chunk * kPairsPerChunk);
    std::vector<std::uint64_t> drawn(count);
    for (std::uint64_t& pair : drawn) {
      std::uint64_t left = 0;
      std::uint64_t right = 0;
      if (link) {
        left = left_side[chunk_random.Uniform(left_side.size())];
        right = right_side[chunk_random.Uniform(right_side.size())];
      } else {
        left = chunk_random.Uniform(size);
        right = chunk_random.Uniform(size - 1);
        if (right >= left) ++right;
      }
      pair = (left << 32) | right;
    }
    // Visiting the pairs in record order halves the cache misses; the tally
    // does not depend on the order.
    std::sort(drawn.begin(), drawn.end());
    constexpr std::size_t kAhead = 16;
    for (std::size_t index = 0; index < drawn.size(); ++index) {
      if (index + kAhead < drawn.size()) {
        scorer.Prefetch(static_cast<std::uint32_t>(drawn[index + kAhead]));
      }
      Tally(scorer, static_cast<std::uint32_t>(drawn[index] >> 32),
            static_cast<std::uint32_t>(drawn[index]), levels, mine);
    }
  });
  LevelCounts total = EmptyCounts(model);
  for (const LevelCounts& worker : counts) {
    for (std::size_t comparison = 0; comparison < total.size(); ++comparison) {
      for (std::size_t level = 0; level < total[comparison].size(); ++level) {
        total[comparison][level] += worker[comparison][level];
      }
    }
  }
  SetFromCounts(model, total, true);
  if (pairs_used != nullptr) *pairs_used = pairs;
  return core::Status::Ok();
}

core::Result<TrainingReport> TrainModel(Model& model, const PreparedRecords& records,
                                        Random& random, int threads) {
  VIGIL_RETURN_IF_ERROR(ValidateModel(model));
  TrainingReport report;
  if (!model.trained) SetInitialM(model);
  VIGIL_RETURN_IF_ERROR(EstimateU(model, records, random, threads, &report.u_pairs));
  const std::size_t comparison_count = model.comparisons.size();
  std::vector<std::vector<double>> m_sum(comparison_count);
  std::vector<int> sessions_estimating(comparison_count, 0);
  for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
    m_sum[comparison].assign(model.comparisons[comparison].levels.size(), 0.0);
  }
  for (const BlockingRule& rule : model.training.sessions) {
    core::Result<SessionEstimate> session =
        RunTrainingSession(model, records, rule, random, threads);
    if (!session.ok()) {
      report.warnings.push_back("training session on " + rule.Describe() +
                                " was skipped: " + session.status().message());
      continue;
    }
    for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
      if (!session->estimated[comparison]) continue;
      ++sessions_estimating[comparison];
      for (std::size_t level = 0; level < m_sum[comparison].size(); ++level) {
        m_sum[comparison][level] += session->m[comparison][level];
      }
    }
    report.sessions.push_back(std::move(session->report));
  }
  for (std::size_t comparison = 0; comparison < comparison_count; ++comparison) {
    Comparison& spec = model.comparisons[comparison];
    if (sessions_estimating[comparison] == 0) {
      report.warnings.push_back("no training session could estimate m for comparison " + spec.name +
                                "; its starting values were kept");
      continue;
    }
    for (std::size_t level = 0; level < spec.levels.size(); ++level) {
      if (spec.levels[level].is_null_level) continue;
      spec.levels[level].m_probability = std::clamp(
          m_sum[comparison][level] / sessions_estimating[comparison], kMinimumProbability, 1.0);
    }
  }
  VIGIL_RETURN_IF_ERROR(EstimatePrior(model, records, threads, report));
  model.trained = true;
  return report;
}

core::Status EstimateFromLabels(Model& model, const PreparedRecords& records,
                                std::span<const LabelledPair> pairs, bool also_u) {
  VIGIL_ASSIGN_OR_RETURN(PairScorer scorer, PairScorer::Create(model, records));
  LevelCounts matches = EmptyCounts(model);
  LevelCounts non_matches = EmptyCounts(model);
  std::vector<std::uint8_t> levels(scorer.comparison_count());
  std::uint64_t match_count = 0;
  std::uint64_t non_match_count = 0;
  for (const LabelledPair& pair : pairs) {
    if (pair.left >= records.size() || pair.right >= records.size()) {
      return core::InvalidArgument("a labelled pair names a record that does not exist");
    }
    Tally(scorer, pair.left, pair.right, levels, pair.is_match ? matches : non_matches);
    (pair.is_match ? match_count : non_match_count) += 1;
  }
  if (match_count == 0) return core::InvalidArgument("the labels hold no match");
  SetFromCounts(model, matches, false);
  if (also_u && non_match_count > 0) SetFromCounts(model, non_matches, true);
  return core::Status::Ok();
}

}  // namespace vigil::linkage
