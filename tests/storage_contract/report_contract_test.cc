// Contract: reports — round trip with occasions, persons and
// classifications; versions, conflicts, duplicates and missing references.

#include <gtest/gtest.h>

#include "core/time.h"
#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using domain::PersonRole;
using storage::TransactionMode;

class ReportContractTest : public StorageContractTest {
 protected:
  // A full report naming a stored victim and suspect, in a stored case.
  domain::Report ReportWithReferences(const std::string& force_reference) {
    victim_ = StorePerson(FullPerson("Vera", "Victim"));
    suspect_ = StorePerson(FullPerson("Sid", "Suspect"));
    case_ = StoreCase(FullCase());
    domain::Report report = FullReport(force_reference);
    report.persons = {{victim_.id, PersonRole::kVictim},
                      {suspect_.id, PersonRole::kSuspect},
                      {victim_.id, PersonRole::kWitness}};
    report.case_id = case_.id;
    return report;
  }

  // Inserts in a new transaction, returning the status and committing only
  // on success.
  core::Status TryInsert(domain::Report& report) {
    auto transaction = Begin();
    if (transaction == nullptr) return core::Internal("no transaction");
    core::Status status = transaction->InsertReport(report);
    if (status.ok()) return transaction->Commit();
    return status;
  }

  core::Status TryUpdate(domain::Report& report) {
    auto transaction = Begin();
    if (transaction == nullptr) return core::Internal("no transaction");
    core::Status status = transaction->UpdateReport(report);
    if (status.ok()) return transaction->Commit();
    return status;
  }

  domain::Person victim_;
  domain::Person suspect_;
  domain::Case case_;
};

