// Fuzzes screening end to end: the strict facts parser, then (for facts it
// accepts) the whole engine, the JSON and text outputs, and an override.
// Any input must give a Result, never a crash or an escaping exception; an
// accepted document must screen, serialise and round-trip.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "domain/screening/explain.h"
#include "domain/screening/result_json.h"
#include "domain/screening/screening_engine.h"

namespace {

const vigil::domain::screening::ScreeningEngine& Engine() {
  static const vigil::domain::screening::ScreeningEngine engine = [] {
    auto built = vigil::domain::screening::ScreeningEngine::Default();
    if (!built.ok()) {
      std::cerr << built.status() << std::endl;
      std::abort();
    }
    return std::move(built).value();
  }();
  return engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace screening = vigil::domain::screening;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto facts = Engine().ParseFactsText(text);
  if (!facts.ok()) return 0;
  screening::ScreeningResult result = Engine().Screen(*facts);
  (void)screening::ToJson(result).dump();
  (void)screening::Explain(result, true);
  auto again = Engine().ParseFacts(screening::FactsToJson(*facts));
  if (!again.ok() || !(*again == *facts)) std::abort();  // Must round-trip.
  auto downgrade = Engine().ApplyOverride(
      *facts, {"harassment", "The suspect is a bailiff acting under a court warrant."});
  if (downgrade.ok()) (void)screening::ToJson(*downgrade).dump();
  auto risk = Engine().ApplyRiskOverride(
      *facts, {"high", "The victim describes new threats made to her family this week."});
  if (risk.ok()) (void)screening::Explain(*risk);
  return 0;
}
