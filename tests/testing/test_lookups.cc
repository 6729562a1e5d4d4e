#include "testing/test_lookups.h"

#include <cstdlib>
#include <iostream>

#include "core/config_reader.h"
#include "core/time.h"

namespace vigil::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(VIGIL_SOURCE_DIR) + "/" + relative;
}

const domain::Lookups& TestLookups() {
  static const domain::Lookups lookups = [] {
    core::ConfigReader reader =
        core::ConfigReader::FromFile(SourcePath("config/lookups/lookups.yaml"));
    auto parsed = domain::ParseLookups(reader);
    if (!parsed.ok()) {
      std::cerr << parsed.status() << std::endl;
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return lookups;
}

core::Timestamp TestNow() { return *core::ParseTimestamp("2026-06-15T12:00:00Z"); }

domain::Person MakePerson(const std::string& given, const std::string& family) {
  domain::Person person;
  person.force = "west_midlands";
  person.names.push_back({given, family, false});
  person.date_of_birth = core::ParseDate("1990-04-01");
  person.phones.push_back("07700 900123");
  person.emails.push_back("jo.bloggs@example.org");
  person.addresses.push_back({"1 High Street", "", "Birmingham", "B1 1AA"});
  return person;
}

domain::Report MakeReport(const std::string& force_reference, const std::string& principal) {
  domain::Report report;
  report.force = "west_midlands";
  report.force_reference = force_reference;
  report.received_at = *core::ParseTimestamp("2026-06-01T09:30:00Z");
  report.reporting_officer = "PC 1234 Hughes";
  report.narrative = "Victim reports repeated unwanted messages.";
  report.principal_classification = principal;
  domain::Occasion occasion;
  occasion.occurred_on = *core::ParseDate("2026-05-30");
  occasion.channel = "text_message";
  occasion.behaviours = {"contacting"};
  occasion.summary = "Twenty messages overnight.";
  report.occasions.push_back(occasion);
  return report;
}

}  // namespace vigil::testing
