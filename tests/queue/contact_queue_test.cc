#include "queue/contact_queue.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::queue {
namespace {

using ::testing::ElementsAre;

const absl::Time kT0 = absl::FromUnixSeconds(1'780'000'000);

Eligibility Always(ContactId) { return Eligibility::Now(); }

std::vector<ContactId> DrainAt(ContactQueue& q, absl::Time now,
                               std::string_view agent = {}) {
  std::vector<ContactId> out;
  while (auto e = q.PopDue(now, agent, Always)) out.push_back(e->contact);
  return out;
}

TEST(ContactQueueTest, PriorityClassesComeInOrder) {
  ContactQueue q;
  q.Upsert(5, Priority::kRecycled, kT0 - absl::Hours(5));
  q.Upsert(4, Priority::kFresh, kT0 - absl::Hours(4));
  q.Upsert(3, Priority::kRetry, kT0 - absl::Hours(3));
  q.Upsert(2, Priority::kHot, kT0 - absl::Hours(2));
  q.Upsert(1, Priority::kCallback, kT0 - absl::Hours(1));
  EXPECT_THAT(DrainAt(q, kT0), ElementsAre(1, 2, 3, 4, 5));
  EXPECT_TRUE(q.empty());
}

TEST(ContactQueueTest, WithinAClassEarliestDueThenInsertionOrder) {
  ContactQueue q;
  q.Upsert(10, Priority::kFresh, kT0);
  q.Upsert(11, Priority::kFresh, kT0 - absl::Minutes(1));
  q.Upsert(12, Priority::kFresh, kT0);
  q.Upsert(13, Priority::kFresh, kT0 - absl::Minutes(1));
  EXPECT_THAT(DrainAt(q, kT0), ElementsAre(11, 13, 10, 12));
}

TEST(ContactQueueTest, NothingIsOfferedBeforeItsDueTime) {
  ContactQueue q;
  const absl::Time due = kT0 + absl::Milliseconds(1500);
  q.Upsert(7, Priority::kCallback, due);
  EXPECT_FALSE(q.PopDue(kT0, "", Always));
  EXPECT_FALSE(q.PopDue(due - absl::Nanoseconds(1), "", Always));
  // Due times are kept to the second, rounded up.
  EXPECT_EQ(q.NextDue(""), kT0 + absl::Seconds(2));
  EXPECT_EQ(q.Find(7)->due, kT0 + absl::Seconds(2));
  EXPECT_FALSE(q.PopDue(due, "", Always));
  auto e = q.PopDue(kT0 + absl::Seconds(2), "", Always);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 7);
  EXPECT_EQ(e->priority, Priority::kCallback);
  EXPECT_EQ(e->due, kT0 + absl::Seconds(2));
}

TEST(ContactQueueTest, DueTimesBeforeTheEpochAreDueAtTheEpoch) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, absl::UnixEpoch() - absl::Hours(1));
  EXPECT_EQ(q.Find(1)->due, absl::UnixEpoch());
  EXPECT_FALSE(q.PopDue(absl::UnixEpoch() - absl::Seconds(1), "", Always));
  EXPECT_THAT(DrainAt(q, kT0), ElementsAre(1));
}

TEST(ContactQueueTest, DueLaterHigherClassDoesNotBlockDueLowerClass) {
  ContactQueue q;
  q.Upsert(1, Priority::kCallback, kT0 + absl::Hours(1));
  q.Upsert(2, Priority::kFresh, kT0);
  EXPECT_THAT(DrainAt(q, kT0), ElementsAre(2));
  EXPECT_EQ(q.NextDue(""), kT0 + absl::Hours(1));
}

TEST(ContactQueueTest, OwnReservationsBeforeSharedWithinAClassOnly) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0 - absl::Hours(2));         // shared
  q.Upsert(2, Priority::kFresh, kT0 - absl::Hours(1), "ann");  // Ann's
  q.Upsert(3, Priority::kCallback, kT0, "");                   // shared
  q.Upsert(4, Priority::kRetry, kT0, "bob");                   // Bob's
  EXPECT_THAT(DrainAt(q, kT0, "ann"), ElementsAre(3, 2, 1));
  EXPECT_TRUE(q.Contains(4));
  EXPECT_FALSE(q.PopDue(kT0, "ann", Always));
  EXPECT_FALSE(q.PopDue(kT0, "", Always));
  EXPECT_FALSE(q.PopDue(kT0, "carol", Always));
  auto e = q.PopDue(kT0, "bob", Always);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 4);
  EXPECT_EQ(e->agent, "bob");
}

