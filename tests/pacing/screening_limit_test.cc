#include "pacing/limit/screening_limit.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "Eigen/Dense"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pacing/limit/markov_limit.h"
#include "tests/pacing/small_screening_model.h"

namespace dialer::pacing {
namespace {

using ::testing::HasSubstr;

ScreeningModel Small() { return testing::SmallScreeningModel(5); }

MarkovModel Verdict(const ScreeningModel& s) {
  MarkovModel m;
  m.agents = s.agents;
  m.live_probability = s.live_probability;
  m.service_mean_s = s.service_mean_s;
  m.ring_mean_s = s.ring_mean_s;
  m.grace_mean_s = s.grace_mean_s;
  m.abandon_cap = s.abandon_cap;
  m.ringing_cap = s.ringing_cap;
  m.waiting_cap = s.waiting_cap;
  return m;
}

TEST(ScreeningLimitTest, WithoutMachinesItIsTheVerdictFirstModel) {
  for (int n : {5, 10}) {
    ScreeningModel s = Small();
    s.agents = n;
    s.machine_probability = 0;
    auto screening = SolveScreeningLimit(s);
    auto verdict = SolveMarkovLimit(Verdict(s));
    ASSERT_TRUE(screening.ok()) << screening.status();
    ASSERT_TRUE(verdict.ok()) << verdict.status();
    EXPECT_NEAR(screening->optimum.occupancy, verdict->optimum.occupancy, 1e-9);
    EXPECT_NEAR(screening->optimum.abandon_rate, verdict->optimum.abandon_rate,
                1e-9);
    EXPECT_EQ(screening->states, verdict->states);
    EXPECT_EQ(screening->optimum.screening, 0);
    EXPECT_FALSE(screening->screening_cap_reached);  // there is no s to cut
  }
}

TEST(ScreeningLimitTest, InstantScreeningIsTheVerdictFirstModel) {
  ScreeningModel s = Small();
  s.screen_mean_s = 0;  // machines never hold an agent
  auto exact = SolveScreeningLimit(s);
  ASSERT_TRUE(exact.ok()) << exact.status();
  auto verdict = SolveMarkovLimit(Verdict(s));
  ASSERT_TRUE(verdict.ok()) << verdict.status();
  EXPECT_NEAR(exact->optimum.occupancy, verdict->optimum.occupancy, 1e-9);
  // And the limit d -> 0 of a real screening dimension.
  s.screen_mean_s = 1e-3;
  auto near = SolveScreeningLimit(s);
  ASSERT_TRUE(near.ok()) << near.status();
  EXPECT_NEAR(near->optimum.occupancy, verdict->optimum.occupancy, 2e-4);
  EXPECT_GT(near->optimum.screening, 0);
  EXPECT_LT(near->optimum.screening, 1e-3);
}

// An independent computation: the generator of the continuous-time chain
// under a fixed top-up policy, built here state by state from the model's
// rules (no uniformisation, no shared code), and its stationary
// distribution by a dense solve.
struct BruteForce {
  double occupancy = 0, screening = 0, abandon_rate = 0, dials_per_hour = 0;
};

BruteForce Brute(const ScreeningModel& m, const std::vector<int>& target,
                 int r_cap, int q_cap) {
  const int n = m.agents;
  std::map<std::tuple<int, int, int, int>, int> index;
  std::vector<std::tuple<int, int, int, int>> states;
  for (int b = 0; b <= n; ++b) {
    for (int s = 0; b + s <= n; ++s) {
      for (int q = 0; q <= (b + s == n ? q_cap : 0); ++q) {
        for (int r = 0; r <= r_cap; ++r) {
          index[{b, s, q, r}] = static_cast<int>(states.size());
          states.emplace_back(b, s, q, r);
        }
      }
    }
  }
  const int size = static_cast<int>(states.size());
  Eigen::MatrixXd gen = Eigen::MatrixXd::Zero(size, size);
  std::vector<double> abandon(size, 0), live(size, 0), ring(size, 0);
  for (int i = 0; i < size; ++i) {
    const auto [b, s, q, r0] = states[i];
    // The policy acts at once: dial up to the target.
    const int key = b + s + q;
    const int r = std::min(
        r_cap, std::max(r0, key < static_cast<int>(target.size()) ? target[key]
                                                                  : 0));
    auto rate = [&](int b2, int s2, int q2, int r2, double v) {
      gen(i, index.at({b2, s2, q2, r2})) += v;
      gen(i, i) -= v;
    };
    if (r != r0) {
      // An instantaneous decision: model it as a very fast jump; the
      // pre-decision state then has (almost) no mass.
      rate(b, s, q, r, 1e7);
      continue;
    }
    if (b > 0) {
      if (q > 0) rate(b, s, q - 1, r, b / m.service_mean_s);
      else rate(b - 1, s, 0, r, b / m.service_mean_s);
    }
    if (s > 0) {
      if (q > 0) rate(b + 1, s - 1, q - 1, r, s / m.screen_mean_s);
      else rate(b, s - 1, 0, r, s / m.screen_mean_s);
    }
    if (q > 0) {
      rate(b, s, q - 1, r, q / m.grace_mean_s);
      abandon[i] += q / m.grace_mean_s;
    }
    if (r > 0) {
      const double dial = r / m.ring_mean_s;
      ring[i] = dial;
      live[i] = m.live_probability * dial;
      const double machine = m.machine_probability * dial;
      const double other = dial - live[i] - machine;
      if (b + s < n) {
        rate(b + 1, s, 0, r - 1, live[i]);
        rate(b, s + 1, 0, r - 1, machine);
      } else {
        const double waits = (1 - m.false_positive) * live[i];
        if (q < q_cap) rate(b, s, q + 1, r - 1, waits);
        else abandon[i] += waits;
        if (m.count_false_positives) abandon[i] += m.false_positive * live[i];
        rate(b, s, q, r - 1, live[i] - (q < q_cap ? waits : 0) + machine);
      }
      rate(b, s, q, r - 1, other);
    }
  }
  // pi Q = 0, sum pi = 1: replace one equation by the normalisation.
  Eigen::MatrixXd a = gen.transpose();
  a.row(0).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(size);
  rhs(0) = 1;
  const Eigen::VectorXd pi = a.fullPivLu().solve(rhs);
  BruteForce out;
  double ab = 0, lv = 0, dials = 0;
  for (int i = 0; i < size; ++i) {
    const auto [b, s, q, r] = states[i];
    out.occupancy += pi(i) * b / n;
    out.screening += pi(i) * s / n;
    ab += pi(i) * abandon[i];
    lv += pi(i) * live[i];
    dials += pi(i) * ring[i];
  }
  out.abandon_rate = ab / lv;
  out.dials_per_hour = dials * 3600 / n;
  return out;
}

TEST(ScreeningLimitTest, AFixedPolicyMatchesABruteForceStationaryDistribution) {
  ScreeningModel m = Small();
  m.agents = 3;
  m.service_mean_s = 60;
  m.ring_mean_s = 10;
  m.machine_probability = 0.4;
  m.live_probability = 0.3;
  m.screen_mean_s = 5;
  m.false_positive = 0.1;
  m.count_false_positives = true;
  m.ringing_cap = 12;
  m.waiting_cap = 3;
  m.screening_cap = 3;  // = N: no truncation of s
  // Dial more while agents are free, a little while all are busy.
  const std::vector<int> target = {9, 6, 3, 1, 0, 0, 0};
  auto model = EvaluateScreeningPolicy(m, target);
  ASSERT_TRUE(model.ok()) << model.status();
  const BruteForce brute = Brute(m, target, 12, 3);
  EXPECT_NEAR(model->occupancy, brute.occupancy, 1e-6);
  EXPECT_NEAR(model->screening, brute.screening, 1e-6);
  EXPECT_NEAR(model->abandon_rate, brute.abandon_rate, 1e-6);
  EXPECT_NEAR(model->dials_per_agent_hour, brute.dials_per_hour, 1e-3);
  EXPECT_GT(brute.screening, 0.01);
  EXPECT_GT(brute.abandon_rate, 0.001);
}

TEST(ScreeningLimitTest, TheOptimumKeepsTheCapAndBeatsPowerDialing) {
  ScreeningModel m = Small();
  auto r = SolveScreeningLimit(m);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->optimum.abandon_rate, 0.03, 1e-4);
  std::vector<int> power;
  for (int k = 0; k <= m.agents; ++k) power.push_back(m.agents - k);
  auto progressive = EvaluateScreeningPolicy(m, power);
  ASSERT_TRUE(progressive.ok());
  EXPECT_GT(r->optimum.occupancy, progressive->occupancy + 0.05);
  EXPECT_LE(r->optimum.occupancy, r->upper_bound + 1e-12);
  EXPECT_LT(r->upper_bound - r->optimum.occupancy, 2e-5);
  EXPECT_FALSE(r->ringing_cap_reached);
  EXPECT_FALSE(r->waiting_cap_reached);
  EXPECT_FALSE(r->screening_cap_reached);
}

TEST(ScreeningLimitTest, MoreMachinesOrLongerScreeningNeverRaiseTheLimit) {
  double last = 2;
  for (double u : {0.0, 0.2, 0.4, 0.6}) {
    ScreeningModel m = Small();
    m.machine_probability = u;
    auto r = SolveScreeningLimit(m);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_LE(r->optimum.occupancy, last + 1e-6) << "u " << u;
    last = r->optimum.occupancy;
  }
  last = 2;
  for (double d : {0.0, 1.0, 3.0, 8.0}) {
    ScreeningModel m = Small();
    m.screen_mean_s = d;
    auto r = SolveScreeningLimit(m);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_LE(r->optimum.occupancy, last + 1e-6) << "d " << d;
    last = r->optimum.occupancy;
  }
  // And they do lower it, visibly, at the extremes.
  ScreeningModel heavy = Small();
  heavy.machine_probability = 0.6;
  heavy.screen_mean_s = 8;
  auto none = SolveScreeningLimit(Small());
  auto lots = SolveScreeningLimit(heavy);
  ASSERT_TRUE(none.ok() && lots.ok());
  EXPECT_LT(lots->optimum.occupancy, none->optimum.occupancy - 0.01);
}

TEST(ScreeningLimitTest, CountingDetectorHangUpsLowersTheLimit) {
  ScreeningModel m = Small();
  m.false_positive = 0.02;
  auto free_of_them = SolveScreeningLimit(m);
  m.count_false_positives = true;
  auto counted = SolveScreeningLimit(m);
  ASSERT_TRUE(free_of_them.ok() && counted.ok());
  EXPECT_LT(counted->optimum.occupancy, free_of_them->optimum.occupancy);
  EXPECT_NEAR(counted->optimum.abandon_rate, 0.03, 1e-4);
}

TEST(ScreeningLimitTest, TightTruncationsAreFlagged) {
  ScreeningModel m = Small();
  m.machine_probability = 0.6;
  m.screen_mean_s = 8;
  m.screening_cap = 1;
  m.ringing_cap = m.agents + 2;
  m.waiting_cap = 1;
  auto r = SolveScreeningLimit(m);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->screening_cap_reached);
  EXPECT_TRUE(r->ringing_cap_reached);
  EXPECT_TRUE(r->waiting_cap_reached);
}

TEST(ScreeningLimitTest, RejectsBadModelsNamingTheField) {
  ScreeningModel m = Small();
  m.machine_probability = 0.95;
  auto r = SolveScreeningLimit(m);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("machine_probability"));
  m = Small();
  m.screen_mean_s = -1;
  r = SolveScreeningLimit(m);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("screen_mean_s"));
}

}  // namespace
}  // namespace dialer::pacing
