#include "pacing/duration_estimator.h"

#include <algorithm>
#include <cmath>

namespace dialer::pacing {
namespace {

constexpr double kMinSigma = 0.05;

double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

DurationEstimator::DurationEstimator(Prior prior, double half_life_samples)
    : prior_var_(std::log1p(prior.cv * prior.cv)),
      prior_weight_(prior.weight),
      decay_(std::exp2(-1.0 / half_life_samples)) {
  prior_mu_ = std::log(prior.mean_s) - prior_var_ / 2;
}

void DurationEstimator::Record(double seconds) {
  const double l = std::log(std::max(seconds, 0.05));
  w_ = w_ * decay_ + 1;
  prior_weight_ *= decay_;
  s1_ = s1_ * decay_ + l;
  s2_ = s2_ * decay_ + l * l;
  ++count_;
}

double DurationEstimator::mu() const {
  return (s1_ + prior_weight_ * prior_mu_) / (w_ + prior_weight_);
}

double DurationEstimator::sigma() const {
  const double m = mu();
  const double second =
      (s2_ + prior_weight_ * (prior_var_ + prior_mu_ * prior_mu_)) /
      (w_ + prior_weight_);
  return std::max(kMinSigma, std::sqrt(std::max(0.0, second - m * m)));
}

double DurationEstimator::Mean() const {
  const double s = sigma();
  return std::exp(mu() + s * s / 2);
}

double DurationEstimator::Cdf(double x) const {
  if (x <= 0) return 0;
  return NormalCdf((std::log(x) - mu()) / sigma());
}

double DurationEstimator::Survival(double x) const { return 1 - Cdf(x); }

double DurationEstimator::ConditionalCdf(double elapsed, double t) const {
  if (t <= 0) return 0;
  const double s0 = Survival(elapsed);
  if (s0 > 1e-9) {
    return std::clamp((s0 - Survival(elapsed + t)) / s0, 0.0, 1.0);
  }
  // Deep in the tail: a lognormal's residual life there is about
  // elapsed * sigma^2 / (ln(elapsed) - mu); keep a constant hazard from it.
  const double s = sigma();
  const double excess = std::max(std::log(std::max(elapsed, 1e-3)) - mu(), s);
  const double residual = std::max(1.0, elapsed * s * s / excess);
  return 1 - std::exp(-t / residual);
}

}  // namespace dialer::pacing
