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

// Each bucket picks its own low-bit width from its density. Cover a full
// bucket (width 0), runs across a bucket edge, one member per bucket at
// either end, every density in between, with the registry-size buckets
// (2^13), the widest (2^21) and the automatic choice, on both build paths.
void CheckEveryBucketDensity(int bucket_bits, size_t bitmap_threshold) {
  SCOPED_TRACE(bucket_bits);
  const uint64_t size = uint64_t{1} << (bucket_bits == 0 ? 13 : bucket_bits);
  std::mt19937_64 rng(11);
  std::set<uint64_t> truth;
  DncSetBuilder b(bitmap_threshold, bucket_bits);
  auto add = [&](uint64_t x) {
    if (!IsValidNanpNational(x)) return;
    truth.insert(x);
    b.Add(x);
  };
  // 2002000000: the first valid numbers (NXX 200) of NPA 200.
  const uint64_t base = 2002000000ULL;
  for (uint64_t x = 0; x < 8192; ++x) add(base + 3 * size + x);  // dense run
  for (uint64_t x = 10 * size - 50; x < 10 * size + 50; ++x) add(base + x);  // an edge
  for (uint64_t k = 20; k < 25; ++k) add(base + k * size);             // first offset
  for (uint64_t k = 25; k < 30; ++k) add(base + k * size + size - 1);  // last offset
  for (int density = 1; density <= 13; ++density) {  // 1/2 ... 1/8192
    const uint64_t bucket = 30 + static_cast<uint64_t>(density);
    for (uint64_t x = 0; x < std::min<uint64_t>(size, 8192); ++x) {
      if (rng() % (uint64_t{1} << density) == 0) add(base + bucket * size + x);
    }
  }
  // The last, partial bucket of the universe.
  for (uint64_t x = 9999990000ULL; x <= 9999999999ULL; x += 7) add(x);
  add(2002000000ULL);
  const DncSet set = std::move(b).Build();
  ExpectSameAs(set, truth, rng);
  // Every number near the members, not just their neighbours.
  std::vector<uint64_t> all;
  for (uint64_t bucket = 0; bucket < 45; ++bucket) {
    for (uint64_t x = 0; x < std::min<uint64_t>(size, 8192 + 64); ++x) {
      all.push_back(base + bucket * size + x);
      all.push_back(base + bucket * size + size - 1 - x);
    }
  }
  std::unique_ptr<bool[]> batch(new bool[all.size()]);
  set.ContainsBatch(all, std::span<bool>(batch.get(), all.size()));
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(set.Contains(all[i]), truth.contains(all[i])) << all[i];
    ASSERT_EQ(batch[i], truth.contains(all[i])) << all[i];
  }
}

TEST(DncSetTest, EveryBucketDensity) {
  for (int bits : {13, 21, 0}) {
    CheckEveryBucketDensity(bits, size_t{1} << 24);  // sorted-list build
    CheckEveryBucketDensity(bits, 1000);             // bitmap build
  }
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
  // 1 M numbers: ~8 members per 8192-number bucket of the valid ranges, so
  // ~10 low bits + ~2 upper bits each, plus the index word of every bucket
  // (64 bits per 1.02 members over the whole universe).
  std::mt19937_64 rng(1);
  DncSetBuilder b;
  for (int i = 0; i < 1000000; ++i) b.Add(RandomNanp(rng));
  const DncSet set = std::move(b).Build();
  const double bits = 8.0 * set.MemoryBytes() / set.size();
  EXPECT_LT(bits, 16.0);
  EXPECT_GT(bits, 12.0);
}

}  // namespace
}  // namespace dialer::compliance
