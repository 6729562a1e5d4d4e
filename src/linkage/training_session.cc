// RunTrainingSession and EstimatePrior (declared in training.h).

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

#include "linkage/blocking.h"
#include "linkage/expectation_maximisation.h"
#include "linkage/parallel.h"
#include "linkage/scorer.h"
#include "linkage/training.h"

namespace vigil::linkage {
namespace {

// A comparison vector packed at 5 bits per comparison (up to 64 comparisons
// of up to 32 levels).
using PatternKey = std::array<std::uint64_t, 5>;

struct PatternKeyHash {
  std::size_t operator()(const PatternKey& key) const {
    std::uint64_t hash = 0;
    for (std::uint64_t word : key) hash = MixBits(hash ^ word) + 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(hash);
  }
};

using PatternTally = std::unordered_map<PatternKey, std::uint64_t, PatternKeyHash>;

PatternKey Pack(std::span<const std::uint8_t> levels) {
  PatternKey key{};
  for (std::size_t comparison = 0; comparison < levels.size(); ++comparison) {
    std::size_t bit = comparison * 5;
    key[bit / 64] |= static_cast<std::uint64_t>(levels[comparison] & 31) << (bit % 64);
    if (bit % 64 > 59)
      key[bit / 64 + 1] |= static_cast<std::uint64_t>(levels[comparison] & 31) >> (64 - bit % 64);
  }
  return key;
}

std::vector<std::uint8_t> Unpack(const PatternKey& key, std::size_t count) {
  std::vector<std::uint8_t> levels(count);
  for (std::size_t comparison = 0; comparison < count; ++comparison) {
    std::size_t bit = comparison * 5;
    std::uint64_t value = key[bit / 64] >> (bit % 64);
    if (bit % 64 > 59) value |= key[bit / 64 + 1] << (64 - bit % 64);
    levels[comparison] = static_cast<std::uint8_t>(value & 31);
  }
  return levels;
}

bool SharesField(const std::vector<std::string>& left, const std::vector<std::string>& right) {
  for (const std::string& field : left) {
    if (std::find(right.begin(), right.end(), field) != right.end()) return true;
  }
  return false;
}

// P(a match agrees exactly on `key`): the m of the first exact level on the
// key's field times the chance both values are present. Empty when no
// comparison has an exact level on that field.
std::optional<double> AgreementOfMatches(const Model& model, const PreparedRecords& records,
                                         const BlockingKey& key) {
  for (const Comparison& comparison : model.comparisons) {
    for (const ComparisonLevel& level : comparison.levels) {
      if (level.is_null_level || level.predicate.comparator != ComparatorKind::kExact ||
          level.predicate.field != key.field) {
        continue;
      }
      int field = records.FieldIndex(key.field);
      if (field < 0 || records.size() == 0) return std::nullopt;
      double present =
          static_cast<double>(records.column(static_cast<std::size_t>(field)).non_null) /
          records.size();
      return level.m_probability * present * present;
    }
  }
  return std::nullopt;
}

}  // namespace

core::Result<SessionEstimate> RunTrainingSession(const Model& model, const PreparedRecords& records,
                                                 const BlockingRule& rule, Random& random,
                                                 int threads) {
  VIGIL_ASSIGN_OR_RETURN(PairScorer scorer, PairScorer::Create(model, records));
  const BlockingRule rules[] = {rule};
  VIGIL_ASSIGN_OR_RETURN(Blocker blocker,
                         Blocker::Create(rules, records, model.link_type, threads));
  SessionEstimate estimate;
  estimate.report.rule = rule.Describe();
  estimate.report.pairs_available = blocker.total_raw_pairs();
  if (estimate.report.pairs_available == 0) {
    return core::InvalidArgument("the rule " + rule.Describe() + " makes no pairs");
  }
  const double share = std::min(1.0, static_cast<double>(model.training.max_pairs_per_session) /
                                         static_cast<double>(estimate.report.pairs_available));
  const std::uint64_t keep_below = share >= 1.0
                                       ? std::numeric_limits<std::uint64_t>::max()
                                       : static_cast<std::uint64_t>(share * 18446744073709551615.0);
  const std::uint64_t seed = random.Next();
  const int workers = EffectiveThreads(threads);
  std::vector<PatternTally> tallies(static_cast<std::size_t>(workers));
  std::vector<std::uint64_t> used(static_cast<std::size_t>(workers), 0);
  RunParallel(workers, blocker.work_item_count(), [&](std::size_t item, int worker) {
    std::vector<std::uint8_t> levels(scorer.comparison_count());
    PatternTally& tally = tallies[static_cast<std::size_t>(worker)];
    blocker.ForEachPair(item, [&](std::uint32_t left, std::uint32_t right, std::uint32_t) {
      if (MixBits(seed ^ ((static_cast<std::uint64_t>(left) << 32) | right)) > keep_below) return;
      scorer.ComputeLevels(left, right, levels);
      ++tally[Pack(levels)];
      ++used[static_cast<std::size_t>(worker)];
    });
  });
  PatternTally merged;
  for (const PatternTally& tally : tallies) {
    for (const auto& [key, count] : tally) merged[key] += count;
  }
  // Deterministic order, so the result does not depend on hashing.
  std::vector<std::pair<PatternKey, std::uint64_t>> sorted(merged.begin(), merged.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<PatternCount> patterns;
  for (const auto& [key, count] : sorted) {
    patterns.push_back(PatternCount{Unpack(key, scorer.comparison_count()), count});
  }
  for (std::uint64_t count : used) estimate.report.pairs_used += count;
  estimate.report.distinct_patterns = patterns.size();
  std::vector<bool> estimate_flags;
  const std::vector<std::string> rule_fields = rule.Fields();
  for (const Comparison& comparison : model.comparisons) {
    bool estimated = !SharesField(comparison.Fields(), rule_fields);
    estimate_flags.push_back(estimated);
    if (estimated) estimate.report.estimated.push_back(comparison.name);
  }
  VIGIL_ASSIGN_OR_RETURN(
      EmResult result,
      RunExpectationMaximisation(model, patterns, estimate_flags, 0.1,
                                 model.training.max_iterations, model.training.convergence));
  estimate.report.iterations = result.iterations;
  estimate.report.converged = result.converged;
  estimate.report.lambda = result.lambda;
  estimate.m = std::move(result.m);
  estimate.estimated = std::move(estimate_flags);
  return estimate;
}

core::Status EstimatePrior(Model& model, const PreparedRecords& records, int threads,
                           TrainingReport& report) {
  const std::vector<BlockingRule>& rules = model.training.deterministic_rules;
  if (rules.empty()) {
    report.prior = model.prior;
    report.warnings.push_back("no deterministic rules: the prior was kept at " +
                              std::to_string(model.prior));
    return core::Status::Ok();
  }
  VIGIL_ASSIGN_OR_RETURN(Blocker blocker,
                         Blocker::Create(rules, records, model.link_type, threads));
  std::uint64_t pairs = 0;
  for (const RuleCount& count : blocker.CountComparisons(threads)) pairs += count.new_pairs;
  report.deterministic_pairs = pairs;
  double recall = model.training.recall;
  if (recall <= 0) {
    double missed = 1.0;
    for (const BlockingRule& rule : rules) {
      double agreement = 1.0;
      for (const BlockingKey& key : rule.keys) {
        std::optional<double> share = AgreementOfMatches(model, records, key);
        if (!share) {
          report.warnings.push_back("no exact level on " + key.field +
                                    " to estimate the recall of " + rule.Describe() +
                                    "; assumed 0.7");
          agreement = 0.7;
          break;
        }
        agreement *= *share;
      }
      missed *= 1.0 - agreement;
    }
    recall = std::max(1.0 - missed, 1e-3);
  }
  report.recall = recall;
  const bool link = model.link_type == LinkType::kLink;
  const double size = records.size();
  const double possible = link ? static_cast<double>(records.SourceSize(0)) * records.SourceSize(1)
                               : size * (size - 1) / 2;
  if (possible <= 0) return core::InvalidArgument("there are no pairs of records");
  double prior = static_cast<double>(pairs) / recall / possible;
  model.prior = std::clamp(prior, 1.0 / possible, 0.5);
  report.prior = model.prior;
  return core::Status::Ok();
}

}  // namespace vigil::linkage
