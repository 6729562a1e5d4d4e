#pragma once
// Pairwise evaluation against ground truth: precision, recall and F1 over
// record pairs, computed from cluster and entity counts without listing the
// pairs (so it works for millions of records). In a link, only pairs across
// the two sources count. Pure; thread-safe.

#include <cstdint>
#include <span>

#include "linkage/clustering.h"
#include "linkage/record.h"

namespace vigil::linkage {

struct PairwiseMetrics {
  std::uint64_t true_positives = 0;   // Predicted pairs that are true pairs.
  std::uint64_t false_positives = 0;  // Predicted pairs that are not.
  std::uint64_t false_negatives = 0;  // True pairs not predicted.
  double precision = 0;               // 1 when nothing is predicted.
  double recall = 0;                  // 1 when there is nothing to find.
  double f1 = 0;
};

// Metrics of predicted clusters (`cluster_of`, per record) against true
// entities (`entity_of`, per record; equal numbers = same entity). `sources`
// (per record, 0 or 1) matters only for kLink. The spans must be equally
// long.
PairwiseMetrics EvaluateClusters(std::span<const std::uint32_t> cluster_of,
                                 std::span<const std::uint64_t> entity_of,
                                 std::span<const std::uint8_t> sources, LinkType link_type);

// Metrics of predicted links (pairs scored at or above a threshold, each
// counted once) against true entities, before any clustering.
PairwiseMetrics EvaluateLinks(std::span<const ScoredEdge> links,
                              std::span<const std::uint64_t> entity_of,
                              std::span<const std::uint8_t> sources, LinkType link_type);

}  // namespace vigil::linkage
