#include "clock/internal/timer_queue.h"

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::clock_internal {
namespace {

using ::testing::ElementsAre;

absl::Time T(int64_t s) { return absl::FromUnixSeconds(s); }

// A reference model's timer: the order the queue must keep, by deadline
// and then by scheduling order.
struct Ref {
  absl::Time when;
  uint64_t seq;
  int tag;
  bool operator<(const Ref& o) const {
    return when != o.when ? when < o.when : seq < o.seq;
  }
};

// Pops everything due by `limit`, running each callback.
int RunDue(TimerQueue& q, absl::Time limit) {
  int ran = 0;
  absl::Time when;
  absl::AnyInvocable<void()> fn;
  while (q.PopDue(limit, &when, &fn)) {
    if (fn) fn();
    ++ran;
  }
  return ran;
}

TEST(TimerQueueTest, PopsByDeadlineThenSchedulingOrder) {
  TimerQueue q;
  std::vector<int> order;
  q.Schedule(T(30), [&] { order.push_back(1); });
  q.Schedule(T(10), [&] { order.push_back(2); });
  q.Schedule(T(20), [&] { order.push_back(3); });
  q.Schedule(T(10), [&] { order.push_back(4); });
  q.Schedule(T(10), [&] { order.push_back(5); });
  EXPECT_EQ(q.size(), 5u);
  EXPECT_EQ(q.NextDeadline(), T(10));
  EXPECT_EQ(RunDue(q, T(100)), 5);
  EXPECT_THAT(order, ElementsAre(2, 4, 5, 3, 1));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.NextDeadline(), absl::InfiniteFuture());
}

TEST(TimerQueueTest, PopDueRespectsTheLimitAndReportsTheDeadline) {
  TimerQueue q;
  q.Schedule(T(10), [] {});
  q.Schedule(T(20), [] {});
  absl::Time when = absl::InfinitePast();
  absl::AnyInvocable<void()> fn;
  EXPECT_FALSE(q.PopDue(T(9), &when, &fn));
  EXPECT_EQ(when, absl::InfinitePast());
  EXPECT_TRUE(q.PopDue(T(10), &when, &fn));
  EXPECT_EQ(when, T(10));
  EXPECT_TRUE(static_cast<bool>(fn));
  EXPECT_FALSE(q.PopDue(T(19), &when, &fn));
  EXPECT_EQ(q.size(), 1u);
}

TEST(TimerQueueTest, IdsAreNonZeroAndUnique) {
  TimerQueue q;
  std::set<TimerId> ids;
  for (int round = 0; round < 3; ++round) {
    std::vector<TimerId> batch;
    for (int i = 0; i < 100; ++i) batch.push_back(q.Schedule(T(i), [] {}));
    for (TimerId id : batch) {
      EXPECT_NE(id, 0u);
      EXPECT_TRUE(ids.insert(id).second) << "id reused: " << id;
    }
    // Slots are reused across rounds; ids must still differ.
    EXPECT_EQ(RunDue(q, T(1000)), 100);
  }
}

TEST(TimerQueueTest, CancelReturnsTrueOnlyForAPendingTimer) {
  TimerQueue q;
  const TimerId a = q.Schedule(T(10), [] {});
  const TimerId b = q.Schedule(T(20), [] {});
  EXPECT_TRUE(q.Cancel(a));
  EXPECT_FALSE(q.Cancel(a));  // twice
  EXPECT_FALSE(q.Cancel(0));
  EXPECT_FALSE(q.Cancel(12345678901234ull));  // never issued
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.NextDeadline(), T(20));  // the canceled top is skipped
  EXPECT_EQ(RunDue(q, T(100)), 1);
  EXPECT_FALSE(q.Cancel(b));  // already popped
  // A new timer may reuse b's slot; b's id must not cancel it.
  const TimerId c = q.Schedule(T(30), [] {});
  EXPECT_FALSE(q.Cancel(b));
  EXPECT_EQ(q.size(), 1u);
  EXPECT_TRUE(q.Cancel(c));
}

