#include "linkage/evaluation.h"

#include <unordered_map>

#include "core/check.h"
#include "linkage/random.h"

namespace vigil::linkage {
namespace {

struct SourceCounts {
  std::uint64_t count[2] = {0, 0};
};

std::uint64_t PairsWithin(const SourceCounts& counts, LinkType link_type) {
  if (link_type == LinkType::kLink) return counts.count[0] * counts.count[1];
  std::uint64_t total = counts.count[0] + counts.count[1];
  return total * (total > 0 ? total - 1 : 0) / 2;
}

struct CellKey {
  std::uint64_t entity = 0;
  std::uint32_t cluster = 0;
  friend bool operator==(const CellKey&, const CellKey&) = default;
};

struct CellKeyHash {
  std::size_t operator()(const CellKey& key) const {
    return static_cast<std::size_t>(MixBits(key.entity * 0x9e3779b97f4a7c15ULL + key.cluster));
  }
};

template <typename Map>
std::uint64_t PairsOfGroups(const Map& groups, LinkType link_type) {
  std::uint64_t pairs = 0;
  for (const auto& [key, counts] : groups) pairs += PairsWithin(counts, link_type);
  return pairs;
}

PairwiseMetrics Finish(std::uint64_t true_positives, std::uint64_t predicted,
                       std::uint64_t actual) {
  PairwiseMetrics metrics;
  metrics.true_positives = true_positives;
  metrics.false_positives = predicted - true_positives;
  metrics.false_negatives = actual - true_positives;
  metrics.precision = predicted == 0 ? 1.0 : static_cast<double>(true_positives) / predicted;
  metrics.recall = actual == 0 ? 1.0 : static_cast<double>(true_positives) / actual;
  double sum = metrics.precision + metrics.recall;
  metrics.f1 = sum == 0 ? 0.0 : 2 * metrics.precision * metrics.recall / sum;
  return metrics;
}

std::unordered_map<std::uint64_t, SourceCounts> Entities(std::span<const std::uint64_t> entity_of,
                                                         std::span<const std::uint8_t> sources) {
  std::unordered_map<std::uint64_t, SourceCounts> entities;
  for (std::size_t record = 0; record < entity_of.size(); ++record) {
    ++entities[entity_of[record]].count[sources[record] & 1];
  }
  return entities;
}

}  // namespace

PairwiseMetrics EvaluateClusters(std::span<const std::uint32_t> cluster_of,
                                 std::span<const std::uint64_t> entity_of,
                                 std::span<const std::uint8_t> sources, LinkType link_type) {
  VIGIL_CHECK(cluster_of.size() == entity_of.size() && sources.size() == entity_of.size())
      << "evaluation inputs differ in length";
  std::unordered_map<std::uint64_t, SourceCounts> clusters;
  std::unordered_map<CellKey, SourceCounts, CellKeyHash> cells;
  for (std::size_t record = 0; record < cluster_of.size(); ++record) {
    int source = sources[record] & 1;
    ++clusters[cluster_of[record]].count[source];
    ++cells[CellKey{entity_of[record], cluster_of[record]}].count[source];
  }
  return Finish(PairsOfGroups(cells, link_type), PairsOfGroups(clusters, link_type),
                PairsOfGroups(Entities(entity_of, sources), link_type));
}

PairwiseMetrics EvaluateLinks(std::span<const ScoredEdge> links,
                              std::span<const std::uint64_t> entity_of,
                              std::span<const std::uint8_t> sources, LinkType link_type) {
  VIGIL_CHECK(sources.size() == entity_of.size()) << "evaluation inputs differ in length";
  std::uint64_t true_positives = 0;
  std::uint64_t predicted = 0;
  for (const ScoredEdge& link : links) {
    if (link_type == LinkType::kLink && sources[link.left] == sources[link.right]) continue;
    ++predicted;
    if (entity_of[link.left] == entity_of[link.right]) ++true_positives;
  }
  return Finish(true_positives, predicted, PairsOfGroups(Entities(entity_of, sources), link_type));
}

}  // namespace vigil::linkage
