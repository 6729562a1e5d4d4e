// Contract: report search — every filter, classification principal OR
// included, totals, and keyset pages that are complete and stable.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using domain::PersonRole;
using storage::ReportQuery;
using storage::TransactionMode;

class ReportSearchContractTest : public StorageContractTest {
 protected:
  // A report with one occasion and the given principal classification,
  // received `hours` after TestNow().
  domain::Report Report(const std::string& reference, int hours,
                        const std::string& principal = "harassment") {
    domain::Report report = FullReport(reference);
    report.principal_classification = principal;
    report.included_classifications.clear();
    report.received_at = HoursAfterNow(hours);
    return report;
  }

  core::Result<storage::ReportPage> Search(const ReportQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->SearchReports(query);
  }

  // The ids of one page's reports, in order, checking the total.
  std::vector<std::int64_t> Ids(const ReportQuery& query, std::int64_t expected_total) {
    core::Result<storage::ReportPage> page = Search(query);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::int64_t> ids;
    if (!page.ok()) return ids;
    EXPECT_EQ(page->total, expected_total);
    for (const domain::Report& report : page->items) ids.push_back(report.id.value);
    return ids;
  }

  // Follows next_cursor to the end, checking each page's size and total.
  std::vector<std::int64_t> AllPages(ReportQuery query, std::int64_t expected_total) {
    std::vector<std::int64_t> ids;
    for (int page_number = 0; page_number < 100; ++page_number) {
      core::Result<storage::ReportPage> page = Search(query);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      EXPECT_EQ(page->total, expected_total);
      EXPECT_LE(page->items.size(), static_cast<std::size_t>(query.limit));
      for (const domain::Report& report : page->items) ids.push_back(report.id.value);
      if (!page->next_cursor) break;
      EXPECT_EQ(page->items.size(), static_cast<std::size_t>(query.limit))
          << "only the last page may be short";
      query.cursor = page->next_cursor;
    }
    return ids;
  }
};

TEST_P(ReportSearchContractTest, ClassificationMatchesPrincipalOrIncluded) {
  domain::Report principal = StoreReport(Report("R1", -10, "stalking"));
  domain::Report included = Report("R2", -5, "harassment");
  included.included_classifications = {"stalking"};
  included = StoreReport(included);
  domain::Report neither = StoreReport(Report("R3", -1, "harassment"));

  ReportQuery stalking;
  stalking.classification = "stalking";
  EXPECT_EQ(Ids(stalking, 2), (std::vector<std::int64_t>{included.id.value, principal.id.value}));

  ReportQuery harassment;
  harassment.classification = "harassment";
  EXPECT_EQ(Ids(harassment, 2), (std::vector<std::int64_t>{neither.id.value, included.id.value}));

  ReportQuery unknown;
  unknown.classification = "criminal_damage";
  EXPECT_EQ(Ids(unknown, 0), (std::vector<std::int64_t>{}));
}

TEST_P(ReportSearchContractTest, ResultsAreCompleteReportsNewestFirst) {
  domain::Person victim = StorePerson(FullPerson());
  domain::Report older = Report("R1", -10);
  older.persons = {{victim.id, PersonRole::kVictim}};
  older = StoreReport(older);
  domain::Report newer = FullReport("R2");
  newer.received_at = HoursAfterNow(-1);
  newer = StoreReport(newer);
  core::Result<storage::ReportPage> page = Search(ReportQuery{});
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_FALSE(page->next_cursor.has_value());
  testing::ExpectSameReport(newer, page->items[0], "newest");
  testing::ExpectSameReport(older, page->items[1], "oldest");
}

