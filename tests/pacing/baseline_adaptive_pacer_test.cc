#include "pacing/baseline_adaptive_pacer.h"

#include "gtest/gtest.h"
#include "tests/pacing/snapshot_builder.h"

namespace dialer::pacing {
namespace {

using testing::SnapshotBuilder;
using testing::T0;

// Calls Decide once a second from T0 through T0 + seconds, with the same
// head counts, and returns the dials placed in total.
int RunFor(BaselineAdaptivePacer& pacer, int seconds, int ready, int on_call,
           int waiting, int ringing = 0) {
  int dials = 0;
  for (int i = 0; i <= seconds; ++i) {
    SnapshotBuilder b(T0() + absl::Seconds(i));
    b.Agents(ready, AgentActivity::kReady)
        .Agents(on_call, AgentActivity::kOnCall)
        .Calls(waiting, CallStage::kLiveWaiting)
        .Calls(ringing, CallStage::kRinging);
    dials += pacer.Decide(b.Build()).dials_to_place_now;
  }
  return dials;
}

PacerOptions WithLevel(double level) {
  PacerOptions options;
  options.adaptive.start_level = level;
  return options;
}

TEST(BaselineAdaptivePacerTest, TwoReadyOfTwentyRaisesTheLevelTenPercent) {
  BaselineAdaptivePacer pacer(WithLevel(1.0));
  RunFor(pacer, 14, 2, 18, 0);
  EXPECT_DOUBLE_EQ(pacer.level(), 1.0);  // not 15 s yet
  RunFor(pacer, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(pacer.level(), 1.10);
}

TEST(BaselineAdaptivePacerTest, IntensityScalesTheStep) {
  PacerOptions more = WithLevel(1.0);
  more.adaptive.intensity = 40;
  BaselineAdaptivePacer intense(more);
  RunFor(intense, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(intense.level(), 1.14);
  PacerOptions less = WithLevel(1.0);
  less.adaptive.intensity = -40;
  BaselineAdaptivePacer gentle(less);
  RunFor(gentle, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(gentle.level(), 1.06);
}

TEST(BaselineAdaptivePacerTest, OneCallWaitingLowersTheLevelFivePercent) {
  BaselineAdaptivePacer pacer(WithLevel(2.0));
  RunFor(pacer, 15, 0, 20, 1);
  EXPECT_DOUBLE_EQ(pacer.level(), 1.90);
}

TEST(BaselineAdaptivePacerTest, NeverBelowOneNorAboveTheMaximum) {
  BaselineAdaptivePacer low(WithLevel(1.0));
  RunFor(low, 15, 0, 10, 5);
  EXPECT_DOUBLE_EQ(low.level(), 1.0);
  BaselineAdaptivePacer high(WithLevel(2.9));
  RunFor(high, 15, 10, 10, 0);
  EXPECT_DOUBLE_EQ(high.level(), 3.0);
}

// 60 dials and 60 human answers today, `drops` of them dropped, all before
// the first decision (the drop statistics are refreshed at the start).
void Day(BaselineAdaptivePacer& pacer, int dials, int answers, int drops) {
  for (int i = 0; i < dials; ++i) {
    pacer.OnDialPlaced(T0() - absl::Minutes(30));
  }
  for (int i = 0; i < answers; ++i) {
    if (i < drops) {
      pacer.OnLiveAnswerAbandoned(T0() - absl::Minutes(30), absl::Seconds(2));
    } else {
      pacer.OnLiveAnswerConnected(T0() - absl::Minutes(30), absl::Seconds(0));
    }
  }
}

TEST(BaselineAdaptivePacerTest, HardLimitDropsToOneOverTheDailyCap) {
  BaselineAdaptivePacer pacer(WithLevel(2.0));
  Day(pacer, 60, 60, 3);  // 5% > 3%
  RunFor(pacer, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(pacer.level(), 1.0);
}

TEST(BaselineAdaptivePacerTest, DailyCapNeedsMoreThanFiftyCalls) {
  BaselineAdaptivePacer pacer(WithLevel(2.0));
  Day(pacer, 50, 50, 5);
  RunFor(pacer, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(pacer.level(), 2.2);
}

TEST(BaselineAdaptivePacerTest, AverageHalvesAndTaperedScalesByHhmmLeft) {
  PacerOptions average = WithLevel(2.0);
  average.adaptive.method = AdaptiveBaselineOptions::Method::kAverage;
  BaselineAdaptivePacer halving(average);
  Day(halving, 60, 60, 3);
  RunFor(halving, 15, 2, 18, 0);
  EXPECT_DOUBLE_EQ(halving.level(), 1.1);

  PacerOptions tapered = WithLevel(2.0);
  tapered.adaptive.method = AdaptiveBaselineOptions::Method::kTapered;
  BaselineAdaptivePacer taper(tapered);  // UTC: 13:00, 2100 - 1300 = 800
  Day(taper, 60, 60, 3);
  RunFor(taper, 15, 2, 18, 0);
  EXPECT_NEAR(taper.level(), 2.2 * 0.8, 1e-12);
}

TEST(BaselineAdaptivePacerTest, EmergencyBrakeOnTheLastMinute) {
  BaselineAdaptivePacer pacer(WithLevel(2.0));
  for (int i = 0; i < 30; ++i) pacer.OnDialPlaced(T0() - absl::Seconds(20));
  for (int i = 0; i < 20; ++i) {
    pacer.OnLiveAnswerAbandoned(T0() - absl::Seconds(10), absl::Seconds(2));
  }
  RunFor(pacer, 15, 2, 18, 0);
  // 20 drops of 20 answers is over the daily cap too, but only 30 calls.
  EXPECT_DOUBLE_EQ(pacer.level(), 1.1);
}

TEST(BaselineAdaptivePacerTest, PlacesEveryTwoAndAHalfSecondsOnly) {
  BaselineAdaptivePacer pacer(WithLevel(2.0));
  SnapshotBuilder b(T0());
  b.Agents(4, AgentActivity::kReady)
      .Agents(6, AgentActivity::kOnCall)
      .Agents(3, AgentActivity::kWrapUp)
      .Calls(5, CallStage::kRinging);
  Plan plan = pacer.Decide(b.Build());
  // round(2.0 x (4 + 6)) - (5 not connected + 6 talking)
  EXPECT_EQ(plan.dials_to_place_now, 9);
  EXPECT_EQ(plan.review_at, T0() + absl::Seconds(1));
  SnapshotBuilder later(T0() + absl::Seconds(1));
  later.Agents(4, AgentActivity::kReady).Agents(6, AgentActivity::kOnCall);
  plan = pacer.Decide(later.Build());
  EXPECT_EQ(plan.dials_to_place_now, 0);
  SnapshotBuilder tick(T0() + absl::Milliseconds(2500));
  tick.Agents(4, AgentActivity::kReady).Agents(6, AgentActivity::kOnCall);
  EXPECT_EQ(pacer.Decide(tick.Build()).dials_to_place_now, 20 - 6);
}

TEST(BaselineAdaptivePacerTest, AvailableOnlyTallyCountsReadyAgents) {
  PacerOptions options = WithLevel(2.5);
  options.adaptive.available_only = true;
  BaselineAdaptivePacer pacer(options);
  SnapshotBuilder b(T0());
  b.Agents(3, AgentActivity::kReady)
      .Agents(6, AgentActivity::kOnCall)
      .Calls(2, CallStage::kRinging);
  // round(2.5 x 3) = 8 (half to even), minus 2 not connected.
  EXPECT_EQ(pacer.Decide(b.Build()).dials_to_place_now, 6);
}

}  // namespace
}  // namespace dialer::pacing
