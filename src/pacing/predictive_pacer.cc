#include "pacing/predictive_pacer.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace dialer::pacing {
namespace {

// Decay of the forecast/observed abandon sums, per live answer.
constexpr double kCalibrationHalfLife = 1000;
// Pseudo-abandons on both sides of the calibration ratio, at a ratio of
// kCalibrationPriorRatio: the forecast is pessimistic by construction
// (docs/pacing.md, "Where it is conservative"); across the benchmark matrix
// the ratio settles between 0.17 and 0.44, and 0.5 is that conservative
// edge: the prior stands in for evidence a small team gathers slowly. A
// campaign whose forecast is right moves it back up within a few abandons.
constexpr double kCalibrationPrior = 3;
constexpr double kCalibrationPriorRatio = 0.5;
// Bounds of the calibration ratio. Low enough that observed abandons steer
// the pacer wherever the forecast's pessimism measures (about 5x at worst);
// the high side tightens an optimistic forecast up to 2.5x.
constexpr double kCalibrationMin = 0.1;
constexpr double kCalibrationMax = 2.5;
// Decay of the people-share sums, per live verdict.
constexpr double kPeopleHalfLife = 1000;
// One-sided z of the people share's lower bound.
constexpr double kPeopleZ = 1.0;
// A dial's cohort is complete (every dial placed before it resolved) this
// long after it: a margin over the ring limit the no-answers show.
constexpr double kCohortSlack = 1.2;
constexpr double kCohortExtraS = 3;
// Step of theta's stochastic approximation.
constexpr double kThetaGain = 0.03;
// One-sided z of the live-share upper bound.
constexpr double kLiveShareZ = 1.0;
// Decay of the pick-up / awaiting-verdict sums, per pick-up.
constexpr double kPickupHalfLife = 2000;
// Prior of the unbridged share: this many pick-ups, all of them waiting.
constexpr double kPickupPrior = 50;
// One-sided z of the unbridged share's upper bound.
constexpr double kUnbridgedZ = 2.0;
// The 2-second rule: a connect later than this after the verdict is an
// abandon (the engine reports it as connected, with its wait).
constexpr double kTwoSecondRuleS = 2.0;

double Seconds(absl::Duration d) { return absl::ToDoubleSeconds(d); }

}  // namespace

PredictivePacer::PredictivePacer(const PacerOptions& options)
    : target_(options.EffectiveTarget()),
      limit_(options.abandon_limit),
      false_positive_(options.detector_false_positive_rate),
      outcomes_(DialOutcomeEstimator::Prior{}, /*half_life_dials=*/150,
                options.time_zone),
      ring_pickup_({12, 0.5, 5}, 200),
      ring_other_({3, 1.0, 5}, 200),
      ring_timeout_({25, 0.1, 5}, 200),
      verdict_({2.5, 0.4, 5}, 200),
      talk_({150, 1.0, 5}, 100),
      wrap_({30, 0.5, 5}, 100),
      screen_({2.6, 0.5, 5}, 200) {
  // Not in the initialiser list: Budget() reads the pick-up sums, which are
  // declared (so initialised) after theta_.
  theta_ = std::clamp(3 * Budget(), 0.02, 0.3);
}

double PredictivePacer::MachineGivenPickup() const {
  const double live = outcomes_.LiveShare();
  const double machine = outcomes_.Share(DialOutcomeEstimator::kMachine);
  return machine / std::max(1e-9, live + machine);
}

double PredictivePacer::VerdictSeconds() const {
  return std::min(verdict_.Mean(), kMaxVerdictSeconds);
}

bool PredictivePacer::warming_up() const {
  return outcomes_.count() < kWarmupOutcomes || live_outcomes_ < kWarmupLive;
}

double PredictivePacer::UnbridgedPickupShare() const {
  const double n = pickups_ + kPickupPrior;
  const double waited = awaiting_seconds_ / std::max(0.1, VerdictSeconds());
  const double share = std::clamp((waited + kPickupPrior) / n, 0.0, 1.0);
  return std::min(1.0, share + kUnbridgedZ * std::sqrt(share * (1 - share) / n));
}

double PredictivePacer::PeopleShare() const {
  if (live_machines_ <= 0) return 1;
  const double n = std::max(1.0, live_verdicts_);
  const double machines = std::clamp(live_machines_ / n, 0.0, 1.0);
  const double upper =
      machines + kPeopleZ * std::sqrt(machines * (1 - machines) / n);
  return std::clamp(1 - upper, 0.5, 1.0);
}

double PredictivePacer::Budget() const {
  return std::max(kMinBudget,
                  target_ - false_positive_ * UnbridgedPickupShare());
}

double PredictivePacer::PacingLimit() const {
  return std::max(kMinBudget, limit_ - false_positive_ * UnbridgedPickupShare());
}

