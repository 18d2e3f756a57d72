#include "pacing/abandon_forecast.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace dialer::pacing {
namespace {

// Probability mass below which a state is not propagated (far below any
// risk the pacer acts on).
constexpr double kNegligible = 1e-13;

double At(const std::vector<double>& v, int k) {
  return k < static_cast<int>(v.size()) ? v[k] : 0.0;
}

// Poisson(mean) probabilities, until the remaining tail is below 1e-10.
void PoissonPmf(double mean, std::vector<double>& pmf) {
  pmf.clear();
  double p = std::exp(-mean);
  double cumulative = 0;
  for (int d = 0; d < 400; ++d) {
    pmf.push_back(p);
    cumulative += p;
    if (1 - cumulative < 1e-10 && d >= mean) break;
    p *= mean / (d + 1);
  }
}

// Binomial(n, mean / n) probabilities with the least n whose variance,
// mean (1 - mean / n), is at least `variance`; Poisson(mean) when that
// would take more than 300 trials (its variance, mean, is larger still).
void FreePmf(double mean, double variance, std::vector<double>& pmf) {
  if (!(variance < mean)) return PoissonPmf(mean, pmf);
  const double trials = mean * mean / std::max(1e-12, mean - variance);
  if (trials > 300) return PoissonPmf(mean, pmf);
  const int n = std::max(static_cast<int>(std::ceil(mean - 1e-9)),
                         static_cast<int>(std::ceil(trials - 1e-9)));
  const double q = std::min(1.0, mean / n);
  pmf.assign(n + 1, 0.0);
  if (q >= 1) {
    pmf[n] = 1;
    return;
  }
  double p = std::pow(1 - q, n);
  const double odds = q / (1 - q);
  for (int d = 0; d <= n; ++d) {
    pmf[d] = p;
    p *= odds * (n - d) / (d + 1);
  }
}

}  // namespace

AbandonForecast::AbandonForecast(ForecastInput input) : in_(std::move(input)) {
  buckets_ = static_cast<int>(std::max(
      {in_.frees.size(), in_.demand.size(), in_.new_call_demand.size()}));
  for (double x : in_.new_call_demand) new_call_live_ += x;
  free_pmfs_.resize(buckets_);
  double previous_variance = 0;
  for (int k = 0; k < buckets_; ++k) {
    const double f = At(in_.frees, k);
    if (f <= 0) continue;
    if (k < static_cast<int>(in_.cumulative_free_variance.size())) {
      // Independent counts per bucket cannot make the cumulative variance
      // shrink, as it does once agents are likelier than not to have freed:
      // each bucket gets what the exact cumulative variance adds, or the
      // least an integer count of mean f can have, so the forecast's
      // cumulative variance is never below the exact one.
      const double cumulative = in_.cumulative_free_variance[k];
      const double fraction = f - std::floor(f);
      const double floor = fraction * (1 - fraction);
      const double v = std::max(cumulative - previous_variance, floor);
      previous_variance += v;
      FreePmf(f, v, free_pmfs_[k]);
    } else {
      PoissonPmf(f, free_pmfs_[k]);
    }
  }
}

double AbandonForecast::ExpectedAbandons(int new_calls) const {
  // State z in [-max_waiting, cap]: z >= 0 agents free, z < 0 means -z people
  // waiting from the previous bucket (only with answers_wait_a_bucket; more
  // than max_waiting are abandoned at once, the pessimistic side).
  const int cap = std::max(in_.max_agents, in_.idle_agents);
  const int max_waiting = in_.answers_wait_a_bucket ? kMaxWaiting : 0;
  const int size = cap + max_waiting + 1;
  std::vector<double> dist(size, 0.0), next(size);
  auto at = [&](std::vector<double>& v, int z) -> double& {
    return v[z + max_waiting];
  };
  at(dist, std::clamp(in_.idle_agents, 0, cap)) = 1;
  std::vector<double> pmf;
  double abandons = 0;
  for (int k = 0; k < buckets_; ++k) {
    const std::vector<double>& frees = free_pmfs_[k];
    if (!frees.empty() || max_waiting > 0) {
      // Frees serve the people waiting first; those they cannot serve have
      // waited their bucket and are abandons.
      std::fill(next.begin(), next.end(), 0.0);
      for (int z = -max_waiting; z <= cap; ++z) {
        const double pz = at(dist, z);
        if (pz < kNegligible) continue;
        if (frees.empty()) {
          if (z < 0) abandons += pz * -z;
          at(next, std::max(z, 0)) += pz;
          continue;
        }
        for (int f = 0; f < static_cast<int>(frees.size()); ++f) {
          const double p = pz * frees[f];
          // With people waiting every agent is busy: at most cap can free.
          const int after = z < 0 ? z + std::min(f, cap) : z + f;
          if (after < 0) abandons += p * -after;
          at(next, std::clamp(after, 0, cap)) += p;
        }
      }
      dist.swap(next);
    }
    const double arrival_mean =
        At(in_.demand, k) + new_calls * At(in_.new_call_demand, k);
    if (arrival_mean > 0) {
      PoissonPmf(arrival_mean, pmf);
      std::fill(next.begin(), next.end(), 0.0);
      for (int y = 0; y <= cap; ++y) {  // nobody waits after the frees
        const double py = at(dist, y);
        if (py < kNegligible) continue;
        for (int d = 0; d < static_cast<int>(pmf.size()); ++d) {
          const double p = py * pmf[d];
          const int after = y - d;
          if (after < -max_waiting) abandons += p * (-max_waiting - after);
          at(next, std::max(after, -max_waiting)) += p;
        }
      }
      dist.swap(next);
    }
  }
  for (int z = -max_waiting; z < 0; ++z) abandons += at(dist, z) * -z;
  return abandons;
}

}  // namespace dialer::pacing
