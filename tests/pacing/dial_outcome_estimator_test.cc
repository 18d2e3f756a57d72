#include "pacing/dial_outcome_estimator.h"

#include <array>

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

// A batch is m single records with their order averaged out: whether its
// no-answers come last or first, the estimate is the same, and between
// the two orders of single records.
TEST(DialOutcomeEstimatorTest, ABatchWeighsItsOutcomesAlike) {
  DialOutcomeEstimator batch({}, 150, absl::UTCTimeZone());
  DialOutcomeEstimator live_first({}, 150, absl::UTCTimeZone());
  DialOutcomeEstimator live_last({}, 150, absl::UTCTimeZone());
  Feed(batch, T0(), 500, 8);
  Feed(live_first, T0(), 500, 8);
  Feed(live_last, T0(), 500, 8);
  const absl::Time t = T0() + absl::Seconds(600);
  std::array<int64_t, DialOutcomeEstimator::kKinds> counts{};
  counts[DialOutcomeEstimator::kLive] = 40;
  counts[DialOutcomeEstimator::kNoAnswer] = 160;
  batch.RecordBatch(t, counts);
  for (int i = 0; i < 40; ++i) live_first.Record(t, DialOutcome::kHuman);
  for (int i = 0; i < 160; ++i) {
    live_first.Record(t, DialOutcome::kNoAnswer);
    live_last.Record(t, DialOutcome::kNoAnswer);
  }
  for (int i = 0; i < 40; ++i) live_last.Record(t, DialOutcome::kHuman);
  EXPECT_EQ(batch.count(), live_first.count());
  EXPECT_LT(live_first.LiveShare(), batch.LiveShare());
  EXPECT_LT(batch.LiveShare(), live_last.LiveShare());
  // Batch weights sum like single records: the same confidence.
  DialOutcomeEstimator one_by_one({}, 150, absl::UTCTimeZone());
  DialOutcomeEstimator all_live({}, 150, absl::UTCTimeZone());
  std::array<int64_t, DialOutcomeEstimator::kKinds> live_only{};
  live_only[DialOutcomeEstimator::kLive] = 300;
  all_live.RecordBatch(t, live_only);
  for (int i = 0; i < 300; ++i) one_by_one.Record(t, DialOutcome::kHuman);
  EXPECT_NEAR(all_live.LiveShare(), one_by_one.LiveShare(), 1e-12);
  EXPECT_NEAR(all_live.LiveShareUpper(1), one_by_one.LiveShareUpper(1), 1e-12);
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
