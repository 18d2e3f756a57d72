// A simulated 8-hour day of 100 agents in power mode (examples/power-team.json
// scaled to 100 agents and 100,000 contacts), end to end: contact
// generation, engine, simulated network and agents, report.
//
// Baseline in the same run: BM_BareClockEvents runs the same number of
// no-op callbacks through a SimulatedClock, so the ratio of the two
// events/s figures is the simulator's per-event cost over the bare clock's.
//
// Counters: events (SimulatedClock callbacks of one day), events_per_s,
// dials, day_wall_s (the report's wall_s), loop_events_per_wall_s (events
// per wall second of the event loop alone, setup and report excluded),
// loop_events_per_cpu_s (the same per CPU second of this thread: on a busy
// shared machine the wall figure measures the other processes too),
// peak_rss_mb (getrusage ru_maxrss of the whole process so far).
#include <chrono>
#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "benchmarks/sim/day_workload.h"
#include "dialer/simulated_clock.h"
#include "dialer/simulator.h"

namespace dialer {
namespace {

using sim_bench::DayOf;
using sim_bench::PeakRssMb;
using sim_bench::ThreadCpuSeconds;

int64_t g_day_events = 0;

void BM_SimulatedDayPower(benchmark::State& state) {
  const Scenario scenario = DayOf(static_cast<int>(state.range(0)));
  int64_t events = 0, dials = 0;
  double wall = 0, loop_rate = 0, loop_cpu_rate = 0;
  for (auto _ : state) {
    // The event loop alone, without setup (contacts, engine) and report:
    // from the first progress call (one simulated minute in) to the last.
    std::chrono::steady_clock::time_point first, last;
    double first_cpu = 0, last_cpu = 0;
    int64_t first_events = -1, last_events = 0;
    SimOptions options;
    options.progress = [&](const SimProgress& p) {
      const auto now = std::chrono::steady_clock::now();
      const double cpu = ThreadCpuSeconds();
      if (first_events < 0) {
        first = now;
        first_cpu = cpu;
        first_events = p.events;
      }
      last = now;
      last_cpu = cpu;
      last_events = p.events;
    };
    absl::StatusOr<SimReport> report = RunSimulation(scenario, options);
    loop_rate = (last_events - first_events) /
                std::chrono::duration<double>(last - first).count();
    loop_cpu_rate = (last_events - first_events) / (last_cpu - first_cpu);
    if (!report.ok()) {
      state.SkipWithError(std::string(report.status().message()).c_str());
      return;
    }
    events = report->events;
    dials = report->dials;
    wall = report->wall_s;
    if (report->compliance_violations != 0) {
      state.SkipWithError("compliance violations in the simulated day");
      return;
    }
  }
  if (state.range(0) == 100) g_day_events = events;
  state.counters["events"] = static_cast<double>(events);
  state.counters["dials"] = static_cast<double>(dials);
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(events), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["day_wall_s"] = wall;
  state.counters["loop_events_per_wall_s"] = loop_rate;
  state.counters["loop_events_per_cpu_s"] = loop_cpu_rate;
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_SimulatedDayPower)->Arg(20)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_BareClockEvents(benchmark::State& state) {
  // As many callbacks as the 100-agent day ran (or 1M if it did not run),
  // each scheduling its successor a few seconds ahead, 300 in flight.
  const int64_t n = g_day_events > 0 ? g_day_events : 1000000;
  for (auto _ : state) {
    SimulatedClock clock(absl::FromUnixSeconds(1773151200));
    int64_t left = n;
    struct Tick {
      SimulatedClock* clock;
      int64_t* left;
      uint64_t salt;
      void operator()() const {
        if (--*left < 300) return;
        clock->ScheduleAt(clock->Now() + absl::Milliseconds(static_cast<int64_t>(1 + salt % 9000)),
                          Tick{clock, left, salt * 6364136223846793005ULL + 1});
      }
    };
    for (int i = 0; i < 300; ++i) {
      clock.ScheduleAt(clock.Now() + absl::Milliseconds(i), Tick{&clock, &left, static_cast<uint64_t>(i)});
    }
    while (clock.RunNext()) {
    }
    benchmark::DoNotOptimize(left);
  }
  state.counters["events"] = static_cast<double>(n);
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BareClockEvents)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dialer
