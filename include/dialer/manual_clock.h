// A Clock for tests: time moves only when the test says so.
//
// Example:
//   dialer::ManualClock clock(absl::FromUnixSeconds(1773147600));
//   clock.ScheduleAt(clock.Now() + absl::Seconds(5), [&] { fired = true; });
//   clock.Advance(absl::Seconds(5));  // runs the callback on this thread
//
// Thread-safety: see the class comment.
#ifndef DIALER_MANUAL_CLOCK_H_
#define DIALER_MANUAL_CLOCK_H_

#include <cstdint>
#include <memory>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"
#include "dialer/clock.h"
#include "dialer/export.h"

namespace dialer {
inline namespace v1 {

// A clock that only moves when told to: for tests.
//
// Due callbacks run on the thread that calls Advance/AdvanceTo, in
// (deadline, scheduling order) order; a callback scheduled by a callback for
// a time not after the target also runs in the same call.
//
// Thread-safe. Two threads advancing at once take turns (callbacks never
// overlap); a callback may itself Advance, which runs the newly due
// callbacks at once on the same thread.
class DIALER_EXPORT ManualClock : public Clock {
 public:
  explicit ManualClock(absl::Time start = absl::UnixEpoch());
  ~ManualClock() override;

  absl::Time Now() override;
  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override;
  bool Cancel(TimerId id) override;

  // Moves the time forward by `d` (or to `t`), running every callback due on
  // the way at its own deadline (Now() equals the deadline while it runs).
  // Returns how many callbacks ran. Moving backwards is a no-op.
  int Advance(absl::Duration d);
  int AdvanceTo(absl::Time t);

  // Runs the callbacks already due at Now() without moving the time.
  int RunDue() { return AdvanceTo(Now()); }

  // Deadline of the earliest pending callback, or absl::InfiniteFuture().
  absl::Time NextDeadline();
  // Number of callbacks not yet run or canceled.
  int pending();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_MANUAL_CLOCK_H_