TEST(ContactQueueTest, UpsertMovesAContactThatIsAlreadyQueued) {
  ContactQueue q;
  EXPECT_EQ(q.Upsert(1, Priority::kFresh, kT0),
            ContactQueue::UpsertResult::kInserted);
  EXPECT_EQ(q.Upsert(1, Priority::kRetry, kT0 + absl::Hours(4), "ann", 9),
            ContactQueue::UpsertResult::kMoved);
  EXPECT_EQ(q.size(), 1u);
  auto found = q.Find(1);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->priority, Priority::kRetry);
  EXPECT_EQ(found->due, kT0 + absl::Hours(4));
  EXPECT_EQ(found->agent, "ann");
  EXPECT_EQ(found->group, 9u);
  EXPECT_FALSE(q.PopDue(kT0, "ann", Always));
  EXPECT_THAT(DrainAt(q, kT0 + absl::Hours(4), "ann"), ElementsAre(1));
}

// Field failure #8: a retry or recycle must not redial before the promised
// callback time.
TEST(ContactQueueTest, PendingCallbackIsNotPulledEarlierByOtherClasses) {
  ContactQueue q;
  const absl::Time promised = kT0 + absl::Hours(20);
  q.Upsert(1, Priority::kCallback, promised, "ann");
  for (Priority p : {Priority::kHot, Priority::kRetry, Priority::kFresh,
                     Priority::kRecycled}) {
    EXPECT_EQ(q.Upsert(1, p, kT0), ContactQueue::UpsertResult::kKeptCallback)
        << ToString(p);
  }
  EXPECT_FALSE(q.PopDue(kT0 + absl::Hours(19), "ann", Always));
  EXPECT_EQ(q.Find(1)->due, promised);
  // Rescheduling the callback itself is allowed.
  EXPECT_EQ(q.Upsert(1, Priority::kCallback, promised + absl::Hours(1), "ann"),
            ContactQueue::UpsertResult::kMoved);
  EXPECT_EQ(q.Find(1)->due, promised + absl::Hours(1));
  EXPECT_TRUE(q.Remove(1));
  EXPECT_EQ(q.Upsert(1, Priority::kRetry, kT0),
            ContactQueue::UpsertResult::kInserted);
}

TEST(ContactQueueTest, RemoveAndContains) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0);
  q.Upsert(2, Priority::kFresh, kT0);
  EXPECT_TRUE(q.Contains(1));
  EXPECT_TRUE(q.Remove(1));
  EXPECT_FALSE(q.Remove(1));
  EXPECT_FALSE(q.Contains(1));
  EXPECT_FALSE(q.Find(1));
  EXPECT_THAT(DrainAt(q, kT0), ElementsAre(2));
}

TEST(ContactQueueTest, RejectedContactIsFiledAgainAtItsRetryTime) {
  ContactQueue q;
  q.Upsert(1, Priority::kRetry, kT0);
  q.Upsert(2, Priority::kRetry, kT0 + absl::Seconds(1));
  int asked = 0;
  auto not_one_until_noon = [&](ContactId id) {
    ++asked;
    return id == 1 ? Eligibility::NotBefore(kT0 + absl::Hours(2))
                   : Eligibility::Now();
  };
  auto e = q.PopDue(kT0 + absl::Seconds(1), "", not_one_until_noon);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 2);
  EXPECT_EQ(asked, 2);
  EXPECT_EQ(q.Find(1)->due, kT0 + absl::Hours(2));
  EXPECT_EQ(q.Find(1)->priority, Priority::kRetry);
  EXPECT_FALSE(q.PopDue(kT0 + absl::Minutes(119), "", not_one_until_noon));
  EXPECT_EQ(asked, 2);
  EXPECT_THAT(DrainAt(q, kT0 + absl::Hours(2)), ElementsAre(1));
}

TEST(ContactQueueTest, RetryTimeNotAfterNowStillEndsTheCall) {
  ContactQueue q;
  q.Upsert(1, Priority::kRetry, kT0);
  auto stale = [](ContactId) { return Eligibility::NotBefore(kT0); };
  EXPECT_FALSE(q.PopDue(kT0, "", stale));
  EXPECT_EQ(q.Find(1)->due, kT0 + absl::Seconds(1));
}

