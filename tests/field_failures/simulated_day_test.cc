// Field failures #5, #11 and #12 measured on simulated days, where the
// simulator knows what the engine cannot: who really picked up, and every
// person the answering-machine detector took for a machine. Fixed seeds;
// the rates are the report's ground truth (docs/simulator.md).
#include <algorithm>
#include <string>
#include <vector>

#include "tests/sim/test_files.h"

#include "dialer/simulator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

// A day of `agents` agents dialling 5,000 contacts of the center's zone in
// `mode`, with a detector that takes `human_as_machine` of the people for
// machines.
Scenario Day(const std::string& mode, int agents, double duration_s,
             double human_as_machine, uint64_t seed) {
  const std::string json = absl::StrFormat(
      R"({"format": 1, "name": "field-%s", "seed": %d, "duration_s": %f,
          "agents": {"count": %d},
          "contacts": {"count": 5000},
          "amd": {"human_as_machine": %f},
          "campaign": {"mode": "%s", "lines_per_agent": 3,
                       "voicemail_drop": true}})",
      mode, seed, duration_s, agents, human_as_machine, mode);
  absl::StatusOr<Scenario> s = ParseScenario(json);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *s : Scenario{};
}

// #11: a detector that takes 30% of the people for machines (far worse than
// Asterisk's defaults in AVA#539). Each such person who gets a voicemail or
// a hang-up is an abandoned call, and the report counts them (amd_abandons
// are part of abandoned). Because a pick-up goes to a free agent before the
// detector decides, almost none of them are lost, and the true rate stays
// under the limit.
TEST(SimulatedDayTest, DetectorFalsePositivesAreCountedAndRarelyHappen) {
  for (uint64_t seed : {3u, 11u}) {
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    absl::StatusOr<SimReport> r =
        RunSimulation(Day("parallel", 10, 3 * 3600, 0.30, seed), {});
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_GT(r->human_answers, 200);
    EXPECT_LE(r->amd_abandons, r->abandoned);
    EXPECT_DOUBLE_EQ(r->abandon_rate,
                     static_cast<double>(r->abandoned) / r->human_answers);
    // 30% of the people would be about 0.3 * human_answers abandons.
    EXPECT_LT(r->amd_abandons, r->human_answers / 50);
    EXPECT_LE(r->abandon_rate, 0.03);
    EXPECT_EQ(r->compliance_violations, 0);
  }
}

// #12: dead air. The person's hello reaches an agent at once: speed to
// answer (greeting end to agent) at the 95th percentile is under the
// brief's 1.5 s target, in parallel mode with a 2.2 s detector.
TEST(SimulatedDayTest, NoDeadAirAfterPickUp) {
  absl::StatusOr<SimReport> r =
      RunSimulation(Day("parallel", 10, 2 * 3600, 0.01, 5), {});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->speed_to_answer_p95_s.has_value());
  EXPECT_LT(*r->speed_to_answer_p95_s, 1.5);
  EXPECT_GT(r->conversations, 100);
}

