// An immutable, compact, exact set of NANP numbers (a do-not-call list).
//
// The National Do Not Call Registry holds about 250 million numbers. DncSet
// cuts the universe of valid national numbers (2000000000..9999999999) into
// buckets of 2^k consecutive numbers (k = 13 at registry size, larger for
// small sets so buckets hold ~256 members) and stores each non-empty bucket as a
// small Elias-Fano sequence (its own number of low bits, chosen for its own
// density, so dense exchanges cost less), upper and lower bits side by side
// in one contiguous run of bits. A direct index holds one 64-bit word per
// bucket (bit offset, count, low-bit width). At n = 250 M uniform numbers
// that is about 6.6 bits per number plus 0.26 for the index, 0.86 bytes per
// number; the information-theoretic floor is about 6.9 bits.
//
// A lookup reads one index word, then a few hundred contiguous bits of one
// bucket (usually one or two cache lines): two dependent memory reads.
// ContainsBatch() pipelines many lookups (index prefetch, then data
// prefetch, then the check), so their cache misses overlap; use it for
// scrubs and bulk checks.
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
  // Faster than a loop of Contains() for large sets: it prefetches each
  // number's index word and then its bucket bits several lookups ahead.
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

  // Membership of `offset` (0..2^bucket_bits_-1) in the bucket described
  // by `entry`; `prefetch`: first request all the bucket's cache lines.
  bool InBucket(uint64_t entry, uint64_t offset, bool prefetch) const;
  // Appends the members of the bucket `b` to `out`.
  void DecodeBucket(uint64_t b, std::vector<uint64_t>& out) const;

  uint64_t size_ = 0;
  int bucket_bits_ = 0;  // a bucket holds 2^bucket_bits_ consecutive numbers
  // Per bucket: bit offset << 27 | count << 5 | low-bit width.
  std::vector<uint64_t> index_;
  // Every non-empty bucket: upper bits (one 1 per member, one 0 per high
  // value), then count * width low bits; padded so any 64-bit read inside
  // is in bounds.
  std::vector<uint64_t> bits_;
};

class DncSetBuilder {
 public:
  DncSetBuilder() = default;
  // `bitmap_threshold`: numbers held as a sorted list before switching to
  // the universe bitmap (tests lower it).
  // `bucket_bits` (13..21, 0 = chosen from the size): buckets of
  // 2^bucket_bits numbers (tests force the registry-size layout on small
  // sets).
  explicit DncSetBuilder(size_t bitmap_threshold, int bucket_bits = 0)
      : bitmap_threshold_(bitmap_threshold), bucket_bits_(bucket_bits) {}
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
  // 1 GB bitmap of the universe (no sort, duplicates free). Build() itself
  // adds 4 bytes per bucket (4 MB) of counts.
  DncSet Build() &&;

 private:
  void SwitchToBitmap();

  size_t bitmap_threshold_ = size_t{1} << 24;
  int bucket_bits_ = 0;
  uint64_t added_ = 0;
  std::vector<uint64_t> values_;  // offsets from the first valid number
  std::vector<uint64_t> bitmap_;  // one bit per possible number, once large
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DNC_SET_H_
