#pragma once
// The project's real lookups (config/lookups/lookups.yaml), loaded once for
// tests, and small builders for valid records.

#include <string>

#include "core/clock.h"
#include "domain/lookups.h"
#include "domain/person.h"
#include "domain/report.h"

namespace vigil::testing {

// The path of a file in the source tree, e.g. SourcePath("config/lookups/lookups.yaml").
std::string SourcePath(const std::string& relative);

// config/lookups/lookups.yaml, parsed (aborts the test binary if it is invalid).
const domain::Lookups& TestLookups();

// 2026-06-15T12:00:00Z: the fixed "now" of tests.
core::Timestamp TestNow();

// A valid person in force "west_midlands" named `given` `family`.
domain::Person MakePerson(const std::string& given = "Jo", const std::string& family = "Bloggs");

// A valid report in force "west_midlands" with principal `principal`, one
// occasion and no persons.
domain::Report MakeReport(const std::string& force_reference,
                          const std::string& principal = "harassment");

}  // namespace vigil::testing
