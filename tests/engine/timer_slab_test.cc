#include "engine/timer_slab.h"

#include <utility>

#include "gtest/gtest.h"

namespace dialer::engine {
namespace {

TEST(TimerSlabTest, TakeReturnsCallbackAndClockIdOnce) {
  TimerSlab slab;
  int ran = 0;
  const TimerSlab::Handle h = slab.Add([&ran] { ++ran; });
  EXPECT_NE(h, 0u);
  slab.SetClockId(h, 42);
  EXPECT_EQ(slab.pending(), 1u);
  absl::AnyInvocable<void()> fn;
  TimerId clock_id = 0;
  ASSERT_TRUE(slab.Take(h, &fn, &clock_id));
  EXPECT_EQ(clock_id, 42u);
  fn();
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(slab.pending(), 0u);
  EXPECT_FALSE(slab.Take(h, &fn, &clock_id));  // fired or cancelled: stale
}

TEST(TimerSlabTest, StaleHandleNeverMatchesReusedSlot) {
  TimerSlab slab;
  const TimerSlab::Handle first = slab.Add([] {});
  ASSERT_TRUE(slab.Take(first, nullptr, nullptr));
  int ran = 0;
  const TimerSlab::Handle second = slab.Add([&ran] { ++ran; });
  EXPECT_NE(first, second);  // same slot, next generation
  slab.SetClockId(first, 7);  // ignored
  EXPECT_FALSE(slab.Take(first, nullptr, nullptr));
  absl::AnyInvocable<void()> fn;
  TimerId clock_id = 1;
  ASSERT_TRUE(slab.Take(second, &fn, &clock_id));
  EXPECT_EQ(clock_id, 0u);
  fn();
  EXPECT_EQ(ran, 1);
  EXPECT_FALSE(slab.Take(0, nullptr, nullptr));
  EXPECT_FALSE(slab.Take(12345, nullptr, nullptr));
}

TEST(TimerSlabTest, TakeAllVisitsEveryPendingTimer) {
  TimerSlab slab;
  const TimerSlab::Handle a = slab.Add([] {});
  const TimerSlab::Handle b = slab.Add([] {});
  const TimerSlab::Handle c = slab.Add([] {});
  slab.SetClockId(a, 1);
  slab.SetClockId(b, 2);
  slab.SetClockId(c, 3);
  ASSERT_TRUE(slab.Take(b, nullptr, nullptr));
  TimerId sum = 0;
  slab.TakeAll([&sum](TimerId id) { sum += id; });
  EXPECT_EQ(sum, 4u);
  EXPECT_EQ(slab.pending(), 0u);
  EXPECT_FALSE(slab.Take(a, nullptr, nullptr));
  EXPECT_FALSE(slab.Take(c, nullptr, nullptr));
}

TEST(TimerTokenTest, OutlivesItsOwnerWhileReferenced) {
  TimerToken::Ref engine_ref = TimerToken::Create(nullptr);
  TimerToken::Ref clock_ref(engine_ref.get());
  TimerToken::Ref moved = std::move(clock_ref);
  EXPECT_EQ(clock_ref.get(), nullptr);
  EXPECT_TRUE(moved->alive());
  engine_ref->Kill();
  engine_ref = TimerToken::Ref();  // the engine is gone
  EXPECT_FALSE(moved->alive());    // ASan: still allocated
}

}  // namespace
}  // namespace dialer::engine
