#include "pacing/limit/screening_limit.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pacing/limit/lagrangian_solver.h"

namespace dialer::pacing {
namespace {

using limit_internal::LimitStep;
using limit_internal::Policy;

// The uniformised chain. A group is (b, s, q) with b + s <= N, s <=
// screening cap, and q > 0 only when b + s = N (an agent who frees up takes
// a waiting person at once); r ringing calls on top.
class Chain {
 public:
  Chain(const ScreeningModel& m, int ringing_cap, int waiting_cap,
        int screening_cap)
      : m_(m),
        n_(m.agents),
        r_cap_(ringing_cap),
        q_cap_(waiting_cap),
        s_cap_(screening_cap) {
    group_of_.assign(static_cast<size_t>(n_ + 1) * (s_cap_ + 1) * (q_cap_ + 1),
                     -1);
    for (int s = 0; s <= s_cap_; ++s) {
      for (int b = 0; b + s <= n_; ++b) {
        const int q_max = b + s == n_ ? q_cap_ : 0;
        for (int q = 0; q <= q_max; ++q) {
          group_of_[Key(b, s, q)] = static_cast<int>(groups_.size());
          groups_.push_back({b, s, q});
        }
      }
    }
    const double agent_rate =
        n_ / (s_cap_ > 0 ? std::min(m.service_mean_s, m.screen_mean_s)
                         : m.service_mean_s);
    uniform_rate_ = agent_rate + r_cap_ / m.ring_mean_s +
                    (m.grace_mean_s > 0 ? q_cap_ / m.grace_mean_s : 0);
  }

  struct Group {
    int b, s, q;
  };

  int groups() const { return static_cast<int>(groups_.size()); }
  const Group& group(int g) const { return groups_[g]; }
  int ringing_cap() const { return r_cap_; }
  int waiting_cap() const { return q_cap_; }
  int screening_cap() const { return s_cap_; }
  int states() const { return groups() * (r_cap_ + 1); }
  int Index(int g, int r) const { return g * (r_cap_ + 1) + r; }
  int Free(int g) const { return n_ - groups_[g].b - groups_[g].s; }
  // -1 when (b, s, q) is not a state.
  int GroupOf(int b, int s, int q) const {
    if (b < 0 || s < 0 || q < 0 || s > s_cap_ || q > q_cap_ || b + s > n_) {
      return -1;
    }
    return group_of_[Key(b, s, q)];
  }

  LimitStep From(int g, int rp) const {
    LimitStep step;
    const auto [b, s, q] = groups_[g];
    const bool free = b + s < n_;
    const double rate = uniform_rate_;
    auto to = [&](int b2, int s2, int q2, int r2) {
      return Index(GroupOf(b2, s2, q2), r2);
    };
    step.reward = b;
    step.screening = s;
    // An agent who frees up takes the first waiting person.
    if (b > 0) {
      step.Add(q > 0 ? to(b, s, q - 1, rp) : to(b - 1, s, 0, rp),
               b / m_.service_mean_s / rate);
    }
    if (s > 0) {
      step.Add(q > 0 ? to(b + 1, s - 1, q - 1, rp) : to(b, s - 1, 0, rp),
               s / m_.screen_mean_s / rate);
    }
    if (q > 0 && m_.grace_mean_s > 0) {
      step.abandon_rate += q / m_.grace_mean_s;
      step.Add(to(b, s, q - 1, rp), q / m_.grace_mean_s / rate);
    }
    if (rp > 0) {
      const double ring = rp / m_.ring_mean_s;
      const double live = m_.live_probability * ring;
      const double machine = m_.machine_probability * ring;
      step.ring_rate = ring;
      step.live_rate = live;
      double unchanged = ring;  // resolutions that leave (b, s, q) as is
      if (free) {
        step.Add(to(b + 1, s, 0, rp - 1), live / rate);
        unchanged -= live;
        if (s < s_cap_) {
          step.Add(to(b, s + 1, 0, rp - 1), machine / rate);
          unchanged -= machine;
        }
        // At the screening cap the machine needs no agent (truncation).
      } else {
        // Nobody free: the detector decides. Its false positives are hung
        // up on; the others wait if there is room, else are abandoned.
        const double hung_up = m_.false_positive * live;
        const double waits = live - hung_up;
        if (m_.count_false_positives) step.abandon_rate += hung_up;
        if (q < q_cap_) {
          step.Add(to(b, s, q + 1, rp - 1), waits / rate);
          unchanged -= waits;
        } else {
          step.abandon_rate += waits;
        }
        // A machine needs no agent when none is free.
      }
      step.Add(Index(g, rp - 1), unchanged / rate);
    }
    return step;
  }

