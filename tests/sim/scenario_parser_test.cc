#include <string>

#include "absl/status/status.h"
#include "dialer/simulator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/distribution.h"
#include "tests/sim/test_files.h"

namespace dialer {
namespace {

using ::testing::HasSubstr;
using Kind = DurationDistribution::Kind;

TEST(ParseScenarioTest, MinimalScenarioTakesTheDefaults) {
  absl::StatusOr<Scenario> s = ParseScenario(R"({"format": 1})");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->name, "unnamed");
  EXPECT_EQ(s->seed, 42u);
  EXPECT_EQ(s->start, absl::CivilSecond(2026, 3, 10, 9, 0, 0));
  EXPECT_EQ(s->time_zone, "America/New_York");
  EXPECT_EQ(s->duration_s, 28800);
  EXPECT_EQ(s->agents.count, 20);
  EXPECT_EQ(s->agents.wrap_s.kind, Kind::kLognormal);
  EXPECT_EQ(s->agents.wrap_s.mean, 30);
  EXPECT_TRUE(s->agents.breaks.empty());
  EXPECT_EQ(s->contacts.count, 100000);
  ASSERT_EQ(s->contacts.time_zones.size(), 1u);
  EXPECT_EQ(s->contacts.time_zones[0].first, "America/New_York");
  EXPECT_EQ(s->contacts.dnc_fraction, 0);
  EXPECT_EQ(s->outcomes.human, 0.12);
  EXPECT_EQ(s->outcomes.machine, 0.30);
  EXPECT_EQ(s->outcomes.busy, 0.03);
  EXPECT_EQ(s->outcomes.failed, 0.02);
  EXPECT_TRUE(s->outcomes.human_by_hour.empty());
  EXPECT_EQ(s->ring_to_answer_s.mean, 11);
  EXPECT_EQ(s->ring_to_answer_s.cv, 0.45);
  EXPECT_EQ(s->no_answer_after_s, 25);
  EXPECT_EQ(s->amd.latency_s.mean, 2.2);
  EXPECT_EQ(s->amd.human_as_machine, 0.01);
  EXPECT_EQ(s->amd.machine_as_human, 0.06);
  EXPECT_EQ(s->talk_s.mean, 150);
  EXPECT_EQ(s->patience_s.kind, Kind::kExponential);
  EXPECT_EQ(s->patience_s.mean, 4);
  EXPECT_EQ(s->bridge_delay_s.kind, Kind::kConst);
  EXPECT_EQ(s->bridge_delay_s.value, 0.4);
  EXPECT_EQ(s->campaign.mode, "power");
  EXPECT_EQ(s->campaign.lines_per_agent, 1);
  EXPECT_EQ(s->campaign.abandon_limit, 0.03);
  EXPECT_FALSE(s->campaign.voicemail_drop);
}

TEST(ParseScenarioTest, ReadsEveryKey) {
  absl::StatusOr<Scenario> s = ParseScenario(R"({
    "format": 1, "name": "n", "description": "d", "seed": 18446744073709551615,
    "start": "2026-07-01T08:30:00", "time_zone": "America/Chicago",
    "duration_s": 600.5,
    "agents": {"count": 3, "wrap_s": {"dist": "uniform", "min": 1, "max": 2},
               "breaks": [{"at_s": 10, "for_s": 20, "fraction": 0.5}]},
    "contacts": {"count": 50, "time_zones": {"America/Denver": 1,
                 "America/Chicago": 3}, "dnc_fraction": 0.1},
    "outcomes": {"human": 0.2, "machine": 0.1, "busy": 0, "failed": 0.05,
                 "human_by_hour": {"16": 0.3, "9.5": 0.1}},
    "ring_to_answer_s": {"dist": "empirical", "values": [1, 2, 3]},
    "no_answer_after_s": 20,
    "amd": {"latency_s": {"dist": "const", "value": 1},
            "human_as_machine": 0.5, "machine_as_human": 0},
    "talk_s": {"dist": "exponential", "mean": 60},
    "patience_s": {"dist": "lognormal", "mean": 3, "cv": 0},
    "bridge_delay_s": {"dist": "const", "value": 0},
    "campaign": {"mode": "predictive", "lines_per_agent": 3,
                 "abandon_limit": 0.02, "voicemail_drop": true}
  })");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->name, "n");
  EXPECT_EQ(s->description, "d");
  EXPECT_EQ(s->seed, 18446744073709551615u);
  EXPECT_EQ(s->start, absl::CivilSecond(2026, 7, 1, 8, 30, 0));
  EXPECT_EQ(s->duration_s, 600.5);
  EXPECT_EQ(s->agents.count, 3);
  EXPECT_EQ(s->agents.wrap_s.kind, Kind::kUniform);
  ASSERT_EQ(s->agents.breaks.size(), 1u);
  EXPECT_EQ(s->agents.breaks[0].for_s, 20);
  ASSERT_EQ(s->contacts.time_zones.size(), 2u);
  EXPECT_EQ(s->contacts.time_zones[0].first, "America/Denver");  // file order
  EXPECT_EQ(s->contacts.time_zones[1].second, 3);
  ASSERT_EQ(s->outcomes.human_by_hour.size(), 2u);
  EXPECT_EQ(s->outcomes.human_by_hour[0].first, 9.5);  // sorted by hour
  EXPECT_EQ(s->ring_to_answer_s.values.size(), 3u);
  EXPECT_EQ(s->amd.human_as_machine, 0.5);
  EXPECT_EQ(s->campaign.mode, "predictive");
  EXPECT_EQ(s->campaign.lines_per_agent, 3);
  EXPECT_TRUE(s->campaign.voicemail_drop);
}