// #5: predictive overshoot (ADAPT_TAPERED "allows for running over the
// dropped percentage in the first half of the shift", then starves the
// agents). The rate as the engine counts it is sampled every simulated
// minute: once it rests on enough answers (50) it never runs over the
// limit, the day's true rate is under it, and the second half of the day
// holds as many conversations as the first (no starving after a burst).
TEST(SimulatedDayTest, PredictiveNeverRunsOverEarlyThenStarves) {
  struct Sample {
    double at_s;
    int64_t connects;
    int64_t human_answers;
    double rate;
  };
  std::vector<Sample> samples;
  SimOptions options;
  absl::Time start = absl::InfinitePast();
  options.progress = [&](const SimProgress& p) {
    if (start == absl::InfinitePast()) start = p.now - p.elapsed;
    samples.push_back({absl::ToDoubleSeconds(p.now - start), p.connects,
                       p.human_answers, p.abandon_rate});
  };
  const double day_s = 1.5 * 3600;
  absl::StatusOr<SimReport> r =
      RunSimulation(Day("predictive", 10, day_s, 0.01, 11), options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GT(r->human_answers, 100);
  EXPECT_LE(r->abandon_rate, 0.03);
  double worst = 0;
  int64_t half_connects = -1;
  for (const Sample& s : samples) {
    if (s.human_answers >= 50) worst = std::max(worst, s.rate);
    if (half_connects < 0 && s.at_s >= day_s / 2) half_connects = s.connects;
  }
  EXPECT_LE(worst, 0.03) << "the running rate went over the limit";
  ASSERT_GT(half_connects, 0);
  const int64_t second_half = samples.back().connects - half_connects;
  EXPECT_GT(second_half, half_connects * 7 / 10)
      << "first half " << half_connects << ", second half " << second_half;
}

// A small team stops pooled dialing often (3 agents: the day's first
// abandons put a fresh 30-day window over 3 %), and the hard stop's power
// mode runs without a detector, so the agent classifies every call. The
// engine used to report the agent's time as the detector's latency (a whole
// conversation for a person): after hours of power mode the pacer's fit
// said 88 s, its horizon no longer held a new call's live answer, and back
// in predictive mode it placed 4 lines per agent at once. These seeds of the
// benchmark's 3-agent day ended at 3.5 % abandons.
TEST(SimulatedDayTest, SmallTeamAfterTheHardStopStaysUnderTheLimit) {
  absl::StatusOr<Scenario> day = ParseScenario(
      ReadSourceFile("benchmarks/pacing/scenarios/agents-03-answer30.json"));
  ASSERT_TRUE(day.ok()) << day.status();
  for (uint64_t seed : {12u, 18u}) {
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    SimOptions options;
    options.pacer = "predictive";
    options.seed = seed;
    absl::StatusOr<SimReport> r = RunSimulation(*day, options);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_GT(r->human_answers, 250);
    EXPECT_LE(r->abandon_rate, 0.03);
    EXPECT_EQ(r->compliance_violations, 0);
  }
}

// Without voicemail drop an agent who hears a machine hangs up on it (in
// the simulator with one click, HangupMachine). The engine counted each such
// machine as a person who reached an agent, so the 30-day rate it holds under
// the limit was diluted by every machine: on the benchmark's 10-agent day
// without voicemail drop it measured 2.1 % while people saw 6.3 % abandons.
TEST(SimulatedDayTest, MachinesHungUpOnDoNotDiluteTheAbandonRate) {
  absl::StatusOr<Scenario> day = ParseScenario(
      ReadSourceFile("benchmarks/pacing/scenarios/agents-10.json"));
  ASSERT_TRUE(day.ok()) << day.status();
  day->campaign.voicemail_drop = false;
  day->duration_s = 3 * 3600;
  SimOptions options;
  options.pacer = "predictive";
  options.seed = 1;
  absl::StatusOr<SimReport> r = RunSimulation(*day, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GT(r->human_answers, 250);
  EXPECT_LE(r->abandon_rate, 0.03);
  // What the engine measured is the truth or above it, the detector's false
  // positives (which it cannot see) aside.
  EXPECT_GE(r->observed_abandon_rate + 1e-6, r->pacing_abandon_rate);
  EXPECT_EQ(r->compliance_violations, 0);
}

// A one-hour day without voicemail drop, 7 % answers and four machines to
// every person: an agent who heard a machine hung up on it and spent a
// 30-s wrap-up dispositioning it, so the team spent most of the day in
// wrap-ups after machines, freeing in bursts. With a few hundred live
// answers in the day a burst of abandons near its end carried it over
// 3 %: this seed ended at 3.92 % (seed 18 at 3.22 %). The agent's one
// click on a machine (HangupMachine) frees them at once.
TEST(SimulatedDayTest, ShortDayWithoutVoicemailDropStaysUnderTheLimit) {
  absl::StatusOr<Scenario> day = ParseScenario(
      R"({"format": 1, "name": "short-day-no-voicemail", "duration_s": 3600,
          "agents": {"count": 25,
                     "wrap_s": {"dist": "lognormal", "mean": 30, "cv": 0.5},
                     "breaks": [{"at_s": 600, "for_s": 900, "fraction": 0.5}]},
          "contacts": {"count": 20000},
          "outcomes": {"human": 0.07, "machine": 0.3},
          "talk_s": {"dist": "lognormal", "mean": 20, "cv": 2.0},
          "patience_s": {"dist": "exponential", "mean": 4},
          "amd": {"human_as_machine": 0.015, "machine_as_human": 0},
          "campaign": {"mode": "predictive", "lines_per_agent": 2,
                       "voicemail_drop": false}})");
  ASSERT_TRUE(day.ok()) << day.status();
  SimOptions options;
  options.seed = 24;
  absl::StatusOr<SimReport> r = RunSimulation(*day, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GT(r->human_answers, 250);
  EXPECT_LE(r->abandon_rate, 0.03);
  EXPECT_EQ(r->voicemails_left, 0);
  EXPECT_EQ(r->compliance_violations, 0);
}

// Impatient people (1 s on average after their hello) on a 2-agent
// parallel day: some hang up while an agent who freed during their
// detector's wait is being bridged to them. The engine did not count those
// (a bridge begun before the verdict was exempt), so it measured 2.6 %
// while people saw 3.2 %. What the engine measures is what people see.
TEST(SimulatedDayTest, ImpatientPeopleAreCountedAsTheyLeave) {
  absl::StatusOr<Scenario> day = ParseScenario(R"({
      "format": 1, "name": "impatient", "duration_s": 28800,
      "agents": {"count": 2,
                 "wrap_s": {"dist": "lognormal", "mean": 60, "cv": 0.5}},
      "contacts": {"count": 20000},
      "outcomes": {"human": 0.04, "machine": 0.5},
      "talk_s": {"dist": "lognormal", "mean": 45, "cv": 2.0},
      "patience_s": {"dist": "exponential", "mean": 1},
      "amd": {"human_as_machine": 0.01, "machine_as_human": 0.06},
      "campaign": {"mode": "parallel", "lines_per_agent": 3,
                   "voicemail_drop": true}})");
  ASSERT_TRUE(day.ok()) << day.status();
  SimOptions options;
  options.seed = 284;
  absl::StatusOr<SimReport> r = RunSimulation(*day, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GT(r->human_answers, 100);
  EXPECT_GE(r->observed_abandon_rate, r->pacing_abandon_rate);
  EXPECT_LE(r->abandon_rate, 0.03);
}

}  // namespace
}  // namespace dialer
