#include "domain/court_order/order_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vigil::domain::court_order {
namespace {

std::string ReadSource(const std::string& relative) {
  const char* root = std::getenv("VIGIL_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, std::string> SourceFiles() {
  return {{"config/orders/order_types.yaml", ReadSource("config/orders/order_types.yaml")},
          {"config/orders/terms.yaml", ReadSource("config/orders/terms.yaml")}};
}

bool HasError(const core::Status& status, std::string_view field_part,
              std::string_view message_part) {
  for (const core::FieldError& error : status.field_errors()) {
    if (error.field.find(field_part) != std::string::npos &&
        error.message.find(message_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(OrderConfigTest, EmbeddedDefaultParsesAndMatchesTheSourceTree) {
  auto embedded = DefaultOrderConfig();
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  auto source = ParseOrderConfig(SourceFiles());
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ(embedded->version, source->version);
  EXPECT_EQ(embedded->version, "order_types@1;terms@1");
  EXPECT_EQ(embedded->order_types.size(), source->order_types.size());
}

TEST(OrderConfigTest, StalkingProtectionOrderRulesAreAsTheActSays) {
  auto config = DefaultOrderConfig().value();
  const OrderType* spo = config.FindType("spo");
  ASSERT_NE(spo, nullptr);
  EXPECT_EQ(spo->applicant, "chief_officer");
  EXPECT_EQ(spo->court, "magistrates");
  EXPECT_TRUE(spo->interim_allowed);
  EXPECT_EQ(spo->minimum_months, 24);
  EXPECT_TRUE(spo->until_further_order);
  EXPECT_TRUE(spo->duration_rule.verified);
  EXPECT_TRUE(spo->notification.required);
  EXPECT_EQ(spo->notification.initial_days, 3);
  EXPECT_EQ(spo->notification.change_days, 3);
  EXPECT_TRUE(spo->notification.not_again_after_interim);
  EXPECT_FALSE(spo->notification.counting_verified);
  EXPECT_EQ(spo->breach_offence.code, "H20164");
  EXPECT_TRUE(spo->breach_offence.verified);
  // Restraining orders: shared model, own rules, unverified law marked so.
  const OrderType* on_acquittal = config.FindType("restraining_order_acquittal");
  ASSERT_NE(on_acquittal, nullptr);
  EXPECT_EQ(on_acquittal->made_on, "acquittal");
  EXPECT_FALSE(on_acquittal->interim_allowed);
  EXPECT_FALSE(on_acquittal->notification.required);
  EXPECT_FALSE(on_acquittal->breach_offence.verified);
  EXPECT_NE(config.FindType("restraining_order_conviction"), nullptr);
  EXPECT_EQ(config.expiry_reminders_days, (std::vector<int>{30, 60, 90}));
  const StandardTerm* zone = config.FindTerm("exclusion_zone");
  ASSERT_NE(zone, nullptr);
  EXPECT_TRUE(zone->needs_area);
  EXPECT_EQ(config.FindTerm("custom"), nullptr);
}

TEST(OrderConfigTest, EveryProblemIsReportedWithFileLineAndKey) {
  auto files = SourceFiles();
  std::string& types = files["config/orders/order_types.yaml"];
  auto replace = [](std::string& text, std::string_view from, std::string_view to) {
    std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace(types, "applicant: chief_officer", "applicant: victim");
  replace(types, "initial_days: 3", "initial_days: 0");
  replace(types, "code: H20164", "code: \"\"");
  replace(types, "expiry_reminders_days: [30, 60, 90]", "expiry_reminders_days: [60, 30]");
  replace(types, "made_on: conviction", "made_on: conviction\n    colour: red");
  std::string& terms = files["config/orders/terms.yaml"];
  replace(terms, "kind: prohibition", "kind: suggestion");
  replace(terms, "order_types: [spo]", "order_types: [spo, injunction]");
  auto config = ParseOrderConfig(files);
  ASSERT_FALSE(config.ok());
  const core::Status& status = config.status();
  EXPECT_TRUE(HasError(status, "order_types.yaml:", "must be one of chief_officer, prosecution"))
      << status;
  EXPECT_TRUE(HasError(status, "order_types[0].applicant", "must be one of")) << status;
  EXPECT_TRUE(HasError(status, "notification.initial_days", "from 1 to 31")) << status;
  EXPECT_TRUE(HasError(status, "breach_offence.code", "needs its code")) << status;
  EXPECT_TRUE(HasError(status, "expiry_reminders_days[1]", "larger than")) << status;
  EXPECT_TRUE(HasError(status, "order_types[1].colour", "")) << status;
  EXPECT_TRUE(HasError(status, "terms.yaml:", "must be one of prohibition, requirement")) << status;
  EXPECT_TRUE(HasError(status, "terms[5].order_types", "'injunction' is not an order type"))
      << status;
  // Each field names its line.
  for (const core::FieldError& error : status.field_errors()) {
    EXPECT_NE(error.field.find(".yaml:"), std::string::npos) << error.field;
    EXPECT_EQ(error.field.find(".yaml:0:"), std::string::npos) << error.field;
  }
}

TEST(OrderConfigTest, MissingAndBrokenFilesAreErrors) {
  auto files = SourceFiles();
  files.erase("config/orders/terms.yaml");
  files["config/orders/order_types.yaml"] = "order_types: [unclosed";
  auto config = ParseOrderConfig(files);
  ASSERT_FALSE(config.ok());
  EXPECT_TRUE(HasError(config.status(), "terms.yaml:0", "is missing")) << config.status();
  EXPECT_TRUE(HasError(config.status(), "order_types.yaml:", "")) << config.status();
}

TEST(OrderConfigTest, ReservedAndDuplicateIdsAreRejected) {
  auto files = SourceFiles();
  std::string& terms = files["config/orders/terms.yaml"];
  terms.replace(terms.find("id: no_monitoring"), 17, "id: no_contact");
  terms.replace(terms.find("id: no_publication"), 18, "id: custom");
  auto config = ParseOrderConfig(files);
  ASSERT_FALSE(config.ok());
  EXPECT_TRUE(HasError(config.status(), "terms[3].id", "appears twice")) << config.status();
  EXPECT_TRUE(HasError(config.status(), "terms[4].id", "reserved")) << config.status();
}

}  // namespace
}  // namespace vigil::domain::court_order
