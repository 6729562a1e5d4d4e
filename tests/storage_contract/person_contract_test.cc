// Contract: persons — round trip, versions, conflicts and search.

#include <gtest/gtest.h>

#include <set>

#include "core/time.h"
#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"
#include "testing/test_lookups.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using storage::TransactionMode;

class PersonContractTest : public StorageContractTest {
 protected:
  // Searches in a new read transaction.
  core::Result<storage::PersonPage> Search(const storage::PersonQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->SearchPersons(query);
  }
};

TEST_P(PersonContractTest, InsertAssignsIdAndVersionOneAndGetReturnsEveryField) {
  domain::Person person = FullPerson();
  domain::Person stored = StorePerson(person);
  EXPECT_TRUE(stored.id.assigned());
  EXPECT_EQ(stored.version, 1);

  core::Result<domain::Person> read = ReadPerson(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSamePerson(stored, *read);
  EXPECT_EQ(read->names.size(), 2u);
}

TEST_P(PersonContractTest, PersonWithoutOptionalFieldsRoundTrips) {
  domain::Person person;
  person.force = "west_midlands";
  person.names = {{"", "Unknown", false}};
  domain::Person stored = StorePerson(person);
  core::Result<domain::Person> read = ReadPerson(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSamePerson(stored, *read);
  EXPECT_FALSE(read->date_of_birth.has_value());
}

TEST_P(PersonContractTest, InsertsGetDistinctIds) {
  domain::Person first = StorePerson(FullPerson("Ann", "Able"));
  domain::Person second = StorePerson(FullPerson("Ben", "Baker"));
  EXPECT_NE(first.id, second.id);
  EXPECT_EQ(ReadPerson(second.id)->names.front().given_name, "Ben");
}

TEST_P(PersonContractTest, UpdateReplacesEveryFieldAndIncrementsVersion) {
  domain::Person stored = StorePerson(FullPerson());
  domain::Person changed = stored;
  changed.force = "west_yorkshire";
  changed.names = {{"Joanna", "Bloggs-Smith", false}};
  changed.date_of_birth.reset();
  changed.phones = {"07700 900999"};
  changed.emails.clear();
  changed.handles = {{"x", "@jbs"}, {"snapchat", "jbs_snaps"}};
  changed.addresses = {{"2 Low Road", "", "Leeds", "LS1 4AP"}};
  changed.vehicles.clear();
  changed.updated_at = HoursAfterNow(1);

  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status updated = transaction->UpdatePerson(changed);
  ASSERT_TRUE(updated.ok()) << updated;
  EXPECT_EQ(changed.version, 2);
  ASSERT_TRUE(transaction->Commit().ok());

  core::Result<domain::Person> read = ReadPerson(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSamePerson(changed, *read);

  // A second update bumps the version again.
  transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdatePerson(changed).ok());
  EXPECT_EQ(changed.version, 3);
  ASSERT_TRUE(transaction->Commit().ok());
  EXPECT_EQ(ReadPerson(stored.id)->version, 3);
}

TEST_P(PersonContractTest, UpdateKeepsTheStoredCreatedAt) {
  domain::Person stored = StorePerson(FullPerson());
  domain::Person changed = stored;
  changed.created_at = HoursAfterNow(5);
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdatePerson(changed).ok());
  ASSERT_TRUE(transaction->Commit().ok());
  EXPECT_EQ(testing::DescribeTime(changed.created_at), testing::DescribeTime(stored.created_at));
  EXPECT_EQ(testing::DescribeTime(ReadPerson(stored.id)->created_at),
            testing::DescribeTime(stored.created_at));
}

TEST_P(PersonContractTest, StaleUpdateIsAConflictAndLeavesTheStoredPersonUnchanged) {
  domain::Person stored = StorePerson(FullPerson());
  domain::Person first = stored;
  first.force = "west_yorkshire";
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdatePerson(first).ok());
  ASSERT_TRUE(transaction->Commit().ok());

  domain::Person stale = stored;  // Still version 1.
  stale.names = {{"Someone", "Else", false}};
  transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status status = transaction->UpdatePerson(stale);
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status;
  EXPECT_EQ(stale.version, 1) << "a failed update must not bump the caller's version";
  ASSERT_TRUE(transaction->Commit().ok());

  core::Result<domain::Person> read = ReadPerson(stored.id);
  ASSERT_TRUE(read.ok());
  testing::ExpectSamePerson(first, *read);
}

