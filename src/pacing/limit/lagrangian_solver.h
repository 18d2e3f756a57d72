// The exact solver shared by the limit models (markov_limit.cc,
// screening_limit.cc): a constrained average-reward MDP on a uniformised
// chain whose only decision is "top the ringing calls up from r to r' >= r",
// solved by Lagrangian relaxation of the cap (reward b - kappa x (abandons -
// alpha x live answers)), policy iteration with one Eigen sparse LU per
// evaluation, bisection on kappa, and a time-share of the two bracketing policies so that the cap holds with
// equality (a finite CMDP's constrained optimum needs one randomisation).
// SolveConstrainedDay does the same for a day of several chains (stretches
// with their own staffing) under one cap on the day's ratio: one kappa for
// every chain, each maximising its own Lagrangian, the day's figures
// weighted by the chains' shares of time; SolveConstrained is its one-chain
// case.
//
// A Chain provides: groups() (the state without its ringing calls),
// ringing_cap(), states(), Index(group, r), Free(group) (idle agents, for
// the progressive start policy) and From(group, r') -> LimitStep, the
// transitions out of the post-decision state (the rest of the probability
// stays put). Private to src/pacing/limit/.
//
// Thread-safety: pure functions, reentrant.
#ifndef DIALER_PACING_LIMIT_LAGRANGIAN_SOLVER_H_
#define DIALER_PACING_LIMIT_LAGRANGIAN_SOLVER_H_

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "Eigen/Sparse"
#include "Eigen/SparseLU"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "pacing/limit/markov_limit.h"

namespace dialer::pacing::limit_internal {

struct LimitStep {
  static constexpr int kMaxTargets = 8;
  int target[kMaxTargets];
  double prob[kMaxTargets];
  int count = 0;
  double reward = 0;        // agents occupied by live calls (b)
  double screening = 0;     // agents screening machines (s)
  double abandon_rate = 0;  // counted abandons per second
  double live_rate = 0;     // live answers per second
  double ring_rate = 0;     // resolutions per second = dials per second
  void Add(int t, double p) {
    if (p <= 0) return;
    target[count] = t;
    prob[count] = p;
    ++count;
  }
};

// action[Index(g, r)] = r' >= r.
using Policy = std::vector<int>;

struct Evaluation {
  bool ok = false;
  std::vector<double> bias;  // h(s), h(0) = 0
  PolicyMetrics metrics;
  double abandon_rate = 0;  // per second
  double live_rate = 0;
  // E[b], E[s] and dials per second: what a day of several chains sums.
  double held = 0;
  double screening = 0;
  double ring_rate = 0;
  std::vector<double> stationary;  // only when asked for
};

// The Lagrangian reward of the cap "abandons <= alpha x live answers":
// b - kappa x (abandons - alpha x live answers), per second.
struct Multiplier {
  double kappa = 0;
  double alpha = 0;
  double Reward(const LimitStep& s) const {
    return s.reward - kappa * (s.abandon_rate - alpha * s.live_rate);
  }
};

// Average-reward evaluation of `policy` for the Lagrangian reward:
// (I - P) h + rho 1 = c with h(0) = 0, column 0 standing for rho.
template <typename Chain>
Evaluation Evaluate(const Chain& chain, const Policy& policy, Multiplier k,
                    int agents, bool want_stationary = false) {
  using SparseMatrix = Eigen::SparseMatrix<double>;
  const int n = chain.states();
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(static_cast<size_t>(n) * 6);
  Eigen::MatrixXd rhs(n, 6);
  for (int g = 0; g < chain.groups(); ++g) {
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      const int s = chain.Index(g, r);
      const int post = chain.Index(g, policy[s]);
      const LimitStep step = chain.From(g, policy[s]);
      // Row s: h(s) - sum P h(s') (+ rho in column 0); duplicates add up.
      auto add = [&](int col, double v) {
        if (col != 0) triplets.emplace_back(s, col, v);
      };
      double stay = 1;
      add(s, 1.0);
      for (int i = 0; i < step.count; ++i) {
        add(step.target[i], -step.prob[i]);
        stay -= step.prob[i];
      }
      add(post, -stay);
      triplets.emplace_back(s, 0, 1.0);
      rhs(s, 0) = k.Reward(step);
      rhs(s, 1) = step.reward;
      rhs(s, 2) = step.abandon_rate;
      rhs(s, 3) = step.live_rate;
      rhs(s, 4) = step.ring_rate;
      rhs(s, 5) = step.screening;
    }
  }
  SparseMatrix a(n, n);
  a.setFromTriplets(triplets.begin(), triplets.end());
  a.makeCompressed();
  Eigen::SparseLU<SparseMatrix, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(a);
  Evaluation e;
  if (lu.info() != Eigen::Success) return e;
  const Eigen::MatrixXd x = lu.solve(rhs);
  if (lu.info() != Eigen::Success) return e;
  e.ok = true;
  e.bias.assign(x.col(0).data(), x.col(0).data() + n);
  e.bias[0] = 0;
  e.metrics.occupancy = x(0, 1) / agents;
  e.abandon_rate = x(0, 2);
  e.live_rate = x(0, 3);
  e.held = x(0, 1);
  e.ring_rate = x(0, 4);
  e.screening = x(0, 5);
  e.metrics.abandon_rate = e.live_rate > 0 ? e.abandon_rate / e.live_rate : 0;
  e.metrics.dials_per_agent_hour = x(0, 4) * 3600 / agents;
  e.metrics.screening = x(0, 5) / agents;
  if (want_stationary) {
    // A^T y = e_0 gives the stationary distribution: the columns other than
    // 0 are pi (I - P) = 0 and column 0 is sum(pi) = 1.
    Eigen::VectorXd unit = Eigen::VectorXd::Zero(n);
    unit(0) = 1;
    const Eigen::VectorXd pi = lu.transpose().solve(unit);
    e.stationary.assign(pi.data(), pi.data() + n);
  }
  return e;
}

