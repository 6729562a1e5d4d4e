// Export → import → export gives the same records (ids, versions, times and
// case links aside: the store assigns those, and cases are not exported).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/app_test_fixture.h"
#include "app/demo_writer.h"
#include "app/import_runner.h"
#include "app/jsonl_export.h"

namespace vigil::app {
namespace {

using test_support::StoreWithServices;
using ::testing::IsEmpty;

// The export's records without store-assigned fields, each report's persons
// replaced by the persons themselves, sorted (reports received in the same
// second may come out in either order).
std::vector<std::string> Canonical(const std::string& export_text) {
  std::map<std::int64_t, nlohmann::json> persons;
  std::vector<std::string> records;
  std::istringstream lines(export_text);
  std::string line;
  auto strip = [](nlohmann::json& record) {
    for (const char* field : {"id", "version", "created_at", "updated_at", "case_id"}) {
      record.erase(field);
    }
  };
  while (std::getline(lines, line)) {
    nlohmann::json record = nlohmann::json::parse(line);
    if (record["type"] == "person") {
      std::int64_t id = record["id"];
      strip(record);
      persons[id] = record;
      records.push_back(record.dump());
      continue;
    }
    strip(record);
    for (nlohmann::json& occasion : record["occasions"]) occasion.erase("id");
    for (nlohmann::json& person : record["persons"]) {
      person["person"] = persons.at(person["person_id"].get<std::int64_t>());
      person.erase("person_id");
    }
    records.push_back(record.dump());
  }
  std::sort(records.begin(), records.end());
  return records;
}

TEST(ExportRoundTripTest, ExportThenImportIntoAnEmptyStoreGivesTheSameRecords) {
  vigil::testing::TempDir folder;
  StoreWithServices source(folder.File("source.db"));
  DemoOptions options;
  options.reports = 120;
  options.seed = 42;
  options.batch_size = 50;
  ASSERT_TRUE(
      WriteDemoData(source.store(), source.services(), OperatorCaller("test"), options).ok());
  std::string exported = source.Export();

  StoreWithServices copy(folder.File("copy.db"));
  ImportOutcome outcome =
      ImportParsed(copy.services(), OperatorCaller("test"),
                   ReadSources({{"-", exported}}, ImportFormat::kJsonLines, std::nullopt));
  ASSERT_THAT(outcome.problems, IsEmpty());
  ASSERT_TRUE(outcome.failure.ok()) << outcome.failure;
  EXPECT_EQ(outcome.summary.reports, 120);
  EXPECT_EQ(copy.CountPersons(), source.CountPersons());
  EXPECT_EQ(copy.CountReports(), 120);

  std::string exported_again = copy.Export();
  std::vector<std::string> expected = Canonical(exported);
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(source.CountPersons() + 120));
  EXPECT_EQ(Canonical(exported_again), expected);
}

TEST(ExportRoundTripTest, EveryLineStartsWithItsTypeAndPersonsComeFirst) {
  vigil::testing::TempDir folder;
  StoreWithServices stored(folder.File("vigil.db"));
  DemoOptions options;
  options.reports = 10;
  ASSERT_TRUE(
      WriteDemoData(stored.store(), stored.services(), OperatorCaller("test"), options).ok());
  std::istringstream lines(stored.Export());
  std::string line;
  bool seen_report = false;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    bool person = line.starts_with(R"({"type":"person",)");
    bool report = line.starts_with(R"({"type":"report",)");
    ASSERT_TRUE(person || report) << line;
    EXPECT_FALSE(person && seen_report) << "a person after a report: " << line;
    seen_report = seen_report || report;
  }
  EXPECT_EQ(count, stored.CountPersons() + 10);
}

}  // namespace
}  // namespace vigil::app
