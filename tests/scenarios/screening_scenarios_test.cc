// Runs every data-driven screening scenario (tests/scenarios/screening/*.json)
// through the engine with the real config files, and checks each file's
// `expect` block (format: tests/scenarios/screening/README.md). One test per
// file, named after it; a failure lists every difference, then the engine's
// candidates, so the file can be fixed or the engine questioned.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/config_reader.h"
#include "domain/screening/result_json.h"
#include "domain/screening/screening_engine.h"
#include "testing/test_lookups.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

fs::path ScenarioFolder() { return fs::path(VIGIL_SOURCE_DIR) / "tests/scenarios/screening"; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(ScenarioFolder(), error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The engine over config/screening and config/lookups in the source tree.
const ScreeningEngine& Engine() {
  static const ScreeningEngine engine = [] {
    std::map<std::string, std::string> files;
    for (const char* name : {"questionnaire.yaml", "offences.yaml", "risk.yaml", "actions.yaml"}) {
      files[name] = ReadFile(fs::path(VIGIL_SOURCE_DIR) / "config/screening" / name);
    }
    auto built = ScreeningEngine::FromFiles(files, vigil::testing::TestLookups());
    if (!built.ok()) {
      std::cerr << built.status() << std::endl;
      std::abort();
    }
    return std::move(built).value();
  }();
  return engine;
}

std::string Show(const std::set<std::string>& values) {
  std::string out = "[";
  for (const std::string& value : values) out += (out.size() > 1 ? ", " : "") + value;
  return out + "]";
}

// Collects the differences between a scenario and the engine's result.
class Diff {
 public:
  void Add(const std::string& line) { lines_.push_back(line); }
  bool empty() const { return lines_.empty(); }
  std::string Text() const {
    std::string out;
    for (const std::string& line : lines_) out += "  - " + line + "\n";
    return out;
  }

  // `key` must be a list of text: its values, or a recorded problem.
  std::optional<std::set<std::string>> Strings(const json& expect, const char* key) {
    if (!expect.contains(key)) return std::nullopt;
    const json& list = expect[key];
    if (!list.is_array() ||
        !std::all_of(list.begin(), list.end(), [](const json& item) { return item.is_string(); })) {
      Add(std::string("scenario error: expect.") + key + " must be a list of text");
      return std::nullopt;
    }
    return std::set<std::string>(list.begin(), list.end());
  }

  // Exactly `expected` (a set); reports what is missing and unexpected.
  void Exact(const std::string& what, const std::set<std::string>& expected,
             const std::set<std::string>& actual) {
    std::set<std::string> missing;
    std::set<std::string> extra;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::inserter(missing, missing.end()));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                        std::inserter(extra, extra.end()));
    if (!missing.empty()) Add(what + ": missing " + Show(missing) + " (got " + Show(actual) + ")");
    if (!extra.empty()) Add(what + ": unexpected " + Show(extra) + " (got " + Show(actual) + ")");
  }

  void Includes(const std::string& what, const std::set<std::string>& expected,
                const std::set<std::string>& actual) {
    std::set<std::string> missing;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::inserter(missing, missing.end()));
    if (!missing.empty()) Add(what + ": missing " + Show(missing) + " (got " + Show(actual) + ")");
  }

  void Excludes(const std::string& what, const std::set<std::string>& forbidden,
                const std::set<std::string>& actual) {
    std::set<std::string> present;
    std::set_intersection(forbidden.begin(), forbidden.end(), actual.begin(), actual.end(),
                          std::inserter(present, present.end()));
    if (!present.empty()) Add(what + ": must not contain " + Show(present));
  }

 private:
  std::vector<std::string> lines_;
};

// One line per candidate: status and the elements that are not met or unknown.
std::string Candidates(const ScreeningResult& result) {
  std::string out;
  for (const Candidate& candidate : result.candidates) {
    out += "  " + candidate.offence + ": " + std::string(CandidateStatusName(candidate.status));
    for (Element id : candidate.elements) {
      const ElementFinding& element = result.Finding(id);
      if (element.status == ElementStatus::kMet) continue;
      out += "; " + std::string(ElementId(element.element)) + " " +
             std::string(ElementStatusName(element.status));
    }
    out += "\n";
  }
  return out;
}