// Greedy improvement: action(g, r) = argmax_{r' >= r} U(g, r'), keeping the
// current action on ties so that policy iteration terminates.
template <typename Chain>
bool Improve(const Chain& chain, const std::vector<double>& bias,
             Multiplier k, Policy& policy) {
  bool changed = false;
  const int rc = chain.ringing_cap();
  std::vector<double> u(rc + 1);
  for (int g = 0; g < chain.groups(); ++g) {
    for (int rp = 0; rp <= rc; ++rp) {
      const LimitStep step = chain.From(g, rp);
      double value = k.Reward(step);
      double stay = 1;
      for (int i = 0; i < step.count; ++i) {
        value += step.prob[i] * bias[step.target[i]];
        stay -= step.prob[i];
      }
      u[rp] = value + stay * bias[chain.Index(g, rp)];
    }
    int best = rc;
    for (int r = rc; r >= 0; --r) {
      if (u[r] > u[best]) best = r;
      const int s = chain.Index(g, r);
      const int current = policy[s];
      const double tolerance = 1e-9 * (1 + std::abs(u[best]));
      if (current >= r && u[current] >= u[best] - tolerance) continue;
      policy[s] = best;
      changed = true;
    }
  }
  return changed;
}

struct Solved {
  bool ok = false;
  Policy policy;
  Evaluation eval;
  int iterations = 0;
};

template <typename Chain>
Solved SolveLagrangian(const Chain& chain, Multiplier k, Policy start,
                       int agents) {
  Solved out;
  out.policy = std::move(start);
  for (int it = 0; it < 200; ++it) {
    out.eval = Evaluate(chain, out.policy, k, agents);
    ++out.iterations;
    if (!out.eval.ok) return out;
    if (!Improve(chain, out.eval.bias, k, out.policy)) {
      out.ok = true;
      return out;
    }
  }
  return out;
}

