// Pacing costs: one predictive decision (the engine asks on every event and
// at least every second) against a power decision as the baseline, and the
// exact limit solve for 5-50 agents against one policy evaluation of the same
// model (progressive dialing) as the baseline.
#include <memory>

#include "benchmark/benchmark.h"
#include "pacing/limit/markov_limit.h"
#include "pacing/pacer.h"
#include "pacing/power_pacer.h"
#include "pacing/predictive_pacer.h"

namespace dialer::pacing {
namespace {

absl::Time Start() { return absl::FromUnixSeconds(1773147600); }

// A trained pacer's view of a campaign of `agents`: a quarter idle, most on
// a call at spread-out elapsed times, some in wrap-up, calls ringing.
Snapshot Campaign(int agents, absl::Time now) {
  Snapshot s;
  s.now = now;
  for (int i = 0; i < agents; ++i) {
    AgentView a;
    a.activity = i % 4 == 0   ? AgentActivity::kReady
                 : i % 7 == 0 ? AgentActivity::kWrapUp
                              : AgentActivity::kOnCall;
    a.in_state = absl::Seconds(7 * i % 200);
    s.agents.push_back(a);
  }
  for (int i = 0; i < 2 * agents; ++i) {
    s.calls.push_back(CallView{i % 9 == 0 ? CallStage::kAwaitingVerdict
                                          : CallStage::kRinging,
                               absl::Seconds(i % 20), absl::Seconds(i % 3)});
  }
  return s;
}

void Train(Pacer& pacer, absl::Time t) {
  for (int i = 0; i < 3000; ++i) {
    t += absl::Seconds(1);
    const DialOutcome o = i % 8 == 0   ? DialOutcome::kHuman
                          : i % 3 == 0 ? DialOutcome::kMachine
                                       : DialOutcome::kNoAnswer;
    const absl::Duration ring =
        absl::Seconds(o == DialOutcome::kNoAnswer ? 25 : 11);
    const absl::Duration latency = absl::Seconds(2);
    pacer.OnDialResolved(t, {o, t - ring - latency, ring, latency});
    if (o == DialOutcome::kHuman) {
      pacer.OnTalkEnded(t, absl::Seconds(60 + i % 240));
      pacer.OnWrapEnded(t, absl::Seconds(30));
    }
  }
}

void BM_PowerDecide(benchmark::State& state) {
  PowerPacer pacer;
  const Snapshot s = Campaign(static_cast<int>(state.range(0)), Start());
  for (auto _ : state) benchmark::DoNotOptimize(pacer.Decide(s));
}
BENCHMARK(BM_PowerDecide)->Arg(5)->Arg(20)->Arg(50);

void BM_PredictiveDecide(benchmark::State& state) {
  PredictivePacer pacer(PacerOptions{});
  Train(pacer, Start());
  const Snapshot s =
      Campaign(static_cast<int>(state.range(0)), Start() + absl::Hours(1));
  for (auto _ : state) benchmark::DoNotOptimize(pacer.Decide(s));
}
BENCHMARK(BM_PredictiveDecide)->Arg(5)->Arg(20)->Arg(50);

MarkovModel Model(int agents) {
  MarkovModel m;
  m.agents = agents;
  return m;  // p 0.12, h 180 s, m 15 s, grace 2 s, cap 3%
}

void BM_ProgressiveEvaluation(benchmark::State& state) {
  const MarkovModel m = Model(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(EvaluateProgressive(m));
}
BENCHMARK(BM_ProgressiveEvaluation)
    ->Arg(5)->Arg(10)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);

void BM_LimitSolve(benchmark::State& state) {
  const MarkovModel m = Model(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto r = SolveMarkovLimit(m);
    benchmark::DoNotOptimize(r);
    state.counters["occupancy"] = r.ok() ? r->optimum.occupancy : -1;
    state.counters["iterations"] = r.ok() ? r->policy_iterations : -1;
  }
}
BENCHMARK(BM_LimitSolve)
    ->Arg(5)->Arg(10)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace dialer::pacing
