// The engine alone on the day of BM_SimulatedDayPower: the day is recorded
// once, outside the timed region (sim/replay_recorder.h: every input that
// entered the engine, with its time, and the provider's answers), then each
// iteration builds a fresh engine (empty MemoryStore, SimulatedClock at the
// day's start) and replays the day into it (sim/replayer.h): provider
// events and the simulated agents' facade calls at their recorded times,
// interleaved with the engine's own timers in the day's order, each command
// answered from the recording after checking it is the recorded one. The
// simulator's model of the world (network outcomes and durations, agents'
// decisions, contact lookups, random draws, the report) is not run.
//
// Counters, with the definitions of BM_SimulatedDayPower so the two sit
// side by side:
//   events                  the day's SimulatedClock callbacks (the same
//                           count: the replay accounts for every one, the
//                           engine's timers by running them, the
//                           simulator's own by counting them);
//   events_per_s            events per CPU second of the whole iteration
//                           (engine setup with the 100,000 contacts, the
//                           day, teardown);
//   loop_events_per_cpu_s   events per CPU second (this thread) of the
//                           replayed loop alone, from the point of the day's
//                           first progress call (one simulated minute in)
//                           to the end, as the simulated day's counter;
//   loop_events_per_wall_s  the same per wall second;
//   engine_timers, inputs   the engine's timers run and the inputs
//                           delivered (setup calls included) in a day;
//   loop_entries_per_cpu_s  engine entries (timers run plus inputs
//                           delivered) per CPU second of the replayed loop:
//                           the engine's own work counted its own way, for
//                           reading beside the events figure;
//   dials, peak_rss_mb      as in BM_SimulatedDayPower.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "benchmarks/sim/day_workload.h"
#include "dialer/simulator.h"
#include "sim/replay_recorder.h"
#include "sim/replayer.h"

namespace dialer {
namespace {

using sim_bench::DayOf;
using sim_bench::PeakRssMb;
using sim_bench::ThreadCpuSeconds;

struct RecordedDay {
  sim::Recording recording;
  SimReport report;
  // Clock callbacks run when the day's first progress call came: where the
  // simulated day's loop measurement starts.
  int64_t loop_start_events = -1;
};

absl::StatusOr<std::unique_ptr<RecordedDay>> RecordDay(int agents) {
  auto day = std::make_unique<RecordedDay>();
  SimOptions options;
  options.progress = [&day](const SimProgress& p) {
    if (day->loop_start_events < 0) day->loop_start_events = p.events;
  };
  absl::StatusOr<sim::Recording> rec =
      sim::RecordSimulation(DayOf(agents), options, &day->report);
  if (!rec.ok()) return rec.status();
  day->recording = *std::move(rec);
  return day;
}

void BM_ReplayedDayPower(benchmark::State& state) {
  absl::StatusOr<std::unique_ptr<RecordedDay>> day =
      RecordDay(static_cast<int>(state.range(0)));
  if (!day.ok()) {
    state.SkipWithError(std::string(day.status().message()).c_str());
    return;
  }
  const sim::Recording& rec = (*day)->recording;
  int64_t events = 0, timers = 0;
  double loop_rate = 0, loop_cpu_rate = 0, entry_cpu_rate = 0;
  for (auto _ : state) {
    sim::Replayer replayer(rec);
    absl::Status s = replayer.Start();
    if (s.ok()) s = replayer.RunUntilEvents((*day)->loop_start_events);
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = ThreadCpuSeconds();
    const int64_t events0 = replayer.events();
    const int64_t entries0 = replayer.engine_timers() + replayer.inputs();
    if (s.ok()) s = replayer.RunToEnd();
    const double cpu1 = ThreadCpuSeconds();
    const auto wall1 = std::chrono::steady_clock::now();
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    events = replayer.events();
    timers = replayer.engine_timers();
    loop_cpu_rate = (events - events0) / (cpu1 - cpu0);
    entry_cpu_rate =
        (timers + replayer.inputs() - entries0) / (cpu1 - cpu0);
    loop_rate = (events - events0) /
                std::chrono::duration<double>(wall1 - wall0).count();
  }
  if (events != (*day)->report.events) {
    state.SkipWithError("the replay did not count the day's events");
    return;
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["dials"] = static_cast<double>((*day)->report.dials);
  state.counters["engine_timers"] = static_cast<double>(timers);
  state.counters["inputs"] =
      static_cast<double>(rec.provider_events.size() + rec.calls.size());
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(events), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["loop_events_per_wall_s"] = loop_rate;
  state.counters["loop_events_per_cpu_s"] = loop_cpu_rate;
  state.counters["loop_entries_per_cpu_s"] = entry_cpu_rate;
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_ReplayedDayPower)->Arg(20)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dialer
