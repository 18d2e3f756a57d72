#include "pacing/abandon_forecast.h"

#include <algorithm>
#include <cmath>

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

}  // namespace
}  // namespace dialer::pacing
