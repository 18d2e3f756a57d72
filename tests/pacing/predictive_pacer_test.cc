#include "pacing/predictive_pacer.h"

#include <cstring>
#include <new>
#include <string>

#include "gtest/gtest.h"
#include "tests/pacing/snapshot_builder.h"

namespace dialer::pacing {
namespace {

using testing::SnapshotBuilder;
using testing::T0;

// Feeds `dials` resolved dials (live one in `every`, machines 3 in 10, the
// rest no-answers), ring 11 s (4-18 s with `spread_rings`, as real ones
// spread), the detector's verdict `verdict` after the pick-up, and
// talk/wrap observations.
absl::Time Train(PredictivePacer& pacer, absl::Time t, int dials, int every,
                 absl::Duration verdict = absl::Seconds(2),
                 bool spread_rings = false) {
  for (int i = 0; i < dials; ++i) {
    t += absl::Seconds(1);
    const absl::Duration ring =
        absl::Seconds(spread_rings ? 4 + (i * 7) % 15 : 11);
    if (i % every == 0) {
      pacer.OnDialResolved(
          t, {DialOutcome::kHuman, t - ring - verdict, ring, verdict});
      pacer.OnLiveAnswerConnected(t, absl::Milliseconds(400));
      pacer.OnTalkEnded(t, absl::Seconds(100 + (i % 7) * 20));
      pacer.OnWrapEnded(t, absl::Seconds(30));
    } else if (i % 10 < 3) {
      pacer.OnDialResolved(
          t, {DialOutcome::kMachine, t - ring - verdict, ring, verdict});
    } else {
      pacer.OnDialResolved(t, {DialOutcome::kNoAnswer, t - absl::Seconds(25),
                               absl::Seconds(25), absl::ZeroDuration()});
    }
  }
  return t;
}

Snapshot Team(absl::Time now, int ready, int on_call, int ringing,
              compliance::AbandonState state = compliance::AbandonState::kNormal) {
  SnapshotBuilder b(now);
  b.Agents(ready, AgentActivity::kReady).State(state);
  for (int i = 0; i < on_call; ++i) {
    b.Agents(1, AgentActivity::kOnCall, absl::Seconds(10 + 17 * i));
  }
  for (int i = 0; i < ringing; ++i) {
    b.Calls(1, CallStage::kRinging, absl::Seconds(i % 12));
  }
  return b.Build();
}

// Construction reads only initialised state: a pacer built over memory
// full of stale bytes starts exactly like one built over zeroes (theta was
// once computed from members the constructor had not initialised yet, so a
// process's results depended on what the heap held before).
TEST(PredictivePacerTest, StartsTheSameWhateverTheMemoryHeldBefore) {
  PacerOptions options;
  options.detector_false_positive_rate = 0.01;
  double thetas[2];
  // 0x41...: every double member reads 2.3e6 until it is initialised.
  const unsigned char fills[2] = {0x00, 0x41};
  for (int i = 0; i < 2; ++i) {
    alignas(PredictivePacer) unsigned char buffer[sizeof(PredictivePacer)];
    std::memset(buffer, fills[i], sizeof(buffer));
    auto* pacer = new (buffer) PredictivePacer(options);
    thetas[i] = pacer->theta();
    pacer->~PredictivePacer();
  }
  EXPECT_EQ(thetas[0], thetas[1]);
}

// The forecast never waits longer for a verdict than kMaxVerdictSeconds. A
// host that reports the agent's time as the detector's (the engine did, for
// calls an agent classified) made the latency fit 88 s: a new call's live
// answer fell past the forecast's horizon, its risk read as zero, and the
// pacer filled every line (4 per agent) for one free agent. Assuming an
// earlier verdict is the pessimistic side: the answer finds fewer agents
// freed.
TEST(PredictivePacerTest, AnAbsurdDetectorLatencyDoesNotEmptyTheForecast) {
  auto dials_with = [](absl::Duration verdict) {
    PacerOptions options;
    options.detector_false_positive_rate = 0.01;
    PredictivePacer pacer(options);
    const absl::Time t =
        Train(pacer, T0(), 3000, 3, verdict, /*spread_rings=*/true);
    return pacer.Decide(Team(t, 1, 2, 0)).dials_to_place_now;
  };
  const int sane = dials_with(absl::Seconds(2));
  const int absurd = dials_with(absl::Seconds(88));
  EXPECT_GE(sane, 1);
  EXPECT_LE(absurd, sane + 1);
  EXPECT_LT(absurd, PredictivePacer::kMaxLinesPerAgent * 3);
}

TEST(PredictivePacerTest, WarmUpDialsBetweenOnePointTwoAndOnePointFivePerAgent) {
  PredictivePacer pacer(PacerOptions{});
  ASSERT_TRUE(pacer.warming_up());
  const int dials = pacer.Decide(Team(T0(), 10, 0, 0)).dials_to_place_now;
  EXPECT_GE(dials, 12);
  EXPECT_LE(dials, 15);
  const Plan plan = pacer.Decide(Team(T0(), 10, 0, dials));
  EXPECT_EQ(plan.dials_to_place_now, 0);
  EXPECT_LE(plan.review_at, T0() + absl::Seconds(1));
}

TEST(PredictivePacerTest, LeavesWarmUpAfterEnoughOutcomes) {
  PredictivePacer pacer(PacerOptions{});
  Train(pacer, T0(), 29, 8);
  EXPECT_TRUE(pacer.warming_up());
  Train(pacer, T0() + absl::Minutes(1), 20, 8);
  EXPECT_FALSE(pacer.warming_up());
}

TEST(PredictivePacerTest, BudgetSetsAsideTheDetectorsFalsePositives) {
  PacerOptions options;
  options.detector_false_positive_rate = 0.01;
  PredictivePacer pacer(options);
  // Divided by the calibration's prior ratio, 0.5, until abandons are seen.
  EXPECT_NEAR(pacer.EffectiveBudget(), (0.024 - 0.01) / 0.5, 1e-12);
  options.detector_false_positive_rate = 0.05;
  EXPECT_NEAR(PredictivePacer(options).EffectiveBudget(),
              PredictivePacer::kMinBudget / 0.5, 1e-12);
}

// Connect on pick-up: a pick-up that finds a free agent never awaits the
// verdict, so the detector's false positives cannot abandon it. Decides once a
// second for `seconds`, one pick-up (verdict after 2 s) every `every_s`
// seconds; `wait` says whether each pick-up shows as awaiting the verdict.
absl::Time PickUps(PredictivePacer& pacer, absl::Time t, int seconds,
                   int every_s, bool wait) {
  int awaiting_until = -1;
  for (int i = 0; i < seconds; ++i, t += absl::Seconds(1)) {
    if (i % every_s == 0) {
      if (wait) awaiting_until = i + 2;
      pacer.OnDialResolved(
          t, {DialOutcome::kMachine, t - absl::Seconds(11) - absl::Seconds(2),
              absl::Seconds(11), absl::Seconds(2)});
    }
    SnapshotBuilder b(t);
    b.Agents(2, AgentActivity::kReady);
    if (i < awaiting_until) b.Calls(1, CallStage::kAwaitingVerdict);
    pacer.Decide(b.Build());
  }
  return t;
}

TEST(PredictivePacerTest, FalsePositivesRescuedOnPickUpLeaveTheBudget) {
  PacerOptions options;
  options.detector_false_positive_rate = 0.01;
  PredictivePacer bridged(options);
  PredictivePacer waiting(options);
  EXPECT_DOUBLE_EQ(bridged.UnbridgedPickupShare(), 1.0);  // the prior
  PickUps(bridged, T0(), 4000, 4, /*wait=*/false);
  PickUps(waiting, T0(), 4000, 4, /*wait=*/true);
  // No pick-up waited: almost nothing is set aside (the prior fades).
  EXPECT_LT(bridged.UnbridgedPickupShare(), 0.1);
  EXPECT_GT(bridged.EffectiveBudget(), (0.024 - 0.001) / 0.5);
  // Every pick-up waited: the whole rate stays set aside.
  EXPECT_GT(waiting.UnbridgedPickupShare(), 0.95);
  EXPECT_NEAR(waiting.EffectiveBudget(), (0.024 - 0.01) / 0.5, 0.0012);
}

// The abandon rate is over people; the forecast's live answers also hold
// the machines the detector passes as people (agents recognise them). With
// 20% of live verdicts such machines, the pacer aims about 20% lower.
TEST(PredictivePacerTest, MachinesPassedAsPeopleShrinkTheBudget) {
  PredictivePacer pacer(PacerOptions{});
  EXPECT_DOUBLE_EQ(pacer.PeopleShare(), 1.0);
  const double before = pacer.EffectiveBudget();
  for (int i = 0; i < 5000; ++i) {
    pacer.OnDialResolved(
        T0(), {DialOutcome::kHuman, T0() - absl::Seconds(11) - absl::Seconds(2),
               absl::Seconds(11), absl::Seconds(2)});
    if (i % 5 == 0) pacer.OnLiveAnswerWasMachine(T0());
  }
  EXPECT_LT(pacer.PeopleShare(), 0.8);
  EXPECT_GT(pacer.PeopleShare(), 0.75);
  EXPECT_NEAR(pacer.EffectiveBudget(), before * pacer.PeopleShare(), 1e-12);
}

// Outcomes count once every dial placed before them has resolved: a burst
// of dials shows its busy signals, then its pick-ups, then its no-answers,
// and counted in that order the live share first doubles then collapses
// (the pacer over-dialled on the collapse at the start of the day).
TEST(PredictivePacerTest, OutcomesCountInWholeCohorts) {
  // 100 dials at T0; returns the pacer after their resolutions, the
  // busy signals, pick-ups and no-answers arriving in `order`.
  auto burst = [](PredictivePacer& pacer, const std::string& order) {
    for (char kind : order) {
      for (int i = 0; i < 100; ++i) {
        const bool live = i < 11, machine = i >= 11 && i < 41,
                   busy = i >= 41 && i < 46;
        if (kind == 'b' && busy) {
          pacer.OnDialResolved(
              T0() + absl::Seconds(3),
              {DialOutcome::kBusy, T0() + absl::Seconds(3) - absl::Seconds(3),
               absl::Seconds(3), absl::ZeroDuration()});
        } else if (kind == 'p' && (live || machine)) {
          pacer.OnDialResolved(
              T0() + absl::Seconds(13),
              {live ? DialOutcome::kHuman : DialOutcome::kMachine,
               T0() + absl::Seconds(13) - absl::Seconds(11) - absl::Seconds(2),
               absl::Seconds(11), absl::Seconds(2)});
        } else if (kind == 'n' && !live && !machine && !busy) {
          pacer.OnDialResolved(T0() + absl::Seconds(25),
                               {DialOutcome::kNoAnswer,
                                T0() + absl::Seconds(25) - absl::Seconds(25),
                                absl::Seconds(25), absl::ZeroDuration()});
        }
      }
    }
  };
  PredictivePacer arrived(PacerOptions{}), reversed(PacerOptions{});
  burst(arrived, "bpn");
  burst(reversed, "npb");
  // Resolved, but younger than a ring limit: not counted yet.
  arrived.Decide(Team(T0() + absl::Seconds(26), 10, 0, 0));
  EXPECT_TRUE(arrived.warming_up());
  // Whole: the order they resolved in no longer matters.
  const absl::Time later = T0() + absl::Seconds(40);
  arrived.Decide(Team(later, 10, 0, 0));
  reversed.Decide(Team(later, 10, 0, 0));
  EXPECT_FALSE(arrived.warming_up());
  EXPECT_DOUBLE_EQ(arrived.MachineGivenPickup(), reversed.MachineGivenPickup());
  const ForecastInput a = arrived.BuildForecast(Team(later, 5, 5, 20));
  const ForecastInput b = reversed.BuildForecast(Team(later, 5, 5, 20));
  EXPECT_EQ(a.demand, b.demand);
  EXPECT_EQ(a.new_call_demand, b.new_call_demand);
}

// An agent screening a pick-up bridged before the verdict is likely about
// to be free: most pick-ups are machines, recognised within seconds.
TEST(PredictivePacerTest, AnAgentScreeningAPickUpIsLikelyAboutToFree) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 3000, 8) + absl::Seconds(60);
  SnapshotBuilder talking(t), screening(t);
  talking.Agents(1, AgentActivity::kOnCall, absl::Seconds(1));
  screening.Agents(1, AgentActivity::kOnCall, absl::Seconds(1));
  Snapshot s = screening.Build();
  s.agents[0].screening = true;
  const ForecastInput on_call = pacer.BuildForecast(talking.Build());
  const ForecastInput screens = pacer.BuildForecast(s);
  double freed_talking = 0, freed_screening = 0;
  for (int k = 0; k < 5; ++k) {
    freed_talking += on_call.frees[k];
    freed_screening += screens.frees[k];
  }
  EXPECT_LT(freed_talking, 0.01);  // a mean wrap-up is still to come
  EXPECT_GT(freed_screening, 0.6 * pacer.MachineGivenPickup());
  EXPECT_GT(pacer.MachineGivenPickup(), 0.6);
}

