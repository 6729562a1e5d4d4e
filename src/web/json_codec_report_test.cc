// Codec tests for reports, occasions, cases, tasks and notes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "core/time.h"
#include "testing/test_lookups.h"
#include "web/api/json_codec.h"

namespace vigil::web::api {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::SizeIs;

auto ErrorAt(const std::string& field, const std::string& code) {
  return ::testing::AllOf(Field(&core::FieldError::field, field),
                          Field(&core::FieldError::code, code));
}

nlohmann::json ClientReport() {
  return {
      {"force", "west_midlands"},
      {"force_reference", "WM/2026/0001"},
      {"received_at", "2026-06-01T09:30:00Z"},
      {"reporting_officer", "PC 1234 Hughes"},
      {"narrative", "Repeated unwanted messages."},
      {"principal_classification", "harassment"},
      {"included_classifications", {"stalking"}},
      {"occasions",
       {{{"occurred_on", "2026-05-30"},
         {"occurred_at", "23:05"},
         {"location", {{"description", "home"}, {"postcode", "B1 1AA"}}},
         {"channel", "text_message"},
         {"behaviours", {"contacting"}},
         {"summary", "Twenty messages."}}}},
      {"persons", {{{"person_id", 4}, {"role", "third_party"}}}},
  };
}

TEST(ReportCodecTest, DecodesAClientReport) {
  core::Result<domain::Report> decoded = DecodeReport(ClientReport());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->force_reference, "WM/2026/0001");
  EXPECT_EQ(decoded->received_at, *core::ParseTimestamp("2026-06-01T09:30:00Z"));
  EXPECT_EQ(decoded->included_classifications, std::vector<std::string>{"stalking"});
  ASSERT_THAT(decoded->occasions, SizeIs(1));
  EXPECT_EQ(decoded->occasions[0].occurred_at_minute, 23 * 60 + 5);
  EXPECT_EQ(decoded->occasions[0].location.postcode, "B1 1AA");
  ASSERT_THAT(decoded->persons, SizeIs(1));
  EXPECT_EQ(decoded->persons[0].person_id, domain::PersonId(4));
  EXPECT_EQ(decoded->persons[0].role, domain::PersonRole::kThirdParty);
  EXPECT_FALSE(decoded->case_id.has_value());
}

TEST(ReportCodecTest, AcceptsAnOffsetAndStoresUtc) {
  nlohmann::json json = ClientReport();
  json["received_at"] = "2026-06-01T10:30:00+01:00";
  core::Result<domain::Report> decoded = DecodeReport(json);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(core::FormatTimestamp(decoded->received_at), "2026-06-01T09:30:00Z");
}

TEST(ReportCodecTest, RoundTripsEveryFieldWithServerFieldsAllowed) {
  core::Result<domain::Report> decoded = DecodeReport(ClientReport());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  domain::Report report = *decoded;
  report.id = domain::ReportId(12);
  report.version = 2;
  report.case_id = domain::CaseId(5);
  report.occasions[0].id = domain::OccasionId(99);
  report.created_at = *core::ParseTimestamp("2026-06-02T00:00:00Z");
  report.updated_at = *core::ParseTimestamp("2026-06-03T00:00:00Z");
  nlohmann::json encoded = EncodeReport(report);
  EXPECT_EQ(encoded["case_id"], 5);
  EXPECT_EQ(encoded["occasions"][0]["id"], 99);
  EXPECT_EQ(encoded["occasions"][0]["occurred_at"], "23:05");
  EXPECT_EQ(encoded["persons"][0]["role"], "third_party");
  EXPECT_EQ(encoded.size(), 14u);
  core::Result<domain::Report> again = DecodeReport(encoded, true);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(EncodeReport(*again), encoded);
  EXPECT_EQ(again->occasions, report.occasions);
}