// One call ringing per idle agent (power dialing).
template <typename Chain>
Policy Progressive(const Chain& chain) {
  Policy p(chain.states());
  for (int g = 0; g < chain.groups(); ++g) {
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      p[chain.Index(g, r)] = std::min(
          chain.ringing_cap(), std::max(r, std::max(0, chain.Free(g))));
    }
  }
  return p;
}

// Occupancy (share of N) within which the bisection's bounds must agree.
inline constexpr double kDualityGap = 1e-5;

// One chain of a day solved jointly (SolveConstrainedDay): a stretch of the
// day with its own staffing and answer rates; `weight` is its share of the
// day's time (the weights sum to 1).
template <typename Chain>
struct Segment {
  const Chain* chain = nullptr;
  double weight = 1;
  int agents = 0;
};

// The constrained optimum and the policies it time-shares (`lo` breaks the
// cap and gets weight `mix_weight`; `hi` keeps it). nullopt: policy
// iteration failed or a system was singular.
struct Constrained {
  LimitResult result;
  Policy hi;
  Policy lo;  // empty when the cap does not bind
};

// The same for a day of segments: `result` is the day's (occupancy over
// the day's agent-time, the day's abandons over its live answers), and
// each segment has its figures under the day's time-share and its two
// policies.
struct DayConstrained {
  LimitResult result;
  std::vector<PolicyMetrics> segments;
  std::vector<Policy> hi;
  std::vector<Policy> lo;  // empty when the cap does not bind
};

// Where the search starts: a multiplier near the answer and a policy for
// it (e.g. the solution of the same model under tighter truncations). The
// bracket around kappa then grows by 1.25 at a time instead of 8.
struct Start {
  double kappa = 1;
  Policy policy;
};

struct DayStart {
  double kappa = 1;
  std::vector<Policy> policies;  // one per segment
};

// Each segment's Lagrangian optimum at one multiplier, and the day's
// figures: per-second rates weighted by the segments' shares of time.
struct DaySolved {
  bool ok = false;
  std::vector<Solved> parts;
  Evaluation eval;  // no bias
};

// The time-share of two evaluations: `w` of `lo`, 1 - w of `hi`.
inline PolicyMetrics Mix(const Evaluation& lo, const Evaluation& hi,
                         double w) {
  const PolicyMetrics& a = lo.metrics;
  const PolicyMetrics& b = hi.metrics;
  PolicyMetrics mixed;
  mixed.occupancy = w * a.occupancy + (1 - w) * b.occupancy;
  mixed.screening = w * a.screening + (1 - w) * b.screening;
  const double live = w * lo.live_rate + (1 - w) * hi.live_rate;
  const double abandons = w * lo.abandon_rate + (1 - w) * hi.abandon_rate;
  mixed.abandon_rate = live > 0 ? abandons / live : 0;
  mixed.dials_per_agent_hour =
      w * a.dials_per_agent_hour + (1 - w) * b.dials_per_agent_hour;
  return mixed;
}

// A day's segments as both day solvers take them (`what` names the model in
// errors): at least one, each model valid (`check`), each duration > 0, one
// abandon cap for the day. Returns the day's total duration.
template <typename DaySegment, typename CheckModel>
absl::StatusOr<double> CheckDaySegments(
    const std::vector<DaySegment>& segments, const char* what,
    CheckModel check) {
  if (segments.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(what, ": no segment"));
  }
  double total_s = 0;
  for (const DaySegment& seg : segments) {
    if (absl::Status s = check(seg.model); !s.ok()) return s;
    if (!(seg.duration_s > 0 && std::isfinite(seg.duration_s))) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, ": duration_s is ", seg.duration_s, ", expected > 0"));
    }
    if (seg.model.abandon_cap != segments[0].model.abandon_cap) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": the segments' abandon caps differ"));
    }
    total_s += seg.duration_s;
  }
  return total_s;
}

