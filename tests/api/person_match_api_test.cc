// POST /api/v1/persons/match: who a person (not stored) may be among the
// stored persons, explained; strict bodies, limits and force checks.

#include "api/api_test_fixture.h"

namespace vigil::api_test {
namespace {

using PersonMatchApiTest = ApiTest;

nlohmann::json Different(const std::string& given, const std::string& family) {
  nlohmann::json body = PersonBody(given, family);
  body["date_of_birth"] = "1971-02-03";
  body["phones"] = {"07700 900456"};
  body["emails"] = {given + "@example.net"};
  body["addresses"][0]["postcode"] = "LS1 4AP";
  return body;
}

TEST_F(PersonMatchApiTest, FindsTheStoredPersonWithTheEvidence) {
  nlohmann::json stored = CreatePerson(PersonBody("Rebecca", "Jones"));
  CreatePerson(Different("Mark", "Taylor"));
  nlohmann::json query = PersonBody("Becky", "Jones");
  query["limit"] = 5;
  httplib::Result result = Post("/api/v1/persons/match", query);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json body = BodyOf(result);
  ASSERT_EQ(body["candidates"].size(), 1u) << body.dump();
  const nlohmann::json& candidate = body["candidates"][0];
  EXPECT_EQ(candidate["person_id"], stored["id"]);
  EXPECT_GT(candidate["match_probability"].get<double>(), 0.9);
  EXPECT_TRUE(candidate["match_weight"].is_number());
  ASSERT_FALSE(candidate["comparisons"].empty());
  EXPECT_EQ(candidate["comparisons"][0]["comparison"], "given_name");
  EXPECT_EQ(candidate["comparisons"][0]["level"], "nickname");
  EXPECT_TRUE(candidate["comparisons"][0]["weight"].is_number());
  EXPECT_EQ(body["model_version"], 1);
  EXPECT_EQ(body["model_trained"], false);
  EXPECT_TRUE(body["skipped_blocks"].is_array());

  // Nothing was stored by matching.
  httplib::Result search = Get("/api/v1/persons?name=Becky");
  ASSERT_TRUE(search);
  EXPECT_EQ(BodyOf(search)["total"], 0);
}

TEST_F(PersonMatchApiTest, NoCandidatesIsAnEmptyList) {
  CreatePerson(PersonBody("Rebecca", "Jones"));
  httplib::Result result = Post("/api/v1/persons/match", Different("Zed", "Quill"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(BodyOf(result)["candidates"], nlohmann::json::array());
}

TEST_F(PersonMatchApiTest, BadBodiesAre422WithEveryProblem) {
  nlohmann::json query = PersonBody("Rebecca", "Jones");
  query["limit"] = 0;
  query["names"] = nlohmann::json::array();
  query["height"] = 180;
  httplib::Result result = Post("/api/v1/persons/match", query);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422) << result->body;
  nlohmann::json body = BodyOf(result);
  EXPECT_TRUE(HasError(body, "limit", "out_of_range")) << body.dump();
  EXPECT_TRUE(HasError(body, "height", "unknown_field")) << body.dump();

  query = PersonBody("Rebecca", "Jones");
  query["limit"] = "ten";
  httplib::Result text_limit = Post("/api/v1/persons/match", query);
  ASSERT_TRUE(text_limit);
  EXPECT_EQ(text_limit->status, 422);

  httplib::Result nameless = Post("/api/v1/persons/match", {{"force", "west_midlands"}});
  ASSERT_TRUE(nameless);
  EXPECT_EQ(nameless->status, 422) << nameless->body;
  EXPECT_TRUE(HasError(BodyOf(nameless), "names", "required")) << nameless->body;

  httplib::Result not_json = PostRaw("/api/v1/persons/match", "{");
  ASSERT_TRUE(not_json);
  EXPECT_GE(not_json->status, 400);
  EXPECT_LT(not_json->status, 500);
}

TEST_F(PersonMatchApiTest, MatchingAsAnotherForceIsForbidden) {
  nlohmann::json query = PersonBody("Rebecca", "Jones");
  query["force"] = "cleveland";
  httplib::Result result = Post("/api/v1/persons/match", query);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403) << result->body;
  EXPECT_TRUE(HasError(BodyOf(result), "", "permission_denied"));
}

TEST_F(PersonMatchApiTest, EditsAreSeenByTheNextMatch) {
  nlohmann::json stored = CreatePerson(PersonBody("Rebecca", "Jones"));
  nlohmann::json edited = Different("Rebecca", "Fielding");
  edited["version"] = stored["version"];
  httplib::Result put = Put("/api/v1/persons/" + stored["id"].dump(), edited);
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 200) << put->body;
  httplib::Result result = Post("/api/v1/persons/match", Different("Rebecca", "Fielding"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  ASSERT_EQ(BodyOf(result)["candidates"].size(), 1u);
  EXPECT_EQ(BodyOf(result)["candidates"][0]["person_id"], stored["id"]);
}

}  // namespace
}  // namespace vigil::api_test
