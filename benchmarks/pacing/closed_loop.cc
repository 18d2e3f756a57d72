#include "benchmarks/pacing/closed_loop.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>
#include <vector>

namespace dialer::pacing::bench {
namespace {

enum class Kind { kHuman, kMachine, kNoAnswer, kBusy };

struct Call {
  Kind kind;
  bool detector_error = false;
  double placed = 0, pickup = 0, verdict = 0;  // absolute seconds
  bool waiting = false;
  double give_up = 0;
  bool done = false;
};

struct Agent {
  AgentActivity activity = AgentActivity::kReady;
  double since = 0;
  double until = 0;  // end of talk or wrap
  double talk = 0;
};

class Loop {
 public:
  Loop(Pacer& pacer, const LoopConfig& c) : pacer_(pacer), c_(c), rng_(c.seed) {
    agents_.resize(c.agents);
  }

  LoopResult Run() {
    const double end = c_.hours * 3600;
    const double dt = 0.05;
    double review = 0;
    double busy_time = 0, talk_time = 0;
    for (double now = 0; now < end; now += dt) {
      bool event = now == 0;
      event |= Advance(now);
      for (const Agent& a : agents_) {
        if (a.activity == AgentActivity::kOnCall) {
          busy_time += dt;
          talk_time += dt;
        } else if (a.activity == AgentActivity::kWrapUp) {
          busy_time += dt;
        }
      }
      if (event || now >= review) {
        const Plan plan = pacer_.Decide(Snap(now));
        review = absl::ToDoubleSeconds(plan.review_at - T0());
        for (int i = 0; i < plan.dials_to_place_now; ++i) Dial(now);
      }
    }
    LoopResult r = result_;
    const double agent_s = end * c_.agents;
    r.occupancy = busy_time / agent_s;
    r.talk_s_per_agent_hour = talk_time / (agent_s / 3600);
    r.abandon_rate = r.live ? static_cast<double>(r.abandoned) / r.live : 0;
    r.pacing_abandon_rate =
        r.live ? static_cast<double>(r.abandoned - r.detector_abandons) / r.live
               : 0;
    return r;
  }

 private:
  static absl::Time T0() { return absl::FromUnixSeconds(1773147600); }
  absl::Time At(double s) const { return T0() + absl::Seconds(s); }

  double Lognormal(double mean, double cv) {
    const double s2 = std::log1p(cv * cv);
    std::normal_distribution<double> n(std::log(mean) - s2 / 2, std::sqrt(s2));
    return std::exp(n(rng_));
  }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }

  void Dial(double now) {
    pacer_.OnDialPlaced(At(now));
    ++result_.dials;
    Call call;
    call.placed = now;
    double human = c_.human;
    if (now >= c_.change_at_hour * 3600) human *= c_.human_factor_after;
    const double u = Uniform();
    const double ring = Lognormal(c_.ring_mean_s, c_.ring_cv);
    if (u < human) {
      call.kind = Kind::kHuman;
    } else if (u < human + c_.machine) {
      call.kind = Kind::kMachine;
    } else if (u < human + c_.machine + c_.busy_or_failed) {
      call.kind = Kind::kBusy;
    } else {
      call.kind = Kind::kNoAnswer;
    }
    if ((call.kind == Kind::kHuman || call.kind == Kind::kMachine) &&
        ring > c_.no_answer_after_s) {
      call.kind = Kind::kNoAnswer;
    }
    switch (call.kind) {
      case Kind::kHuman:
      case Kind::kMachine:
        call.pickup = now + ring;
        call.verdict = call.pickup + Lognormal(c_.latency_mean_s, c_.latency_cv);
        break;
      case Kind::kBusy:
        call.pickup = call.verdict = now + 3 * Uniform();
        break;
      case Kind::kNoAnswer:
        call.pickup = call.verdict = now + c_.no_answer_after_s;
        break;
    }
    if (call.kind == Kind::kHuman) {
      ++result_.live;
      call.detector_error = Uniform() < c_.human_as_machine;
    }
    calls_.push_back(call);
  }

  Agent* IdleAgent() {
    for (Agent& a : agents_) {
      if (a.activity == AgentActivity::kReady) return &a;
    }
    return nullptr;
  }

  void Connect(Agent& a, Call& call, double now) {
    const double talk = Lognormal(c_.talk_mean_s, c_.talk_cv);
    a.activity = AgentActivity::kOnCall;
    a.since = now;
    a.talk = talk;
    a.until = now + c_.bridge_s + talk;
    call.done = true;
    pacer_.OnLiveAnswerConnected(At(now), absl::Seconds(now - call.verdict));
  }

