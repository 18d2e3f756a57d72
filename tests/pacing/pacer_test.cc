#include "pacing/pacer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/pacing/snapshot_builder.h"

namespace dialer::pacing {
namespace {

using ::testing::HasSubstr;
using testing::SnapshotBuilder;
using testing::T0;

TEST(MakePacerTest, KnowsEveryName) {
  for (std::string_view name : PacerNames()) {
    auto pacer = MakePacer(name, PacerOptions{});
    ASSERT_TRUE(pacer.ok()) << name << ": " << pacer.status();
    EXPECT_EQ((*pacer)->name(), name);
  }
}

TEST(MakePacerTest, RejectsUnknownNameNamingIt) {
  auto pacer = MakePacer("erlang", PacerOptions{});
  ASSERT_FALSE(pacer.ok());
  EXPECT_THAT(pacer.status().message(), HasSubstr("'erlang'"));
}

TEST(MakePacerTest, RejectsBadOptionsNamingTheField) {
  PacerOptions options;
  options.lines_per_agent = 0;
  auto pacer = MakePacer("parallel", options);
  ASSERT_FALSE(pacer.ok());
  EXPECT_THAT(pacer.status().message(), HasSubstr("lines_per_agent"));
  options = PacerOptions{};
  options.abandon_target = 0.05;
  EXPECT_THAT(options.Validate().message(), HasSubstr("abandon_target"));
}

TEST(PacerOptionsTest, DefaultTargetIsFourFifthsOfTheLimit) {
  PacerOptions options;
  EXPECT_DOUBLE_EQ(options.EffectiveTarget(), 0.024);
  options.abandon_target = 0.02;
  EXPECT_DOUBLE_EQ(options.EffectiveTarget(), 0.02);
}

TEST(PowerPacerTest, OneCallPerReadyAgentWithoutACall) {
  auto pacer = *MakePacer("power", PacerOptions{});
  const Snapshot s = SnapshotBuilder(T0())
                         .Agents(3, AgentActivity::kReady)
                         .Agents(2, AgentActivity::kReady,
                                 absl::ZeroDuration(), /*has_call=*/true)
                         .Agents(4, AgentActivity::kOnCall)
                         .Calls(2, CallStage::kRinging)
                         .Build();
  const Plan plan = pacer->Decide(s);
  EXPECT_EQ(plan.dials_to_place_now, 3);
  EXPECT_EQ(plan.review_at, T0() + absl::Seconds(1));
}

TEST(ParallelPacerTest, TopsUpLinesPerReadyAgent) {
  PacerOptions options;
  options.lines_per_agent = 3;
  auto pacer = *MakePacer("parallel", options);
  SnapshotBuilder b(T0());
  b.Agents(2, AgentActivity::kReady).Agents(5, AgentActivity::kOnCall);
  b.Calls(4, CallStage::kRinging);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 2);  // 3*2 - 4
  b.Calls(3, CallStage::kRinging);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 0);
}

TEST(ParallelPacerTest, ThrottleHalvesTheExcessAndStopIsPower) {
  PacerOptions options;
  options.lines_per_agent = 4;
  auto pacer = *MakePacer("parallel", options);
  SnapshotBuilder b(T0());
  b.Agents(3, AgentActivity::kReady);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 12);
  b.State(compliance::AbandonState::kThrottle);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 3 + 9 / 2);
  b.State(compliance::AbandonState::kStop);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 3);
  b.State(compliance::AbandonState::kApproaching);
  EXPECT_EQ(pacer->Decide(b.Build()).dials_to_place_now, 12);
}

}  // namespace
}  // namespace dialer::pacing