TEST_P(ReportSearchContractTest, FiltersByPersonAndRole) {
  domain::Person vera = StorePerson(FullPerson("Vera", "Victim"));
  domain::Person sid = StorePerson(FullPerson("Sid", "Suspect"));
  domain::Report first = Report("R1", -3);
  first.persons = {{vera.id, PersonRole::kVictim}, {sid.id, PersonRole::kSuspect}};
  first = StoreReport(first);
  domain::Report second = Report("R2", -2);
  second.persons = {{sid.id, PersonRole::kVictim}};
  second = StoreReport(second);
  domain::Report third = Report("R3", -1);
  third.persons = {{vera.id, PersonRole::kWitness}};
  third = StoreReport(third);
  StoreReport(Report("R4", 0));

  ReportQuery by_person;
  by_person.person_id = vera.id;
  EXPECT_EQ(Ids(by_person, 2), (std::vector<std::int64_t>{third.id.value, first.id.value}));
  by_person.role = PersonRole::kVictim;
  EXPECT_EQ(Ids(by_person, 1), (std::vector<std::int64_t>{first.id.value}));

  ReportQuery sid_suspect;
  sid_suspect.person_id = sid.id;
  sid_suspect.role = PersonRole::kSuspect;
  EXPECT_EQ(Ids(sid_suspect, 1), (std::vector<std::int64_t>{first.id.value}));

  ReportQuery any_victim;
  any_victim.role = PersonRole::kVictim;
  EXPECT_EQ(Ids(any_victim, 2), (std::vector<std::int64_t>{second.id.value, first.id.value}));
}

TEST_P(ReportSearchContractTest, FiltersByReceivedRangeFromInclusiveToExclusive) {
  domain::Report at_minus_3 = StoreReport(Report("R1", -3));
  domain::Report at_minus_2 = StoreReport(Report("R2", -2));
  StoreReport(Report("R3", -1));
  ReportQuery query;
  query.received_from = HoursAfterNow(-3);
  query.received_to = HoursAfterNow(-1);
  EXPECT_EQ(Ids(query, 2), (std::vector<std::int64_t>{at_minus_2.id.value, at_minus_3.id.value}));
  query.classification = "harassment";  // Same range through the classification index.
  EXPECT_EQ(Ids(query, 2), (std::vector<std::int64_t>{at_minus_2.id.value, at_minus_3.id.value}));
}

TEST_P(ReportSearchContractTest, FiltersByForceReferenceAndCase) {
  domain::Case value = StoreCase(FullCase());
  domain::Report in_case = Report("R1", -3);
  in_case.case_id = value.id;
  in_case = StoreReport(in_case);
  domain::Report yorkshire = Report("R1", -2);
  yorkshire.force = "west_yorkshire";
  yorkshire = StoreReport(yorkshire);
  domain::Report other = StoreReport(Report("R2", -1));

  ReportQuery by_force;
  by_force.force = "west_midlands";
  EXPECT_EQ(Ids(by_force, 2), (std::vector<std::int64_t>{other.id.value, in_case.id.value}));

  ReportQuery by_reference;
  by_reference.force_reference = "R1";
  EXPECT_EQ(Ids(by_reference, 2),
            (std::vector<std::int64_t>{yorkshire.id.value, in_case.id.value}));
  by_reference.force = "west_yorkshire";
  EXPECT_EQ(Ids(by_reference, 1), (std::vector<std::int64_t>{yorkshire.id.value}));

  ReportQuery by_case;
  by_case.case_id = value.id;
  EXPECT_EQ(Ids(by_case, 1), (std::vector<std::int64_t>{in_case.id.value}));
  by_case.classification = "harassment";
  EXPECT_EQ(Ids(by_case, 1), (std::vector<std::int64_t>{in_case.id.value}));
  by_case.classification = "stalking";
  EXPECT_EQ(Ids(by_case, 0), (std::vector<std::int64_t>{}));
}

TEST_P(ReportSearchContractTest, PagesAreCompleteAndDistinctWithEqualReceivedTimes) {
  // Seven reports received at the same second, five at others.
  std::vector<std::pair<std::int64_t, std::int64_t>> expected;  // (received hour, id).
  int reference = 0;
  for (int hours : {-1, -4, -4, -4, -4, -4, -4, -4, -9, 0, -2, -7}) {
    domain::Report report = Report("R" + std::to_string(++reference), hours);
    report.included_classifications = {"stalking"};
    expected.push_back({hours, StoreReport(report).id.value});
  }
  StoreReport(Report("NOT-STALKING", -4));
  std::sort(expected.begin(), expected.end(), [](const auto& left, const auto& right) {
    return left > right;  // Newest first, then id descending.
  });
  std::vector<std::int64_t> expected_ids;
  for (const auto& [hours, id] : expected) expected_ids.push_back(id);

  for (int limit : {1, 2, 3, 5, 7, 12, 50}) {
    ReportQuery query;
    query.classification = "stalking";
    query.limit = limit;
    EXPECT_EQ(AllPages(query, 12), expected_ids) << "limit " << limit;
    ReportQuery unfiltered;
    unfiltered.limit = limit;
    EXPECT_EQ(AllPages(unfiltered, 13).size(), 13u) << "limit " << limit;
  }
}

