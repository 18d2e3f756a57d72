// The simulator's event log: one JSON object per line for every engine event
// (EventSink), provider command and event, and simulated-agent action, each
// stamped with the simulated time. With the same seed the log is identical
// byte for byte, which is what the determinism test compares.
//
// Line shapes (keys in this order; "t" is UTC with microseconds):
//   {"t":...,"src":"engine","type":"agent_state","agent":...,"from":...,"to":...,"reason":...}
//   {"t":...,"src":"engine","type":"call","call":N,"contact":N,"agent":...,"phone":...,"state":...,"detail":...}
//   {"t":...,"src":"engine","type":"screen_pop","agent":...,"call":N,"contact":N,"preview":bool}
//   {"t":...,"src":"engine","type":"alert","severity":...,"code":...,"agent":...,"message":...}
//   {"t":...,"src":"engine","type":"log","level":...,"message":...}
//   {"t":...,"src":"provider","type":"command","command":...,"call":N,"detail":...,"status":...}
//   {"t":...,"src":"provider","type":"event","event":...,"call":N[,"amd":...][,"status":...,"duration_s":X]}
//   {"t":...,"src":"agent","type":"action","agent":...,"action":...,"detail":...,"status":...}
//
// Not thread-safe (the simulator is single threaded).
#ifndef DIALER_SIM_EVENT_LOG_H_
#define DIALER_SIM_EVENT_LOG_H_

#include <ostream>
#include <string_view>

#include "absl/status/status.h"
#include "dialer/clock.h"
#include "dialer/events.h"
#include "dialer/telephony.h"
#include "sim/simulated_provider.h"

namespace dialer::sim {

class EventLog : public SimulatedProvider::Observer {
 public:
  // `out` may be null: then nothing is written. Both must outlive the log.
  EventLog(Clock* clock, std::ostream* out) : clock_(clock), out_(out) {}

  bool enabled() const { return out_ != nullptr; }

  void AgentState(const AgentStateEvent& e);
  void Call(const CallEvent& e);
  void ScreenPopShown(const ScreenPop& p);
  void AlertRaised(const Alert& a);
  void LogLine(LogLevel level, std::string_view message);
  void AgentAction(std::string_view agent, std::string_view action,
                   std::string_view detail, const absl::Status& status);

  void OnCommand(std::string_view command, CallId call,
                 std::string_view detail, const absl::Status& result) override;
  void OnEvent(const ProviderEvent& event) override;

 private:
  // Starts a line: {"t":"...","src":"<src>","type":"<type>"
  std::ostream& Begin(std::string_view src, std::string_view type);

  Clock* const clock_;
  std::ostream* const out_;
};

// The engine's host events into an event log, line for line. The
// simulator extends it to also tell its simulated agents.
class EventLogSink : public EventSink {
 public:
  explicit EventLogSink(EventLog* log) : log_(log) {}
  void OnAgentState(const AgentStateEvent& e) override { log_->AgentState(e); }
  void OnScreenPop(const ScreenPop& p) override { log_->ScreenPopShown(p); }
  void OnCallEvent(const CallEvent& e) override { log_->Call(e); }
  void OnAlert(const Alert& a) override { log_->AlertRaised(a); }
  void OnLog(LogLevel level, std::string_view message) override {
    log_->LogLine(level, message);
  }

 private:
  EventLog* const log_;
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_EVENT_LOG_H_
