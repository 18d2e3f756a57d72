#include "dialer/manual_clock.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>

#include "clock/internal/timer_queue.h"

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace dialer {
inline namespace v1 {

struct ManualClock::Impl {
  explicit Impl(absl::Time start) : now(start) {}

  // Held by the thread running callbacks for the whole Advance, so callbacks
  // of two advancing threads never interleave. A callback that advances the
  // clock itself runs the nested Advance without it (see `runner`).
  absl::Mutex run_mu;
  absl::Mutex mu ABSL_ACQUIRED_AFTER(run_mu);
  absl::Time now ABSL_GUARDED_BY(mu);
  clock_internal::TimerQueue queue ABSL_GUARDED_BY(mu);
  std::thread::id runner ABSL_GUARDED_BY(mu);
};

ManualClock::ManualClock(absl::Time start)
    : impl_(std::make_unique<Impl>(start)) {}

ManualClock::~ManualClock() = default;

absl::Time ManualClock::Now() {
  absl::MutexLock lock(&impl_->mu);
  return impl_->now;
}

TimerId ManualClock::ScheduleAt(absl::Time when,
                                absl::AnyInvocable<void()> fn) {
  absl::MutexLock lock(&impl_->mu);
  // A deadline in the past means "as soon as possible": it runs at Now(),
  // after the callbacks already due then, and Now() never goes backwards.
  return impl_->queue.Schedule(std::max(when, impl_->now), std::move(fn));
}

bool ManualClock::Cancel(TimerId id) {
  // Declared before the lock, so destroyed after it is released: the
  // destructor of a captured object may use the clock.
  absl::AnyInvocable<void()> canceled;
  absl::MutexLock lock(&impl_->mu);
  return impl_->queue.Cancel(id, &canceled);
}

int ManualClock::Advance(absl::Duration d) { return AdvanceTo(Now() + d); }

int ManualClock::AdvanceTo(absl::Time t) {
  bool nested;
  {
    absl::MutexLock lock(&impl_->mu);
    if (t < impl_->now) return 0;
    nested = impl_->runner == std::this_thread::get_id();
  }
  if (!nested) {
    impl_->run_mu.Lock();
    absl::MutexLock lock(&impl_->mu);
    impl_->runner = std::this_thread::get_id();
  }
  int ran = 0;
  absl::AnyInvocable<void()> fn;
  absl::Time when;
  while (true) {
    {
      absl::MutexLock lock(&impl_->mu);
      if (!impl_->queue.PopDue(t, &when, &fn)) {
        impl_->now = std::max(impl_->now, t);
        break;
      }
      // A nested Advance may have moved past `when` already.
      impl_->now = std::max(impl_->now, when);
    }
    if (fn) fn();
    fn = nullptr;  // destroyed here, without the lock, like a canceled one
    ++ran;
  }
  if (!nested) {
    {
      absl::MutexLock lock(&impl_->mu);
      impl_->runner = std::thread::id();
    }
    impl_->run_mu.Unlock();
  }
  return ran;
}

absl::Time ManualClock::NextDeadline() {
  absl::MutexLock lock(&impl_->mu);
  return impl_->queue.NextDeadline();
}

int ManualClock::pending() {
  absl::MutexLock lock(&impl_->mu);
  return static_cast<int>(impl_->queue.size());
}

}  // namespace v1
}  // namespace dialer