TEST(ContactQueueTest, NeverDropsTheContactAndCountsIt) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0);
  q.Upsert(2, Priority::kFresh, kT0);
  auto never_one = [](ContactId id) {
    return id == 1 ? Eligibility::Never() : Eligibility::Now();
  };
  auto e = q.PopDue(kT0, "", never_one);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 2);
  EXPECT_FALSE(q.Contains(1));
  EXPECT_EQ(q.depth(kT0).dropped, 1);
}

// The design point: a closed group costs one group check, not one contact
// check per contact in it, and is not asked again before it reopens.
TEST(ContactQueueTest, ClosedGroupIsSkippedWithoutLookingAtItsContacts) {
  ContactQueue q;
  constexpr WindowGroup kClosed = 1;
  constexpr WindowGroup kOpen = 2;
  for (ContactId id = 1; id <= 1000; ++id) {
    q.Upsert(id, Priority::kCallback, kT0 - absl::Hours(1), "", kClosed);
  }
  q.Upsert(5000, Priority::kRecycled, kT0, "", kOpen);
  const absl::Time opens = kT0 + absl::Hours(3);
  int group_asks = 0;
  int contact_asks = 0;
  absl::Time now = kT0;
  auto group_check = [&](WindowGroup g) {
    ++group_asks;
    return g == kClosed && now < opens ? Eligibility::NotBefore(opens)
                                       : Eligibility::Now();
  };
  auto contact_check = [&](ContactId) {
    ++contact_asks;
    return Eligibility::Now();
  };
  auto e = q.PopDue(kT0, "", group_check, contact_check);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 5000);
  EXPECT_EQ(group_asks, 2);
  EXPECT_EQ(contact_asks, 1);

  now = kT0 + absl::Hours(1);
  EXPECT_FALSE(q.PopDue(now, "", group_check, contact_check));
  EXPECT_EQ(group_asks, 2);
  EXPECT_EQ(q.NextDue(""), opens);
  Depth d = q.depth(kT0);
  EXPECT_EQ(d.shared[0].window_closed, 1000);
  EXPECT_EQ(d.shared[0].due_now, 0);
  d = q.depth(opens);
  EXPECT_EQ(d.shared[0].window_closed, 0);
  EXPECT_EQ(d.shared[0].due_now, 1000);

  now = opens;
  e = q.PopDue(now, "", group_check, contact_check);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 1);
  EXPECT_EQ(e->group, kClosed);
  EXPECT_EQ(group_asks, 3);
}

TEST(ContactQueueTest, GroupIsAskedOncePerCallAcrossOwners) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0, "ann", 7);
  q.Upsert(2, Priority::kFresh, kT0, "", 7);
  int asks = 0;
  auto closed = [&](WindowGroup) {
    ++asks;
    return Eligibility::NotBefore(kT0 + absl::Hours(1));
  };
  EXPECT_FALSE(q.PopDue(kT0, "ann", closed, Always));
  EXPECT_EQ(asks, 1);
}

TEST(ContactQueueTest, GroupClosedForeverWaitsForReopenGroups) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0, "", 3);
  bool holiday = true;
  auto group_check = [&](WindowGroup) {
    return holiday ? Eligibility::Never() : Eligibility::Now();
  };
  EXPECT_FALSE(q.PopDue(kT0, "", group_check, Always));
  EXPECT_TRUE(q.Contains(1));
  EXPECT_EQ(q.NextDue(""), absl::InfiniteFuture());
  holiday = false;
  EXPECT_FALSE(q.PopDue(kT0 + absl::Hours(100), "", group_check, Always));
  q.ReopenGroups();
  auto e = q.PopDue(kT0 + absl::Hours(100), "", group_check, Always);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->contact, 1);
}

TEST(ContactQueueTest, UpsertIntoParkedGroupWaitsForItToReopen) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0, "", 3);
  const absl::Time opens = kT0 + absl::Hours(2);
  auto group_check = [&](WindowGroup) { return Eligibility::NotBefore(opens); };
  EXPECT_FALSE(q.PopDue(kT0, "", group_check, Always));
  q.Upsert(2, Priority::kCallback, kT0, "", 3);
  EXPECT_FALSE(q.PopDue(kT0 + absl::Hours(1), "", Always));
  EXPECT_THAT(DrainAt(q, opens), ElementsAre(2, 1));
}