TEST_P(ReportSearchContractTest, OldestFirstPagesAreTheReverseOrderAndComplete) {
  std::vector<std::pair<std::int64_t, std::int64_t>> expected;  // (received hour, id).
  int reference = 0;
  for (int hours : {-1, -4, -4, -4, -9, 0, -2, -7}) {
    domain::Report report = Report("R" + std::to_string(++reference), hours);
    report.included_classifications = {"stalking"};
    expected.push_back({hours, StoreReport(report).id.value});
  }
  std::sort(expected.begin(), expected.end());  // Oldest first, then id ascending.
  std::vector<std::int64_t> expected_ids;
  for (const auto& [hours, id] : expected) expected_ids.push_back(id);
  for (int limit : {1, 3, 8, 50}) {
    ReportQuery query;
    query.classification = "stalking";
    query.oldest_first = true;
    query.limit = limit;
    EXPECT_EQ(AllPages(query, 8), expected_ids) << "limit " << limit;
    ReportQuery unfiltered;
    unfiltered.oldest_first = true;
    unfiltered.limit = limit;
    EXPECT_EQ(AllPages(unfiltered, 8), expected_ids) << "limit " << limit;
  }
}

TEST_P(ReportSearchContractTest, CursorContinuesAfterItsItemDespiteNewerReports) {
  std::vector<std::int64_t> ids;
  for (int index = 0; index < 6; ++index) {
    ids.insert(ids.begin(), StoreReport(Report("R" + std::to_string(index), -10 + index)).id.value);
  }
  ReportQuery query;
  query.limit = 3;
  core::Result<storage::ReportPage> first = Search(query);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(first->next_cursor.has_value());

  // Newer reports arrive between pages, one at the same second as the last
  // item of the first page.
  StoreReport(Report("LATE-1", 5));
  StoreReport(Report("LATE-2", -7));

  query.cursor = first->next_cursor;
  core::Result<storage::ReportPage> second = Search(query);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->total, 8);
  std::vector<std::int64_t> seen;
  for (const domain::Report& report : first->items) seen.push_back(report.id.value);
  for (const domain::Report& report : second->items) seen.push_back(report.id.value);
  EXPECT_EQ(seen, ids);
}

TEST_P(ReportSearchContractTest, LastPageHasNoCursorAndEmptySearchIsEmpty) {
  core::Result<storage::ReportPage> empty = Search(ReportQuery{});
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->items.empty());
  EXPECT_EQ(empty->total, 0);
  EXPECT_FALSE(empty->next_cursor.has_value());

  StoreReport(Report("R1", -1));
  StoreReport(Report("R2", -2));
  ReportQuery query;
  query.limit = 2;
  core::Result<storage::ReportPage> exact = Search(query);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->items.size(), 2u);
  EXPECT_FALSE(exact->next_cursor.has_value()) << "a full last page needs no cursor";
}

TEST_P(ReportSearchContractTest, RejectsABadLimitOrCursor) {
  for (int limit : {0, -5, 501}) {
    ReportQuery query;
    query.limit = limit;
    core::Result<storage::ReportPage> page = Search(query);
    ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument) << limit;
    ASSERT_EQ(page.status().field_errors().size(), 1u);
    EXPECT_EQ(page.status().field_errors()[0].field, "limit");
  }
  ReportQuery largest;
  largest.limit = 500;
  EXPECT_TRUE(Search(largest).ok());
  for (const char* cursor : {"", "garbage", "12", ":", "12:", ":5", "12:0", "12:-1", "1:2:3", "x:5",
                             "99999999999999999999:1"}) {
    for (bool by_classification : {false, true}) {
      ReportQuery query;
      query.cursor = cursor;
      if (by_classification) query.classification = "stalking";
      core::Result<storage::ReportPage> page = Search(query);
      ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument) << "cursor " << cursor;
      ASSERT_EQ(page.status().field_errors().size(), 1u);
      EXPECT_EQ(page.status().field_errors()[0].field, "cursor");
    }
  }
}

