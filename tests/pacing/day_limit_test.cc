// The day's limit over segments of different staffing under one cap on the
// day's abandon ratio (SolveScreeningDayLimit, SolveMarkovDayLimit).
#include <algorithm>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pacing/limit/markov_limit.h"
#include "pacing/limit/screening_limit.h"
#include "tests/pacing/small_screening_model.h"

namespace dialer::pacing {
namespace {

using ::testing::HasSubstr;

ScreeningModel Small(int agents) { return testing::SmallScreeningModel(agents); }

MarkovModel Verdict(int agents, double live) {
  MarkovModel m;
  m.agents = agents;
  m.live_probability = live;
  m.service_mean_s = 180;
  m.ring_mean_s = 13;
  m.grace_mean_s = 1.3;
  m.abandon_cap = 0.02;
  return m;
}

TEST(DayLimitTest, OneSegmentIsTheStationarySolve) {
  const ScreeningModel m = Small(4);
  auto alone = SolveScreeningLimit(m);
  auto day = SolveScreeningDayLimit({{m, 28800}});
  ASSERT_TRUE(alone.ok()) << alone.status();
  ASSERT_TRUE(day.ok()) << day.status();
  EXPECT_NEAR(day->day.optimum.occupancy, alone->optimum.occupancy, 1e-9);
  EXPECT_NEAR(day->day.optimum.abandon_rate, alone->optimum.abandon_rate,
              1e-9);
  EXPECT_NEAR(day->day.optimum.screening, alone->optimum.screening, 1e-9);
  EXPECT_NEAR(day->day.optimum.mean_ringing, alone->optimum.mean_ringing,
              1e-9);
  EXPECT_NEAR(day->day.upper_bound, alone->upper_bound, 1e-9);
  EXPECT_EQ(day->day.states, alone->states);
  EXPECT_EQ(day->day.policy_iterations, alone->policy_iterations);
  ASSERT_EQ(day->segments.size(), 1u);
  EXPECT_NEAR(day->segments[0].optimum.occupancy, alone->optimum.occupancy,
              1e-9);

  const MarkovModel v = Verdict(6, 0.12);
  auto v_alone = SolveMarkovLimit(v);
  auto v_day = SolveMarkovDayLimit({{v, 600}});
  ASSERT_TRUE(v_alone.ok()) << v_alone.status();
  ASSERT_TRUE(v_day.ok()) << v_day.status();
  EXPECT_NEAR(v_day->day.optimum.occupancy, v_alone->optimum.occupancy, 1e-9);
  EXPECT_NEAR(v_day->day.optimum.abandon_rate, v_alone->optimum.abandon_rate,
              1e-9);
  EXPECT_EQ(v_day->day.policy_iterations, v_alone->policy_iterations);
}

TEST(DayLimitTest, TwoIdenticalSegmentsAreOne) {
  const ScreeningModel m = Small(3);
  auto one = SolveScreeningDayLimit({{m, 4000}});
  auto two = SolveScreeningDayLimit({{m, 1000}, {m, 3000}});
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_NEAR(two->day.optimum.occupancy, one->day.optimum.occupancy, 1e-9);
  EXPECT_NEAR(two->day.optimum.abandon_rate, one->day.optimum.abandon_rate,
              1e-9);
  EXPECT_NEAR(two->day.optimum.dials_per_agent_hour,
              one->day.optimum.dials_per_agent_hour, 1e-6);
  for (const SegmentLimit& s : two->segments) {
    EXPECT_NEAR(s.optimum.occupancy, one->day.optimum.occupancy, 1e-9);
  }
}

// Each segment alone at the cap is one feasible way to run the day; the
// joint optimum may also move abandons to where they buy more occupancy.
TEST(DayLimitTest, TwoDifferentSegmentsShareTheDaysBudget) {
  ScreeningModel few = Small(3);
  few.live_probability = 0.2;
  const ScreeningModel many = Small(5);
  const double t_few = 2000, t_many = 6000;
  auto a = SolveScreeningLimit(few);
  auto b = SolveScreeningLimit(many);
  auto day = SolveScreeningDayLimit({{few, t_few}, {many, t_many}});
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_TRUE(day.ok()) << day.status();
  const double w_few = t_few * few.agents, w_many = t_many * many.agents;
  const double separate = (w_few * a->optimum.occupancy +
                           w_many * b->optimum.occupancy) /
                          (w_few + w_many);
  const LimitResult& d = day->day;
  EXPECT_GE(d.optimum.occupancy, separate - 1e-9);
  EXPECT_LE(d.optimum.occupancy, d.upper_bound + 1e-12);
  EXPECT_LE(d.upper_bound - d.optimum.occupancy, 1e-5);
  // The cap binds on the day as a whole.
  EXPECT_NEAR(d.optimum.abandon_rate, few.abandon_cap, 1e-6);
  // The day's occupancy is the agent-time weighted mean of the segments'.
  ASSERT_EQ(day->segments.size(), 2u);
  EXPECT_NEAR(d.optimum.occupancy,
              (w_few * day->segments[0].optimum.occupancy +
               w_many * day->segments[1].optimum.occupancy) /
                  (w_few + w_many),
              1e-12);
  // The budget is not spent evenly: one segment above the cap, one below.
  const double ab0 = day->segments[0].optimum.abandon_rate;
  const double ab1 = day->segments[1].optimum.abandon_rate;
  EXPECT_GT(std::max(ab0, ab1), few.abandon_cap + 1e-4);
  EXPECT_LT(std::min(ab0, ab1), few.abandon_cap - 1e-4);
  EXPECT_EQ(d.states, day->segments[0].states + day->segments[1].states);
  // A multiplier hint (here the 8-agent stretch's alone) changes the
  // search, not the answer.
  auto hinted = SolveScreeningDayLimit({{few, t_few}, {many, t_many}},
                                       b->kappa);
  ASSERT_TRUE(hinted.ok()) << hinted.status();
  EXPECT_NEAR(hinted->day.optimum.occupancy, d.optimum.occupancy, 1e-5);
  EXPECT_NEAR(hinted->day.optimum.abandon_rate, few.abandon_cap, 1e-6);
  EXPECT_LE(hinted->day.optimum.occupancy, d.upper_bound + 1e-12);

  // The same holds in the verdict-first model.
  const MarkovModel vf = Verdict(4, 0.25), vm = Verdict(12, 0.1);
  auto va = SolveMarkovLimit(vf);
  auto vb = SolveMarkovLimit(vm);
  auto vday = SolveMarkovDayLimit({{vf, t_few}, {vm, t_many}});
  ASSERT_TRUE(va.ok() && vb.ok() && vday.ok());
  const double v_few = t_few * vf.agents, v_many = t_many * vm.agents;
  EXPECT_GE(vday->day.optimum.occupancy,
            (v_few * va->optimum.occupancy + v_many * vb->optimum.occupancy) /
                    (v_few + v_many) -
                1e-9);
  EXPECT_LE(vday->day.optimum.occupancy, vday->day.upper_bound + 1e-12);
  EXPECT_NEAR(vday->day.optimum.abandon_rate, vf.abandon_cap, 1e-6);
}

TEST(DayLimitTest, RejectsAnEmptyDayBadDurationsAndMixedCaps) {
  EXPECT_THAT(SolveScreeningDayLimit({}).status().message(),
              HasSubstr("no segment"));
  EXPECT_THAT(SolveScreeningDayLimit({{Small(3), 0}}).status().message(),
              HasSubstr("duration_s"));
  ScreeningModel other = Small(3);
  other.abandon_cap = 0.02;
  EXPECT_THAT(SolveScreeningDayLimit({{Small(3), 10}, {other, 10}})
                  .status()
                  .message(),
              HasSubstr("abandon caps differ"));
  ScreeningModel bad = Small(3);
  bad.agents = 0;
  EXPECT_THAT(SolveScreeningDayLimit({{Small(3), 10}, {bad, 10}})
                  .status()
                  .message(),
              HasSubstr("agents"));
  EXPECT_THAT(SolveMarkovDayLimit({}).status().message(),
              HasSubstr("no segment"));
}

}  // namespace
}  // namespace dialer::pacing
