// DueIndex must behave exactly like one ordered set of keys, whatever the
// order keys arrive and leave in: checked against std::set over random
// operation sequences (in-order and out-of-order due times, time running
// forward as in a dialing day, bulk fresh imports, small and large buckets).
#include "queue/internal/due_index.h"

#include <cstdint>
#include <iterator>
#include <random>
#include <set>
#include <vector>

#include "gtest/gtest.h"

namespace dialer::queue_internal {
namespace {

uint64_t Order(uint64_t due, uint32_t seq) { return (due << kSeqBits) | seq; }

void ExpectSame(const DueIndex& index, const std::set<DueKey>& model,
                uint64_t probe, bool count) {
  ASSERT_EQ(index.size(), model.size());
  ASSERT_EQ(index.empty(), model.empty());
  if (!model.empty()) {
    ASSERT_EQ(index.front().order, model.begin()->order);
    ASSERT_EQ(index.front().contact, model.begin()->contact);
  }
  if (!count) return;
  const auto before = std::distance(model.begin(), model.lower_bound({probe, 0}));
  ASSERT_EQ(index.CountBefore(probe), before);
}

struct Scenario {
  int bucket_bits;
  uint64_t spread;   // due times drawn from [now, now + spread)
  bool backwards;    // also file keys before now
};

class DueIndexTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(DueIndexTest, SameAsOneOrderedSet) {
  const Scenario sc = GetParam();
  std::mt19937_64 rng(sc.bucket_bits * 1000 + sc.spread);
  DueIndex index(sc.bucket_bits);
  std::set<DueKey> model;
  std::vector<DueKey> present;
  uint32_t seq = 0;
  uint64_t now = 1'000'000;
  ContactId next_id = 1;
  auto add = [&](uint64_t due) {
    const DueKey key{Order(due, seq++), next_id++};
    index.insert(key);
    model.insert(key);
    present.push_back(key);
  };
  for (int step = 0; step < 6000; ++step) {
    const int op = static_cast<int>(rng() % 100);
    if (op < 45) {
      uint64_t due = now + rng() % sc.spread;
      if (sc.backwards && rng() % 4 == 0) due = now - rng() % (sc.spread / 2 + 1);
      add(due);
    } else if (op < 47) {
      // A bulk import: many keys with one due time.
      const uint64_t due = now + rng() % sc.spread;
      for (int i = 0; i < 50; ++i) add(due);
    } else if (op < 75) {
      if (!model.empty()) {
        const DueKey first = *model.begin();
        ASSERT_EQ(index.front().contact, first.contact);
        index.pop_front();
        model.erase(model.begin());
      }
    } else if (op < 95) {
      if (!present.empty()) {
        const size_t at = rng() % present.size();
        const DueKey key = present[at];
        present[at] = present.back();
        present.pop_back();
        if (model.erase(key) == 1) index.erase(key);
      }
    } else {
      now += rng() % (sc.spread / 4 + 1);
    }
    const uint64_t probe = Order(now + rng() % sc.spread, rng() % seq + 1);
    ExpectSame(index, model, probe, step % 32 == 0);
    if (::testing::Test::HasFatalFailure()) return;
  }
  // Everything comes out in order.
  std::vector<DueKey> seen;
  index.ForEach([&](const DueKey& k) { seen.push_back(k); });
  ASSERT_EQ(seen.size(), model.size());
  while (!model.empty()) {
    ASSERT_EQ(index.front().order, model.begin()->order);
    index.pop_front();
    model.erase(model.begin());
  }
  EXPECT_TRUE(index.empty());
  index.clear();
  add(5);
  EXPECT_EQ(index.front().order, Order(5, seq - 1));
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, DueIndexTest,
    ::testing::Values(Scenario{0, 50, false}, Scenario{2, 5000, true},
                      Scenario{9, 86400, false}, Scenario{9, 86400, true},
                      Scenario{4, 300, true}, Scenario{12, 1000, true}));

}  // namespace
}  // namespace dialer::queue_internal
