// Records a simulated day for the replay (sim/replayer.h): runs the
// simulator with an EngineTap that wraps the engine's clock (to see its
// timers fire), its provider (a decorator: the events going in, the commands
// and their answers going out) and its facade (the calls the simulator and
// its agents make), and notes everything in order into a Recording.
//
// The tap only observes: the simulator does the same things in the same
// order, so the report and the event log are those RunSimulation gives for
// the same scenario, options and seed (the replay test checks it).
//
// Not thread-safe: one call runs on the calling thread like RunSimulation.
#ifndef DIALER_SIM_REPLAY_RECORDER_H_
#define DIALER_SIM_REPLAY_RECORDER_H_

#include "absl/status/statusor.h"
#include "dialer/simulator.h"
#include "sim/replay_recording.h"

namespace dialer::sim {

// Runs `scenario` as RunSimulation(scenario, options) does and returns the
// recording; `*report` (if not null) receives the run's report. Errors:
// RunSimulation's, and FailedPrecondition when the day did something the
// replay cannot reproduce (a facade call that changes state made from
// inside an engine callback, a provider event delivered inside a command),
// naming it.
[[nodiscard]] absl::StatusOr<Recording> RecordSimulation(
    const Scenario& scenario, const SimOptions& options,
    SimReport* report = nullptr);

}  // namespace dialer::sim

#endif  // DIALER_SIM_REPLAY_RECORDER_H_
