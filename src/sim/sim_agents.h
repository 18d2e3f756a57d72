// The simulated agents: they log in, get ready, recognise answering machines
// they hear (power mode) and drop a voicemail or hang up, disposition each
// call after a wrap-up draw, take the scenario's breaks and log out at the
// end. They act through the Engine facade like people at their screens,
// always from clock callbacks (never inside an engine callback), and they
// keep the time each spends in each state for the report.
//
// Not thread-safe (the simulator is single threaded).
#ifndef DIALER_SIM_SIM_AGENTS_H_
#define DIALER_SIM_SIM_AGENTS_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "dialer/clock.h"
#include "dialer/engine.h"
#include "dialer/events.h"
#include "dialer/simulator.h"
#include "sim/event_log.h"
#include "sim/random.h"
#include "sim/simulated_provider.h"

namespace dialer::sim {

class SimAgents {
 public:
  // All pointers must outlive this object. `engine` may be set later with
  // set_engine (the engine needs the sink that forwards to us).
  SimAgents(const Scenario& scenario, uint64_t seed, std::string campaign_id,
            Clock* clock, const SimulatedProvider* provider, EventLog* log);

  void set_engine(Engine* engine) { engine_ = engine; }

  // Logs every agent in, makes them ready and schedules the breaks.
  void Start();
  // End of the day: every agent goes on break (taken after the call in
  // progress); no new dials start.
  void EndOfDay();
  // Logs every agent out; call once the calls have settled.
  void LogoutAll();

  // The engine's view of an agent changed (forwarded by the EventSink).
  void OnAgentState(const AgentStateEvent& event);

  // True when every agent is on break or logged out.
  bool AllIdle() const { return busy_ == 0; }

  const std::vector<std::string>& ids() const { return ids_; }
  // Sum over agents of the time spent in `state`, up to Now() for the
  // current states.
  absl::Duration TimeIn(AgentState state) const;
  int64_t command_errors() const { return command_errors_; }

 private:
  struct Agent {
    std::string id;
    Rng rng{0};
    AgentState state = AgentState::kLoggedOut;
    absl::Time since;
    double break_for_s = 0;  // > 0: our break request is pending
    // The end of the break in progress: the latest end of the breaks that
    // found the agent away. Returns due earlier are ignored.
    absl::Time back_at = absl::InfinitePast();
    std::array<absl::Duration, 7> time_in{};
  };

  Agent* Find(const std::string& id);
  void Act(Agent& agent, std::string_view action, std::string_view detail,
           absl::Status status);
  void OnCall(Agent& agent);
  // Drops a voicemail on (or hangs up) the machine `id` hears on `call`
  // once recognised; reschedules itself until then.
  void Recognize(const std::string& id, CallId call);
  void WrapUp(Agent& agent);
  void TakeBreak(size_t break_index);
  // Keeps `agent` away until at least `until` (see Agent::back_at).
  void ReturnFromBreakAt(Agent& agent, absl::Time until);
  static bool Busy(AgentState s) {
    return s != AgentState::kBreak && s != AgentState::kLoggedOut;
  }

  const Scenario& scenario_;
  const uint64_t seed_;
  const std::string campaign_id_;
  Clock* const clock_;
  const SimulatedProvider* const provider_;
  EventLog* const log_;
  Engine* engine_ = nullptr;

  std::vector<std::string> ids_;
  std::vector<Agent> agents_;
  absl::flat_hash_map<std::string, size_t> index_;
  int busy_ = 0;
  bool day_over_ = false;
  int64_t command_errors_ = 0;
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_SIM_AGENTS_H_
