#include "web/request_id.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace vigil::web {
namespace {

TEST(RequestIdTest, KeepsAcceptableClientIds) {
  EXPECT_EQ(RequestIdFor("abc-123_x.y:z"), "abc-123_x.y:z");
  EXPECT_TRUE(IsAcceptableRequestId(std::string(64, 'a')));
}

TEST(RequestIdTest, ReplacesIdsThatCouldInjectIntoLogs) {
  for (std::string bad :
       {std::string(), std::string(65, 'a'), std::string("a b"), std::string("a\nevent=forged"),
        std::string("a\"b"), std::string("caf\xc3\xa9")}) {
    EXPECT_FALSE(IsAcceptableRequestId(bad)) << bad;
    std::string replaced = RequestIdFor(bad);
    EXPECT_NE(replaced, bad);
    EXPECT_TRUE(IsAcceptableRequestId(replaced)) << replaced;
  }
}

TEST(RequestIdTest, NewIdsAreDistinct) {
  std::set<std::string> ids;
  for (int index = 0; index < 1000; ++index) ids.insert(NewRequestId());
  EXPECT_EQ(ids.size(), 1000u);
}

}  // namespace
}  // namespace vigil::web
