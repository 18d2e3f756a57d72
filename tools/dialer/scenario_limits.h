// The physical limits of a scenario (docs/pacing.md "The physical limit"):
// the connect-on-pick-up model (pacing/limit/screening_limit.h) and the
// verdict-first model (pacing/limit/markov_limit.h), both solved from the
// scenario's figures (limit_figures.h); the campaign's limit is the one of
// the flow its config follows. What `dialer limit` prints and the pacing
// matrix (benchmarks/pacing/matrix/) compares against. Header-only, like
// limit_figures.h, so both programs compile the same code.
//
// The limit is the day's with the scenario's staffing: the agents at work
// over the day (sim::StaffingProfile, the breaks), each stretch with its
// own answer rates, solved jointly under one cap on the day's abandons
// over its live answers. The stationary figure (every agent all day, the
// day's average answer rates) is kept beside it; without breaks the two are
// the same solve.
#ifndef DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_
#define DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_

#include <chrono>
#include <vector>

#include "absl/status/statusor.h"
#include "limit_figures.h"
#include "pacing/limit/markov_limit.h"
#include "pacing/limit/scenario_model.h"
#include "pacing/limit/screening_limit.h"
#include "sim/agent_breaks.h"

namespace dialer::tools {

struct FlowLimit {
  pacing::LimitResult result;
  // The report's occupancy (talk + wrap-up over logged-in time).
  double occupancy = 0;
  double talk_s_per_agent_hour = 0;
  double solve_s = 0;  // wall time, for people; not part of any result
};

// One group of the staffing (limit_figures.h StaffedFigures) and what it
// contributes at the day's optimum of each model.
struct StaffedLimit {
  pacing::ScenarioFigures figures;
  double duration_s = 0;
  pacing::ScreeningModel screening_model;
  pacing::SegmentLimit screening;
  double screening_occupancy = 0;  // the report's, at its E[b]/N
  pacing::MarkovModel verdict_model;
  pacing::SegmentLimit verdict_first;
  pacing::PolicyMetrics power;
};

struct ScenarioLimits {
  // Every agent all day (LimitFigures): the stationary figures and models.
  pacing::ScenarioFigures figures;
  bool connect_on_pickup = true;  // the campaign's flow
  pacing::ScreeningModel screening_model;
  pacing::MarkovModel verdict_model;

  // The day with the scenario's staffing: the limit.
  FlowLimit screening;      // connect-on-pick-up
  FlowLimit verdict_first;
  pacing::PolicyMetrics power;  // progressive (verdict-first model), per
                                // group, agent-time weighted

  // The stationary solves (the same as above when nobody takes a break).
  FlowLimit stationary_screening;
  FlowLimit stationary_verdict_first;
  pacing::PolicyMetrics stationary_power;

  std::vector<sim::StaffingSegment> staffing;  // for the scenario's seed
  std::vector<StaffedLimit> segments;          // the groups solved

  // True when the staffing is not every agent all day.
  bool staffed() const {
    return segments.size() != 1 || segments[0].figures.agents != figures.agents;
  }
  const FlowLimit& campaign() const {
    return connect_on_pickup ? screening : verdict_first;
  }
  const FlowLimit& stationary_campaign() const {
    return connect_on_pickup ? stationary_screening : stationary_verdict_first;
  }
};

inline absl::StatusOr<ScenarioLimits> SolveScenarioLimits(const Scenario& s) {
  ScenarioLimits out;
  out.figures = LimitFigures(s);
  out.connect_on_pickup = out.figures.connect_on_pickup;
  const pacing::ScenarioFigures& f = out.figures;
  out.screening_model = pacing::ToScreeningModel(f);
  out.verdict_model = pacing::ToMarkovModel(f);
  out.staffing = sim::StaffingProfile(s, s.seed);
  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };

