#include "compliance/dnc_set.h"

#include <algorithm>
#include <random>
#include <set>

#include "compliance/nanp_number.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

uint64_t RandomNanp(std::mt19937_64& rng) {
  while (true) {
    const uint64_t n = 2000000000ULL + rng() % 8000000000ULL;
    if (IsValidNanpNational(n)) return n;
  }
}

void ExpectSameAs(const DncSet& set, const std::set<uint64_t>& truth, std::mt19937_64& rng) {
  EXPECT_EQ(set.size(), truth.size());
  EXPECT_EQ(set.ToVector(), std::vector<uint64_t>(truth.begin(), truth.end()));
  std::vector<uint64_t> probes(truth.begin(), truth.end());
  for (uint64_t n : truth) {
    probes.push_back(n + 1);
    probes.push_back(n - 1);
  }
  for (int i = 0; i < 20000; ++i) probes.push_back(RandomNanp(rng));
  for (uint64_t edge : {0ULL, 1999999999ULL, 2000000000ULL, 9999999999ULL, 10000000000ULL}) {
    probes.push_back(edge);
  }
  std::unique_ptr<bool[]> batch(new bool[probes.size()]);
  set.ContainsBatch(probes, std::span<bool>(batch.get(), probes.size()));
  for (size_t i = 0; i < probes.size(); ++i) {
    const bool expected = truth.contains(probes[i]);
    ASSERT_EQ(set.Contains(probes[i]), expected) << probes[i];
    ASSERT_EQ(batch[i], expected) << probes[i];
  }
}

TEST(DncSetTest, EmptySetHoldsNothing) {
  DncSet empty;
  EXPECT_FALSE(empty.Contains(2125550100));
  DncSet built = DncSetBuilder().Build();
  EXPECT_TRUE(built.empty());
  EXPECT_FALSE(built.Contains(2125550100));
}

TEST(DncSetTest, MatchesReferenceSetAtManySizes) {
  std::mt19937_64 rng(42);
  for (size_t n : {1u, 2u, 7u, 100u, 5000u, 50000u}) {
    std::set<uint64_t> truth;
    DncSetBuilder b;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t x = RandomNanp(rng);
      truth.insert(x);
      b.Add(x);
      if (i % 3 == 0) b.Add(x);  // duplicates are fine
    }
    SCOPED_TRACE(n);
    ExpectSameAs(std::move(b).Build(), truth, rng);
  }
}

TEST(DncSetTest, DenseClustersAndUniverseEdges) {
  std::mt19937_64 rng(7);
  std::set<uint64_t> truth;
  DncSetBuilder b;
  for (uint64_t x = 2125550000; x < 2125560000; ++x) {  // a whole exchange
    truth.insert(x);
    b.Add(x);
  }
  for (uint64_t x : {2002000000ULL, 9999999999ULL, 9992000000ULL}) {
    truth.insert(x);
    b.Add(x);
  }
  b.Add(1234);         // not NANP: ignored
  b.Add(2120550100);   // NXX 055: not NANP, ignored
  ExpectSameAs(std::move(b).Build(), truth, rng);
}

TEST(DncSetTest, BitmapBuildPathMatches) {
  std::mt19937_64 rng(9);
  std::set<uint64_t> truth;
  DncSetBuilder b(/*bitmap_threshold=*/1000);
  for (int i = 0; i < 30000; ++i) {
    const uint64_t x = RandomNanp(rng);
    truth.insert(x);
    b.Add(x);
  }
  ExpectSameAs(std::move(b).Build(), truth, rng);
}

TEST(DncSetTest, CompactAtScale) {
  // 1 M numbers: 12 low bits + about 3 high bits, plus the coarse index.
  std::mt19937_64 rng(1);
  DncSetBuilder b;
  for (int i = 0; i < 1000000; ++i) b.Add(RandomNanp(rng));
  const DncSet set = std::move(b).Build();
  const double bits = 8.0 * set.MemoryBytes() / set.size();
  EXPECT_LT(bits, 16.0);
  EXPECT_GT(bits, 14.0);
}

}  // namespace
}  // namespace dialer::compliance
