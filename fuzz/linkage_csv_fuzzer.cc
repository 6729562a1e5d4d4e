// Fuzzes the `vigil link` input path: a settings file and a CSV input,
// separated in the fuzz input by a line "----" (without one, the whole input
// is the CSV and fixed settings are used). Settings must parse or fail with
// a Status; the CSV must be read, normalised and prepared or fail with a
// Status naming file and line; a prepared input must yield a valid default
// model. Nothing may crash, hang or leak.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "app/link_csv.h"
#include "app/link_input.h"
#include "app/link_settings.h"
#include "linkage/default_model.h"

namespace {

constexpr std::string_view kDefaultSettings =
    "columns:\n  id: record_id\n  first: given_name\n  last: surname\n  born: dob\n"
    "  postcode: postcode\n  phone: phone\n  email: email\n  street: address\n  town: address\n"
    "  ref: other\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view settings_text = kDefaultSettings;
  std::string_view csv = input;
  if (std::size_t split = input.find("\n----\n"); split != std::string_view::npos) {
    settings_text = input.substr(0, split);
    csv = input.substr(split + 6);
  }
  // The CSV reader alone: every record it returns has the header's width.
  {
    std::istringstream in{std::string(csv)};
    vigil::app::LinkCsvReader reader(in, "fuzz.csv");
    if (reader.ReadHeader()) {
      std::vector<std::string_view> fields;
      int last_line = 0;
      while (reader.Next(fields)) {
        if (fields.size() != reader.header().size()) std::abort();
        if (reader.line() <= last_line) std::abort();
        last_line = reader.line();
      }
    }
  }
  vigil::core::Result<vigil::app::LinkSettings> settings =
      vigil::app::ParseLinkSettings("fuzz.yaml", settings_text);
  if (!settings.ok()) return 0;
  std::istringstream in{std::string(csv)};
  std::vector<vigil::app::NamedStream> inputs = {{"fuzz.csv", &in}};
  vigil::core::Result<vigil::linkage::PreparedRecords> records = vigil::app::ReadLinkStreams(
      *settings, inputs, settings->normalise.value_or(vigil::linkage::NormaliseOptions{}), 1);
  if (!records.ok()) {
    if (records.status().field_errors().empty() && records.status().message().empty()) std::abort();
    return 0;
  }
  vigil::core::Result<vigil::linkage::Model> model = vigil::linkage::DefaultModel(
      settings->plan.fields, vigil::linkage::LinkType::kDeduplicate, &*records, 1);
  if (model.ok()) {
    settings->ApplyTo(*model);
    (void)vigil::linkage::ValidateModel(*model);
  }
  return 0;
}
