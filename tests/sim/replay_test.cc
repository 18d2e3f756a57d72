#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "dialer/simulator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/replay_recorder.h"
#include "sim/replayer.h"
#include "tests/sim/test_files.h"

namespace dialer::sim {
namespace {

using ::testing::HasSubstr;

// examples/power-team.json cut to 5 agents, 30 minutes and 5,000 contacts:
// big enough for every kind of step (breaks, voicemail drops, dispositions,
// retries), small enough for ASan.
Scenario SmallDay(const std::string& mode) {
  absl::StatusOr<Scenario> s =
      ParseScenario(ReadSourceFile("examples/power-team.json"));
  EXPECT_TRUE(s.ok()) << s.status();
  if (!s.ok()) return Scenario();
  s->agents.count = 5;
  s->duration_s = 1800;
  s->contacts.count = 5000;
  s->campaign.mode = mode;
  // A break inside the half hour, for every agent that is busy.
  s->agents.breaks = {{600, 120, 0.6}};
  return *s;
}

// The "src":"engine" lines of an event log, in order.
std::string EngineLines(const std::string& log) {
  std::istringstream in(log);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find("\"src\":\"engine\"") != std::string::npos) {
      out += line;
      out += '\n';
    }
  }
  return out;
}

struct Recorded {
  Recording recording;
  SimReport report;
  std::string log;
};

Recorded Record(const Scenario& scenario) {
  Recorded r;
  std::ostringstream log;
  SimOptions options;
  options.seed = 7;
  options.event_log = &log;
  absl::StatusOr<Recording> recording =
      RecordSimulation(scenario, options, &r.report);
  EXPECT_TRUE(recording.ok()) << recording.status();
  if (recording.ok()) r.recording = *std::move(recording);
  r.log = log.str();
  return r;
}

class ReplayTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReplayTest, RecordingChangesNothingAndTheReplayIsTheSameDay) {
  const Scenario scenario = SmallDay(GetParam());
  Recorded day = Record(scenario);

  // Recording is only watching: the same report and event log as a plain
  // run.
  std::ostringstream plain_log;
  SimOptions options;
  options.seed = 7;
  options.event_log = &plain_log;
  absl::StatusOr<SimReport> plain = RunSimulation(scenario, options);
  ASSERT_TRUE(plain.ok()) << plain.status();
  day.report.wall_s = plain->wall_s = 0;
  EXPECT_EQ(day.report.ToJson(), plain->ToJson());
  EXPECT_TRUE(day.log == plain_log.str()) << "the recorded day's log differs";

  const Recording& rec = day.recording;
  EXPECT_EQ(rec.events, day.report.events);
  EXPECT_GT(day.report.dials, 50);
  EXPECT_FALSE(rec.commands.empty());
  EXPECT_FALSE(rec.provider_events.empty());

  // The replay: the engine's lines byte for byte, the same events.
  std::ostringstream replay_log;
  Replayer replayer(rec, &replay_log);
  ASSERT_TRUE(replayer.Start().ok());
  absl::Status s = replayer.RunToEnd();
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(replayer.events(), day.report.events);
  EXPECT_GT(replayer.engine_timers(), 0);
  EXPECT_LT(replayer.engine_timers(), replayer.events());
  const std::string expected = EngineLines(day.log);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(replay_log.str().size(), expected.size());
  EXPECT_TRUE(replay_log.str() == expected)
      << "the replay's engine log differs from the day's";

  // Twice in a row from the same recording: the same again.
  std::ostringstream again;
  ASSERT_TRUE(Replay(rec, &again).ok());
  EXPECT_TRUE(again.str() == expected);
}

INSTANTIATE_TEST_SUITE_P(Modes, ReplayTest,
                         ::testing::Values("power", "parallel", "predictive"));

// The golden scenario too (breaks, DNC share, two zones).
TEST(ReplayGoldenTest, GoldenScenarioReplays) {
  absl::StatusOr<Scenario> scenario =
      ParseScenario(ReadSourceFile("tests/sim/scenarios/small-power.json"));
  ASSERT_TRUE(scenario.ok());
  Recorded day = Record(*scenario);
  std::ostringstream log;
  absl::Status s = Replay(day.recording, &log);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_TRUE(log.str() == EngineLines(day.log));
}

// Altered recordings: each change is caught and named, never tolerated.
class AlteredReplayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { day_ = new Recorded(Record(SmallDay("power"))); }
  static void TearDownTestSuite() { delete day_; }
  static Recorded* day_;
};
Recorded* AlteredReplayTest::day_ = nullptr;

TEST_F(AlteredReplayTest, AProviderEventChanged) {
  Recording rec = day_->recording;
  // The first answered call becomes a busy one.
  bool changed = false;
  for (ProviderEvent& e : rec.provider_events) {
    if (e.type == ProviderEventType::kAnswered) {
      e.type = ProviderEventType::kCompleted;
      e.status = CallEndStatus::kBusy;
      changed = true;
      break;
    }
  }
  ASSERT_TRUE(changed);
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("replay diverged"));
}

TEST_F(AlteredReplayTest, ARecordedCommandChanged) {
  Recording rec = day_->recording;
  // The engine's tenth dial went to another number.
  size_t i = 0, dials = 0;
  for (; i < rec.commands.size(); ++i) {
    if (rec.commands[i].kind == ProviderCommand::Kind::kPlaceCall &&
        ++dials == 10) {
      break;
    }
  }
  ASSERT_LT(i, rec.commands.size());
  rec.commands[i].request.to = "+12125550199";
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(),
              HasSubstr(absl::StrCat("provider command #", i + 1, ":")));
  EXPECT_THAT(s.message(), HasSubstr("+12125550199"));
}

TEST_F(AlteredReplayTest, AnInputMovedInTime) {
  Recording rec = day_->recording;
  // An agent's disposition one minute later than it was made.
  for (ReplayStep& step : rec.steps) {
    if (step.kind == ReplayStep::Kind::kFacadeCall &&
        rec.calls[step.index].kind == FacadeCall::Kind::kDisposition) {
      step.at += absl::Minutes(1);
      break;
    }
  }
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("replay diverged"));
}

TEST_F(AlteredReplayTest, AnEngineTimerFiringDropped) {
  Recording rec = day_->recording;
  for (size_t i = 0; i < rec.steps.size(); ++i) {
    if (rec.steps[i].kind == ReplayStep::Kind::kEngineTimer) {
      rec.steps.erase(rec.steps.begin() + static_cast<long>(i));
      break;
    }
  }
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("replay diverged"));
}

TEST_F(AlteredReplayTest, AnAgentActionDropped) {
  Recording rec = day_->recording;
  // The last disposition of the day never happens.
  for (size_t i = rec.steps.size(); i-- > 0;) {
    if (rec.steps[i].kind == ReplayStep::Kind::kFacadeCall &&
        rec.calls[rec.steps[i].index].kind == FacadeCall::Kind::kDisposition) {
      rec.steps.erase(rec.steps.begin() + static_cast<long>(i));
      break;
    }
  }
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("replay diverged"));
}

TEST_F(AlteredReplayTest, ARecordedAnswerChanged) {
  Recording rec = day_->recording;
  // The provider refused the day's first command.
  rec.commands[0].status = absl::UnavailableError("no capacity");
  absl::Status s = Replay(rec);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("replay diverged"));
}

TEST(ReplayerTest, RunBeforeStartIsAnError) {
  Recording rec;
  Replayer replayer(rec);
  EXPECT_EQ(replayer.RunToEnd().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace dialer::sim