TEST(ContactQueueTest, ReassignMovesReservationsKeepingOrder) {
  ContactQueue q;
  q.Upsert(1, Priority::kCallback, kT0 + absl::Hours(1), "ann", 4);
  q.Upsert(2, Priority::kFresh, kT0, "ann", 5);
  q.Upsert(3, Priority::kFresh, kT0, "", 5);
  EXPECT_EQ(q.Reassign("ann", ""), 2u);
  EXPECT_EQ(q.Reassign("nobody", ""), 0u);
  EXPECT_EQ(q.Find(1)->agent, "");
  EXPECT_EQ(q.Find(1)->group, 4u);
  EXPECT_EQ(q.Find(1)->due, kT0 + absl::Hours(1));
  EXPECT_THAT(DrainAt(q, kT0 + absl::Hours(1), "bob"), ElementsAre(1, 2, 3));
}

TEST(ContactQueueTest, DepthCountsPerClassAgentAndDueTime) {
  ContactQueue q;
  q.Upsert(1, Priority::kFresh, kT0 - absl::Minutes(1));
  q.Upsert(2, Priority::kFresh, kT0);
  q.Upsert(3, Priority::kFresh, kT0 + absl::Minutes(1));
  q.Upsert(4, Priority::kRetry, kT0 + absl::Minutes(1), "bob");
  q.Upsert(5, Priority::kCallback, kT0 - absl::Minutes(1), "ann");
  const Depth d = q.depth(kT0);
  const auto fresh = static_cast<int>(Priority::kFresh);
  EXPECT_EQ(d.shared[fresh].due_now, 2);
  EXPECT_EQ(d.shared[fresh].later, 1);
  ASSERT_EQ(d.agents.size(), 2u);
  EXPECT_EQ(d.agents[0].first, "ann");
  EXPECT_EQ(d.agents[0].second[0].due_now, 1);
  EXPECT_EQ(d.agents[1].first, "bob");
  EXPECT_EQ(d.agents[1].second[static_cast<int>(Priority::kRetry)].later, 1);
  int64_t total = 0;
  for (const ClassDepth& c : d.all) total += c.total();
  EXPECT_EQ(total, 5);
}

TEST(ContactQueueTest, DepthWalkAgreesWithCountingForManySplits) {
  ContactQueue q;
  for (int i = 0; i < 40; ++i) {
    q.Upsert(i + 1, Priority::kRetry, kT0 + absl::Minutes(i));
  }
  for (int k = -1; k <= 41; ++k) {
    const Depth d = q.depth(kT0 + absl::Minutes(k) + absl::Seconds(1));
    const auto& retry = d.shared[static_cast<int>(Priority::kRetry)];
    EXPECT_EQ(retry.due_now, std::clamp(k + 1, 0, 40)) << k;
    EXPECT_EQ(retry.later, 40 - std::clamp(k + 1, 0, 40)) << k;
  }
}

TEST(ContactQueueTest, ToStringNamesEveryClass) {
  EXPECT_EQ(ToString(Priority::kCallback), "callback");
  EXPECT_EQ(ToString(Priority::kHot), "hot");
  EXPECT_EQ(ToString(Priority::kRetry), "retry");
  EXPECT_EQ(ToString(Priority::kFresh), "fresh");
  EXPECT_EQ(ToString(Priority::kRecycled), "recycled");
}

// ---------------------------------------------------------------------------
// Property test: the queue against a model that scans everything.

struct ModelEntry {
  ContactId id;
  int priority;
  int64_t due_s;
  std::string agent;
  WindowGroup group;
  uint64_t seq;
};

int64_t CeilSeconds(absl::Time t) {
  int64_t s = absl::ToUnixSeconds(t);
  if (absl::FromUnixSeconds(s) < t) ++s;
  return s;
}

// A window that is open 40 minutes in each hour, shifted per group; its
// answer is consistent (closed until the time it names).
Eligibility GroupWindow(WindowGroup g, absl::Time now) {
  const int64_t minute = absl::ToUnixSeconds(now) / 60;
  const int64_t phase = (minute + int64_t{g} * 13) % 60;
  if (phase < 40) return Eligibility::Now();
  return Eligibility::NotBefore(absl::FromUnixSeconds((minute + 60 - phase) * 60));
}

// Deterministic per (contact, minute): mostly yes, sometimes later or never.
Eligibility ContactRule(ContactId id, absl::Time now) {
  const uint64_t minute = static_cast<uint64_t>(absl::ToUnixSeconds(now) / 60);
  const uint64_t h = (static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ULL) ^
                     (minute * 0xC2B2AE3D27D4EB4FULL);
  const uint64_t r = (h >> 29) % 20;
  if (r == 0) return Eligibility::Never();
  if (r <= 3) return Eligibility::NotBefore(now + absl::Minutes(r * 7));
  return Eligibility::Now();
}

