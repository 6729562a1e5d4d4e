#pragma once
// The kinds of report `vigil demo-data` writes, each with its crime
// classifications, the behaviours and channels seen on its occasions and
// plain British English narratives, plus the wording of case tasks, notes
// and closures. Several scenarios hide stalking under another principal
// classification (harassment, malicious communications, criminal damage)
// with stalking as an included classification, as HMICFRS found happens.
// Immutable; safe to share between threads.

#include <span>
#include <string>
#include <string_view>

namespace vigil::app::demo {

struct Scenario {
  std::string_view name;  // For tests and debugging, e.g. "hidden_stalking_harassment".
  int weight;             // Relative frequency.
  std::string_view principal_classification;
  std::span<const std::string_view> included_classifications;
  std::span<const std::string_view> relationships;  // e.g. "an ex-partner".
  std::span<const std::string_view> behaviours;     // Lookup ids drawn for occasions.
  std::span<const std::string_view> channels;       // Lookup ids drawn for occasions.
  // Templates with {relationship}, {count}, {place} and {weeks} placeholders.
  std::span<const std::string_view> narratives;
  bool suspect_always_known;  // False when some reports name no suspect.
};

std::span<const Scenario> Scenarios();

// A one-sentence occasion summary for `behaviour` (lookup id); `variant`
// picks among the wordings (any value; it wraps).
std::string_view OccasionSummary(std::string_view behaviour, std::size_t variant);

// Where an occasion happened, e.g. "outside the victim's workplace".
std::span<const std::string_view> PlaceDescriptions();

// A case task's text and whether a supervisor (rather than the owner) does it.
struct TaskTemplate {
  std::string_view text;
  bool for_supervisor;
};
std::span<const TaskTemplate> TaskTemplates();
std::span<const std::string_view> NoteTexts();
std::span<const std::string_view> ClosureReasons();

// `text` with every "{key}" replaced by its value.
std::string FillTemplate(std::string_view text, std::string_view relationship, int count,
                         std::string_view place, int weeks);

}  // namespace vigil::app::demo