// An agent whose own call is still ringing (power mode: the hard-stop
// fallback, and the calls it left when pooled dialing resumed) is not free
// for the pool: counted idle, the end of the fallback dialled four lines
// per such agent at once and the burst of answers stopped the campaign
// again.
TEST(PredictivePacerTest, AnAgentWaitingOnItsOwnCallIsNotIdle) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 3000, 8) + absl::Seconds(60);
  SnapshotBuilder free(t), own_calls(t);
  free.Agents(10, AgentActivity::kReady);
  own_calls.Agents(10, AgentActivity::kReady, absl::Seconds(5),
                   /*has_call=*/true);
  const ForecastInput in = pacer.BuildForecast(own_calls.Build());
  EXPECT_EQ(in.idle_agents, 0);
  double frees = 0;
  for (double f : in.frees) frees += f;
  EXPECT_GT(frees, 3);  // those calls that go unanswered give them back
  EXPECT_LT(frees, 10);
  const int with_own = pacer.Decide(own_calls.Build()).dials_to_place_now;
  const int without = pacer.Decide(free.Build()).dials_to_place_now;
  EXPECT_LT(with_own, without / 2);
}

TEST(PredictivePacerTest, LateConnectCountsAsObservedAbandon) {
  PredictivePacer pacer(PacerOptions{});
  pacer.OnLiveAnswerConnected(T0(), absl::Milliseconds(1900));
  EXPECT_DOUBLE_EQ(pacer.observed_abandons(), 0);
  pacer.OnLiveAnswerConnected(T0(), absl::Milliseconds(2100));
  EXPECT_NEAR(pacer.observed_abandons(), 1, 1e-12);
}

