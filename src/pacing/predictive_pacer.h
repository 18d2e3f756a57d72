// `predictive`: pooled, model-based pacing that keeps the campaign's abandon
// rate under its budget (docs/pacing.md explains the model in full).
//
// On every decision it forecasts, second by second over the next ring
// period, how many agents free up (agents on a call: remaining talk given
// the time already talked, then wrap-up; agents in wrap-up: remaining wrap)
// and how many live answers arrive (each ringing call by its age, each
// picked-up call awaiting the detector, each live answer already waiting),
// and places calls one by one while the marginal risk of the next call -
// the probability that its live answer is abandoned, AbandonForecast - stays
// below a threshold theta. Theta is tuned online so that the forecast abandon
// rate of the calls placed equals the budget, and the budget is corrected by
// how the forecasts compared with the abandons actually observed.
//
// Budget: abandon_target (default 0.8 x limit) minus the detector's expected
// false-positive rate (those abandons are invisible to the engine but count
// under the FCC rule) times the share of pick-ups that wait for the detector,
// at least kMinBudget. A pick-up that finds a free agent is bridged to that
// agent at once when the campaign connects on pick-up (the call then never
// shows as awaiting the verdict): the agent hears the person, so the
// detector's error cannot abandon them. The share is measured by Little's
// law - the time calls spend awaiting the verdict in the snapshots, over the
// mean detector latency, per pick-up - starting from a prior of every
// pick-up waiting (the whole false-positive rate is set aside), and is taken
// at its upper confidence bound. Without connect-on-pick-up every pick-up
// waits and the whole rate stays set aside.
//
// Never below power: calls in flight are always topped up to the ready
// agents (risk-free: each such answer has a ready agent).
//
// Conservative where it matters:
//   - live share of new calls is an upper confidence bound (few data -> a
//     higher assumed answer rate -> fewer calls);
//   - never more calls in flight than make the expected live answers exceed
//     the agents free now plus those expected to free up within the horizon;
//   - warm-up: until kWarmupOutcomes outcomes (and kWarmupLive live answers)
//     are seen, calls in flight are topped up to kWarmupLines per ready agent;
//   - compliance: at kThrottle the threshold and budget are scaled by
//     kThrottleFactor (this pacer's reduction of its dial ratio, in place of
//     the halving of snapshot_counts.h); at kStop it dials like power;
//     when the snapshot's 30-day rate passes 90% of (limit - detector false
//     positives), threshold and budget shrink by the same proportion (down
//     to a quarter); while the 30-day window could absorb only a few more
//     abandons before the stop level (a fresh campaign: its first abandon
//     stops it), they shrink to as little as kStopMarginFloor.
//
// Thread-compatible (see pacer.h).
#ifndef DIALER_PACING_PREDICTIVE_PACER_H_
#define DIALER_PACING_PREDICTIVE_PACER_H_

#include <deque>
#include <queue>

#include "pacing/abandon_forecast.h"
#include "pacing/dial_outcome_estimator.h"
#include "pacing/duration_estimator.h"
#include "pacing/pacer.h"
#include "pacing/snapshot_counts.h"

namespace dialer::pacing {

class PredictivePacer final : public Pacer {
 public:
  static constexpr int kWarmupOutcomes = 30;
  static constexpr int kWarmupLive = 5;
  static constexpr double kWarmupLines = 1.35;
  static constexpr double kMinBudget = 0.002;
  static constexpr double kBucketSeconds = 1.0;
  // Floors against an estimate gone wrong (e.g. outcomes misreported): the
  // live share assumed is never below kMinLiveShare, and calls not yet
  // connected never exceed kMaxLinesPerAgent per agent not on a break
  // (normal operation needs about m / (p h) per agent: 0.6 at p = 0.12).
  static constexpr double kMinLiveShare = 0.03;
  static constexpr int kMaxLinesPerAgent = 4;
  // The forecast never waits longer than this for a detector's verdict (the
  // fitted mean is used below it). A fit gone absurd (a host reporting an
  // agent's time as the detector's) put new calls' live answers past the
  // forecast's horizon, where they read as riskless. An earlier verdict
  // than the real one is the pessimistic side: fewer agents have freed.
  static constexpr double kMaxVerdictSeconds = 30;
  // At the compliance module's throttle level (2.5 %) theta and the budget
  // are scaled by this, and the dials are not halved again by
  // ApplyAbandonState as other pacers' are: on short calls the engine's
  // 30-day rate (which counts the machines the detector passed as people)
  // hovers at that level all afternoon, and cutting every entry twice over
  // cost 0.2 % of the limit for no fewer abandons (benchmarks/RESULTS.md).
  static constexpr double kThrottleFactor = 0.7;
  // While fewer than kStopMarginAbandons more abandons would reach the stop
  // level (Snapshot::abandons_until_stop), theta and the budget are scaled
  // from kStopMarginFloor (none left) up to 1.
  static constexpr int64_t kStopMarginAbandons = 4;
  static constexpr double kStopMarginFloor = 0.2;

