#include "linkage/string_pool.h"

#include <cstring>

namespace vigil::linkage {

StringPool::StringPool() : offsets_{0, 0}, table_(64, 0) {}

std::uint64_t StringPool::Hash(std::string_view text) {
  // FNV-1a over 8-byte words, then a final mix (fast and well spread for
  // short keys).
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ text.size();
  std::size_t index = 0;
  for (; index + 8 <= text.size(); index += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + index, 8);
    hash = (hash ^ word) * 0x100000001b3ULL;
  }
  for (; index < text.size(); ++index) {
    hash = (hash ^ static_cast<unsigned char>(text[index])) * 0x100000001b3ULL;
  }
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return hash;
}

std::uint32_t StringPool::Find(std::string_view text) const {
  const std::size_t mask = table_.size() - 1;
  for (std::size_t slot = Hash(text) & mask;; slot = (slot + 1) & mask) {
    std::uint32_t id = table_[slot];
    if (id == 0) return 0;
    if (View(id) == text) return id;
  }
}

std::uint32_t StringPool::Intern(std::string_view text) {
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = Hash(text) & mask;
  for (;; slot = (slot + 1) & mask) {
    std::uint32_t id = table_[slot];
    if (id == 0) break;
    if (View(id) == text) return id;
  }
  characters_.append(text);
  offsets_.push_back(static_cast<std::uint32_t>(characters_.size()));
  std::uint32_t id = size();
  table_[slot] = id;
  if (static_cast<std::size_t>(id) * 2 > table_.size()) Grow();
  return id;
}

void StringPool::Grow() {
  std::vector<std::uint32_t> grown(table_.size() * 2, 0);
  const std::size_t mask = grown.size() - 1;
  for (std::uint32_t id = 1; id <= size(); ++id) {
    std::size_t slot = Hash(View(id)) & mask;
    while (grown[slot] != 0) slot = (slot + 1) & mask;
    grown[slot] = id;
  }
  table_.swap(grown);
}

std::size_t StringPool::MemoryBytes() const {
  return characters_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) +
         table_.capacity() * sizeof(std::uint32_t);
}

}  // namespace vigil::linkage