TEST(PredictivePacerTest, MoreIdleAgentsMoreDials) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);
  int previous = 0;
  for (int ready = 0; ready <= 8; ready += 2) {
    const int dials =
        pacer.Decide(Team(t, ready, 20 - ready, 6)).dials_to_place_now;
    EXPECT_GE(dials, previous) << ready;
    previous = dials;
  }
  EXPECT_GT(previous, 8);  // several lines per idle agent at 1 in 8 live
}

TEST(PredictivePacerTest, DialsLessWhenCallsAreAnsweredMoreOften) {
  PredictivePacer rare(PacerOptions{});
  PredictivePacer often(PacerOptions{});
  const absl::Time t = Train(rare, T0(), 2000, 10);
  Train(often, T0(), 2000, 4);
  const Snapshot s = Team(t, 4, 16, 4);
  EXPECT_GT(rare.Decide(s).dials_to_place_now,
            often.Decide(s).dials_to_place_now);
}

TEST(PredictivePacerTest, ThrottleDialsLessAndStopIsPower) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);
  const int normal = pacer.Decide(Team(t, 5, 15, 4)).dials_to_place_now;
  const int throttled =
      pacer.Decide(Team(t, 5, 15, 4, compliance::AbandonState::kThrottle))
          .dials_to_place_now;
  EXPECT_LT(throttled, normal);
  EXPECT_GE(throttled, 5);
  SnapshotBuilder stop(t);
  stop.Agents(3, AgentActivity::kReady)
      .Agents(2, AgentActivity::kReady, absl::ZeroDuration(), true)
      .Agents(10, AgentActivity::kOnCall)
      .Calls(2, CallStage::kRinging)
      .State(compliance::AbandonState::kStop);
  EXPECT_EQ(pacer.Decide(stop.Build()).dials_to_place_now, 3);
}

