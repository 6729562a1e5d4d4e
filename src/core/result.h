#pragma once
// Result<T>: either a value of type T or a non-OK Status. GCC 12 has no
// std::expected; this is the small stand-in (it can become an alias of
// std::expected with C++23). Accessing the value of a failed Result aborts.

#include <cstdlib>
#include <utility>
#include <variant>

#include "core/check.h"
#include "core/status.h"

namespace vigil::core {

template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit from a value and from a (non-OK) Status, so functions can
  // `return value;` or `return NotFound("...");`.
  Result(T value) : state_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    VIGIL_CHECK(!std::get<Status>(state_).ok()) << "Result built from an OK Status";
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  // The failure, or OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  const T& value() const& {
    VIGIL_CHECK(ok()) << "value() of failed Result: " << std::get<Status>(state_);
    return std::get<T>(state_);
  }
  T& value() & {
    VIGIL_CHECK(ok()) << "value() of failed Result: " << std::get<Status>(state_);
    return std::get<T>(state_);
  }
  T&& value() && {
    VIGIL_CHECK(ok()) << "value() of failed Result: " << std::get<Status>(state_);
    return std::get<T>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace vigil::core

#define VIGIL_CONCAT_INNER(a, b) a##b
#define VIGIL_CONCAT(a, b) VIGIL_CONCAT_INNER(a, b)

// `VIGIL_ASSIGN_OR_RETURN(auto x, MakeX());` declares x from the value or
// returns the failure from the enclosing function.
#define VIGIL_ASSIGN_OR_RETURN(lhs, expr) \
  VIGIL_ASSIGN_OR_RETURN_IMPL(VIGIL_CONCAT(vigil_result_, __LINE__), lhs, expr)
#define VIGIL_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                \
  if (!result.ok()) return result.status();            \
  lhs = std::move(result).value()
