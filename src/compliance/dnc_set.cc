#include "compliance/dnc_set.h"

#include <algorithm>
#include <bit>

#include <sys/mman.h>

#include "compliance/nanp_number.h"

namespace dialer::compliance {
namespace {

constexpr uint64_t kFirst = 2000000000ULL;
constexpr uint64_t kUniverse = 10000000000ULL - kFirst;
constexpr int kCoarseHighBits = 7;  // 128 high values per coarse bucket

inline bool Bit(const std::vector<uint64_t>& v, uint64_t i) {
  return (v[i >> 6] >> (i & 63)) & 1;
}

// Sizes `v` to `words` zeroed words. Large arrays ask for transparent huge
// pages first (before the pages are touched): a lookup touches three random
// places of a structure of hundreds of MB, and with 4 KiB pages each is also
// a TLB miss.
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

// Position of the k-th (0-based) zero bit of `word`. REQUIRES: it exists.
inline int SelectZero(uint64_t word, int k) {
  uint64_t zeros = ~word;
  for (int i = 0; i < k; ++i) zeros &= zeros - 1;
  return std::countr_zero(zeros);
}

}  // namespace

uint64_t DncSet::Low(uint64_t i) const {
  if (low_bits_ == 0) return 0;
  const uint64_t bit = i * low_bits_;
  const uint64_t word = bit >> 6;
  const int shift = static_cast<int>(bit & 63);
  uint64_t v = lower_[word] >> shift;
  if (shift + low_bits_ > 64) v |= lower_[word + 1] << (64 - shift);
  return v & ((uint64_t{1} << low_bits_) - 1);
}

bool DncSet::Contains(uint64_t national) const {
  if (size_ == 0 || national < kFirst || national >= kFirst + kUniverse) return false;
  const uint64_t v = national - kFirst;
  const uint64_t high = v >> low_bits_;
  const uint64_t low = v & ((uint64_t{1} << low_bits_) - 1);
  const uint64_t c = v >> coarse_shift_;
  uint64_t zeros_to_skip = high - (c << kCoarseHighBits);
  // Bit position where coarse bucket c starts: its elements-before count
  // plus one zero per smaller high value.
  uint64_t pos = coarse_[c] + (c << kCoarseHighBits);
  while (zeros_to_skip > 0) {
    const int offset = static_cast<int>(pos & 63);
    const uint64_t word = upper_[pos >> 6] | ((uint64_t{1} << offset) - 1);
    const int zeros = 64 - std::popcount(word);
    if (static_cast<uint64_t>(zeros) >= zeros_to_skip) {
      pos = (pos & ~uint64_t{63}) +
            SelectZero(word, static_cast<int>(zeros_to_skip) - 1) + 1;
      zeros_to_skip = 0;
    } else {
      zeros_to_skip -= zeros;
      pos = (pos & ~uint64_t{63}) + 64;
    }
  }
  // pos starts the run of ones for `high`; element index = ones before pos.
  // The run can be long in a small set with a dense cluster: find its end,
  // then binary-search the sorted low parts.
  uint64_t end = pos;
  while (true) {
    const uint64_t zeros = ~upper_[end >> 6] >> (end & 63);
    if (zeros != 0) {
      end += std::countr_zero(zeros);
      break;
    }
    end = (end & ~uint64_t{63}) + 64;
  }
  uint64_t lo = pos - high, hi = end - high;
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    const uint64_t l = Low(mid);
    if (l == low) return true;
    if (l < low) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

void DncSet::ContainsBatch(std::span<const uint64_t> numbers, std::span<bool> out) const {
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i + kAhead < numbers.size() && size_ != 0) {
      const uint64_t n = numbers[i + kAhead];
      if (n >= kFirst && n < kFirst + kUniverse) {
        const uint64_t v = n - kFirst;
        const uint64_t c = v >> coarse_shift_;
        __builtin_prefetch(&coarse_[c]);
        // The bucket's bits start near c*128 + c*128*(n/U*2^l); aim at the
        // expected spot so the upper word is usually in cache too.
        const uint64_t expect =
            (v >> low_bits_) + static_cast<uint64_t>(static_cast<double>(v) / kUniverse * size_);
        if ((expect >> 6) < upper_.size()) __builtin_prefetch(&upper_[expect >> 6]);
        const uint64_t li = std::min<uint64_t>(size_ - 1, expect - (v >> low_bits_));
        if (low_bits_ > 0) __builtin_prefetch(&lower_[(li * low_bits_) >> 6]);
      }
    }
    out[i] = Contains(numbers[i]);
  }
}

size_t DncSet::MemoryBytes() const {
  return lower_.capacity() * 8 + upper_.capacity() * 8 + coarse_.capacity() * 4;
}

std::vector<uint64_t> DncSet::ToVector() const {
  std::vector<uint64_t> out;
  out.reserve(size_);
  uint64_t i = 0;
  for (uint64_t pos = 0; i < size_; ++pos) {
    if (Bit(upper_, pos)) {
      const uint64_t high = pos - i;
      out.push_back(kFirst + ((high << low_bits_) | Low(i)));
      ++i;
    }
  }
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
  uint64_t n = 0;
  if (bitmap_.empty()) {
    std::sort(values_.begin(), values_.end());
    values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
    n = values_.size();
  } else {
    for (uint64_t w : bitmap_) n += std::popcount(w);
  }
  set.size_ = n;
  if (n > 0) {
    int l = 0;
    while ((kUniverse >> (l + 1)) >= n) ++l;  // l = floor(log2(U / n))
    set.low_bits_ = l;
    set.coarse_shift_ = l + kCoarseHighBits;
    const uint64_t highs = (kUniverse >> l) + 1;
    AssignZeroed(set.upper_, (n + highs + 64) / 64 + 1);
    AssignZeroed(set.lower_, (n * l + 63) / 64 + 1);
    AssignZeroed(set.coarse_, (kUniverse >> set.coarse_shift_) + 2);
    uint64_t i = 0;
    uint64_t next_coarse = 0;
    auto put = [&](uint64_t v) {
      const uint64_t c = v >> set.coarse_shift_;
      while (next_coarse <= c) set.coarse_[next_coarse++] = static_cast<uint32_t>(i);
      const uint64_t pos = (v >> l) + i;
      set.upper_[pos >> 6] |= uint64_t{1} << (pos & 63);
      if (l > 0) {
        const uint64_t low = v & ((uint64_t{1} << l) - 1);
        const uint64_t bit = i * l;
        set.lower_[bit >> 6] |= low << (bit & 63);
        if ((bit & 63) + l > 64) set.lower_[(bit >> 6) + 1] |= low >> (64 - (bit & 63));
      }
      ++i;
    };
    if (bitmap_.empty()) {
      for (uint64_t v : values_) put(v);
    } else {
      for (uint64_t w = 0; w < bitmap_.size(); ++w) {
        for (uint64_t bits = bitmap_[w]; bits != 0; bits &= bits - 1) {
          put(w * 64 + std::countr_zero(bits));
        }
      }
    }
    while (next_coarse < set.coarse_.size()) {
      set.coarse_[next_coarse++] = static_cast<uint32_t>(i);
    }
  }
  const size_t threshold = bitmap_threshold_;
  *this = DncSetBuilder(threshold);
  return set;
}

}  // namespace dialer::compliance
