// The rig of the field-failure tests (docs/field-failures.md): a real engine
// behind its public facade, on a manual clock, with the recording provider
// and sink of the engine tests. Every test builds the world it needs from
// here, so the scenario in each test reads like the complaint it answers.
#ifndef DIALER_TESTS_FIELD_FAILURES_HARNESS_H_
#define DIALER_TESTS_FIELD_FAILURES_HARNESS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "dialer/engine.h"
#include "dialer/manual_clock.h"
#include "dialer/store.h"
#include "gtest/gtest.h"
#include "tests/engine/fakes.h"

namespace dialer::field {

using E = ProviderEventType;

// `civil` read in `zone` (an IANA name the tz database has).
inline absl::Time At(const char* zone, absl::CivilSecond civil) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(zone, &tz)) << zone;
  return absl::FromCivil(civil, tz);
}

inline absl::Time Utc(absl::CivilSecond civil) {
  return absl::FromCivil(civil, absl::UTCTimeZone());
}

// The hour (0-23) `t` shows on a wall clock in `zone`, computed apart from
// the engine: the tests' own oracle.
inline int LocalHour(absl::Time t, const char* zone) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(zone, &tz)) << zone;
  return absl::ToCivilHour(t, tz).hour();
}

inline Contact Person(std::string phone, std::string time_zone = "",
                      std::string state = "") {
  Contact c;
  c.first_name = "Pat";
  c.last_name = "Prospect";
  c.company = "Acme";
  c.phone = std::move(phone);
  c.time_zone = std::move(time_zone);
  c.state = std::move(state);
  return c;
}

// `n` people in New York, +12127341000 + first onward.
inline std::vector<Contact> NewYorkers(int n, int first = 0) {
  std::vector<Contact> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(Person("+1212734" + std::to_string(1000 + first + i),
                         "America/New_York"));
  }
  return out;
}

// Tuesday 2026-03-10, 10:00 in New York (EDT): inside every US window.
inline absl::Time TuesdayTenNewYork() {
  return At("America/New_York", absl::CivilSecond(2026, 3, 10, 10, 0, 0));
}

class Rig {
 public:
  explicit Rig(absl::Time start) : clock_(start) {}

  // Creates the engine and adds `config` (id defaults to "c1", with one
  // owned caller ID; everything else is the campaign default).
  void Start(CampaignConfig config = {}) {
    auto engine =
        Engine::Create(options, {&clock_, &provider_, &store_, &sink_});
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = *std::move(engine);
    AddCampaign(std::move(config));
  }

  void AddCampaign(CampaignConfig config) {
    if (config.id.empty()) config.id = "c1";
    if (config.caller_ids.empty()) config.caller_ids = {"+12125550100"};
    ASSERT_TRUE(engine_->AddCampaign(config).ok()) << config.id;
  }

  std::vector<ContactId> Add(std::vector<Contact> contacts,
                             const std::string& campaign = "c1") {
    auto ids = engine_->AddContacts(campaign, std::move(contacts));
    EXPECT_TRUE(ids.ok()) << ids.status();
    return ids.ok() ? *ids : std::vector<ContactId>{};
  }

  void LoginReady(const std::string& agent,
                  const std::string& campaign = "c1") {
    ASSERT_TRUE(engine_->Login(agent, campaign).ok()) << agent;
    ASSERT_TRUE(engine_->Ready(agent).ok()) << agent;
    clock_.RunDue();
  }

  AgentState StateOf(const std::string& agent) {
    auto a = engine_->GetAgent(agent);
    EXPECT_TRUE(a.ok()) << a.status();
    return a.ok() ? a->state : AgentState::kLoggedOut;
  }

  CampaignStats Stats(const std::string& campaign = "c1") {
    auto s = engine_->GetCampaignStats(campaign);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : CampaignStats{};
  }

  // Every PlaceCall so far, in order.
  std::vector<DialRequest> Dials() const {
    std::vector<DialRequest> out;
    for (const testing::Command& c : provider_.commands) {
      if (c.verb == "place") out.push_back(c.request);
    }
    return out;
  }

  // When each call was placed (the engine writes the attempt first).
  std::vector<absl::Time> DialTimes() {
    std::vector<absl::Time> out;
    for (const AttemptStarted& a : store_.Snapshot().attempts_started) {
      out.push_back(a.at);
    }
    return out;
  }

  // The agent's ringing power-mode call rings out.
  void RingOut(CallId call) {
    provider_.Send(E::kRinging, call);
    clock_.Advance(absl::Seconds(25));
    provider_.Send(E::kCompleted, call, CallEndStatus::kNoAnswer);
  }

  // The agent's power-mode call is answered, talked for `talk` and hung up.
  void Talk(CallId call, absl::Duration talk = absl::Seconds(60)) {
    provider_.Send(E::kRinging, call);
    provider_.Send(E::kAnswered, call);
    clock_.Advance(talk);
    provider_.Send(E::kCompleted, call);
  }

  ManualClock& clock() { return clock_; }
  testing::FakeProvider& provider() { return provider_; }
  testing::RecordingSink& sink() { return sink_; }
  MemoryStore& store() { return store_; }
  Engine& engine() { return *engine_; }

  // Read by Start().
  EngineOptions options;

 private:
  ManualClock clock_;
  testing::FakeProvider provider_;
  MemoryStore store_;
  testing::RecordingSink sink_;
  std::unique_ptr<Engine> engine_;  // declared last: destroyed first
};

}  // namespace dialer::field

#endif  // DIALER_TESTS_FIELD_FAILURES_HARNESS_H_