class Model {
 public:
  ContactQueue::UpsertResult Upsert(ContactId id, Priority p, absl::Time due,
                                    const std::string& agent, WindowGroup g) {
    auto it = Locate(id);
    auto result = ContactQueue::UpsertResult::kInserted;
    if (it != entries_.end()) {
      if (it->priority == 0 && p != Priority::kCallback) {
        return ContactQueue::UpsertResult::kKeptCallback;
      }
      entries_.erase(it);
      result = ContactQueue::UpsertResult::kMoved;
    }
    entries_.push_back(
        {id, static_cast<int>(p), CeilSeconds(due), agent, g, seq_++});
    return result;
  }
  bool Remove(ContactId id) {
    auto it = Locate(id);
    if (it == entries_.end()) return false;
    entries_.erase(it);
    return true;
  }
  std::optional<ModelEntry> PopDue(absl::Time now, const std::string& agent) {
    const int64_t now_s = absl::ToUnixSeconds(now);
    while (true) {
      auto best = entries_.end();
      auto rank = [&](const ModelEntry& e) {
        return std::make_tuple(e.priority, e.agent == agent ? 0 : 1, e.due_s,
                               e.seq);
      };
      for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->due_s > now_s) continue;
        if (!it->agent.empty() && it->agent != agent) continue;
        if (!GroupWindow(it->group, now).eligible) continue;
        if (best == entries_.end() || rank(*it) < rank(*best)) best = it;
      }
      if (best == entries_.end()) return std::nullopt;
      const Eligibility ok = ContactRule(best->id, now);
      ModelEntry e = *best;
      entries_.erase(best);
      if (ok.eligible) return e;
      if (ok.retry_at == absl::InfiniteFuture()) continue;
      e.due_s = std::max(CeilSeconds(ok.retry_at), now_s + 1);
      e.seq = seq_++;
      entries_.push_back(e);
    }
  }
  size_t Reassign(const std::string& from, const std::string& to) {
    if (from == to) return 0;
    size_t n = 0;
    for (auto& e : entries_) {
      if (e.agent == from) {
        e.agent = to;
        ++n;
      }
    }
    return n;
  }
  const std::vector<ModelEntry>& entries() const { return entries_; }

 private:
  std::vector<ModelEntry>::iterator Locate(ContactId id) {
    return std::find_if(entries_.begin(), entries_.end(),
                        [id](const ModelEntry& e) { return e.id == id; });
  }
  std::vector<ModelEntry> entries_;
  uint64_t seq_ = 0;
};

