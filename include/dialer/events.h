// What the engine tells its host: screen pops, agent state changes, call
// progress, alerts and log lines. The host implements EventSink and
// overrides what it cares about; every method has an empty default.
//
// Delivery: on the engine's strand, after the engine finished the step that
// caused the event (its state is consistent), in the order they happened.
// A callback may call back into the engine; that call runs at once, on the
// same strand. REQUIRES: callbacks do not block on another thread that is
// itself calling the engine.
//
// Thread-safety: the engine calls a sink from one thread at a time. Event
// structs are borrowed for the duration of the call only.
#ifndef DIALER_EVENTS_H_
#define DIALER_EVENTS_H_

#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "dialer/contact.h"
#include "dialer/export.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

struct AgentStateEvent {
  std::string agent_id;
  std::string campaign_id;
  AgentState from = AgentState::kLoggedOut;
  AgentState to = AgentState::kLoggedOut;
  std::string reason;  // "login", "call_answered", "wrap_up_expired", ...
  absl::Time at;
};

// The contact an agent is about to talk to (or preview): everything the
// agent needs with zero preparation time.
struct ScreenPop {
  std::string agent_id;
  std::string campaign_id;
  CallId call_id = 0;  // 0 while previewing, before the call exists
  bool preview = false;
  Contact contact;
  std::string talk_track;  // the contact's own, else the campaign's
  absl::Time at;
};

struct CallEvent {
  CallId call_id = 0;
  std::string campaign_id;
  ContactId contact_id = 0;
  std::string agent_id;  // empty until an agent is attached
  std::string phone;
  CallState state = CallState::kDialing;
  // Details by state: the detector verdict ("human"), the end status
  // ("no_answer"), the disposition code applied, the provider error.
  std::string detail;
  absl::Time at;
};

enum class AlertSeverity : int32_t { kInfo = 0, kWarning = 1, kCritical = 2 };

struct Alert {
  AlertSeverity severity = AlertSeverity::kInfo;
  // Stable code: "abandon_rate_approaching", "abandon_rate_stop",
  // "agent_idle_too_long", "provider_event_rejected", ...
  //
  // "agent_idle_too_long" (warning): the agent has been ready for
  // CampaignConfig::agent_idle_alert_after without a call; raised once per
  // spell in the ready state. The message ends with why nothing is
  // dialled, as a stable token then details: "no_contacts_left",
  // "reserved_for_other_agents", "windows_closed" (with the first instant
  // a contact becomes dialable, UTC), "not_due" (retries or callbacks due
  // later, with the first due time), "abandon_stop" (the hard-stop power
  // fallback), "refused" (contacts due but refused by the compliance gate,
  // see the audit log, or their number is on another call).
  std::string code;
  std::string message;
  std::string campaign_id;
  std::string agent_id;
  absl::Time at;
};

enum class LogLevel : int32_t { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

class DIALER_EXPORT EventSink {
 public:
  virtual ~EventSink();
  virtual void OnAgentState(const AgentStateEvent& /*event*/) {}
  virtual void OnScreenPop(const ScreenPop& /*pop*/) {}
  virtual void OnCallEvent(const CallEvent& /*event*/) {}
  virtual void OnAlert(const Alert& /*alert*/) {}
  virtual void OnLog(LogLevel /*level*/, std::string_view /*message*/) {}
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_EVENTS_H_