TEST(TimerQueueTest, CancelHandsBackTheCallback) {
  TimerQueue q;
  auto token = std::make_shared<int>(7);
  const TimerId id = q.Schedule(T(10), [token] {});
  EXPECT_EQ(token.use_count(), 2);
  absl::AnyInvocable<void()> fn;
  EXPECT_TRUE(q.Cancel(id, &fn));
  EXPECT_EQ(token.use_count(), 2);  // still held, by `fn` now
  fn = nullptr;
  EXPECT_EQ(token.use_count(), 1);
}

TEST(TimerQueueTest, CanceledCallbacksReleaseTheirCapturesAtOnce) {
  TimerQueue q;
  auto token = std::make_shared<int>(7);
  const TimerId id = q.Schedule(T(10), [token] {});
  EXPECT_TRUE(q.Cancel(id));
  EXPECT_EQ(token.use_count(), 1);
}

TEST(TimerQueueTest, EmptyCallbackPopsAsEmpty) {
  TimerQueue q;
  q.Schedule(T(1), nullptr);
  absl::Time when;
  absl::AnyInvocable<void()> fn = [] {};
  ASSERT_TRUE(q.PopDue(T(1), &when, &fn));
  EXPECT_FALSE(static_cast<bool>(fn));
}

// Many cancels trigger compaction; order and counts must survive it.
TEST(TimerQueueTest, RandomScheduleCancelMatchesAReferenceModel) {
  TimerQueue q;
  std::mt19937_64 rng(42);
  std::set<Ref> model;
  std::vector<std::pair<TimerId, Ref>> ids;
  std::vector<int> fired;
  uint64_t seq = 0;
  for (int i = 0; i < 5000; ++i) {
    const int tag = i;
    const Ref ref{T(static_cast<int64_t>(rng() % 200)), seq++, tag};
    ids.emplace_back(
        q.Schedule(ref.when, [&fired, tag] { fired.push_back(tag); }), ref);
    model.insert(ref);
    if (rng() % 3 != 0) {  // cancel a random earlier timer
      auto& [id, r] = ids[rng() % ids.size()];
      EXPECT_EQ(q.Cancel(id), model.erase(r) == 1);
    }
    ASSERT_EQ(q.size(), model.size());
    ASSERT_EQ(q.NextDeadline(),
              model.empty() ? absl::InfiniteFuture() : model.begin()->when);
  }
  std::vector<int> expected;
  for (const Ref& r : model) expected.push_back(r.tag);
  EXPECT_EQ(RunDue(q, absl::InfiniteFuture()),
            static_cast<int>(expected.size()));
  EXPECT_EQ(fired, expected);
}

// Ties at one deadline come out in scheduling order, whether they were
// scheduled before or after the clock reached that deadline, with timers
// in the past and far ahead mixed in.
TEST(TimerQueueTest, SameDeadlineKeepsSchedulingOrderAcrossSources) {
  TimerQueue q;
  std::vector<int> order;
  q.Schedule(T(10), [&] { order.push_back(0); });
  // Scheduled before anything popped, and 100 s past T(10): far away.
  q.Schedule(T(110), [&] { order.push_back(1); });
  q.Schedule(T(10), [&] { order.push_back(2); });
  absl::Time when;
  absl::AnyInvocable<void()> fn;
  ASSERT_TRUE(q.PopDue(T(10), &when, &fn));  // 0: the floor is now T(10)
  fn();
  q.Schedule(T(10), [&] { order.push_back(3); });   // now, after 2
  q.Schedule(T(110), [&] { order.push_back(4); });  // far, after 1
  q.Schedule(T(30), [&] { order.push_back(5); });   // near
  q.Schedule(T(5), [&] { order.push_back(6); });    // the past: first
  EXPECT_EQ(q.NextDeadline(), T(5));
  EXPECT_EQ(RunDue(q, T(10)), 3);
  EXPECT_THAT(order, ElementsAre(0, 6, 2, 3));
  // Timers at T(30) scheduled from T(10), from T(30) and from far before.
  q.Schedule(T(30), [&] { order.push_back(7); });
  ASSERT_TRUE(q.PopDue(T(30), &when, &fn));  // 5
  fn();
  q.Schedule(T(30), [&] { order.push_back(8); });
  q.Schedule(T(110), [&] { order.push_back(9); });  // now near
  EXPECT_EQ(RunDue(q, absl::InfiniteFuture()), 5);
  EXPECT_THAT(order, ElementsAre(0, 6, 2, 3, 5, 7, 8, 1, 4, 9));
  EXPECT_TRUE(q.empty());
}

