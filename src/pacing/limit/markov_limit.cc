#include "pacing/limit/markov_limit.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "Eigen/Sparse"
#include "Eigen/SparseLU"
#include "absl/strings/str_cat.h"

namespace dialer::pacing {
namespace {

using SparseMatrix = Eigen::SparseMatrix<double>;

// The uniformised chain. A state is a "level" l (b = min(l, N) busy agents,
// q = max(0, l - N) waiting) and r ringing calls; the dialer's action moves
// r up to r' before the next transition.
class Chain {
 public:
  Chain(const MarkovModel& m, int ringing_cap, int waiting_cap)
      : m_(m), n_(m.agents), r_cap_(ringing_cap), q_cap_(waiting_cap) {
    uniform_rate_ = n_ / m.service_mean_s + r_cap_ / m.ring_mean_s +
                    (m.grace_mean_s > 0 ? q_cap_ / m.grace_mean_s : 0);
  }

  int levels() const { return n_ + q_cap_ + 1; }
  int ringing_cap() const { return r_cap_; }
  int states() const { return levels() * (r_cap_ + 1); }
  int Index(int l, int r) const { return l * (r_cap_ + 1) + r; }
  int Busy(int l) const { return std::min(l, n_); }
  int Waiting(int l) const { return std::max(0, l - n_); }

  struct Step {
    int target[3];
    double prob[3];
    int count = 0;
    double busy = 0;
    double abandon_rate = 0;
    double live_rate = 0;
    double ring_rate = 0;  // resolutions per second = dials per second
    void Add(int t, double p) {
      target[count] = t;
      prob[count] = p;
      ++count;
    }
  };

  // Transitions from the post-decision state (l, rp); the rest of the
  // probability stays at (l, rp).
  Step From(int l, int rp) const {
    Step s;
    const double b = Busy(l), q = Waiting(l);
    const double down = b / m_.service_mean_s +
                        (m_.grace_mean_s > 0 ? q / m_.grace_mean_s : 0);
    const double ring = rp / m_.ring_mean_s;
    const double live = m_.live_probability * ring;
    s.busy = b;
    s.live_rate = live;
    s.ring_rate = ring;
    s.abandon_rate = m_.grace_mean_s > 0 ? q / m_.grace_mean_s : 0;
    if (down > 0) s.Add(Index(l - 1, rp), down / uniform_rate_);
    if (rp > 0) {
      if (l + 1 < levels()) {
        s.Add(Index(l + 1, rp - 1), live / uniform_rate_);
        s.Add(Index(l, rp - 1), (ring - live) / uniform_rate_);
      } else {
        // Nobody free and no room to wait: the live answer is abandoned.
        s.abandon_rate += live;
        s.Add(Index(l, rp - 1), ring / uniform_rate_);
      }
    }
    return s;
  }

