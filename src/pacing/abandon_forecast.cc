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

}  // namespace

AbandonForecast::AbandonForecast(ForecastInput input) : in_(std::move(input)) {
  buckets_ = static_cast<int>(std::max(
      {in_.frees.size(), in_.demand.size(), in_.new_call_demand.size()}));
  for (double x : in_.new_call_demand) new_call_live_ += x;
  free_pmfs_.resize(buckets_);
  for (int k = 0; k < buckets_; ++k) {
    if (At(in_.frees, k) > 0) PoissonPmf(At(in_.frees, k), free_pmfs_[k]);
  }
}

double AbandonForecast::ExpectedAbandons(int new_calls) const {
  const int cap = std::max(in_.max_agents, in_.idle_agents);
  std::vector<double> dist(cap + 1, 0.0), next(cap + 1);
  dist[std::clamp(in_.idle_agents, 0, cap)] = 1;
  std::vector<double> pmf;
  double abandons = 0;
  for (int k = 0; k < buckets_; ++k) {
    const std::vector<double>& frees = free_pmfs_[k];
    if (!frees.empty()) {
      std::fill(next.begin(), next.end(), 0.0);
      for (int y = 0; y <= cap; ++y) {
        if (dist[y] < kNegligible) continue;
        for (int f = 0; f < static_cast<int>(frees.size()); ++f) {
          next[std::min(cap, y + f)] += dist[y] * frees[f];
        }
      }
      dist.swap(next);
    }
    const double arrival_mean =
        At(in_.demand, k) + new_calls * At(in_.new_call_demand, k);
    if (arrival_mean > 0) {
      PoissonPmf(arrival_mean, pmf);
      std::fill(next.begin(), next.end(), 0.0);
      for (int y = 0; y <= cap; ++y) {
        if (dist[y] < kNegligible) continue;
        for (int d = 0; d < static_cast<int>(pmf.size()); ++d) {
          const double p = dist[y] * pmf[d];
          if (d <= y) {
            next[y - d] += p;
          } else {
            next[0] += p;
            abandons += p * (d - y);
          }
        }
      }
      dist.swap(next);
    }
  }
  return abandons;
}

}  // namespace dialer::pacing
