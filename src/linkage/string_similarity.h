#pragma once
// String similarity and distance functions for comparison levels: Jaro,
// Jaro-Winkler, Levenshtein and Damerau-Levenshtein (optimal string
// alignment), each bounded where a bound makes it cheaper. They work on
// bytes (normalised values are ASCII), allocate nothing for strings of up to
// 64 bytes (bit-parallel algorithms) and use a per-thread buffer beyond.
// Thread-safe: every function is pure apart from that per-thread scratch.

#include <string_view>

namespace vigil::linkage {

// Jaro similarity in [0, 1]: 1 for equal strings, 0 when either is empty
// and the other is not (two empty strings are equal).
double JaroSimilarity(std::string_view left, std::string_view right);

// Jaro-Winkler similarity in [0, 1]: Jaro plus a bonus of 0.1 per shared
// leading character (at most 4) when Jaro exceeds 0.7 (Winkler's rule).
double JaroWinklerSimilarity(std::string_view left, std::string_view right);

// Levenshtein distance (insertions, deletions, substitutions), or
// `max_distance + 1` as soon as the distance is known to exceed
// `max_distance` (a negative bound means no bound).
int LevenshteinDistance(std::string_view left, std::string_view right, int max_distance = -1);

// Damerau-Levenshtein distance in its optimal-string-alignment form (an
// adjacent transposition costs 1; no substring is edited twice), bounded
// like LevenshteinDistance.
int DamerauLevenshteinDistance(std::string_view left, std::string_view right,
                               int max_distance = -1);

}  // namespace vigil::linkage
