#include "linkage/clustering.h"

#include <gtest/gtest.h>

#include <map>

namespace vigil::linkage {
namespace {

// Weights from a table; pairs not in it are strong non-matches.
class WeightTable {
 public:
  void Set(std::uint32_t left, std::uint32_t right, double weight) {
    weights_[{std::min(left, right), std::max(left, right)}] = weight;
  }
  double operator()(std::uint32_t left, std::uint32_t right) const {
    auto found = weights_.find({std::min(left, right), std::max(left, right)});
    return found == weights_.end() ? -20.0 : found->second;
  }
  std::vector<ScoredEdge> Edges() const {
    std::vector<ScoredEdge> edges;
    for (const auto& [pair, weight] : weights_) {
      edges.push_back({pair.first, pair.second, static_cast<float>(weight)});
    }
    return edges;
  }

 private:
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> weights_;
};

// Person A: records 0..4, person B: records 5..9, each strongly linked
// within; one bad link 2-7 just above the threshold of 5.
WeightTable TwoPeopleAndOneBadLink() {
  WeightTable table;
  for (std::uint32_t first : {0u, 5u}) {
    for (std::uint32_t left = first; left < first + 5; ++left) {
      for (std::uint32_t right = left + 1; right < first + 5; ++right) table.Set(left, right, 20);
    }
  }
  table.Set(2, 7, 5.5);
  return table;
}

TEST(ClusteringTest, GuardRefusesToChainTwoPeopleThroughOneBadLink) {
  WeightTable table = TwoPeopleAndOneBadLink();
  ClusterGuard guard;
  guard.margin = 6;
  Clustering clustering = ClusterAtThreshold(10, table.Edges(), 5.0, guard, std::cref(table));
  EXPECT_EQ(clustering.cluster_count, 2u);
  EXPECT_EQ(clustering.refused_merges, 1u);
  for (std::uint32_t record = 0; record < 5; ++record) EXPECT_EQ(clustering.cluster_of[record], 0u);
  for (std::uint32_t record = 5; record < 10; ++record)
    EXPECT_EQ(clustering.cluster_of[record], 1u);
}

TEST(ClusteringTest, WithoutTheGuardConnectedComponentsChain) {
  WeightTable table = TwoPeopleAndOneBadLink();
  ClusterGuard guard;
  guard.enabled = false;
  Clustering clustering = ClusterAtThreshold(10, table.Edges(), 5.0, guard, nullptr);
  EXPECT_EQ(clustering.cluster_count, 1u);
  EXPECT_EQ(clustering.refused_merges, 0u);
  EXPECT_EQ(clustering.merges, 9u);
}

TEST(ClusteringTest, ANewRecordJoinsWhenItMatchesOneMemberWell) {
  // 0-1-2 are one person; 3 matches 0 strongly, the others only weakly.
  WeightTable table;
  table.Set(0, 1, 20);
  table.Set(1, 2, 20);
  table.Set(0, 2, 18);
  table.Set(0, 3, 15);
  table.Set(1, 3, 2);
  table.Set(2, 3, 1);
  ClusterGuard guard;
  guard.margin = 6;
  Clustering clustering = ClusterAtThreshold(4, table.Edges(), 5.0, guard, std::cref(table));
  EXPECT_EQ(clustering.cluster_count, 1u);
  EXPECT_EQ(clustering.refused_merges, 0u);
}

TEST(ClusteringTest, IgnoresLinksBelowTheThresholdAndNumbersClustersInOrder) {
  std::vector<ScoredEdge> edges = {{3, 4, 9}, {0, 2, 9}, {1, 2, 4.9f}};
  ClusterGuard guard;
  Clustering clustering =
      ClusterAtThreshold(5, edges, 5.0, guard, [](std::uint32_t, std::uint32_t) { return 9.0; });
  EXPECT_EQ(clustering.cluster_of, (std::vector<std::uint32_t>{0, 1, 0, 2, 2}));
  EXPECT_EQ(clustering.cluster_count, 3u);
}

TEST(ClusteringTest, ChecksOnlyAFewMembersOfLargeClusters) {
  // A chain of 200 records all strongly linked to their neighbours, and
  // every pair scored: the guard calls at most max_members_checked^2 times
  // per merge.
  std::vector<ScoredEdge> edges;
  for (std::uint32_t record = 0; record + 1 < 200; ++record)
    edges.push_back({record, record + 1, 20});
  ClusterGuard guard;
  guard.max_members_checked = 3;
  std::uint64_t calls = 0;
  Clustering clustering =
      ClusterAtThreshold(200, edges, 5.0, guard, [&](std::uint32_t, std::uint32_t) {
        ++calls;
        return 20.0;
      });
  EXPECT_EQ(clustering.cluster_count, 1u);
  EXPECT_LE(calls, 199u * 9u);
}

}  // namespace
}  // namespace vigil::linkage
