#include "web/router.h"

#include <gtest/gtest.h>

namespace vigil::web {
namespace {

RouteHandler Returning(int status) {
  return [status](const RequestContext&) -> core::Result<Response> {
    Response response;
    response.status = status;
    return response;
  };
}

int StatusOf(const Router::Lookup& lookup) {
  httplib::Request request;
  RequestContext context{request, lookup.parameters, {}};
  return (*lookup.handler)(context)->status;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/api/v1/cases", Returning(1));
    router_.Add("POST", "/api/v1/cases", Returning(2));
    router_.Add("GET", "/api/v1/cases/{id}", Returning(3));
    router_.Add("PUT", "/api/v1/cases/{id}/status", Returning(4));
    router_.Add("GET", "/healthz", Returning(5));
  }
  Router router_;
};

TEST_F(RouterTest, FindsByMethodAndPath) {
  Router::Lookup lookup = router_.Find("POST", "/api/v1/cases");
  ASSERT_EQ(lookup.outcome, Router::Outcome::kFound);
  EXPECT_EQ(StatusOf(lookup), 2);
  EXPECT_EQ(lookup.pattern, "/api/v1/cases");
  EXPECT_EQ(StatusOf(router_.Find("GET", "/api/v1/cases")), 1);
}

TEST_F(RouterTest, CapturesParameters) {
  Router::Lookup lookup = router_.Find("PUT", "/api/v1/cases/42/status");
  ASSERT_EQ(lookup.outcome, Router::Outcome::kFound);
  EXPECT_EQ(lookup.parameters.Get("id"), "42");
  EXPECT_EQ(lookup.parameters.Get("other"), "");
  EXPECT_EQ(lookup.pattern, "/api/v1/cases/{id}/status");
  EXPECT_EQ(StatusOf(lookup), 4);
}

TEST_F(RouterTest, HeadUsesTheGetRoute) {
  EXPECT_EQ(router_.Find("HEAD", "/healthz").outcome, Router::Outcome::kFound);
}

TEST_F(RouterTest, KnownPathWithAnotherMethodIsNotAllowed) {
  Router::Lookup lookup = router_.Find("DELETE", "/api/v1/cases");
  EXPECT_EQ(lookup.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(lookup.allowed_methods, "GET, POST");
  EXPECT_EQ(router_.Find("POST", "/api/v1/cases/7").allowed_methods, "GET");
}

TEST_F(RouterTest, UnknownPathsAreNotFound) {
  for (const char* path : {"/", "", "/api/v1/cases/", "/api/v1//cases", "/api/v1/cases/7/x",
                           "/api/v1/cases//status", "api/v1/cases", "/API/v1/cases"}) {
    EXPECT_EQ(router_.Find("GET", path).outcome, Router::Outcome::kNotFound) << path;
  }
}

TEST_F(RouterTest, ListsEachPatternOnce) {
  EXPECT_EQ(router_.Patterns(),
            (std::vector<std::string>{"/api/v1/cases", "/api/v1/cases/{id}",
                                      "/api/v1/cases/{id}/status", "/healthz"}));
}

TEST(JsonResponseTest, SerialisesWithTheJsonContentType) {
  Response response = JsonResponse(201, {{"a", 1}});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"a":1})");
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
}

TEST(JsonResponseTest, ReplacesInvalidUtf8InsteadOfThrowing) {
  Response response = JsonResponse(200, {{"name", std::string("Zo\xe9")}});
  EXPECT_EQ(response.body, "{\"name\":\"Zo\xef\xbf\xbd\"}");
}

}  // namespace
}  // namespace vigil::web
