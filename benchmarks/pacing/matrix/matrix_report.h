// The pacing matrix's outputs from its runs: the CSV of every run, the
// Markdown table with the limit and the target checks of issue 5, and the
// two SVG plots (written directly: no plotting library). Pure functions of
// the input, so the same runs always give the same files.
#ifndef DIALER_BENCHMARKS_PACING_MATRIX_MATRIX_REPORT_H_
#define DIALER_BENCHMARKS_PACING_MATRIX_MATRIX_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialer/simulator.h"

namespace dialer::bench {

// The physical limit of a scenario's Markov approximation (`dialer limit`):
// the campaign flow's, and the verdict-first model's for comparison, with
// the scenario's staffing (docs/pacing.md "Scenario mapping").
struct Limit {
  std::string flow;  // "connect-on-pick-up" or "verdict-first"
  double occupancy = 0;  // talk + wrap-up over logged-in time
  double talk_s_per_agent_hour = 0;
  double screening = 0;  // share of agent time screening machines
  double power_occupancy = 0;
  double budget = 0;  // the abandon cap the model was solved at
  bool truncation_reached = false;
  double verdict_first_occupancy = 0;
  double verdict_first_budget = 0;
  // The limit above is the day's with the scenario's staffing (its breaks);
  // when they leave fewer agents at work part of the day (`staffed`), the
  // stationary figures of every agent all day are these.
  bool staffed = false;
  std::string staffing;  // e.g. "20 agents 6.0 h, 10 agents 1.0 h"
  double stationary_occupancy = 0;
  double stationary_verdict_first_occupancy = 0;
};

struct ScenarioInfo {
  std::string name;
  std::string description;
  int agents = 0;
  double detector_false_positive = 0;
  double abandon_limit = 0.03;
  double duration_s = 0;
  std::optional<Limit> limit;  // none above 50 agents
};

// The engine's counters at one simulated minute.
struct TimelinePoint {
  double t_s = 0;  // since the start of the day
  int64_t human_answers = 0;
  int64_t abandoned = 0;
};

struct Run {
  size_t scenario = 0;  // index into MatrixInput::scenarios
  size_t pacer = 0;     // index into MatrixInput::pacers
  SimReport report;
  std::vector<TimelinePoint> timeline;
};

struct MatrixInput {
  std::vector<ScenarioInfo> scenarios;
  std::vector<std::string> pacers;
  std::vector<uint64_t> seeds;
  std::vector<Run> runs;
};

std::string RunsCsv(const MatrixInput& in);
std::string MatrixMarkdown(const MatrixInput& in);
std::string TalkVsAbandonSvg(const MatrixInput& in);
std::string AbandonOverDaySvg(const MatrixInput& in);

}  // namespace dialer::bench

#endif  // DIALER_BENCHMARKS_PACING_MATRIX_MATRIX_REPORT_H_
