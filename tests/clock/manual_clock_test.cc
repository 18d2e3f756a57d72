#include "dialer/manual_clock.h"

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "dialer/clock.h"

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

using ::testing::ElementsAre;

const absl::Time kStart = absl::FromUnixSeconds(1773147600);

TEST(ManualClockTest, StartsWhereToldAndMovesOnlyWhenAdvanced) {
  EXPECT_EQ(ManualClock().Now(), absl::UnixEpoch());
  ManualClock clock(kStart);
  EXPECT_EQ(clock.Now(), kStart);
  EXPECT_EQ(clock.Advance(absl::Seconds(5)), 0);
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(5));
  EXPECT_EQ(clock.AdvanceTo(kStart + absl::Minutes(1)), 0);
  EXPECT_EQ(clock.Now(), kStart + absl::Minutes(1));
}

TEST(ManualClockTest, RunsByDeadlineThenSchedulingOrderAtTheirDeadline) {
  ManualClock clock(kStart);
  std::vector<std::pair<int, absl::Duration>> ran;
  auto record = [&](int tag) {
    return [&, tag] { ran.emplace_back(tag, clock.Now() - kStart); };
  };
  clock.ScheduleAt(kStart + absl::Seconds(3), record(1));
  clock.ScheduleAt(kStart + absl::Seconds(1), record(2));
  clock.ScheduleAt(kStart + absl::Seconds(3), record(3));
  clock.ScheduleAt(kStart + absl::Seconds(1), record(4));
  clock.ScheduleAt(kStart + absl::Seconds(9), record(5));
  EXPECT_EQ(clock.AdvanceTo(kStart + absl::Seconds(5)), 4);
  EXPECT_THAT(ran, ElementsAre(std::pair(2, absl::Seconds(1)),
                               std::pair(4, absl::Seconds(1)),
                               std::pair(1, absl::Seconds(3)),
                               std::pair(3, absl::Seconds(3))));
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(5));
  EXPECT_EQ(clock.pending(), 1);
}

TEST(ManualClockTest, CallbacksScheduledByCallbacksRunInTheSameAdvance) {
  ManualClock clock(kStart);
  std::vector<std::string> ran;
  clock.ScheduleAt(kStart + absl::Seconds(1), [&] {
    ran.push_back("first");
    clock.ScheduleAt(clock.Now(), [&] { ran.push_back("same_instant"); });
    clock.ScheduleAt(clock.Now() + absl::Seconds(2),
                     [&] { ran.push_back("within_target"); });
    clock.ScheduleAt(clock.Now() + absl::Seconds(60),
                     [&] { ran.push_back("after_target"); });
  });
  clock.ScheduleAt(kStart + absl::Seconds(1), [&] { ran.push_back("second"); });
  EXPECT_EQ(clock.Advance(absl::Seconds(10)), 4);
  // The same-instant child was scheduled after "second", so runs after it.
  EXPECT_THAT(ran,
              ElementsAre("first", "second", "same_instant", "within_target"));
  EXPECT_EQ(clock.pending(), 1);
  EXPECT_EQ(clock.NextDeadline(), kStart + absl::Seconds(61));
}

TEST(ManualClockTest, DueCallbacksNeverRunInsideScheduleAt) {
  ManualClock clock(kStart);
  bool fired = false;
  clock.ScheduleAt(kStart - absl::Hours(1), [&] { fired = true; });
  clock.ScheduleAt(kStart, [&] {});
  EXPECT_FALSE(fired);
  EXPECT_EQ(clock.NextDeadline(), kStart);  // the past means now
  EXPECT_EQ(clock.RunDue(), 2);
  EXPECT_TRUE(fired);
  EXPECT_EQ(clock.Now(), kStart);  // time never went back
}

