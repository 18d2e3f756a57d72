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
  std::array<int64_t, kKinds> counts{};
  ++counts[KindOf(outcome)];
  RecordBatch(t, counts);
}

void DialOutcomeEstimator::RecordBatch(absl::Time t,
                                       const std::array<int64_t, kKinds>& counts) {
  int64_t m = 0;
  for (int64_t c : counts) m += c;
  if (m <= 0) return;
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
  // m single updates in a row, each outcome given their mean weight.
  const double decay_m = std::pow(decay_, static_cast<double>(m));
  const double added = decay_ < 1 ? (1 - decay_m) / (1 - decay_) : m;
  weight_ = weight_ * decay_m + added;
  prior_weight_ *= decay_m;
  for (int k = 0; k < kKinds; ++k) {
    weighted_[k] = weighted_[k] * decay_m +
                   added * static_cast<double>(counts[k]) / static_cast<double>(m);
    by_hour_[hour][k] += counts[k];
  }
  hour_totals_[hour] += m;
  count_ += m;
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
