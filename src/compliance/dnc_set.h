// An immutable, compact, exact set of NANP numbers (a do-not-call list).
//
// The National Do Not Call Registry holds about 250 million numbers. DncSet
// stores them as an Elias-Fano sequence over the universe of valid national
// numbers (2000000000..9999999999): with n numbers each takes
// log2(8e9/n) + 2 bits plus a coarse index of one 32-bit counter per 128
// high values, i.e. about 7.4 bits (0.93 bytes) per number at n = 250 M. The
// information-theoretic floor is log2(C(8e9, 2.5e8))/n, about 6.9 bits.
//
// A lookup reads one coarse counter, one or two words of the high-bits
// array and one word of the low bits: no pointer chasing, no allocation.
// ContainsBatch() overlaps the cache misses of many lookups.
//
// Build with DncSetBuilder (any order, duplicates allowed):
//   DncSetBuilder b;
//   b.Add(2125550100);
//   DncSet set = std::move(b).Build();
//   set.Contains(2125550100);  // true
//
// Thread-safety: a built DncSet is immutable; const methods may be called
// concurrently. A DncSetBuilder is not thread-safe.
#ifndef DIALER_COMPLIANCE_DNC_SET_H_
#define DIALER_COMPLIANCE_DNC_SET_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace dialer::compliance {

class DncSet {
 public:
  DncSet() = default;  // empty

  // True iff the 10-digit national number is in the set. Numbers outside the
  // NANP range are never members.
  bool Contains(uint64_t national) const;

  // out[i] = Contains(numbers[i]). REQUIRES: out.size() >= numbers.size().
  // Faster than a loop of Contains() for large sets: it prefetches.
  void ContainsBatch(std::span<const uint64_t> numbers, std::span<bool> out) const;

  // Number of distinct numbers.
  uint64_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Heap bytes held by the structure.
  size_t MemoryBytes() const;

  // Ascending list of members (for tests and exports; O(n) memory).
  std::vector<uint64_t> ToVector() const;

 private:
  friend class DncSetBuilder;

  uint64_t Low(uint64_t i) const;

  uint64_t size_ = 0;
  int low_bits_ = 0;
  int coarse_shift_ = 0;            // value >> coarse_shift_ = coarse bucket
  std::vector<uint64_t> lower_;     // size_ * low_bits_ bits
  std::vector<uint64_t> upper_;     // unary high parts, one 0 per high value
  std::vector<uint32_t> coarse_;    // elements before each coarse bucket
};

class DncSetBuilder {
 public:
  DncSetBuilder() = default;
  // `bitmap_threshold`: numbers held as a sorted list before switching to
  // the universe bitmap (tests lower it).
  explicit DncSetBuilder(size_t bitmap_threshold) : bitmap_threshold_(bitmap_threshold) {}
  DncSetBuilder(const DncSetBuilder&) = delete;
  DncSetBuilder& operator=(const DncSetBuilder&) = delete;
  DncSetBuilder(DncSetBuilder&&) = default;
  DncSetBuilder& operator=(DncSetBuilder&&) = default;

  // Adds a number. REQUIRES: IsValidNanpNational(national) (the registry
  // loader checks); other values are ignored. Duplicates are fine.
  void Add(uint64_t national);

  // Numbers added so far, duplicates included.
  uint64_t added() const { return added_; }

  // Builds the set and leaves the builder empty. Memory: up to 8 bytes per
  // added number while small; past 16 M numbers the builder switches to a
  // 1 GB bitmap of the universe (no sort, duplicates free).
  DncSet Build() &&;

 private:
  void SwitchToBitmap();

  size_t bitmap_threshold_ = size_t{1} << 24;
  uint64_t added_ = 0;
  std::vector<uint64_t> values_;  // offsets from the first valid number
  std::vector<uint64_t> bitmap_;  // one bit per possible number, once large
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DNC_SET_H_
