// Embedding the engine from C++: a power-dial session against a toy
// provider that answers every call. A real host passes Clock::System() and
// its own TelephonyProvider (Twilio, a switch); everything else is the same.
#include <iostream>

#include "dialer/engine.h"
#include "dialer/manual_clock.h"

// The host's telephony: here every call rings 3 s, is answered, and the
// prospect talks for a minute.
class ToyProvider : public dialer::TelephonyProvider {
 public:
  explicit ToyProvider(dialer::ManualClock& clock) : clock_(clock) {}
  void SetListener(dialer::ProviderEventListener* l) override { listener_ = l; }
  absl::Status PlaceCall(const dialer::DialRequest& r) override {
    Later(absl::Seconds(3), dialer::ProviderEventType::kAnswered, r.call_id);
    Later(absl::Seconds(63), dialer::ProviderEventType::kCompleted, r.call_id);
    return absl::OkStatus();
  }
  absl::Status CancelCall(dialer::CallId) override { return absl::OkStatus(); }
  absl::Status Hangup(dialer::CallId) override { return absl::OkStatus(); }
  absl::Status Bridge(dialer::CallId, std::string_view) override {
    return absl::OkStatus();
  }
  absl::Status PlayAndHangup(dialer::CallId, std::string_view, bool) override {
    return absl::OkStatus();
  }

 private:
  void Later(absl::Duration d, dialer::ProviderEventType type,
             dialer::CallId call) {
    clock_.ScheduleAt(clock_.Now() + d, [this, type, call] {
      dialer::ProviderEvent e;
      e.type = type;
      e.call_id = call;
      if (listener_ != nullptr) listener_->OnProviderEvent(e);
    });
  }
  dialer::ManualClock& clock_;
  dialer::ProviderEventListener* listener_ = nullptr;
};

// The host's UI: print what an agent's screen would show, and disposition
// each conversation as soon as it ends.
class Console : public dialer::EventSink {
 public:
  dialer::Engine* engine = nullptr;
  int conversations = 0;
  void OnScreenPop(const dialer::ScreenPop& pop) override {
    std::cout << "screen pop for " << pop.agent_id << ": "
              << pop.contact.first_name << " " << pop.contact.last_name
              << ", " << pop.contact.company << "\n";
  }
  void OnAgentState(const dialer::AgentStateEvent& e) override {
    if (e.to != dialer::AgentState::kWrapUp) return;
    ++conversations;
    // Callbacks run on the engine's strand; calling back in is allowed.
    (void)engine->Disposition(e.agent_id, {"meeting_booked", "demo on Friday"});
  }
};

int main() {
  // Tuesday 2026-03-10 10:00 in New York: inside the calling window.
  dialer::ManualClock clock(absl::FromUnixSeconds(1773151200));
  ToyProvider provider(clock);
  dialer::MemoryStore store;
  Console console;
  auto engine =
      dialer::Engine::Create({}, {&clock, &provider, &store, &console});
  if (!engine.ok()) {
    std::cerr << engine.status() << "\n";
    return 1;
  }
  console.engine = engine->get();

  dialer::CampaignConfig campaign;
  campaign.id = "q3-outbound";
  campaign.caller_ids = {"+12125550100"};
  campaign.wrap_up.auto_ready_after = absl::Seconds(5);
  if (absl::Status s = (*engine)->AddCampaign(campaign); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  dialer::Contact ada;
  ada.first_name = "Ada";
  ada.last_name = "Lovelace";
  ada.company = "Analytical Engines";
  ada.phone = "+12127340001";
  ada.time_zone = "America/New_York";
  dialer::Contact grace = ada;
  grace.first_name = "Grace";
  grace.last_name = "Hopper";
  grace.company = "Compilers Inc";
  grace.phone = "+12127340002";
  if (auto ids = (*engine)->AddContacts("q3-outbound", {ada, grace});
      !ids.ok()) {
    std::cerr << ids.status() << "\n";
    return 1;
  }
  (void)(*engine)->Login("alice", "q3-outbound");
  (void)(*engine)->Ready("alice");
  clock.Advance(absl::Minutes(10));

  auto stats = (*engine)->GetCampaignStats("q3-outbound");
  std::cout << "dials " << stats->dials << ", conversations "
            << console.conversations << ", talk "
            << absl::ToInt64Seconds(stats->talk_time) << " s\n";
  return stats->dials == 2 && console.conversations == 2 ? 0 : 1;
}