// The throttle scales the risk threshold (kThrottleFactor) and stops
// there: halving the calls over power on top of halving the threshold cut
// every entry into the throttle twice over, where the engine's rate hovers
// at the throttle level for hours (short calls).
TEST(PredictivePacerTest, ThrottleCutsTheThresholdNotTheCallsTwice) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);
  for (const int ready : {4, 6, 8}) {
    const int normal =
        pacer.Decide(Team(t, ready, 20 - ready, 0)).dials_to_place_now;
    const int throttled = pacer
                              .Decide(Team(t, ready, 20 - ready, 0,
                                           compliance::AbandonState::kThrottle))
                              .dials_to_place_now;
    ASSERT_GT(normal - ready, 3) << ready;  // the threshold binds
    EXPECT_LT(throttled, normal) << ready;
    // More than the old double cut could place: half the excess over power.
    EXPECT_GT(throttled, ready + (normal - ready) / 2) << ready;
  }
}

TEST(PredictivePacerTest, ThirtyDayRateNearTheLimitDialsLess) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);
  Snapshot s = Team(t, 6, 14, 12);  // where the risk threshold binds
  const int normal = pacer.Decide(s).dials_to_place_now;
  s.abandon_rate_30d = 0.029;
  const int guarded = pacer.Decide(s).dials_to_place_now;
  EXPECT_LT(guarded, normal);
  EXPECT_GE(guarded, 0);
}

