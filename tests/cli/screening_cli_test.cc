// End-to-end: `vigil screen`, `vigil check-config` and reloading the
// screening rules of a running `vigil serve` with SIGHUP, through the built
// binary run as a subprocess.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>

#include "cli/subprocess.h"
#include "testing/screening_examples.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono_literals;

const std::string kVigil = VIGIL_BINARY;

const char* const kExPartnerFacts = vigil::testing::kExPartnerFactsJson;

class ScreeningCliTest : public ::testing::Test {
 protected:
  Completed Vigil(std::vector<std::string> arguments, const std::string& input = "") {
    arguments.insert(arguments.begin(), kVigil);
    return RunToCompletion(arguments, folder_.path(), input);
  }

  // A copy of the shipped config folder that a test may change.
  std::string CopyOfConfig() {
    std::string copy = folder_.File("config");
    std::filesystem::copy(vigil::testing::SourcePath("config"), copy,
                          std::filesystem::copy_options::recursive);
    return copy;
  }

  vigil::testing::TempDir folder_;
  std::string config_ = vigil::testing::SourcePath("config");
};

TEST_F(ScreeningCliTest, ScreensAFileAsJson) {
  std::string facts = folder_.File("facts.json");
  WriteFile(facts, kExPartnerFacts);
  Completed run = Vigil({"screen", facts, "--config", config_});
  ASSERT_EQ(run.status.code, 0) << run.err;
  nlohmann::json result = nlohmann::json::parse(run.out);
  EXPECT_EQ(result["rules_version"], "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_EQ(result["stalking_indicated"], true);
  EXPECT_EQ(result["primary"]["offence"], "stalking");
  EXPECT_EQ(result["included"], nlohmann::json({"harassment", "improper_use_of_network"}));
  EXPECT_EQ(result["risk"]["level"], "medium");
}

TEST_F(ScreeningCliTest, ExplainsInPlainEnglishFromStandardInput) {
  Completed run = Vigil({"screen", "-", "--format", "text", "--config", config_}, kExPartnerFacts);
  ASSERT_EQ(run.status.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Stalking indicated: yes."));
  EXPECT_THAT(run.out, HasSubstr("Primary classification: Stalking, Protection from Harassment "
                                 "Act 1997 s.2A"));
  EXPECT_THAT(run.out, HasSubstr("Occasions relied on: 30 May 2026 (occasion 1), 9 June 2026 "
                                 "(occasion 2)."));
  EXPECT_THAT(run.out, HasSubstr("Have you changed anything you do because of this?"));
}

TEST_F(ScreeningCliTest, AppliesADowngradeOnlyWithAReason) {
  nlohmann::json request = nlohmann::json::parse(kExPartnerFacts);
  request["override"] = {{"offence", "harassment"}, {"reason", "harassment only"}};
  Completed refused = Vigil({"screen", "-", "--config", config_}, request.dump());
  EXPECT_EQ(refused.status.code, 2);
  EXPECT_THAT(refused.err, HasSubstr("override.reason"));
  EXPECT_EQ(refused.out, "");

  request["override"]["reason"] =
      "The victim confirms the suspect was returning her belongings as agreed through solicitors.";
  Completed accepted = Vigil({"screen", "-", "--config", config_}, request.dump());
  ASSERT_EQ(accepted.status.code, 0) << accepted.err;
  nlohmann::json result = nlohmann::json::parse(accepted.out);
  EXPECT_EQ(result["primary"]["offence"], "harassment");
  EXPECT_EQ(result["override"]["downgrade_from_stalking"], true);
}

TEST_F(ScreeningCliTest, BadInputExitsTwoListingEveryProblemWithItsPath) {
  nlohmann::json facts = nlohmann::json::parse(kExPartnerFacts);
  facts["relationship"] = "pen_friend";
  facts["occasions"][1]["date"] = "2026-02-30";
  facts["favourite_colour"] = "blue";
  facts["report_id"] = 4;  // Only the API stores screenings.
  Completed run = Vigil({"screen", "-", "--config", config_}, facts.dump());
  EXPECT_EQ(run.status.code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("relationship"));
  EXPECT_THAT(run.err, HasSubstr("occasions[1].date"));
  EXPECT_THAT(run.err, HasSubstr("favourite_colour"));
  EXPECT_THAT(run.err, HasSubstr("report_id"));

  Completed not_json = Vigil({"screen", "-", "--config", config_}, "{\"facts_version\": 1,");
  EXPECT_EQ(not_json.status.code, 2);
  EXPECT_THAT(not_json.err, HasSubstr("standard input is not JSON"));

  Completed missing = Vigil({"screen", folder_.File("nowhere.json"), "--config", config_});
  EXPECT_EQ(missing.status.code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nowhere.json"));
}

TEST_F(ScreeningCliTest, ChecksTheConfigurationAndListsEveryProblem) {
  Completed good = Vigil({"check-config", "--config", config_});
  ASSERT_EQ(good.status.code, 0) << good.err;
  EXPECT_THAT(good.out, HasSubstr("is valid"));
  EXPECT_THAT(good.out, HasSubstr("screening rules questionnaire@1;offences@1;risk@1;actions@1"));
  EXPECT_THAT(good.out, HasSubstr("court orders order_types@1;terms@1"));

  std::string copy = CopyOfConfig();
  std::string actions = copy + "/screening/actions.yaml";
  std::string text = ReadFile(actions);
  text = std::regex_replace(text, std::regex("\nversion: 1\n"), "\nversion: one\n");
  WriteFile(actions, text);
  std::filesystem::remove(copy + "/screening/risk.yaml");
  std::string terms = copy + "/orders/terms.yaml";
  WriteFile(terms, std::regex_replace(ReadFile(terms), std::regex("needs_area: true"),
                                      "needs_area: perhaps"));
  Completed bad = Vigil({"check-config", "--config", copy});
  EXPECT_EQ(bad.status.code, 2);
  EXPECT_THAT(bad.err, HasSubstr("actions.yaml:"));
  EXPECT_THAT(bad.err, HasSubstr("risk.yaml:0"));
  EXPECT_THAT(bad.err, HasSubstr("terms.yaml:"));
  EXPECT_THAT(bad.err, HasSubstr("needs_area: must be true or false"));
  EXPECT_THAT(bad.err, HasSubstr("problems"));
}

// Polls GET /api/v1/screening-rules until it reports `version` (at most 30 s).
bool WaitForRules(int port, const std::string& version) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    httplib::Client client("127.0.0.1", port);
    httplib::Result result = client.Get("/api/v1/screening-rules");
    if (result && result->status == 200 &&
        nlohmann::json::parse(result->body)["rules_version"] == version) {
      return true;
    }
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST_F(ScreeningCliTest, ServeReloadsTheRulesOnSighupAndKeepsGoodRulesOverBadOnes) {
  std::string copy = CopyOfConfig();
  int port = FreePort();
  Subprocess serve({kVigil, "serve", "--db", folder_.File("vigil.db"), "--listen",
                    "127.0.0.1:" + std::to_string(port), "--config", copy, "--threads", "4"},
                   folder_.File("serve.out"), folder_.File("serve.err"));
  ASSERT_TRUE(WaitForRules(port, "questionnaire@1;offences@1;risk@1;actions@1"))
      << ReadFile(folder_.File("serve.err"));

  std::string actions = copy + "/screening/actions.yaml";
  std::string original = ReadFile(actions);
  WriteFile(actions, std::regex_replace(original, std::regex("\nversion: 1\n"), "\nversion: 2\n"));
  serve.Signal(SIGHUP);
  EXPECT_TRUE(WaitForRules(port, "questionnaire@1;offences@1;risk@1;actions@2"))
      << ReadFile(folder_.File("serve.err"));

  WriteFile(actions, "schema_version: 1\nversion: 3\nactions: [oops\n");
  serve.Signal(SIGHUP);
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (ReadFile(folder_.File("serve.err")).find("not reloaded") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_THAT(ReadFile(folder_.File("serve.err")),
              HasSubstr("Screening rules not reloaded; the previous rules stay in force."));
  EXPECT_THAT(ReadFile(folder_.File("serve.err")), HasSubstr("actions.yaml"));
  EXPECT_TRUE(WaitForRules(port, "questionnaire@1;offences@1;risk@1;actions@2"));

  serve.Signal(SIGTERM);
  std::optional<ExitStatus> stopped = serve.WaitFor(30s);
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->code, 0);
  EXPECT_THAT(ReadFile(folder_.File("serve.out")),
              HasSubstr("Screening rules reloaded: questionnaire@1;offences@1;risk@1;actions@2"));
}

}  // namespace
}  // namespace vigil::cli_test
