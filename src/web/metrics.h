#pragma once
// Metrics: request counters and latency histograms for /metrics, in the
// Prometheus text exposition format (version 0.0.4):
//   vigil_http_requests_total{method,route,status}   counter
//   vigil_http_request_duration_seconds{route}       histogram
//   vigil_http_errors_total                          counter (5xx responses)
//   vigil_store_seconds_total                        counter (time in the store)
// `route` is the route pattern ("/api/v1/cases/{id}"), never the raw path,
// so no ids reach the labels and the label set stays small. Thread-safe:
// histograms of known routes are lock-free atomics; the counters sit behind
// one mutex.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace vigil::web {

// The route label of requests that matched no route.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 13> kBucketBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};

  // `routes` are the route patterns that get a histogram (plus
  // kUnmatchedRoute); requests naming another route are counted under
  // kUnmatchedRoute. `store_seconds` reports the store's cumulative busy
  // time; when empty the store metric is left out.
  Metrics(const std::vector<std::string>& routes, std::function<double()> store_seconds);
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Records one finished request. `seconds` is its duration; negative when
  // unknown (the request failed before timing began), when only the
  // counters move.
  void RecordRequest(std::string_view method, std::string_view route, int status, double seconds);

  // Every metric in the Prometheus text format.
  std::string RenderPrometheus() const;

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, kBucketBounds.size()> buckets{};  // Not cumulative.
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_nanoseconds{0};
  };

  // Known route name -> its histogram; built in the constructor, read-only after.
  std::map<std::string, std::unique_ptr<Histogram>, std::less<>> histograms_;
  std::function<double()> store_seconds_;
  std::atomic<std::uint64_t> errors_{0};
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // Guarded.
};

}  // namespace vigil::web