// The clocks' pattern: pops interleaved with schedules for the instant
// being run, the near future, the far future and the past, and cancels of
// any of them (enough to compact). The pop order must be the reference's
// (deadline, then scheduling order) throughout.
TEST(TimerQueueTest, InterleavedPopsMatchAReferenceOrdering) {
  for (uint64_t seed : {1u, 2u, 3u, 4u}) {
    TimerQueue q;
    std::mt19937_64 rng(seed);
    std::set<Ref> model;
    std::vector<std::pair<TimerId, Ref>> ids;
    std::vector<int> fired;
    std::vector<int> expected;
    uint64_t seq = 0;
    absl::Time now = T(1000);
    absl::Time popped = now;  // the latest deadline popped
    for (int i = 0; i < 20000; ++i) {
      const int kind = static_cast<int>(rng() % 10);
      absl::Duration ahead;
      if (kind < 2) {
        ahead = popped - now;  // the instant being run
      } else if (kind < 3) {
        ahead = absl::ZeroDuration();
      } else if (kind < 6) {
        ahead = absl::Milliseconds(static_cast<int64_t>(rng() % 5000));
      } else if (kind < 8) {
        ahead = absl::Seconds(static_cast<int64_t>(rng() % 600));  // far
      } else if (kind < 9) {
        ahead = absl::Seconds(29 + static_cast<int64_t>(rng() % 3));
      } else {
        ahead = -absl::Seconds(static_cast<int64_t>(rng() % 3));  // the past
      }
      const Ref ref{now + ahead, seq++, i};
      ids.emplace_back(
          q.Schedule(ref.when, [&fired, tag = i] { fired.push_back(tag); }),
          ref);
      model.insert(ref);
      if (rng() % 5 < 2) {  // cancel a random recent timer
        auto& [id, r] = ids[ids.size() - 1 - rng() % std::min<size_t>(
                                                 ids.size(), 400)];
        EXPECT_EQ(q.Cancel(id), model.erase(r) == 1);
      }
      if (rng() % 3 == 0) {  // pop what is due a little later
        absl::Time limit = now + absl::Milliseconds(
                                     static_cast<int64_t>(rng() % 3000));
        absl::Time when;
        absl::AnyInvocable<void()> fn;
        while (q.PopDue(limit, &when, &fn)) {
          ASSERT_FALSE(model.empty());
          EXPECT_EQ(when, model.begin()->when);
          expected.push_back(model.begin()->tag);
          model.erase(model.begin());
          now = std::max(now, when);
          popped = std::max(popped, when);
          fn();
        }
        now = std::max(now, limit);
      }
      ASSERT_EQ(q.size(), model.size());
      ASSERT_EQ(q.NextDeadline(),
                model.empty() ? absl::InfiniteFuture() : model.begin()->when);
    }
    for (const Ref& r : model) expected.push_back(r.tag);
    RunDue(q, absl::InfiniteFuture());
    EXPECT_EQ(fired, expected) << "seed " << seed;
    EXPECT_TRUE(q.empty());
  }
}

}  // namespace
}  // namespace dialer::clock_internal
