#include "pacing/abandon_forecast.h"

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

}  // namespace
}  // namespace dialer::pacing
