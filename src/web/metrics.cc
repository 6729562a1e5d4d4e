#include "web/metrics.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace vigil::web {
namespace {

// Escapes a label value (backslash, double quote and newline).
std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

Metrics::Metrics(const std::vector<std::string>& routes, std::function<double()> store_seconds)
    : store_seconds_(std::move(store_seconds)) {
  for (const std::string& route : routes) {
    histograms_.emplace(route, std::make_unique<Histogram>());
  }
  histograms_.emplace(std::string(kUnmatchedRoute), std::make_unique<Histogram>());
}

void Metrics::RecordRequest(std::string_view method, std::string_view route, int status,
                            double seconds) {
  auto histogram = histograms_.find(route);
  if (histogram == histograms_.end()) {
    route = kUnmatchedRoute;
    histogram = histograms_.find(route);
  }
  if (seconds >= 0) {
    Histogram& target = *histogram->second;
    for (std::size_t index = 0; index < kBucketBounds.size(); ++index) {
      if (seconds <= kBucketBounds[index]) {
        target.buckets[index].fetch_add(1, std::memory_order_relaxed);
        break;
      }
    }
    target.count.fetch_add(1, std::memory_order_relaxed);
    target.sum_nanoseconds.fetch_add(static_cast<std::uint64_t>(std::llround(seconds * 1e9)),
                                     std::memory_order_relaxed);
  }
  if (status >= 500) errors_.fetch_add(1, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[std::make_tuple(std::string(method), std::string(route), status)];
}

std::string Metrics::RenderPrometheus() const {
  std::string text;
  text +=
      "# HELP vigil_http_requests_total HTTP requests served, by method, route pattern and "
      "status.\n"
      "# TYPE vigil_http_requests_total counter\n";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      text += "vigil_http_requests_total{method=\"" + EscapeLabel(method) + "\",route=\"" +
              EscapeLabel(route) + "\",status=\"" + std::to_string(status) + "\"} " +
              std::to_string(count) + "\n";
    }
  }
  text +=
      "# HELP vigil_http_request_duration_seconds Time to handle a request, by route pattern.\n"
      "# TYPE vigil_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : histograms_) {
    const std::uint64_t count = histogram->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    const std::string label = "route=\"" + EscapeLabel(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t index = 0; index < kBucketBounds.size(); ++index) {
      cumulative += histogram->buckets[index].load(std::memory_order_relaxed);
      text += "vigil_http_request_duration_seconds_bucket{" + label + ",le=\"" +
              FormatNumber(kBucketBounds[index]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    // Read separately from the buckets, so under load +Inf may trail count
    // by a request in flight; never below the last bucket.
    text += "vigil_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
            std::to_string(std::max(count, cumulative)) + "\n";
    text +=
        "vigil_http_request_duration_seconds_sum{" + label + "} " +
        FormatNumber(
            static_cast<double>(histogram->sum_nanoseconds.load(std::memory_order_relaxed)) / 1e9) +
        "\n";
    text += "vigil_http_request_duration_seconds_count{" + label + "} " +
            std::to_string(std::max(count, cumulative)) + "\n";
  }
  text +=
      "# HELP vigil_http_errors_total Responses with a 5xx status (failures on the server "
      "side).\n"
      "# TYPE vigil_http_errors_total counter\n"
      "vigil_http_errors_total " +
      std::to_string(errors_.load(std::memory_order_relaxed)) + "\n";
  if (store_seconds_) {
    text +=
        "# HELP vigil_store_seconds_total Cumulative time spent inside the store.\n"
        "# TYPE vigil_store_seconds_total counter\n"
        "vigil_store_seconds_total " +
        FormatNumber(store_seconds_()) + "\n";
  }
  return text;
}

}  // namespace vigil::web
