#include "dialer/simulated_clock.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "clock/internal/timer_queue.h"

namespace dialer {
inline namespace v1 {

struct SimulatedClock::Impl {
  explicit Impl(absl::Time start) : now(start) {}

  absl::Time now;
  clock_internal::TimerQueue queue;
  int64_t executed = 0;

  // `fn` is local to the caller, not a member: a callback may itself call
  // RunNext() or RunUntil().
  void Run(absl::Time when, absl::AnyInvocable<void()>& fn) {
    now = std::max(now, when);
    ++executed;
    if (fn) fn();
  }
};

SimulatedClock::SimulatedClock(absl::Time start)
    : impl_(std::make_unique<Impl>(start)) {}

SimulatedClock::~SimulatedClock() = default;

absl::Time SimulatedClock::Now() { return impl_->now; }

TimerId SimulatedClock::ScheduleAt(absl::Time when,
                                   absl::AnyInvocable<void()> fn) {
  // Same rule as ManualClock: the past means "now", and time never goes back.
  return impl_->queue.Schedule(std::max(when, impl_->now), std::move(fn));
}

bool SimulatedClock::Cancel(TimerId id) { return impl_->queue.Cancel(id); }

bool SimulatedClock::RunNext() {
  absl::Time when;
  absl::AnyInvocable<void()> fn;
  if (!impl_->queue.PopDue(absl::InfiniteFuture(), &when, &fn)) return false;
  impl_->Run(when, fn);
  return true;
}

int64_t SimulatedClock::RunUntil(absl::Time end) {
  int64_t ran = 0;
  absl::Time when;
  absl::AnyInvocable<void()> fn;
  while (impl_->queue.PopDue(end, &when, &fn)) {
    impl_->Run(when, fn);
    fn = nullptr;
    ++ran;
  }
  impl_->now = std::max(impl_->now, end);
  return ran;
}

void SimulatedClock::AdvanceTo(absl::Time t) {
  impl_->now = std::max(impl_->now, t);
}

absl::Time SimulatedClock::NextDeadline() const {
  return impl_->queue.NextDeadline();
}

int64_t SimulatedClock::pending() const {
  return static_cast<int64_t>(impl_->queue.size());
}

int64_t SimulatedClock::executed() const { return impl_->executed; }

}  // namespace v1
}  // namespace dialer
