#include <algorithm>
#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"

#include "dialer/simulator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/random.h"
#include "tests/sim/test_files.h"

namespace dialer {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

constexpr char kGoldenScenario[] = "tests/sim/scenarios/small-power.json";
constexpr char kGoldenReport[] = "tests/sim/scenarios/small-power.expected.json";

json::object WithoutWallTime(const std::string& report_json) {
  json::object o = json::parse(report_json).as_object();
  o.erase("wall_s");
  return o;
}

struct SimRun {
  SimReport report;
  std::string log;
};

SimRun RunGolden(const std::string& pacer = "") {
  absl::StatusOr<Scenario> scenario =
      ParseScenario(ReadSourceFile(kGoldenScenario));
  EXPECT_TRUE(scenario.ok()) << scenario.status();
  std::ostringstream log;
  SimOptions options;
  options.pacer = pacer;
  options.event_log = &log;
  absl::StatusOr<SimReport> report = RunSimulation(*scenario, options);
  EXPECT_TRUE(report.ok()) << report.status();
  return {report.ok() ? *report : SimReport{}, log.str()};
}

TEST(SimulatorTest, GoldenReport) {
  SimRun run = RunGolden();
  const std::string expected_text = ReadSourceFile(kGoldenReport);
  ASSERT_FALSE(expected_text.empty()) << "actual report:\n"
                                      << run.report.ToJson();
  json::object expected = WithoutWallTime(expected_text);
  json::object actual = WithoutWallTime(run.report.ToJson());
  EXPECT_EQ(json::serialize(actual), json::serialize(expected))
      << "If the change is intended, regenerate with\n  dialer sim --scenario "
      << kGoldenScenario << " --json > " << kGoldenReport;
}

TEST(SimulatorTest, SameSeedSameReportAndEventLog) {
  SimRun a = RunGolden();
  SimRun b = RunGolden();
  EXPECT_EQ(json::serialize(WithoutWallTime(a.report.ToJson())),
            json::serialize(WithoutWallTime(b.report.ToJson())));
  EXPECT_FALSE(a.log.empty());
  EXPECT_EQ(sim::StableHash(a.log), sim::StableHash(b.log));
  EXPECT_EQ(a.log.size(), b.log.size());
}

TEST(SimulatorTest, ReportIsConsistentWithItself) {
  const SimReport& r = RunGolden().report;
  EXPECT_GT(r.dials, 0);
  EXPECT_EQ(r.dials, r.human_answers + r.machine_answers + r.no_answers +
                         r.busy + r.failed + r.canceled);
  EXPECT_EQ(r.human_answers, r.connects + r.abandoned);
  EXPECT_LE(r.amd_abandons, r.abandoned);
  EXPECT_EQ(r.compliance_violations, 0);
  EXPECT_GT(r.agent_hours, 0);
  EXPECT_GE(r.occupancy, 0);
  EXPECT_LE(r.occupancy, 1);
  EXPECT_GT(r.events, r.dials);
}

TEST(SimulatorTest, EveryEventLogLineIsAJsonObjectWithTime) {
  const std::string log = RunGolden().log;
  std::istringstream in(log);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    json::value v = json::parse(line);
    ASSERT_TRUE(v.is_object()) << line;
    ASSERT_TRUE(v.as_object().contains("t")) << line;
    ASSERT_TRUE(v.as_object().contains("src")) << line;
    ++lines;
  }
  EXPECT_GT(lines, 100);
}

TEST(SimulatorTest, SeedOverrideChangesTheRun) {
  absl::StatusOr<Scenario> scenario =
      ParseScenario(ReadSourceFile(kGoldenScenario));
  ASSERT_TRUE(scenario.ok());
  SimOptions options;
  options.seed = 8;
  absl::StatusOr<SimReport> other = RunSimulation(*scenario, options);
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_EQ(other->seed, 8u);
  EXPECT_NE(json::serialize(WithoutWallTime(other->ToJson())),
            json::serialize(WithoutWallTime(RunGolden().report.ToJson())));
}

