#include "web/request_id.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace vigil::web {
namespace {

const std::string& ProcessPrefix() {
  static const std::string prefix = [] {
    std::random_device device;
    std::uint64_t value = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return std::string(buffer);
  }();
  return prefix;
}

}  // namespace

bool IsAcceptableRequestId(std::string_view value) {
  if (value.empty() || value.size() > 64) return false;
  for (char c : value) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '.' || c == '_' || c == ':';
    if (!allowed) return false;
  }
  return true;
}

std::string NewRequestId() {
  static std::atomic<std::uint64_t> counter{0};
  return ProcessPrefix() + "-" +
         std::to_string(counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

std::string RequestIdFor(std::string_view client_value) {
  return IsAcceptableRequestId(client_value) ? std::string(client_value) : NewRequestId();
}

}  // namespace vigil::web
