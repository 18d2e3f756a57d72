// The simulator's random numbers: a small, fast generator (xoshiro256**)
// seeded through SplitMix64, and the transforms to uniform, normal and
// Bernoulli draws. Written out here instead of taken from <random> so that a
// seed gives the same numbers with every standard library.
//
// Streams: Rng(StreamSeed({seed, tag, key...})) derives an independent
// stream per purpose, so that, for example, the outcome of a contact's first
// attempt does not depend on how many draws other calls made before it.
//
// Not thread-safe (a value type; use one per thread).
#ifndef DIALER_SIM_RANDOM_H_
#define DIALER_SIM_RANDOM_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace dialer::sim {

// Mixes words into one 64-bit seed (SplitMix64 finalizer over each word).
uint64_t StreamSeed(std::initializer_list<uint64_t> words);

// FNV-1a of the bytes: a portable key for strings (phone numbers).
uint64_t StableHash(std::string_view bytes);

class Rng {
 public:
  explicit Rng(uint64_t seed);

  uint64_t Next();
  // Uniform in [0, 1), 53 random bits.
  double Uniform01();
  // Uniform integer in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n);
  // True with probability p.
  bool Bernoulli(double p) { return Uniform01() < p; }
  // Standard normal (Marsaglia's polar method; the second value is dropped).
  double Normal();

 private:
  uint64_t s_[4];
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_RANDOM_H_