  std::vector<pacing::ScreeningSegment> screening_day;
  std::vector<pacing::MarkovSegment> verdict_day;
  for (const StaffedFigures& g : LimitFiguresByStaffing(s, out.staffing)) {
    StaffedLimit seg;
    seg.figures = g.figures;
    seg.duration_s = g.duration_s;
    seg.screening_model = pacing::ToScreeningModel(g.figures);
    seg.verdict_model = pacing::ToMarkovModel(g.figures);
    auto power = pacing::EvaluateProgressive(seg.verdict_model);
    if (!power.ok()) return power.status();
    seg.power = *power;
    screening_day.push_back({seg.screening_model, g.duration_s});
    verdict_day.push_back({seg.verdict_model, g.duration_s});
    out.segments.push_back(seg);
  }
  if (out.segments.empty()) {
    return absl::InvalidArgumentError(
        "the breaks leave no agent at work at any time of the day");
  }
  double agent_time = 0, power_time = 0;
  for (const StaffedLimit& seg : out.segments) {
    agent_time += seg.duration_s * seg.figures.agents;
    power_time += seg.duration_s * seg.figures.agents * seg.power.occupancy;
  }
  out.power = out.segments[0].power;
  out.power.occupancy = out.segments.size() == 1 ? out.segments[0].power.occupancy
                                                 : power_time / agent_time;

  // Every agent all day, solved first when it differs from the day: its
  // multiplier starts the day's search.
  double kappa_hint = 0;
  if (out.staffed()) {
    auto started = Clock::now();
    auto stationary = pacing::SolveScreeningLimit(out.screening_model);
    if (!stationary.ok()) return stationary.status();
    out.stationary_screening.solve_s = seconds_since(started);
    out.stationary_screening.result = *stationary;
    out.stationary_screening.occupancy =
        pacing::ScreeningOccupancy(f, stationary->optimum.occupancy);
    out.stationary_screening.talk_s_per_agent_hour =
        pacing::TalkSecondsPerAgentHour(f,
                                        out.stationary_screening.occupancy);
    kappa_hint = stationary->kappa;

    started = Clock::now();
    auto stationary_verdict = pacing::SolveMarkovLimit(out.verdict_model);
    if (!stationary_verdict.ok()) return stationary_verdict.status();
    out.stationary_verdict_first.solve_s = seconds_since(started);
    out.stationary_verdict_first.result = *stationary_verdict;
    out.stationary_verdict_first.occupancy =
        stationary_verdict->optimum.occupancy;
    out.stationary_verdict_first.talk_s_per_agent_hour =
        pacing::TalkSecondsPerAgentHour(
            f, stationary_verdict->optimum.occupancy);
    auto power = pacing::EvaluateProgressive(out.verdict_model);
    if (!power.ok()) return power.status();
    out.stationary_power = *power;
  }

  // Every segment's figures share talk, wrap-up and bridge, so the report's
  // occupancy of the day is the day's E[b] share scaled once.
  auto started = Clock::now();
  auto screening = pacing::SolveScreeningDayLimit(screening_day, kappa_hint);
  if (!screening.ok()) return screening.status();
  out.screening.solve_s = seconds_since(started);
  out.screening.result = screening->day;
  out.screening.occupancy =
      pacing::ScreeningOccupancy(f, screening->day.optimum.occupancy);
  out.screening.talk_s_per_agent_hour =
      pacing::TalkSecondsPerAgentHour(f, out.screening.occupancy);

  started = Clock::now();
  auto verdict = pacing::SolveMarkovDayLimit(verdict_day);
  if (!verdict.ok()) return verdict.status();
  out.verdict_first.solve_s = seconds_since(started);
  out.verdict_first.result = verdict->day;
  out.verdict_first.occupancy = verdict->day.optimum.occupancy;
  out.verdict_first.talk_s_per_agent_hour =
      pacing::TalkSecondsPerAgentHour(f, verdict->day.optimum.occupancy);
  for (size_t i = 0; i < out.segments.size(); ++i) {
    StaffedLimit& seg = out.segments[i];
    seg.screening = screening->segments[i];
    seg.screening_occupancy =
        pacing::ScreeningOccupancy(f, seg.screening.optimum.occupancy);
    seg.verdict_first = verdict->segments[i];
  }

  if (!out.staffed()) {
    out.stationary_screening = out.screening;
    out.stationary_verdict_first = out.verdict_first;
    out.stationary_power = out.power;
  }
  return out;
}

}  // namespace dialer::tools

#endif  // DIALER_TOOLS_DIALER_SCENARIO_LIMITS_H_
