#include "web/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace vigil::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsTest, CountsRequestsByMethodRouteAndStatus) {
  Metrics metrics({"/api/v1/cases/{id}"}, nullptr);
  metrics.RecordRequest("GET", "/api/v1/cases/{id}", 200, 0.002);
  metrics.RecordRequest("GET", "/api/v1/cases/{id}", 200, 0.002);
  metrics.RecordRequest("GET", "/api/v1/cases/{id}", 404, 0.001);
  std::string text = metrics.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("# TYPE vigil_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("vigil_http_requests_total{method=\"GET\",route=\"/api/v1/cases/"
                              "{id}\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("vigil_http_requests_total{method=\"GET\",route=\"/api/v1/cases/"
                              "{id}\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("vigil_store_seconds_total")));
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  Metrics metrics({"/healthz"}, nullptr);
  metrics.RecordRequest("GET", "/healthz", 200, 0.0004);
  metrics.RecordRequest("GET", "/healthz", 200, 0.02);
  metrics.RecordRequest("GET", "/healthz", 200, 30.0);
  std::string text = metrics.RenderPrometheus();
  const std::string prefix = "vigil_http_request_duration_seconds_bucket{route=\"/healthz\",";
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.0005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.01\"} 1\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.025\"} 2\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"5\"} 2\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("vigil_http_request_duration_seconds_count{route=\"/healthz\"} 3\n"));
  EXPECT_THAT(text,
              HasSubstr("vigil_http_request_duration_seconds_sum{route=\"/healthz\"} 30.0204\n"));
}

TEST(MetricsTest, UnknownRoutesAreCountedAsUnmatched) {
  Metrics metrics({"/healthz"}, nullptr);
  metrics.RecordRequest("GET", "/api/v1/cases/12345", 404, 0.001);
  std::string text = metrics.RenderPrometheus();
  EXPECT_THAT(text, Not(HasSubstr("12345")));
  EXPECT_THAT(text, HasSubstr("route=\"unmatched\",status=\"404\"} 1\n"));
}

TEST(MetricsTest, UnknownDurationMovesOnlyTheCounters) {
  Metrics metrics({}, nullptr);
  metrics.RecordRequest("unknown", "unmatched", 400, -1);
  std::string text = metrics.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("status=\"400\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("_bucket")));
}

TEST(MetricsTest, CountsServerErrorsAndReportsStoreTime) {
  Metrics metrics({"/x"}, [] { return 1.5; });
  metrics.RecordRequest("GET", "/x", 500, 0.1);
  metrics.RecordRequest("GET", "/x", 503, 0.1);
  metrics.RecordRequest("GET", "/x", 422, 0.1);
  std::string text = metrics.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("\nvigil_http_errors_total 2\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE vigil_store_seconds_total counter\n"));
  EXPECT_THAT(text, HasSubstr("\nvigil_store_seconds_total 1.5\n"));
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics({}, nullptr);
  metrics.RecordRequest("G\"E\\T\n", "unmatched", 200, -1);
  EXPECT_THAT(metrics.RenderPrometheus(), HasSubstr("method=\"G\\\"E\\\\T\\n\""));
}

TEST(MetricsTest, CountsEveryRequestFromManyThreads) {
  Metrics metrics({"/a", "/b"}, nullptr);
  constexpr int kThreads = 8;
  constexpr int kPerThread = 2000;
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([&metrics, thread_index] {
      for (int index = 0; index < kPerThread; ++index) {
        metrics.RecordRequest("GET", thread_index % 2 == 0 ? "/a" : "/b", 200, 0.001);
      }
      (void)metrics.RenderPrometheus();
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::string text = metrics.RenderPrometheus();
  const std::string expected = std::to_string(kThreads / 2 * kPerThread);
  EXPECT_THAT(text, HasSubstr("route=\"/a\",status=\"200\"} " + expected + "\n"));
  EXPECT_THAT(text, HasSubstr("route=\"/b\",status=\"200\"} " + expected + "\n"));
  EXPECT_THAT(text, HasSubstr("seconds_count{route=\"/a\"} " + expected + "\n"));
}

}  // namespace
}  // namespace vigil::web
