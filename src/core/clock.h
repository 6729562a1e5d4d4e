#pragma once
// Clock: the only source of "now". Code that needs the time takes a Clock
// (injected), so tests run with a FakeClock and never sleep or read the wall
// clock. SystemClock is thread-safe.

#include <chrono>

namespace vigil::core {

using Timestamp = std::chrono::sys_time<std::chrono::seconds>;
using Date = std::chrono::sys_days;

class Clock {
 public:
  virtual ~Clock() = default;
  // The current time, in whole seconds, UTC.
  virtual Timestamp Now() const = 0;
  // Today's date in UTC.
  Date Today() const { return std::chrono::floor<std::chrono::days>(Now()); }
};

// Reads the system clock.
class SystemClock final : public Clock {
 public:
  Timestamp Now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock that stands still until told to move. For tests. Not thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Set(Timestamp now) { now_ = now; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  Timestamp now_;
};

}  // namespace vigil::core
