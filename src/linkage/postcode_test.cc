#include "linkage/postcode.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(UkPostcodeTest, SplitsEveryShape) {
  struct Case {
    const char* text;
    const char* area;
    const char* district;
    const char* sector;
  };
  for (const Case& test :
       {Case{"M1 1AE", "M", "M1", "M1 1"}, Case{"B33 8TH", "B", "B33", "B33 8"},
        Case{"CR2 6XH", "CR", "CR2", "CR2 6"}, Case{"DN55 1PT", "DN", "DN55", "DN55 1"},
        Case{"W1A 0AX", "W", "W1A", "W1A 0"}, Case{"ec1a1bb", "EC", "EC1A", "EC1A 1"},
        Case{"GIR 0AA", "GIR", "GIR", "GIR 0"}}) {
    std::optional<UkPostcode> postcode = ParseUkPostcode(test.text);
    ASSERT_TRUE(postcode.has_value()) << test.text;
    EXPECT_EQ(postcode->Area(), test.area) << test.text;
    EXPECT_EQ(postcode->District(), test.district) << test.text;
    EXPECT_EQ(postcode->Sector(), test.sector) << test.text;
  }
  EXPECT_EQ(ParseUkPostcode("sw1a-1aa")->Unit(), "SW1A 1AA");
}

TEST(UkPostcodeTest, RejectsOtherShapes) {
  for (const char* text : {"", "2257", "SW1A", "SW1A 1A", "1W1A 1AA", "SW1A 1A1", "SWAA 1AA",
                           "SW1AA 1AA", "SW1A 1AA X", "SW1A!1AA"}) {
    EXPECT_FALSE(ParseUkPostcode(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace vigil::linkage
