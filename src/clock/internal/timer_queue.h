// The pending callbacks of a clock, earliest first: what ManualClock,
// SimulatedClock and the system clock share.
//
// A binary min-heap keyed by (deadline, scheduling sequence), so callbacks
// due at the same instant come out in the order they were scheduled. The
// callbacks themselves sit in a slab of reusable slots and never move while
// the heap reorders its 32-byte entries. A TimerId names a slot and the
// slot's generation, so Cancel() finds its timer in O(1) without a hash map;
// the heap entry of a canceled timer is dropped lazily when it reaches the
// top, or in one sweep when dead entries outnumber live ones (amortized O(1)
// per cancel).
//
// Costs: Schedule O(log n); Cancel O(1) amortized; PopDue O(log n). No
// allocation per timer once the slab and heap have grown, beyond what
// absl::AnyInvocable needs for a large callable.
//
// Not thread-safe: the owner serializes calls (ManualClock and the system
// clock hold a mutex; SimulatedClock is single-threaded). The owner must run
// a popped callback itself, without its lock, so the callback may schedule
// and cancel.
#ifndef DIALER_SRC_CLOCK_INTERNAL_TIMER_QUEUE_H_
#define DIALER_SRC_CLOCK_INTERNAL_TIMER_QUEUE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dialer/clock.h"

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"

namespace dialer::clock_internal {

class TimerQueue {
 public:
  TimerQueue() = default;
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

  // Adds `fn` to run at `when` and returns its id (never 0). An empty `fn`
  // is accepted and pops as an empty callable.
  TimerId Schedule(absl::Time when, absl::AnyInvocable<void()>&& fn);

  // Removes a pending timer. Returns true iff `id` was pending (scheduled,
  // not yet popped or canceled); then `*fn` (if not null) receives its
  // callback so the caller can destroy it outside its lock.
  bool Cancel(TimerId id, absl::AnyInvocable<void()>* fn = nullptr);

  // Removes the earliest pending timer if its deadline is at or before
  // `limit`: stores its deadline and callback and returns true. Returns
  // false (outputs untouched) when nothing is due by `limit`.
  bool PopDue(absl::Time limit, absl::Time* when,
              absl::AnyInvocable<void()>* fn);

  // Deadline of the earliest pending timer, or absl::InfiniteFuture().
  absl::Time NextDeadline() const;

  // Number of pending timers.
  size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }

 private:
  struct Slot {
    absl::AnyInvocable<void()> fn;
    uint32_t generation = 0;
    bool pending = false;
  };
  struct Entry {
    absl::Time when;
    uint64_t sequence;
    uint32_t slot;
    uint32_t generation;
  };
  // Heap order for std::push_heap and friends: the top is the minimum.
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      if (a.when != b.when) return a.when > b.when;
      return a.sequence > b.sequence;
    }
  };

  bool IsLive(const Entry& e) const {
    const Slot& s = slots_[e.slot];
    return s.pending && s.generation == e.generation;
  }
  // Pops dead entries off the top so heap_.front() (if any) is live.
  void DropDeadTop() const;
  // Rebuilds the heap from its live entries.
  void Compact();
  void FreeSlot(uint32_t index);

  std::vector<Slot> slots_;
  std::vector<uint32_t> free_slots_;
  // Logically const accessors drop dead entries off the top, hence mutable.
  mutable std::vector<Entry> heap_;
  uint64_t next_sequence_ = 0;
  size_t live_ = 0;
};

}  // namespace dialer::clock_internal

#endif  // DIALER_SRC_CLOCK_INTERNAL_TIMER_QUEUE_H_