 private:
  size_t Key(int b, int s, int q) const {
    return (static_cast<size_t>(s) * (n_ + 1) + b) * (q_cap_ + 1) + q;
  }

  const ScreeningModel& m_;
  int n_;
  int r_cap_;
  int q_cap_;
  int s_cap_;
  std::vector<Group> groups_;
  std::vector<int> group_of_;
  double uniform_rate_;
};

absl::Status Check(const ScreeningModel& m) {
  auto bad = [](const char* field, double v, const char* expected) {
    return absl::InvalidArgumentError(absl::StrCat(
        "screening model: ", field, " is ", v, ", expected ", expected));
  };
  auto positive = [](double v) { return v > 0 && std::isfinite(v); };
  auto non_negative = [](double v) { return v >= 0 && std::isfinite(v); };
  if (m.agents < 1 || m.agents > 200) return bad("agents", m.agents, "1-200");
  if (!(m.live_probability > 0 && m.live_probability <= 1)) {
    return bad("live_probability", m.live_probability, "(0, 1]");
  }
  if (!(m.machine_probability >= 0 &&
        m.machine_probability <= 1 - m.live_probability + 1e-12)) {
    return bad("machine_probability", m.machine_probability,
               "[0, 1 - live_probability]");
  }
  if (!positive(m.service_mean_s)) {
    return bad("service_mean_s", m.service_mean_s, "> 0");
  }
  if (!positive(m.ring_mean_s)) return bad("ring_mean_s", m.ring_mean_s, "> 0");
  if (!non_negative(m.screen_mean_s)) {
    return bad("screen_mean_s", m.screen_mean_s, ">= 0");
  }
  if (!non_negative(m.grace_mean_s)) {
    return bad("grace_mean_s", m.grace_mean_s, ">= 0");
  }
  if (!(m.false_positive >= 0 && m.false_positive < 1)) {
    return bad("false_positive", m.false_positive, "[0, 1)");
  }
  if (!(m.abandon_cap >= 0 && m.abandon_cap < 1)) {
    return bad("abandon_cap", m.abandon_cap, "[0, 1)");
  }
  if (m.ringing_cap < 0 || m.waiting_cap < 0 || m.screening_cap < 0) {
    return bad("ringing_cap/waiting_cap/screening_cap",
               std::min({m.ringing_cap, m.waiting_cap, m.screening_cap}),
               ">= 0");
  }
  return absl::OkStatus();
}

// Default truncations, tighter than markov_limit.cc's because the state is
// four-dimensional (the LU's cost grows much faster than the state count):
// r at 2.5x the fluid need + 20; q at 3 + twice the people who would wait
// at twice the fluid dialling rate; s at the fluid screening load (machine
// pick-ups at full occupancy x d) + 4 Poisson standard deviations + 3.
// LimitResult says when one of them binds; SolveScreeningLimit then widens
// the defaulted ones that bind.
Chain MakeChain(const ScreeningModel& m) {
  const double fluid =
      m.agents * m.ring_mean_s / (m.live_probability * m.service_mean_s);
  int r_cap = m.ringing_cap;
  if (r_cap == 0) {
    r_cap = std::max(m.agents + 5, static_cast<int>(std::ceil(2.5 * fluid + 20)));
  }
  int q_cap = 0;
  if (m.grace_mean_s > 0) {
    q_cap = m.waiting_cap;
    if (q_cap == 0) {
      const double peak =
          2 * fluid * m.live_probability * m.grace_mean_s / m.ring_mean_s;
      q_cap = std::clamp(static_cast<int>(std::ceil(3 + 2 * peak)), 3, 40);
    }
  }
  int s_cap = 0;
  if (m.machine_probability > 0 && m.screen_mean_s > 0) {
    s_cap = m.screening_cap;
    if (s_cap == 0) {
      const double load = m.machine_probability / m.live_probability *
                          m.agents / m.service_mean_s * m.screen_mean_s;
      s_cap = static_cast<int>(std::ceil(load + 4 * std::sqrt(load) + 3));
    }
    s_cap = std::min(s_cap, m.agents);
  }
  return Chain(m, r_cap, q_cap, s_cap);
}

PolicyMetrics WithRinging(PolicyMetrics p, const ScreeningModel& m) {
  p.mean_ringing = p.dials_per_agent_hour * m.agents / 3600 * m.ring_mean_s;
  return p;
}

void FlagTruncations(const Chain& chain, const Policy& p, int agents,
                     LimitResult& result) {
  const std::vector<double> pi = limit_internal::Stationary(chain, p, agents);
  if (pi.empty()) return;
  double at_r = 0, at_q = 0, at_s = 0;
  // s_cap = 0: machines never hold an agent (u = 0 or d = 0), nothing cut.
  const bool s_truncated =
      chain.screening_cap() > 0 && chain.screening_cap() < agents;
  for (int g = 0; g < chain.groups(); ++g) {
    const Chain::Group& grp = chain.group(g);
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      const int i = chain.Index(g, r);
      if (p[i] >= chain.ringing_cap()) at_r += pi[i];
      if (chain.waiting_cap() > 0 && grp.q == chain.waiting_cap()) at_q += pi[i];
      // A machine arriving here would find a free agent and no room.
      if (s_truncated && grp.s == chain.screening_cap() && chain.Free(g) > 0) {
        at_s += pi[i];
      }
    }
  }
  constexpr double kMass = limit_internal::kTruncationMass;
  result.ringing_cap_reached |= at_r > kMass;
  result.waiting_cap_reached |= at_q > kMass;
  result.screening_cap_reached |= at_s > kMass;
}

// `policy` of chain `from` as a starting policy on `to` (the same model
// with wider truncations): the same action where the state exists in both
// (capped by the new ringing cap), no dialling above the old ringing cap,
// progressive where the group is new.
Policy Carry(const Chain& from, const Policy& policy, const Chain& to) {
  Policy out(to.states());
  for (int g = 0; g < to.groups(); ++g) {
    const Chain::Group& grp = to.group(g);
    const int old_group = from.GroupOf(grp.b, grp.s, grp.q);
    for (int r = 0; r <= to.ringing_cap(); ++r) {
      int action = std::max(r, to.Free(g));
      if (old_group >= 0) {
        action = r <= from.ringing_cap() ? policy[from.Index(old_group, r)] : r;
      }
      out[to.Index(g, r)] = std::min(to.ringing_cap(), std::max(r, action));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<LimitResult> SolveScreeningLimit(const ScreeningModel& model) {
  absl::StatusOr<DayLimitResult> day = SolveScreeningDayLimit({{model, 1.0}});
  if (!day.ok()) return day.status();
  return day->day;
}

absl::StatusOr<DayLimitResult> SolveScreeningDayLimit(
    const std::vector<ScreeningSegment>& segments, double kappa_hint) {
  const absl::StatusOr<double> day_s = limit_internal::CheckDaySegments(
      segments, "screening model", [](const auto& m) { return Check(m); });
  if (!day_s.ok()) return day_s.status();
  const double total_s = *day_s;
  const size_t count = segments.size();
  std::vector<ScreeningModel> m;
  std::vector<double> weight;
  for (const ScreeningSegment& seg : segments) {
    m.push_back(seg.model);
    weight.push_back(seg.duration_s / total_s);
  }
  DayLimitResult out;
  LimitResult& result = out.day;
  int iterations = 0;
  // The previous round's chains and feasible policies: the next round
  // starts from them (a warm start; the answer is that of the wider chains).
  std::vector<Chain> previous;
  std::vector<Policy> previous_policies;
  // A defaulted truncation that binds is widened by half and the day solved
  // again, a few times at most; caps the caller set are kept.
  for (int round = 0; round < 4; ++round) {
    std::vector<Chain> chains;
    chains.reserve(count);
    std::vector<limit_internal::Segment<Chain>> day;
    for (size_t i = 0; i < count; ++i) {
      chains.push_back(MakeChain(m[i]));
      day.push_back({&chains.back(), weight[i], m[i].agents});
    }
    std::optional<limit_internal::DayStart> start;
    if (!previous.empty() && result.kappa > 0) {
      start.emplace();
      start->kappa = result.kappa;
      for (size_t i = 0; i < count; ++i) {
        start->policies.push_back(
            Carry(previous[i], previous_policies[i], chains[i]));
      }
    } else if (round == 0 && kappa_hint > 0) {
      start.emplace();
      start->kappa = kappa_hint;
      for (const Chain& chain : chains) {
        start->policies.push_back(limit_internal::Progressive(chain));
      }
    }
    auto solved = limit_internal::SolveConstrainedDay(
        day, m[0].abandon_cap, start ? &*start : nullptr);
    if (!solved.has_value()) {
      return absl::InternalError("screening model: policy iteration failed");
    }
    iterations += solved->result.policy_iterations;
    result = solved->result;
    out.segments.assign(count, SegmentLimit{});
    double ringing = 0;
    bool widened = false;
    for (size_t i = 0; i < count; ++i) {
      const Chain& chain = chains[i];
      SegmentLimit& seg = out.segments[i];
      seg.optimum = WithRinging(solved->segments[i], m[i]);
      seg.states = chain.states();
      ringing += weight[i] * seg.optimum.mean_ringing;
      LimitResult flags;
      FlagTruncations(chain, solved->hi[i], m[i].agents, flags);
      if (!solved->lo.empty()) {
        FlagTruncations(chain, solved->lo[i], m[i].agents, flags);
      }
      seg.ringing_cap_reached = flags.ringing_cap_reached;
      seg.waiting_cap_reached = flags.waiting_cap_reached;
      seg.screening_cap_reached = flags.screening_cap_reached;
      result.ringing_cap_reached |= flags.ringing_cap_reached;
      result.waiting_cap_reached |= flags.waiting_cap_reached;
      result.screening_cap_reached |= flags.screening_cap_reached;
      auto widen = [](int cap) { return cap + std::max(2, cap / 2); };
      const ScreeningModel& asked = segments[i].model;
      if (flags.ringing_cap_reached && asked.ringing_cap == 0) {
        m[i].ringing_cap = widen(chain.ringing_cap());
        widened = true;
      }
      if (flags.waiting_cap_reached && asked.waiting_cap == 0) {
        m[i].waiting_cap = widen(chain.waiting_cap());
        widened = true;
      }
      if (flags.screening_cap_reached && asked.screening_cap == 0 &&
          chain.screening_cap() < m[i].agents) {
        m[i].screening_cap = widen(chain.screening_cap());
        widened = true;
      }
    }
    result.optimum.mean_ringing = ringing;
    if (!widened) break;
    previous = std::move(chains);
    previous_policies = std::move(solved->hi);
  }
  result.policy_iterations = iterations;
  return out;
}

absl::StatusOr<PolicyMetrics> EvaluateScreeningPolicy(
    const ScreeningModel& model, const std::vector<int>& ringing_target) {
  if (absl::Status s = Check(model); !s.ok()) return s;
  const Chain chain = MakeChain(model);
  Policy policy(chain.states());
  for (int g = 0; g < chain.groups(); ++g) {
    const Chain::Group& grp = chain.group(g);
    const size_t key = static_cast<size_t>(grp.b + grp.s + grp.q);
    const int target = key < ringing_target.size() ? ringing_target[key] : 0;
    for (int r = 0; r <= chain.ringing_cap(); ++r) {
      policy[chain.Index(g, r)] =
          std::min(chain.ringing_cap(), std::max(r, target));
    }
  }
  const limit_internal::Evaluation e =
      limit_internal::Evaluate(chain, policy, limit_internal::Multiplier{},
                               model.agents);
  if (!e.ok) return absl::InternalError("screening model: singular system");
  return WithRinging(e.metrics, model);
}

}  // namespace dialer::pacing
