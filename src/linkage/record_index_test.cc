#include "linkage/record_index.h"

#include <gtest/gtest.h>

#include <thread>

#include "linkage/default_model.h"
#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

LinkageRecord Person(std::string given, std::string surname, std::string dob, std::string postcode,
                     std::string email = "") {
  return LinkageRecord{"",
                       0,
                       {{"given_name", std::move(given)},
                        {"surname", std::move(surname)},
                        {"dob", std::move(dob)},
                        {"postcode", std::move(postcode)},
                        {"email", std::move(email)}}};
}

IndexEntity Entity(std::string id, std::vector<LinkageRecord> records) {
  return IndexEntity{std::move(id), std::move(records)};
}

std::vector<IndexEntity> People() {
  return {Entity("1", {Person("Jonathan", "Smith", "1980-03-12", "SW1A 1AA", "jo@example.com")}),
          Entity("2", {Person("Mary", "Jones", "1975-07-01", "M1 1AE")}),
          Entity("3", {Person("Peter", "Smith", "1990-01-02", "LS1 4AP")}),
          Entity("4", {Person("Ann", "Brown", "1985-12-24", "B1 1AA"),
                       Person("Annie", "Black", "1985-12-24", "B2 4QA")})};
}

MatchOptions Options(double threshold = 0.5) {
  MatchOptions options;
  options.threshold_match_probability = threshold;
  return options;
}

TEST(RecordIndexTest, FindsTheSamePersonWithExplanation) {
  auto index = RecordIndex::Create(testing::PersonModel(), People());
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ((*index)->size(), 4u);
  std::vector<LinkageRecord> query = {Person("Jon", "Smith", "12/03/1980", "SW1A1AA")};
  auto result = (*index)->Match(query, Options());
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_FALSE(result->matches.empty());
  EXPECT_EQ(result->matches[0].id, "1");
  EXPECT_GT(result->matches[0].match_probability, 0.5);
  ASSERT_EQ(result->matches[0].comparisons.size(), (*index)->model().comparisons.size());
  EXPECT_EQ(result->matches[0].comparisons[1].comparison, "surname");
  EXPECT_EQ(result->matches[0].comparisons[1].level, "exact");
  for (const IndexMatch& match : result->matches) EXPECT_NE(match.id, "2");
}

TEST(RecordIndexTest, BestRecordOfAnEntityCountsOnce) {
  auto index = RecordIndex::Create(testing::PersonModel(), People());
  ASSERT_TRUE(index.ok()) << index.status();
  std::vector<LinkageRecord> query = {Person("Annie", "Black", "1985-12-24", "B2 4QA")};
  auto result = (*index)->Match(query, Options());
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->matches.size(), 1u);
  EXPECT_EQ(result->matches[0].id, "4");
}

TEST(RecordIndexTest, UpsertAndRemoveAreSeenByTheNextMatch) {
  auto created = RecordIndex::Create(testing::PersonModel(), People());
  ASSERT_TRUE(created.ok());
  RecordIndex& index = **created;
  std::vector<LinkageRecord> query = {Person("Zebedee", "Quixote", "2001-05-06", "EH1 1YZ")};
  auto before = index.Match(query, Options());
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->matches.empty());

  ASSERT_TRUE(index.Upsert(Entity("9", query)).ok());
  EXPECT_EQ(index.size(), 5u);
  auto added = index.Match(query, Options());
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->matches.size(), 1u);
  EXPECT_EQ(added->matches[0].id, "9");

  MatchOptions excluding = Options();
  excluding.exclude_id = "9";
  auto excluded = index.Match(query, excluding);
  ASSERT_TRUE(excluded.ok());
  EXPECT_TRUE(excluded->matches.empty());

  // An edit replaces the entity's records: the old values no longer find it.
  ASSERT_TRUE(index.Upsert(Entity("9", {Person("Mary", "Jones", "1975-07-01", "M1 1AE")})).ok());
  auto edited = index.Match(query, Options());
  ASSERT_TRUE(edited.ok());
  EXPECT_TRUE(edited->matches.empty());

  EXPECT_TRUE(index.Remove("9"));
  EXPECT_FALSE(index.Remove("9"));
  EXPECT_EQ(index.size(), 4u);
  auto mary = index.Match({{Person("Mary", "Jones", "1975-07-01", "M1 1AE")}}, Options());
  ASSERT_TRUE(mary.ok());
  ASSERT_EQ(mary->matches.size(), 1u);
  EXPECT_EQ(mary->matches[0].id, "2");
}

