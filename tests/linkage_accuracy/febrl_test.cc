// FEBRL benchmark data (Australian synthetic people with typos, swapped
// names, missing values): dataset 4 linked across its two files and dataset
// 3 deduplicated, each with the default model for its columns (only the
// column roles are given) and trained without labels. Pairwise F1 over the
// clusters must reach the floors set for vigil; the figures are recorded in
// docs/benchmarks.md.

#include <gtest/gtest.h>

#include <iostream>

#include "labelled_data.h"

namespace vigil::linkage_accuracy {
namespace {

void ExpectConverged(const Evaluation& evaluation) {
  ASSERT_FALSE(evaluation.run.training.sessions.empty());
  for (const linkage::SessionReport& session : evaluation.run.training.sessions) {
    EXPECT_TRUE(session.converged) << "EM did not converge on " << session.rule;
  }
}

TEST(FebrlTest, LinksDataset4) {
  core::Result<Dataset> dataset =
      LoadFebrl({"febrl_dataset4a.csv", "febrl_dataset4b.csv"}, false, 2);
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  core::Result<Evaluation> evaluation = EvaluateDefaultModel(*dataset, 42, 2);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  std::cout << Describe("febrl4 link", *evaluation) << std::endl;
  ExpectConverged(*evaluation);
  EXPECT_GE(evaluation->clusters.f1, 0.995);
}

TEST(FebrlTest, LinksDataset4WithoutTheSocialSecurityNumber) {
  core::Result<Dataset> dataset =
      LoadFebrl({"febrl_dataset4a.csv", "febrl_dataset4b.csv"}, true, 2);
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  core::Result<Evaluation> evaluation = EvaluateDefaultModel(*dataset, 42, 2);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  std::cout << Describe("febrl4 link without soc_sec_id", *evaluation) << std::endl;
  ExpectConverged(*evaluation);
  EXPECT_GE(evaluation->clusters.f1, 0.99);
}

TEST(FebrlTest, DeduplicatesDataset3) {
  core::Result<Dataset> dataset = LoadFebrl({"febrl_dataset3.csv"}, false, 2);
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  core::Result<Evaluation> evaluation = EvaluateDefaultModel(*dataset, 42, 2);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  std::cout << Describe("febrl3 dedupe", *evaluation) << std::endl;
  ExpectConverged(*evaluation);
  EXPECT_GE(evaluation->clusters.f1, 0.99);
}

TEST(FebrlTest, ResultsDoNotDependOnTheThreadCount) {
  core::Result<Dataset> dataset = LoadFebrl({"febrl_dataset3.csv"}, false, 1);
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  Evaluation one = EvaluateDefaultModel(*dataset, 7, 1).value();
  Evaluation two = EvaluateDefaultModel(*dataset, 7, 2).value();
  EXPECT_EQ(one.run.model, two.run.model);
  EXPECT_EQ(one.run.clustering.cluster_of, two.run.clustering.cluster_of);
}

}  // namespace
}  // namespace vigil::linkage_accuracy