double PredictivePacer::EffectiveBudget() const {
  const double calibration = std::clamp(
      (observed_abandons_ + kCalibrationPrior) /
          (forecast_abandons_ + kCalibrationPrior / kCalibrationPriorRatio),
      kCalibrationMin, kCalibrationMax);
  // The budget is a rate over people; the forecast's live answers also hold
  // the machines the detector passes as people.
  return Budget() / calibration * PeopleShare();
}

void PredictivePacer::ObserveAwaitingVerdict(const Snapshot& s,
                                             int awaiting_verdict) {
  if (last_snapshot_ != absl::InfinitePast() && s.now > last_snapshot_) {
    awaiting_seconds_ += last_awaiting_ * Seconds(s.now - last_snapshot_);
  }
  last_snapshot_ = s.now;
  last_awaiting_ = awaiting_verdict;
}

ForecastInput PredictivePacer::BuildForecast(const Snapshot& s) const {
  const double dt = kBucketSeconds;
  const double latency = VerdictSeconds();
  const int buckets = std::clamp(
      static_cast<int>(std::ceil(
          (ring_timeout_.Mean() + 1.5 * latency + 1) / dt)),
      5, 90);
  ForecastInput in;
  // The engine bridges a waiting person to the next agent freed within the
  // 2-second rule; a 1-s bucket's wait is about the grace left after the
  // bridge.
  in.answers_wait_a_bucket = true;
  in.frees.assign(buckets, 0.0);
  in.demand.assign(buckets, 0.0);
  in.new_call_demand.assign(buckets, 0.0);
  in.cumulative_free_variance.assign(buckets, 0.0);

  // Outcome shares with the live share at its upper bound.
  const double live =
      std::max(kMinLiveShare, outcomes_.LiveShareUpper(kLiveShareZ));
  const double rest = std::max(1e-9, 1 - outcomes_.LiveShare());
  const double scale = (1 - live) / rest;
  const double machine = outcomes_.Share(DialOutcomeEstimator::kMachine) * scale;
  const double no_answer =
      outcomes_.Share(DialOutcomeEstimator::kNoAnswer) * scale;
  const double other =
      outcomes_.Share(DialOutcomeEstimator::kBusyOrFailed) * scale;
  const double live_given_pickup = live / std::max(1e-9, live + machine);
  // An agent whose own call is still ringing (power mode: the hard-stop
  // fallback, and its calls still out after it) is free only if that call
  // goes unanswered; a pick-up keeps them (pessimistic for a machine).
  // The chance a call ringing for `age` s has not resolved yet (picked-up
  // calls by the ring-time fit, no-answers and busy/failed by theirs).
  auto unresolved_at = [&](double age) {
    return (live + machine) * ring_pickup_.Survival(age) +
           no_answer * ring_timeout_.Survival(age) +
           other * ring_other_.Survival(age);
  };
  auto own_call_unanswered = [&](double age, double t) {
    const double unresolved = unresolved_at(age);
    if (unresolved <= 1e-12) return 1.0;
    const double ended =
        no_answer * (ring_timeout_.Survival(age) -
                     ring_timeout_.Survival(age + t)) +
        other * (ring_other_.Survival(age) - ring_other_.Survival(age + t));
    return std::clamp(ended / unresolved, 0.0, 1.0);
  };
  const double wrap_mean = wrap_.Mean();
  // An agent screening a pick-up bridged before the verdict gives the agent
  // back once recognised as a machine (the voicemail dropped, timed by
  // screen_); a person holds them for a call.
  const double machine_given_pickup = MachineGivenPickup();
  for (const AgentView& a : s.agents) {
    // An agent leaving after this call or wrap-up (a break requested, the
    // end of the shift) takes no later answer: neither free nor freeing up.
    if (a.activity == AgentActivity::kBreak || a.leaving) continue;
    ++in.max_agents;
    const double e = Seconds(a.in_state);
    double previous = 0;
    for (int k = 0; k < buckets; ++k) {
      const double t = (k + 1) * dt;
      double cdf = 0;
      if (a.activity == AgentActivity::kOnCall) {
        cdf = t > wrap_mean ? talk_.ConditionalCdf(e, t - wrap_mean) : 0;
        if (a.screening) {
          cdf = machine_given_pickup * screen_.ConditionalCdf(e, t) +
                (1 - machine_given_pickup) * cdf;
        }
      } else if (a.activity == AgentActivity::kWrapUp) {
        cdf = wrap_.ConditionalCdf(e, t);
      } else if (a.has_call_in_flight) {
        cdf = own_call_unanswered(e, t);
      } else {
        break;
      }
      in.frees[k] += cdf - previous;
      in.cumulative_free_variance[k] += cdf * (1 - cdf);
      previous = cdf;
    }
    if (a.activity == AgentActivity::kReady && !a.has_call_in_flight) {
      ++in.idle_agents;
    }
  }

  // Live answers of a call of age `age`: pick-up at age + u, need an agent
  // `latency` later.
  auto add_ringing = [&](double age, double weight, std::vector<double>& out) {
    double previous = ring_pickup_.Cdf(age);
    for (int k = 0; k < buckets; ++k) {
      const double pickup_by = age + (k + 1) * dt - latency;
      if (pickup_by <= age) continue;
      const double cdf = ring_pickup_.Cdf(pickup_by);
      out[k] += weight * (cdf - previous);
      previous = cdf;
    }
  };
  for (const CallView& call : s.calls) {
    switch (call.stage) {
      case CallStage::kRinging: {
        const double age = Seconds(call.age);
        const double unresolved = unresolved_at(age);
        if (unresolved > 1e-12) {
          add_ringing(age, live / unresolved, in.demand);
        }
        break;
      }
      case CallStage::kAwaitingVerdict: {
        const double u = Seconds(call.in_stage);
        double previous = 0;
        for (int k = 0; k < buckets; ++k) {
          const double cdf = verdict_.ConditionalCdf(u, (k + 1) * dt);
          in.demand[k] += live_given_pickup * (cdf - previous);
          previous = cdf;
        }
        break;
      }
      case CallStage::kLiveWaiting:
        in.demand[0] += 1;
        break;
    }
  }
  add_ringing(0, live, in.new_call_demand);
  return in;
}

