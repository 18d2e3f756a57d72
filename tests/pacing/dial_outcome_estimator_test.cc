#include "pacing/dial_outcome_estimator.h"

#include "gtest/gtest.h"
#include "tests/pacing/snapshot_builder.h"

namespace dialer::pacing {
namespace {

using testing::T0;

// Records n outcomes one second apart from `t`, every `every`-th live, the
// rest no-answers; returns the time after the last.
absl::Time Feed(DialOutcomeEstimator& e, absl::Time t, int n, int every) {
  for (int i = 0; i < n; ++i) {
    e.Record(t, i % every == 0 ? DialOutcome::kHuman : DialOutcome::kNoAnswer);
    t += absl::Seconds(1);
  }
  return t;
}

TEST(DialOutcomeEstimatorTest, ConvergesToTheLiveShare) {
  DialOutcomeEstimator e({}, 150, absl::UTCTimeZone());
  EXPECT_NEAR(e.LiveShare(), 0.15, 1e-12);  // the prior
  Feed(e, T0(), 3000, 8);
  EXPECT_NEAR(e.LiveShare(), 0.125, 0.01);
  EXPECT_GT(e.LiveShareUpper(1), e.LiveShare());
  EXPECT_NEAR(e.Share(DialOutcomeEstimator::kNoAnswer), 0.875, 0.01);
}

TEST(DialOutcomeEstimatorTest, AdaptsWhenTheAnswerRateHalves) {
  DialOutcomeEstimator e({}, 150, absl::UTCTimeZone());
  absl::Time t = Feed(e, T0(), 3000, 5);
  EXPECT_NEAR(e.LiveShare(), 0.20, 0.015);
  Feed(e, t, 600, 10);  // four half-lives later
  EXPECT_NEAR(e.LiveShare(), 0.10, 0.02);
}

TEST(DialOutcomeEstimatorTest, UncertaintyShrinksWithData) {
  DialOutcomeEstimator few({}, 150, absl::UTCTimeZone());
  Feed(few, T0(), 20, 8);
  DialOutcomeEstimator many({}, 150, absl::UTCTimeZone());
  Feed(many, T0(), 2000, 8);
  EXPECT_GT(few.LiveShareUpper(1) - few.LiveShare(),
            2 * (many.LiveShareUpper(1) - many.LiveShare()));
}

TEST(DialOutcomeEstimatorTest, RemembersHoursAndAnticipatesThemNextDay) {
  DialOutcomeEstimator e({}, 150, absl::UTCTimeZone());
  // Day 1: 13:00-14:00 UTC one in ten live, 14:00-15:00 one in three.
  absl::Time t = Feed(e, T0(), 3600, 10);
  Feed(e, t, 3600, 3);
  ASSERT_TRUE(e.LiveShareAtHour(13).has_value());
  EXPECT_NEAR(*e.LiveShareAtHour(13), 0.1, 1e-3);
  EXPECT_NEAR(*e.LiveShareAtHour(14), 1.0 / 3, 1e-3);
  EXPECT_FALSE(e.LiveShareAtHour(15).has_value());
  // Day 2, 13:00: a run at one in ten, then the first outcome at 14:00
  // pulls the estimate halfway towards yesterday's 14:00.
  t = Feed(e, T0() + absl::Hours(24), 3599, 10);
  const double before = e.LiveShare();
  e.Record(T0() + absl::Hours(25), DialOutcome::kNoAnswer);
  EXPECT_GT(e.LiveShare(), before + 0.08);
}

}  // namespace
}  // namespace dialer::pacing
