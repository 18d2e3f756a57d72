// Online estimate of how dials end (live person, machine, no answer,
// busy/failed), smoothed over recent dials and remembered by local hour of
// day.
//
// The live share ("answer rate" in the pacing sense: dials that need an
// agent) drives every multi-line pacer. Estimates:
//   - Share(): exponentially weighted over recent dials (half-life in dials)
//     plus a prior of `prior_weight` pseudo-dials that fade like old dials,
//     so it follows a change of answer rate within a few dozen dials;
//   - time of day: every outcome is also counted in a table by local hour
//     (never forgotten). When the first outcome of a new hour arrives and
//     that hour already has `kMinHourSamples` outcomes from earlier days,
//     the smoothed shares move halfway to that hour's history, so a known
//     daily pattern is anticipated instead of discovered;
//   - LiveShareUpper(): a one-sided normal upper bound on the live share
//     from the effective sample size, for pacers that must be conservative
//     while the estimate is uncertain.
//
// Thread-compatible.
#ifndef DIALER_PACING_DIAL_OUTCOME_ESTIMATOR_H_
#define DIALER_PACING_DIAL_OUTCOME_ESTIMATOR_H_

#include <array>
#include <cstdint>
#include <optional>

#include "absl/time/time.h"
#include "pacing/pacer.h"

namespace dialer::pacing {

class DialOutcomeEstimator {
 public:
  enum Kind { kLive = 0, kMachine = 1, kNoAnswer = 2, kBusyOrFailed = 3 };
  static constexpr int kKinds = 4;
  static constexpr int64_t kMinHourSamples = 200;

  struct Prior {
    // Shares of kLive, kMachine, kNoAnswer, kBusyOrFailed; sum to 1.
    std::array<double, kKinds> shares = {0.15, 0.30, 0.50, 0.05};
    double weight = 20;  // pseudo-dials
  };

  // REQUIRES: half_life_dials > 0.
  DialOutcomeEstimator(Prior prior, double half_life_dials,
                       absl::TimeZone zone);

  void Record(absl::Time t, DialOutcome outcome);
  // Several outcomes at once, counted by kind (KindOf), with equal weight:
  // the order within a batch says nothing (the outcomes of dials placed
  // together, e.g. a whole cohort released at once). `t`: the local hour.
  void RecordBatch(absl::Time t, const std::array<int64_t, kKinds>& counts);

  static Kind KindOf(DialOutcome outcome);

  int64_t count() const { return count_; }
  // Smoothed share of `kind` (prior included).
  double Share(Kind kind) const;
  double LiveShare() const { return Share(kLive); }
  // LiveShare() + z * standard error, at most 1. REQUIRES: z >= 0.
  double LiveShareUpper(double z) const;
  // Share of live answers among all outcomes seen in local hour `hour`
  // (0-23) over all days; nullopt below kMinHourSamples outcomes.
  std::optional<double> LiveShareAtHour(int hour) const;

 private:
  int LocalHour(absl::Time t) const;

  Prior prior_;
  double decay_;
  absl::TimeZone zone_;
  double prior_weight_;  // fades like an old sample
  double weight_ = 0;
  std::array<double, kKinds> weighted_{};
  std::array<std::array<int64_t, kKinds>, 24> by_hour_{};
  std::array<int64_t, 24> hour_totals_{};
  int last_hour_ = -1;
  int64_t count_ = 0;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_DIAL_OUTCOME_ESTIMATOR_H_
