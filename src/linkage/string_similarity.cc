#include "linkage/string_similarity.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace vigil::linkage {
namespace {

// Per-character bit masks of a pattern of at most 64 bytes: bit j of
// masks[c] is set when pattern[j] == c. The table lives per thread and is
// cleared entry by entry, so building it costs O(pattern length).
class PatternMasks {
 public:
  explicit PatternMasks(std::string_view pattern) : pattern_(pattern) {
    for (std::size_t index = 0; index < pattern.size(); ++index) {
      Table()[static_cast<unsigned char>(pattern[index])] |= std::uint64_t{1} << index;
    }
  }
  ~PatternMasks() {
    for (char character : pattern_) Table()[static_cast<unsigned char>(character)] = 0;
  }
  PatternMasks(const PatternMasks&) = delete;
  PatternMasks& operator=(const PatternMasks&) = delete;

  std::uint64_t operator[](char character) const {
    return Table()[static_cast<unsigned char>(character)];
  }

 private:
  static std::uint64_t* Table() {
    thread_local std::uint64_t table[256] = {};
    return table;
  }
  std::string_view pattern_;
};

std::uint64_t LowBits(int count) {
  return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

double JaroFromCounts(int matches, int half_transpositions, std::size_t left_size,
                      std::size_t right_size) {
  if (matches == 0) return 0.0;
  double m = matches;
  return (m / static_cast<double>(left_size) + m / static_cast<double>(right_size) +
          (m - half_transpositions / 2.0) / m) /
         3.0;
}

double JaroBitParallel(std::string_view left, std::string_view right, int window) {
  PatternMasks masks(right);
  const int right_size = static_cast<int>(right.size());
  std::uint64_t left_flags = 0;
  std::uint64_t right_flags = 0;
  int matches = 0;
  for (int index = 0; index < static_cast<int>(left.size()); ++index) {
    int low = std::max(0, index - window);
    int high = std::min(right_size - 1, index + window);
    if (low > high) continue;
    std::uint64_t range = LowBits(high - low + 1) << low;
    std::uint64_t candidates = masks[left[index]] & ~right_flags & range;
    if (candidates != 0) {
      right_flags |= candidates & (~candidates + 1);
      left_flags |= std::uint64_t{1} << index;
      ++matches;
    }
  }
  int half_transpositions = 0;
  while (left_flags != 0) {
    int left_index = std::countr_zero(left_flags);
    int right_index = std::countr_zero(right_flags);
    if (left[left_index] != right[right_index]) ++half_transpositions;
    left_flags &= left_flags - 1;
    right_flags &= right_flags - 1;
  }
  return JaroFromCounts(matches, half_transpositions, left.size(), right.size());
}

double JaroGeneral(std::string_view left, std::string_view right, int window) {
  thread_local std::vector<char> left_matched;
  thread_local std::vector<char> right_matched;
  left_matched.assign(left.size(), 0);
  right_matched.assign(right.size(), 0);
  const int right_size = static_cast<int>(right.size());
  int matches = 0;
  for (int index = 0; index < static_cast<int>(left.size()); ++index) {
    int low = std::max(0, index - window);
    int high = std::min(right_size - 1, index + window);
    for (int other = low; other <= high; ++other) {
      if (!right_matched[other] && left[index] == right[other]) {
        left_matched[index] = 1;
        right_matched[other] = 1;
        ++matches;
        break;
      }
    }
  }
  int half_transpositions = 0;
  std::size_t other = 0;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (!left_matched[index]) continue;
    while (!right_matched[other]) ++other;
    if (left[index] != right[other]) ++half_transpositions;
    ++other;
  }
  return JaroFromCounts(matches, half_transpositions, left.size(), right.size());
}

// Myers/Hyyro bit-parallel edit distance of `text` against `pattern`
// (pattern at most 64 bytes, not empty). With `transpositions`, adjacent
// swaps cost 1 (Hyyro 2003, optimal string alignment).
int BitParallelDistance(std::string_view pattern, std::string_view text, bool transpositions,
                        int max_distance) {
  PatternMasks masks(pattern);
  const std::uint64_t last = std::uint64_t{1} << (pattern.size() - 1);
  std::uint64_t vertical_positive = ~std::uint64_t{0};
  std::uint64_t vertical_negative = 0;
  std::uint64_t diagonal_zero = 0;
  std::uint64_t previous_match = 0;
  int distance = static_cast<int>(pattern.size());
  int remaining = static_cast<int>(text.size());
  for (char character : text) {
    std::uint64_t match = masks[character];
    std::uint64_t transposed =
        transpositions ? (((~diagonal_zero) & match) << 1) & previous_match : 0;
    diagonal_zero = (((match & vertical_positive) + vertical_positive) ^ vertical_positive) |
                    match | vertical_negative | transposed;
    std::uint64_t horizontal_positive = vertical_negative | ~(diagonal_zero | vertical_positive);
    std::uint64_t horizontal_negative = diagonal_zero & vertical_positive;
    if (horizontal_positive & last) ++distance;
    if (horizontal_negative & last) --distance;
    horizontal_positive = (horizontal_positive << 1) | 1;
    horizontal_negative <<= 1;
    vertical_positive = horizontal_negative | ~(diagonal_zero | horizontal_positive);
    vertical_negative = horizontal_positive & diagonal_zero;
    previous_match = match;
    --remaining;
    // The distance falls by at most one per remaining character.
    if (max_distance >= 0 && distance - remaining > max_distance) return max_distance + 1;
  }
  return distance;
}

// Plain dynamic programme for strings too long for one machine word.
int GeneralDistance(std::string_view left, std::string_view right, bool transpositions) {
  thread_local std::vector<int> before_previous;
  thread_local std::vector<int> previous;
  thread_local std::vector<int> current;
  const std::size_t columns = right.size() + 1;
  before_previous.assign(columns, 0);
  previous.resize(columns);
  current.resize(columns);
  for (std::size_t column = 0; column < columns; ++column)
    previous[column] = static_cast<int>(column);
  for (std::size_t row = 1; row <= left.size(); ++row) {
    current[0] = static_cast<int>(row);
    for (std::size_t column = 1; column < columns; ++column) {
      int cost = left[row - 1] == right[column - 1] ? 0 : 1;
      int best =
          std::min({previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost});
      if (transpositions && row > 1 && column > 1 && left[row - 1] == right[column - 2] &&
          left[row - 2] == right[column - 1]) {
        best = std::min(best, before_previous[column - 2] + 1);
      }
      current[column] = best;
    }
    before_previous.swap(previous);
    previous.swap(current);
  }
  return previous[right.size()];
}

int BoundedDistance(std::string_view left, std::string_view right, bool transpositions,
                    int max_distance) {
  if (left.size() > right.size()) std::swap(left, right);
  const int gap = static_cast<int>(right.size() - left.size());
  if (max_distance >= 0 && gap > max_distance) return max_distance + 1;
  if (left.empty()) return static_cast<int>(right.size());
  // Common prefixes and suffixes never change either distance.
  while (!left.empty() && left.front() == right.front()) {
    left.remove_prefix(1);
    right.remove_prefix(1);
  }
  while (!left.empty() && left.back() == right.back()) {
    left.remove_suffix(1);
    right.remove_suffix(1);
  }
  if (left.empty()) return static_cast<int>(right.size());
  if (max_distance == 1) {
    // One edit leaves at most one differing character on each side (or two
    // swapped ones) once the common prefix and suffix are gone.
    if (right.size() == 1) return 1;
    if (transpositions && left.size() == 2 && right.size() == 2 && left[0] == right[1] &&
        left[1] == right[0]) {
      return 1;
    }
    return 2;
  }
  int distance = left.size() <= 64 ? BitParallelDistance(left, right, transpositions, max_distance)
                                   : GeneralDistance(left, right, transpositions);
  if (max_distance >= 0 && distance > max_distance) return max_distance + 1;
  return distance;
}

}  // namespace

double JaroSimilarity(std::string_view left, std::string_view right) {
  if (left.empty() && right.empty()) return 1.0;
  if (left.empty() || right.empty()) return 0.0;
  int window = std::max(0, static_cast<int>(std::max(left.size(), right.size())) / 2 - 1);
  if (left.size() <= 64 && right.size() <= 64) return JaroBitParallel(left, right, window);
  return JaroGeneral(left, right, window);
}

double JaroWinklerSimilarity(std::string_view left, std::string_view right) {
  double jaro = JaroSimilarity(left, right);
  if (jaro <= 0.7) return jaro;
  std::size_t limit = std::min<std::size_t>({4, left.size(), right.size()});
  std::size_t prefix = 0;
  while (prefix < limit && left[prefix] == right[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

int LevenshteinDistance(std::string_view left, std::string_view right, int max_distance) {
  return BoundedDistance(left, right, false, max_distance);
}

int DamerauLevenshteinDistance(std::string_view left, std::string_view right, int max_distance) {
  return BoundedDistance(left, right, true, max_distance);
}

}  // namespace vigil::linkage