// The cap is the day's: sum of abandons <= alpha x sum of live answers
// over all segments. With one multiplier for the whole day the Lagrangian
// of the day is the time-weighted sum of the segments' Lagrangians, each of
// which depends only on that segment's policy: at a given kappa every
// segment maximises its own (policy iteration per chain), and the day's
// excess, occupancy and dual bound are the weighted sums. The bisection and
// the time-share (the same share in every segment) are then those of a
// single chain; with one segment of weight 1 the figures are bit for bit
// those of SolveConstrained.
template <typename Chain>
std::optional<DayConstrained> SolveConstrainedDay(
    const std::vector<Segment<Chain>>& segments, double alpha,
    const DayStart* start = nullptr) {
  DayConstrained out;
  LimitResult& result = out.result;
  const size_t count = segments.size();
  if (count == 0) return std::nullopt;
  for (const Segment<Chain>& seg : segments) {
    result.states += seg.chain->states();
  }

  // Excess abandons over the cap, per second: <= 0 means the cap holds.
  auto excess = [&](const Evaluation& e) {
    return e.abandon_rate - alpha * e.live_rate;
  };
  auto solve = [&](double kappa, const std::vector<Policy>& starts) {
    DaySolved d;
    d.ok = true;
    double held = 0, screening = 0, abandons = 0, live = 0, ring = 0;
    double agents = 0;
    for (size_t i = 0; i < count; ++i) {
      const Segment<Chain>& seg = segments[i];
      Solved s = SolveLagrangian(*seg.chain, Multiplier{kappa, alpha},
                                 starts[i], seg.agents);
      result.policy_iterations += s.iterations;
      d.ok = d.ok && s.ok;
      held += seg.weight * s.eval.held;
      screening += seg.weight * s.eval.screening;
      abandons += seg.weight * s.eval.abandon_rate;
      live += seg.weight * s.eval.live_rate;
      ring += seg.weight * s.eval.ring_rate;
      agents += seg.weight * seg.agents;
      d.parts.push_back(std::move(s));
    }
    Evaluation& e = d.eval;
    e.ok = d.ok;
    e.held = held;
    e.screening = screening;
    e.ring_rate = ring;
    e.abandon_rate = abandons;
    e.live_rate = live;
    e.metrics.occupancy = held / agents;
    e.metrics.abandon_rate = live > 0 ? abandons / live : 0;
    e.metrics.dials_per_agent_hour = ring * 3600 / agents;
    e.metrics.screening = screening / agents;
    return d;
  };
  auto policies = [](const DaySolved& d) {
    std::vector<Policy> p;
    p.reserve(d.parts.size());
    for (const Solved& s : d.parts) p.push_back(s.policy);
    return p;
  };
  auto same_policies = [](const DaySolved& a, const DaySolved& b) {
    for (size_t i = 0; i < a.parts.size(); ++i) {
      if (a.parts[i].policy != b.parts[i].policy) return false;
    }
    return true;
  };
  const double day_agents = [&] {
    double a = 0;
    for (const Segment<Chain>& seg : segments) a += seg.weight * seg.agents;
    return a;
  }();

  // A kappa whose policies keep the cap (hi) and one whose policies break it.
  const double step = start != nullptr ? 1.25 : 8;
  double kappa_hi = start != nullptr ? start->kappa * step : 1;
  std::vector<Policy> first;
  if (start != nullptr) {
    first = start->policies;
  } else {
    for (const Segment<Chain>& seg : segments) {
      first.push_back(Progressive(*seg.chain));
    }
  }
  DaySolved hi = solve(kappa_hi, first);
  if (!hi.ok) return std::nullopt;
  while (excess(hi.eval) > 0 && kappa_hi < 1e9) {
    kappa_hi *= step;
    hi = solve(kappa_hi, policies(hi));
  }
  double kappa_lo = kappa_hi / step;
  DaySolved lo = solve(kappa_lo, policies(hi));
  while (excess(lo.eval) <= 0 && kappa_lo > 1e-6) {
    // The cap binds less than thought: move the bracket down.
    hi = lo;
    kappa_hi = kappa_lo;
    kappa_lo /= step;
    lo = solve(kappa_lo, policies(lo));
  }
  if (!hi.ok || !lo.ok) return std::nullopt;
  if (excess(lo.eval) <= 0) {
    // Even the most aggressive policies keep the cap.
    result.optimum = lo.eval.metrics;
    result.upper_bound = lo.eval.metrics.occupancy;
    for (const Solved& s : lo.parts) out.segments.push_back(s.eval.metrics);
    out.hi = policies(lo);
    return out;
  }
  // Weak duality: policies optimal for the Lagrangian reward at kappa earn
  // E[b] - kappa x excess >= E[b] of all policies that keep the cap, so
  // the smallest such figure bounds the optimum from above; the time-share
  // of the bracket is feasible and bounds it from below. The bisection
  // stops when the two agree to kDualityGap (in occupancy), or the bracket
  // has closed.
  auto dual = [&](const DaySolved& s, double kappa) {
    return s.eval.metrics.occupancy - kappa * excess(s.eval) / day_agents;
  };
  auto share = [&] {
    const double e_lo = excess(lo.eval), e_hi = excess(hi.eval);
    return e_lo - e_hi > 0 ? -e_hi / (e_lo - e_hi) : 0.0;
  };
  auto mixed_occupancy = [&](double w) {
    return w * lo.eval.metrics.occupancy + (1 - w) * hi.eval.metrics.occupancy;
  };
  double upper = std::min(dual(hi, kappa_hi), dual(lo, kappa_lo));
  for (int i = 0; i < 60 && kappa_hi / kappa_lo > 1 + 1e-7; ++i) {
    if (upper - mixed_occupancy(share()) <= kDualityGap) break;
    const double mid = std::sqrt(kappa_lo * kappa_hi);
    DaySolved s = solve(mid, policies(hi));
    if (!s.ok) return std::nullopt;
    upper = std::min(upper, dual(s, mid));
    if (excess(s.eval) > 0) {
      lo = std::move(s);
      kappa_lo = mid;
    } else {
      hi = std::move(s);
      kappa_hi = mid;
    }
    if (same_policies(lo, hi)) break;
  }
  // Time-share: w on `lo` (breaks the cap), 1 - w on `hi` (keeps it), the
  // same w in every segment, so the day's excess is 0.
  const double w = share();
  result.upper_bound = std::max(upper, mixed_occupancy(w));
  result.optimum = Mix(lo.eval, hi.eval, w);
  for (size_t i = 0; i < count; ++i) {
    out.segments.push_back(Mix(lo.parts[i].eval, hi.parts[i].eval, w));
  }
  result.kappa = std::sqrt(kappa_lo * kappa_hi);
  result.mix_weight = w;
  out.hi = policies(hi);
  if (w > 0) out.lo = policies(lo);
  return out;
}

