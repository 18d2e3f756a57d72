// The simulator's discrete-event Clock: a run of a working day takes a
// fraction of a second because time jumps straight to the next event.
//
// Thread-safety: see the class comment.
#ifndef DIALER_SIMULATED_CLOCK_H_
#define DIALER_SIMULATED_CLOCK_H_

#include <cstdint>
#include <memory>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"
#include "dialer/clock.h"
#include "dialer/export.h"

namespace dialer {
inline namespace v1 {

// The discrete-event clock of the simulator: time jumps from one due
// callback to the next. Same ordering rules as ManualClock.
//
// Not thread-safe: use from one thread (the simulator's), which is what makes
// a simulated run reproducible byte for byte.
class DIALER_EXPORT SimulatedClock : public Clock {
 public:
  explicit SimulatedClock(absl::Time start);
  ~SimulatedClock() override;

  absl::Time Now() override;
  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override;
  bool Cancel(TimerId id) override;

  // Runs the earliest pending callback, moving Now() to its deadline.
  // Returns false when nothing is pending.
  bool RunNext();
  // Runs every callback due at or before `end`, then sets Now() to `end`
  // (unless Now() is already later). Returns how many ran.
  int64_t RunUntil(absl::Time end);

  // Moves Now() forward to `t` without running anything (no-op when Now()
  // is already at or past `t`). A callback due before `t` stays pending and
  // runs, late, at the next RunNext()/RunUntil(). For a driver that
  // interleaves its own inputs with the clock's callbacks in an order it
  // already knows (the simulator's replay: an input due at the same instant
  // as a pending callback but ordered before it).
  void AdvanceTo(absl::Time t);

  absl::Time NextDeadline() const;
  int64_t pending() const;
  // Callbacks run since construction.
  int64_t executed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_SIMULATED_CLOCK_H_
