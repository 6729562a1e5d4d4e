#pragma once
// The fixed word lists behind `vigil demo-data`: British names from many
// backgrounds, towns and postcode districts of a few police force areas,
// streets, vehicles, officers and Ofcom's drama telephone ranges. Invented
// combinations only: no entry describes a real person. Immutable; safe to
// share between threads.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::app::demo {

// A town and the outward codes (postcode districts) that serve it.
struct Town {
  std::string_view name;
  std::span<const std::string_view> districts;
};

// One force area the demo data covers.
struct ForceArea {
  std::string_view force;             // Lookup id, e.g. "west_midlands".
  std::string_view reference_prefix;  // Start of the force's crime numbers, e.g. "WM".
  int weight;                         // Relative share of reports.
  char registration_region;           // First letter of local number plates.
  std::string_view landline_prefix;   // Ofcom drama range, e.g. "0121 496 0".
  std::span<const Town> towns;
  std::span<const std::string_view> officers;     // User ids of investigators.
  std::span<const std::string_view> supervisors;  // User ids of supervising officers.
};

// The force areas, West Midlands first and largest.
std::span<const ForceArea> ForceAreas();

std::span<const std::string_view> GivenNames();
std::span<const std::string_view> FamilyNames();
// A familiar short form of `given_name` ("Rebecca" -> "Becky"), or empty.
std::string_view ShortForm(std::string_view given_name);

std::span<const std::string_view> Streets();
std::span<const std::string_view> VehicleDescriptions();
std::span<const std::string_view> HandlePlatforms();
// Collar-number style ranks for reporting officers ("PC", "DC", "PS").
std::span<const std::string_view> OfficerRanks();

// Letters allowed in the last two places of a postcode's inward code.
inline constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
// Letters used on number plates after the region letter (no I, Q or Z).
inline constexpr std::string_view kRegistrationLetters = "ABCDEFGHJKLMNOPRSTUVWXY";
// Ofcom's range for mobile numbers in drama: 07700 900000 to 07700 900999.
inline constexpr std::string_view kMobilePrefix = "07700 900";

// A uniform integer in [0, bound) (bound > 0) from the caller's seeded
// source, so demo-data and synth share the makers below with their own
// generators.
using Draw = std::function<std::uint64_t(std::uint64_t)>;

// A postcode in one of `town`'s districts, e.g. "B21 9AB" (three draws).
std::string MakePostcode(const Town& town, const Draw& draw);
// A mobile number in the drama range, "07700 900123".
std::string MakeMobileNumber(const Draw& draw);
// A landline in `area`'s drama range, e.g. "0121 496 0456".
std::string MakeLandline(const ForceArea& area, const Draw& draw);
// A local number plate, e.g. "BX19KXM".
std::string MakeRegistration(const ForceArea& area, const Draw& draw);
// A force area chosen by weight (ForceArea::weight), with one draw.
const ForceArea& PickForceArea(const Draw& draw);
// The lower-case ASCII letters and digits of `text` (for emails, handles).
std::string AsciiLetters(std::string_view text);
// `number` in decimal with leading zeros to at least `width` digits.
std::string Padded(std::int64_t number, int width);

// The force area with lookup id `force`, or null.
const ForceArea* FindForceArea(std::string_view force);
// The force areas that share a border with `force` (none for London).
std::vector<const ForceArea*> NeighbouringAreas(std::string_view force);
// The town whose districts include the outward code of `postcode` ("B21"
// of "B21 9AB"), or null.
const Town* TownOfPostcode(std::string_view postcode);

}  // namespace vigil::app::demo
