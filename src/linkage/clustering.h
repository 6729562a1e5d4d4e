#pragma once
// Clustering at a threshold: records joined by links at or above the
// threshold form clusters (connected components, by union-find), with a
// guard against chaining. Plain connected components let one bad link merge
// two unrelated clusters (A1..A5 are one person, B1..B5 another, and A3-B2
// scores just above the threshold). The guard rule:
//
//   Links are taken strongest first. A link between two records already in
//   clusters A and B (not both single records) merges them only if the
//   average, over the members of each side, of that member's best match
//   weight with the other side is at least (threshold - margin) for both
//   sides. Otherwise the link is refused (and counted).
//
// So a new record joins a cluster when it matches some member strongly, and
// two clusters merge when most members of each have a good partner in the
// other, but never on the strength of one link alone. Up to
// max_members_checked members of each side are checked (the first by record
// index), so a merge costs at most that squared scorings. Pure; thread-safe.

#include <cstdint>
#include <functional>
#include <vector>

#include "linkage/model.h"

namespace vigil::linkage {

// A scored link between two records (indices).
struct ScoredEdge {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  float match_weight = 0;
};

struct Clustering {
  // Per record: its cluster, numbered from 0 in order of each cluster's
  // first record.
  std::vector<std::uint32_t> cluster_of;
  std::uint32_t cluster_count = 0;
  std::uint64_t merges = 0;          // Links that joined two clusters.
  std::uint64_t refused_merges = 0;  // Links the guard refused.
};

// The match weight of any two records (for the guard); usually
// PairScorer::Score.
using PairWeight = std::function<double(std::uint32_t left, std::uint32_t right)>;

// Clusters `record_count` records from `edges` (those below
// `threshold_match_weight` are ignored; indices must be below
// record_count). `pair_weight` is only called when `guard.enabled`.
Clustering ClusterAtThreshold(std::uint32_t record_count, std::vector<ScoredEdge> edges,
                              double threshold_match_weight, const ClusterGuard& guard,
                              const PairWeight& pair_weight);

}  // namespace vigil::linkage
