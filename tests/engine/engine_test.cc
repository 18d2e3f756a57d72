#include "dialer/engine.h"

#include <memory>
#include <thread>
#include <vector>

#include "dialer/manual_clock.h"
#include "dialer/store.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/fakes.h"

namespace dialer {
namespace {

using ::dialer::testing::Command;
using ::dialer::testing::FakeProvider;
using ::dialer::testing::RecordingSink;
using ::testing::HasSubstr;
using E = ProviderEventType;

// Tuesday 2026-03-10, 10:00 in New York (EDT): inside every calling window.
const absl::Time kTuesdayTenAmNewYork = absl::FromUnixSeconds(1773151200);

Contact NewYorker(std::string phone, std::string first = "Ada") {
  Contact c;
  c.first_name = std::move(first);
  c.last_name = "Lovelace";
  c.company = "Analytical Engines";
  c.title = "VP Sales";
  c.phone = std::move(phone);
  c.time_zone = "America/New_York";
  c.state = "NY";
  return c;
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override { clock_ = std::make_unique<ManualClock>(kTuesdayTenAmNewYork); }

  // `store` defaults to store_.
  void Start(CampaignConfig config = {}, Store* store = nullptr) {
    if (config.id.empty()) config.id = "c1";
    if (config.caller_ids.empty()) config.caller_ids = {"+12125550100"};
    config.auto_advance_delay = absl::Seconds(2);
    campaign_ = config;
    auto engine = Engine::Create(
        {}, {clock_.get(), &provider_, store != nullptr ? store : &store_, &sink_});
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = *std::move(engine);
    ASSERT_TRUE(engine_->AddCampaign(config).ok());
  }

  std::vector<ContactId> Add(std::vector<Contact> contacts) {
    auto ids = engine_->AddContacts(campaign_.id, std::move(contacts));
    EXPECT_TRUE(ids.ok()) << ids.status();
    return ids.ok() ? *ids : std::vector<ContactId>{};
  }

  void LoginReady(std::string agent = "alice") {
    ASSERT_TRUE(engine_->Login(agent, campaign_.id).ok());
    ASSERT_TRUE(engine_->Ready(agent).ok());
    clock_->RunDue();
  }

  AgentState StateOf(std::string agent = "alice") {
    auto a = engine_->GetAgent(agent);
    EXPECT_TRUE(a.ok());
    return a.ok() ? a->state : AgentState::kLoggedOut;
  }

  // Drives the agent's current call to a conversation that ends.
  CallId TalkAndHangUp() {
    CallId call = provider_.LastPlaced();
    provider_.Send(E::kRinging, call);
    provider_.Send(E::kAnswered, call);
    clock_->Advance(absl::Seconds(90));
    provider_.Send(E::kCompleted, call);
    return call;
  }

  std::unique_ptr<ManualClock> clock_;
  FakeProvider provider_;
  MemoryStore store_;
  RecordingSink sink_;
  CampaignConfig campaign_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineTest, CreateRequiresClockProviderAndStore) {
  EXPECT_EQ(Engine::Create({}, {nullptr, &provider_, &store_, &sink_})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Engine::Create({}, {clock_.get(), nullptr, &store_, &sink_})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Engine::Create({}, {clock_.get(), &provider_, nullptr, &sink_})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(EngineTest, RejectsInvalidAndDuplicateCampaigns) {
  Start();
  CampaignConfig bad;
  EXPECT_EQ(engine_->AddCampaign(bad).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->AddCampaign(campaign_).code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(EngineTest, PowerModeDialsOneCallPerReadyAgentWithTheAgentListening) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  ASSERT_EQ(provider_.Placed().size(), 1u);
  const Command& place = provider_.commands.front();
  EXPECT_EQ(place.request.to, "+12127340001");
  EXPECT_EQ(place.request.caller_id, "+12125550100");
  EXPECT_EQ(place.request.amd, AmdMode::kOff);
  EXPECT_EQ(place.request.conference, "agent:alice");
  EXPECT_GE(place.request.ring_timeout, absl::Seconds(15));
  EXPECT_EQ(StateOf(), AgentState::kDialing);
  // Only one line: nothing more is dialed while the first call rings.
  clock_->Advance(absl::Seconds(10));
  EXPECT_EQ(provider_.Placed().size(), 1u);
}

TEST_F(EngineTest, AttemptIsStoredBeforeTheCallIsPlaced) {
  Start();
  Add({NewYorker("+12127340001")});
  int attempts_seen_at_place = -1;
  provider_.on_place = [&](const DialRequest& r) {
    auto snap = store_.Snapshot();
    attempts_seen_at_place = 0;
    for (const AttemptStarted& a : snap.attempts_started) {
      attempts_seen_at_place += a.call_id == r.call_id;
    }
  };
  LoginReady();
  EXPECT_EQ(attempts_seen_at_place, 1);
}

TEST_F(EngineTest, AnswerConnectsAgentAndPopsTheContact) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  ASSERT_FALSE(sink_.pops.empty());
  const ScreenPop& pop = sink_.pops.back();
  EXPECT_EQ(pop.agent_id, "alice");
  EXPECT_EQ(pop.call_id, call);
  EXPECT_EQ(pop.contact.first_name, "Ada");
  EXPECT_EQ(pop.contact.company, "Analytical Engines");
  EXPECT_EQ(pop.contact.title, "VP Sales");
  provider_.Send(E::kRinging, call);
  provider_.Send(E::kAnswered, call);
  EXPECT_EQ(StateOf(), AgentState::kOnCall);
  // The agent, not a detector, tells a person from a machine in power mode:
  // a call that ends without a voicemail drop was a conversation.
  clock_->Advance(absl::Seconds(30));
  provider_.Send(E::kCompleted, call);
  auto stats = engine_->GetCampaignStats("c1");
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->human_answers, 1);
  EXPECT_EQ(stats->connects, 1);
  EXPECT_EQ(stats->machine_answers, 0);
  EXPECT_EQ(stats->abandoned, 0);
}

TEST_F(EngineTest, CallEndLeadsToWrapUpThenDispositionThenNextContact) {
  campaign_.wrap_up.mode = WrapUpConfig::Mode::kAuto;
  campaign_.wrap_up.auto_ready_after = absl::Seconds(10);
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  TalkAndHangUp();
  EXPECT_EQ(StateOf(), AgentState::kWrapUp);
  auto stats = engine_->GetCampaignStats("c1");
  EXPECT_EQ(stats->talk_time, absl::Seconds(90));
  // Not ready before the disposition, whatever the timers do.
  EXPECT_EQ(engine_->Ready("alice").code(),
            absl::StatusCode::kFailedPrecondition);
  clock_->Advance(absl::Minutes(5));
  EXPECT_EQ(StateOf(), AgentState::kWrapUp);
  DispositionInput d;
  d.code = "not_interested";
  d.notes = "uses a competitor";
  ASSERT_TRUE(engine_->Disposition("alice", d).ok());
  clock_->Advance(absl::Seconds(10));  // auto wrap-up countdown
  EXPECT_EQ(StateOf(), AgentState::kReady);
  clock_->Advance(absl::Seconds(2));  // auto-advance delay
  EXPECT_EQ(provider_.Placed().size(), 2u);
  EXPECT_EQ(provider_.LastRequest().to, "+12127340002");
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].code, "not_interested");
  EXPECT_EQ(snap.dispositions[0].notes, "uses a competitor");
  EXPECT_EQ(snap.dispositions[0].agent_id, "alice");
}

TEST_F(EngineTest, ManualWrapUpWaitsForReady) {
  campaign_.wrap_up.mode = WrapUpConfig::Mode::kManual;
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  TalkAndHangUp();
  ASSERT_TRUE(engine_->Disposition("alice", {"connected"}).ok());
  clock_->Advance(absl::Hours(1));
  EXPECT_EQ(StateOf(), AgentState::kWrapUp);
  ASSERT_TRUE(engine_->Ready("alice").ok());
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, ForcedWrapUpMaximumAdvancesAnUndispositionedAgent) {
  campaign_.wrap_up.mode = WrapUpConfig::Mode::kManual;
  campaign_.wrap_up.max = absl::Seconds(120);
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  TalkAndHangUp();
  clock_->Advance(absl::Seconds(119));
  EXPECT_EQ(StateOf(), AgentState::kWrapUp);
  clock_->Advance(absl::Seconds(1));
  EXPECT_NE(StateOf(), AgentState::kWrapUp);
  EXPECT_TRUE(sink_.HasAlert("wrap_up_expired"));
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].code, "wrap_up_expired");
}