TEST(RecordIndexTest, SkipsHugeBlocksAndSaysSo) {
  std::vector<IndexEntity> people;
  for (int person = 0; person < 30; ++person) {
    people.push_back(Entity(std::to_string(person),
                            {Person("Given" + std::to_string(person), "Smith",
                                    "19" + std::to_string(50 + person) + "-01-01", "")}));
  }
  RecordIndexOptions options;
  options.max_block_size = 10;
  auto index = RecordIndex::Create(testing::PersonModel(), people, options);
  ASSERT_TRUE(index.ok());
  auto result = (*index)->Match({{Person("Given3", "Smith", "1953-01-01", "")}}, Options());
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->skipped_blocks.empty());
  EXPECT_EQ(result->skipped_blocks[0].size, 30u);
  // Still found through the date of birth.
  ASSERT_FALSE(result->matches.empty());
  EXPECT_EQ(result->matches[0].id, "3");

  options.max_block_size = 0;
  options.max_candidates_per_key = 5;
  auto capped = RecordIndex::Create(testing::PersonModel(), people, options);
  ASSERT_TRUE(capped.ok());
  auto limited = (*capped)->Match({{Person("Given3", "Smith", "1953-01-01", "")}}, Options());
  ASSERT_TRUE(limited.ok());
  EXPECT_TRUE(limited->candidates_capped);
}

TEST(RecordIndexTest, RejectsBadInput) {
  EXPECT_EQ(RecordIndex::Create(testing::PersonModel(), {{Entity("1", {}), Entity("", {})}})
                .status()
                .code(),
            core::StatusCode::kInvalidArgument);
  auto index = RecordIndex::Create(testing::PersonModel(), People());
  ASSERT_TRUE(index.ok());
  EXPECT_FALSE((*index)->Upsert(Entity("", {Person("a", "b", "", "")})).ok());
  EXPECT_FALSE((*index)->Match({}, Options()).ok());
  MatchOptions zero = Options();
  zero.limit = 0;
  EXPECT_FALSE((*index)->Match({{Person("a", "b", "", "")}}, zero).ok());
}

TEST(RecordIndexTest, WorksWithTheDefaultModelAndConcurrentQueries) {
  std::vector<RoleField> roles = {{"given_name", FieldRole::kGivenName},
                                  {"surname", FieldRole::kSurname},
                                  {"dob", FieldRole::kDateOfBirth},
                                  {"postcode", FieldRole::kPostcode},
                                  {"email", FieldRole::kEmail}};
  auto model = DefaultModel(roles, LinkType::kDeduplicate);
  ASSERT_TRUE(model.ok()) << model.status();
  SetUntrainedProbabilities(*model);
  ASSERT_TRUE(ValidateModel(*model).ok());
  auto created = RecordIndex::Create(*model, People());
  ASSERT_TRUE(created.ok()) << created.status();
  RecordIndex& index = **created;
  {
    auto single = index.Match(
        {{Person("Jonathan", "Smith", "1980-03-12", "SW1A 1AA", "jo@example.com")}}, Options(0.0));
    ASSERT_TRUE(single.ok());
    ASSERT_FALSE(single->matches.empty());
    EXPECT_EQ(single->matches[0].id, "1");
    EXPECT_GT(single->matches[0].match_probability, 0.9);
  }
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&index, thread] {
      for (int round = 0; round < 50; ++round) {
        if (thread == 0) {
          ASSERT_TRUE(index
                          .Upsert(Entity("new" + std::to_string(round),
                                         {Person("Name" + std::to_string(round), "Smith",
                                                 "1980-03-12", "SW1A 1AA")}))
                          .ok());
        } else {
          auto result = index.Match(
              {{Person("Jonathan", "Smith", "1980-03-12", "SW1A 1AA", "jo@example.com")}},
              Options(0.9));
          ASSERT_TRUE(result.ok());
          ASSERT_FALSE(result->matches.empty());
          EXPECT_EQ(result->matches[0].id, "1");
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(index.size(), 54u);
}

}  // namespace
}  // namespace vigil::linkage
