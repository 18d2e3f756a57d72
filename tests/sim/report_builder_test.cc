#include "sim/report_builder.h"

#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace dialer::sim {
namespace {

const absl::Time kT0 = absl::FromUnixSeconds(1773151200);

std::vector<std::pair<absl::Time, bool>> Answers(
    std::initializer_list<std::pair<double, bool>> minutes) {
  std::vector<std::pair<absl::Time, bool>> out;
  for (auto [m, abandoned] : minutes) {
    out.emplace_back(kT0 + absl::Seconds(m * 60), abandoned);
  }
  return out;
}

TEST(PercentileTest, NearestRank) {
  EXPECT_FALSE(Percentile({}, 0.5).has_value());
  EXPECT_EQ(*Percentile({3, 1, 2}, 0.5), 2);
  EXPECT_EQ(*Percentile({1, 2, 3, 4}, 0.5), 2);
  EXPECT_EQ(*Percentile({1, 2, 3, 4}, 0.95), 4);
  EXPECT_EQ(*Percentile({7}, 0.95), 7);
}

TEST(MaxWindowRateTest, NeedsEnoughAnswersInOneWindow) {
  EXPECT_FALSE(MaxWindowRate({}, absl::Minutes(30), 1).has_value());
  // Two answers 40 minutes apart never share a 30-minute window.
  EXPECT_FALSE(
      MaxWindowRate(Answers({{0, true}, {40, true}}), absl::Minutes(30), 2)
          .has_value());
  EXPECT_EQ(*MaxWindowRate(Answers({{0, true}, {29, false}}),
                           absl::Minutes(30), 2),
            0.5);
}

TEST(MaxWindowRateTest, WindowIsHalfOpen) {
  // 0 and 30 minutes apart exactly: [s, s + 30 min) cannot hold both.
  EXPECT_FALSE(
      MaxWindowRate(Answers({{0, true}, {30, true}}), absl::Minutes(30), 2)
          .has_value());
}

TEST(MaxWindowRateTest, FindsTheWorstWindowNotTheFirst) {
  // Minutes 0-9: ten clean answers; minutes 35-38: three abandons among
  // four answers; minute 50: one clean. The worst window with >= 4 answers
  // is the one holding just 35-38 (3/4), even though a window from 35 to 64
  // would also hold minute 50 (3/5).
  std::vector<std::pair<absl::Time, bool>> a;
  for (int m = 0; m < 10; ++m) a.emplace_back(kT0 + absl::Minutes(m), false);
  for (auto [m, ab] : {std::pair{35, true}, std::pair{36, false},
                       std::pair{37, true}, std::pair{38, true}}) {
    a.emplace_back(kT0 + absl::Minutes(m), ab);
  }
  a.emplace_back(kT0 + absl::Minutes(50), false);
  EXPECT_DOUBLE_EQ(*MaxWindowRate(a, absl::Minutes(30), 4), 0.75);
}

TEST(MaxWindowRateTest, ConsidersWindowsEndingAtAnAnswer) {
  // Clean answers at 0 and 20, abandons at 25 and 29, clean at 40. Windows
  // holding {20, 25, 29} give 2/3; a window starting at 0 holds {0,20,25,29}
  // (2/4); {25, 29, 40} gives 2/3 too. Minimum 3 answers.
  auto a = Answers({{0, false}, {20, false}, {25, true}, {29, true},
                    {40, false}});
  EXPECT_DOUBLE_EQ(*MaxWindowRate(a, absl::Minutes(30), 3), 2.0 / 3);
  // {25, 29} alone is no window: one starting after 20 reaches past 40.
  EXPECT_DOUBLE_EQ(*MaxWindowRate(a, absl::Minutes(30), 2), 2.0 / 3);
  // Without the answer at 40 it is.
  auto b = Answers({{0, false}, {20, false}, {25, true}, {29, true}});
  EXPECT_DOUBLE_EQ(*MaxWindowRate(b, absl::Minutes(30), 2), 1.0);
}

TEST(MaxWindowRateTest, AgreesWithBruteForceOnARandomDay) {
  std::vector<std::pair<absl::Time, bool>> a;
  uint64_t x = 12345;
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const int64_t s = static_cast<int64_t>((x >> 33) % (8 * 3600));
    a.emplace_back(kT0 + absl::Seconds(s), ((x >> 20) & 7) == 0);
  }
  const absl::Duration w = absl::Minutes(30);
  std::optional<double> brute;
  // Every window's content is fixed between consecutive event-derived start
  // times; try each answer time and each answer time minus w (plus 1 ns).
  std::vector<absl::Time> starts;
  for (auto& [t, ab] : a) {
    starts.push_back(t);
    starts.push_back(t - w + absl::Nanoseconds(1));
  }
  for (absl::Time s : starts) {
    int n = 0, ab = 0;
    for (auto& [t, abandoned] : a) {
      if (t >= s && t < s + w) {
        ++n;
        ab += abandoned;
      }
    }
    if (n >= 20) {
      const double r = static_cast<double>(ab) / n;
      if (!brute || r > *brute) brute = r;
    }
  }
  ASSERT_TRUE(brute.has_value());
  EXPECT_DOUBLE_EQ(*MaxWindowRate(a, w, 20), *brute);
}

}  // namespace
}  // namespace dialer::sim
