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

// The physical limit of a scenario's Markov approximation (`dialer limit`).
struct Limit {
  double occupancy = 0;
  double talk_s_per_agent_hour = 0;
  double power_occupancy = 0;
  double budget = 0;  // the pacing abandon cap the model was solved at
  bool ringing_cap_reached = false;
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
