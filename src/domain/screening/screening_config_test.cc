// Loading config/screening: the real files load cleanly, and every problem
// is reported with its file, line and key (and column for rules).

#include "domain/screening/screening_config.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::ConfigFiles;

// 1-based line of the first occurrence of `needle` in `text` (0 if absent);
// a needle starting with a line break names the line after it. (Problems
// with a whole map or list are reported at the line of its first entry.)
int LineOf(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  if (at == std::string::npos) return 0;
  if (!needle.empty() && needle.front() == '\n') ++at;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// The config with `from` replaced by `to` (once) in `file`.
std::map<std::string, std::string> Edited(const std::string& file, const std::string& from,
                                          const std::string& to) {
  std::map<std::string, std::string> files = ConfigFiles();
  std::size_t at = files[file].find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) files[file].replace(at, from.size(), to);
  return files;
}

core::Status Load(const std::map<std::string, std::string>& files) {
  return ParseScreeningConfig(files, vigil::testing::TestLookups()).status();
}

// True when `status` has the field error "file:line: key" whose message contains `message`.
::testing::AssertionResult HasError(const core::Status& status, const std::string& field,
                                    const std::string& message) {
  for (const core::FieldError& error : status.field_errors()) {
    if (error.field == field && error.message.find(message) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error " << field << ": " << message << " in\n"
                                       << status;
}

// Edits `file` and expects the error at the line of `marker` (in the
// edited text) under `key`.
void ExpectError(const std::string& file, const std::string& from, const std::string& to,
                 const std::string& marker, const std::string& key, const std::string& message) {
  auto files = Edited(file, from, to);
  core::Status status = Load(files);
  ASSERT_FALSE(status.ok()) << from << " -> " << to;
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  int line = LineOf(files[file], marker);
  ASSERT_GT(line, 0) << marker;
  EXPECT_TRUE(HasError(status, file + ":" + std::to_string(line) + ": " + key, message));
}

TEST(ScreeningConfigTest, RealFilesLoadCleanly) {
  auto config = ParseScreeningConfig(ConfigFiles(), vigil::testing::TestLookups());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->rules_version, "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_EQ(config->offences.offences.size(), 11u);
  EXPECT_EQ(config->risk.ItemBankVersion(), "vigil_stalking_risk@1");
  EXPECT_EQ(config->risk.items.size(), 15u);
  EXPECT_EQ(config->risk.escalation_factors.size(), 8u);
  EXPECT_FALSE(config->actions.actions.empty());
  // The facts the rules read, so the engine builds only those for them.
  for (const char* key : {"relationship", "occasions", "risk_answers", "result", "risk"}) {
    EXPECT_NE(std::find(config->fact_keys_read.begin(), config->fact_keys_read.end(), key),
              config->fact_keys_read.end())
        << key;
  }
  EXPECT_EQ(std::find(config->fact_keys_read.begin(), config->fact_keys_read.end(), "report_date"),
            config->fact_keys_read.end());
  EXPECT_NE(config->questionnaire.FindByFact("impact.changed_usual_activities"), nullptr);
  // Every stalking offence carries its verified HOCR codes.
  EXPECT_EQ(config->offences.Find("stalking")->form.offence_code, "195/12");
  EXPECT_EQ(config->offences.Find("stalking_fear_of_violence")->form.offence_code, "8/65");
  EXPECT_EQ(config->offences.Find("stalking_serious_alarm_distress")->form.offence_code, "8/66");
  EXPECT_EQ(config->offences.Find("harassment")->aggravated->hocr_classification, "8M");
  EXPECT_FALSE(config->offences.Find("controlling_coercive_behaviour")->form.codes_verified);
}

TEST(ScreeningConfigTest, EmbeddedFilesAreTheSourceFiles) {
  std::map<std::string, std::string> files = ConfigFiles();
  int found = 0;
  for (const core::EmbeddedFile& file : EmbeddedScreeningConfigFiles()) {
    auto it = files.find(std::string(file.name));
    if (it == files.end()) continue;
    ++found;
    EXPECT_EQ(it->second, file.content) << file.name << " is stale: rebuild";
  }
  EXPECT_EQ(found, 4);
  EXPECT_TRUE(DefaultScreeningConfig().ok());
}

TEST(ScreeningConfigTest, MissingFilesAndSyntaxErrors) {
  std::map<std::string, std::string> files = ConfigFiles();
  files.erase("risk.yaml");
  files["config/screening/notes.txt"] = "ignored";
  EXPECT_TRUE(HasError(Load(files), "risk.yaml:0", "is missing"));
  auto broken = Edited("actions.yaml", "actions:\n", "actions: [\n");
  EXPECT_TRUE(HasError(
      Load(broken),
      "actions.yaml:" + std::to_string(LineOf(broken["actions.yaml"], "  - id: consider_arrest")),
      ""));
  // Files are matched by name after the last '/'.
  std::map<std::string, std::string> paths;
  for (const auto& [name, text] : ConfigFiles()) paths["config/screening/" + name] = text;
  EXPECT_TRUE(Load(paths).ok());
}

TEST(ScreeningConfigTest, ReportsEveryProblemInEveryFile) {
  auto files = Edited("offences.yaml", "schema_version: 1", "schema_version: 2");
  std::size_t at = files["risk.yaml"].find("\nversion: 1\n");
  files["risk.yaml"].replace(at, 12, "\nversion: 0\n");
  files["actions.yaml"] += "colour: red\n";
  core::Status status = Load(files);
  EXPECT_TRUE(
      HasError(status,
               "offences.yaml:" + std::to_string(LineOf(files["offences.yaml"], "schema_version")) +
                   ": schema_version",
               "must be 1"));
  EXPECT_TRUE(HasError(
      status,
      "risk.yaml:" + std::to_string(LineOf(files["risk.yaml"], "\nversion: 0")) + ": version",
      "must be a whole number from 1"));
  EXPECT_TRUE(HasError(
      status,
      "actions.yaml:" + std::to_string(LineOf(files["actions.yaml"], "colour: red")) + ": colour",
      "is not a known key"));
}

TEST(ScreeningConfigTest, OffenceErrors) {
  ExpectError("offences.yaml", "id: false_communications", "id: fake_communications",
              "id: fake_communications", "offences[10].id",
              "is not an offence the screening engine knows");
  ExpectError("offences.yaml", "id: false_communications", "id: fake_communications",
              "  - id: stalking_fear_of_violence", "offences",
              "must list the offence 'false_communications'");
  ExpectError("offences.yaml", "id: false_communications", "id: harassment",
              "id: harassment\n    label: False", "offences[10].id", "'harassment' appears twice");
  ExpectError("offences.yaml",
              "max_penalty: 5 years\n    mode_of_trial: either_way\n    summary_only: false\n    "
              "hocr_classification: 8U",
              "max_penalty: five years\n    mode_of_trial: either_way\n    summary_only: false\n   "
              " hocr_classification: 8U",
              "five years", "offences[4].max_penalty",
              "must be a number of weeks, months or years");
  ExpectError("offences.yaml",
              "mode_of_trial: summary\n    summary_only: true\n    hocr_classification: 8R",
              "mode_of_trial: indictable\n    summary_only: true\n    hocr_classification: 8R",
              "indictable", "offences[8].mode_of_trial", "must be summary or either_way");
  ExpectError("offences.yaml",
              "mode_of_trial: summary\n    summary_only: true\n    hocr_classification: 8R",
              "mode_of_trial: summary\n    summary_only: false\n    hocr_classification: 8R",
              "summary_only: false\n    hocr_classification: 8R\n    offence_code: \"\"\n    "
              "codes_verified: false\n\n  - id: persistent",
              "offences[8].summary_only", "must be true exactly when mode_of_trial is summary");
  ExpectError("offences.yaml", "    codes_verified: false\n\n  - id: threatening_communications",
              "    codes_verified: false\n    aggravated: {statute: x, max_penalty: 1 year, "
              "mode_of_trial: either_way, summary_only: false, hocr_classification: 8U, "
              "codes_verified: false}\n\n  - id: threatening_communications",
              "aggravated: {statute", "offences[4].aggravated", "has no aggravated form");
  ExpectError("offences.yaml", "  - id: harassment\n", "  - id: harassment\n    colour: red\n",
              "colour: red", "offences[7].colour", "is not a known key");
  ExpectError("offences.yaml", "  - id: harassment\n",
              "  - id: harassment\n    label: \"\"\n    x: 1\n", "x: 1", "offences[7].x",
              "is not a known key");
}

TEST(ScreeningConfigTest, OffenceNeedsItsAggravatedForm) {
  auto files = ConfigFiles();
  std::string& text = files["offences.yaml"];
  std::size_t start = text.find("    aggravated:", text.find("  - id: harassment\n"));
  std::size_t end = text.find("\n\n", start);
  text.erase(start, end - start);
  core::Status status = Load(files);
  EXPECT_TRUE(HasError(
      status,
      "offences.yaml:" + std::to_string(LineOf(text, "  - id: harassment\n")) + ": offences[7]",
      "needs an aggravated form"));
}

TEST(ScreeningConfigTest, RiskErrors) {
  ExpectError("risk.yaml", "when: relationship == \"ex_partner\"",
              "when: relationship == \"ex_partnr\"", "ex_partnr", "escalation_factors[4].when",
              "column 17: \"ex_partnr\" is not a value of 'relationship'");
  ExpectError("risk.yaml", "when: relationship == \"ex_partner\"",
              "when: result.stalking_indicated", "result.stalking", "escalation_factors[4].when",
              "column 1: unknown fact 'result'");
  ExpectError("risk.yaml", "when: risk_answers.weapon_used_or_threatened == true",
              "when: risk_answers.weapon == true",
              "risk_answers.weapon ==", "escalation_factors[2].when",
              "column 14: unknown fact 'risk_answers.weapon'");
  ExpectError("risk.yaml", "    raises_to: medium\n  - id: escalating",
              "    raises_to: standard\n  - id: escalating", "raises_to: standard",
              "escalation_factors[4].raises_to", "must be medium or high");
  ExpectError("risk.yaml", "  medium_from: 4", "  medium_from: 8", "  medium_from: 8", "thresholds",
              "need 1 <= medium_from < high_from");
  ExpectError("risk.yaml", "  - id: property_damaged", "  - id: victim_very_frightened",
              "  - id: victim_very_frightened\n    text: Has", "items[2].id", "appears twice");
  ExpectError("risk.yaml", "    scored: true\n  - id: property_damaged",
              "    scored: true\n    weight: 2\n  - id: property_damaged", "weight: 2",
              "items[1].weight", "is not a known key");
  ExpectError("risk.yaml", "item_bank: vigil_stalking_risk", "item_bank: Vigil Risk",
              "item_bank:", "item_bank", "must be lower_snake_case");
}

TEST(ScreeningConfigTest, QuestionnaireErrors) {
  ExpectError("questionnaire.yaml", "fact: people_targeted", "fact: people_count",
              "fact: people_count", "questions[1].fact",
              "'people_count' is not a fact in the facts contract");
  ExpectError("questionnaire.yaml", "fact: people_targeted", "fact: relationship",
              "fact: relationship\n    text: How many", "questions[1].fact",
              "is answered by another question");
  ExpectError("questionnaire.yaml", "    answer: choice\n    options_from: relationships",
              "    answer: yes_no\n    options_from: relationships",
              "answer: yes_no\n    options_from", "questions[0].answer",
              "'yes_no' does not fit 'relationship'");
  ExpectError("questionnaire.yaml", "    answer: choice\n    options_from: relationships",
              "    answer: yes_no", "answer: yes_no\n  - id: people", "questions[0].answer",
              "does not fit");
  ExpectError("questionnaire.yaml", "    options_from: channels", "    options_from: colours",
              "options_from: colours", "questions[4].options_from",
              "must be relationships, channels or behaviours");
  ExpectError("questionnaire.yaml", "    options_from: channels", "", "  - id: occasion_channel",
              "questions[4]", "needs exactly one of options and options_from");
  ExpectError("questionnaire.yaml", "      - {value: disability, text: Disability}",
              "      - {value: age, text: Age}", "      - {value: race", "questions[24].options",
              "option 'age' is not a value of the fact");
  ExpectError("questionnaire.yaml", "    answer: number\n",
              "    answer: number\n    options: [{value: a, text: b}]\n", "options: [{value: a",
              "questions[1].options", "is only for choice and multi_choice");
  ExpectError("questionnaire.yaml", "show_if: channel != \"in_person\"",
              "show_if: channel != \"in person\"", "in person", "questions[7].show_if",
              "column 12: \"in person\" is not a value of 'channel'");
  ExpectError("questionnaire.yaml", "show_if: channel != \"in_person\"",
              "show_if: risk.level == \"high\"", "risk.level", "questions[7].show_if",
              "column 1: unknown fact 'risk'");
  ExpectError("questionnaire.yaml", "show_if: any(occasions, message != null)",
              "show_if: any(occasions, message != null", "any(occasions, message != null\n",
              "questions[20].show_if", "column 31: expected ')' but found the end");
  ExpectError("questionnaire.yaml", "    questions: [relationship, people_targeted]",
              "    questions: [relationship, people_targeted, victim_age]", "victim_age]",
              "sections[0].questions[2]", "'victim_age' is not a question defined under questions");
  ExpectError("questionnaire.yaml", "    questions: [relationship, people_targeted]",
              "    questions: [relationship, people_targeted, relationship]",
              "people_targeted, relationship]", "sections[0].questions[2]",
              "'relationship' is already in a section");
  ExpectError("questionnaire.yaml", "    questions: [relationship, people_targeted]",
              "    questions: [relationship]", "  - id: people_targeted", "questions",
              "question 'people_targeted' is in no section");
  ExpectError("questionnaire.yaml", "    fact: impact.changed_usual_activities",
              "    fact: report_date", "  - id: relationship\n    fact:", "questions",
              "no question answers 'impact.changed_usual_activities'");
  ExpectError("questionnaire.yaml", "    text: How do you know the person who is doing this?",
              "    text: \"  \"", "    text: \"  \"", "questions[0].text", "must not be empty");
  ExpectError("questionnaire.yaml", "  - id: people_targeted\n",
              "  - id: people_targeted\n    required: true\n", "required: true",
              "questions[1].required", "is not a known key");
}

TEST(ScreeningConfigTest, ActionErrors) {
  ExpectError("actions.yaml", "kind: supervision", "kind: oversight", "kind: oversight",
              "actions[14].kind", "must be investigative, safeguarding");
  ExpectError("actions.yaml", "when: risk.level == \"high\" or result.stalking_downgrade_requested",
              "when: risk.level = \"high\"", "risk.level = ", "actions[14].when",
              "column 12: unexpected character '='");
  ExpectError("actions.yaml", "when: risk.level == \"high\" or result.stalking_downgrade_requested",
              "when: risk.level == \"severe\"", "severe", "actions[14].when",
              "column 15: \"severe\" is not a value of 'level'");
  ExpectError("actions.yaml", "when: result.stalking_indicated\n    priority: 3",
              "when: result.primary == \"stalker\"\n    priority: 3", "stalker", "actions[7].when",
              "\"stalker\" is not a value of 'primary'");
  ExpectError("actions.yaml",
              "    priority: 1\n    due_within_hours: 24\n    owner_role: supervisor",
              "    priority: 0\n    due_within_hours: 24\n    owner_role: supervisor",
              "priority: 0", "actions[14].priority", "must be a whole number from 1");
  ExpectError("actions.yaml", "    due_within_hours: 24\n    owner_role: supervisor",
              "    due_within_hours: 0\n    owner_role: supervisor", "due_within_hours: 0",
              "actions[14].due_within_hours", "must be a whole number of hours");
  ExpectError("actions.yaml", "owner_role: supervisor", "owner_role: The Supervisor",
              "The Supervisor", "actions[14].owner_role", "must be lower_snake_case");
  ExpectError("actions.yaml", "  - id: supervisor_review\n",
              "  - id: supervisor_review\n    weight: 3\n", "weight: 3", "actions[14].weight",
              "is not a known key");
  ExpectError("actions.yaml", "    owner_role: supervisor\n    police_information_notice: false",
              "    owner_role: supervisor", "  - id: supervisor_review",
              "actions[14].police_information_notice", "is required");
  ExpectError("actions.yaml", "when: \"true\"\n    priority: 2", "when: [true]\n    priority: 2",
              "when: [true]", "actions[5].when", "must be a rule written as text");
}

TEST(ScreeningConfigTest, PenaltyText) {
  EXPECT_EQ(ParsePenaltyMonths("6 months"), 6);
  EXPECT_EQ(ParsePenaltyMonths("1 month"), 1);
  EXPECT_EQ(ParsePenaltyMonths("10 years"), 120);
  EXPECT_EQ(ParsePenaltyMonths("51 weeks"), 11);
  EXPECT_EQ(ParsePenaltyMonths("1 week"), 1);
  EXPECT_FALSE(ParsePenaltyMonths("ten years"));
  EXPECT_FALSE(ParsePenaltyMonths("10years"));
  EXPECT_FALSE(ParsePenaltyMonths("10 decades"));
  EXPECT_FALSE(ParsePenaltyMonths("0 years"));
  EXPECT_FALSE(ParsePenaltyMonths("-1 years"));
  EXPECT_FALSE(ParsePenaltyMonths("life"));
}

}  // namespace
}  // namespace vigil::domain::screening
