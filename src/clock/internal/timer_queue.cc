#include "clock/internal/timer_queue.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace dialer::clock_internal {
namespace {

// TimerId layout: generation in the high 32 bits, slot index + 1 in the low
// 32 bits (so no id is 0). A slot's generation changes on every reuse, so a
// stale id never matches; it would take 2^32 reuses of one slot to alias.
TimerId MakeId(uint32_t slot, uint32_t generation) {
  return (static_cast<uint64_t>(generation) << 32) |
         (static_cast<uint64_t>(slot) + 1);
}

// Below this many heap entries dead ones are left for DropDeadTop.
constexpr size_t kMinCompactSize = 64;

}  // namespace

TimerId TimerQueue::Schedule(absl::Time when,
                             absl::AnyInvocable<void()>&& fn) {
  uint32_t index;
  if (free_slots_.empty()) {
    index = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    index = free_slots_.back();
    free_slots_.pop_back();
  }
  Slot& slot = slots_[index];
  ++slot.generation;
  slot.pending = true;
  slot.fn = std::move(fn);
  heap_.push_back(Entry{when, next_sequence_++, index, slot.generation});
  std::push_heap(heap_.begin(), heap_.end(), Later());
  ++live_;
  return MakeId(index, slot.generation);
}

bool TimerQueue::Cancel(TimerId id, absl::AnyInvocable<void()>* fn) {
  const uint64_t low = id & 0xffffffffu;
  if (low == 0 || low > slots_.size()) return false;
  const auto index = static_cast<uint32_t>(low - 1);
  Slot& slot = slots_[index];
  if (!slot.pending || slot.generation != static_cast<uint32_t>(id >> 32)) {
    return false;
  }
  if (fn != nullptr) *fn = std::move(slot.fn);
  FreeSlot(index);
  --live_;
  if (heap_.size() >= kMinCompactSize && heap_.size() > 2 * live_) Compact();
  return true;
}

bool TimerQueue::PopDue(absl::Time limit, absl::Time* when,
                        absl::AnyInvocable<void()>* fn) {
  DropDeadTop();
  if (heap_.empty() || heap_.front().when > limit) return false;
  std::pop_heap(heap_.begin(), heap_.end(), Later());
  const Entry top = heap_.back();
  heap_.pop_back();
  *when = top.when;
  *fn = std::move(slots_[top.slot].fn);
  FreeSlot(top.slot);
  --live_;
  return true;
}

absl::Time TimerQueue::NextDeadline() const {
  DropDeadTop();
  return heap_.empty() ? absl::InfiniteFuture() : heap_.front().when;
}

void TimerQueue::DropDeadTop() const {
  while (!heap_.empty() && !IsLive(heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), Later());
    heap_.pop_back();
  }
}

void TimerQueue::Compact() {
  std::erase_if(heap_, [this](const Entry& e) { return !IsLive(e); });
  std::make_heap(heap_.begin(), heap_.end(), Later());
}

void TimerQueue::FreeSlot(uint32_t index) {
  Slot& slot = slots_[index];
  slot.pending = false;
  slot.fn = nullptr;
  free_slots_.push_back(index);
}

}  // namespace dialer::clock_internal