TEST(ParseScenarioTest, ExamplesParse) {
  for (const char* name : {"examples/power-team.json",
                           "tests/sim/scenarios/small-power.json"}) {
    absl::StatusOr<Scenario> s = ParseScenario(ReadSourceFile(name));
    EXPECT_TRUE(s.ok()) << name << ": " << s.status();
  }
}

struct ErrorCase {
  const char* json;
  const char* message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.json; }

class ParseScenarioErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParseScenarioErrorTest, NamesThePathAndTheExpectation) {
  absl::StatusOr<Scenario> s = ParseScenario(GetParam().json);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(s.status().message()), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, ParseScenarioErrorTest,
    ::testing::Values(
        ErrorCase{R"([1])", "$: expected an object, got an array"},
        ErrorCase{R"({})", "$.format: required key is missing"},
        ErrorCase{R"({"format": 2})",
                  "$.format: expected 1 (the only format version), got 2"},
        ErrorCase{R"({"format": 1, "nmae": "x"})",
                  "$.nmae: unknown key (expected one of format|name|"
                  "description|seed|start|time_zone|duration_s|agents|"
                  "contacts|outcomes|ring_to_answer_s|no_answer_after_s|amd|"
                  "talk_s|patience_s|bridge_delay_s|campaign)"},
        ErrorCase{R"({"format": 1, "name": 3})",
                  "$.name: expected a string, got 3"},
        ErrorCase{R"({"format": 1, "seed": -1})",
                  "$.seed: expected an integer in [0, 2^64), got -1"},
        ErrorCase{R"({"format": 1, "start": "9am"})",
                  "$.start: expected a local time like "
                  "\"2026-03-10T09:00:00\", got \"9am\""},
        ErrorCase{R"({"format": 1, "time_zone": "Mars/Olympus"})",
                  "$.time_zone: expected an IANA time zone of the tz "
                  "database, got \"Mars/Olympus\""},
        ErrorCase{R"({"format": 1, "duration_s": 0})",
                  "$.duration_s: expected a number of seconds > 0, got 0"},
        ErrorCase{R"({"format": 1, "duration_s": "long"})",
                  "$.duration_s: expected a number, got \"long\""},
        ErrorCase{R"({"format": 1, "agents": []})",
                  "$.agents: expected an object, got an array"},
        ErrorCase{R"({"format": 1, "agents": {"count": 2.5}})",
                  "$.agents.count: expected an integer, got 2.5"},
        ErrorCase{R"({"format": 1, "agents": {"count": 0}})",
                  "$.agents.count: expected an integer in [1, 100000], got 0"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s": {"dist": "normal"}}})",
                  "$.agents.wrap_s.dist: expected one of "
                  "const|exponential|lognormal|uniform|empirical, got "
                  "\"normal\""},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s": {"mean": 3}}})",
                  "$.agents.wrap_s.dist: required key is missing"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "const", "value": 3, "mean": 3}}})",
                  "$.agents.wrap_s.mean: unknown key (expected one of "
                  "dist|value)"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "lognormal", "mean": 3}}})",
                  "$.agents.wrap_s.cv: required key is missing"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "exponential", "mean": -3}}})",
                  "$.agents.wrap_s.mean: expected a number > 0, got -3"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "uniform", "min": 5, "max": 1}}})",
                  "$.agents.wrap_s.max: expected a number >= min (5), got 1"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "empirical", "values": []}}})",
                  "$.agents.wrap_s.values: expected a non-empty array"},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "empirical", "values": [1, "x"]}}})",
                  "$.agents.wrap_s.values[1]: expected a number, got \"x\""},
        ErrorCase{R"({"format": 1, "agents": {"wrap_s":
                      {"dist": "empirical", "values": [1, -2]}}})",
                  "$.agents.wrap_s.values[1]: expected a number >= 0, got -2"},
        ErrorCase{R"({"format": 1, "agents": {"breaks": [{"at_s": 1,
                      "for_s": 2}]}})",
                  "$.agents.breaks[0].fraction: required key is missing"},
        ErrorCase{R"({"format": 1, "agents": {"breaks": [{"at_s": 1,
                      "for_s": 2, "fraction": 1.5}]}})",
                  "$.agents.breaks[0].fraction: expected a probability in "
                  "[0, 1], got 1.5"},
        ErrorCase{R"({"format": 1, "contacts": {"count": -5}})",
                  "$.contacts.count: expected an integer in [1, 10000000], "
                  "got -5"},
        ErrorCase{R"({"format": 1, "contacts": {"time_zones":
                      {"America/Chicago": "a lot"}}})",
                  "$.contacts.time_zones[\"America/Chicago\"]: expected a "
                  "number, got \"a lot\""},
        ErrorCase{R"({"format": 1, "contacts": {"time_zones":
                      {"America/Chicago": 0}}})",
                  "$.contacts.time_zones[\"America/Chicago\"]: expected a "
                  "weight > 0, got 0"},
        ErrorCase{R"({"format": 1, "contacts": {"time_zones":
                      {"Nowhere/Land": 1}}})",
                  "$.contacts.time_zones[\"Nowhere/Land\"]: expected an IANA "
                  "time zone of the tz database, got \"Nowhere/Land\""},
        ErrorCase{R"({"format": 1, "contacts": {"time_zones": {}}})",
                  "$.contacts.time_zones: expected at least one zone"},
        ErrorCase{R"({"format": 1, "outcomes": {"human": 1.2}})",
                  "$.outcomes.human: expected a probability in [0, 1], got "
                  "1.2"},
        ErrorCase{R"({"format": 1, "outcomes": {"human": 0.5,
                      "machine": 0.5, "busy": 0.1}})",
                  "$.outcomes: expected human + machine + busy + failed <= "
                  "1, got 1.12"},
        ErrorCase{R"({"format": 1, "outcomes": {"human_by_hour":
                      {"noon": 0.1}}})",
                  "$.outcomes.human_by_hour.noon: expected an hour in "
                  "[0, 24] as the key"},
        ErrorCase{R"({"format": 1, "outcomes": {"human_by_hour":
                      {"25": 0.1}}})",
                  "$.outcomes.human_by_hour[\"25\"]: expected an hour in "
                  "[0, 24] as the key, got 25"},
        ErrorCase{R"({"format": 1, "outcomes": {"human_by_hour":
                      {"9": 0.1, "09": 0.2}}})",
                  "$.outcomes.human_by_hour[\"9\"]: expected each hour once, "
                  "got it twice"},
        ErrorCase{R"({"format": 1, "outcomes": {"human": 0.5,
                      "machine": 0.4, "busy": 0.1, "failed": 0,
                      "human_by_hour": {"9": 0.9}}})",
                  "$.outcomes.human_by_hour[\"9\"]: expected a value keeping "
                  "human + scaled machine + busy + failed <= 1, got 1.08"},
        ErrorCase{R"({"format": 1, "no_answer_after_s": -1})",
                  "$.no_answer_after_s: expected a number > 0, got -1"},
        ErrorCase{R"({"format": 1, "amd": {"human_as_machine": 2}})",
                  "$.amd.human_as_machine: expected a probability in "
                  "[0, 1], got 2"},
        ErrorCase{R"({"format": 1, "amd": {"latency": 2}})",
                  "$.amd.latency: unknown key (expected one of "
                  "latency_s|human_as_machine|machine_as_human)"},
        ErrorCase{R"({"format": 1, "talk_s": 150})",
                  "$.talk_s: expected an object, got 150"},
        ErrorCase{R"({"format": 1, "campaign": {"mode": "turbo"}})",
                  "$.campaign.mode: expected one of power|parallel|"
                  "predictive, got \"turbo\""},
        ErrorCase{R"({"format": 1, "campaign": {"lines_per_agent": 11}})",
                  "$.campaign.lines_per_agent: expected an integer in "
                  "[1, 10], got 11"},
        ErrorCase{R"({"format": 1, "campaign": {"voicemail_drop": "yes"}})",
                  "$.campaign.voicemail_drop: expected true or false, got "
                  "\"yes\""},
        ErrorCase{"{\"format\": 1,\n  \"name\": }",
                  "$: invalid JSON at line 2, column 11: syntax error"}));

TEST(ParseScenarioTest, AcceptsACsvListWithoutZones) {
  absl::StatusOr<Scenario> s = ParseScenario(
      R"({"format": 1, "contacts": {"csv": "leads.csv"}, "agents": {"count": 1}})");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->contacts.csv, "leads.csv");
  // Running it reads the file (tests/sim/csv_contacts_test.cc); this one is
  // not there.
  absl::StatusOr<SimReport> r = RunSimulation(*s, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("leads.csv"));
}

}  // namespace
}  // namespace dialer