TEST_F(EngineTest, NoAnswerIsDispositionedAutomaticallyAndRetriedLater) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  provider_.Send(E::kRinging, call);
  clock_->Advance(absl::Seconds(25));
  provider_.Send(E::kCompleted, call, CallEndStatus::kNoAnswer);
  EXPECT_EQ(StateOf(), AgentState::kReady);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].code, "no_answer");
  EXPECT_TRUE(snap.dispositions[0].agent_id.empty());
  // Retried by the rules (no answer: 4 h), not at once.
  clock_->Advance(absl::Hours(3));
  EXPECT_EQ(provider_.Placed().size(), 1u);
  clock_->Advance(absl::Hours(1) + absl::Seconds(5));
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, AttemptEndAndAutomaticDispositionAreOneCommit) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  const int64_t before = store_.commits();  // includes the attempt_started
  CallId call = provider_.LastPlaced();
  provider_.Send(E::kRinging, call);
  clock_->Advance(absl::Seconds(25));
  provider_.Send(E::kCompleted, call, CallEndStatus::kNoAnswer);
  // One grouped write: the end of the attempt, then its disposition.
  EXPECT_EQ(store_.commits(), before + 1);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.attempts_ended.size(), 1u);
  EXPECT_EQ(snap.attempts_ended[0].call_id, call);
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].call_id, call);
  EXPECT_EQ(snap.dispositions[0].code, "no_answer");
}

