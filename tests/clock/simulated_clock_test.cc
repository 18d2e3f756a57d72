#include "dialer/simulated_clock.h"

#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

using ::testing::ElementsAre;

const absl::Time kStart = absl::FromUnixSeconds(1773147600);

TEST(SimulatedClockTest, RunNextJumpsToTheEarliestDeadline) {
  SimulatedClock clock(kStart);
  std::vector<int> ran;
  clock.ScheduleAt(kStart + absl::Hours(2), [&] { ran.push_back(2); });
  clock.ScheduleAt(kStart + absl::Hours(1), [&] { ran.push_back(1); });
  clock.ScheduleAt(kStart + absl::Hours(1), [&] { ran.push_back(11); });
  EXPECT_EQ(clock.pending(), 3);
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Hours(1));
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Hours(1));
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Hours(2));
  EXPECT_FALSE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Hours(2));
  EXPECT_THAT(ran, ElementsAre(1, 11, 2));
  EXPECT_EQ(clock.executed(), 3);
  EXPECT_EQ(clock.pending(), 0);
}

TEST(SimulatedClockTest, RunUntilRunsDueCallbacksThenSetsTheTime) {
  SimulatedClock clock(kStart);
  std::vector<absl::Duration> seen;
  auto record = [&] { seen.push_back(clock.Now() - kStart); };
  clock.ScheduleAt(kStart + absl::Seconds(10), record);
  clock.ScheduleAt(kStart + absl::Seconds(20), [&] {
    record();
    clock.ScheduleAt(clock.Now(), record);                      // same instant
    clock.ScheduleAt(clock.Now() + absl::Seconds(5), record);   // before end
    clock.ScheduleAt(clock.Now() + absl::Seconds(50), record);  // after end
  });
  EXPECT_EQ(clock.RunUntil(kStart + absl::Seconds(30)), 4);
  EXPECT_THAT(seen, ElementsAre(absl::Seconds(10), absl::Seconds(20),
                                absl::Seconds(20), absl::Seconds(25)));
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(30));
  EXPECT_EQ(clock.NextDeadline(), kStart + absl::Seconds(70));
  EXPECT_EQ(clock.executed(), 4);
  // Not backwards.
  EXPECT_EQ(clock.RunUntil(kStart), 0);
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(30));
}

TEST(SimulatedClockTest, CancelAndPastDeadlines) {
  SimulatedClock clock(kStart);
  int fired = 0;
  const TimerId a =
      clock.ScheduleAt(kStart + absl::Seconds(1), [&] { ++fired; });
  const TimerId b =
      clock.ScheduleAt(kStart - absl::Seconds(1), [&] { ++fired; });
  EXPECT_EQ(fired, 0);  // never inside ScheduleAt
  EXPECT_EQ(clock.NextDeadline(), kStart);
  EXPECT_TRUE(clock.Cancel(a));
  EXPECT_FALSE(clock.Cancel(a));
  EXPECT_EQ(clock.pending(), 1);
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart);
  EXPECT_FALSE(clock.Cancel(b));
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(clock.executed(), 1);
}

TEST(SimulatedClockTest, CancelFromInsideACallback) {
  SimulatedClock clock(kStart);
  TimerId self = 0;
  TimerId other = 0;
  bool self_result = true;
  bool other_result = false;
  self = clock.ScheduleAt(kStart, [&] {
    self_result = clock.Cancel(self);
    other_result = clock.Cancel(other);
  });
  other = clock.ScheduleAt(kStart, [] { FAIL() << "canceled timer ran"; });
  EXPECT_EQ(clock.RunUntil(kStart + absl::Seconds(1)), 1);
  EXPECT_FALSE(self_result);
  EXPECT_TRUE(other_result);
}

// The simulator's shape: a chain of callbacks that each schedule the next.
TEST(SimulatedClockTest, LongChainsRunWithoutRecursion) {
  SimulatedClock clock(kStart);
  constexpr int kSteps = 100000;
  int steps = 0;
  std::function<void()> step = [&] {
    if (++steps < kSteps)
      clock.ScheduleAt(clock.Now() + absl::Seconds(1), step);
  };
  clock.ScheduleAt(kStart, step);
  EXPECT_EQ(clock.RunUntil(absl::InfiniteFuture()), kSteps);
  EXPECT_EQ(clock.Now(), absl::InfiniteFuture());
  EXPECT_EQ(clock.executed(), kSteps);
}

TEST(SimulatedClockTest, ACallbackMayRunTheNextOne) {
  SimulatedClock clock(kStart);
  std::vector<int> ran;
  clock.ScheduleAt(kStart + absl::Seconds(1), [&] {
    ran.push_back(1);
    EXPECT_TRUE(clock.RunNext());
    ran.push_back(3);
  });
  clock.ScheduleAt(kStart + absl::Seconds(2), [&] { ran.push_back(2); });
  EXPECT_EQ(clock.RunUntil(kStart + absl::Seconds(5)), 1);
  EXPECT_THAT(ran, ElementsAre(1, 2, 3));
  EXPECT_EQ(clock.executed(), 2);
}

TEST(SimulatedClockTest, AdvanceToMovesTheTimeWithoutRunningAnything) {
  SimulatedClock clock(kStart);
  std::vector<int> ran;
  clock.ScheduleAt(kStart + absl::Seconds(10), [&] { ran.push_back(1); });
  clock.ScheduleAt(kStart + absl::Seconds(5), [&] { ran.push_back(2); });
  // To the deadline of a pending callback: it stays pending.
  clock.AdvanceTo(kStart + absl::Seconds(5));
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(5));
  EXPECT_TRUE(ran.empty());
  EXPECT_EQ(clock.pending(), 2);
  EXPECT_EQ(clock.executed(), 0);
  // Never backwards.
  clock.AdvanceTo(kStart);
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(5));
  // Past a deadline: the late callback runs at the next RunNext, and the
  // time stays where it was moved.
  clock.AdvanceTo(kStart + absl::Seconds(7));
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(7));
  EXPECT_TRUE(clock.RunNext());
  EXPECT_EQ(clock.Now(), kStart + absl::Seconds(10));
  EXPECT_THAT(ran, ElementsAre(2, 1));
  EXPECT_EQ(clock.executed(), 2);
}

}  // namespace
}  // namespace dialer
