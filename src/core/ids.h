#pragma once
// Typed record ids. Each kind of record has its own id type so a CaseId can
// never be passed where a ReportId is expected. Ids are positive 64-bit
// integers assigned by the store; 0 means "not yet stored".

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace vigil::core {

template <typename Tag>
struct Id {
  std::int64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  // True once the store has assigned the id.
  constexpr bool assigned() const { return value > 0; }
  std::string ToString() const { return std::to_string(value); }
  friend constexpr auto operator<=>(const Id&, const Id&) = default;
};

}  // namespace vigil::core

template <typename Tag>
struct std::hash<vigil::core::Id<Tag>> {
  std::size_t operator()(const vigil::core::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>()(id.value);
  }
};
