#include "pacing/abandon_forecast.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace dialer::pacing {
namespace {

TEST(AbandonForecastTest, NoDemandNoAbandons) {
  AbandonForecast f(ForecastInput{2, 5, {0.5, 0.5}, {}, {}});
  EXPECT_DOUBLE_EQ(f.ExpectedAbandons(0), 0);
  EXPECT_DOUBLE_EQ(f.ExpectedAbandons(10), 0);  // new calls never answer
}

TEST(AbandonForecastTest, NoAgentEveryArrivalIsAbandoned) {
  AbandonForecast f(ForecastInput{0, 5, {}, {0.7, 0.3}, {0.1, 0.2}});
  EXPECT_NEAR(f.ExpectedAbandons(0), 1.0, 1e-9);
  EXPECT_NEAR(f.ExpectedAbandons(3), 1.9, 1e-7);
  EXPECT_NEAR(f.NewCallLiveProbability(), 0.3, 1e-12);
}

TEST(AbandonForecastTest, OneIdleAgentAgainstPoissonDemand) {
  // E[(D - 1)+] for D ~ Poisson(1) = 1 - (1 - e^-1) = e^-1.
  AbandonForecast f(ForecastInput{1, 1, {}, {1.0}, {}});
  EXPECT_NEAR(f.ExpectedAbandons(0), std::exp(-1.0), 1e-9);
}

TEST(AbandonForecastTest, AgentsFreeingEarlierServeLaterAnswers) {
  ForecastInput early{0, 3, {1.0, 0, 0}, {0, 0, 0.5}, {}};
  ForecastInput late{0, 3, {0, 0, 0, 1.0}, {0, 0, 0.5}, {}};
  EXPECT_LT(AbandonForecast(early).ExpectedAbandons(0),
            AbandonForecast(late).ExpectedAbandons(0));
}

TEST(AbandonForecastTest, MarginalRiskGrowsWithEveryCall) {
  AbandonForecast f(ForecastInput{3, 10, {0.2, 0.2, 0.2, 0.2},
                                  {0.1, 0.1, 0.1, 0.1},
                                  {0.0, 0.05, 0.05, 0.02}});
  double previous_marginal = 0;
  double previous = f.ExpectedAbandons(0);
  for (int n = 1; n <= 40; ++n) {
    const double now = f.ExpectedAbandons(n);
    const double marginal = now - previous;
    EXPECT_GE(marginal, previous_marginal - 1e-12) << n;
    EXPECT_LE(marginal, f.NewCallLiveProbability() + 1e-12) << n;
    previous_marginal = marginal;
    previous = now;
  }
}

double Poisson(double mean, int k) {
  return std::exp(-mean + k * std::log(mean) - std::lgamma(k + 1.0));
}

TEST(AbandonForecastTest, AWaitingAnswerTakesAnAgentFreeingInTheNextBucket) {
  // No agent free; answers D ~ Poisson(a) in bucket 0; frees F ~ Poisson(m)
  // in bucket 1, at most the 4 agents. Waiting a bucket, E[abandons] =
  // E[(D - min(F, 4))+]; without, a.
  const double a = 0.8, m = 1.5;
  ForecastInput in{0, 4, {0, m}, {a}, {}};
  EXPECT_NEAR(AbandonForecast(in).ExpectedAbandons(0), a, 1e-9);
  in.answers_wait_a_bucket = true;
  double expected = 0;
  for (int d = 0; d < 60; ++d) {
    for (int f = 0; f < 60; ++f) {
      expected +=
          Poisson(a, d) * Poisson(m, f) * std::max(0, d - std::min(f, 4));
    }
  }
  EXPECT_NEAR(AbandonForecast(in).ExpectedAbandons(0), expected, 1e-9);
  EXPECT_LT(expected, a * 0.6);
}

TEST(AbandonForecastTest, WaitersAreServedBeforeTheNextBucketsAnswers) {
  // Both agents free in bucket 1 (Poisson(30) frees, capped at the 2
  // agents): the answer waiting from bucket 0 and the one of bucket 1 are
  // both served.
  ForecastInput in{0, 2, {0, 30.0}, {1e-3, 1e-3}, {}};
  in.answers_wait_a_bucket = true;
  EXPECT_LT(AbandonForecast(in).ExpectedAbandons(0), 1e-6);
  // One agent only: the waiter takes it first, so a bucket-1 answer finds
  // nobody and waits past the horizon (an abandon).
  ForecastInput one{0, 1, {0, 30.0}, {0.5, 0.5}, {}};
  one.answers_wait_a_bucket = true;
  double expected = 0;  // E[(D0 + D1 - 1)+], D0, D1 ~ Poisson(0.5) each
  for (int d = 0; d < 60; ++d) expected += Poisson(1.0, d) * std::max(0, d - 1);
  EXPECT_NEAR(AbandonForecast(one).ExpectedAbandons(0), expected, 1e-9);
  ForecastInput none{0, 2, {}, {0.5, 0.25}, {}};
  none.answers_wait_a_bucket = true;
  // Nobody ever frees: every answer is an abandon, waiting or not.
  EXPECT_NEAR(AbandonForecast(none).ExpectedAbandons(0), 0.75, 1e-9);
}

TEST(AbandonForecastTest, WaitingNeverAddsRiskAndKeepsMarginalsIncreasing) {
  ForecastInput in{2, 10, {0.3, 0.3, 0.3, 0.3, 0.3},
                   {0.2, 0.3, 0.2, 0.1, 0.1},
                   {0.0, 0.04, 0.06, 0.02, 0.0}};
  const AbandonForecast strict(in);
  in.answers_wait_a_bucket = true;
  const AbandonForecast waiting(in);
  double previous_marginal = 0;
  double previous = waiting.ExpectedAbandons(0);
  for (int n = 0; n <= 40; ++n) {
    EXPECT_LE(waiting.ExpectedAbandons(n), strict.ExpectedAbandons(n) + 1e-12)
        << n;
    if (n == 0) continue;
    const double now = waiting.ExpectedAbandons(n);
    EXPECT_GE(now - previous, previous_marginal - 1e-12) << n;
    previous_marginal = now - previous;
    previous = now;
  }
}

// Agents busy now free at most once over the horizon: agent i frees by
// bucket k with probability cdf[i][k].
ForecastInput FromAgents(const std::vector<std::vector<double>>& cdf,
                         std::vector<double> demand, bool with_variance) {
  const int buckets = static_cast<int>(demand.size());
  ForecastInput in;
  in.max_agents = static_cast<int>(cdf.size());
  in.frees.assign(buckets, 0.0);
  in.demand = std::move(demand);
  if (with_variance) in.cumulative_free_variance.assign(buckets, 0.0);
  for (const auto& c : cdf) {
    for (int k = 0; k < buckets; ++k) {
      in.frees[k] += c[k] - (k > 0 ? c[k - 1] : 0.0);
      if (with_variance) in.cumulative_free_variance[k] += c[k] * (1 - c[k]);
    }
  }
  return in;
}

TEST(AbandonForecastTest, AnAgentCertainToFreeIsNotAPoissonCount) {
  // One agent certain to free in bucket 0, Poisson(1) answers there:
  // E[(D - 1)+] = 1/e. A Poisson count of frees would add the chance that
  // nobody frees, and that two do.
  const ForecastInput exact = FromAgents({{1.0}}, {1.0}, true);
  const ForecastInput poisson = FromAgents({{1.0}}, {1.0}, false);
  EXPECT_NEAR(AbandonForecast(exact).ExpectedAbandons(0), std::exp(-1.0),
              1e-9);
  EXPECT_GT(AbandonForecast(poisson).ExpectedAbandons(0),
            std::exp(-1.0) + 0.05);
}

// The forecast's model with agents as they are (each frees once, at a bucket
// drawn from its own law; Monte-Carlo) against the independent per-bucket
// counts the forecast uses: those match the mean and, from above, the
// variance of the cumulative frees, which Poisson counts overstate.
TEST(AbandonForecastTest, FreesOfAgentsFreeingOnceAgainstMonteCarlo) {
  const int buckets = 12;
  std::vector<std::vector<double>> cdf;
  for (int i = 0; i < 8; ++i) {
    const double rate = 0.03 + 0.035 * i;  // from long calls to wrap-ups
    std::vector<double> c(buckets);
    for (int k = 0; k < buckets; ++k) c[k] = 1 - std::exp(-rate * (k + 1));
    cdf.push_back(c);
  }
  const std::vector<double> demand(buckets, 0.35);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::poisson_distribution<int> arrivals(0.35);
  const int runs = 200000;
  double total = 0;
  for (int run = 0; run < runs; ++run) {
    std::vector<int> frees(buckets + 1, 0);
    for (const auto& c : cdf) {
      const double x = uniform(rng);
      int k = 0;
      while (k < buckets && x > c[k]) ++k;
      ++frees[k];  // frees[buckets]: after the horizon
    }
    int free_agents = 0;
    for (int k = 0; k < buckets; ++k) {
      free_agents += frees[k];
      const int d = arrivals(rng);
      total += std::max(0, d - free_agents);
      free_agents = std::max(0, free_agents - d);
    }
  }
  const double monte_carlo = total / runs;  // standard error ~0.004
  const double matched =
      AbandonForecast(FromAgents(cdf, demand, true)).ExpectedAbandons(0);
  const double poisson =
      AbandonForecast(FromAgents(cdf, demand, false)).ExpectedAbandons(0);
  SCOPED_TRACE(::testing::Message() << "monte carlo " << monte_carlo
                                    << ", matched " << matched << ", poisson "
                                    << poisson);
  EXPECT_GT(poisson, matched);
  // Still on the pessimistic side (independent increments lose the
  // negative correlation between buckets), with at least half of the
  // Poisson counts' excess gone (here 0.64 and 0.78 against 0.56).
  EXPECT_GE(matched, monte_carlo - 0.01);
  EXPECT_LT(matched - monte_carlo, (poisson - monte_carlo) / 2);
}

}  // namespace
}  // namespace dialer::pacing