TEST_F(EngineTest, AgentHangUpKeepsTheConversationOnRecord) {
  // The agent hangs up 60 s into the conversation; the provider's
  // completion arrives 3 s later. The attempt, the talk time and the
  // person's last conversation (which the general cap's cool-off reads)
  // must all say "a 60-s conversation".
  campaign_.general_cap.cool_off_after_conversation = absl::Hours(48);
  campaign_.retry.min_delay = absl::Minutes(1);
  Start(campaign_);
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  provider_.Send(E::kRinging, call);
  provider_.Send(E::kAnswered, call);
  clock_->Advance(absl::Seconds(60));
  ASSERT_TRUE(engine_->Hangup("alice").ok());
  clock_->Advance(absl::Seconds(3));
  provider_.Send(E::kCompleted, call);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.attempts_ended.size(), 1u);
  EXPECT_EQ(snap.attempts_ended[0].talk, absl::Seconds(60));
  EXPECT_EQ(engine_->GetCampaignStats("c1")->talk_time, absl::Seconds(60));
  DispositionInput d;
  d.code = "callback";
  d.callback_at = clock_->Now() + absl::Hours(1);
  ASSERT_TRUE(engine_->Disposition("alice", d).ok());
  (void)engine_->Ready("alice");  // manual wrap-up; auto needs no call
  // The callback is due in an hour, but the cool-off after the
  // conversation holds the person for 48 h.
  clock_->Advance(absl::Hours(2));
  EXPECT_EQ(provider_.Placed().size(), 1u);
  EXPECT_GE(engine_->GetCampaignStats("c1")->blocked_by_compliance, 1);
  bool cool_off_audited = false;
  for (const AuditRecord& a : store_.Snapshot().audit) {
    if (a.decision.find("conversation_cool_off") != std::string::npos) {
      cool_off_audited = true;
    }
  }
  EXPECT_TRUE(cool_off_audited);
}

