#include "linkage/evaluation.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(EvaluateClustersTest, CountsPairsWithinClustersAndEntities) {
  // Truth: {0,1,2} {3,4} {5}. Predicted: {0,1} {2,3,4} {5}.
  std::vector<std::uint32_t> clusters = {0, 0, 1, 1, 1, 2};
  std::vector<std::uint64_t> entities = {7, 7, 7, 9, 9, 4};
  std::vector<std::uint8_t> sources(6, 0);
  PairwiseMetrics metrics = EvaluateClusters(clusters, entities, sources, LinkType::kDeduplicate);
  EXPECT_EQ(metrics.true_positives, 2u);   // 0-1, 3-4.
  EXPECT_EQ(metrics.false_positives, 2u);  // 2-3, 2-4.
  EXPECT_EQ(metrics.false_negatives, 2u);  // 0-2, 1-2.
  EXPECT_DOUBLE_EQ(metrics.precision, 0.5);
  EXPECT_DOUBLE_EQ(metrics.recall, 0.5);
  EXPECT_DOUBLE_EQ(metrics.f1, 0.5);
}

TEST(EvaluateClustersTest, InALinkCountsOnlyPairsAcrossSources) {
  std::vector<std::uint32_t> clusters = {0, 0, 0};
  std::vector<std::uint64_t> entities = {1, 1, 1};
  std::vector<std::uint8_t> sources = {0, 0, 1};
  PairwiseMetrics metrics = EvaluateClusters(clusters, entities, sources, LinkType::kLink);
  EXPECT_EQ(metrics.true_positives, 2u);
  EXPECT_EQ(metrics.false_positives, 0u);
  EXPECT_EQ(metrics.false_negatives, 0u);
  EXPECT_DOUBLE_EQ(metrics.f1, 1.0);
}

TEST(EvaluateLinksTest, ScoresLinksBeforeClustering) {
  std::vector<std::uint64_t> entities = {1, 1, 1, 2};
  std::vector<std::uint8_t> sources(4, 0);
  std::vector<ScoredEdge> links = {{0, 1, 9}, {2, 3, 9}};
  PairwiseMetrics metrics = EvaluateLinks(links, entities, sources, LinkType::kDeduplicate);
  EXPECT_EQ(metrics.true_positives, 1u);
  EXPECT_EQ(metrics.false_positives, 1u);
  EXPECT_EQ(metrics.false_negatives, 2u);
  EXPECT_NEAR(metrics.recall, 1.0 / 3, 1e-12);
  PairwiseMetrics none = EvaluateLinks({}, entities, sources, LinkType::kDeduplicate);
  EXPECT_DOUBLE_EQ(none.precision, 1.0);
  EXPECT_DOUBLE_EQ(none.recall, 0.0);
  EXPECT_DOUBLE_EQ(none.f1, 0.0);
}

}  // namespace
}  // namespace vigil::linkage
