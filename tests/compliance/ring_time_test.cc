#include "compliance/ring_time.h"

#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

// 47 CFR 64.1200(a)(6): ring at least 15 seconds or four rings.
TEST(RingTimeTest, FloorIsFifteenSeconds64_1200a6) {
  EXPECT_EQ(MinRingTimeout(), absl::Seconds(15));
  EXPECT_EQ(EffectiveRingTimeout(absl::Seconds(8)), absl::Seconds(15));
  EXPECT_EQ(EffectiveRingTimeout(absl::ZeroDuration()), absl::Seconds(15));
  EXPECT_EQ(EffectiveRingTimeout(-absl::Seconds(3)), absl::Seconds(15));
  EXPECT_EQ(EffectiveRingTimeout(absl::Seconds(25)), absl::Seconds(25));
  EXPECT_EQ(EffectiveRingTimeout(absl::InfiniteDuration()), absl::InfiniteDuration());
}

}  // namespace
}  // namespace dialer::compliance
