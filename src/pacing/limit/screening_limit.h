// The physical limit of pacing under the engine's connect-on-pick-up flow
// (CampaignConfig::connect_on_pickup, the default): the exact optimum
// occupancy of its Markov approximation under an abandon cap. The
// verdict-first flow's model is markov_limit.h; docs/pacing.md ("The
// physical limit") states both and where each is optimistic.
//
// Model: N agents. Every dial rings for Exp(mean m) and is then a live
// person (probability p), a machine (u) or nothing that needs an agent.
// A pick-up that finds a free agent is bridged to it at once: a live person
// holds the agent for Exp(mean h) (bridge + talk + wrap-up); a machine
// holds it for Exp(mean d) while the agent recognises it (screening) and
// drops the voicemail. A live person who finds no agent free is hung up on
// by the detector with probability fp (its false positive) or else waits
// with patience Exp(mean g); a machine that finds no agent free needs none.
// An agent who frees up (end of a call or of a screening) takes a waiting
// person first. State (b agents on live calls, s agents screening, q people
// waiting, r calls ringing); the dialer may raise r at any moment. Maximise
// E[b]/N subject to long-run abandons / live answers <= alpha, where the
// abandons counted are the waiting people who give up or find the waiting
// room full, plus, when `count_false_positives`, the detector's hang-ups.
//
// With u = 0 (or d = 0) and fp = 0 this is exactly markov_limit.h's model.
// Method: lagrangian_solver.h. Truncations: r at `ringing_cap`, q at
// `waiting_cap`, s at `screening_cap` (defaults in screening_limit.cc; a
// machine that would be screened beyond it is treated as needing no agent);
// a defaulted truncation that binds is widened and the model solved again
// (up to three times); LimitResult flags the ones that still bind.
//
// Thread-safety: pure functions, reentrant.
#ifndef DIALER_PACING_LIMIT_SCREENING_LIMIT_H_
#define DIALER_PACING_LIMIT_SCREENING_LIMIT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "pacing/limit/markov_limit.h"

namespace dialer::pacing {

struct ScreeningModel {
  int agents = 20;                   // N, 1..200
  double live_probability = 0.12;    // p, (0, 1]
  double machine_probability = 0.3;  // u, [0, 1 - p]
  double service_mean_s = 180;       // h: a live call's hold, > 0
  double ring_mean_s = 11;           // m: dial to pick-up, > 0
  double screen_mean_s = 2.6;        // d: a machine's hold, >= 0
  double grace_mean_s = 2;           // g: patience of a waiting person, >= 0
  double false_positive = 0;         // fp, [0, 1)
  bool count_false_positives = false;
  double abandon_cap = 0.03;         // alpha, [0, 1)
  int ringing_cap = 0;               // 0: default
  int waiting_cap = 0;               // 0: default (0 when grace is 0)
  int screening_cap = 0;             // 0: default (0 when u or d is 0)
};

// InvalidArgument naming the field when the model is out of range.
// `optimum.occupancy` is E[b]/N, `optimum.screening` E[s]/N.
[[nodiscard]] absl::StatusOr<LimitResult> SolveScreeningLimit(
    const ScreeningModel& model);

// A stretch of the day for SolveScreeningDayLimit: its own agents and
// answer rates (the other fields as the day's).
struct ScreeningSegment {
  ScreeningModel model;
  double duration_s = 0;  // > 0
};

// The day's optimum over `segments` under one cap on the day's abandons
// over its live answers (DayLimitResult in markov_limit.h; screening
// shares are agent-time weighted like occupancy). Each segment's defaulted
// truncations are widened as in SolveScreeningLimit, and the day solved
// again. InvalidArgument when there is no segment, a model is out of
// range, a duration is not > 0 or the segments' abandon caps differ. One
// segment gives SolveScreeningLimit's figures exactly. `kappa_hint` > 0:
// a multiplier expected near the day's (e.g. the stationary model's
// LimitResult::kappa); the search then starts there with finer steps (the
// answer is the same to the solver's 1e-5).
[[nodiscard]] absl::StatusOr<DayLimitResult> SolveScreeningDayLimit(
    const std::vector<ScreeningSegment>& segments, double kappa_hint = 0);

// The model's average under a fixed policy: `ringing_target[k]` calls kept
// ringing while k agents are busy (on a call or screening; k = 0..N) and
// nobody waits, `ringing_target[N + j]` while j people wait (j >= 1,
// missing entries: 0). For tests and for comparing simple policies.
[[nodiscard]] absl::StatusOr<PolicyMetrics> EvaluateScreeningPolicy(
    const ScreeningModel& model, const std::vector<int>& ringing_target);

}  // namespace dialer::pacing

#endif  // DIALER_PACING_LIMIT_SCREENING_LIMIT_H_