  // Processes everything due by `now`; true when anything happened.
  bool Advance(double now) {
    bool event = false;
    for (Agent& a : agents_) {
      if (a.activity == AgentActivity::kOnCall && now >= a.until) {
        pacer_.OnTalkEnded(At(now), absl::Seconds(a.talk));
        a.activity = AgentActivity::kWrapUp;
        a.since = now;
        a.until = now + Lognormal(c_.wrap_mean_s, c_.wrap_cv);
        event = true;
      } else if (a.activity == AgentActivity::kWrapUp && now >= a.until) {
        pacer_.OnWrapEnded(At(now), absl::Seconds(now - a.since));
        a.activity = AgentActivity::kReady;
        a.since = now;
        event = true;
      }
    }
    for (Call& call : calls_) {
      if (call.done) continue;
      if (call.waiting) {
        if (Agent* a = IdleAgent()) {
          Connect(*a, call, now);
          event = true;
        } else if (now >= call.give_up) {
          call.done = true;
          ++result_.abandoned;
          pacer_.OnLiveAnswerAbandoned(At(now), absl::Seconds(now - call.verdict));
          event = true;
        }
        continue;
      }
      if (now < call.verdict) continue;
      event = true;
      const absl::Duration ring = absl::Seconds(call.pickup - call.placed);
      const absl::Duration latency = absl::Seconds(call.verdict - call.pickup);
      const absl::Time dialed = At(call.placed);
      switch (call.kind) {
        case Kind::kHuman:
          if (call.detector_error) {
            pacer_.OnDialResolved(
                At(now), {DialOutcome::kMachine, dialed, ring, latency});
            ++result_.abandoned;
            ++result_.detector_abandons;
            call.done = true;
            break;
          }
          pacer_.OnDialResolved(At(now),
                                {DialOutcome::kHuman, dialed, ring, latency});
          if (Agent* a = IdleAgent()) {
            Connect(*a, call, now);
          } else {
            call.waiting = true;
            // 2 s from the verdict, less the bridge; or the person's patience.
            std::exponential_distribution<double> patience(1 / c_.patience_mean_s);
            call.give_up = now + std::min(2.0 - c_.bridge_s, patience(rng_));
          }
          break;
        case Kind::kMachine:
          pacer_.OnDialResolved(At(now),
                                {DialOutcome::kMachine, dialed, ring, latency});
          call.done = true;
          break;
        case Kind::kNoAnswer:
          pacer_.OnDialResolved(At(now), {DialOutcome::kNoAnswer, dialed, ring,
                                          absl::ZeroDuration()});
          call.done = true;
          break;
        case Kind::kBusy:
          pacer_.OnDialResolved(At(now), {DialOutcome::kBusy, dialed, ring,
                                          absl::ZeroDuration()});
          call.done = true;
          break;
      }
    }
    std::erase_if(calls_, [](const Call& c) { return c.done; });
    return event;
  }

  Snapshot Snap(double now) const {
    Snapshot s;
    s.now = At(now);
    // Power mode's view: calls in flight belong to ready agents, one each.
    int unassigned = static_cast<int>(calls_.size());
    for (const Agent& a : agents_) {
      const bool has_call = a.activity == AgentActivity::kReady && unassigned > 0;
      if (has_call) --unassigned;
      s.agents.push_back(AgentView{a.activity, absl::Seconds(now - a.since),
                                   has_call});
    }
    for (const Call& call : calls_) {
      CallView v;
      v.age = absl::Seconds(now - call.placed);
      if (call.waiting) {
        v.stage = CallStage::kLiveWaiting;
        v.in_stage = absl::Seconds(now - call.verdict);
      } else if (now >= call.pickup && call.kind != Kind::kNoAnswer &&
                 call.kind != Kind::kBusy) {
        v.stage = CallStage::kAwaitingVerdict;
        v.in_stage = absl::Seconds(now - call.pickup);
      } else {
        v.stage = CallStage::kRinging;
        v.in_stage = v.age;
      }
      s.calls.push_back(v);
    }
    const double live = result_.live - result_.detector_abandons;
    s.abandon_rate_30d =
        live > 0 ? (result_.abandoned - result_.detector_abandons) / live : 0;
    return s;
  }

  Pacer& pacer_;
  LoopConfig c_;
  std::mt19937_64 rng_;
  std::vector<Agent> agents_;
  std::vector<Call> calls_;
  LoopResult result_;
};

}  // namespace

LoopResult RunClosedLoop(Pacer& pacer, const LoopConfig& config) {
  return Loop(pacer, config).Run();
}

}  // namespace dialer::pacing::bench
