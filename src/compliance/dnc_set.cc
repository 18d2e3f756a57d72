#include "compliance/dnc_set.h"

#include <algorithm>
#include <bit>

#include <sys/mman.h>

#include "compliance/nanp_number.h"

namespace dialer::compliance {
namespace {

constexpr uint64_t kFirst = 2000000000ULL;
constexpr uint64_t kUniverse = 10000000000ULL - kFirst;

// Buckets hold ~2^8 members on average: 2^13 numbers at registry density
// (1 in 33 of the universe, ~300 members in ~260 bytes; the index, 8 bytes
// per bucket, is 7.8 MB and stays mostly in the last-level cache), wider for
// smaller sets so that the index stays small (30 KB at most 2^21).
constexpr int kMinBucketBits = 13;
constexpr int kMaxBucketBits = 21;

int BucketBitsFor(uint64_t n) {
  int bits = 8;
  while (bits < kMaxBucketBits && (kUniverse >> (bits - 8 + 1)) >= n) ++bits;
  return std::max(bits, kMinBucketBits);
}

// Index entry fields: offset (37 bits: a set of the whole universe takes
// under 2^35), count (22 bits: a bucket holds at most 2^21), width (5 bits).
constexpr int kCountShift = 5;
constexpr int kOffsetShift = 27;
constexpr uint64_t kWidthMask = 31;
constexpr uint64_t kCountMask = (uint64_t{1} << (kOffsetShift - kCountShift)) - 1;
static_assert((uint64_t{1} << kMaxBucketBits) <= kCountMask);

// Bits one bucket of `count` members takes with `width` low bits.
constexpr uint64_t BucketBits(int bucket_bits, uint64_t count, int width) {
  return count == 0 ? 0 : (uint64_t{1} << (bucket_bits - width)) + count * (width + 1);
}

// The width that makes the bucket smallest (partitioned Elias-Fano: each
// bucket adapts to its own density).
int BestWidth(int bucket_bits, uint64_t count) {
  int best = 0;
  for (int w = 1; w <= bucket_bits; ++w) {
    if (BucketBits(bucket_bits, count, w) < BucketBits(bucket_bits, count, best)) best = w;
  }
  return best;
}

// Sizes `v` to `words` zeroed words. Large arrays ask for transparent huge
// pages first (before the pages are touched): lookups touch random places of
// a structure of hundreds of MB, and with 4 KiB pages each is also a TLB
// miss.
template <typename T>
void AssignZeroed(std::vector<T>& v, size_t count) {
  v.clear();
  v.reserve(count);
#ifdef MADV_HUGEPAGE
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<uintptr_t>(v.data());
  const uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t last = (begin + count * sizeof(T)) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
  v.assign(count, 0);
}

// 64 bits starting at bit `pos`. REQUIRES: word (pos >> 6) + 1 exists.
inline uint64_t Read64(const uint64_t* w, uint64_t pos) {
  const int shift = static_cast<int>(pos & 63);
  // (x << 1) << (63 - shift) is x << (64 - shift), and 0 when shift == 0.
  return (w[pos >> 6] >> shift) | ((w[(pos >> 6) + 1] << 1) << (63 - shift));
}

inline void WriteBits(uint64_t* w, uint64_t pos, uint64_t value, int width) {
  if (width == 0) return;
  const int shift = static_cast<int>(pos & 63);
  w[pos >> 6] |= value << shift;
  if (shift + width > 64) w[(pos >> 6) + 1] |= value >> (64 - shift);
}

// Position of the k-th (0-based) set bit of `x`. REQUIRES: popcount(x) > k.
// Broadword: byte-wise running popcounts find the byte, then a short loop.
inline int SelectOne(uint64_t x, int k) {
  constexpr uint64_t kOnes8 = 0x0101010101010101ULL;
  constexpr uint64_t kHigh8 = 0x8080808080808080ULL;
  uint64_t s = x - ((x >> 1) & 0x5555555555555555ULL);
  s = (s & 0x3333333333333333ULL) + ((s >> 2) & 0x3333333333333333ULL);
  s = (s + (s >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  const uint64_t running = s * kOnes8;  // byte i: ones in bytes 0..i
  // High bit of byte i set iff running[i] <= k; those bytes form a prefix.
  const uint64_t le = ((static_cast<uint64_t>(k) * kOnes8 | kHigh8) - running) & kHigh8;
  const int byte = std::popcount(le);
  const int before = byte == 0 ? 0 : static_cast<int>((running >> (8 * byte - 8)) & 0xFF);
  uint64_t bits = (x >> (8 * byte)) & 0xFF;
  for (int r = k - before; r > 0; --r) bits &= bits - 1;
  return 8 * byte + std::countr_zero(bits);
}

// Asks for every cache line of a bucket at once (up to 8), so the scan
// below waits for one memory latency, not one per line it walks into.
inline void PrefetchBucket(const uint64_t* w, uint64_t start, uint64_t bits) {
  const auto first = reinterpret_cast<uintptr_t>(&w[start >> 6]);
  const auto last = reinterpret_cast<uintptr_t>(&w[(start + bits) >> 6]);
  for (uintptr_t a = first; a <= last && a < first + 8 * 64; a += 64) {
    __builtin_prefetch(reinterpret_cast<const void*>(a));
  }
  __builtin_prefetch(reinterpret_cast<const void*>(last));
}

}  // namespace

bool DncSet::InBucket(uint64_t entry, uint64_t offset, bool prefetch) const {
  const uint64_t count = (entry >> kCountShift) & kCountMask;
  if (count == 0) return false;
  const int width = static_cast<int>(entry & kWidthMask);
  const uint64_t start = entry >> kOffsetShift;
  const uint64_t* w = bits_.data();
  if (prefetch) PrefetchBucket(w, start, BucketBits(bucket_bits_, count, width));
  const uint64_t high = offset >> width;
  const uint64_t low = offset & ((uint64_t{1} << width) - 1);
  // Skip `high` zeros: the run of ones of this high value starts there.
  uint64_t pos = start;
  for (uint64_t skip = high; skip > 0;) {
    const uint64_t zeros = ~Read64(w, pos);
    const auto n = static_cast<uint64_t>(std::popcount(zeros));
    if (n >= skip) {
      pos += SelectOne(zeros, static_cast<int>(skip) - 1) + 1;
      break;
    }
    skip -= n;
    pos += 64;
  }
  // Every run ends with a zero inside the upper bits.
  uint64_t end = pos;
  for (uint64_t zeros = ~Read64(w, end); zeros == 0; zeros = ~Read64(w, end)) end += 64;
  end += std::countr_zero(~Read64(w, end));
  if (end == pos) return false;
  if (width == 0) return true;
  // Members pos-start-high .. end-start-high-1 share the high value; their
  // low parts ascend.
  const uint64_t lows = start + (uint64_t{1} << (bucket_bits_ - width)) + count;
  const uint64_t mask = (uint64_t{1} << width) - 1;
  for (uint64_t i = pos - start - high, last = end - start - high; i < last; ++i) {
    const uint64_t l = Read64(w, lows + i * width) & mask;
    if (l >= low) return l == low;
  }
  return false;
}

bool DncSet::Contains(uint64_t national) const {
  const uint64_t v = national - kFirst;  // wraps below the universe
  if (v >= kUniverse || index_.empty()) return false;
  return InBucket(index_[v >> bucket_bits_], v & ((uint64_t{1} << bucket_bits_) - 1),
                  /*prefetch=*/true);
}

void DncSet::ContainsBatch(std::span<const uint64_t> numbers, std::span<bool> out) const {
  if (index_.empty()) {
    std::fill_n(out.begin(), numbers.size(), false);
    return;
  }
  // Three stages, software-pipelined: prefetch the index word kIndexAhead
  // lookups ahead, read it and prefetch the bucket bits kDataAhead ahead
  // (by then the index word has arrived), check the current number. The
  // cache misses of ~kIndexAhead lookups are in flight at once.
  constexpr size_t kIndexAhead = 24;
  constexpr size_t kDataAhead = 12;
  const size_t n = numbers.size();
  const uint64_t* w = bits_.data();
  for (size_t i = 0; i < n; ++i) {
    if (i + kIndexAhead < n) {
      const uint64_t v = numbers[i + kIndexAhead] - kFirst;
      if (v < kUniverse) __builtin_prefetch(&index_[v >> bucket_bits_]);
    }
    if (i + kDataAhead < n) {
      const uint64_t v = numbers[i + kDataAhead] - kFirst;
      if (v < kUniverse) {
        const uint64_t entry = index_[v >> bucket_bits_];
        const uint64_t count = (entry >> kCountShift) & kCountMask;
        const int width = static_cast<int>(entry & kWidthMask);
        const uint64_t start = entry >> kOffsetShift;
        // Only the lines the lookup will most likely read: where the
        // number's upper bits and its run's low bits would be if the members
        // were spread evenly (whole buckets would crowd the miss buffers).
        const uint64_t offset = v & ((uint64_t{1} << bucket_bits_) - 1);
        const uint64_t rank = (offset * count) >> bucket_bits_;
        const uint64_t upper = start + (offset >> width) + rank;
        __builtin_prefetch(&w[upper >> 6]);
        __builtin_prefetch(&w[std::min<uint64_t>((upper >> 6) + 8, bits_.size() - 1)]);
        __builtin_prefetch(
            &w[(start + (uint64_t{1} << (bucket_bits_ - width)) + count + rank * width) >> 6]);
      }
    }
    const uint64_t v = numbers[i] - kFirst;
    out[i] = v < kUniverse && InBucket(index_[v >> bucket_bits_],
                                       v & ((uint64_t{1} << bucket_bits_) - 1),
                                       /*prefetch=*/false);
  }
}

size_t DncSet::MemoryBytes() const {
  return index_.capacity() * sizeof(uint64_t) + bits_.capacity() * sizeof(uint64_t);
}

void DncSet::DecodeBucket(uint64_t b, std::vector<uint64_t>& out) const {
  const uint64_t entry = index_[b];
  const uint64_t count = (entry >> kCountShift) & kCountMask;
  const int width = static_cast<int>(entry & kWidthMask);
  const uint64_t start = entry >> kOffsetShift;
  const uint64_t lows = start + (uint64_t{1} << (bucket_bits_ - width)) + count;
  const uint64_t mask = (uint64_t{1} << width) - 1;
  uint64_t high = 0;
  for (uint64_t i = 0, pos = start; i < count; ++pos) {
    if ((bits_[pos >> 6] >> (pos & 63)) & 1) {
      const uint64_t low = Read64(bits_.data(), lows + i * width) & mask;
      out.push_back(kFirst + (b << bucket_bits_) + ((high << width) | low));
      ++i;
    } else {
      ++high;
    }
  }
}

std::vector<uint64_t> DncSet::ToVector() const {
  std::vector<uint64_t> out;
  out.reserve(size_);
  for (uint64_t b = 0; b < index_.size(); ++b) DecodeBucket(b, out);
  return out;
}

void DncSetBuilder::Add(uint64_t national) {
  if (!IsValidNanpNational(national)) return;
  ++added_;
  const uint64_t v = national - kFirst;
  if (!bitmap_.empty()) {
    bitmap_[v >> 6] |= uint64_t{1} << (v & 63);
    return;
  }
  values_.push_back(v);
  if (values_.size() >= bitmap_threshold_) SwitchToBitmap();
}

void DncSetBuilder::SwitchToBitmap() {
  AssignZeroed(bitmap_, (kUniverse + 63) / 64);
  for (uint64_t v : values_) bitmap_[v >> 6] |= uint64_t{1} << (v & 63);
  std::vector<uint64_t>().swap(values_);
}

DncSet DncSetBuilder::Build() && {
  DncSet set;
  const bool from_bitmap = !bitmap_.empty();
  uint64_t n = 0;
  if (from_bitmap) {
    for (uint64_t w : bitmap_) n += std::popcount(w);
  } else {
    std::sort(values_.begin(), values_.end());
    values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
    n = values_.size();
  }
  const int bucket_bits =
      bucket_bits_ == 0 ? BucketBitsFor(n)
                        : std::clamp(bucket_bits_, kMinBucketBits, kMaxBucketBits);
  const uint64_t buckets = (kUniverse + (uint64_t{1} << bucket_bits) - 1) >> bucket_bits;
  set.bucket_bits_ = bucket_bits;
  // Pass 1: members per bucket.
  std::vector<uint32_t> counts(buckets, 0);
  if (from_bitmap) {
    const int words_shift = bucket_bits - 6;
    for (uint64_t i = 0; i < bitmap_.size(); ++i) {
      counts[i >> words_shift] += std::popcount(bitmap_[i]);
    }
  } else {
    for (uint64_t v : values_) ++counts[v >> bucket_bits];
  }
  // Layout: each bucket's bits follow the previous bucket's.
  AssignZeroed(set.index_, buckets);
  uint64_t total_bits = 0;
  for (uint64_t b = 0; b < buckets; ++b) {
    const int width = BestWidth(bucket_bits, counts[b]);
    set.index_[b] = total_bits << kOffsetShift | uint64_t{counts[b]} << kCountShift |
                    static_cast<uint64_t>(width);
    total_bits += BucketBits(bucket_bits, counts[b], width);
  }
  set.size_ = n;
  if (set.size_ == 0) {
    set = DncSet();
  } else {
    AssignZeroed(set.bits_, total_bits / 64 + 2);
    uint64_t* w = set.bits_.data();
    // Pass 2: the bits. `rank` = members of the current bucket so far.
    uint64_t bucket = ~uint64_t{0}, start = 0, lows = 0, rank = 0;
    int width = 0;
    auto put = [&](uint64_t v) {
      if ((v >> bucket_bits) != bucket) {
        bucket = v >> bucket_bits;
        const uint64_t entry = set.index_[bucket];
        width = static_cast<int>(entry & kWidthMask);
        start = entry >> kOffsetShift;
        lows = start + (uint64_t{1} << (bucket_bits - width)) + counts[bucket];
        rank = 0;
      }
      const uint64_t offset = v & ((uint64_t{1} << bucket_bits) - 1);
      const uint64_t pos = start + (offset >> width) + rank;
      w[pos >> 6] |= uint64_t{1} << (pos & 63);
      WriteBits(w, lows + rank * width, offset & ((uint64_t{1} << width) - 1), width);
      ++rank;
    };
    if (from_bitmap) {
      for (uint64_t i = 0; i < bitmap_.size(); ++i) {
        for (uint64_t bits = bitmap_[i]; bits != 0; bits &= bits - 1) {
          put(i * 64 + std::countr_zero(bits));
        }
      }
    } else {
      for (uint64_t v : values_) put(v);
    }
  }
  *this = DncSetBuilder(bitmap_threshold_, bucket_bits_);
  return set;
}

}  // namespace dialer::compliance
