// The calls a campaign made to each number (NumberKey), whichever contact
// held it: what the per-line caps and the retry gap between two contacts
// sharing a number are counted from.
//
// Why not a flat_hash_map<uint64_t, History>: a day dials tens of thousands
// of numbers, and a hash table whose slots hold the history itself is tens
// of megabytes that every rehash copies and every new page faults in. Here
// the hash table maps a number to a small position (16-byte slots) and the
// histories sit in a vector in first-call order.
//
// Not thread-safe: the engine touches it only on its strand.
#ifndef DIALER_ENGINE_NUMBER_HISTORY_H_
#define DIALER_ENGINE_NUMBER_HISTORY_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/time/time.h"
#include "dialer/types.h"

namespace dialer::engine {

struct NumberHistory {
  // Recent attempt starts, oldest first, with the contact that dialled.
  // Most numbers are called once or twice a day: those need no allocation.
  absl::InlinedVector<std::pair<absl::Time, ContactId>, 2> attempts;
  absl::Time last_conversation = absl::InfinitePast();
};

class NumberHistories {
 public:
  // A history's position: stable once it exists (histories are never
  // removed), so a contact may keep it instead of probing the hash table
  // again for every offer of the queue.
  static constexpr uint32_t kNone = UINT32_MAX;

  // The history of `number`, or nullptr if the campaign never called it.
  // `*position` is a cache of the number's position kept by the caller
  // (kNone when not known yet): used when set, filled in when found.
  const NumberHistory* Find(uint64_t number, uint32_t* position) const {
    if (*position == kNone) {
      auto it = index_.find(number);
      if (it == index_.end()) return nullptr;
      *position = it->second;
    }
    return &rows_[*position];
  }
  // The history of `number`, created empty on first use. `*position` (if
  // not null) is the caller's cache as for Find: used when set, else
  // filled in.
  NumberHistory& Get(uint64_t number, uint32_t* position = nullptr) {
    if (position != nullptr && *position != kNone) return rows_[*position];
    auto [it, inserted] =
        index_.try_emplace(number, static_cast<uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    if (position != nullptr) *position = it->second;
    return rows_[it->second];
  }

 private:
  absl::flat_hash_map<uint64_t, uint32_t> index_;
  std::vector<NumberHistory> rows_;
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_NUMBER_HISTORY_H_
