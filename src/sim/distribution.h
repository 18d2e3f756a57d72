// Sampling the scenario's duration distributions.
//
// lognormal(mean, cv) is parameterized by the mean and coefficient of
// variation of the duration itself: sigma^2 = ln(1 + cv^2),
// mu = ln(mean) - sigma^2 / 2.
//
// Pure functions of their arguments (the Rng carries the state).
#ifndef DIALER_SIM_DISTRIBUTION_H_
#define DIALER_SIM_DISTRIBUTION_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "dialer/simulator.h"
#include "sim/random.h"

namespace dialer::sim {

// A draw in seconds, never negative. REQUIRES: Validate(d) is OK.
double Sample(const DurationDistribution& d, Rng& rng);
absl::Duration SampleDuration(const DurationDistribution& d, Rng& rng);

// The distribution's theoretical mean in seconds.
double Mean(const DurationDistribution& d);

// InvalidArgument "<path>...: expected ..." when a parameter is out of range
// (negative or non-finite durations, min > max, an empty list, ...).
absl::Status Validate(const DurationDistribution& d, const std::string& path);

// Shorthands.
DurationDistribution ConstDist(double value);
DurationDistribution ExponentialDist(double mean);
DurationDistribution LognormalDist(double mean, double cv);
DurationDistribution UniformDist(double min, double max);
DurationDistribution EmpiricalDist(std::vector<double> values);

}  // namespace dialer::sim

#endif  // DIALER_SIM_DISTRIBUTION_H_