TEST(ManualClockTest, CancelBeforeAndAfterFiring) {
  ManualClock clock(kStart);
  int fired = 0;
  const TimerId a =
      clock.ScheduleAt(kStart + absl::Seconds(1), [&] { ++fired; });
  const TimerId b =
      clock.ScheduleAt(kStart + absl::Seconds(2), [&] { ++fired; });
  EXPECT_NE(a, 0u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(clock.Cancel(a));
  EXPECT_FALSE(clock.Cancel(a));
  EXPECT_EQ(clock.Advance(absl::Seconds(5)), 1);
  EXPECT_EQ(fired, 1);
  EXPECT_FALSE(clock.Cancel(b));  // already fired
  EXPECT_FALSE(clock.Cancel(0));
}

TEST(ManualClockTest, CancelFromInsideACallback) {
  ManualClock clock(kStart);
  TimerId self = 0;
  TimerId later = 0;
  bool cancel_self = true;
  bool cancel_later = false;
  bool later_ran = false;
  self = clock.ScheduleAt(kStart + absl::Seconds(1), [&] {
    cancel_self = clock.Cancel(self);    // already running
    cancel_later = clock.Cancel(later);  // still pending
  });
  later =
      clock.ScheduleAt(kStart + absl::Seconds(1), [&] { later_ran = true; });
  EXPECT_EQ(clock.Advance(absl::Seconds(1)), 1);
  EXPECT_FALSE(cancel_self);
  EXPECT_TRUE(cancel_later);
  EXPECT_FALSE(later_ran);
  EXPECT_EQ(clock.pending(), 0);
}

// A canceled callback is destroyed without the clock's lock: a captured
// object whose destructor uses the clock must not deadlock.
TEST(ManualClockTest, CanceledCallbackMayUseTheClockWhenDestroyed) {
  ManualClock clock(kStart);
  struct UsesClockOnDestruction {
    ManualClock* clock;
    int* pending_seen;
    ~UsesClockOnDestruction() {
      if (clock != nullptr) *pending_seen = clock->pending();
    }
    UsesClockOnDestruction(ManualClock* c, int* p)
        : clock(c), pending_seen(p) {}
    UsesClockOnDestruction(UsesClockOnDestruction&& o) noexcept
        : clock(o.clock), pending_seen(o.pending_seen) {
      o.clock = nullptr;
    }
  };
  int pending_seen = -1;
  const TimerId id = clock.ScheduleAt(
      kStart + absl::Seconds(1),
      [guard = UsesClockOnDestruction(&clock, &pending_seen)] {});
  EXPECT_TRUE(clock.Cancel(id));
  EXPECT_EQ(pending_seen, 0);
}

TEST(ManualClockTest, MovingBackwardsIsANoOp) {
  ManualClock clock(kStart);
  bool fired = false;
  clock.ScheduleAt(kStart, [&] { fired = true; });
  EXPECT_EQ(clock.AdvanceTo(kStart - absl::Seconds(1)), 0);
  EXPECT_EQ(clock.Advance(-absl::Seconds(1)), 0);
  EXPECT_EQ(clock.Now(), kStart);
  EXPECT_FALSE(fired);
  EXPECT_EQ(clock.pending(), 1);
}

TEST(ManualClockTest, NextDeadlineAndPending) {
  ManualClock clock(kStart);
  EXPECT_EQ(clock.NextDeadline(), absl::InfiniteFuture());
  EXPECT_EQ(clock.pending(), 0);
  const TimerId a = clock.ScheduleAt(kStart + absl::Seconds(2), [] {});
  clock.ScheduleAt(kStart + absl::Seconds(7), [] {});
  EXPECT_EQ(clock.NextDeadline(), kStart + absl::Seconds(2));
  EXPECT_EQ(clock.pending(), 2);
  EXPECT_TRUE(clock.Cancel(a));
  EXPECT_EQ(clock.NextDeadline(), kStart + absl::Seconds(7));
  EXPECT_EQ(clock.pending(), 1);
  clock.Advance(absl::Seconds(7));
  EXPECT_EQ(clock.NextDeadline(), absl::InfiniteFuture());
  EXPECT_EQ(clock.pending(), 0);
}

TEST(ManualClockTest, ACallbackMayAdvanceTheClock) {
  ManualClock clock(kStart);
  std::vector<int> ran;
  clock.ScheduleAt(kStart + absl::Seconds(1), [&] {
    ran.push_back(1);
    EXPECT_EQ(clock.Advance(absl::Seconds(2)), 1);  // runs the 2 s timer
    EXPECT_EQ(clock.Now(), kStart + absl::Seconds(3));
  });
  clock.ScheduleAt(kStart + absl::Seconds(2), [&] { ran.push_back(2); });
  clock.ScheduleAt(kStart + absl::Seconds(4), [&] { ran.push_back(4); });
  EXPECT_EQ(clock.Advance(absl::Seconds(5)), 2);
  EXPECT_THAT(ran, ElementsAre(1, 2, 4));
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(5));
}

