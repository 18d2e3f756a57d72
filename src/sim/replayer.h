// Replays a recorded simulated day (sim/replay_recording.h) into a fresh
// engine with nothing of the simulator's world around it: no simulated
// network drawing outcomes, no simulated agents, no contact book, no report.
// What is left is the engine's own work for the same day, which is what the
// replay benchmark (benchmarks/sim/) measures.
//
// The engine gets a SimulatedClock at the recording's start, an empty
// MemoryStore, a ReplayProvider (answers each command with the recorded
// answer after checking it is the recorded command) and a sink that writes
// the engine's lines of the event log. The driver walks the recording's
// steps: each input is delivered at its recorded time (the clock moved
// there with AdvanceTo), each recorded engine-timer firing runs the
// engine's next timer (RunNext, after checking it is due at the recorded
// time), and the simulator's own callbacks are only counted. So inputs and
// engine timers interleave exactly as the day's one clock queue ran them.
//
// Guarantee: the replay either reproduces the day, with the engine's lines
// of the event log byte for byte and the same number of events, or stops at
// the first divergence with a FailedPrecondition naming it: a command that
// differs from the recorded one, a facade call whose answer differs, an
// engine timer due at another time (or missing, or one due before an
// input that the day delivered first), a recorded command never given.
//
// Not thread-safe: use from one thread.
#ifndef DIALER_SIM_REPLAYER_H_
#define DIALER_SIM_REPLAYER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>

#include "absl/status/status.h"
#include "dialer/engine.h"
#include "dialer/simulated_clock.h"
#include "dialer/store.h"
#include "sim/event_log.h"
#include "sim/replay_provider.h"
#include "sim/replay_recording.h"

namespace dialer::sim {

class Replayer {
 public:
  // `recording` must outlive the replayer. `event_log` (may be null)
  // receives the engine's lines of the event log (the "src":"engine" lines
  // of the simulated day's log, in the same format).
  explicit Replayer(const Recording& recording,
                    std::ostream* event_log = nullptr);
  ~Replayer();
  Replayer(const Replayer&) = delete;
  Replayer& operator=(const Replayer&) = delete;

  // Creates the engine. Call once, first.
  absl::Status Start();
  // Replays steps until at least `events` clock callbacks are accounted
  // for (engine timers run plus the simulator's own, counted), with the
  // inputs that follow them up to the next callback; the whole day when
  // `events` is at least the recording's. Returns the first divergence.
  absl::Status RunUntilEvents(int64_t events);
  // Replays the rest of the day, then checks that every recorded command
  // was given and that the day's number of events was reached.
  absl::Status RunToEnd();

  // Clock callbacks of the day accounted for so far.
  int64_t events() const { return events_; }
  // The engine's timers run so far (the rest of events() is the
  // simulator's).
  int64_t engine_timers() const { return clock_.executed(); }
  // Inputs delivered so far (provider events and facade calls).
  int64_t inputs() const { return inputs_; }

 private:
  absl::Status RunStep(const ReplayStep& step);
  absl::Status Deliver(const ReplayStep& step);
  absl::Status Call(const FacadeCall& call);
  absl::Status Diverged(const ReplayStep& step, std::string what) const;

  const Recording& rec_;
  SimulatedClock clock_;
  EventLog log_;
  std::unique_ptr<EventLogSink> sink_;
  ReplayProvider provider_;
  MemoryStore store_;
  std::unique_ptr<Engine> engine_;
  size_t next_step_ = 0;
  int64_t events_ = 0;
  int64_t inputs_ = 0;
};

// Replays `recording` to its end (Start, RunToEnd).
[[nodiscard]] absl::Status Replay(const Recording& recording,
                                  std::ostream* event_log = nullptr);

}  // namespace dialer::sim

#endif  // DIALER_SIM_REPLAYER_H_
