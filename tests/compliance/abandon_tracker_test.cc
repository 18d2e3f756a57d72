#include "compliance/abandon_tracker.h"

#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

absl::Time Day(int day, int hour = 12) {
  return absl::FromCivil(absl::CivilSecond(2026, 5, 1, hour, 0, 0) + day * 86400,
                         absl::UTCTimeZone());
}

// 47 CFR 64.1200(a)(7): at most 3% of live answers over 30 days per campaign.
TEST(AbandonTrackerTest, RateIsAbandonsOverLiveAnswers64_1200a7) {
  AbandonTracker t;
  EXPECT_EQ(t.Rate(Day(0)), 0.0);
  EXPECT_EQ(t.State(Day(0)), AbandonState::kNormal);
  for (int i = 0; i < 97; ++i) t.RecordLiveAnswer(Day(0));
  for (int i = 0; i < 3; ++i) t.RecordAbandon(Day(0));
  EXPECT_EQ(t.LiveAnswers(Day(0)), 100);
  EXPECT_EQ(t.Abandons(Day(0)), 3);
  EXPECT_DOUBLE_EQ(t.Rate(Day(0)), 0.03);
  EXPECT_EQ(t.State(Day(0)), AbandonState::kStop);
}

TEST(AbandonTrackerTest, StatesFollowThresholds) {
  AbandonTracker t;
  for (int i = 0; i < 1000; ++i) t.RecordLiveAnswer(Day(0));
  EXPECT_EQ(t.State(Day(0)), AbandonState::kNormal);
  for (int i = 0; i < 21; ++i) t.RecordAbandon(Day(0));  // 2.06%
  EXPECT_EQ(t.State(Day(0)), AbandonState::kApproaching);
  for (int i = 0; i < 6; ++i) t.RecordAbandon(Day(0));  // 2.63%
  EXPECT_EQ(t.State(Day(0)), AbandonState::kThrottle);
  EXPECT_GT(t.AbandonsUntilStop(Day(0)), 0);
  const int64_t more = t.AbandonsUntilStop(Day(0));
  for (int64_t i = 0; i < more; ++i) t.RecordAbandon(Day(0));
  EXPECT_EQ(t.State(Day(0)), AbandonState::kThrottle);
  t.RecordAbandon(Day(0));
  EXPECT_EQ(t.State(Day(0)), AbandonState::kStop);
  EXPECT_EQ(t.AbandonsUntilStop(Day(0)), 0);
}

// Field failure #4: the window is 30 days, not "since midnight".
TEST(AbandonTrackerTest, RollingThirtyDayWindow) {
  AbandonTracker t;
  for (int i = 0; i < 10; ++i) t.RecordAbandon(Day(0));
  for (int i = 0; i < 90; ++i) t.RecordLiveAnswer(Day(0));
  // Next day, still counted.
  EXPECT_DOUBLE_EQ(t.Rate(Day(1, 0)), 0.1);
  EXPECT_DOUBLE_EQ(t.Rate(Day(29, 23)), 0.1);
  // Day 30: day 0 has left the window.
  EXPECT_EQ(t.LiveAnswers(Day(30)), 0);
  t.RecordLiveAnswer(Day(30));
  EXPECT_EQ(t.Rate(Day(30)), 0.0);
  // A late event for a day that left the window is ignored.
  t.RecordAbandon(Day(0));
  EXPECT_EQ(t.Abandons(Day(30)), 0);
}

TEST(AbandonTrackerTest, ConfigurableThresholds) {
  AbandonTracker t({0.005, 0.01, 0.02});
  for (int i = 0; i < 99; ++i) t.RecordLiveAnswer(Day(0));
  t.RecordAbandon(Day(0));
  EXPECT_EQ(t.State(Day(0)), AbandonState::kThrottle);
  EXPECT_EQ(AbandonStateName(AbandonState::kThrottle), "throttle");
}

}  // namespace
}  // namespace dialer::compliance
