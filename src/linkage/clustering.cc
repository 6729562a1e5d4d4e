#include "linkage/clustering.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/check.h"

namespace vigil::linkage {
namespace {

// Union-find by size with path halving. Each root also keeps the smallest
// `sample_limit` record indices of its cluster (all the guard looks at), so
// a union costs O(sample_limit), never O(cluster size).
class UnionFind {
 public:
  UnionFind(std::uint32_t size, std::size_t sample_limit)
      : parent_(size), size_(size, 1), samples_(size), sample_limit_(sample_limit) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }

  std::uint32_t Find(std::uint32_t record) {
    while (parent_[record] != record) {
      parent_[record] = parent_[parent_[record]];
      record = parent_[record];
    }
    return record;
  }

  std::uint32_t Size(std::uint32_t root) const { return size_[root]; }

  // The smallest record indices of the cluster rooted at `root`, sorted.
  std::vector<std::uint32_t> Sample(std::uint32_t root) const {
    if (samples_[root].empty()) return {root};
    return samples_[root];
  }

  void Union(std::uint32_t left_root, std::uint32_t right_root) {
    if (size_[left_root] < size_[right_root]) std::swap(left_root, right_root);
    parent_[right_root] = left_root;
    size_[left_root] += size_[right_root];
    std::vector<std::uint32_t> kept = Sample(left_root);
    std::vector<std::uint32_t> moved = Sample(right_root);
    std::vector<std::uint32_t> merged;
    merged.reserve(kept.size() + moved.size());
    std::merge(kept.begin(), kept.end(), moved.begin(), moved.end(), std::back_inserter(merged));
    if (merged.size() > sample_limit_) merged.resize(sample_limit_);
    samples_[left_root].swap(merged);
    std::vector<std::uint32_t>().swap(samples_[right_root]);
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
  std::vector<std::vector<std::uint32_t>> samples_;  // At roots; empty means {root}.
  std::size_t sample_limit_;
};

// The smaller of the two sides' average best cross weights.
double CrossSupport(const std::vector<std::uint32_t>& left, const std::vector<std::uint32_t>& right,
                    const PairWeight& pair_weight) {
  std::vector<double> best_right(right.size(), -std::numeric_limits<double>::infinity());
  double left_total = 0;
  for (std::uint32_t left_member : left) {
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t index = 0; index < right.size(); ++index) {
      double weight = pair_weight(left_member, right[index]);
      best = std::max(best, weight);
      best_right[index] = std::max(best_right[index], weight);
    }
    left_total += best;
  }
  double right_total = 0;
  for (double best : best_right) right_total += best;
  return std::min(left_total / static_cast<double>(left.size()),
                  right_total / static_cast<double>(right.size()));
}

}  // namespace

Clustering ClusterAtThreshold(std::uint32_t record_count, std::vector<ScoredEdge> edges,
                              double threshold_match_weight, const ClusterGuard& guard,
                              const PairWeight& pair_weight) {
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [&](const ScoredEdge& edge) {
                               return !(edge.match_weight >= threshold_match_weight);
                             }),
              edges.end());
  std::sort(edges.begin(), edges.end(), [](const ScoredEdge& left, const ScoredEdge& right) {
    if (left.match_weight != right.match_weight) return left.match_weight > right.match_weight;
    if (left.left != right.left) return left.left < right.left;
    return left.right < right.right;
  });
  const std::size_t limit = static_cast<std::size_t>(std::max(guard.max_members_checked, 1));
  UnionFind sets(record_count, limit);
  Clustering clustering;
  const double floor = threshold_match_weight - guard.margin;
  for (const ScoredEdge& edge : edges) {
    VIGIL_CHECK(edge.left < record_count && edge.right < record_count) << "edge out of range";
    std::uint32_t left_root = sets.Find(edge.left);
    std::uint32_t right_root = sets.Find(edge.right);
    if (left_root == right_root) continue;
    bool singletons = sets.Size(left_root) == 1 && sets.Size(right_root) == 1;
    if (guard.enabled && !singletons &&
        CrossSupport(sets.Sample(left_root), sets.Sample(right_root), pair_weight) < floor) {
      ++clustering.refused_merges;
      continue;
    }
    sets.Union(left_root, right_root);
    ++clustering.merges;
  }
  constexpr std::uint32_t kUnnumbered = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> number_of_root(record_count, kUnnumbered);
  clustering.cluster_of.resize(record_count);
  for (std::uint32_t record = 0; record < record_count; ++record) {
    std::uint32_t root = sets.Find(record);
    if (number_of_root[root] == kUnnumbered) number_of_root[root] = clustering.cluster_count++;
    clustering.cluster_of[record] = number_of_root[root];
  }
  return clustering;
}

}  // namespace vigil::linkage
