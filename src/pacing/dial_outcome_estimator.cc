#include "pacing/dial_outcome_estimator.h"

#include <algorithm>
#include <cmath>

namespace dialer::pacing {

DialOutcomeEstimator::DialOutcomeEstimator(Prior prior, double half_life_dials,
                                           absl::TimeZone zone)
    : prior_(prior),
      decay_(std::exp2(-1.0 / half_life_dials)),
      zone_(zone),
      prior_weight_(prior.weight) {}

DialOutcomeEstimator::Kind DialOutcomeEstimator::KindOf(DialOutcome outcome) {
  switch (outcome) {
    case DialOutcome::kHuman: return kLive;
    case DialOutcome::kMachine: return kMachine;
    case DialOutcome::kNoAnswer: return kNoAnswer;
    case DialOutcome::kBusy:
    case DialOutcome::kFailed: return kBusyOrFailed;
  }
  return kBusyOrFailed;
}

int DialOutcomeEstimator::LocalHour(absl::Time t) const {
  return absl::ToCivilHour(t, zone_).hour();
}

void DialOutcomeEstimator::Record(absl::Time t, DialOutcome outcome) {
  const int hour = LocalHour(t);
  if (hour != last_hour_) {
    last_hour_ = hour;
    const int64_t n = hour_totals_[hour];
    if (n >= kMinHourSamples && weight_ > 0) {
      // Move halfway to what this hour looked like on earlier days.
      for (int k = 0; k < kKinds; ++k) {
        const double history = static_cast<double>(by_hour_[hour][k]) / n;
        weighted_[k] = 0.5 * weighted_[k] + 0.5 * history * weight_;
      }
    }
  }
  const Kind kind = KindOf(outcome);
  weight_ = weight_ * decay_ + 1;
  prior_weight_ *= decay_;
  for (int k = 0; k < kKinds; ++k) {
    weighted_[k] = weighted_[k] * decay_ + (k == kind ? 1 : 0);
  }
  ++by_hour_[hour][kind];
  ++hour_totals_[hour];
  ++count_;
}

double DialOutcomeEstimator::Share(Kind kind) const {
  return (weighted_[kind] + prior_weight_ * prior_.shares[kind]) /
         (weight_ + prior_weight_);
}

double DialOutcomeEstimator::LiveShareUpper(double z) const {
  const double p = LiveShare();
  const double n = weight_ + prior_weight_;
  return std::min(1.0, p + z * std::sqrt(std::max(p * (1 - p), 1e-4) / n));
}

std::optional<double> DialOutcomeEstimator::LiveShareAtHour(int hour) const {
  if (hour < 0 || hour > 23 || hour_totals_[hour] < kMinHourSamples) {
    return std::nullopt;
  }
  return static_cast<double>(by_hour_[hour][kLive]) / hour_totals_[hour];
}

}  // namespace dialer::pacing
