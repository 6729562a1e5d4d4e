#pragma once
// StringPool: interns strings, giving each distinct string a dense id from 1
// (0 is reserved for "no value"). Characters live in one arena and the
// lookup table is open addressing over ids, so a million distinct values
// cost tens of megabytes, not hundreds. Not thread-safe for Intern; View
// and size may be called from many threads once interning has finished.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::linkage {

class StringPool {
 public:
  StringPool();

  // The id of `text`, adding it when new. Ids are dense, from 1, in order
  // of first appearance. The empty string is interned like any other.
  std::uint32_t Intern(std::string_view text);

  // The id of `text`, or 0 when it was never interned.
  std::uint32_t Find(std::string_view text) const;

  // The string with id `id` (1..size()); "" for 0.
  std::string_view View(std::uint32_t id) const {
    return std::string_view(characters_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  // The number of distinct strings interned.
  std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 2); }

  // Bytes held (arena, offsets and table), for reporting memory use.
  std::size_t MemoryBytes() const;

 private:
  static std::uint64_t Hash(std::string_view text);
  void Grow();

  std::string characters_;
  std::vector<std::uint32_t> offsets_;  // offsets_[id] .. offsets_[id + 1]; [0] and [1] are 0.
  std::vector<std::uint32_t> table_;    // Ids, 0 = empty slot; size a power of two.
};

}  // namespace vigil::linkage
