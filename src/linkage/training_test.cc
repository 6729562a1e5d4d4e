#include "linkage/training.h"

#include <gtest/gtest.h>

#include "linkage/default_model.h"
#include "linkage/testing/synthetic_people.h"
#include "linkage/testing/test_models.h"

namespace vigil::linkage {
namespace {

struct Synthetic {
  std::vector<RoleField> roles = {{"given_name", FieldRole::kGivenName},
                                  {"surname", FieldRole::kSurname},
                                  {"dob", FieldRole::kDateOfBirth},
                                  {"postcode", FieldRole::kPostcode},
                                  {"email", FieldRole::kEmail}};
  PreparedRecords records;
  std::vector<std::uint64_t> person;
};

Synthetic MakePeople(std::uint64_t count, std::uint64_t seed) {
  Synthetic synthetic;
  std::vector<FieldSpec> fields;
  for (const RoleField& role : synthetic.roles)
    fields.push_back({role.name, KindOfRole(role.role)});
  RecordPreparer preparer(fields);
  Random random(seed);
  testing::GenerateSyntheticPeople(count, {}, random, [&](const testing::SyntheticRecord& record) {
    std::vector<std::string_view> values = {record.given_name, record.surname, record.dob,
                                            record.postcode, record.email};
    preparer.Add(record.id, 0, values);
    synthetic.person.push_back(record.person);
  });
  synthetic.records = preparer.Finish(2).value();
  return synthetic;
}

TEST(EstimateUTest, UsesEveryPairWhenThereAreFewAndIsSeeded) {
  Model model = testing::PersonModel();
  PreparedRecords records = testing::Prepare({
      {"a", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"b", "John", "Brown", "1980-03-12", "SW1A 1BB", ""},
      {"c", "Mary", "Jones", "1975-01-01", "M1 1AE", ""},
  });
  Random random(1);
  std::uint64_t pairs = 0;
  ASSERT_TRUE(EstimateU(model, records, random, 2, &pairs).ok());
  EXPECT_EQ(pairs, 3u);
  // Given names: 1 exact pair in 3; a level never seen gets half a pair.
  EXPECT_NEAR(model.comparisons[0].levels[1].u_probability, 1.0 / 3, 1e-9);
  EXPECT_NEAR(model.comparisons[0].levels[2].u_probability, 0.5 / 3, 1e-9);
  EXPECT_NEAR(model.comparisons[0].levels[3].u_probability, 2.0 / 3, 1e-9);
}

TEST(EstimateUTest, SamplesReproduciblyForOneSeed) {
  Synthetic people = MakePeople(3000, 4);
  Model model = DefaultModel(people.roles, LinkType::kDeduplicate, &people.records, 2).value();
  model.training.max_pairs_for_u = 20000;
  Model first = model;
  Model second = model;
  Random random_one(77);
  Random random_two(77);
  ASSERT_TRUE(EstimateU(first, people.records, random_one, 1).ok());
  ASSERT_TRUE(EstimateU(second, people.records, random_two, 2).ok());
  EXPECT_EQ(first, second);  // Same seed, different thread counts.
  EXPECT_NE(first, model);
}

TEST(TrainModelTest, LearnsSensibleWeightsWithoutLabels) {
  Synthetic people = MakePeople(6000, 8);
  Model model = DefaultModel(people.roles, LinkType::kDeduplicate, &people.records, 2).value();
  model.training.max_pairs_for_u = 200'000;
  Random random(42);
  core::Result<TrainingReport> report = TrainModel(model, people.records, random, 2);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(model.trained);
  EXPECT_TRUE(report->warnings.empty()) << report->warnings.front();
  ASSERT_EQ(report->sessions.size(), 2u);
  for (const SessionReport& session : report->sessions) {
    EXPECT_TRUE(session.converged) << session.rule;
    EXPECT_GT(session.pairs_used, 0u);
    EXPECT_GT(session.lambda, 0.0);
  }
  // Agreeing exactly on a date of birth is strong evidence; disagreeing is
  // evidence against.
  const Comparison& dob = model.comparisons[2];
  EXPECT_GT(dob.levels[1].MatchWeight(), 8.0);
  EXPECT_LT(dob.levels.back().MatchWeight(), -2.0);
  // Matches mostly agree exactly on surname.
  EXPECT_GT(model.comparisons[1].levels[1].m_probability, 0.6);
  // About one record in two has a duplicate among 6,000: a prior near
  // (pairs of duplicates) / (all pairs) ~ 1e-4 (an order of magnitude either way).
  EXPECT_GT(model.prior, 1e-5);
  EXPECT_LT(model.prior, 1e-3);
  EXPECT_GT(report->recall, 0.0);
}

TEST(TrainModelTest, WarnsAboutWhatItCouldNotEstimate) {
  Model model = testing::PersonModel();
  PreparedRecords records = testing::Prepare({
      {"a", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"b", "John", "Smith", "1980-03-12", "SW1A 1BB", ""},
      {"c", "Mary", "Jones", "1975-01-01", "M1 1AE", ""},
  });
  model.training.sessions = {BlockOn({"email"})};  // No record has an email.
  Random random(1);
  TrainingReport report = TrainModel(model, records, random, 1).value();
  ASSERT_EQ(report.warnings.size(), 6u);
  EXPECT_NE(report.warnings[0].find("training session on email was skipped"), std::string::npos)
      << report.warnings[0];
  EXPECT_NE(report.warnings[1].find("comparison given_name"), std::string::npos);
  EXPECT_NE(report.warnings[5].find("no deterministic rules"), std::string::npos);
  EXPECT_TRUE(report.sessions.empty());
  EXPECT_TRUE(model.trained);
}

TEST(EstimateFromLabelsTest, SetsMFromLabelledMatches) {
  Model model = testing::PersonModel();
  PreparedRecords records = testing::Prepare({
      {"a", "John", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"b", "John", "Smith", "1980-12-03", "SW1A 1BB", ""},
      {"c", "Jon", "Smith", "1980-03-12", "SW1A 1AA", ""},
      {"d", "Mary", "Jones", "1975-01-01", "M1 1AE", ""},
  });
  std::vector<LabelledPair> labels = {{0, 1, true}, {0, 2, true}, {0, 3, false}};
  ASSERT_TRUE(EstimateFromLabels(model, records, labels, true).ok());
  EXPECT_NEAR(model.comparisons[2].levels[1].m_probability, 0.5, 1e-9);  // dob exact 1 of 2.
  EXPECT_NEAR(model.comparisons[2].levels[2].m_probability, 0.5, 1e-9);  // swapped 1 of 2.
  EXPECT_NEAR(model.comparisons[1].levels[2].u_probability, 1.0, 1e-9);  // surname else.
  std::vector<LabelledPair> no_match = {{0, 3, false}};
  EXPECT_FALSE(EstimateFromLabels(model, records, no_match).ok());
  std::vector<LabelledPair> out_of_range = {{0, 9, true}};
  EXPECT_FALSE(EstimateFromLabels(model, records, out_of_range).ok());
}

TEST(EstimatePriorTest, DividesRulePairsByRecall) {
  Model model = testing::PersonModel();
  PreparedRecords records = testing::Prepare({
      {"a", "John", "Smith", "1980-03-12", "", ""},
      {"b", "John", "Smith", "1980-03-12", "", ""},
      {"c", "Mary", "Jones", "1975-01-01", "", ""},
      {"d", "Mary", "Brown", "1975-01-01", "", ""},
      {"e", "Anne", "Green", "1990-05-05", "", ""},
  });
  model.training.deterministic_rules = {BlockOn({"given_name", "surname"})};
  model.training.recall = 0.5;
  TrainingReport report;
  ASSERT_TRUE(EstimatePrior(model, records, 1, report).ok());
  EXPECT_EQ(report.deterministic_pairs, 1u);
  EXPECT_NEAR(model.prior, 1.0 / 0.5 / 10.0, 1e-12);
  model.training.recall = 0;  // Estimated from m of the exact levels.
  ASSERT_TRUE(EstimatePrior(model, records, 1, report).ok());
  EXPECT_NEAR(report.recall, 0.8 * 0.85, 1e-9);
}

}  // namespace
}  // namespace vigil::linkage