void CheckResult(const json& expect, const ScreeningResult& result, Diff& diff) {
  if (!expect["stalking_indicated"].is_boolean()) {
    diff.Add("scenario error: expect.stalking_indicated must be true or false");
  } else if (expect["stalking_indicated"].get<bool>() != result.stalking_indicated) {
    diff.Add(std::string("stalking_indicated: expected ") +
             (result.stalking_indicated ? "false, got true" : "true, got false"));
  }
  const json& primary = expect["primary"];
  std::string actual_primary = result.primary ? result.primary->offence : "null";
  if (!primary.is_null() && !primary.is_string()) {
    diff.Add("scenario error: expect.primary must be an offence id or null");
  } else if ((primary.is_null() ? "null" : primary.get<std::string>()) != actual_primary) {
    diff.Add("primary: expected " + (primary.is_null() ? "null" : primary.get<std::string>()) +
             ", got " + actual_primary);
  }
  std::set<std::string> included(result.included.begin(), result.included.end());
  if (auto expected = diff.Strings(expect, "included")) diff.Exact("included", *expected, included);
  std::set<std::string> actions;
  for (const PlannedAction& action : result.actions) actions.insert(action.id);
  if (auto expected = diff.Strings(expect, "actions_include")) {
    diff.Includes("actions", *expected, actions);
  }
  if (auto expected = diff.Strings(expect, "actions_exclude")) {
    diff.Excludes("actions", *expected, actions);
  }
  std::set<std::string> asked;
  for (const NextQuestion& question : result.ask_next) asked.insert(question.fact);
  if (auto expected = diff.Strings(expect, "ask_next_includes")) {
    diff.Includes("ask_next", *expected, asked);
  }
  std::set<std::string> warnings;
  for (const Warning& warning : result.warnings) warnings.insert(warning.code);
  if (auto expected = diff.Strings(expect, "warnings_include")) {
    diff.Includes("warnings", *expected, warnings);
  }
  if (expect.contains("risk_level")) {
    std::string actual = result.risk ? result.risk->level : "null (no risk answers)";
    if (!expect["risk_level"].is_string() || expect["risk_level"].get<std::string>() != actual) {
      diff.Add("risk_level: expected " + expect["risk_level"].dump() + ", got " + actual);
    }
  }
}

void CheckOverride(const json& scenario, const Facts& facts, Diff& diff) {
  if (scenario.contains("override") != scenario.contains("expect_override")) {
    diff.Add("scenario error: override and expect_override go together");
    return;
  }
  if (!scenario.contains("override")) return;
  const json& expected = scenario["expect_override"];
  if (expected != "accepted" && expected != "rejected") {
    diff.Add("scenario error: expect_override must be \"accepted\" or \"rejected\"");
    return;
  }
  auto choice = ParseClassificationOverride(scenario["override"]);
  if (!choice.ok()) {
    diff.Add("scenario error: override: " + choice.status().ToString());
    return;
  }
  auto result = Engine().ApplyOverride(facts, *choice);
  std::string actual = result.ok() ? "accepted" : "rejected";
  if (actual != expected.get<std::string>()) {
    diff.Add("override: expected " + expected.get<std::string>() + ", got " + actual +
             (result.ok() ? "" : " (" + result.status().ToString() + ")"));
  }
  if (result.ok() && (!result->primary || result->primary->offence != choice->offence)) {
    diff.Add("override: accepted but the primary is not " + choice->offence);
  }
}

class ScreeningScenarioTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ScreeningScenarioTest, MatchesExpectations) {
  const std::string& name = GetParam();
  json scenario = json::parse(ReadFile(ScenarioFolder() / name), nullptr, false);
  ASSERT_FALSE(scenario.is_discarded()) << name << ": not valid JSON";
  ASSERT_TRUE(scenario.is_object()) << name << ": must be a JSON object";
  Diff diff;
  const std::set<std::string> keys = {"name",   "law",      "facts",
                                      "expect", "override", "expect_override"};
  const std::set<std::string> expect_keys = {
      "stalking_indicated", "primary",           "included",         "actions_include",
      "actions_exclude",    "ask_next_includes", "warnings_include", "risk_level"};
  for (auto it = scenario.begin(); it != scenario.end(); ++it) {
    if (!keys.contains(it.key())) diff.Add("scenario error: unknown key " + it.key());
  }
  for (const char* key : {"name", "law", "facts", "expect"}) {
    if (!scenario.contains(key)) diff.Add(std::string("scenario error: missing ") + key);
  }
  const json& expect = scenario.contains("expect") ? scenario["expect"] : json::object();
  for (auto it = expect.begin(); expect.is_object() && it != expect.end(); ++it) {
    if (!expect_keys.contains(it.key())) diff.Add("scenario error: unknown key expect." + it.key());
  }
  for (const char* key : {"stalking_indicated", "primary", "included"}) {
    if (!expect.is_object() || !expect.contains(key)) {
      diff.Add(std::string("scenario error: missing expect.") + key);
    }
  }
  ASSERT_TRUE(diff.empty()) << name << "\n" << diff.Text();

  auto facts = Engine().ParseFacts(scenario["facts"]);
  ASSERT_TRUE(facts.ok()) << name << ": facts rejected\n" << facts.status();
  ScreeningResult result = Engine().Screen(*facts);
  CheckResult(expect, result, diff);
  CheckOverride(scenario, *facts, diff);
  EXPECT_TRUE(diff.empty()) << name << " (" << scenario.value("name", "") << ")\n"
                            << diff.Text() << "engine candidates:\n"
                            << Candidates(result);
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ScreeningScenarioTest, ::testing::ValuesIn(ScenarioFiles()),
                         TestName);

TEST(ScreeningScenarioFiles, AreFound) {
  EXPECT_GE(ScenarioFiles().size(), 4u) << "no scenarios in " << ScenarioFolder();
}

}  // namespace
}  // namespace vigil::domain::screening
