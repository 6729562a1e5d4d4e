#pragma once
// VIGIL_CHECK: always-on assertion for programmer errors (never for data
// from outside: requests, imports, config and the database get a Status).
// On failure it prints the condition, location and streamed message, then
// aborts. VIGIL_DCHECK is the same in debug builds and free in release.

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace vigil::core::internal {

class CheckFailure {
 public:
  CheckFailure(const char* condition, const char* file, int line) {
    stream_ << file << ":" << line << ": check failed: " << condition << " ";
  }
  [[noreturn]] ~CheckFailure() {
    std::cerr << stream_.str() << std::endl;
    std::abort();
  }
  std::ostream& stream() { return stream_; }

 private:
  std::ostringstream stream_;
};

}  // namespace vigil::core::internal

#define VIGIL_CHECK(condition) \
  if (condition) {             \
  } else                       \
    ::vigil::core::internal::CheckFailure(#condition, __FILE__, __LINE__).stream()

#ifdef NDEBUG
#define VIGIL_DCHECK(condition) \
  if (true) {                   \
  } else                        \
    ::vigil::core::internal::CheckFailure(#condition, __FILE__, __LINE__).stream()
#else
#define VIGIL_DCHECK(condition) VIGIL_CHECK(condition)
#endif