void RunAgainstModel(uint32_t seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const std::vector<std::string> agents = {"", "ann", "bob", "cy"};
  ContactQueue queue;
  ContactQueue renumbering(ContactQueue::Options{.max_sequence = 300});
  Model model;
  absl::Time now = kT0;
  auto group_check = [&](WindowGroup g) { return GroupWindow(g, now); };
  auto contact_check = [&](ContactId id) { return ContactRule(id, now); };

  for (int step = 0; step < 4000; ++step) {
    const int op = uniform(0, 99);
    if (op < 45) {
      const ContactId id = uniform(1, 150);
      const auto p = static_cast<Priority>(uniform(0, kPriorityCount - 1));
      const absl::Time due = now + absl::Minutes(uniform(-30, 90)) +
                             absl::Milliseconds(uniform(0, 1) * uniform(0, 999));
      const std::string& agent = agents[uniform(0, 6) / 2 % agents.size()];
      const auto g = static_cast<WindowGroup>(uniform(0, 4));
      const auto expected = model.Upsert(id, p, due, agent, g);
      ASSERT_EQ(queue.Upsert(id, p, due, agent, g), expected) << step;
      ASSERT_EQ(renumbering.Upsert(id, p, due, agent, g), expected) << step;
    } else if (op < 52) {
      const ContactId id = uniform(1, 150);
      const bool expected = model.Remove(id);
      ASSERT_EQ(queue.Remove(id), expected) << step;
      ASSERT_EQ(renumbering.Remove(id), expected) << step;
    } else if (op < 90) {
      const std::string agent = uniform(0, 5) == 0 ? "zed" : agents[uniform(0, 3)];
      const absl::Time next_due = queue.NextDue(agent);
      const auto expected = model.PopDue(now, agent);
      const auto got = queue.PopDue(now, agent, group_check, contact_check);
      const auto got2 =
          renumbering.PopDue(now, agent, group_check, contact_check);
      ASSERT_EQ(got.has_value(), expected.has_value()) << step;
      ASSERT_EQ(got2.has_value(), expected.has_value()) << step;
      if (next_due > now) {
        ASSERT_FALSE(expected) << step;
      }
      if (expected) {
        ASSERT_EQ(got->contact, expected->id) << step;
        ASSERT_EQ(static_cast<int>(got->priority), expected->priority);
        ASSERT_EQ(got->due, absl::FromUnixSeconds(expected->due_s));
        ASSERT_EQ(got->agent, expected->agent);
        ASSERT_EQ(got->group, expected->group);
        ASSERT_EQ(got2->contact, expected->id) << step;
      }
    } else if (op < 92) {
      const std::string& from = agents[uniform(1, 3)];
      const std::string& to = agents[uniform(0, 3)];
      const size_t expected = model.Reassign(from, to);
      ASSERT_EQ(queue.Reassign(from, to), expected) << step;
      ASSERT_EQ(renumbering.Reassign(from, to), expected) << step;
    } else if (op < 93) {
      queue.ReopenGroups();
    } else {
      now += absl::Seconds(uniform(0, 900)) + absl::Milliseconds(uniform(0, 999));
    }
    ASSERT_EQ(queue.size(), model.entries().size()) << step;
    ASSERT_EQ(renumbering.size(), model.entries().size()) << step;
  }
  const Depth d = queue.depth(now);
  std::array<int64_t, kPriorityCount> by_class{};
  for (const ModelEntry& e : model.entries()) ++by_class[e.priority];
  for (int p = 0; p < kPriorityCount; ++p) {
    EXPECT_EQ(d.all[p].total(), by_class[p]) << p;
  }
  for (const ModelEntry& e : model.entries()) {
    auto found = queue.Find(e.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->agent, e.agent);
    EXPECT_EQ(absl::ToUnixSeconds(found->due), e.due_s);
  }
}

TEST(ContactQueuePropertyTest, MatchesScanningModel) {
  for (uint32_t seed : {1u, 2u, 3u, 42u, 2026u}) {
    SCOPED_TRACE(seed);
    RunAgainstModel(seed);
    if (HasFatalFailure()) return;
  }
}

// Records sit in slots found through IdIndex: dense ids (1, 2, 3, ... as a
// store hands them out) by a subtraction, then, after the first id out of
// sequence, by a hash map. Either way a contact popped, requeued, removed
// or moved keeps one slot, and size() counts the queued ones.
TEST(ContactQueueTest, SlotsSurviveDenseThenSparseIdsAndRequeues) {
  ContactQueue q;
  for (ContactId id = 1; id <= 100; ++id) {
    q.Upsert(id, Priority::kFresh, kT0 - absl::Seconds(200 - id));
  }
  EXPECT_EQ(q.size(), 100u);
  for (int i = 0; i < 10; ++i) {
    auto e = q.PopDue(kT0, "", Always);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->contact, i + 1);
  }
  EXPECT_EQ(q.size(), 90u);
  EXPECT_FALSE(q.Contains(3));
  q.Upsert(3, Priority::kRetry, kT0 + absl::Hours(1));  // back, same slot
  EXPECT_TRUE(q.Contains(3));
  EXPECT_TRUE(q.Remove(50));
  EXPECT_FALSE(q.Remove(50));
  q.Upsert(1'000'000, Priority::kHot, kT0);  // out of sequence
  q.Upsert(101, Priority::kFresh, kT0);
  EXPECT_EQ(q.size(), 92u);
  ASSERT_TRUE(q.Find(3).has_value());
  EXPECT_EQ(q.Find(3)->priority, Priority::kRetry);
  auto first = q.PopDue(kT0, "", Always);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->contact, 1'000'000);
  std::vector<ContactId> rest = DrainAt(q, kT0);
  EXPECT_EQ(rest.size(), 90u);  // 11..101 but 50; not 3, due in an hour
  EXPECT_EQ(rest.front(), 11);
  EXPECT_EQ(rest.back(), 101);
  EXPECT_EQ(q.size(), 1u);
  EXPECT_THAT(DrainAt(q, kT0 + absl::Hours(1)), ElementsAre(3));
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace dialer::queue