// Reports of two forces, the classification principal or included, some at
// equal times: a classification search scoped to a force finds exactly the
// reports of that force with that classification, newest first (then id),
// on every page and within a received range.
TEST_P(ReportSearchContractTest, ForceScopedClassificationSearchFindsExactlyThatForcesReports) {
  std::vector<domain::Report> stored;
  for (int index = 0; index < 12; ++index) {
    domain::Report report = Report("F" + std::to_string(index), -(index / 3),
                                   index % 4 == 0 ? "stalking" : "harassment");
    if (index % 4 == 1) report.included_classifications = {"stalking"};
    report.force = index % 3 == 0 ? "west_yorkshire" : "west_midlands";
    stored.push_back(StoreReport(report));
  }
  auto expected = [&](const std::string& force, const std::string& classification,
                      std::optional<core::Timestamp> from) {
    std::vector<const domain::Report*> matching;
    for (const domain::Report& report : stored) {
      bool classified = report.principal_classification == classification ||
                        std::count(report.included_classifications.begin(),
                                   report.included_classifications.end(), classification) > 0;
      if (report.force == force && classified && (!from || report.received_at >= *from)) {
        matching.push_back(&report);
      }
    }
    std::sort(matching.begin(), matching.end(),
              [](const domain::Report* a, const domain::Report* b) {
                if (a->received_at != b->received_at) return a->received_at > b->received_at;
                return a->id.value > b->id.value;
              });
    std::vector<std::int64_t> ids;
    for (const domain::Report* report : matching) ids.push_back(report->id.value);
    return ids;
  };
  for (const std::string force : {"west_midlands", "west_yorkshire", "greater_manchester"}) {
    for (const std::string classification : {"stalking", "harassment"}) {
      for (std::optional<core::Timestamp> from :
           {std::optional<core::Timestamp>(), std::optional<core::Timestamp>(HoursAfterNow(-2))}) {
        std::vector<std::int64_t> want = expected(force, classification, from);
        ReportQuery query;
        query.force = force;
        query.classification = classification;
        query.received_from = from;
        EXPECT_EQ(Ids(query, static_cast<std::int64_t>(want.size())), want)
            << force << " " << classification;
        query.limit = 2;
        EXPECT_EQ(AllPages(query, static_cast<std::int64_t>(want.size())), want)
            << force << " " << classification;
      }
    }
  }
}

// Moving a report to another force (and changing its classifications)
// moves it between the force-scoped classification searches at once.
TEST_P(ReportSearchContractTest, ForceScopedClassificationSearchFollowsAnUpdate) {
  domain::Report report = Report("U1", -1, "harassment");
  report.included_classifications = {"stalking"};
  report = StoreReport(report);
  ReportQuery midlands;
  midlands.force = "west_midlands";
  midlands.classification = "stalking";
  ReportQuery yorkshire = midlands;
  yorkshire.force = "west_yorkshire";
  EXPECT_EQ(Ids(midlands, 1), (std::vector<std::int64_t>{report.id.value}));
  EXPECT_EQ(Ids(yorkshire, 0), (std::vector<std::int64_t>{}));

  report.force = "west_yorkshire";
  report.principal_classification = "stalking";
  report.included_classifications = {"harassment"};
  {
    auto transaction = Begin();
    ASSERT_NE(transaction, nullptr);
    ASSERT_TRUE(transaction->UpdateReport(report).ok());
    ASSERT_TRUE(transaction->Commit().ok());
  }
  EXPECT_EQ(Ids(midlands, 0), (std::vector<std::int64_t>{}));
  EXPECT_EQ(Ids(yorkshire, 1), (std::vector<std::int64_t>{report.id.value}));
  yorkshire.classification = "harassment";
  EXPECT_EQ(Ids(yorkshire, 1), (std::vector<std::int64_t>{report.id.value}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportSearchContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
