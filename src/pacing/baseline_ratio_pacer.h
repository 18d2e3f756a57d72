// `baseline-ratio`: the domain brief's simplified formula, recomputed on
// every decision:
//   lines = ready agents / (live share x (1 - target abandon rate))
// and calls in flight are topped up to round(lines). The live share is the
// share of dials the detector passes as human (the calls that need an
// agent), estimated online by DialOutcomeEstimator. Until kWarmupDials
// outcomes are known it dials the brief's warm-up ratio, kWarmupLines per
// ready agent. The compliance override of snapshot_counts.h applies.
//
// Thread-compatible (see pacer.h).
#ifndef DIALER_PACING_BASELINE_RATIO_PACER_H_
#define DIALER_PACING_BASELINE_RATIO_PACER_H_

#include "pacing/dial_outcome_estimator.h"
#include "pacing/pacer.h"

namespace dialer::pacing {

class BaselineRatioPacer final : public Pacer {
 public:
  static constexpr int kWarmupDials = 20;
  static constexpr double kWarmupLines = 1.35;

  // REQUIRES: options.Validate() is OK.
  explicit BaselineRatioPacer(const PacerOptions& options);

  std::string_view name() const override { return "baseline-ratio"; }
  Plan Decide(const Snapshot& snapshot) override;
  void OnDialResolved(absl::Time t, const DialResolution& dial) override;

  // The formula alone: lines for `ready` agents. REQUIRES: live_share > 0.
  static double Lines(int ready, double live_share, double target);

 private:
  double target_;
  DialOutcomeEstimator outcomes_;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_BASELINE_RATIO_PACER_H_
