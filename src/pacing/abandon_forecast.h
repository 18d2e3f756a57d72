// Short-horizon forecast of abandoned live answers: the core of the
// predictive pacer.
//
// Time from now is cut into buckets. In bucket k, agents free up (expected
// count frees[k]) and live answers arrive that need an agent (expected count
// demand[k] from calls already in flight, plus new_call_demand[k] for each
// additional call placed now). Arrivals are Poisson counts, which
// over-states their spread a little (conservative). Frees are Poisson counts
// too unless `cumulative_free_variance` is given: an agent frees at most once
// over the horizon, so the spread of the frees is far below Poisson's when
// agents are likely to free (short calls); each bucket's frees are then a
// binomial count whose variance makes the cumulative variance match the
// exact one from above (tests/pacing: against a Monte-Carlo of agents
// freeing once, this removes most of Poisson's excess and stays on the
// pessimistic side). The forecast tracks the
// exact distribution of the number of free agents through the buckets:
// within a bucket frees come first (a live answer may wait for an agent
// freeing within the same bucket, which is the grace the 2-second rule
// leaves), then arrivals take free agents; an arrival that finds none is an
// abandon (or, with answers_wait_a_bucket, waits for the frees of the next
// bucket, first served, and is an abandon only if none frees; the state is
// then "y agents free or w people waiting", one signed integer). Agents who
// take a call stay busy to the end of the horizon; people still waiting at
// its end count as abandons.
//
// ExpectedAbandons(n) is the expected number of abandons over the horizon
// with n more calls placed now; n -> ExpectedAbandons(n) is increasing and
// convex, and ExpectedAbandons(n) - ExpectedAbandons(n - 1) is the marginal
// risk of the n-th call (the expected abandons it adds, counting the agents
// it takes from later answers).
//
// Thread-compatible; ExpectedAbandons() is const and allocation-light.
#ifndef DIALER_PACING_ABANDON_FORECAST_H_
#define DIALER_PACING_ABANDON_FORECAST_H_

#include <vector>

namespace dialer::pacing {

struct ForecastInput {
  int idle_agents = 0;  // free now
  int max_agents = 0;   // cap on free agents (logged in, not on break)
  // All three indexed by bucket; missing entries are 0.
  std::vector<double> frees;
  std::vector<double> demand;
  std::vector<double> new_call_demand;  // per additional call
  // Variance of the cumulative frees up to the end of bucket k (each agent
  // frees at most once: sum of q(1 - q) over agents). Missing entries: the
  // Poisson variance (the cumulative mean).
  std::vector<double> cumulative_free_variance;
  // When true, a live answer that finds no agent free waits one more bucket
  // and takes an agent freeing in it (before that bucket's own answers); it
  // is an abandon only if none frees. With 1-s buckets this is about the
  // grace the 2-second rule leaves after the bridge. False: abandoned at
  // the end of its own bucket (the original, more pessimistic model).
  bool answers_wait_a_bucket = false;
};

class AbandonForecast {
 public:
  // REQUIRES: 0 <= idle_agents <= max_agents; entries >= 0.
  explicit AbandonForecast(ForecastInput input);

  double ExpectedAbandons(int new_calls) const;
  // Expected live answers of one new call within the horizon.
  double NewCallLiveProbability() const { return new_call_live_; }
  int buckets() const { return buckets_; }

 private:
  static constexpr int kMaxWaiting = 40;

  ForecastInput in_;
  int buckets_;
  double new_call_live_ = 0;
  std::vector<std::vector<double>> free_pmfs_;  // Poisson(frees[k])
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_ABANDON_FORECAST_H_
