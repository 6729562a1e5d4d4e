// Screening latency: one realistic facts document (an ex-partner, six
// occasions in person and online, messages, risk answers) through the
// engine with the embedded config. Reported, not gated; target < 50 µs
// median for Screen. Run: build/<release>/vigil_screening_bench
// --benchmark_repetitions=10 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "domain/screening/result_json.h"
#include "domain/screening/screening_engine.h"

namespace {

namespace screening = vigil::domain::screening;

constexpr char kFacts[] = R"({
  "facts_version": 1, "report_date": "2026-06-15", "relationship": "ex_partner",
  "people_targeted": 1,
  "occasions": [
    {"date": "2026-04-02", "behaviours": ["turning_up", "loitering"], "channel": "in_person",
     "victim_feared_violence": false},
    {"date": "2026-04-20", "behaviours": ["contacting"], "channel": "text_message",
     "victim_feared_violence": null,
     "message": {"indecent_or_grossly_offensive": true, "menacing": false,
                 "threat_of_death_or_serious_harm": false, "known_false": false,
                 "public_network": true}},
    {"date": "2026-05-11", "behaviours": ["following", "watching_or_spying"],
     "channel": "in_person", "victim_feared_violence": true},
    {"date": "2026-05-30", "behaviours": ["contacting_third_parties"], "channel": "social_media",
     "victim_feared_violence": false,
     "message": {"indecent_or_grossly_offensive": false, "menacing": true,
                 "threat_of_death_or_serious_harm": false, "known_false": true,
                 "public_network": true}},
    {"date": "2026-06-08", "behaviours": ["interfering_with_property"], "channel": "in_person",
     "victim_feared_violence": true},
    {"date": "2026-06-12", "behaviours": ["contacting"], "channel": "phone_call",
     "victim_feared_violence": true,
     "message": {"threat_of_death_or_serious_harm": true, "public_network": true}}
  ],
  "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true,
             "changed_usual_activities": null},
  "suspect_knew_or_ought_to_know": true, "fixated_or_obsessive": true, "unwanted": true,
  "controlling_or_coercive_pattern": null, "purpose_to_cause_distress": true,
  "intended_or_reckless_as_to_fear_of_threat": true, "intended_non_trivial_harm": null,
  "hostility": [], "lawful_excuse": false,
  "risk_answers": {"victim_very_frightened": true, "previous_stalking_or_harassment": true,
                   "loitering_near_victim": true, "threats_of_violence": true,
                   "substance_misuse": null, "threats_to_kill": true}
})";

const screening::ScreeningEngine& Engine() {
  static const screening::ScreeningEngine engine = [] {
    auto built = screening::ScreeningEngine::Default();
    if (!built.ok()) {
      std::cerr << built.status() << std::endl;
      std::abort();
    }
    return std::move(built).value();
  }();
  return engine;
}

// Screen only: facts already parsed (what the engine itself costs).
void BM_Screen(benchmark::State& state) {
  auto facts = Engine().ParseFactsText(kFacts);
  if (!facts.ok()) state.SkipWithError("facts do not parse");
  for (auto _ : state) {
    screening::ScreeningResult result = Engine().Screen(*facts);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Screen);

// Parse the facts text, screen and write the result JSON (what a request costs).
void BM_ParseScreenAndWriteJson(benchmark::State& state) {
  Engine();  // Built before timing starts.
  for (auto _ : state) {
    auto facts = Engine().ParseFactsText(kFacts);
    std::string out = screening::ToJson(Engine().Screen(*facts)).dump();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ParseScreenAndWriteJson);

// The facts from a JSON document already parsed: what a screening request
// paid a second time while Services::Screen parsed the facts again after
// ParseScreeningRequest had checked them (ScreeningRequest now carries them).
void BM_ParseFacts(benchmark::State& state) {
  const nlohmann::json body = nlohmann::json::parse(kFacts);
  Engine();
  for (auto _ : state) {
    auto facts = Engine().ParseFacts(body);
    benchmark::DoNotOptimize(facts);
  }
}
BENCHMARK(BM_ParseFacts);

}  // namespace

BENCHMARK_MAIN();
