// Test doubles for engine tests: a provider that records commands and lets
// the test deliver events, and a sink that records what the host would see.
#ifndef DIALER_TESTS_ENGINE_FAKES_H_
#define DIALER_TESTS_ENGINE_FAKES_H_

#include <functional>
#include <string>
#include <vector>

#include "dialer/events.h"
#include "dialer/telephony.h"

namespace dialer::testing {

struct Command {
  std::string verb;  // place, cancel, hangup, bridge, play
  CallId call = 0;
  DialRequest request;  // place
  std::string arg;      // conference or audio
  bool after_beep = false;
};

class FakeProvider : public TelephonyProvider {
 public:
  void SetListener(ProviderEventListener* l) override { listener_ = l; }
  absl::Status PlaceCall(const DialRequest& r) override {
    if (on_place) on_place(r);
    commands.push_back({"place", r.call_id, r, r.conference});
    return next_place_status;
  }
  absl::Status CancelCall(CallId c) override {
    commands.push_back({"cancel", c, {}, ""});
    return absl::OkStatus();
  }
  absl::Status Hangup(CallId c) override {
    commands.push_back({"hangup", c, {}, ""});
    return absl::OkStatus();
  }
  absl::Status Bridge(CallId c, std::string_view conf) override {
    commands.push_back({"bridge", c, {}, std::string(conf)});
    return absl::OkStatus();
  }
  absl::Status PlayAndHangup(CallId c, std::string_view audio,
                             bool after_beep) override {
    commands.push_back({"play", c, {}, std::string(audio), after_beep});
    return absl::OkStatus();
  }

  void Send(ProviderEventType type, CallId call,
            CallEndStatus status = CallEndStatus::kCompleted,
            AmdResult amd = AmdResult::kUnknown) {
    ProviderEvent e;
    e.type = type;
    e.call_id = call;
    e.status = status;
    e.amd = amd;
    listener_->OnProviderEvent(e);
  }
  std::vector<CallId> Placed() const {
    std::vector<CallId> out;
    for (const Command& c : commands) {
      if (c.verb == "place") out.push_back(c.call);
    }
    return out;
  }
  CallId LastPlaced() const {
    auto p = Placed();
    return p.empty() ? 0 : p.back();
  }
  // The request of the most recent PlaceCall.
  const DialRequest& LastRequest() const {
    static const DialRequest kNone;
    for (auto it = commands.rbegin(); it != commands.rend(); ++it) {
      if (it->verb == "place") return it->request;
    }
    return kNone;
  }
  int Count(std::string_view verb) const {
    int n = 0;
    for (const Command& c : commands) n += c.verb == verb;
    return n;
  }

  ProviderEventListener* listener_ = nullptr;
  std::vector<Command> commands;
  absl::Status next_place_status = absl::OkStatus();
  std::function<void(const DialRequest&)> on_place;
};

class RecordingSink : public EventSink {
 public:
  void OnAgentState(const AgentStateEvent& e) override {
    agent_states.push_back(e);
    if (on_agent_state) on_agent_state(e);
  }
  void OnScreenPop(const ScreenPop& p) override { pops.push_back(p); }
  void OnCallEvent(const CallEvent& e) override { calls.push_back(e); }
  void OnAlert(const Alert& a) override { alerts.push_back(a); }
  void OnLog(LogLevel level, std::string_view m) override {
    logs.push_back(std::to_string(static_cast<int>(level)) + ":" + std::string(m));
  }
  bool HasAlert(std::string_view code) const {
    for (const Alert& a : alerts) {
      if (a.code == code) return true;
    }
    return false;
  }

  std::vector<AgentStateEvent> agent_states;
  std::vector<ScreenPop> pops;
  std::vector<CallEvent> calls;
  std::vector<Alert> alerts;
  std::vector<std::string> logs;
  std::function<void(const AgentStateEvent&)> on_agent_state;
};

}  // namespace dialer::testing

#endif  // DIALER_TESTS_ENGINE_FAKES_H_
