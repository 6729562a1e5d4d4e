// Splink's fake_1000 (1,000 records of 251 people, 17-21% of values
// missing, typos throughout), deduplicated with the default model for its
// columns and trained without labels. Splink publishes no F1 for it; the
// floor below is what this engine achieves (docs/benchmarks.md).

#include <gtest/gtest.h>

#include <iostream>

#include "labelled_data.h"

namespace vigil::linkage_accuracy {
namespace {

TEST(SplinkFake1000Test, DeduplicatesWithoutLabels) {
  core::Result<Dataset> dataset = LoadSplinkFake1000(2);
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  core::Result<Evaluation> evaluation = EvaluateDefaultModel(*dataset, 42, 2);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  std::cout << Describe("splink fake_1000", *evaluation) << std::endl;
  for (const linkage::SessionReport& session : evaluation->run.training.sessions) {
    EXPECT_TRUE(session.converged) << "EM did not converge on " << session.rule;
  }
  EXPECT_GE(evaluation->clusters.f1, 0.90);
  EXPECT_GE(evaluation->clusters.precision, 0.97);
}

}  // namespace
}  // namespace vigil::linkage_accuracy
