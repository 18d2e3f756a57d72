#include "pacing/limit/scenario_model.h"

#include "gtest/gtest.h"

namespace dialer::pacing {
namespace {

ScenarioFigures Default() {
  ScenarioFigures f;
  f.agents = 20;
  f.live_share = 0.12;
  f.detector_false_positive = 0.01;
  f.ring_to_pickup_s = 11;
  f.detector_latency_s = 2.2;
  f.talk_s = 150;
  f.wrap_s = 30;
  f.grace_s = 1.3;
  f.abandon_limit = 0.03;
  return f;
}

TEST(ScenarioModelTest, MapsTheDocumentedParameters) {
  const MarkovModel m = ToMarkovModel(Default());
  EXPECT_EQ(m.agents, 20);
  EXPECT_NEAR(m.live_probability, 0.12 * 0.99, 1e-12);
  EXPECT_NEAR(m.ring_mean_s, 13.2, 1e-12);
  EXPECT_NEAR(m.service_mean_s, 180, 1e-12);
  EXPECT_NEAR(m.grace_mean_s, 1.3, 1e-12);
  // 3% total, 1% taken by the detector: 2% of all live people, per routed.
  EXPECT_NEAR(m.abandon_cap, 0.02 / 0.99, 1e-12);
}

TEST(ScenarioModelTest, DetectorAloneOverTheLimitLeavesNoBudget) {
  ScenarioFigures f = Default();
  f.detector_false_positive = 0.04;
  EXPECT_EQ(ToMarkovModel(f).abandon_cap, 0);
}

TEST(ScenarioModelTest, ConnectOnPickUpMapsTheDocumentedParameters) {
  ScenarioFigures f = Default();
  f.machine_share = 0.28;
  f.bridge_s = 0.4;
  const ScreeningModel m = ToScreeningModel(f);
  EXPECT_EQ(m.agents, 20);
  EXPECT_NEAR(m.live_probability, 0.12, 1e-12);  // nobody lost before
  EXPECT_NEAR(m.machine_probability, 0.28, 1e-12);
  EXPECT_NEAR(m.ring_mean_s, 11, 1e-12);          // bridged at pick-up
  EXPECT_NEAR(m.service_mean_s, 180.4, 1e-12);    // held from the bridge
  EXPECT_NEAR(m.screen_mean_s, 2.6, 1e-12);       // bridge + recognition
  EXPECT_NEAR(m.grace_mean_s, 2.2 + 1.3, 1e-12);  // verdict, then 2 s rule
  EXPECT_NEAR(m.false_positive, 0.01, 1e-12);
  EXPECT_FALSE(m.count_false_positives);
  EXPECT_NEAR(m.abandon_cap, 0.03, 1e-12);
  // The report credits talk + wrap-up, not the bridge.
  EXPECT_NEAR(ScreeningOccupancy(f, 0.9), 0.9 * 180 / 180.4, 1e-12);
}

TEST(ScenarioModelTest, TalkSecondsScaleOccupancyByTheTalkShare) {
  EXPECT_NEAR(TalkSecondsPerAgentHour(Default(), 0.89), 3600 * 0.89 * 150 / 180,
              1e-9);
}

}  // namespace
}  // namespace dialer::pacing
