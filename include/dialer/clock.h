// A Clock tells the time and runs callbacks at a time. The engine reads time
// no other way, so a ManualClock makes every test deterministic and a
// SimulatedClock lets the simulator run a working day in a fraction of a
// second.
//
// Implementations: Clock::System() (real time, Boost.Asio timers),
// ManualClock (tests, manual_clock.h), SimulatedClock (simulator,
// simulated_clock.h), ClockWrapper (forwarding base for decorators).
//
// Thread-safe: Clock::System() and ManualClock allow calls from any thread
// (SimulatedClock is the exception: one thread only). Callbacks of one clock
// never run concurrently with each other.
#ifndef DIALER_CLOCK_H_
#define DIALER_CLOCK_H_

#include <cstdint>
#include <memory>
#include <utility>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"
#include "dialer/export.h"

namespace dialer {
inline namespace v1 {

// Identifies a scheduled callback. 0 is never a valid id.
using TimerId = uint64_t;

class DIALER_EXPORT Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock();

  // Returns the process-wide real-time clock. Its timers run on one internal
  // thread driven by Boost.Asio. Never deleted.
  static Clock& System();

  virtual absl::Time Now() = 0;

  // Runs `fn` once, at or after `when` (immediately-due callbacks run on the
  // clock's own thread or loop, never inside ScheduleAt). Callbacks due at
  // the same instant run in the order they were scheduled; a `when` in the
  // past counts as Now().
  // REQUIRES: fn does not block.
  virtual TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) = 0;

  // Returns true iff the timer existed and had not started running; after
  // that it never runs. Safe to call with an id that already fired.
  virtual bool Cancel(TimerId id) = 0;
};

// Forwards every call to another clock. Subclass it to observe or alter one
// method (for example to count timers in a test). `*target` must outlive this.
class DIALER_EXPORT ClockWrapper : public Clock {
 public:
  explicit ClockWrapper(Clock* target) : target_(target) {}
  absl::Time Now() override { return target_->Now(); }
  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override {
    return target_->ScheduleAt(when, std::move(fn));
  }
  bool Cancel(TimerId id) override { return target_->Cancel(id); }
  Clock* target() const { return target_; }

 private:
  Clock* const target_;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_CLOCK_H_
