// NumberHistories: a number's history is found by the number, and the
// position a caller caches finds the same history without the lookup.
#include "engine/number_history.h"

#include <cstdint>

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace dialer::engine {
namespace {

const absl::Time kT0 = absl::FromUnixSeconds(1773147600);

TEST(NumberHistoriesTest, UnknownNumberLeavesTheCacheUnset) {
  NumberHistories numbers;
  uint32_t position = NumberHistories::kNone;
  EXPECT_EQ(numbers.Find(12125550100u, &position), nullptr);
  EXPECT_EQ(position, NumberHistories::kNone);
}

TEST(NumberHistoriesTest, CachedPositionFindsTheSameHistory) {
  NumberHistories numbers;
  uint32_t mine = NumberHistories::kNone;
  // Another contact with the same number called first: found by lookup,
  // then remembered.
  numbers.Get(12125550100u).attempts.emplace_back(kT0, 7);
  const NumberHistory* found = numbers.Find(12125550100u, &mine);
  ASSERT_NE(found, nullptr);
  EXPECT_NE(mine, NumberHistories::kNone);
  ASSERT_EQ(found->attempts.size(), 1u);
  EXPECT_EQ(found->attempts[0].second, 7);

  // Many more numbers later (the table and the rows grow): the cached
  // position still names this number's history, with what was added since.
  for (uint64_t n = 13105550000u; n < 13105560000u; ++n) {
    numbers.Get(n).attempts.emplace_back(kT0, 1);
  }
  uint32_t position = NumberHistories::kNone;
  numbers.Get(12125550100u, &position).attempts.emplace_back(kT0, 8);
  EXPECT_EQ(position, mine);
  const NumberHistory* again = numbers.Find(12125550100u, &mine);
  ASSERT_NE(again, nullptr);
  ASSERT_EQ(again->attempts.size(), 2u);
  EXPECT_EQ(again->attempts[1].second, 8);
  uint32_t fresh = NumberHistories::kNone;
  EXPECT_EQ(numbers.Find(12125550100u, &fresh), again);
  // Get with a known position returns that history without a lookup.
  EXPECT_EQ(&numbers.Get(12125550100u, &mine), again);
}

}  // namespace
}  // namespace dialer::engine