 private:
  const MarkovModel& m_;
  int n_;
  int r_cap_;
  int q_cap_;
  double uniform_rate_;
};

// action[Index(l, r)] = r' >= r.
using Policy = std::vector<int>;

struct Evaluation {
  bool ok = false;
  std::vector<double> bias;  // h(s), h(0) = 0
  PolicyMetrics metrics;
  double abandon_rate = 0;  // per second
  double live_rate = 0;
  // Long-run probability of the states whose action is r' = ringing_cap
  // (only when asked for).
  double mass_at_ringing_cap = 0;
};

// Average-reward evaluation of `policy` for reward b - kappa x abandons:
// (I - P) h + rho 1 = c with h(0) = 0, column 0 standing for rho.
Evaluation Evaluate(const Chain& chain, const Policy& policy, double kappa,
                    int agents, bool want_cap_mass = false) {
  const int n = chain.states();
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(static_cast<size_t>(n) * 5);
  Eigen::MatrixXd rhs(n, 5);
  for (int l = 0; l < chain.levels(); ++l) {
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      const int s = chain.Index(l, r);
      const int post = chain.Index(l, policy[s]);
      const Chain::Step step = chain.From(l, policy[s]);
      double stay = 1;
      // Row s: h(s) - sum P h(s') (+ rho in column 0).
      auto add = [&](int col, double v) {
        if (col != 0) triplets.emplace_back(s, col, v);
      };
      add(s, 1.0);
      for (int i = 0; i < step.count; ++i) {
        add(step.target[i], -step.prob[i]);
        stay -= step.prob[i];
      }
      add(post, -stay);
      triplets.emplace_back(s, 0, 1.0);
      rhs(s, 0) = step.busy - kappa * step.abandon_rate;
      rhs(s, 1) = step.busy;
      rhs(s, 2) = step.abandon_rate;
      rhs(s, 3) = step.live_rate;
      rhs(s, 4) = step.ring_rate;
      (void)post;
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
  e.metrics.abandon_rate = e.live_rate > 0 ? e.abandon_rate / e.live_rate : 0;
  e.metrics.dials_per_agent_hour = x(0, 4) * 3600 / agents;
  if (want_cap_mass) {
    // A^T y = e_0 gives the stationary distribution: the columns other than
    // 0 are pi (I - P) = 0 and column 0 is sum(pi) = 1.
    Eigen::VectorXd unit = Eigen::VectorXd::Zero(n);
    unit(0) = 1;
    const Eigen::VectorXd pi = lu.transpose().solve(unit);
    for (int s = 0; s < n; ++s) {
      if (policy[s] >= chain.ringing_cap()) e.mass_at_ringing_cap += pi(s);
    }
  }
  return e;
}

// Greedy improvement: action(l, r) = argmax_{r' >= r} U(l, r'), keeping the
// current action on ties so that policy iteration terminates.
bool Improve(const Chain& chain, const std::vector<double>& bias,
             double kappa, Policy& policy) {
  bool changed = false;
  const int rc = chain.ringing_cap();
  std::vector<double> u(rc + 1);
  for (int l = 0; l < chain.levels(); ++l) {
    for (int rp = 0; rp <= rc; ++rp) {
      const Chain::Step step = chain.From(l, rp);
      double value = step.busy - kappa * step.abandon_rate;
      double stay = 1;
      for (int i = 0; i < step.count; ++i) {
        value += step.prob[i] * bias[step.target[i]];
        stay -= step.prob[i];
      }
      u[rp] = value + stay * bias[chain.Index(l, rp)];
    }
    int best = rc;
    for (int r = rc; r >= 0; --r) {
      if (u[r] > u[best]) best = r;
      const int s = chain.Index(l, r);
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

Solved SolveLagrangian(const Chain& chain, double kappa, Policy start,
                       int agents) {
  Solved out;
  out.policy = std::move(start);
  for (int it = 0; it < 200; ++it) {
    out.eval = Evaluate(chain, out.policy, kappa, agents);
    ++out.iterations;
    if (!out.eval.ok) return out;
    if (!Improve(chain, out.eval.bias, kappa, out.policy)) {
      out.ok = true;
      return out;
    }
  }
  return out;
}

Policy Progressive(const Chain& chain, int agents) {
  Policy p(chain.states());
  for (int l = 0; l < chain.levels(); ++l) {
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      p[chain.Index(l, r)] = std::max(r, std::max(0, agents - chain.Busy(l)));
    }
  }
  return p;
}

absl::Status Check(const MarkovModel& m) {
  auto bad = [](const char* field, double v, const char* expected) {
    return absl::InvalidArgumentError(absl::StrCat(
        "markov model: ", field, " is ", v, ", expected ", expected));
  };
  if (m.agents < 1 || m.agents > 200) return bad("agents", m.agents, "1-200");
  if (!(m.live_probability > 0 && m.live_probability <= 1)) {
    return bad("live_probability", m.live_probability, "(0, 1]");
  }
  if (!(m.service_mean_s > 0) || !std::isfinite(m.service_mean_s)) {
    return bad("service_mean_s", m.service_mean_s, "> 0");
  }
  if (!(m.ring_mean_s > 0) || !std::isfinite(m.ring_mean_s)) {
    return bad("ring_mean_s", m.ring_mean_s, "> 0");
  }
  if (!(m.grace_mean_s >= 0) || !std::isfinite(m.grace_mean_s)) {
    return bad("grace_mean_s", m.grace_mean_s, ">= 0");
  }
  if (!(m.abandon_cap >= 0 && m.abandon_cap < 1)) {
    return bad("abandon_cap", m.abandon_cap, "[0, 1)");
  }
  if (m.ringing_cap < 0 || m.waiting_cap < 0) {
    return bad("ringing_cap/waiting_cap", std::min(m.ringing_cap, m.waiting_cap),
               ">= 0");
  }
  return absl::OkStatus();
}

Chain MakeChain(const MarkovModel& m) {
  int r_cap = m.ringing_cap;
  if (r_cap == 0) {
    const double fluid =
        m.agents * m.ring_mean_s / (m.live_probability * m.service_mean_s);
    r_cap = std::max(m.agents + 5, static_cast<int>(std::ceil(4 * fluid + 20)));
  }
  int q_cap = 0;
  if (m.grace_mean_s > 0) {
    q_cap = m.waiting_cap;
    if (q_cap == 0) {
      const double peak =
          r_cap * m.live_probability * m.grace_mean_s / m.ring_mean_s;
      q_cap = std::clamp(static_cast<int>(std::ceil(3 + 2 * peak)), 3, 40);
    }
  }
  return Chain(m, r_cap, q_cap);
}

PolicyMetrics WithRinging(PolicyMetrics p, const MarkovModel& m) {
  p.mean_ringing = p.dials_per_agent_hour * m.agents / 3600 * m.ring_mean_s;
  return p;
}

// True when the policy spends a noticeable share of time at the cap on
// ringing calls (states where it would dial more if it could).
bool ReachesCap(const Chain& chain, const Policy& p, int agents) {
  return Evaluate(chain, p, 0, agents, /*want_cap_mass=*/true)
             .mass_at_ringing_cap > 1e-4;
}

}  // namespace

absl::StatusOr<PolicyMetrics> EvaluateProgressive(const MarkovModel& model) {
  if (absl::Status s = Check(model); !s.ok()) return s;
  const Chain chain = MakeChain(model);
  const Evaluation e =
      Evaluate(chain, Progressive(chain, model.agents), 0, model.agents);
  if (!e.ok) return absl::InternalError("markov model: singular system");
  return WithRinging(e.metrics, model);
}

absl::StatusOr<LimitResult> SolveMarkovLimit(const MarkovModel& model) {
  if (absl::Status s = Check(model); !s.ok()) return s;
  const Chain chain = MakeChain(model);
  const double alpha = model.abandon_cap;
  LimitResult result;
  result.states = chain.states();

  // Excess abandons over the cap, per second: <= 0 means the cap holds.
  auto excess = [&](const Evaluation& e) {
    return e.abandon_rate - alpha * e.live_rate;
  };
  auto solve = [&](double kappa, const Policy& start) {
    Solved s = SolveLagrangian(chain, kappa, start, model.agents);
    result.policy_iterations += s.iterations;
    return s;
  };

  // A kappa whose policy keeps the cap (hi) and one whose policy breaks it.
  Solved hi = solve(1, Progressive(chain, model.agents));
  if (!hi.ok) return absl::InternalError("markov model: policy iteration failed");
  double kappa_hi = 1;
  while (excess(hi.eval) > 0 && kappa_hi < 1e9) {
    kappa_hi *= 8;
    hi = solve(kappa_hi, hi.policy);
  }
  double kappa_lo = kappa_hi / 8;
  Solved lo = solve(kappa_lo, hi.policy);
  while (excess(lo.eval) <= 0 && kappa_lo > 1e-6) {
    // The cap binds less than thought: move the bracket down.
    hi = lo;
    kappa_hi = kappa_lo;
    kappa_lo /= 8;
    lo = solve(kappa_lo, lo.policy);
  }
  if (!hi.ok || !lo.ok) {
    return absl::InternalError("markov model: policy iteration failed");
  }
  if (excess(lo.eval) <= 0) {
    // Even the most aggressive policy keeps the cap.
    result.optimum = WithRinging(lo.eval.metrics, model);
    result.ringing_cap_reached = ReachesCap(chain, lo.policy, model.agents);
    return result;
  }
  for (int i = 0; i < 60 && kappa_hi / kappa_lo > 1 + 1e-7; ++i) {
    const double mid = std::sqrt(kappa_lo * kappa_hi);
    Solved s = solve(mid, hi.policy);
    if (!s.ok) return absl::InternalError("markov model: policy iteration failed");
    if (excess(s.eval) > 0) {
      lo = std::move(s);
      kappa_lo = mid;
    } else {
      hi = std::move(s);
      kappa_hi = mid;
    }
    if (lo.policy == hi.policy) break;
  }
  // Time-share: w on `lo` (breaks the cap), 1 - w on `hi` (keeps it).
  const double e_lo = excess(lo.eval), e_hi = excess(hi.eval);
  const double w = e_lo - e_hi > 0 ? -e_hi / (e_lo - e_hi) : 0;
  const PolicyMetrics& a = lo.eval.metrics;
  const PolicyMetrics& b = hi.eval.metrics;
  PolicyMetrics mixed;
  mixed.occupancy = w * a.occupancy + (1 - w) * b.occupancy;
  const double live = w * lo.eval.live_rate + (1 - w) * hi.eval.live_rate;
  const double abandons =
      w * lo.eval.abandon_rate + (1 - w) * hi.eval.abandon_rate;
  mixed.abandon_rate = live > 0 ? abandons / live : 0;
  mixed.dials_per_agent_hour =
      w * a.dials_per_agent_hour + (1 - w) * b.dials_per_agent_hour;
  result.optimum = WithRinging(mixed, model);
  result.kappa = std::sqrt(kappa_lo * kappa_hi);
  result.mix_weight = w;
  result.ringing_cap_reached =
      ReachesCap(chain, hi.policy, model.agents) ||
      (w > 0 && ReachesCap(chain, lo.policy, model.agents));
  return result;
}

}  // namespace dialer::pacing