TEST(ReportCodecTest, EncodesAbsentValuesAsNull) {
  domain::Report report = testing::MakeReport("WM/1");
  nlohmann::json encoded = EncodeReport(report);
  EXPECT_TRUE(encoded["case_id"].is_null());
  EXPECT_TRUE(encoded["occasions"][0]["occurred_at"].is_null());
}

TEST(ReportCodecTest, RejectsServerOwnedFields) {
  nlohmann::json json = ClientReport();
  json["case_id"] = 3;
  json["occasions"][0]["id"] = 8;
  core::Result<domain::Report> decoded = DecodeReport(json);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("case_id", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(),
              Contains(ErrorAt("occasions[0].id", "unknown_field")));
}

TEST(ReportCodecTest, ReportsEveryNestedProblem) {
  nlohmann::json json = ClientReport();
  json.erase("force_reference");
  json["received_at"] = "2026-06-01 09:30";
  json["included_classifications"] = {"stalking", 3};
  json["occasions"].push_back({{"occurred_on", "2026-13-01"},
                               {"occurred_at", "24:00"},
                               {"location", {{"postcode", "B1"}, {"what3words", "x"}}}});
  json["persons"] = {{{"person_id", 0}, {"role", "bystander"}}, {{"person_id", 1.5}}};
  core::Result<domain::Report> decoded = DecodeReport(json);
  ASSERT_FALSE(decoded.ok());
  const core::Status status = decoded.status();
  const auto& errors = status.field_errors();
  EXPECT_THAT(errors, Contains(ErrorAt("force_reference", "required")));
  EXPECT_THAT(errors, Contains(ErrorAt("received_at", "invalid_date")));
  EXPECT_THAT(errors, Contains(ErrorAt("included_classifications[1]", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("occasions[1].occurred_on", "invalid_date")));
  EXPECT_THAT(errors, Contains(ErrorAt("occasions[1].occurred_at", "invalid_time")));
  EXPECT_THAT(errors, Contains(ErrorAt("occasions[1].location.what3words", "unknown_field")));
  EXPECT_THAT(errors, Contains(ErrorAt("persons[0].person_id", "out_of_range")));
  EXPECT_THAT(errors, Contains(ErrorAt("persons[0].role", "invalid_value")));
  EXPECT_THAT(errors, Contains(ErrorAt("persons[1].person_id", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("persons[1].role", "required")));
  EXPECT_THAT(errors, SizeIs(10));
}

TEST(ReportCodecTest, RejectsIntegersBeyondInt64) {
  nlohmann::json json = ClientReport();
  json["persons"][0]["person_id"] = std::numeric_limits<std::uint64_t>::max();
  core::Result<domain::Report> decoded = DecodeReport(json);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().field_errors(),
              Contains(ErrorAt("persons[0].person_id", "out_of_range")));
}

TEST(OccasionCodecTest, DecodesAloneAndRequiresADate) {
  core::Result<domain::Occasion> decoded =
      DecodeOccasion(nlohmann::json({{"occurred_on", "2024-02-29"}, {"occurred_at", nullptr}}));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(core::FormatDate(decoded->occurred_on), "2024-02-29");
  EXPECT_FALSE(decoded->occurred_at_minute.has_value());
  core::Result<domain::Occasion> missing = DecodeOccasion(nlohmann::json::object());
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().field_errors(), Contains(ErrorAt("occurred_on", "required")));
}

TEST(TimeOfDayTest, IsStrictBothWays) {
  EXPECT_EQ(ParseTimeOfDay("00:00"), 0);
  EXPECT_EQ(ParseTimeOfDay("23:59"), 1439);
  for (std::string_view bad : {"24:00", "12:60", "9:05", "09:5", "09-05", "09:05:00", ""}) {
    EXPECT_FALSE(ParseTimeOfDay(bad).has_value()) << bad;
  }
  EXPECT_EQ(FormatTimeOfDay(0), "00:00");
  EXPECT_EQ(FormatTimeOfDay(9 * 60 + 5), "09:05");
}

