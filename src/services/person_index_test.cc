#include "services/person_index.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::services {
namespace {

using core::StatusCode;

domain::Actor Investigator(const std::string& force = "west_midlands") {
  return {"dc.patel", "DC Sam Patel", {"investigator"}, force, ""};
}

domain::Person Someone(const std::string& given, const std::string& family, const std::string& dob,
                       const std::string& phone, const std::string& force = "west_midlands") {
  domain::Person person = testing::MakePerson(given, family);
  person.force = force;
  person.date_of_birth = core::ParseDate(dob);
  person.phones = {phone};
  person.emails = {given + "." + family + "@example.org"};
  return person;
}

TEST(PersonLinkageRecordsTest, OneRecordPerVariantFallingBackToTheFirstValue) {
  domain::Person person = testing::MakePerson("Rebecca", "Jones");
  person.id = domain::PersonId{7};
  person.names.push_back({"Becky", "Smith", true});
  person.names.push_back({"Bex", "Jones", true});
  person.phones = {"07700 900123", "07700 900456"};
  std::vector<linkage::LinkageRecord> records = PersonLinkageRecords(person);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, "7");
  EXPECT_EQ(records[1].id, "7#1");
  EXPECT_EQ(records[0].Get("given_name"), "Rebecca");
  EXPECT_EQ(records[1].Get("surname"), "Smith");
  EXPECT_EQ(records[1].Get("phone"), "07700 900456");
  EXPECT_EQ(records[2].Get("phone"), "07700 900123");  // Falls back to the first.
  EXPECT_EQ(records[2].Get("dob"), "1990-04-01");
  EXPECT_EQ(records[0].Get("postcode"), "B1 1AA");
  EXPECT_EQ(records[0].Get("address"), "1 High Street Birmingham");
}

class PersonMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
    services_ = std::make_unique<Services>(*store_, testing::TestLookups(), clock_);
  }

  Caller As(domain::Actor actor) { return Caller{std::move(actor), "test-request", ""}; }

  void LoadIndex() {
    auto model = UntrainedPersonModel();
    ASSERT_TRUE(model.ok()) << model.status();
    auto index = PersonIndex::Load(*store_, *model);
    ASSERT_TRUE(index.ok()) << index.status();
    services_->SetPersonIndex(std::move(index).value());
  }

  domain::Person Create(const domain::Person& person, const std::string& force = "west_midlands") {
    auto created = services_->CreatePerson(As(Investigator(force)), person);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : domain::Person{};
  }

  testing::TempDir folder_;
  core::FakeClock clock_{testing::TestNow()};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<Services> services_;
};

TEST_F(PersonMatchTest, FindsStoredPersonsLoadedAndCreatedWithExplanations) {
  domain::Person before = Create(Someone("Rebecca", "Jones", "1990-04-01", "07700 900123"));
  LoadIndex();
  domain::Person after = Create(Someone("Mark", "Taylor", "1972-11-30", "07700 900999"));

  domain::Person becky = Someone("Becky", "Jones", "1990-04-01", "07700900123");
  becky.emails = before.emails;
  auto found = services_->MatchPerson(As(Investigator()), becky, 10);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->candidates.size(), 1u);
  EXPECT_EQ(found->candidates[0].person_id, before.id);
  EXPECT_GT(found->candidates[0].match_probability, 0.9);
  EXPECT_FALSE(found->model_trained);
  ASSERT_FALSE(found->candidates[0].comparisons.empty());
  EXPECT_EQ(found->candidates[0].comparisons[0].comparison, "given_name");
  EXPECT_EQ(found->candidates[0].comparisons[0].level, "nickname");

  auto mark = services_->MatchPerson(As(Investigator()),
                                     Someone("Mark", "Taylor", "1972-11-30", "07700 900999"), 10);
  ASSERT_TRUE(mark.ok()) << mark.status();
  ASSERT_EQ(mark->candidates.size(), 1u);
  EXPECT_EQ(mark->candidates[0].person_id, after.id);

  // An edit is seen by the next match.
  after.names[0].given_name = "Marcus";
  after.names[0].family_name = "Fielding";
  after.phones = {"07700 900888"};
  after.emails = {"m.fielding@example.org"};
  after.date_of_birth = core::ParseDate("1960-01-01");
  after.addresses.clear();
  ASSERT_TRUE(services_->UpdatePerson(As(Investigator()), after).ok());
  auto edited = services_->MatchPerson(As(Investigator()),
                                       Someone("Mark", "Taylor", "1972-11-30", "07700 900999"), 10);
  ASSERT_TRUE(edited.ok());
  EXPECT_TRUE(edited->candidates.empty());
}

TEST_F(PersonMatchTest, OnlyTheCallersForceUnlessSystem) {
  LoadIndex();
  domain::Person other =
      Create(Someone("Rebecca", "Jones", "1990-04-01", "07700 900123", "merseyside"), "merseyside");
  domain::Person query = Someone("Rebecca", "Jones", "1990-04-01", "07700 900123");
  auto mine = services_->MatchPerson(As(Investigator()), query, 10);
  ASSERT_TRUE(mine.ok()) << mine.status();
  EXPECT_TRUE(mine->candidates.empty());
  domain::Actor system{"vigil", "vigil", {"system"}, "", ""};
  query.force.clear();
  auto all = services_->MatchPerson(As(system), query, 10);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->candidates.size(), 1u);
  EXPECT_EQ(all->candidates[0].person_id, other.id);
}

TEST_F(PersonMatchTest, RefusesDeniesAndAudits) {
  LoadIndex();
  domain::Actor nobody{"x", "X", {}, "west_midlands", ""};
  domain::Person query = Someone("Rebecca", "Jones", "1990-04-01", "07700 900123");
  EXPECT_EQ(services_->MatchPerson(As(nobody), query, 10).status().code(),
            StatusCode::kPermissionDenied);
  auto transaction = store_->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  auto events = (*transaction)->ListAudit(0, "person", 10);
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ((*events)[0].action, "person.match");
  EXPECT_EQ((*events)[0].outcome, "denied");
  ASSERT_TRUE((*transaction)->Commit().ok());

  auto bad_limit = services_->MatchPerson(As(Investigator()), query, 0);
  EXPECT_EQ(bad_limit.status().code(), StatusCode::kInvalidArgument);
  domain::Person nameless = query;
  nameless.names.clear();
  EXPECT_EQ(services_->MatchPerson(As(Investigator()), nameless, 10).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(PersonMatchTest, WithoutAnIndexMatchingIsUnavailable) {
  domain::Person query = Someone("Rebecca", "Jones", "1990-04-01", "07700 900123");
  EXPECT_EQ(services_->MatchPerson(As(Investigator()), query, 10).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(PersonMatchTest, ImportedPersonsAreIndexed) {
  LoadIndex();
  ImportBatch batch;
  batch.persons.push_back(
      {"p1", Someone("Rebecca", "Jones", "1990-04-01", "07700 900123"), "persons.csv line 2"});
  ASSERT_TRUE(services_->Import(As(Investigator()), batch).ok());
  auto found = services_->MatchPerson(
      As(Investigator()), Someone("Rebecca", "Jones", "1990-04-01", "07700 900123"), 10);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->candidates.size(), 1u);
}

}  // namespace
}  // namespace vigil::services
