#include "linkage/pipeline.h"

#include <gtest/gtest.h>

#include "linkage/default_model.h"
#include "linkage/evaluation.h"
#include "linkage/testing/synthetic_people.h"

namespace vigil::linkage {
namespace {

// End to end on synthetic people with typos, nicknames and swapped dates:
// unsupervised training must find them well.
TEST(RunLinkageTest, DeduplicatesSyntheticPeopleAccurately) {
  std::vector<RoleField> roles = {
      {"given_name", FieldRole::kGivenName}, {"surname", FieldRole::kSurname},
      {"dob", FieldRole::kDateOfBirth},      {"sex", FieldRole::kSex},
      {"postcode", FieldRole::kPostcode},    {"address", FieldRole::kAddress},
      {"phone", FieldRole::kPhone},          {"email", FieldRole::kEmail}};
  std::vector<FieldSpec> fields;
  for (const RoleField& role : roles) fields.push_back({role.name, KindOfRole(role.role)});
  RecordPreparer preparer(fields);
  std::vector<std::uint64_t> truth;
  Random generator(99);
  testing::GenerateSyntheticPeople(
      4000, {}, generator, [&](const testing::SyntheticRecord& record) {
        std::vector<std::string_view> values = {record.given_name, record.surname,  record.dob,
                                                record.sex,        record.postcode, record.address,
                                                record.phone,      record.email};
        preparer.Add(record.id, 0, values);
        truth.push_back(record.person);
      });
  PreparedRecords records = preparer.Finish(2).value();
  Model model = DefaultModel(roles, LinkType::kDeduplicate, &records, 2).value();
  model.training.max_pairs_for_u = 200'000;  // Plenty for 4,000 records; keeps the test quick.
  Random random(5);
  LinkageOptions options;
  options.threads = 2;
  std::uint64_t extra = 0;
  core::Result<LinkageRun> run =
      RunLinkage(records, model, options, random,
                 [&](const PredictionBatch& batch) { extra += batch.size(); });
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_TRUE(run->model.trained);
  EXPECT_EQ(extra, run->links.size());
  std::vector<std::uint8_t> sources(records.size(), 0);
  PairwiseMetrics metrics =
      EvaluateClusters(run->clustering.cluster_of, truth, sources, LinkType::kDeduplicate);
  EXPECT_GT(metrics.precision, 0.97) << metrics.precision;
  EXPECT_GT(metrics.recall, 0.93) << metrics.recall;
}

}  // namespace
}  // namespace vigil::linkage