TEST(CaseCodecTest, EncodesAndDecodes) {
  domain::Case value;
  value.id = domain::CaseId(3);
  value.version = 4;
  value.force = "west_midlands";
  value.title = "Course of conduct";
  value.owner = "dc.patel";
  value.status = domain::CaseStatus::kAwaitingReview;
  nlohmann::json encoded = EncodeCase(value);
  EXPECT_EQ(encoded["status"], "awaiting_review");
  EXPECT_EQ(encoded["supervisor"], "");
  EXPECT_EQ(encoded.size(), 10u);
  core::Result<domain::Case> decoded =
      DecodeCase(nlohmann::json({{"title", "New case"}, {"owner", "dc.patel"}}));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->title, "New case");
  EXPECT_EQ(decoded->status, domain::CaseStatus::kOpen);
}

TEST(CaseCodecTest, StatusChangesOnlyThroughItsOwnUseCase) {
  core::Result<domain::Case> decoded = DecodeCase(
      nlohmann::json({{"title", "x"}, {"status", "closed"}, {"closure_reason", "done"}}));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("status", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(),
              Contains(ErrorAt("closure_reason", "unknown_field")));
  EXPECT_THAT(DecodeCase(nlohmann::json::object()).status().field_errors(),
              Contains(ErrorAt("title", "required")));
}

TEST(TaskCodecTest, EncodesAndDecodes) {
  domain::Task task;
  task.id = domain::TaskId(2);
  task.case_id = domain::CaseId(3);
  task.text = "Preserve CCTV";
  task.owner_role = "investigator";
  task.done = true;
  task.done_at = *core::ParseTimestamp("2026-06-10T08:00:00Z");
  task.done_by = "dc.patel";
  nlohmann::json encoded = EncodeTask(task);
  EXPECT_TRUE(encoded["due_at"].is_null());
  EXPECT_EQ(encoded["done_at"], "2026-06-10T08:00:00Z");
  EXPECT_EQ(encoded["case_id"], 3);
  EXPECT_EQ(encoded.size(), 14u);
  EXPECT_TRUE(encoded["action_id"].is_null());
  EXPECT_TRUE(encoded["screening_id"].is_null());
  task.action_id = "preserve_digital_evidence";
  task.screening_id = domain::ScreeningId(7);
  nlohmann::json from_screening = EncodeTask(task);
  EXPECT_EQ(from_screening["action_id"], "preserve_digital_evidence");
  EXPECT_EQ(from_screening["screening_id"], 7);
  core::Result<domain::Task> decoded = DecodeTask(
      nlohmann::json({{"text", "Refer to advocate"}, {"due_at", "2026-06-20T17:00:00Z"}}));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->due_at, core::ParseTimestamp("2026-06-20T17:00:00Z"));
  EXPECT_FALSE(decoded->case_id.assigned());
}

TEST(TaskCodecTest, RejectsCompletionFieldsAndBadDeadlines) {
  core::Result<domain::Task> decoded = DecodeTask(
      nlohmann::json({{"text", "x"}, {"done", true}, {"due_at", "2026-02-30T00:00:00Z"}}));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("done", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("due_at", "invalid_date")));
}

TEST(NoteCodecTest, EncodesAndDecodesWithoutAnAuthor) {
  domain::Note note;
  note.id = domain::NoteId(1);
  note.case_id = domain::CaseId(3);
  note.author = "dc.patel";
  note.text = "Spoke to the victim.";
  nlohmann::json encoded = EncodeNote(note);
  EXPECT_EQ(encoded["author"], "dc.patel");
  EXPECT_EQ(encoded.size(), 5u);
  EXPECT_TRUE(DecodeNote(nlohmann::json({{"text", "x"}})).ok());
  core::Result<domain::Note> with_author =
      DecodeNote(nlohmann::json({{"text", "x"}, {"author", "someone.else"}}));
  ASSERT_FALSE(with_author.ok());
  EXPECT_THAT(with_author.status().field_errors(), Contains(ErrorAt("author", "unknown_field")));
}

}  // namespace
}  // namespace vigil::web::api
