// Clock::System(): real time, with callbacks run by one Boost.Asio thread.
//
// One steady_timer is armed for the earliest pending deadline of a
// TimerQueue, rather than one Asio timer per callback: the queue gives the
// documented same-instant ordering and an exact answer from Cancel().
// Deadlines are wall-clock absl::Times while the Asio timer is steady, so a
// wait is capped at kMaxWait and the deadline is re-checked against
// absl::Now() on every wake-up; a wall-clock step then delays a callback by
// at most kMaxWait.
#include <algorithm>
#include <thread>
#include <utility>

#include "clock/internal/timer_queue.h"

#include "dialer/clock.h"

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace dialer {
inline namespace v1 {
namespace {

namespace asio = boost::asio;

constexpr absl::Duration kMaxWait = absl::Seconds(1);

class SystemClock final : public Clock {
 public:
  SystemClock()
      : work_(asio::make_work_guard(io_)),
        timer_(io_),
        thread_([this] { io_.run(); }) {}

  absl::Time Now() override { return absl::Now(); }

  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override {
    bool rearm = false;
    TimerId id;
    {
      absl::MutexLock lock(&mu_);
      id = queue_.Schedule(when, std::move(fn));
      if (when < armed_for_) {
        armed_for_ = when;
        rearm = true;
      }
    }
    // Also for a deadline already past: the callback runs on the clock's
    // thread, never inside ScheduleAt.
    if (rearm) asio::post(io_, [this] { Arm(); });
    return id;
  }

  bool Cancel(TimerId id) override {
    absl::AnyInvocable<void()> canceled;  // destroyed after the unlock
    absl::MutexLock lock(&mu_);
    return queue_.Cancel(id, &canceled);
  }

  void Detach() { thread_.detach(); }

 private:
  // On the clock's thread only (timer_ is not thread-safe).
  void Arm() {
    absl::Time next;
    {
      absl::MutexLock lock(&mu_);
      next = queue_.NextDeadline();
      armed_for_ = next;
    }
    if (next == absl::InfiniteFuture()) {
      timer_.cancel();
      return;
    }
    const absl::Duration wait =
        std::clamp(next - absl::Now(), absl::ZeroDuration(), kMaxWait);
    timer_.expires_after(absl::ToChronoNanoseconds(wait));
    timer_.async_wait([this](const boost::system::error_code& error) {
      // Aborted: Arm() re-armed the timer for an earlier deadline.
      if (error != asio::error::operation_aborted) RunDue();
    });
  }

  // On the clock's thread only.
  void RunDue() {
    absl::AnyInvocable<void()> fn;
    absl::Time when;
    while (true) {
      {
        absl::MutexLock lock(&mu_);
        if (!queue_.PopDue(absl::Now(), &when, &fn)) break;
      }
      if (fn) fn();
      fn = nullptr;
    }
    Arm();
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  asio::steady_timer timer_;

  absl::Mutex mu_;
  clock_internal::TimerQueue queue_ ABSL_GUARDED_BY(mu_);
  // The deadline the timer is (or is about to be) armed for; a new earlier
  // deadline must re-arm it.
  absl::Time armed_for_ ABSL_GUARDED_BY(mu_) = absl::InfiniteFuture();

  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace

Clock& Clock::System() {
  // Leaked on purpose, like leveldb's Env::Default(): callbacks may still be
  // running on its thread while static destructors run at exit.
  static SystemClock* const clock = [] {
    auto* c = new SystemClock();
    c->Detach();
    return c;
  }();
  return *clock;
}

}  // namespace v1
}  // namespace dialer