int PredictivePacer::ModelDials(const Snapshot& s, double theta) {
  ForecastInput in = BuildForecast(s);
  const int in_max_agents = in.max_agents;
  // Never expect more live answers than agents free now or soon.
  double capacity = in.idle_agents, demand = 0;
  for (double f : in.frees) capacity += f;
  for (double d : in.demand) demand += d;
  const AbandonForecast forecast(std::move(in));
  const double nu = forecast.NewCallLiveProbability();
  if (nu <= 0) return 0;
  const int cap = std::min(
      std::max(0, static_cast<int>((capacity - demand) / nu)),
      kMaxLinesPerAgent * in_max_agents - static_cast<int>(s.calls.size()));
  double before = forecast.ExpectedAbandons(0);
  int n = 0;
  bool at_threshold = false;
  while (n < cap) {
    const double after = forecast.ExpectedAbandons(n + 1);
    const double added = after - before;
    if (added / nu > theta) {
      at_threshold = true;
      break;
    }
    pending_.push_back(PendingCall{nu, added});
    before = after;
    ++n;
  }
  for (PendingCall& call : pending_) call.at_threshold = at_threshold;
  return n;
}

Plan PredictivePacer::Decide(const Snapshot& s) {
  ReleaseCompleteDials(s.now);
  const SnapshotCounts c = CountSnapshot(s);
  ObserveAwaitingVerdict(s, c.awaiting_verdict);
  const Plan plan{0, s.now + absl::Seconds(1)};
  pending_.clear();
  // The throttle scales; a 30-day rate past 90% of what pacing may use
  // shrinks in proportion (the engine's rate excludes the detector's
  // errors).
  guard_ = s.abandon_state == compliance::AbandonState::kThrottle
               ? kThrottleFactor
               : 1.0;
  const double pacing_limit = 0.9 * PacingLimit();
  if (s.abandon_rate_30d > pacing_limit) {
    guard_ *= std::max(0.25, pacing_limit / s.abandon_rate_30d);
  }
  // A window with few live answers (a fresh campaign): the next abandon or
  // two would stop pooled dialing for a long while however low the rate.
  // Only the safest calls until it can absorb kStopMarginAbandons.
  if (s.abandons_until_stop < kStopMarginAbandons) {
    guard_ *= kStopMarginFloor +
              (1 - kStopMarginFloor) *
                  static_cast<double>(std::max<int64_t>(0, s.abandons_until_stop)) /
                  kStopMarginAbandons;
  }
  if (s.abandon_state == compliance::AbandonState::kStop) {
    return Plan{PowerDials(c), plan.review_at};
  }
  // Never slower than power dialing: calls in flight topped up to the ready
  // agents. Each of those calls has a ready agent for its live answer
  // whatever the others do, so they cannot abandon (an agent leaves ready
  // only by taking a call). This is what binds with very few agents or a
  // fresh window, where the model's risk threshold may refuse even these.
  const int power = c.ready_without_call - c.calls_in_flight;
  if (warming_up()) {
    // No threshold to scale yet: the throttle halves the warm-up's excess
    // over power, as for the other pacers.
    const int warmup = static_cast<int>(std::lround(kWarmupLines * c.ready)) -
                       c.calls_in_flight;
    return Plan{
        ApplyAbandonState(s.abandon_state, c, std::max({0, warmup, power})),
        plan.review_at};
  }
  // The throttle is in guard_ (kThrottleFactor).
  return Plan{std::max(ModelDials(s, theta_ * guard_), power), plan.review_at};
}