  // REQUIRES: options.Validate() is OK.
  explicit PredictivePacer(const PacerOptions& options);

  std::string_view name() const override { return "predictive"; }
  Plan Decide(const Snapshot& snapshot) override;

  void OnDialPlaced(absl::Time t) override;
  void OnDialResolved(absl::Time t, const DialResolution& dial) override;
  void OnLiveAnswerConnected(absl::Time t, absl::Duration wait) override;
  void OnLiveAnswerAbandoned(absl::Time t, absl::Duration wait) override;
  void OnTalkEnded(absl::Time t, absl::Duration talk) override;
  void OnWrapEnded(absl::Time t, absl::Duration wrap) override;
  void OnScreeningEnded(absl::Time t, absl::Duration held) override;
  void OnLiveAnswerWasMachine(absl::Time t) override;

  // Introspection for tests, logs and docs.
  bool warming_up() const;
  // P(machine | picked up), the point estimate.
  double MachineGivenPickup() const;
  // The detector's mean latency, at most kMaxVerdictSeconds.
  double VerdictSeconds() const;
  double theta() const { return theta_; }
  // The pacing budget after the observed/forecast correction.
  double EffectiveBudget() const;
  // The share of pick-ups that wait for the detector's verdict (upper
  // confidence bound; 1 until pick-ups have been seen).
  double UnbridgedPickupShare() const;
  // The share of people among the calls the detector passed as people (its
  // false negatives are machines an agent recognises): the abandon rate is
  // over people, the forecast's live answers include those machines. Lower
  // confidence bound; 1 until such machines are seen.
  double PeopleShare() const;
  // Decayed sums behind that correction.
  double forecast_abandons() const { return forecast_abandons_; }
  double observed_abandons() const { return observed_abandons_; }
  // The forecast the last model-based decision used.
  ForecastInput BuildForecast(const Snapshot& snapshot) const;

 private:
  struct PendingCall {
    double live = 0;  // probability of a live answer within the horizon
    double risk = 0;  // forecast abandons it adds
    // The decision stopped at the risk threshold (not the line cap or the
    // agents' capacity): only then does the call's risk measure theta.
    bool at_threshold = false;
  };
  // A resolved dial whose outcome waits until every dial placed before it
  // has resolved (see ReleaseCompleteDials).
  struct Resolution {
    absl::Time dialed;
    DialOutcome outcome;
    double ring_s;
  };
  struct DialedLater {
    bool operator()(const Resolution& a, const Resolution& b) const {
      return a.dialed > b.dialed;
    }
  };
  // Feeds the outcome and ring-time estimates with the resolutions of dials
  // old enough that every dial of their cohort has resolved.
  void ReleaseCompleteDials(absl::Time now);
  int ModelDials(const Snapshot& snapshot, double theta);
  void DecayCalibration();
  // abandon_target and abandon_limit less the false positives that can
  // still abandon (rate x UnbridgedPickupShare()).
  double Budget() const;
  double PacingLimit() const;
  // Little's law bookkeeping of calls awaiting the verdict, per snapshot.
  void ObserveAwaitingVerdict(const Snapshot& s, int awaiting_verdict);

  double target_;           // abandon_target, total
  double limit_;            // abandon_limit
  double false_positive_;   // detector_false_positive_rate
  DialOutcomeEstimator outcomes_;
  DurationEstimator ring_pickup_;    // dial to pick-up (person or machine)
  DurationEstimator ring_other_;     // dial to busy / failed
  DurationEstimator ring_timeout_;   // dial to no-answer
  DurationEstimator verdict_;        // pick-up to the detector's verdict
  DurationEstimator talk_;
  DurationEstimator wrap_;
  // Pick-up to the agent being ready again, of machines an agent screened
  // (bridged at pick-up, voicemail dropped).
  DurationEstimator screen_;

  std::priority_queue<Resolution, std::vector<Resolution>, DialedLater>
      unreleased_;
  double theta_ = 0;  // set in the constructor body
  std::deque<PendingCall> pending_;  // of the last decision, to be placed
  double forecast_abandons_ = 0;     // decayed, calls placed
  double observed_abandons_ = 0;     // decayed, same decay per live answer
  int64_t live_outcomes_ = 0;
  double guard_ = 1;  // compliance factor on theta and budget, last decision
  // Decayed per pick-up: pick-ups seen, and seconds calls spent awaiting the
  // verdict (from the snapshots, each count held until the next decision).
  // Decayed per live verdict: live verdicts, and those that were machines.
  double live_verdicts_ = 0;
  double live_machines_ = 0;
  double pickups_ = 0;
  double awaiting_seconds_ = 0;
  absl::Time last_snapshot_ = absl::InfinitePast();
  int last_awaiting_ = 0;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_PREDICTIVE_PACER_H_
