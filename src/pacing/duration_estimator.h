// Online estimate of a duration distribution (talk, wrap-up, ring time,
// detector latency) as a lognormal, from exponentially weighted moments of
// log(duration).
//
// Why lognormal: call-center talk and wrap times are right-skewed and close
// to lognormal, and ring times are well described by one too; two moments
// are robust with few samples, and the conditional survival
// P(T > e + t | T > e) the predictive pacer needs for agents already on a
// call has a closed form. Recent samples weigh more (half-life in samples),
// so a change of agent pace shows within a few dozen calls. A prior acts as
// `prior_weight` pseudo-samples (fading like old samples) so early estimates
// are sensible.
//
// Thread-compatible.
#ifndef DIALER_PACING_DURATION_ESTIMATOR_H_
#define DIALER_PACING_DURATION_ESTIMATOR_H_

#include <cstdint>

namespace dialer::pacing {

class DurationEstimator {
 public:
  struct Prior {
    double mean_s = 1;   // > 0
    double cv = 1;       // > 0
    double weight = 5;   // pseudo-samples, >= 0
  };
  // REQUIRES: half_life_samples > 0.
  DurationEstimator(Prior prior, double half_life_samples);

  // One observed duration in seconds; values below 50 ms count as 50 ms.
  void Record(double seconds);

  int64_t count() const { return count_; }
  // Parameters of log(T): mean and standard deviation (>= 0.05).
  double mu() const;
  double sigma() const;
  double Mean() const;
  // P(T <= x) and P(T > x); x in seconds.
  double Cdf(double x) const;
  double Survival(double x) const;
  // P(T <= elapsed + t | T > elapsed). When the survival at `elapsed` is
  // negligible (far in the tail) the hazard is extrapolated as constant
  // with the distribution's mean residual rate, never 0.
  double ConditionalCdf(double elapsed, double t) const;

 private:
  double prior_mu_;
  double prior_var_;
  double prior_weight_;  // decays with every sample
  double decay_;
  double w_ = 0;   // decayed sample weight
  double s1_ = 0;  // decayed sum of log(x)
  double s2_ = 0;  // decayed sum of log(x)^2
  int64_t count_ = 0;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_DURATION_ESTIMATOR_H_
