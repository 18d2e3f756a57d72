#include "sim/distribution.h"

#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"

namespace dialer::sim {
namespace {

using Kind = DurationDistribution::Kind;

absl::Status Expect(bool ok, const std::string& path, absl::string_view key,
                    absl::string_view expectation, double got) {
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(path, ".", key, ": expected ", expectation, ", got ", got));
}

bool FiniteAtLeast(double x, double lo) { return std::isfinite(x) && x >= lo; }
bool Positive(double x) { return std::isfinite(x) && x > 0; }

}  // namespace

double Sample(const DurationDistribution& d, Rng& rng) {
  switch (d.kind) {
    case Kind::kConst:
      return d.value;
    case Kind::kExponential:
      return -d.mean * std::log1p(-rng.Uniform01());
    case Kind::kLognormal: {
      if (d.cv == 0) return d.mean;
      const double sigma2 = std::log1p(d.cv * d.cv);
      const double mu = std::log(d.mean) - sigma2 / 2;
      return std::exp(mu + std::sqrt(sigma2) * rng.Normal());
    }
    case Kind::kUniform:
      return d.min + (d.max - d.min) * rng.Uniform01();
    case Kind::kEmpirical:
      return d.values[rng.Below(d.values.size())];
  }
  return 0;
}

absl::Duration SampleDuration(const DurationDistribution& d, Rng& rng) {
  return absl::Seconds(Sample(d, rng));
}

double Mean(const DurationDistribution& d) {
  switch (d.kind) {
    case Kind::kConst:
      return d.value;
    case Kind::kExponential:
    case Kind::kLognormal:
      return d.mean;
    case Kind::kUniform:
      return (d.min + d.max) / 2;
    case Kind::kEmpirical: {
      double sum = 0;
      for (double v : d.values) sum += v;
      return d.values.empty() ? 0 : sum / d.values.size();
    }
  }
  return 0;
}

absl::Status Validate(const DurationDistribution& d, const std::string& path) {
  switch (d.kind) {
    case Kind::kConst:
      return Expect(FiniteAtLeast(d.value, 0), path, "value", "a number >= 0",
                    d.value);
    case Kind::kExponential:
      return Expect(Positive(d.mean), path, "mean", "a number > 0", d.mean);
    case Kind::kLognormal:
      if (auto s = Expect(Positive(d.mean), path, "mean", "a number > 0",
                          d.mean);
          !s.ok()) {
        return s;
      }
      return Expect(FiniteAtLeast(d.cv, 0), path, "cv", "a number >= 0", d.cv);
    case Kind::kUniform:
      if (auto s = Expect(FiniteAtLeast(d.min, 0), path, "min",
                          "a number >= 0", d.min);
          !s.ok()) {
        return s;
      }
      return Expect(std::isfinite(d.max) && d.max >= d.min, path, "max",
                    absl::StrCat("a number >= min (", d.min, ")"), d.max);
    case Kind::kEmpirical:
      if (d.values.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ".values: expected a non-empty array"));
      }
      for (size_t i = 0; i < d.values.size(); ++i) {
        if (auto s = Expect(FiniteAtLeast(d.values[i], 0), path,
                            absl::StrCat("values[", i, "]"), "a number >= 0",
                            d.values[i]);
            !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(path, ".dist: unknown distribution kind"));
}

DurationDistribution ConstDist(double value) {
  DurationDistribution d;
  d.kind = Kind::kConst;
  d.value = value;
  return d;
}

DurationDistribution ExponentialDist(double mean) {
  DurationDistribution d;
  d.kind = Kind::kExponential;
  d.mean = mean;
  return d;
}

DurationDistribution LognormalDist(double mean, double cv) {
  DurationDistribution d;
  d.kind = Kind::kLognormal;
  d.mean = mean;
  d.cv = cv;
  return d;
}

DurationDistribution UniformDist(double min, double max) {
  DurationDistribution d;
  d.kind = Kind::kUniform;
  d.min = min;
  d.max = max;
  return d;
}

DurationDistribution EmpiricalDist(std::vector<double> values) {
  DurationDistribution d;
  d.kind = Kind::kEmpirical;
  d.values = std::move(values);
  return d;
}

}  // namespace dialer::sim
