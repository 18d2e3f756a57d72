// A tap between the simulated world and the engine: lets a caller stand in
// the three places where something from outside enters the engine during a
// simulated day (its clock, its provider, its facade) without changing what
// the simulator does. The replay's recorder (sim/replay_recorder.h) is the
// one user.
//
// Not thread-safe (the simulator is single threaded).
#ifndef DIALER_SIM_ENGINE_TAP_H_
#define DIALER_SIM_ENGINE_TAP_H_

#include "absl/status/statusor.h"
#include "dialer/clock.h"
#include "dialer/engine.h"
#include "dialer/simulated_clock.h"
#include "dialer/simulator.h"
#include "dialer/telephony.h"

namespace dialer::sim {

class EngineTap {
 public:
  virtual ~EngineTap() = default;
  // What the engine gets as its clock, in place of the day's `clock`.
  // Called once, before the engine is created.
  virtual Clock* WrapClock(SimulatedClock* clock) = 0;
  // What the engine gets as its provider, in place of the simulated one.
  virtual TelephonyProvider* WrapProvider(TelephonyProvider* provider) = 0;
  // What the simulator (setup, progress, the simulated agents) calls, in
  // place of the engine; called once, right after the engine is created.
  virtual Engine* WrapEngine(Engine* engine) = 0;
  // The day is over (the engine still exists): `events` clock callbacks
  // ran in all.
  virtual void DayOver(int64_t events) = 0;
};

// RunSimulation with `tap` (may be null: then it is RunSimulation).
[[nodiscard]] absl::StatusOr<SimReport> RunTappedSimulation(
    const Scenario& scenario, const SimOptions& options, EngineTap* tap);

}  // namespace dialer::sim

#endif  // DIALER_SIM_ENGINE_TAP_H_
