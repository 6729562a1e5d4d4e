#pragma once
// Random: the seeded generator that training takes as a parameter, so runs
// are reproducible and tests control every draw (SplitMix64: small, fast,
// good enough for sampling pairs). Not thread-safe: give each thread its
// own, seeded from this one with Next().

#include <cstdint>

namespace vigil::linkage {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  // The next 64 random bits.
  std::uint64_t Next() {
    std::uint64_t value = (state_ += 0x9e3779b97f4a7c15ULL);
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
  }

  // A uniform integer in [0, bound); bound must be above 0 (modulo with
  // rejection of the few values that would bias it).
  std::uint64_t Uniform(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      std::uint64_t value = Next();
      if (value >= threshold) return value % bound;
    }
  }

  // A uniform double in [0, 1).
  double UniformDouble() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// A well-mixed 64-bit hash of `value` (for per-pair sampling decisions that
// must not depend on thread scheduling).
inline std::uint64_t MixBits(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

}  // namespace vigil::linkage
