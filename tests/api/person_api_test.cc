// /api/v1/persons: create, read, update with versions, search, and strict
// validation of bodies, paths and query parameters.

#include "api/api_test_fixture.h"

namespace vigil::api_test {
namespace {

using PersonApiTest = ApiTest;

TEST_F(PersonApiTest, CreateReturns201WithLocationAndTheStoredPerson) {
  httplib::Result result = Post("/api/v1/persons", PersonBody("Rebecca", "Jones"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  nlohmann::json person = BodyOf(result);
  ASSERT_TRUE(person["id"].is_number_integer());
  EXPECT_EQ(result->get_header_value("Location"),
            "/api/v1/persons/" + std::to_string(person["id"].get<std::int64_t>()));
  EXPECT_EQ(person["version"], 1);
  EXPECT_EQ(person["names"][0]["family_name"], "Jones");
  EXPECT_EQ(person["date_of_birth"], "1990-04-01");
  EXPECT_EQ(person["created_at"], "2026-06-15T12:00:00Z");
}

TEST_F(PersonApiTest, GetReturnsWhatWasCreated) {
  nlohmann::json created = CreatePerson(PersonBody());
  httplib::Result result = Get("/api/v1/persons/" + created["id"].dump());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(BodyOf(result), created);
}

TEST_F(PersonApiTest, UnknownOrNonNumericIdsAre404) {
  for (const char* id : {"999999", "abc", "0", "-1", "1.5", "01", "99999999999999999999999"}) {
    httplib::Result result = Get(std::string("/api/v1/persons/") + id);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404) << id;
    EXPECT_TRUE(HasError(BodyOf(result), "", "not_found")) << id;
  }
}

TEST_F(PersonApiTest, UpdateNeedsTheCurrentVersion) {
  nlohmann::json person = CreatePerson(PersonBody());
  const std::string path = "/api/v1/persons/" + person["id"].dump();
  person["phones"] = {"07700 900999"};
  httplib::Result updated = Put(path, person);  // As GET returned it, version 1.
  ASSERT_TRUE(updated);
  ASSERT_EQ(updated->status, 200) << updated->body;
  EXPECT_EQ(BodyOf(updated)["version"], 2);
  EXPECT_EQ(BodyOf(updated)["phones"], nlohmann::json({"07700 900999"}));
  httplib::Result stale = Put(path, person);  // Still version 1.
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  EXPECT_TRUE(HasError(BodyOf(stale), "", "conflict"));
}

TEST_F(PersonApiTest, UpdateRequiresAVersionAndAMatchingId) {
  nlohmann::json person = CreatePerson(PersonBody());
  const std::string path = "/api/v1/persons/" + person["id"].dump();
  nlohmann::json without_version = person;
  without_version.erase("version");
  without_version["id"] = person["id"].get<std::int64_t>() + 1;
  httplib::Result result = Put(path, without_version);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json body = BodyOf(result);
  EXPECT_TRUE(HasError(body, "version", "required")) << body;
  EXPECT_TRUE(HasError(body, "id", "invalid_value")) << body;
  nlohmann::json without_id = person;
  without_id.erase("id");
  EXPECT_EQ(Put("/api/v1/persons/424242", without_id)->status, 404);
}

TEST_F(PersonApiTest, WrongTypesAre422WithTheirPaths) {
  nlohmann::json body = PersonBody();
  body["names"][0]["given_name"] = 7;
  body["phones"] = {"07700 900123", false};
  body["addresses"][0]["postcode"] = nlohmann::json::array();
  httplib::Result result = Post("/api/v1/persons", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json errors = BodyOf(result);
  EXPECT_TRUE(HasError(errors, "names[0].given_name", "wrong_type")) << errors;
  EXPECT_TRUE(HasError(errors, "phones[1]", "wrong_type")) << errors;
  EXPECT_TRUE(HasError(errors, "addresses[0].postcode", "wrong_type")) << errors;
  EXPECT_EQ(errors["errors"].size(), 3u);
}

TEST_F(PersonApiTest, UnknownAndServerOwnedFieldsAre422) {
  nlohmann::json body = PersonBody();
  body["shoe_size"] = 9;
  body["names"][0]["middle_name"] = "Ann";
  body["version"] = 4;
  httplib::Result result = Post("/api/v1/persons", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json errors = BodyOf(result);
  EXPECT_TRUE(HasError(errors, "shoe_size", "unknown_field")) << errors;
  EXPECT_TRUE(HasError(errors, "names[0].middle_name", "unknown_field")) << errors;
  EXPECT_TRUE(HasError(errors, "version", "unknown_field")) << errors;
}

TEST_F(PersonApiTest, InvalidDatesAre422) {
  nlohmann::json body = PersonBody();
  body["date_of_birth"] = "1990-02-30";
  httplib::Result result = Post("/api/v1/persons", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_TRUE(HasError(BodyOf(result), "date_of_birth", "invalid_date"));
}

TEST_F(PersonApiTest, DomainRulesAre422Too) {
  nlohmann::json body = PersonBody();
  body["date_of_birth"] = "2030-01-01";  // After "today" (2026-06-15).
  httplib::Result result = Post("/api/v1/persons", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_TRUE(HasError(BodyOf(result), "date_of_birth", "in_future")) << result->body;
}

TEST_F(PersonApiTest, SearchByNamePagesWithACursor) {
  for (const char* given : {"Ann", "Bea", "Cat", "Dee", "Eve"})
    CreatePerson(PersonBody(given, "Smith"));
  CreatePerson(PersonBody("Zed", "Jones"));
  std::vector<std::string> seen;
  std::string path = "/api/v1/persons?name=smi&limit=2";
  for (int page = 0; page < 5; ++page) {
    httplib::Result result = Get(path);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    nlohmann::json body = BodyOf(result);
    EXPECT_EQ(body["total"], 5);
    EXPECT_LE(body["items"].size(), 2u);
    for (const nlohmann::json& item : body["items"]) {
      seen.push_back(item["names"][0]["given_name"]);
    }
    if (body["next_cursor"].is_null()) break;
    path = "/api/v1/persons?name=smi&limit=2&cursor=" +
           httplib::detail::encode_query_param(body["next_cursor"].get<std::string>());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Ann", "Bea", "Cat", "Dee", "Eve"}));
}

TEST_F(PersonApiTest, SearchByDateOfBirth) {
  CreatePerson(PersonBody("Ann", "Smith"));
  nlohmann::json other = PersonBody("Bea", "Smith");
  other["date_of_birth"] = "1985-12-31";
  CreatePerson(other);
  httplib::Result result = Get("/api/v1/persons?date_of_birth=1985-12-31");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json body = BodyOf(result);
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["names"][0]["given_name"], "Bea");
}

TEST_F(PersonApiTest, BadQueryParametersAre422ByName) {
  httplib::Result result =
      Get("/api/v1/persons?limit=lots&date_of_birth=1990-13-01&page=2&name=a&name=b");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json body = BodyOf(result);
  EXPECT_TRUE(HasError(body, "limit", "wrong_type")) << body;
  EXPECT_TRUE(HasError(body, "date_of_birth", "invalid_date")) << body;
  EXPECT_TRUE(HasError(body, "page", "unknown_parameter")) << body;
  EXPECT_TRUE(HasError(body, "name", "repeated")) << body;
  httplib::Result too_many = Get("/api/v1/persons?limit=501");
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 422);
  EXPECT_TRUE(HasError(BodyOf(too_many), "limit", "out_of_range"));
}

TEST_F(PersonApiTest, EndpointsWithoutParametersRejectQueryParameters) {
  nlohmann::json person = CreatePerson(PersonBody());
  httplib::Result get = Get("/api/v1/persons/" + person["id"].dump() + "?fields=names");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 422);
  EXPECT_TRUE(HasError(BodyOf(get), "fields", "unknown_parameter")) << get->body;
  httplib::Result post = Post("/api/v1/persons?dry_run=true", PersonBody());
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 422);
  EXPECT_TRUE(HasError(BodyOf(post), "dry_run", "unknown_parameter")) << post->body;
}

TEST_F(PersonApiTest, SearchingAnotherForceIsForbidden) {
  httplib::Result result = Get("/api/v1/persons?force=cleveland");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403) << result->body;
  EXPECT_TRUE(HasError(BodyOf(result), "", "permission_denied"));
}

}  // namespace
}  // namespace vigil::api_test
