// IdIndex, ContactTable and CallTable answer exactly as a hash map would,
// in sequence (dense) and after an id out of sequence switched them to a
// hash index.
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <vector>

#include "engine/call_table.h"
#include "engine/contact_table.h"
#include "core/id_index.h"
#include "gtest/gtest.h"

namespace dialer::engine {
namespace {

TEST(IdIndexTest, DenseIdsAreFoundBySubtraction) {
  IdIndex index;
  for (int64_t id = 1; id <= 1000; ++id) index.Add(id);
  EXPECT_TRUE(index.dense());
  EXPECT_EQ(index.Find(1), 0u);
  EXPECT_EQ(index.Find(1000), 999u);
  EXPECT_EQ(index.Find(0), IdIndex::kNone);
  EXPECT_EQ(index.Find(1001), IdIndex::kNone);
  EXPECT_EQ(index.Find(-5), IdIndex::kNone);
  EXPECT_EQ(index.Find(INT64_MIN), IdIndex::kNone);
  EXPECT_EQ(index.Find(INT64_MAX), IdIndex::kNone);
}

TEST(IdIndexTest, EmptyIndexFindsNothing) {
  IdIndex index;
  EXPECT_EQ(index.Find(0), IdIndex::kNone);
  EXPECT_EQ(index.Find(1), IdIndex::kNone);
}

TEST(IdIndexTest, DenseRunMayStartAnywhere) {
  IdIndex index;
  for (int64_t id = 500; id < 510; ++id) index.Add(id);
  EXPECT_TRUE(index.dense());
  EXPECT_EQ(index.Find(500), 0u);
  EXPECT_EQ(index.Find(509), 9u);
  EXPECT_EQ(index.Find(499), IdIndex::kNone);
  EXPECT_EQ(index.Find(510), IdIndex::kNone);
}

TEST(IdIndexTest, OutOfSequenceIdSwitchesToHashWithSameAnswers) {
  IdIndex index;
  for (int64_t id = 1; id <= 5; ++id) index.Add(id);
  index.Add(42);  // gap
  EXPECT_FALSE(index.dense());
  for (int64_t id = 1; id <= 5; ++id) EXPECT_EQ(index.Find(id), static_cast<size_t>(id - 1));
  EXPECT_EQ(index.Find(42), 5u);
  EXPECT_EQ(index.Find(6), IdIndex::kNone);
  index.Add(6);  // back in sequence: stays hashed, still exact
  EXPECT_FALSE(index.dense());
  EXPECT_EQ(index.Find(6), 6u);
}

TEST(IdIndexTest, MatchesAMapOnRandomIds) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20; ++round) {
    IdIndex index;
    std::map<int64_t, size_t> want;
    int64_t next = static_cast<int64_t>(rng() % 100) - 50;
    for (int i = 0; i < 200; ++i) {
      // Mostly in sequence, sometimes a jump (forwards or backwards).
      int64_t id = rng() % 16 == 0 ? static_cast<int64_t>(rng() % 1000) - 500 : next;
      if (want.count(id) != 0) continue;
      index.Add(id);
      want.emplace(id, want.size());
      next = id + 1;
    }
    for (int64_t id = -600; id < 1300; ++id) {
      auto it = want.find(id);
      EXPECT_EQ(index.Find(id), it == want.end() ? IdIndex::kNone : it->second)
          << "round " << round << " id " << id;
    }
  }
}

struct Row {
  ContactId id = 0;
  int value = 0;
};

TEST(ContactTableTest, FindAndInsertLikeAMap) {
  ContactTable<Row> table;
  table.Reserve(3);
  EXPECT_EQ(table.Find(1), nullptr);
  table[1].value = 10;
  table[2].value = 20;
  table[3].value = 30;
  EXPECT_TRUE(table.dense());
  ASSERT_NE(table.Find(2), nullptr);
  EXPECT_EQ(table.Find(2)->id, 2);
  EXPECT_EQ(table.Find(2)->value, 20);
  EXPECT_EQ(table[2].value, 20);  // existing: no new record
  EXPECT_EQ(table.size(), 3u);
  // operator[] of an unknown id adds a default record with the id set.
  Row& r = table[9];
  EXPECT_EQ(r.id, 9);
  EXPECT_EQ(r.value, 0);
  EXPECT_FALSE(table.dense());
  EXPECT_EQ(table.size(), 4u);
  EXPECT_EQ(table.Find(1)->value, 10);
  EXPECT_EQ(table.Find(9)->id, 9);
  EXPECT_EQ(table.Find(4), nullptr);
}

struct FakeCall {
  CallId id = 0;
};

TEST(CallTableTest, MapInterface) {
  CallTable<FakeCall> calls;
  EXPECT_EQ(calls.find(1), calls.end());
  for (CallId id = 1; id <= 3; ++id) {
    auto c = std::make_unique<FakeCall>();
    c->id = id;
    EXPECT_TRUE(calls.emplace(id, std::move(c)));
  }
  EXPECT_FALSE(calls.emplace(2, std::make_unique<FakeCall>()));  // taken
  EXPECT_EQ(calls.size(), 3u);
  auto it = calls.find(2);
  ASSERT_NE(it, calls.end());
  EXPECT_EQ(it->first, 2);
  EXPECT_EQ(it->second->id, 2);
  EXPECT_EQ(calls.at(3)->id, 3);
  EXPECT_THROW(calls.at(4), std::out_of_range);
  EXPECT_TRUE(calls.contains(1));
  EXPECT_FALSE(calls.contains(0));
  // The Call objects never move when the table grows.
  FakeCall* first = calls.at(1).get();
  for (CallId id = 10; id < 200; ++id) calls.emplace(id, std::make_unique<FakeCall>());
  EXPECT_EQ(calls.at(1).get(), first);
  EXPECT_EQ(calls.find(5), calls.end());
  EXPECT_NE(calls.find(150), calls.end());
  std::vector<CallId> ids;
  for (auto& [id, call] : calls) ids.push_back(id);
  ASSERT_EQ(ids.size(), calls.size());
  EXPECT_EQ(ids[0], 1);
  EXPECT_EQ(ids[3], 10);
}

}  // namespace
}  // namespace dialer::engine