TEST_P(PersonContractTest, UnknownPersonIsNotFound) {
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  EXPECT_EQ(transaction->GetPerson(domain::PersonId(999)).status().code(), StatusCode::kNotFound);
  domain::Person person = FullPerson();
  person.id = domain::PersonId(999);
  person.version = 1;
  core::Status status = transaction->UpdatePerson(person);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
}

TEST_P(PersonContractTest, SearchByNamePrefixMatchesGivenFamilyAndAliasNamesInAnyCase) {
  domain::Person jo = StorePerson(FullPerson("Jo", "Bloggs"));        // Alias Joanne Smith.
  domain::Person john = StorePerson(FullPerson("John", "Smithers"));  // Alias Joanne Smith.
  domain::Person mary = StorePerson(testing::MakePerson("Mary", "Jones"));
  domain::Person anne = StorePerson(testing::MakePerson("Anne", "Bloggett"));

  auto ids = [&](const std::string& prefix) {
    storage::PersonQuery query;
    query.name_prefix = prefix;
    core::Result<storage::PersonPage> page = Search(query);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::int64_t> found;
    if (page.ok()) {
      for (const domain::Person& person : page->items) found.push_back(person.id.value);
      EXPECT_EQ(page->total, static_cast<std::int64_t>(found.size()));
    }
    return found;
  };
  EXPECT_EQ(ids("jo"), (std::vector<std::int64_t>{jo.id.value, john.id.value, mary.id.value}));
  EXPECT_EQ(ids("BLOGG"), (std::vector<std::int64_t>{jo.id.value, anne.id.value}));
  EXPECT_EQ(ids("Joanne"), (std::vector<std::int64_t>{jo.id.value, john.id.value}));
  EXPECT_EQ(ids("smithers"), (std::vector<std::int64_t>{john.id.value}));
  EXPECT_EQ(ids("zz"), (std::vector<std::int64_t>{}));
}

TEST_P(PersonContractTest, SearchByForceAndDateOfBirth) {
  domain::Person midlands = StorePerson(FullPerson("Ann", "Able"));
  domain::Person yorkshire_person = FullPerson("Ben", "Baker");
  yorkshire_person.force = "west_yorkshire";
  yorkshire_person.date_of_birth = core::ParseDate("1990-01-02");
  domain::Person yorkshire = StorePerson(yorkshire_person);

  storage::PersonQuery by_force;
  by_force.force = "west_yorkshire";
  core::Result<storage::PersonPage> page = Search(by_force);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, yorkshire.id);
  testing::ExpectSamePerson(yorkshire, page->items[0]);

  storage::PersonQuery by_birth;
  by_birth.date_of_birth = midlands.date_of_birth;
  page = Search(by_birth);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, midlands.id);
}

TEST_P(PersonContractTest, SearchPagesAreCompleteInIdOrder) {
  std::vector<std::int64_t> expected;
  for (int index = 0; index < 7; ++index) {
    expected.push_back(StorePerson(FullPerson("Sam", "Taylor" + std::to_string(index))).id.value);
  }
  StorePerson(testing::MakePerson("Other", "Person"));
  storage::PersonQuery query;
  query.name_prefix = "sam";
  query.limit = 3;
  std::vector<std::int64_t> seen;
  for (int page_number = 0; page_number < 10; ++page_number) {
    core::Result<storage::PersonPage> page = Search(query);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total, 7);
    EXPECT_LE(page->items.size(), 3u);
    for (const domain::Person& person : page->items) seen.push_back(person.id.value);
    if (!page->next_cursor) break;
    query.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, expected);
}

TEST_P(PersonContractTest, SearchRejectsABadLimitOrCursor) {
  for (int limit : {0, -1, 501}) {
    storage::PersonQuery query;
    query.limit = limit;
    core::Result<storage::PersonPage> page = Search(query);
    ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument) << limit;
    ASSERT_EQ(page.status().field_errors().size(), 1u);
    EXPECT_EQ(page.status().field_errors()[0].field, "limit");
  }
  for (const char* cursor : {"", "abc", "0", "-4", "12x"}) {
    storage::PersonQuery query;
    query.cursor = cursor;
    core::Result<storage::PersonPage> page = Search(query);
    ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument) << cursor;
    ASSERT_EQ(page.status().field_errors().size(), 1u);
    EXPECT_EQ(page.status().field_errors()[0].field, "cursor");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