// A fresh window (the next abandon would stop pooled dialing) dials less
// than one that can absorb a few, on the same state and training.
TEST(PredictivePacerTest, FewAbandonsFromTheStopLevelDialLess) {
  int previous = -1;
  for (int64_t margin : {int64_t{0}, int64_t{2}, int64_t{1000}}) {
    PredictivePacer pacer(PacerOptions{});
    const absl::Time t = Train(pacer, T0(), 3000, 8);
    Snapshot s = Team(t, 6, 14, 10);
    s.abandons_until_stop = margin;
    const int dials = pacer.Decide(s).dials_to_place_now;
    EXPECT_GT(dials, previous) << "margin " << margin;
    previous = dials;
  }
}

// Calls in flight are never fewer than the ready agents, however tight the
// model is: those calls cannot abandon.
TEST(PredictivePacerTest, NeverBelowOneCallInFlightPerReadyAgent) {
  for (int every : {2, 8}) {
    PredictivePacer pacer(PacerOptions{});
    const absl::Time t = Train(pacer, T0(), 3000, every);
    for (int ready = 0; ready <= 3; ++ready) {
      for (int ringing = 0; ringing <= 4; ++ringing) {
        Snapshot s = Team(t, ready, 3 - ready, ringing);
        s.abandons_until_stop = 0;
        EXPECT_GE(pacer.Decide(s).dials_to_place_now, ready - ringing)
            << "every " << every << " ready " << ready << " ringing "
            << ringing;
      }
    }
  }
}

TEST(PredictivePacerTest, BoundedEvenWhenTheAnswerRateEstimateCollapses) {
  PredictivePacer pacer(PacerOptions{});
  absl::Time t = T0();
  for (int i = 0; i < 5000; ++i) {  // nothing but no-answers reported
    t += absl::Seconds(1);
    pacer.OnDialResolved(
        t, {i < 40 && i % 8 == 0 ? DialOutcome::kHuman : DialOutcome::kNoAnswer,
            t - absl::Seconds(25), absl::Seconds(25), absl::ZeroDuration()});
  }
  ASSERT_FALSE(pacer.warming_up());
  const int dials = pacer.Decide(Team(t, 20, 0, 0)).dials_to_place_now;
  EXPECT_GT(dials, 0);
  EXPECT_LE(dials, PredictivePacer::kMaxLinesPerAgent * 20);
  const int more = pacer.Decide(Team(t, 20, 0, dials)).dials_to_place_now;
  EXPECT_LE(dials + more, PredictivePacer::kMaxLinesPerAgent * 20);
}

// The safety rule: the live answers expected from the calls in flight never
// exceed the agents free now plus those expected to free up in the horizon.
TEST(PredictivePacerTest, FewAgentsNeverMoreThanTheSafetyRuleAllows) {
  for (int every : {3, 8, 20}) {
    PredictivePacer pacer(PacerOptions{});
    const absl::Time t = Train(pacer, T0(), 1000, every);
    for (int ready = 0; ready <= 3; ++ready) {
      for (int ringing = 0; ringing <= 6; ringing += 3) {
        const Snapshot s = Team(t, ready, 3 - ready, ringing);
        const ForecastInput in = pacer.BuildForecast(s);
        double capacity = in.idle_agents, demand = 0, nu = 0;
        for (double f : in.frees) capacity += f;
        for (double d : in.demand) demand += d;
        for (double d : in.new_call_demand) nu += d;
        const int dials = pacer.Decide(s).dials_to_place_now;
        EXPECT_LE(demand + dials * nu, std::max(capacity, demand) + 1e-9)
            << "every " << every << " ready " << ready << " ringing "
            << ringing;
        if (ready == 0) {
          EXPECT_EQ(dials, 0);
        }
      }
    }
  }
}

TEST(PredictivePacerTest, UncertainEstimatesDialLess) {
  PredictivePacer sure(PacerOptions{});
  PredictivePacer unsure(PacerOptions{});
  const absl::Time t = Train(sure, T0(), 3000, 8);
  Train(unsure, T0(), 60, 8);
  const Snapshot s = Team(t, 6, 14, 0);
  EXPECT_GE(sure.Decide(s).dials_to_place_now,
            unsure.Decide(s).dials_to_place_now);
}

