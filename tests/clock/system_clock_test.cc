// Clock::System() runs on real time, so these tests wait on notifications
// with generous timeouts; they never sleep.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "dialer/clock.h"

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

using ::testing::ElementsAre;

constexpr absl::Duration kGenerous = absl::Seconds(30);

// Holds the clock's thread inside a callback until Release(), so a test can
// schedule and cancel without racing the clock on a loaded machine.
class ClockThreadGate {
 public:
  explicit ClockThreadGate(Clock& clock) : state_(std::make_shared<State>()) {
    // The callback shares the state: it may still be returning from the wait
    // after the gate is gone.
    clock.ScheduleAt(absl::InfinitePast(), [state = state_] {
      state->entered.Notify();
      state->released.WaitForNotification();
    });
    EXPECT_TRUE(state_->entered.WaitForNotificationWithTimeout(kGenerous));
  }
  ~ClockThreadGate() { Release(); }
  void Release() {
    if (!state_->released.HasBeenNotified()) state_->released.Notify();
  }

 private:
  struct State {
    absl::Notification entered;
    absl::Notification released;
  };
  std::shared_ptr<State> state_;
};

TEST(SystemClockTest, IsOneProcessWideRealTimeClock) {
  Clock& clock = Clock::System();
  EXPECT_EQ(&clock, &Clock::System());
  const absl::Time before = absl::Now();
  const absl::Time now = clock.Now();
  EXPECT_GE(now, before);
  EXPECT_LE(now, absl::Now());
}

TEST(SystemClockTest, TimerFiresOnTheClockThreadNotBeforeItsDeadline) {
  Clock& clock = Clock::System();
  absl::Notification done;
  const absl::Time deadline = clock.Now() + absl::Milliseconds(20);
  absl::Time fired_at;
  std::thread::id fired_on;
  clock.ScheduleAt(deadline, [&] {
    fired_at = absl::Now();
    fired_on = std::this_thread::get_id();
    done.Notify();
  });
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(kGenerous));
  EXPECT_GE(fired_at, deadline);
  EXPECT_NE(fired_on, std::this_thread::get_id());
}

TEST(SystemClockTest, DueCallbacksRunInDeadlineThenSchedulingOrder) {
  Clock& clock = Clock::System();
  absl::Mutex mu;
  std::vector<int> order;
  absl::Notification done;
  ClockThreadGate gate(clock);
  const absl::Time base = clock.Now() + absl::Milliseconds(30);
  auto record = [&](int tag) {
    return [&, tag] {
      absl::MutexLock lock(&mu);
      order.push_back(tag);
    };
  };
  clock.ScheduleAt(base + absl::Milliseconds(10), record(3));
  clock.ScheduleAt(base, record(1));
  clock.ScheduleAt(base, record(2));
  // Already due: runs on the clock thread, first.
  clock.ScheduleAt(absl::InfinitePast(), record(0));
  clock.ScheduleAt(base + absl::Milliseconds(10), [&] { done.Notify(); });
  gate.Release();
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(kGenerous));
  absl::MutexLock lock(&mu);
  EXPECT_THAT(order, ElementsAre(0, 1, 2, 3));
}

TEST(SystemClockTest, CancelStopsAPendingTimerAndReportsFiredOnes) {
  Clock& clock = Clock::System();
  std::atomic<bool> canceled_ran{false};
  ClockThreadGate gate(clock);  // so `soon` cannot start before Cancel
  const TimerId far = clock.ScheduleAt(clock.Now() + absl::Hours(1),
                                       [&] { canceled_ran = true; });
  const TimerId soon = clock.ScheduleAt(clock.Now() + absl::Milliseconds(5),
                                        [&] { canceled_ran = true; });
  EXPECT_TRUE(clock.Cancel(far));
  EXPECT_FALSE(clock.Cancel(far));
  EXPECT_TRUE(clock.Cancel(soon));
  gate.Release();

  absl::Notification fired;
  const TimerId id = clock.ScheduleAt(clock.Now(), [&] { fired.Notify(); });
  ASSERT_TRUE(fired.WaitForNotificationWithTimeout(kGenerous));
  EXPECT_FALSE(clock.Cancel(id));  // already ran

  // A marker scheduled after the canceled deadline has run, so the canceled
  // 5 ms timer would have run by now if Cancel had not stopped it.
  absl::Notification marker;
  clock.ScheduleAt(clock.Now() + absl::Milliseconds(20),
                   [&] { marker.Notify(); });
  ASSERT_TRUE(marker.WaitForNotificationWithTimeout(kGenerous));
  EXPECT_FALSE(canceled_ran.load());
}

TEST(SystemClockTest, CallbacksMayScheduleAndCancel) {
  Clock& clock = Clock::System();
  absl::Notification done;
  std::atomic<bool> victim_ran{false};
  std::atomic<bool> cancel_result{false};
  const TimerId victim = clock.ScheduleAt(clock.Now() + absl::Milliseconds(40),
                                          [&] { victim_ran = true; });
  clock.ScheduleAt(clock.Now(), [&] {
    cancel_result = clock.Cancel(victim);
    clock.ScheduleAt(clock.Now() + absl::Milliseconds(60),
                     [&] { done.Notify(); });
  });
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(kGenerous));
  EXPECT_TRUE(cancel_result.load());
  EXPECT_FALSE(victim_ran.load());
}

TEST(SystemClockTest, SchedulingFromManyThreads) {
  Clock& clock = Clock::System();
  constexpr int kThreads = 4;
  constexpr int kPerThread = 250;
  std::atomic<int> ran{0};
  absl::Notification all_ran;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        clock.ScheduleAt(clock.Now() + absl::Milliseconds((i + t) % 5), [&] {
          if (ran.fetch_add(1) + 1 == kThreads * kPerThread) all_ran.Notify();
        });
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_TRUE(all_ran.WaitForNotificationWithTimeout(kGenerous));
  EXPECT_EQ(ran.load(), kThreads * kPerThread);
}

}  // namespace
}  // namespace dialer
