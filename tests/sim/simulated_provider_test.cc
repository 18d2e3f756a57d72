#include "sim/simulated_provider.h"

#include <string>
#include <vector>

#include "dialer/simulated_clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/distribution.h"

namespace dialer::sim {
namespace {

using ::testing::ElementsAre;

const absl::Time kStart = absl::FromUnixSeconds(1773151200);  // 10:00 EDT

struct Seen {
  ProviderEventType type;
  double at_s;  // seconds after kStart
  AmdResult amd;
  CallEndStatus status;
  double duration_s;
};

class Recorder : public ProviderEventListener {
 public:
  void OnProviderEvent(const ProviderEvent& e) override {
    seen.push_back({e.type, absl::ToDoubleSeconds(e.at - kStart), e.amd,
                    e.status, absl::ToDoubleSeconds(e.duration)});
  }
  std::vector<ProviderEventType> Types() const {
    std::vector<ProviderEventType> t;
    for (const Seen& s : seen) t.push_back(s.type);
    return t;
  }
  std::vector<Seen> seen;
};

// A world where every call has the same, known fate.
Scenario Fixed(double human, double machine, double busy, double failed) {
  Scenario s;
  s.outcomes = {human, machine, busy, failed, {}};
  s.ring_to_answer_s = ConstDist(8);
  s.amd.latency_s = ConstDist(2);
  s.amd.human_as_machine = 0;
  s.amd.machine_as_human = 0;
  s.patience_s = ConstDist(3);
  s.talk_s = ConstDist(100);
  s.bridge_delay_s = ConstDist(0.5);
  s.contacts.time_zones = {{"America/New_York", 1}};
  return s;
}

class ProviderTest : public ::testing::Test {
 protected:
  void Start(const Scenario& scenario) {
    scenario_ = scenario;
    provider_ = std::make_unique<SimulatedProvider>(
        scenario_, 1, absl::UTCTimeZone(), &clock_,
        [](std::string_view phone) { return phone == "+12125550199" ? 0 : -1; });
    provider_->SetListener(&recorder_);
  }
  DialRequest Request(CallId id, AmdMode amd = AmdMode::kOff,
                      std::string conference = "") {
    DialRequest r;
    r.call_id = id;
    r.to = "+12125550199";
    r.caller_id = "+12125550100";
    r.amd = amd;
    r.conference = std::move(conference);
    return r;
  }
  void RunFor(double seconds) {
    clock_.RunUntil(kStart + absl::Seconds(seconds));
  }

  SimulatedClock clock_{kStart};
  Scenario scenario_;
  Recorder recorder_;
  std::unique_ptr<SimulatedProvider> provider_;
};

TEST_F(ProviderTest, UnbridgedPersonHangsUpAfterGreetingAndPatience) {
  Start(Fixed(1, 0, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kDetectMessageEnd)).ok());
  EXPECT_TRUE(recorder_.seen.empty());  // never from inside a command
  RunFor(60);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered, ProviderEventType::kAmd,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[0].at_s, 2);
  EXPECT_EQ(recorder_.seen[1].at_s, 8);
  EXPECT_EQ(recorder_.seen[2].at_s, 10);
  EXPECT_EQ(recorder_.seen[2].amd, AmdResult::kHuman);
  EXPECT_EQ(recorder_.seen[3].at_s, 13);  // greeting end + patience
  const CallTruth& c = provider_->call(0);
  EXPECT_EQ(c.contact, 0);
  EXPECT_TRUE(c.person_hung_up);
  EXPECT_EQ(c.greeting_end_at, kStart + absl::Seconds(10));
  EXPECT_EQ(provider_->in_flight(), 0);
}

TEST_F(ProviderTest, BridgedPersonTalksThenCompletes) {
  Start(Fixed(1, 0, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kDetect)).ok());
  RunFor(10);  // the detector said human at 10 s
  ASSERT_TRUE(provider_->Bridge(1, "agent-1").ok());
  RunFor(400);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered, ProviderEventType::kAmd,
                          ProviderEventType::kBridged,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[3].at_s, 10.5);
  EXPECT_EQ(recorder_.seen[4].at_s, 110.5);
  EXPECT_EQ(recorder_.seen[4].duration_s, 100);
  EXPECT_FALSE(provider_->call(0).person_hung_up);
  EXPECT_EQ(provider_->call(0).connected_at, kStart + absl::Seconds(10.5));
}

TEST_F(ProviderTest, PatienceRunningOutBeatsASlowBridge) {
  Scenario s = Fixed(1, 0, 0, 0);
  s.bridge_delay_s = ConstDist(5);
  Start(s);
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(10);
  ASSERT_TRUE(provider_->Bridge(1, "agent-1").ok());
  RunFor(60);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[2].at_s, 13);
  EXPECT_TRUE(provider_->call(0).person_hung_up);
  EXPECT_EQ(provider_->call(0).connected_at, absl::InfiniteFuture());
}