// One chain for the whole time: SolveConstrainedDay with one segment.
template <typename Chain>
std::optional<Constrained> SolveConstrained(const Chain& chain, double alpha,
                                            int agents,
                                            const Start* start = nullptr) {
  const std::vector<Segment<Chain>> one = {{&chain, 1.0, agents}};
  std::optional<DayStart> day_start;
  if (start != nullptr) day_start = DayStart{start->kappa, {start->policy}};
  auto day = SolveConstrainedDay(one, alpha,
                                 day_start ? &*day_start : nullptr);
  if (!day.has_value()) return std::nullopt;
  Constrained out;
  out.result = day->result;
  out.hi = std::move(day->hi[0]);
  if (!day->lo.empty()) out.lo = std::move(day->lo[0]);
  return out;
}

// The stationary distribution of `policy` (empty if the system is singular).
template <typename Chain>
std::vector<double> Stationary(const Chain& chain, const Policy& policy,
                               int agents) {
  return Evaluate(chain, policy, Multiplier{}, agents,
                  /*want_stationary=*/true)
      .stationary;
}

// Share of time above which a truncation is said to bind (LimitResult).
inline constexpr double kTruncationMass = 1e-4;

}  // namespace dialer::pacing::limit_internal

#endif  // DIALER_PACING_LIMIT_LAGRANGIAN_SOLVER_H_
