// Fuzzes what `vigil import` reads: the CSV reader, the persons and reports
// CSV mappings and the JSON Lines reader. Any input must give rows and
// problems, never a crash or an escaping exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/csv_import.h"
#include "app/csv_reader.h"
#include "app/jsonl_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace app = vigil::app;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  app::CsvTable table = app::ParseCsv(text);
  (void)table.rows.size();
  (void)app::GuessCsvKind(text);
  app::ParsedImport persons;
  app::ReadPersonsCsv(text, "fuzz.csv", persons);
  app::ParsedImport reports;
  app::ReadReportsCsv(text, "fuzz.csv", reports);
  app::ParsedImport lines;
  app::ReadJsonLines(text, "fuzz.jsonl", lines);
  app::ResolveExportedPersonIds(lines);
  return 0;
}
