#include "sim/agent_breaks.h"

#include <algorithm>
#include <set>
#include <vector>

#include "dialer/simulator.h"
#include "gtest/gtest.h"

namespace dialer::sim {
namespace {

std::set<size_t> Takers(uint64_t seed, size_t b, size_t n, double fraction) {
  const std::vector<size_t> t = BreakTakers(seed, b, n, fraction);
  return std::set<size_t>(t.begin(), t.end());
}

std::set<size_t> Minus(const std::set<size_t>& a, const std::set<size_t>& b) {
  std::set<size_t> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::inserter(out, out.end()));
  return out;
}

std::set<size_t> Union(const std::set<size_t>& a, const std::set<size_t>& b) {
  std::set<size_t> out = a;
  out.insert(b.begin(), b.end());
  return out;
}

TEST(BreakTakersTest, ARoundedShareOfDistinctAgentsPerSeedAndBreak) {
  const std::vector<size_t> t = BreakTakers(7, 0, 20, 0.25);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(std::set<size_t>(t.begin(), t.end()).size(), 5u);
  for (size_t a : t) EXPECT_LT(a, 20u);
  EXPECT_EQ(BreakTakers(7, 0, 20, 0.25), t);
  EXPECT_NE(BreakTakers(7, 1, 20, 0.25), t);
  EXPECT_NE(BreakTakers(8, 0, 20, 0.25), t);
  EXPECT_EQ(BreakTakers(7, 0, 3, 0.5).size(), 2u);  // llround(1.5)
  EXPECT_TRUE(BreakTakers(7, 0, 20, 0).empty());
  EXPECT_EQ(BreakTakers(7, 0, 20, 1).size(), 20u);
}

TEST(StaffingProfileTest, WithoutBreaksEveryAgentAllDay) {
  Scenario s;
  s.agents.count = 12;
  s.duration_s = 3600;
  const std::vector<StaffingSegment> p = StaffingProfile(s, 1);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].start_s, 0);
  EXPECT_EQ(p[0].length_s, 3600);
  EXPECT_EQ(p[0].agents, 12);
}

// Break 1 starts during break 0 (overlap), break 2 the instant break 0
// ends (adjacent), break 3 runs past the end of the day.
TEST(StaffingProfileTest, OverlappingAndAdjacentBreaksFollowTheSimulator) {
  constexpr uint64_t kSeed = 3;
  constexpr size_t kAgents = 10;
  Scenario s;
  s.agents.count = kAgents;
  s.duration_s = 6000;
  s.agents.breaks = {{1000, 2000, 0.5},   // [1000, 3000)
                     {2000, 500, 0.4},    // [2000, 2500), inside break 0
                     {3000, 1000, 0.5},   // [3000, 4000), adjacent
                     {5500, 900, 0.3}};   // cut at 6000
  const auto t0 = Takers(kSeed, 0, kAgents, 0.5);
  const auto t1 = Takers(kSeed, 1, kAgents, 0.4);
  const auto t2 = Takers(kSeed, 2, kAgents, 0.5);
  const auto t3 = Takers(kSeed, 3, kAgents, 0.3);
  // The seed exercises both rules: agents picked twice, and agents of
  // break 1 only (back at 2500).
  ASSERT_FALSE(Minus(t1, Minus(t1, t0)).empty()) << "no agent in breaks 0 and 1";
  ASSERT_FALSE(Minus(t1, t0).empty()) << "no agent in break 1 only";
  ASSERT_FALSE(Minus(t2, Minus(t2, t0)).empty())
      << "no agent in breaks 0 (to its end) and 2";

  const int n = kAgents;
  auto left = [&](const std::set<size_t>& away) {
    return n - static_cast<int>(away.size());
  };
  // Takers of break 1 already away (break 0) stay away to the later end,
  // 3000; those of break 0 still away at 3000 and picked by break 2 take
  // it straight after, to 4000.
  const std::vector<StaffingSegment> want_raw = {
      {0, 1000, n},
      {1000, 1000, left(t0)},
      {2000, 500, left(Union(t0, t1))},
      {2500, 500, left(t0)},
      {3000, 1000, left(t2)},
      {4000, 1500, n},
      {5500, 500, left(t3)}};
  std::vector<StaffingSegment> want;
  for (const StaffingSegment& w : want_raw) {
    if (!want.empty() && want.back().agents == w.agents) {
      want.back().length_s += w.length_s;
    } else {
      want.push_back(w);
    }
  }
  const std::vector<StaffingSegment> got = StaffingProfile(s, kSeed);
  ASSERT_EQ(got.size(), want.size());
  double total = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].start_s, want[i].start_s) << i;
    EXPECT_EQ(got[i].length_s, want[i].length_s) << i;
    EXPECT_EQ(got[i].agents, want[i].agents) << i;
    total += got[i].length_s;
  }
  EXPECT_EQ(total, s.duration_s);
}

}  // namespace
}  // namespace dialer::sim