TEST_F(EngineTest, GeneralCapCountsEveryCallToThePersonOverItsWindow) {
  // Regulation F style: at most 3 calls in 7 days (12 CFR 1006.14(b)(2)),
  // though the campaign's own retry rules would call every 2 hours.
  campaign_.general_cap.count = 3;
  campaign_.general_cap.window = absl::Hours(24 * 7);
  campaign_.retry.max_attempts = 20;
  campaign_.retry.max_attempts_per_day = 10;
  campaign_.retry.min_delay = absl::Hours(2);
  campaign_.retry.by_disposition["no_answer"] = absl::Hours(2);
  Start(campaign_);
  Add({NewYorker("+12127340001")});
  LoginReady();
  auto ring_out = [&] {
    CallId call = provider_.LastPlaced();
    provider_.Send(E::kRinging, call);
    clock_->Advance(absl::Seconds(25));
    provider_.Send(E::kCompleted, call, CallEndStatus::kNoAnswer);
  };
  ring_out();
  clock_->Advance(absl::Hours(2) + absl::Seconds(5));
  ASSERT_EQ(provider_.Placed().size(), 2u);
  ring_out();
  clock_->Advance(absl::Hours(2) + absl::Seconds(5));
  ASSERT_EQ(provider_.Placed().size(), 3u);
  ring_out();
  // The fourth call waits until the first falls out of the 7-day window,
  // whatever the retry rules say (only calling hours pass meanwhile).
  for (int h = 0; h < 24 * 7 - 5; ++h) clock_->Advance(absl::Hours(1));
  EXPECT_EQ(provider_.Placed().size(), 3u);
  bool cap_audited = false;
  for (const AuditRecord& a : store_.Snapshot().audit) {
    if (a.decision.find("attempt_cap_general") != std::string::npos) {
      cap_audited = true;
    }
  }
  EXPECT_TRUE(cap_audited);
  // Next Tuesday 10:00 the first call leaves the window: one call, and the
  // next only when the second call leaves it too (a sliding window).
  clock_->Advance(absl::Minutes(90));
  EXPECT_EQ(provider_.Placed().size(), 4u);
}

TEST_F(EngineTest, ContactIdsOutOfSequenceAreStillFound) {
  // A host store may hand out ids with gaps; the engine's contact table
  // then leaves its dense mode and must still find every contact.
  class GappyStore : public StoreWrapper {
   public:
    explicit GappyStore(Store* target) : StoreWrapper(target) {}
    absl::StatusOr<std::vector<ContactId>> AddContacts(
        const std::vector<Contact>& contacts) override {
      auto ids = StoreWrapper::AddContacts(contacts);
      if (!ids.ok()) return ids;
      // Every contact is in the target under its real id; report those
      // ids, but add and drop a throwaway contact first so the next real
      // id skips one.
      auto gap = StoreWrapper::AddContacts({contacts.front()});
      (void)gap;
      return ids;
    }
  };
  GappyStore gappy(&store_);
  Start({}, &gappy);
  std::vector<ContactId> first = Add({NewYorker("+12127340001")});
  std::vector<ContactId> second = Add({NewYorker("+12127340002")});
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_GT(second[0], first[0] + 1);  // the gap
  LoginReady();
  // Both contacts are dialed, each under its own id.
  CallId call = provider_.LastPlaced();
  provider_.Send(E::kCompleted, call, CallEndStatus::kBusy);
  clock_->Advance(absl::Seconds(3));
  ASSERT_EQ(provider_.Placed().size(), 2u);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.attempts_started.size(), 2u);
  EXPECT_EQ(snap.attempts_started[0].contact_id, first[0]);
  EXPECT_EQ(snap.attempts_started[1].contact_id, second[0]);
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].contact_id, first[0]);
  engine_.reset();  // before `gappy` goes
}

// The engine's timers live in the engine (TimerSlab); the clock holds only
// handles. Destroying the engine with timers pending cancels every one of
// them on the clock, and running the clock afterwards touches nothing.
TEST_F(EngineTest, DestroyedWithTimersPendingCancelsThemAll) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  ASSERT_EQ(provider_.Placed().size(), 1u);
  ASSERT_GT(clock_->pending(), 0);  // at least the call's guard timer
  engine_.reset();
  EXPECT_EQ(clock_->pending(), 0);
  clock_->Advance(absl::Hours(2));
  EXPECT_EQ(provider_.Placed().size(), 1u);
}

