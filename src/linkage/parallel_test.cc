#include "linkage/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "linkage/random.h"

namespace vigil::linkage {
namespace {

TEST(RunParallelTest, RunsEveryTaskOnceOnValidWorkers) {
  for (int threads : {1, 2, 7}) {
    std::vector<std::atomic<int>> runs(1000);
    std::atomic<bool> bad_worker{false};
    RunParallel(threads, runs.size(), [&](std::size_t index, int worker) {
      if (worker < 0 || worker >= threads) bad_worker = true;
      ++runs[index];
    });
    for (const std::atomic<int>& count : runs) EXPECT_EQ(count.load(), 1);
    EXPECT_FALSE(bad_worker.load());
  }
  int calls = 0;
  RunParallel(4, 0, [&](std::size_t, int) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(EffectiveThreadsTest, ClampsToSensibleCounts) {
  EXPECT_EQ(EffectiveThreads(3), 3);
  EXPECT_GE(EffectiveThreads(0), 1);
  EXPECT_EQ(EffectiveThreads(500, 8), 8);
  EXPECT_EQ(EffectiveThreads(-2, 1), 1);
}

TEST(RandomTest, IsSeededAndStaysInRange) {
  Random first(5);
  Random second(5);
  Random other(6);
  EXPECT_EQ(first.Next(), second.Next());
  EXPECT_NE(first.Next(), other.Next());
  std::vector<int> counts(10, 0);
  for (int draw = 0; draw < 100000; ++draw) {
    std::uint64_t value = first.Uniform(10);
    ASSERT_LT(value, 10u);
    ++counts[value];
    double fraction = first.UniformDouble();
    ASSERT_GE(fraction, 0.0);
    ASSERT_LT(fraction, 1.0);
  }
  for (int count : counts) EXPECT_NEAR(count, 10000, 500);
  EXPECT_NE(MixBits(1), MixBits(2));
}

}  // namespace
}  // namespace vigil::linkage