TEST(PredictivePacerTest, ThetaRisesWhilePlacedCallsAreSafeWithinBounds) {
  PredictivePacer pacer(PacerOptions{});
  absl::Time t = Train(pacer, T0(), 2000, 8);
  const double before = pacer.theta();
  for (int i = 0; i < 200; ++i) {
    // Six idle agents, ten on calls, six calls ringing: the risk threshold
    // stops the decision, and the calls below it carry little risk.
    t += absl::Seconds(1);
    const int dials = pacer.Decide(Team(t, 6, 10, 6)).dials_to_place_now;
    for (int d = 0; d < std::min(dials, 3); ++d) pacer.OnDialPlaced(t);
  }
  EXPECT_GT(pacer.theta(), before);
  EXPECT_LE(pacer.theta(), 0.6);
}

// Calls admitted because the line cap stopped the decision, not the risk
// threshold, say nothing about theta: raising it on their low risk wound it
// up from 0.008 to 0.36 in the first minute of a 120-agent day (agents
// mostly idle, four lines each), and the first decision the threshold did
// bind then admitted calls up to ten times riskier than the budget.
TEST(PredictivePacerTest, ThetaDoesNotWindUpWhileTheLineCapBinds) {
  PredictivePacer pacer(PacerOptions{});
  absl::Time t = Train(pacer, T0(), 2000, 8);
  const double before = pacer.theta();
  const int cap = PredictivePacer::kMaxLinesPerAgent * 20;
  for (int i = 0; i < 300; ++i) {
    t += absl::Seconds(1);
    // Twenty idle agents and the lines all but full: two more calls at most,
    // each safe.
    const int dials =
        pacer.Decide(Team(t, 20, 0, cap - 2)).dials_to_place_now;
    ASSERT_LE(dials, 2);
    for (int d = 0; d < dials; ++d) pacer.OnDialPlaced(t);
  }
  EXPECT_LE(pacer.theta(), before);
}

TEST(PredictivePacerTest, AgentsOnACallCannotTakeAnswersBeforeTheirWrapUp) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);  // wrap-up 30 s
  SnapshotBuilder b(t);
  b.Agents(1, AgentActivity::kOnCall, absl::Seconds(600))
      .Agents(1, AgentActivity::kWrapUp, absl::Seconds(29));
  const ForecastInput in = pacer.BuildForecast(b.Build());
  double frees_within_5s = 0;
  for (int k = 0; k < 5; ++k) frees_within_5s += in.frees[k];
  EXPECT_GT(frees_within_5s, 0.5);  // the wrap-up agent
  EXPECT_LT(frees_within_5s, 1.0);
}

TEST(PredictivePacerTest, AgentsLeavingAfterTheirCallTakeNoLaterAnswers) {
  PredictivePacer pacer(PacerOptions{});
  const absl::Time t = Train(pacer, T0(), 2000, 8);
  // Ten agents near the end of long calls and wrap-ups: many frees soon.
  auto team = [&](bool leaving) {
    SnapshotBuilder b(t);
    b.Agents(5, AgentActivity::kOnCall, absl::Seconds(200))
        .Agents(5, AgentActivity::kWrapUp, absl::Seconds(25));
    if (leaving) b.Leaving(10);
    return b.Build();
  };
  const ForecastInput staying = pacer.BuildForecast(team(false));
  const ForecastInput leaving = pacer.BuildForecast(team(true));
  double frees = 0;
  for (double f : staying.frees) frees += f;
  EXPECT_GT(frees, 3);
  for (double f : leaving.frees) EXPECT_EQ(f, 0);
  EXPECT_EQ(leaving.max_agents, 0);
  // The end of a shift: nobody will take an answer, so nothing is dialed.
  EXPECT_GT(pacer.Decide(team(false)).dials_to_place_now, 0);
  EXPECT_EQ(pacer.Decide(team(true)).dials_to_place_now, 0);
}

TEST(PredictivePacerTest, ObservedAbandonsTightenTheBudget) {
  PredictivePacer pacer(PacerOptions{});
  const double before = pacer.EffectiveBudget();
  for (int i = 0; i < 10; ++i) pacer.OnLiveAnswerAbandoned(T0(), absl::Seconds(2));
  EXPECT_LT(pacer.EffectiveBudget(), before / 2);
}

}  // namespace
}  // namespace dialer::pacing
