// The HTTP layer itself: health, metrics, routing errors, request ids, body
// limits and the error shape for requests that never reach a handler.

#include <gmock/gmock.h>

#include "api/api_test_fixture.h"

namespace vigil::api_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using SystemApiTest = ApiTest;

TEST_F(SystemApiTest, HealthzReportsOkAndTheVersion) {
  httplib::Result result = Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(BodyOf(result), nlohmann::json({{"status", "ok"}, {"version", "9.8.7-test"}}));
}

TEST_F(SystemApiTest, EveryResponseCarriesARequestId) {
  httplib::Result generated = Get("/healthz");
  ASSERT_TRUE(generated);
  std::string first = generated->get_header_value("X-Request-Id");
  EXPECT_FALSE(first.empty());
  httplib::Result again = Get("/healthz");
  ASSERT_TRUE(again);
  EXPECT_NE(again->get_header_value("X-Request-Id"), first);
  httplib::Result unknown = Get("/no/such/page");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->get_header_value("X-Request-Id").empty());
}

TEST_F(SystemApiTest, EchoesAnAcceptableClientRequestIdAndReplacesOthers) {
  httplib::Result echoed = Get("/healthz", {{"X-Request-Id", "trace-42"}});
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->get_header_value("X-Request-Id"), "trace-42");
  httplib::Result replaced = Get("/healthz", {{"X-Request-Id", "bad id with spaces"}});
  ASSERT_TRUE(replaced);
  EXPECT_NE(replaced->get_header_value("X-Request-Id"), "bad id with spaces");
  EXPECT_FALSE(replaced->get_header_value("X-Request-Id").empty());
}

TEST_F(SystemApiTest, UnknownRouteIsJson404) {
  httplib::Result result = Get("/api/v1/unicorns");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(HasError(BodyOf(result), "", "not_found"));
}

TEST_F(SystemApiTest, VeryLongUnknownPathIsStill404) {
  httplib::Result result = Get("/api/v1/" + std::string(7000, 'a'));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(HasError(BodyOf(result), "", "not_found"));
}

TEST_F(SystemApiTest, WrongMethodIsJson405WithAllow) {
  std::unique_ptr<httplib::Client> client = NewClient();
  httplib::Result result = client->Delete("/api/v1/persons");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 405);
  EXPECT_EQ(result->get_header_value("Allow"), "POST, GET");
  EXPECT_TRUE(HasError(BodyOf(result), "", "method_not_allowed"));
  httplib::Result put = Put("/healthz", nlohmann::json::object());
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET");
}

TEST_F(SystemApiTest, MalformedJsonIs400) {
  for (const char* text : {"{", "{\"names\": [}", "not json", "{\"a\": 1, \"a\": 2}"}) {
    httplib::Result result = PostRaw("/api/v1/persons", text);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << text;
    EXPECT_TRUE(HasError(BodyOf(result), "", "malformed")) << text;
  }
}

TEST_F(SystemApiTest, EmptyBodyIs400) {
  httplib::Result result = PostRaw("/api/v1/cases", "");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_TRUE(HasError(BodyOf(result), "", "malformed"));
}

TEST_F(SystemApiTest, BodyThatIsNotAnObjectIs422) {
  for (const char* text : {"[]", "42", "\"text\"", "null"}) {
    httplib::Result result = PostRaw("/api/v1/cases", text);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 422) << text;
    EXPECT_TRUE(HasError(BodyOf(result), "", "wrong_type")) << text;
  }
}

TEST_F(SystemApiTest, NonJsonContentTypeIs415) {
  httplib::Result result = PostRaw("/api/v1/cases", "title=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 415);
  EXPECT_TRUE(HasError(BodyOf(result), "", "unsupported_media_type"));
}

TEST_F(SystemApiTest, OversizedBodyIsJson413) {
  std::string body = "{\"title\": \"" + std::string(kTestMaxBodyBytes, 'x') + "\"}";
  httplib::Result result = PostRaw("/api/v1/cases", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_TRUE(HasError(BodyOf(result), "", "too_large"));
  EXPECT_FALSE(result->get_header_value("X-Request-Id").empty());
  // The connection still serves the next request correctly.
  httplib::Result next = Get("/healthz");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(SystemApiTest, OversizedChunkedBodyIsJson413) {
  std::unique_ptr<httplib::Client> client = NewClient();
  const std::string chunk(16 * 1024, 'x');
  std::size_t chunks_sent = 0;
  httplib::Result result = client->Post(
      "/api/v1/cases",
      [&](std::size_t, httplib::DataSink& sink) {
        if (chunks_sent++ < kTestMaxBodyBytes / chunk.size() + 2) {
          sink.write(chunk.data(), chunk.size());
        } else {
          sink.done();
        }
        return true;
      },
      "application/json");
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ(result->status, 413);
  EXPECT_TRUE(HasError(BodyOf(result), "", "too_large"));
}

TEST_F(SystemApiTest, MetricsExposeCountersHistogramsAndStoreTime) {
  ASSERT_TRUE(Get("/healthz"));
  ASSERT_TRUE(Get("/api/v1/persons/12345"));
  ASSERT_TRUE(Get("/nowhere/67890"));
  httplib::Result result = Get("/metrics");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = result->body;
  EXPECT_THAT(text, HasSubstr("vigil_http_requests_total{method=\"GET\",route=\"/healthz\","
                              "status=\"200\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("vigil_http_requests_total{method=\"GET\",route=\"/api/v1/"
                              "persons/{id}\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("route=\"unmatched\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("vigil_http_request_duration_seconds_bucket{route=\"/healthz\","
                              "le=\"+Inf\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE vigil_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("\nvigil_http_errors_total 0\n"));
  EXPECT_THAT(text, HasSubstr("\nvigil_store_seconds_total "));
  // Route labels are patterns: no ids from the paths requested.
  EXPECT_THAT(text, Not(HasSubstr("12345")));
  EXPECT_THAT(text, Not(HasSubstr("67890")));
}

TEST_F(SystemApiTest, HeadIsServedLikeGet) {
  std::unique_ptr<httplib::Client> client = NewClient();
  httplib::Result result = client->Head("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_TRUE(result->body.empty());
}

}  // namespace
}  // namespace vigil::api_test
