#include "domain/lookups.h"

#include <gtest/gtest.h>

#include "testing/test_lookups.h"

namespace vigil::domain {
namespace {

TEST(LookupsTest, ProjectLookupsParse) {
  const Lookups& lookups = testing::TestLookups();
  EXPECT_GE(lookups.version, 1);
  const Classification* stalking = lookups.FindClassification("stalking");
  ASSERT_NE(stalking, nullptr);
  EXPECT_EQ(stalking->hocr_classification, "8Q");
  EXPECT_EQ(stalking->offence_code, "195/12");
  EXPECT_TRUE(lookups.HasBehaviour("following"));
  EXPECT_TRUE(lookups.HasChannel("social_media"));
  EXPECT_TRUE(lookups.HasRelationship("ex_partner"));
  EXPECT_EQ(lookups.forces.size(), 44u);
  EXPECT_EQ(lookups.ForceLabel("west_midlands"), "West Midlands Police");
  EXPECT_FALSE(lookups.HasForce("atlantis"));
}

TEST(LookupsTest, ReportsEveryProblem) {
  core::ConfigReader reader("lookups.yaml", R"(schema_version: 2
version: 1
classifications:
  - {id: stalking, label: Stalking, hocr_classification: 8Q, codes_verified: true}
  - {id: stalking, label: Again, hocr_classification: 8Q, codes_verified: maybe}
  - {id: Bad-Id, label: X, hocr_classification: 8L, codes_verified: false, colour: red}
behaviours: []
channels:
  - {id: phone_call}
relationships: [{id: a, label: A}]
extra: 1
)");
  auto lookups = ParseLookups(reader);
  ASSERT_FALSE(lookups.ok());
  std::string text = lookups.status().ToString();
  for (const char* expected :
       {"lookups.yaml:1: schema_version: must be 1", "appears twice",
        "classifications[1].codes_verified: must be true or false",
        "classifications[2].colour: is not a known key", "lower_snake_case",
        "behaviours: must list at least one item", "channels[0].label: is required",
        "forces: is required", "extra: is not a known key"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

}  // namespace
}  // namespace vigil::domain