TEST(SimulatorTest, AgentsActOnlyWhenTheEngineExpectsThem) {
  // Parallel mode bridges machines the detector passed as human; the agent
  // must wait for the bridge before dropping a voicemail on them.
  for (const char* pacer : {"power", "parallel"}) {
    const SimReport r = RunGolden(pacer).report;
    EXPECT_EQ(r.agent_command_errors, 0) << pacer;
    EXPECT_EQ(r.compliance_violations, 0) << pacer;
    EXPECT_EQ(r.machine_answers, r.voicemails_left) << pacer;
  }
}

// A second break that finds an agent still on the first one extends it: the
// agent is away until the later of the two ends, as the scenario says
// (until 2026-11-24 the earlier end brought them back, the second break
// lost).
TEST(SimulatorTest, ABreakThatFindsTheAgentAwayExtendsTheirBreak) {
  absl::StatusOr<Scenario> scenario =
      ParseScenario(ReadSourceFile(kGoldenScenario));
  ASSERT_TRUE(scenario.ok()) << scenario.status();
  scenario->agents.breaks = {{600, 600, 1.0}, {900, 600, 1.0}};
  std::ostringstream log;
  SimOptions options;
  options.event_log = &log;
  ASSERT_TRUE(RunSimulation(*scenario, options).ok());

  struct Away {
    double from = -1;  // seconds into the day; < 0: not on this break yet
    double to = -1;    // < 0: not back yet
  };
  absl::flat_hash_map<std::string, Away> away;
  std::istringstream in(log.str());
  std::string line;
  absl::Time start = absl::InfiniteFuture();
  while (std::getline(in, line)) {
    const json::object e = json::parse(line).as_object();
    absl::Time t;
    std::string error;
    ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full,
                                json::value_to<std::string>(e.at("t")), &t,
                                &error))
        << error;
    start = std::min(start, t);
    if (e.at("type") != "agent_state") continue;
    const double s = absl::ToDoubleSeconds(t - start);
    Away& a = away[json::value_to<std::string>(e.at("agent"))];
    if (e.at("to") == "break" && s >= 600 && a.from < 0) a.from = s;
    if (e.at("from") == "break" && a.from >= 0 && a.to < 0) a.to = s;
  }
  ASSERT_EQ(away.size(), 3u);
  for (const auto& [agent, a] : away) {
    ASSERT_GE(a.from, 600) << agent;
    // Each break lasts for_s from the moment it began (after the call in
    // progress) or from its at_s for an agent already away.
    EXPECT_NEAR(a.to, std::max(a.from + 600, 1500.0), 1e-3) << agent;
  }
}

TEST(SimulatorTest, UnknownPacerIsRejected) {
  absl::StatusOr<Scenario> scenario = ParseScenario(R"({"format": 1})");
  ASSERT_TRUE(scenario.ok());
  SimOptions options;
  options.pacer = "turbo";
  absl::StatusOr<SimReport> r = RunSimulation(*scenario, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("\"turbo\""));
}

TEST(SimulatorTest, ReportJsonHasEveryContractKey) {
  json::object o = json::parse(SimReport{}.ToJson()).as_object();
  for (const char* key :
       {"scenario", "pacer", "seed", "agents", "agent_hours", "dials",
        "human_answers", "machine_answers", "no_answers", "busy", "failed",
        "connects", "abandoned", "abandon_rate", "amd_abandons",
        "pacing_abandon_rate", "observed_abandon_rate",
        "max_abandon_rate_30min", "talk_s_per_agent_hour",
        "conversations_per_agent_hour", "dials_per_agent_hour",
        "idle_s_per_agent_hour", "occupancy", "speed_to_answer_p50_s",
        "speed_to_answer_p95_s", "compliance_violations", "events",
        "wall_s"}) {
    EXPECT_TRUE(o.contains(key)) << key;
  }
}

}  // namespace
}  // namespace dialer