TEST_F(ProviderTest, ConferenceCallConnectsAtPickUp) {
  Start(Fixed(1, 0, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kOff, "agent-1")).ok());
  RunFor(200);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[2].at_s, 108);
  const CallTruth& c = provider_->call(0);
  EXPECT_EQ(c.connected_at, c.answered_at);
  EXPECT_EQ(c.greeting_end_at, c.answered_at);
}

TEST_F(ProviderTest, CancelBeforePickUpEndsTheCallCanceled) {
  Start(Fixed(1, 0, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(5);
  ASSERT_TRUE(provider_->CancelCall(1).ok());
  RunFor(60);
  EXPECT_THAT(recorder_.Types(), ElementsAre(ProviderEventType::kRinging,
                                             ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[1].status, CallEndStatus::kCanceled);
  EXPECT_EQ(recorder_.seen[1].at_s, 5);
  EXPECT_TRUE(provider_->call(0).canceled);
}

TEST_F(ProviderTest, CancelAfterPickUpLeavesTheAnswerStanding) {
  Start(Fixed(1, 0, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(9);
  ASSERT_TRUE(provider_->CancelCall(1).ok());
  EXPECT_FALSE(provider_->call(0).canceled);
  ASSERT_TRUE(provider_->Hangup(1).ok());
  RunFor(60);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[2].status, CallEndStatus::kCompleted);
  EXPECT_EQ(recorder_.seen[2].at_s, 9);
}

TEST_F(ProviderTest, NoAnswerRingsOutAtTheRingTimeout) {
  Start(Fixed(0, 0, 0, 0));
  DialRequest r = Request(1);
  r.ring_timeout = absl::Seconds(20);
  ASSERT_TRUE(provider_->PlaceCall(r).ok());
  RunFor(60);
  EXPECT_THAT(recorder_.Types(), ElementsAre(ProviderEventType::kRinging,
                                             ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[1].status, CallEndStatus::kNoAnswer);
  EXPECT_EQ(recorder_.seen[1].at_s, 20);
}

TEST_F(ProviderTest, PickUpLaterThanTheLimitBecomesNoAnswer) {
  Scenario s = Fixed(1, 0, 0, 0);
  s.ring_to_answer_s = ConstDist(30);
  Start(s);
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(60);
  EXPECT_EQ(provider_->call(0).outcome, Outcome::kNoAnswer);
  EXPECT_TRUE(provider_->call(0).rang_out);
  EXPECT_EQ(recorder_.seen.back().status, CallEndStatus::kNoAnswer);
  EXPECT_EQ(recorder_.seen.back().at_s, 25);
}

TEST_F(ProviderTest, BusyAndFailed) {
  Start(Fixed(0, 0, 1, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(60);
  EXPECT_THAT(recorder_.Types(), ElementsAre(ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[0].status, CallEndStatus::kBusy);

  recorder_.seen.clear();
  Start(Fixed(0, 0, 0, 1));
  ASSERT_TRUE(provider_->PlaceCall(Request(2)).ok());
  RunFor(120);
  EXPECT_THAT(recorder_.Types(), ElementsAre(ProviderEventType::kFailed));
}

TEST_F(ProviderTest, VoicemailAfterTheBeep) {
  Start(Fixed(0, 1, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kDetectMessageEnd)).ok());
  RunFor(18);  // machine_end_beep at pick-up (8) + greeting (10)
  ASSERT_EQ(recorder_.seen.back().type, ProviderEventType::kAmd);
  EXPECT_EQ(recorder_.seen.back().amd, AmdResult::kMachineEndBeep);
  ASSERT_TRUE(provider_->PlayAndHangup(1, "vm", /*after_beep=*/true).ok());
  RunFor(200);
  EXPECT_THAT(recorder_.Types(),
              ElementsAre(ProviderEventType::kRinging,
                          ProviderEventType::kAnswered, ProviderEventType::kAmd,
                          ProviderEventType::kPlaybackDone,
                          ProviderEventType::kCompleted));
  EXPECT_EQ(recorder_.seen[3].at_s, 43);
  EXPECT_TRUE(provider_->call(0).voicemail_left);
}

TEST_F(ProviderTest, VoicemailCommandedEarlyWaitsForTheBeep) {
  Start(Fixed(0, 1, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kOff, "agent-1")).ok());
  RunFor(10);
  ASSERT_TRUE(provider_->PlayAndHangup(1, "vm", true).ok());
  RunFor(200);
  EXPECT_EQ(recorder_.seen.back().type, ProviderEventType::kCompleted);
  EXPECT_EQ(recorder_.seen.back().at_s, 18 + 25);
  EXPECT_TRUE(provider_->call(0).voicemail_left);
}

TEST_F(ProviderTest, UnattendedMachineHangsUpAfterRecording) {
  Start(Fixed(0, 1, 0, 0));
  ASSERT_TRUE(provider_->PlaceCall(Request(1)).ok());
  RunFor(500);
  EXPECT_EQ(recorder_.seen.back().type, ProviderEventType::kCompleted);
  EXPECT_EQ(recorder_.seen.back().at_s, 8 + 10 + 60);
}

TEST_F(ProviderTest, DetectorErrorsFollowTheRates) {
  Scenario s = Fixed(1, 0, 0, 0);
  s.amd.human_as_machine = 1;
  Start(s);
  ASSERT_TRUE(provider_->PlaceCall(Request(1, AmdMode::kDetect)).ok());
  RunFor(11);
  EXPECT_EQ(recorder_.seen.back().amd, AmdResult::kMachineStart);
  EXPECT_TRUE(provider_->call(0).amd_said_machine);
  // The engine abandons: a short message, unless the person leaves first.
  ASSERT_TRUE(provider_->PlayAndHangup(1, "safe_harbor", false).ok());
  RunFor(100);
  EXPECT_EQ(recorder_.seen.back().type, ProviderEventType::kCompleted);
  EXPECT_EQ(recorder_.seen.back().at_s, 13);  // patience (3 s) < message
}

TEST_F(ProviderTest, RejectsBadRequestsAndLateCommands) {
  Start(Fixed(0, 0, 1, 0));
  DialRequest bad = Request(1);
  bad.to = "+44207946000";
  EXPECT_EQ(provider_->PlaceCall(bad).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(provider_->PlaceCall(Request(2)).ok());
  EXPECT_EQ(provider_->PlaceCall(Request(2)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(provider_->Bridge(2, "x").code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(provider_->Bridge(99, "x").code(), absl::StatusCode::kNotFound);
  RunFor(60);
  EXPECT_EQ(provider_->PlayAndHangup(2, "vm", true).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(provider_->Hangup(2).ok());  // already over: nothing to do
}

TEST_F(ProviderTest, SameNumberAndAttemptGetTheSameFate) {
  Scenario s;
  s.contacts.time_zones = {{"America/New_York", 1}};
  SimulatedClock clock_a(kStart), clock_b(kStart);
  SimulatedProvider a(s, 3, absl::UTCTimeZone(), &clock_a, nullptr);
  SimulatedProvider b(s, 3, absl::UTCTimeZone(), &clock_b, nullptr);
  // b first calls other numbers: the fate of +12125550199 must not change.
  DialRequest other = Request(7);
  other.to = "+13125550123";
  ASSERT_TRUE(b.PlaceCall(other).ok());
  ASSERT_TRUE(a.PlaceCall(Request(1)).ok());
  ASSERT_TRUE(b.PlaceCall(Request(2)).ok());
  EXPECT_EQ(a.call(0).outcome, b.call(1).outcome);
  EXPECT_EQ(a.call(0).ring, b.call(1).ring);
  EXPECT_EQ(a.call(0).talk, b.call(1).talk);
  // The second attempt at the same number is a different draw.
  ASSERT_TRUE(a.PlaceCall(Request(3)).ok());
  EXPECT_EQ(a.call(1).attempt, 1);
  EXPECT_NE(a.call(0).ring, a.call(1).ring);
}

// Attempts are counted per number whether the lookup knows the number (by
// its contact index) or not (by its hash): same counts, same fates.
TEST_F(ProviderTest, AttemptsCountPerNumberWithAndWithoutTheLookup) {
  Scenario s;
  s.contacts.time_zones = {{"America/New_York", 1}};
  SimulatedClock clock_a(kStart), clock_b(kStart);
  SimulatedProvider known(s, 3, absl::UTCTimeZone(), &clock_a,
                          [](std::string_view phone) -> int64_t {
                            if (phone == "+12125550199") return 5;
                            if (phone == "+13125550123") return 0;
                            return -1;
                          });
  SimulatedProvider unknown(s, 3, absl::UTCTimeZone(), &clock_b, nullptr);
  const std::vector<std::string> numbers = {
      "+12125550199", "+13125550123", "+12125550199", "+14155550100",
      "+12125550199", "+14155550100", "+13125550123"};
  const std::vector<int> attempts = {0, 0, 1, 0, 2, 1, 1};
  for (size_t i = 0; i < numbers.size(); ++i) {
    DialRequest r = Request(static_cast<CallId>(i + 1));
    r.to = numbers[i];
    ASSERT_TRUE(known.PlaceCall(r).ok());
    ASSERT_TRUE(unknown.PlaceCall(r).ok());
    EXPECT_EQ(known.call(i).attempt, attempts[i]) << i;
    EXPECT_EQ(unknown.call(i).attempt, attempts[i]) << i;
    EXPECT_EQ(known.call(i).ring, unknown.call(i).ring) << i;
    EXPECT_EQ(known.call(i).outcome, unknown.call(i).outcome) << i;
  }
}

}  // namespace
}  // namespace dialer::sim