// A clock may still hold (and run) an engine timer's handle after the
// engine is gone, e.g. one a system clock thread popped just before: the
// handle must see that and do nothing.
TEST_F(EngineTest, TimerHandleRunAfterTheEngineIsGoneDoesNothing) {
  // Keeps every callback, cancelled or not, to run it later.
  class HoardingClock : public ClockWrapper {
   public:
    using ClockWrapper::ClockWrapper;
    TimerId ScheduleAt(absl::Time, absl::AnyInvocable<void()> fn) override {
      kept.push_back(std::move(fn));
      return static_cast<TimerId>(kept.size());
    }
    bool Cancel(TimerId) override { return false; }
    std::vector<absl::AnyInvocable<void()>> kept;
  };
  HoardingClock hoarding(clock_.get());
  {
    auto engine = Engine::Create({}, {&hoarding, &provider_, &store_, &sink_});
    ASSERT_TRUE(engine.ok()) << engine.status();
    CampaignConfig config;
    config.id = "c1";
    config.caller_ids = {"+12125550100"};
    ASSERT_TRUE((*engine)->AddCampaign(config).ok());
    ASSERT_TRUE((*engine)->AddContacts("c1", {NewYorker("+12127340001")}).ok());
    ASSERT_TRUE((*engine)->Login("alice", "c1").ok());
    ASSERT_TRUE((*engine)->Ready("alice").ok());
  }
  ASSERT_FALSE(hoarding.kept.empty());
  const size_t placed = provider_.Placed().size();
  for (auto& fn : hoarding.kept) {
    if (fn) fn();  // ASan: no use of the destroyed engine
  }
  EXPECT_EQ(provider_.Placed().size(), placed);
  hoarding.kept.clear();
}

TEST_F(EngineTest, BusyAndFailedAreDispositionedAutomatically) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  provider_.Send(E::kCompleted, provider_.LastPlaced(), CallEndStatus::kBusy);
  clock_->Advance(absl::Seconds(2));
  ProviderEvent failed;
  failed.type = E::kFailed;
  failed.call_id = provider_.LastPlaced();
  failed.error = {21217, "Phone number does not appear to be valid"};
  provider_.listener_->OnProviderEvent(failed);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dispositions.size(), 2u);
  EXPECT_EQ(snap.dispositions[0].code, "busy");
  EXPECT_EQ(snap.dispositions[1].code, "failed");
  ASSERT_EQ(snap.attempts_ended.size(), 2u);
  EXPECT_THAT(snap.attempts_ended[1].provider_error, HasSubstr("21217"));
  auto stats = engine_->GetCampaignStats("c1");
  EXPECT_EQ(stats->busy, 1);
  EXPECT_EQ(stats->failed, 1);
}

TEST_F(EngineTest, RejectedPlaceCallEndsTheAttemptAsFailed) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  provider_.next_place_status = absl::UnavailableError("trunk down");
  LoginReady();
  EXPECT_EQ(StateOf(), AgentState::kReady);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.attempts_ended.size(), 1u);
  EXPECT_EQ(snap.attempts_ended[0].status, CallEndStatus::kFailed);
  provider_.next_place_status = absl::OkStatus();
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, DuplicateProviderEventsAreIgnored) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  ProviderEvent answered{E::kAnswered, call};
  EXPECT_TRUE(engine_->HandleProviderEvent(answered).ok());
  EXPECT_TRUE(engine_->HandleProviderEvent(answered).ok());
  EXPECT_EQ(engine_->GetCampaignStats("c1")->answers, 1);
  ProviderEvent done{E::kCompleted, call};
  EXPECT_TRUE(engine_->HandleProviderEvent(done).ok());
  EXPECT_TRUE(engine_->HandleProviderEvent(done).ok());
  EXPECT_EQ(store_.Snapshot().attempts_ended.size(), 1u);
  EXPECT_EQ(StateOf(), AgentState::kWrapUp);
}