void PredictivePacer::OnDialPlaced(absl::Time) {
  if (pending_.empty()) return;
  const PendingCall call = pending_.front();
  pending_.pop_front();
  forecast_abandons_ += call.risk;
  const double budget = EffectiveBudget() * guard_;
  const double risk = call.risk / call.live;
  // A decision cut short by the line cap or the agents' capacity admits its
  // calls whatever theta is: their low risk says nothing about it, and
  // raising theta on it winds it up (anti-windup). Their high risk still
  // lowers it.
  if (!call.at_threshold && risk < budget) return;
  theta_ *= std::exp(kThetaGain * call.live * (budget - risk) / budget);
  theta_ = std::clamp(theta_, budget, 0.6);
}

void PredictivePacer::OnDialResolved(absl::Time t, const DialResolution& dial) {
  unreleased_.push(
      Resolution{dial.dialed_at, dial.outcome, Seconds(dial.ring_time)});
  switch (dial.outcome) {
    case DialOutcome::kHuman: {
      ++live_outcomes_;
      const double decay = std::exp2(-1.0 / kPeopleHalfLife);
      live_verdicts_ = live_verdicts_ * decay + 1;
      live_machines_ *= decay;
      [[fallthrough]];
    }
    case DialOutcome::kMachine: {
      const double decay = std::exp2(-1.0 / kPickupHalfLife);
      pickups_ = pickups_ * decay + 1;
      awaiting_seconds_ *= decay;
      if (dial.verdict_latency > absl::ZeroDuration()) {
        verdict_.Record(Seconds(dial.verdict_latency));
      }
      break;
    }
    default:
      break;
  }
  ReleaseCompleteDials(t);
}

void PredictivePacer::ReleaseCompleteDials(absl::Time now) {
  // Outcomes arrive in the order they resolve: busy signals within seconds,
  // pick-ups after the ring, no-answers at the ring limit. Counted as they
  // come, a burst of dials (the start of the day, the end of the hard-stop
  // fallback) first shows its pick-ups - the live share looks twice what it
  // is - then a wave of no-answers drags it far below, and the pacer
  // over-dials on that. A dial older than the slowest outcome has
  // resolved, as has every dial before it, so outcomes fed in dial order
  // up to there are whole cohorts: no such bias, at the price of about a
  // ring limit of delay.
  const absl::Time complete =
      now - absl::Seconds(kCohortSlack * ring_timeout_.Mean() + kCohortExtraS);
  // One batch: within it, the order is the order of resolution again.
  std::array<int64_t, DialOutcomeEstimator::kKinds> counts{};
  absl::Time last = absl::InfinitePast();
  while (!unreleased_.empty() && unreleased_.top().dialed <= complete) {
    const Resolution r = unreleased_.top();
    unreleased_.pop();
    ++counts[DialOutcomeEstimator::KindOf(r.outcome)];
    last = r.dialed;
    switch (r.outcome) {
      case DialOutcome::kHuman:
      case DialOutcome::kMachine:
        ring_pickup_.Record(r.ring_s);
        break;
      case DialOutcome::kNoAnswer:
        ring_timeout_.Record(r.ring_s);
        break;
      case DialOutcome::kBusy:
      case DialOutcome::kFailed:
        ring_other_.Record(r.ring_s);
        break;
    }
  }
  outcomes_.RecordBatch(last, counts);
}

void PredictivePacer::DecayCalibration() {
  const double decay = std::exp2(-1.0 / kCalibrationHalfLife);
  forecast_abandons_ *= decay;
  observed_abandons_ *= decay;
}

void PredictivePacer::OnLiveAnswerConnected(absl::Time, absl::Duration wait) {
  DecayCalibration();
  // Bridged later than the rule allows: an abandon all the same.
  if (Seconds(wait) > kTwoSecondRuleS) observed_abandons_ += 1;
}

void PredictivePacer::OnLiveAnswerAbandoned(absl::Time, absl::Duration) {
  DecayCalibration();
  observed_abandons_ += 1;
}

void PredictivePacer::OnTalkEnded(absl::Time, absl::Duration talk) {
  talk_.Record(Seconds(talk));
}

void PredictivePacer::OnLiveAnswerWasMachine(absl::Time) {
  live_machines_ += 1;
}

void PredictivePacer::OnScreeningEnded(absl::Time, absl::Duration held) {
  screen_.Record(Seconds(held));
}

void PredictivePacer::OnWrapEnded(absl::Time, absl::Duration wrap) {
  wrap_.Record(Seconds(wrap));
}

}  // namespace dialer::pacing
