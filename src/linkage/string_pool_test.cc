#include "linkage/string_pool.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil::linkage {
namespace {

TEST(StringPoolTest, GivesDenseStableIds) {
  StringPool pool;
  EXPECT_EQ(pool.size(), 0u);
  EXPECT_EQ(pool.View(0), "");
  EXPECT_EQ(pool.Intern("smith"), 1u);
  EXPECT_EQ(pool.Intern("jones"), 2u);
  EXPECT_EQ(pool.Intern("smith"), 1u);
  EXPECT_EQ(pool.Intern(""), 3u);
  EXPECT_EQ(pool.View(2), "jones");
  EXPECT_EQ(pool.Find("jones"), 2u);
  EXPECT_EQ(pool.Find("brown"), 0u);
  EXPECT_EQ(pool.size(), 3u);
}

TEST(StringPoolTest, SurvivesGrowth) {
  StringPool pool;
  for (int index = 0; index < 100000; ++index) {
    ASSERT_EQ(pool.Intern("value-" + std::to_string(index)), static_cast<std::uint32_t>(index + 1));
  }
  for (int index = 0; index < 100000; index += 997) {
    EXPECT_EQ(pool.View(static_cast<std::uint32_t>(index + 1)), "value-" + std::to_string(index));
    EXPECT_EQ(pool.Find("value-" + std::to_string(index)), static_cast<std::uint32_t>(index + 1));
  }
  EXPECT_GT(pool.MemoryBytes(), 100000u);
}

}  // namespace
}  // namespace vigil::linkage