TEST_F(EngineTest, LateRingingAfterAnswerIsHarmless) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  EXPECT_TRUE(engine_->HandleProviderEvent({E::kAnswered, call}).ok());
  EXPECT_TRUE(engine_->HandleProviderEvent({E::kRinging, call}).ok());
  EXPECT_EQ(StateOf(), AgentState::kOnCall);
}

TEST_F(EngineTest, AnswerAfterNoAnswerIsRejectedAndChangesNothing) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  ProviderEvent no_answer{E::kCompleted, call};
  no_answer.status = CallEndStatus::kNoAnswer;
  ASSERT_TRUE(engine_->HandleProviderEvent(no_answer).ok());
  const size_t events_before = sink_.agent_states.size();
  absl::Status s = engine_->HandleProviderEvent({E::kAnswered, call});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("never answered"));
  EXPECT_TRUE(sink_.HasAlert("provider_event_rejected"));
  EXPECT_EQ(sink_.agent_states.size(), events_before);
  EXPECT_EQ(StateOf(), AgentState::kReady);
  EXPECT_EQ(engine_->GetCampaignStats("c1")->answers, 0);
}

TEST_F(EngineTest, EventForUnknownCallIsNotFound) {
  Start();
  EXPECT_EQ(engine_->HandleProviderEvent({E::kAnswered, 999}).code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EngineTest, EventDeliveredInsidePlaceCallIsAppliedAfterIt) {
  Start();
  Add({NewYorker("+12127340001")});
  provider_.on_place = [&](const DialRequest& r) {
    provider_.Send(E::kRinging, r.call_id);
    provider_.Send(E::kAnswered, r.call_id);
  };
  LoginReady();
  EXPECT_EQ(StateOf(), AgentState::kOnCall);
}

TEST_F(EngineTest, SilentProviderDoesNotStrandTheAgent) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  clock_->Advance(absl::Seconds(25 + 30));
  EXPECT_TRUE(sink_.HasAlert("call_guard_expired"));
  EXPECT_EQ(provider_.Count("cancel"), 1);
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, PreviewShowsTheContactThenDials) {
  campaign_.preview = absl::Seconds(8);
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002"),
       NewYorker("+12127340003")});
  LoginReady();
  EXPECT_EQ(StateOf(), AgentState::kPreview);
  ASSERT_EQ(sink_.pops.size(), 1u);
  EXPECT_TRUE(sink_.pops[0].preview);
  EXPECT_EQ(provider_.Placed().size(), 0u);
  clock_->Advance(absl::Seconds(8));
  EXPECT_EQ(provider_.Placed().size(), 1u);
  EXPECT_EQ(StateOf(), AgentState::kDialing);
}

TEST_F(EngineTest, PreviewCanBeDialedEarlyOrSkipped) {
  campaign_.preview = absl::Seconds(30);
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  ASSERT_TRUE(engine_->SkipContact("alice").ok());
  clock_->RunDue();
  EXPECT_EQ(StateOf(), AgentState::kPreview);
  ASSERT_EQ(sink_.pops.size(), 2u);
  EXPECT_EQ(sink_.pops[1].contact.phone, "+12127340002");
  ASSERT_TRUE(engine_->DialNow("alice").ok());
  ASSERT_EQ(provider_.Placed().size(), 1u);
  EXPECT_EQ(provider_.LastRequest().to, "+12127340002");
  EXPECT_EQ(engine_->DialNow("alice").code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(EngineTest, CallbackDispositionComesBackAtThePromisedTime) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  TalkAndHangUp();
  DispositionInput d;
  d.code = "callback";
  EXPECT_EQ(engine_->Disposition("alice", d).code(),
            absl::StatusCode::kInvalidArgument);
  d.callback_at = clock_->Now() + absl::Hours(3);
  ASSERT_TRUE(engine_->Disposition("alice", d).ok());
  clock_->Advance(absl::Hours(3) - absl::Seconds(1));
  EXPECT_EQ(provider_.Placed().size(), 1u);
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, DncDispositionBlocksTheNumberEverywhereImmediately) {
  Start();
  CampaignConfig other;
  other.id = "c2";
  other.caller_ids = {"+12125550100"};
  ASSERT_TRUE(engine_->AddCampaign(other).ok());
  Add({NewYorker("+12127340001")});
  ASSERT_TRUE(
      engine_->AddContacts("c2", {NewYorker("+12127340001", "Again")}).ok());
  LoginReady();
  TalkAndHangUp();
  ASSERT_TRUE(engine_->Disposition("alice", {"dnc"}).ok());
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dnc.size(), 1u);
  EXPECT_EQ(snap.dnc[0].phone, "+12127340001");
  ASSERT_TRUE(engine_->Login("bob", "c2").ok());
  ASSERT_TRUE(engine_->Ready("bob").ok());
  clock_->Advance(absl::Minutes(1));
  EXPECT_EQ(provider_.Placed().size(), 1u);  // bob never dials the number
  EXPECT_FALSE(store_.Snapshot().audit.empty());
}

