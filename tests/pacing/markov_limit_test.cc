#include "pacing/limit/markov_limit.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::pacing {
namespace {

using ::testing::HasSubstr;

MarkovModel Model(double p, int n, double cap, double grace = 2,
                  double h = 180, double m = 15) {
  MarkovModel model;
  model.agents = n;
  model.live_probability = p;
  model.abandon_cap = cap;
  model.grace_mean_s = grace;
  model.service_mean_s = h;
  model.ring_mean_s = m;
  return model;
}

TEST(MarkovLimitTest, ProgressiveMatchesTheClosedForm) {
  for (double p : {0.12, 0.3}) {
    auto r = EvaluateProgressive(Model(p, 5, 0.03));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_NEAR(r->occupancy, 180 / (180 + 15 / p), 1e-6);
    EXPECT_NEAR(r->abandon_rate, 0, 1e-9);
  }
}

// Reference values: pacing-baselines.md, "Reference table [computed]".
struct Row {
  double p;
  int n;
  double cap;
  double grace;
  double optimum;
};

class ReferenceTableTest : public ::testing::TestWithParam<Row> {};

TEST_P(ReferenceTableTest, MatchesThePublishedOptimum) {
  const Row row = GetParam();
  auto r = SolveMarkovLimit(Model(row.p, row.n, row.cap, row.grace));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->optimum.occupancy, row.optimum, 0.004)
      << "p " << row.p << " N " << row.n << " cap " << row.cap;
  EXPECT_NEAR(r->optimum.abandon_rate, row.cap, 1e-4);
  EXPECT_FALSE(r->ringing_cap_reached);
}

INSTANTIATE_TEST_SUITE_P(
    Tables, ReferenceTableTest,
    ::testing::Values(Row{0.12, 5, 0.03, 2, 0.770}, Row{0.12, 20, 0.03, 2, 0.890},
                      Row{0.30, 10, 0.03, 2, 0.864}, Row{0.12, 10, 0.01, 2, 0.793},
                      Row{0.30, 5, 0.01, 2, 0.807}, Row{0.12, 5, 0.03, 0, 0.767}));

TEST(MarkovLimitTest, RejectsBadModelsNamingTheField) {
  MarkovModel m = Model(0, 5, 0.03);
  auto r = SolveMarkovLimit(m);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("live_probability"));
}

}  // namespace
}  // namespace dialer::pacing