TEST_P(ReportContractTest, InsertAssignsIdsAndGetReturnsEveryField) {
  domain::Report report = ReportWithReferences("20/1234/26");
  ASSERT_EQ(report.occasions.size(), 2u);
  domain::Report stored = StoreReport(report);
  EXPECT_TRUE(stored.id.assigned());
  EXPECT_EQ(stored.version, 1);
  ASSERT_EQ(stored.occasions.size(), 2u);
  EXPECT_TRUE(stored.occasions[0].id.assigned());
  EXPECT_TRUE(stored.occasions[1].id.assigned());
  EXPECT_NE(stored.occasions[0].id, stored.occasions[1].id);

  core::Result<domain::Report> read = ReadReport(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameReport(stored, *read);
}

TEST_P(ReportContractTest, ReportWithoutOptionalPartsRoundTrips) {
  domain::Report report = FullReport("20/1/26");
  report.included_classifications.clear();
  report.occasions.clear();
  report.persons.clear();
  report.case_id.reset();
  domain::Report stored = StoreReport(report);
  core::Result<domain::Report> read = ReadReport(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameReport(stored, *read);
}

TEST_P(ReportContractTest, UpdateReplacesPartsKeepsOccasionIdsAndIncrementsVersion) {
  domain::Report stored = StoreReport(ReportWithReferences("20/1234/26"));
  domain::Report changed = stored;
  changed.force_reference = "20/1234/26-A";
  changed.received_at = HoursAfterNow(-200);
  changed.reporting_officer = "DC 77 Patel";
  changed.narrative = "Updated after a second statement.";
  changed.principal_classification = "stalking";
  changed.included_classifications = {"harassment"};
  changed.persons = {{suspect_.id, PersonRole::kSuspect}};
  changed.case_id.reset();
  changed.occasions.erase(changed.occasions.begin());  // Drop the first, keep the second.
  changed.occasions[0].summary = "Followed her to the station again.";
  changed.occasions[0].behaviours = {"following"};
  domain::Occasion added;
  added.occurred_on = *core::ParseDate("2026-06-02");
  added.channel = "social_media";
  added.behaviours = {"contacting", "threats_of_violence"};
  added.summary = "Threatening direct message.";
  changed.occasions.push_back(added);
  changed.updated_at = HoursAfterNow(-1);
  domain::OccasionId kept_id = changed.occasions[0].id;

  core::Status status = TryUpdate(changed);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(changed.version, 2);
  EXPECT_EQ(changed.occasions[0].id, kept_id);
  EXPECT_TRUE(changed.occasions[1].id.assigned());
  EXPECT_NE(changed.occasions[1].id, stored.occasions[0].id) << "a removed occasion's id is reused";

  core::Result<domain::Report> read = ReadReport(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameReport(changed, *read);
}

TEST_P(ReportContractTest, StaleUpdateIsAConflictAndLeavesTheStoredReportUnchanged) {
  domain::Report stored = StoreReport(ReportWithReferences("20/1234/26"));
  domain::Report first = stored;
  first.narrative = "First change.";
  ASSERT_TRUE(TryUpdate(first).ok());

  domain::Report stale = stored;
  stale.narrative = "Stale change.";
  stale.occasions.clear();
  core::Status status = TryUpdate(stale);
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status;

  core::Result<domain::Report> read = ReadReport(stored.id);
  ASSERT_TRUE(read.ok());
  testing::ExpectSameReport(first, *read);
}

TEST_P(ReportContractTest, UnknownReportIsNotFound) {
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  EXPECT_EQ(transaction->GetReport(domain::ReportId(4242)).status().code(), StatusCode::kNotFound);
  domain::Report report = FullReport("20/9/26");
  report.id = domain::ReportId(4242);
  report.version = 1;
  core::Status status = transaction->UpdateReport(report);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
}

TEST_P(ReportContractTest, DuplicateForceReferenceIsAlreadyExists) {
  StoreReport(FullReport("20/1234/26"));
  domain::Report duplicate = FullReport("20/1234/26");
  core::Status status = TryInsert(duplicate);
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists) << status;
  EXPECT_FALSE(duplicate.id.assigned());

  // The same reference in another force is a different report.
  domain::Report elsewhere = FullReport("20/1234/26");
  elsewhere.force = "west_yorkshire";
  EXPECT_TRUE(TryInsert(elsewhere).ok());

  // Changing a report's reference onto a taken one is refused too.
  domain::Report other = StoreReport(FullReport("20/5555/26"));
  other.force_reference = "20/1234/26";
  status = TryUpdate(other);
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists) << status;
}

TEST_P(ReportContractTest, MissingPersonIsNotFoundNamingThePerson) {
  domain::Person person = StorePerson(FullPerson());
  domain::Report report = FullReport("20/1234/26");
  report.persons = {{person.id, PersonRole::kVictim},
                    {domain::PersonId(777), PersonRole::kSuspect}};
  core::Status status = TryInsert(report);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("person 777"), std::string::npos) << status;
  EXPECT_FALSE(report.id.assigned());

  // Nothing was stored: the reference is still free.
  report.persons.pop_back();
  EXPECT_TRUE(TryInsert(report).ok());

  report.persons.push_back({domain::PersonId(778), PersonRole::kWitness});
  status = TryUpdate(report);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("person 778"), std::string::npos) << status;
}

TEST_P(ReportContractTest, MissingCaseIsNotFoundNamingTheCase) {
  domain::Report report = FullReport("20/1234/26");
  report.case_id = domain::CaseId(31);
  core::Status status = TryInsert(report);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("case 31"), std::string::npos) << status;

  report.case_id.reset();
  ASSERT_TRUE(TryInsert(report).ok());
  report.case_id = domain::CaseId(32);
  status = TryUpdate(report);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("case 32"), std::string::npos) << status;
  EXPECT_EQ(ReadReport(report.id)->version, 1);
}

TEST_P(ReportContractTest, RepeatedClassificationOrPersonRoleIsInvalid) {
  domain::Person person = StorePerson(FullPerson());
  domain::Report report = FullReport("20/1234/26");
  report.included_classifications = {"stalking", "harassment"};  // Repeats the principal.
  core::Status status = TryInsert(report);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status;

  report.included_classifications = {"stalking"};
  report.persons = {{person.id, PersonRole::kVictim}, {person.id, PersonRole::kVictim}};
  status = TryInsert(report);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
