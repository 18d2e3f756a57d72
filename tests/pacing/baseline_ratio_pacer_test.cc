#include "pacing/baseline_ratio_pacer.h"

#include "gtest/gtest.h"
#include "tests/pacing/snapshot_builder.h"

namespace dialer::pacing {
namespace {

using testing::SnapshotBuilder;
using testing::T0;

TEST(BaselineRatioPacerTest, BriefsWorkedExample) {
  // 5 available agents, 20% answer rate, 2% target: 25.5 lines.
  EXPECT_NEAR(BaselineRatioPacer::Lines(5, 0.20, 0.02), 25.51, 0.01);
}

TEST(BaselineRatioPacerTest, WarmsUpAtTheBriefsRatio) {
  PacerOptions options;
  BaselineRatioPacer pacer(options);
  const Snapshot s =
      SnapshotBuilder(T0()).Agents(10, AgentActivity::kReady).Build();
  const int dials = pacer.Decide(s).dials_to_place_now;
  EXPECT_GE(dials, 12);
  EXPECT_LE(dials, 15);
}

TEST(BaselineRatioPacerTest, TopsUpToTheFormulaWithTheEstimatedRate) {
  PacerOptions options;
  options.abandon_target = 0.02;
  BaselineRatioPacer pacer(options);
  // A long run of dials, one in five live: the estimate settles near 0.2.
  absl::Time t = T0();
  for (int i = 0; i < 2000; ++i) {
    t += absl::Seconds(1);
    pacer.OnDialResolved(
        t, {i % 5 == 0 ? DialOutcome::kHuman : DialOutcome::kNoAnswer,
            t - absl::Seconds(10), absl::Seconds(10), absl::ZeroDuration()});
  }
  SnapshotBuilder b(t);
  b.Agents(5, AgentActivity::kReady).Agents(10, AgentActivity::kOnCall);
  b.Calls(6, CallStage::kRinging);
  const int dials = pacer.Decide(b.Build()).dials_to_place_now;
  EXPECT_GE(dials, 25 - 6 - 1);
  EXPECT_LE(dials, 26 - 6 + 1);
  b.State(compliance::AbandonState::kStop);
  EXPECT_EQ(pacer.Decide(b.Build()).dials_to_place_now, 5);
}

}  // namespace
}  // namespace dialer::pacing
