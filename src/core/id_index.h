// Positions of records by id, for tables whose ids nearly always arrive in
// sequence (the engine's ContactTable and CallTable, the simulated
// provider's calls, MemoryStore's started calls).
//
// Why: a hash map from 100,000 ids scatters its entries over megabytes, so a
// lookup is a cache miss, while the ids a Store hands out (MemoryStore 1, 2,
// 3, ...; a database's serial key) and the engine's own call ids come one
// after the other. While every id added is the previous one plus one
// ("dense"), the position of an id is a subtraction. The first id out of
// sequence switches the index to a hash map of positions, for good; the
// answers are the same either way (the dense ids are first..first+size-1,
// so the switch needs nothing but the index itself).
//
// Not thread-safe: the owner serializes access.
#ifndef DIALER_CORE_ID_INDEX_H_
#define DIALER_CORE_ID_INDEX_H_

#include <cstddef>
#include <cstdint>

#include "absl/container/flat_hash_map.h"

namespace dialer {

class IdIndex {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // The position of `id`, or kNone.
  size_t Find(int64_t id) const {
    if (dense_) {
      // Unsigned: ids below first_ wrap around to a huge offset.
      const uint64_t i = static_cast<uint64_t>(id) - static_cast<uint64_t>(first_);
      return i < size_ ? static_cast<size_t>(i) : kNone;
    }
    auto it = positions_.find(id);
    return it == positions_.end() ? kNone : it->second;
  }

  // Records `id` at position size() (the table appends its record).
  // REQUIRES: Find(id) == kNone.
  void Add(int64_t id) {
    if (dense_ && size_ > 0 &&
        static_cast<uint64_t>(id) !=
            static_cast<uint64_t>(first_) + static_cast<uint64_t>(size_)) {
      positions_.reserve(size_ + 1);
      for (size_t i = 0; i < size_; ++i) {
        positions_.emplace(first_ + static_cast<int64_t>(i), i);
      }
      dense_ = false;
    }
    if (dense_) {
      if (size_ == 0) first_ = id;
    } else {
      positions_.emplace(id, size_);
    }
    ++size_;
  }

  size_t size() const { return size_; }
  // Whether lookups are still the subtraction (for tests).
  bool dense() const { return dense_; }

 private:
  bool dense_ = true;
  int64_t first_ = 0;  // id at position 0 while dense_
  size_t size_ = 0;
  absl::flat_hash_map<int64_t, size_t> positions_;  // only when !dense_
};

}  // namespace dialer

#endif  // DIALER_CORE_ID_INDEX_H_
