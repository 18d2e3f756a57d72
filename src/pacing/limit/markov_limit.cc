#include "pacing/limit/markov_limit.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pacing/limit/lagrangian_solver.h"

namespace dialer::pacing {
namespace {

using limit_internal::LimitStep;

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

  int groups() const { return n_ + q_cap_ + 1; }
  int ringing_cap() const { return r_cap_; }
  int waiting_cap() const { return q_cap_; }
  int states() const { return groups() * (r_cap_ + 1); }
  int Index(int l, int r) const { return l * (r_cap_ + 1) + r; }
  int Busy(int l) const { return std::min(l, n_); }
  int Waiting(int l) const { return std::max(0, l - n_); }
  int Free(int l) const { return n_ - Busy(l); }

  // Transitions from the post-decision state (l, rp); the rest of the
  // probability stays at (l, rp).
  LimitStep From(int l, int rp) const {
    LimitStep s;
    const double b = Busy(l), q = Waiting(l);
    const double down = b / m_.service_mean_s +
                        (m_.grace_mean_s > 0 ? q / m_.grace_mean_s : 0);
    const double ring = rp / m_.ring_mean_s;
    const double live = m_.live_probability * ring;
    s.reward = b;
    s.live_rate = live;
    s.ring_rate = ring;
    s.abandon_rate = m_.grace_mean_s > 0 ? q / m_.grace_mean_s : 0;
    if (down > 0) s.Add(Index(l - 1, rp), down / uniform_rate_);
    if (rp > 0) {
      if (l + 1 < groups()) {
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

// Truncation flags of LimitResult for one of the optimum's policies.
void FlagTruncations(const Chain& chain, const limit_internal::Policy& p,
                     int agents, LimitResult& result) {
  const std::vector<double> pi = limit_internal::Stationary(chain, p, agents);
  if (pi.empty()) return;
  double at_ringing_cap = 0, at_waiting_cap = 0;
  for (int l = 0; l < chain.groups(); ++l) {
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      const int s = chain.Index(l, r);
      // States where the policy would dial more if it could.
      if (p[s] >= chain.ringing_cap()) at_ringing_cap += pi[s];
      if (chain.waiting_cap() > 0 && l == chain.groups() - 1) {
        at_waiting_cap += pi[s];
      }
    }
  }
  result.ringing_cap_reached |= at_ringing_cap > limit_internal::kTruncationMass;
  result.waiting_cap_reached |= at_waiting_cap > limit_internal::kTruncationMass;
}

}  // namespace

absl::StatusOr<PolicyMetrics> EvaluateProgressive(const MarkovModel& model) {
  if (absl::Status s = Check(model); !s.ok()) return s;
  const Chain chain = MakeChain(model);
  const limit_internal::Evaluation e = limit_internal::Evaluate(
      chain, limit_internal::Progressive(chain), limit_internal::Multiplier{},
      model.agents);
  if (!e.ok) return absl::InternalError("markov model: singular system");
  return WithRinging(e.metrics, model);
}

absl::StatusOr<LimitResult> SolveMarkovLimit(const MarkovModel& model) {
  if (absl::Status s = Check(model); !s.ok()) return s;
  const Chain chain = MakeChain(model);
  auto solved =
      limit_internal::SolveConstrained(chain, model.abandon_cap, model.agents);
  if (!solved.has_value()) {
    return absl::InternalError("markov model: policy iteration failed");
  }
  LimitResult result = solved->result;
  result.optimum = WithRinging(result.optimum, model);
  FlagTruncations(chain, solved->hi, model.agents, result);
  if (!solved->lo.empty()) {
    FlagTruncations(chain, solved->lo, model.agents, result);
  }
  return result;
}

absl::StatusOr<DayLimitResult> SolveMarkovDayLimit(
    const std::vector<MarkovSegment>& segments) {
  const absl::StatusOr<double> day_s = limit_internal::CheckDaySegments(
      segments, "markov model", [](const auto& m) { return Check(m); });
  if (!day_s.ok()) return day_s.status();
  const double total_s = *day_s;
  std::vector<Chain> chains;
  chains.reserve(segments.size());
  std::vector<limit_internal::Segment<Chain>> day;
  for (const MarkovSegment& seg : segments) {
    chains.push_back(MakeChain(seg.model));
    day.push_back(
        {&chains.back(), seg.duration_s / total_s, seg.model.agents});
  }
  auto solved = limit_internal::SolveConstrainedDay(
      day, segments[0].model.abandon_cap);
  if (!solved.has_value()) {
    return absl::InternalError("markov model: policy iteration failed");
  }
  DayLimitResult out;
  out.day = solved->result;
  double ringing = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    const MarkovModel& m = segments[i].model;
    SegmentLimit seg;
    seg.optimum = WithRinging(solved->segments[i], m);
    seg.states = chains[i].states();
    ringing += day[i].weight * seg.optimum.mean_ringing;
    LimitResult flags;
    FlagTruncations(chains[i], solved->hi[i], m.agents, flags);
    if (!solved->lo.empty()) {
      FlagTruncations(chains[i], solved->lo[i], m.agents, flags);
    }
    seg.ringing_cap_reached = flags.ringing_cap_reached;
    seg.waiting_cap_reached = flags.waiting_cap_reached;
    out.day.ringing_cap_reached |= flags.ringing_cap_reached;
    out.day.waiting_cap_reached |= flags.waiting_cap_reached;
    out.segments.push_back(seg);
  }
  out.day.optimum.mean_ringing = ringing;
  return out;
}

}  // namespace dialer::pacing
