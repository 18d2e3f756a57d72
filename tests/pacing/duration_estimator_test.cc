#include "pacing/duration_estimator.h"

#include <cmath>
#include <random>

#include "gtest/gtest.h"

namespace dialer::pacing {
namespace {

// Lognormal draws with the given mean and cv, from a fixed seed.
std::vector<double> Draws(double mean, double cv, int n, unsigned seed) {
  const double s2 = std::log1p(cv * cv);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(std::log(mean) - s2 / 2,
                                          std::sqrt(s2));
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(std::exp(normal(rng)));
  return out;
}

TEST(DurationEstimatorTest, PriorBeforeData) {
  DurationEstimator e({150, 1.0, 5}, 100);
  EXPECT_NEAR(e.Mean(), 150, 1e-9);
  EXPECT_NEAR(e.sigma(), std::sqrt(std::log(2.0)), 1e-9);
  EXPECT_EQ(e.count(), 0);
}

TEST(DurationEstimatorTest, ConvergesToTheSampledDistribution) {
  DurationEstimator e({150, 1.0, 5}, 400);
  for (double x : Draws(60, 0.5, 3000, 7)) e.Record(x);
  EXPECT_NEAR(e.Mean(), 60, 60 * 0.06);
  EXPECT_NEAR(e.sigma(), std::sqrt(std::log1p(0.25)), 0.04);
  EXPECT_NEAR(e.Cdf(60), 0.5 + 0.09, 0.04);  // median below the mean
}

TEST(DurationEstimatorTest, FollowsAChangeOfPaceWithinAFewHalfLives) {
  DurationEstimator e({150, 1.0, 5}, 50);
  for (double x : Draws(150, 1.0, 500, 1)) e.Record(x);
  for (double x : Draws(300, 1.0, 200, 2)) e.Record(x);
  EXPECT_NEAR(e.Mean(), 300, 300 * 0.2);
}

TEST(DurationEstimatorTest, ConditionalCdfUsesTheElapsedTime) {
  DurationEstimator e({100, 1.0, 5}, 100);
  // Past its mode a lognormal's hazard falls: long calls tend to go on.
  EXPECT_GT(e.ConditionalCdf(100, 30), e.ConditionalCdf(1000, 30));
  EXPECT_DOUBLE_EQ(e.ConditionalCdf(50, 0), 0);
  EXPECT_NEAR(e.ConditionalCdf(0, 100), e.Cdf(100), 1e-12);
  // Far in the tail the hazard stays positive.
  const double tail = e.ConditionalCdf(1e6, 60);
  EXPECT_GT(tail, 0);
  EXPECT_LT(tail, 1);
}

}  // namespace
}  // namespace dialer::pacing
