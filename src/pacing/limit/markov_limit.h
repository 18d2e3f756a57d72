// The physical limit of pacing: the exact optimum occupancy of a campaign's
// Markov approximation under an abandon cap, as described in
// /work/shared/docs/pacing-baselines.md ("The physical limit").
//
// Model: N agents; talk + wrap ~ Exp(mean h); every dial rings for
// Exp(mean m) and is then a live person with probability p (else it needs
// no agent); a live person is bridged at once to an idle agent, or waits
// with patience Exp(mean g) for one (g = 0: abandoned at once); dials cannot
// be cancelled. State (b busy agents, q people waiting, r calls ringing);
// the dialer may raise r at any moment. Maximise E[b]/N subject to
// long-run abandons / live answers <= alpha.
//
// Method: a constrained average-reward MDP, uniformised; Lagrangian
// relaxation with reward b - kappa x (abandon rate), solved by policy
// iteration (Eigen sparse LU for each evaluation); bisection on kappa; the
// constrained optimum time-shares the two bracketing policies so that the
// cap holds with equality. The number of ringing calls is truncated at
// `ringing_cap` (default: 4x the fluid need + 20) and waiting people at
// `waiting_cap`; LimitResult says whether a truncation bound was reached.
// The solver (lagrangian_solver.h) is shared with screening_limit.h, the
// connect-on-pick-up model; this is the verdict-first one.
//
// Thread-safety: pure functions, reentrant.
#ifndef DIALER_PACING_LIMIT_MARKOV_LIMIT_H_
#define DIALER_PACING_LIMIT_MARKOV_LIMIT_H_

#include <vector>

#include "absl/status/statusor.h"

namespace dialer::pacing {

struct MarkovModel {
  int agents = 20;                // N, 1..200
  double live_probability = 0.12; // p, (0, 1]
  double service_mean_s = 180;    // h: talk + wrap, > 0
  double ring_mean_s = 15;        // m: dial to live answer, > 0
  double grace_mean_s = 2;        // g: patience of a waiting person, >= 0
  double abandon_cap = 0.03;      // alpha, [0, 1)
  int ringing_cap = 0;            // 0: default
  int waiting_cap = 0;            // 0: default (0 when grace is 0)
};

struct PolicyMetrics {
  double occupancy = 0;             // E[b] / N
  double abandon_rate = 0;          // abandons / live answers
  double dials_per_agent_hour = 0;
  double mean_ringing = 0;
  // E[agents screening a machine] / N (screening_limit.h; 0 here).
  double screening = 0;
};

struct LimitResult {
  PolicyMetrics optimum;  // the constrained optimum (time-shared)
  double kappa = 0;       // Lagrange multiplier at the optimum
  // The Lagrangian dual bound on the optimum occupancy: the bisection stops
  // once optimum.occupancy is within 1e-5 of it (the solver's exactness).
  double upper_bound = 0;
  // Share of time on the policy that breaks the cap (the other keeps it).
  double mix_weight = 0;
  int states = 0;
  int policy_iterations = 0;  // summed over the bisection
  // True when the optimum's policies spend more than 0.01% of the time in
  // states where they dial up to ringing_cap: the truncation may bind and
  // the true optimum may be (slightly) higher.
  bool ringing_cap_reached = false;
  // The same for waiting people at `waiting_cap` (the share of time with
  // the waiting room full) and, in screening_limit.h, for agents screening
  // machines at `screening_cap`.
  bool waiting_cap_reached = false;
  bool screening_cap_reached = false;
};

// One stretch of a day solved with the others under one abandon cap for
// the whole day (SolveMarkovDayLimit, SolveScreeningDayLimit): what it
// contributes at the day's optimum.
struct SegmentLimit {
  // Its own figures: occupancy E[b]/N of its agents, and its own abandon
  // rate, which may be above or below the cap (only the day's must hold).
  PolicyMetrics optimum;
  int states = 0;
  bool ringing_cap_reached = false;
  bool waiting_cap_reached = false;
  bool screening_cap_reached = false;
};

// A day of segments, each with its own agents and answer rates, under one
// cap on the day's ratio: sum of abandons <= alpha x sum of live answers.
// `day.optimum.occupancy` is sum_i T_i E[b_i] / sum_i T_i N_i (agent-time
// weighted, as the simulator's report counts occupancy), its abandon_rate
// the day's abandons over the day's live answers, dials_per_agent_hour per
// hour of agent-time, mean_ringing the time average; `day.upper_bound` the
// day's dual bound; states and policy iterations summed over the
// segments; a truncation flag is set when it binds in any segment. One
// Lagrange multiplier for the whole day (lagrangian_solver.h
// SolveConstrainedDay): the day's optimum may spend more of the budget in
// one segment than in another.
struct DayLimitResult {
  LimitResult day;
  std::vector<SegmentLimit> segments;  // in the order given
};

// A stretch of the day for SolveMarkovDayLimit.
struct MarkovSegment {
  MarkovModel model;
  double duration_s = 0;  // > 0
};

// InvalidArgument naming the field when the model is out of range.
[[nodiscard]] absl::StatusOr<LimitResult> SolveMarkovLimit(
    const MarkovModel& model);

// The day's optimum over `segments` (DayLimitResult). InvalidArgument when
// there is none, a model is out of range, a duration is not > 0 or the
// segments' abandon caps differ. One segment gives SolveMarkovLimit's
// figures exactly.
[[nodiscard]] absl::StatusOr<DayLimitResult> SolveMarkovDayLimit(
    const std::vector<MarkovSegment>& segments);

// The same model under progressive (power) dialing: one ringing call per
// idle agent. Occupancy is h / (h + m / p); no abandons.
[[nodiscard]] absl::StatusOr<PolicyMetrics> EvaluateProgressive(
    const MarkovModel& model);

}  // namespace dialer::pacing

#endif  // DIALER_PACING_LIMIT_MARKOV_LIMIT_H_
