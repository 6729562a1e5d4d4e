#pragma once
// OrderConfig: the policy for protective court orders, from
// config/orders/order_types.yaml (the kinds of order, who applies, minimum
// durations, notification windows, the breach offence, with each legal
// statement marked verified or not) and config/orders/terms.yaml (the
// standard prohibitions and requirements). Parsing is pure: the caller
// passes the files' text (or uses the copies embedded in the binary).
// Immutable once parsed; share freely between threads.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.h"
#include "core/result.h"

namespace vigil::domain::court_order {

// The generated definition (cmake/EmbedFilesScript.cmake) names the type
// unqualified inside this namespace.
using core::EmbeddedFile;

inline constexpr std::string_view kOrderTypesFile = "order_types.yaml";
inline constexpr std::string_view kTermsFile = "terms.yaml";

// The id of a term whose wording is the order's own.
inline constexpr std::string_view kCustomTermId = "custom";

// A statement of law with whether it was checked against its source.
struct LegalRule {
  std::string statute;  // e.g. "Stalking Protection Act 2019, section 3".
  bool verified = false;
};

// The offence committed by breaching an order.
struct BreachOffence {
  std::string code;   // e.g. PNLD "H20164"; empty when not yet confirmed.
  std::string label;  // Plain English with the statute.
  bool verified = false;
};

struct NotificationRule {
  bool required = false;                 // The respondent must notify the police.
  int initial_days = 0;                  // Days after service for names and home address.
  int change_days = 0;                   // Days after a new name or change of address.
  bool not_again_after_interim = false;  // A full order replacing an interim one owes none.
  LegalRule rule;
  bool counting_verified = false;  // Whether the day-counting convention is confirmed.
};

struct OrderType {
  std::string id;     // "spo", "restraining_order_conviction", ...
  std::string label;  // "Stalking Protection Order".
  LegalRule rule;
  std::string applicant;  // "chief_officer" or "prosecution".
  std::string court;      // "magistrates", "criminal", ...
  std::string made_on;    // "application", "conviction" or "acquittal".
  bool interim_allowed = false;
  std::string interim_label;  // "Interim Stalking Protection Order"; empty when not allowed.
  LegalRule interim_rule;
  int minimum_months = 0;            // A full order's fixed term is at least this long.
  bool until_further_order = false;  // A full order may run until further order.
  LegalRule duration_rule;
  NotificationRule notification;
  BreachOffence breach_offence;
  LegalRule variation_rule;
  std::string appeal_court;
  LegalRule appeal_rule;
};

struct StandardTerm {
  std::string id;    // "no_contact", "exclusion_zone", ...
  std::string kind;  // "prohibition" or "requirement".
  std::string label;
  std::string wording;  // vigil's plain-English wording.
  bool needs_area = false;
  bool needs_distance = false;
  std::vector<std::string> order_types;  // The order types it may be used in.
};

struct OrderConfig {
  int order_types_version = 0;
  int terms_version = 0;
  std::vector<int> expiry_reminders_days;  // Ascending, e.g. 30, 60, 90.
  std::vector<OrderType> order_types;
  std::vector<StandardTerm> terms;
  // "order_types@1;terms@1", recorded with every order event.
  std::string version;

  const OrderType* FindType(std::string_view id) const;
  const StandardTerm* FindTerm(std::string_view id) const;
};

// Parses the two files. `files` maps a file name or path to its text;
// entries are matched by the name after the last '/'. kInvalidArgument
// listing every problem in both files as a field error "FILE:LINE: key":
// the version headers, ids, labels, an applicant other than chief_officer /
// prosecution, made_on other than application / conviction / acquittal,
// negative durations, notification windows outside 1..31 days when
// required, a verified breach offence with no code, terms of an unknown
// kind or order type, reminders that are not ascending whole days, unknown
// keys, and a missing file (at line 0).
core::Result<OrderConfig> ParseOrderConfig(const std::map<std::string, std::string>& files);

// config/orders/*.yaml as they were when the binary was built.
std::span<const core::EmbeddedFile> EmbeddedOrderConfigFiles();

// The embedded order config, parsed (fails only if the embedded files are
// broken, which the tests rule out).
core::Result<OrderConfig> DefaultOrderConfig();

}  // namespace vigil::domain::court_order
