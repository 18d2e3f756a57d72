#include "compliance/abandon_tracker.h"

#include <cmath>
#include <random>
#include <vector>

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

// A call counted as a live answer that was a machine (the detector's false
// negative, recognised by the agent) leaves the denominator: the rate is
// over live-answered people.
TEST(AbandonTrackerTest, RetractedLiveAnswerLeavesTheRate) {
  AbandonTracker t;
  for (int i = 0; i < 98; ++i) t.RecordLiveAnswer(Day(0));
  for (int i = 0; i < 2; ++i) t.RecordAbandon(Day(0));
  t.RetractLiveAnswer(Day(0, 15), /*abandoned=*/false);
  EXPECT_EQ(t.LiveAnswers(Day(1)), 99);
  EXPECT_EQ(t.Abandons(Day(1)), 2);
  t.RetractLiveAnswer(Day(0, 9), /*abandoned=*/true);
  EXPECT_EQ(t.LiveAnswers(Day(1)), 98);
  EXPECT_EQ(t.Abandons(Day(1)), 1);
  // Nothing recorded that day, or the day gone from the window: no-op.
  t.RetractLiveAnswer(Day(1), false);
  t.RetractLiveAnswer(Day(-40), false);
  EXPECT_EQ(t.LiveAnswers(Day(1)), 98);
  // Never below what was recorded.
  AbandonTracker one;
  one.RecordAbandon(Day(0));
  one.RetractLiveAnswer(Day(0), /*abandoned=*/false);  // none in time
  EXPECT_EQ(one.LiveAnswers(Day(0)), 1);
  one.RetractLiveAnswer(Day(0), /*abandoned=*/true);
  one.RetractLiveAnswer(Day(0), /*abandoned=*/true);
  EXPECT_EQ(one.LiveAnswers(Day(0)), 0);
  EXPECT_EQ(one.Abandons(Day(0)), 0);
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

// A campaign that asks for 2% stops at 2%, not at the FCC's 3%; its alert
// and throttle scale with it; a looser limit never raises the 3% stop.
TEST(AbandonTrackerTest, ThresholdsFollowTheCampaignsStricterLimit) {
  const AbandonThresholds fcc = ThresholdsForLimit(0.03);
  EXPECT_EQ(fcc.approaching, 0.020);
  EXPECT_EQ(fcc.throttle, 0.025);
  EXPECT_EQ(fcc.stop, 0.030);
  const AbandonThresholds two = ThresholdsForLimit(0.02);
  EXPECT_DOUBLE_EQ(two.stop, 0.02);
  EXPECT_DOUBLE_EQ(two.throttle, 0.02 * 5 / 6);
  EXPECT_DOUBLE_EQ(two.approaching, 0.02 * 2 / 3);
  for (double looser : {0.05, 1.0, std::nan("")}) {
    EXPECT_EQ(ThresholdsForLimit(looser).stop, 0.030) << looser;
  }
  // 2 abandons in 100 live answers: 2%, a stop for the 2% campaign only.
  AbandonTracker strict(two);
  AbandonTracker rule(fcc);
  for (int i = 0; i < 98; ++i) {
    strict.RecordLiveAnswer(Day(0));
    rule.RecordLiveAnswer(Day(0));
  }
  for (int i = 0; i < 2; ++i) {
    strict.RecordAbandon(Day(0));
    rule.RecordAbandon(Day(0));
  }
  EXPECT_EQ(strict.State(Day(0)), AbandonState::kStop);
  EXPECT_EQ(rule.State(Day(0)), AbandonState::kApproaching);
}

// Rate is Abandons / LiveAnswers over the same window, around UTC
// midnights and around 1970 (negative seconds) alike.
TEST(AbandonTrackerTest, RateMatchesItsCountsAcrossDayBoundaries) {
  const absl::Time epoch = absl::UnixEpoch();
  for (absl::Time base : {Day(0, 0), epoch}) {
    AbandonTracker t;
    std::mt19937_64 rng(9);
    std::vector<absl::Time> times;
    for (int i = 0; i < 3000; ++i) {
      const absl::Time at =
          base + absl::Milliseconds(static_cast<int64_t>(rng() % 4000000000) -
                                    2000000000);
      times.push_back(at);
      if (rng() % 10 == 0) {
        t.RecordAbandon(at);
      } else {
        t.RecordLiveAnswer(at);
      }
    }
    times.push_back(base);
    times.push_back(base - absl::Milliseconds(500));
    times.push_back(base + absl::Hours(24 * 30) - absl::Milliseconds(1));
    for (absl::Time now : times) {
      const int64_t live = t.LiveAnswers(now);
      const double expected =
          live == 0 ? 0.0
                    : static_cast<double>(t.Abandons(now)) /
                          static_cast<double>(live);
      ASSERT_EQ(t.Rate(now), expected) << now;
    }
  }
}

}  // namespace
}  // namespace dialer::compliance
