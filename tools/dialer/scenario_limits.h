// The physical limits of a scenario (docs/pacing.md "The physical limit"):
// the connect-on-pick-up model (pacing/limit/screening_limit.h) and the
// verdict-first model (pacing/limit/markov_limit.h), both solved from the
// scenario's figures (limit_figures.h); the campaign's limit is the one of
// the flow its config follows. What `dialer limit` prints and the pacing
// matrix (benchmarks/pacing/matrix/) compares against. Header-only, like
// limit_figures.h, so both programs compile the same code.
#ifndef DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_
#define DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_

#include <chrono>

#include "absl/status/statusor.h"
#include "limit_figures.h"
#include "pacing/limit/markov_limit.h"
#include "pacing/limit/scenario_model.h"
#include "pacing/limit/screening_limit.h"

namespace dialer::tools {

struct FlowLimit {
  pacing::LimitResult result;
  // The report's occupancy (talk + wrap-up over logged-in time).
  double occupancy = 0;
  double talk_s_per_agent_hour = 0;
  double solve_s = 0;  // wall time, for people; not part of any result
};

struct ScenarioLimits {
  pacing::ScenarioFigures figures;
  bool connect_on_pickup = true;  // the campaign's flow
  pacing::ScreeningModel screening_model;
  FlowLimit screening;  // connect-on-pick-up
  pacing::MarkovModel verdict_model;
  FlowLimit verdict_first;
  pacing::PolicyMetrics power;  // progressive, in the verdict-first model

  const FlowLimit& campaign() const {
    return connect_on_pickup ? screening : verdict_first;
  }
};

inline absl::StatusOr<ScenarioLimits> SolveScenarioLimits(const Scenario& s) {
  ScenarioLimits out;
  out.figures = LimitFigures(s);
  out.connect_on_pickup = out.figures.connect_on_pickup;
  const pacing::ScenarioFigures& f = out.figures;
  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };

  out.screening_model = pacing::ToScreeningModel(f);
  auto started = Clock::now();
  auto screening = pacing::SolveScreeningLimit(out.screening_model);
  if (!screening.ok()) return screening.status();
  out.screening.solve_s = seconds_since(started);
  out.screening.result = *screening;
  out.screening.occupancy =
      pacing::ScreeningOccupancy(f, screening->optimum.occupancy);
  out.screening.talk_s_per_agent_hour =
      pacing::TalkSecondsPerAgentHour(f, out.screening.occupancy);

  out.verdict_model = pacing::ToMarkovModel(f);
  started = Clock::now();
  auto verdict = pacing::SolveMarkovLimit(out.verdict_model);
  if (!verdict.ok()) return verdict.status();
  out.verdict_first.solve_s = seconds_since(started);
  out.verdict_first.result = *verdict;
  out.verdict_first.occupancy = verdict->optimum.occupancy;
  out.verdict_first.talk_s_per_agent_hour =
      pacing::TalkSecondsPerAgentHour(f, verdict->optimum.occupancy);

  auto power = pacing::EvaluateProgressive(out.verdict_model);
  if (!power.ok()) return power.status();
  out.power = *power;
  return out;
}

}  // namespace dialer::tools

#endif  // DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_
