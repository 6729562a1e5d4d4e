#pragma once
// Shared helpers for the vigil_screening unit tests: the engine over the
// real config files in the source tree, and facts from JSON text.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "domain/screening/screening_engine.h"
#include "testing/test_lookups.h"

namespace vigil::domain::screening::testing {

// The text of config/screening/<name>.
inline std::string ConfigText(const std::string& name) {
  std::ifstream in(vigil::testing::SourcePath("config/screening/" + name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The four screening config files from the source tree.
inline std::map<std::string, std::string> ConfigFiles() {
  std::map<std::string, std::string> files;
  for (const char* name : {"questionnaire.yaml", "offences.yaml", "risk.yaml", "actions.yaml"}) {
    files[name] = ConfigText(name);
  }
  return files;
}

// The engine over the real config (aborts the test binary if it is invalid).
inline const ScreeningEngine& Engine() {
  static const ScreeningEngine engine = [] {
    auto built = ScreeningEngine::FromFiles(ConfigFiles(), vigil::testing::TestLookups());
    if (!built.ok()) {
      std::cerr << built.status() << std::endl;
      std::abort();
    }
    return std::move(built).value();
  }();
  return engine;
}

// Facts from JSON text; fails the test when they do not parse.
inline Facts FactsFrom(const std::string& text) {
  auto facts = Engine().ParseFactsText(text);
  EXPECT_TRUE(facts.ok()) << facts.status();
  return facts.ok() ? std::move(facts).value() : Facts{};
}

// The element finding `element` of `offence` in `result`.
inline const ElementFinding* FindElement(const ScreeningResult& result, std::string_view offence,
                                         Element element) {
  const Candidate* candidate = result.FindCandidate(offence);
  if (candidate == nullptr) return nullptr;
  for (Element id : candidate->elements) {
    if (id == element) return &result.Finding(id);
  }
  return nullptr;
}

}  // namespace vigil::domain::screening::testing
