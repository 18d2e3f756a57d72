// Pacers in the closed loop of closed_loop.h, side by side: occupancy,
// talk time and abandon rates as counters (the time per run is the cost of
// simulating 4 agent-hours x N, pacer included). Power is the baseline.
#include <string>

#include "benchmark/benchmark.h"
#include "benchmarks/pacing/closed_loop.h"
#include "pacing/pacer.h"
#include "pacing/predictive_pacer.h"

namespace dialer::pacing::bench {
namespace {

const char* const kPacers[] = {"power", "baseline-adaptive", "baseline-ratio",
                               "predictive"};

void BM_ClosedLoop(benchmark::State& state) {
  const std::string name = kPacers[state.range(0)];
  LoopConfig config;
  config.agents = static_cast<int>(state.range(1));
  config.seed = static_cast<uint64_t>(state.range(2));
  config.human_factor_after = state.range(3) ? 0.5 : 1;
  config.change_at_hour = 2;
  PacerOptions options;
  options.detector_false_positive_rate = config.human_as_machine;
  LoopResult r;
  for (auto _ : state) {
    auto pacer = MakePacer(name, options);
    r = RunClosedLoop(**pacer, config);
    if (auto* p = dynamic_cast<PredictivePacer*>(pacer->get())) {
      state.counters["forecast_abandons"] = p->forecast_abandons();
      state.counters["observed_abandons"] = p->observed_abandons();
      state.counters["theta"] = p->theta();
    }
  }
  state.SetLabel(name);
  state.counters["occupancy"] = r.occupancy;
  state.counters["talk_s_per_agent_h"] = r.talk_s_per_agent_hour;
  state.counters["abandon_rate"] = r.abandon_rate;
  state.counters["pacing_abandon_rate"] = r.pacing_abandon_rate;
  state.counters["live"] = static_cast<double>(r.live);
}
BENCHMARK(BM_ClosedLoop)
    ->ArgsProduct({{0, 1, 2, 3}, {5, 10, 20, 50}, {1, 2}, {0}})
    ->ArgsProduct({{1, 3}, {20}, {1}, {1}})
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

}  // namespace
}  // namespace dialer::pacing::bench