// Two threads advance while a third schedules: every callback runs once,
// never two at a time (run under ASan/UBSan by ctest).
TEST(ManualClockTest, ConcurrentAdvanceAndSchedule) {
  ManualClock clock(kStart);
  constexpr int kTimers = 2000;
  std::atomic<int> ran{0};
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
  int unsynchronized_count = 0;  // safe only if callbacks never overlap
  auto callback = [&] {
    if (running.fetch_add(1) != 0) overlapped = true;
    ++unsynchronized_count;
    running.fetch_sub(1);
    ran.fetch_add(1);
  };
  std::thread scheduler([&] {
    for (int i = 0; i < kTimers; ++i) {
      clock.ScheduleAt(clock.Now() + absl::Milliseconds(i % 7), callback);
    }
  });
  auto advance = [&] {
    while (ran.load() < kTimers) clock.Advance(absl::Milliseconds(1));
  };
  std::thread advancer1(advance);
  std::thread advancer2(advance);
  scheduler.join();
  advancer1.join();
  advancer2.join();
  EXPECT_EQ(ran.load(), kTimers);
  EXPECT_EQ(unsynchronized_count, kTimers);
  EXPECT_FALSE(overlapped.load());
  EXPECT_EQ(clock.pending(), 0);
}

// Cancel from one thread races the advancing thread; every timer either
// ran or was canceled, and Cancel's answer says which.
TEST(ManualClockTest, ConcurrentCancelAnswersExactly) {
  ManualClock clock(kStart);
  constexpr int kTimers = 2000;
  std::vector<std::atomic<bool>> fired(kTimers);
  std::vector<TimerId> ids(kTimers);
  for (int i = 0; i < kTimers; ++i) {
    ids[i] = clock.ScheduleAt(kStart + absl::Milliseconds(i),
                              [&fired, i] { fired[i] = true; });
  }
  std::vector<bool> canceled(kTimers);
  std::thread canceler([&] {
    for (int i = kTimers - 1; i >= 0; --i) canceled[i] = clock.Cancel(ids[i]);
  });
  std::thread advancer([&] {
    for (int i = 0; i < kTimers; ++i) clock.Advance(absl::Milliseconds(1));
  });
  canceler.join();
  advancer.join();
  clock.Advance(absl::Seconds(kTimers));
  for (int i = 0; i < kTimers; ++i) {
    EXPECT_NE(fired[i].load(), canceled[i]) << "timer " << i;
  }
}

class CountingClock : public ClockWrapper {
 public:
  using ClockWrapper::ClockWrapper;
  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override {
    ++scheduled;
    return ClockWrapper::ScheduleAt(when, std::move(fn));
  }
  int scheduled = 0;
};

TEST(ClockWrapperTest, ForwardsEverythingToTheTarget) {
  ManualClock target(kStart);
  CountingClock clock(&target);
  EXPECT_EQ(clock.target(), &target);
  EXPECT_EQ(clock.Now(), kStart);
  bool fired = false;
  const TimerId a =
      clock.ScheduleAt(kStart + absl::Seconds(1), [&] { fired = true; });
  const TimerId b = clock.ScheduleAt(kStart + absl::Seconds(1), [] {});
  EXPECT_EQ(clock.scheduled, 2);
  EXPECT_EQ(target.pending(), 2);
  EXPECT_TRUE(clock.Cancel(b));
  target.Advance(absl::Seconds(1));
  EXPECT_TRUE(fired);
  EXPECT_FALSE(clock.Cancel(a));
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(1));
}

}  // namespace
}  // namespace dialer