TEST_F(EngineTest, WrongNumberMovesToTheAlternate) {
  Start();
  Contact c = NewYorker("+12127340001");
  c.alternate_phones = {"+12127349999"};
  Add({c});
  LoginReady();
  TalkAndHangUp();
  ASSERT_TRUE(engine_->Disposition("alice", {"wrong_number"}).ok());
  clock_->Advance(absl::Minutes(2));
  ASSERT_EQ(provider_.Placed().size(), 2u);
  EXPECT_EQ(provider_.LastRequest().to, "+12127349999");
}

TEST_F(EngineTest, NotesAttachToTheContact) {
  Start();
  ContactId id = Add({NewYorker("+12127340001")})[0];
  LoginReady();
  ASSERT_TRUE(engine_->AddNote("alice", "asked about pricing").ok());
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.notes.size(), 1u);
  EXPECT_EQ(snap.notes[0].contact_id, id);
  EXPECT_EQ(snap.notes[0].text, "asked about pricing");
  EXPECT_EQ(engine_->AddNote("alice", "").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(EngineTest, BreakDuringACallIsTakenAfterTheDisposition) {
  Start();
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  ASSERT_TRUE(engine_->Break("alice", "lunch").ok());
  EXPECT_EQ(StateOf(), AgentState::kDialing);
  TalkAndHangUp();
  ASSERT_TRUE(engine_->Disposition("alice", {"connected"}).ok());
  clock_->Advance(absl::Minutes(5));
  EXPECT_EQ(StateOf(), AgentState::kBreak);
  EXPECT_EQ(provider_.Placed().size(), 1u);
  ASSERT_TRUE(engine_->Ready("alice").ok());
  clock_->RunDue();
  EXPECT_EQ(provider_.Placed().size(), 2u);
}

TEST_F(EngineTest, LogoutWhileRingingCancelsTheCall) {
  Start();
  Add({NewYorker("+12127340001")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  ASSERT_TRUE(engine_->Logout("alice").ok());
  EXPECT_EQ(provider_.Count("cancel"), 1);
  EXPECT_EQ(StateOf("alice"), AgentState::kLoggedOut);
  EXPECT_EQ(engine_->GetAgent("alice")->state, AgentState::kLoggedOut);
  // The provider confirms the cancel; nothing is left hanging.
  provider_.Send(E::kCompleted, call, CallEndStatus::kCanceled);
  EXPECT_EQ(store_.Snapshot().attempts_ended.size(), 1u);
}

TEST_F(EngineTest, VoicemailDropPlaysAfterTheBeepAndFreesTheAgent) {
  campaign_.voicemail_audio = "https://cdn.example/vm.wav";
  Start(campaign_);
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  provider_.Send(E::kAnswered, call);
  ASSERT_TRUE(engine_->DropVoicemail("alice").ok());
  ASSERT_EQ(provider_.commands.back().verb, "play");
  EXPECT_TRUE(provider_.commands.back().after_beep);
  EXPECT_EQ(provider_.commands.back().arg, "https://cdn.example/vm.wav");
  EXPECT_EQ(StateOf(), AgentState::kReady);
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
  provider_.Send(E::kCompleted, call);
  EXPECT_EQ(engine_->GetCampaignStats("c1")->machine_answers, 1);
  EXPECT_EQ(engine_->GetCampaignStats("c1")->human_answers, 0);
  auto snap = store_.Snapshot();
  ASSERT_FALSE(snap.attempts_ended.empty());
  EXPECT_TRUE(snap.attempts_ended[0].voicemail_dropped);
  EXPECT_EQ(snap.dispositions[0].code, "voicemail");
}

// Without a message to leave, an agent who hung up on a machine used to
// spend a whole wrap-up dispositioning it: on a 7%-answer day where 30% of
// dials reach machines, agents spent most of the day in those wrap-ups.
TEST_F(EngineTest, MachineHangupFreesTheAgentWithoutWrapUp) {
  Start();  // no voicemail_audio
  Add({NewYorker("+12127340001"), NewYorker("+12127340002")});
  LoginReady();
  CallId call = provider_.LastPlaced();
  EXPECT_EQ(engine_->HangupMachine("alice").code(),
            absl::StatusCode::kFailedPrecondition);  // still ringing
  provider_.Send(E::kAnswered, call);
  ASSERT_TRUE(engine_->HangupMachine("alice").ok());
  EXPECT_EQ(provider_.commands.back().verb, "hangup");
  EXPECT_EQ(provider_.commands.back().call, call);
  EXPECT_EQ(StateOf(), AgentState::kReady);
  EXPECT_EQ(engine_->HangupMachine("alice").code(),
            absl::StatusCode::kFailedPrecondition);  // nothing to hang up
  clock_->Advance(absl::Seconds(2));
  EXPECT_EQ(provider_.Placed().size(), 2u);
  provider_.Send(E::kCompleted, call);
  EXPECT_EQ(engine_->GetCampaignStats("c1")->machine_answers, 1);
  EXPECT_EQ(engine_->GetCampaignStats("c1")->human_answers, 0);
  auto snap = store_.Snapshot();
  ASSERT_EQ(snap.dispositions.size(), 1u);
  EXPECT_EQ(snap.dispositions[0].code, "machine");
  ASSERT_FALSE(snap.attempts_ended.empty());
  EXPECT_FALSE(snap.attempts_ended[0].voicemail_dropped);
}

TEST_F(EngineTest, CallingWindowHoldsContactsUntilItOpens) {
  clock_ = std::make_unique<ManualClock>(absl::FromUnixSeconds(1773140400));
  Start();  // 07:00 in New York
  Add({NewYorker("+12127340001")});
  LoginReady();
  EXPECT_EQ(provider_.Placed().size(), 0u);
  clock_->Advance(absl::Minutes(59));
  EXPECT_EQ(provider_.Placed().size(), 0u);
  clock_->Advance(absl::Minutes(2));
  EXPECT_EQ(provider_.Placed().size(), 1u);
}

TEST_F(EngineTest, HostCallbackMayCallBackIntoTheEngine) {
  Start();
  Add({NewYorker("+12127340001")});
  bool noted = false;
  sink_.on_agent_state = [&](const AgentStateEvent& e) {
    if (e.to == AgentState::kOnCall) {
      noted = engine_->AddNote(e.agent_id, "picked up").ok();
    }
  };
  LoginReady();
  provider_.Send(E::kAnswered, provider_.LastPlaced());
  EXPECT_TRUE(noted);
}

TEST_F(EngineTest, FacadeIsSafeFromManyThreads) {
  Start();
  std::vector<Contact> contacts;
  for (int i = 0; i < 50; ++i) {
    contacts.push_back(NewYorker(absl::StrCat("+1212734", 1000 + i)));
  }
  Add(contacts);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      std::string agent = absl::StrCat("agent", t);
      EXPECT_TRUE(engine_->Login(agent, "c1").ok());
      EXPECT_TRUE(engine_->Ready(agent).ok());
      for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(engine_->GetAgent(agent).ok());
        EXPECT_TRUE(engine_->GetCampaignStats("c1").ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  clock_->RunDue();
  EXPECT_EQ(provider_.Placed().size(), 4u);
}

}  // namespace
}  // namespace dialer
