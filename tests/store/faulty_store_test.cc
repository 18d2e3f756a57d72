#include "store/faulty_store.h"

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "dialer/store.h"

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace dialer::store {
namespace {

const absl::Time kT0 = absl::FromUnixSeconds(1773147600);

WriteBatch DncBatch(std::string phone) {
  WriteBatch b;
  b.Add(DncEntry{std::move(phone), "api", kT0});
  return b;
}

TEST(FaultyStoreTest, ForwardsWhenNoFaultIsSet) {
  MemoryStore memory;
  FaultyStore store(&memory);
  Contact c;
  c.phone = "+12125550100";
  ASSERT_TRUE(store.AddContacts({c}).ok());
  EXPECT_TRUE(store.Commit(DncBatch("+12125550100")).ok());
  EXPECT_EQ(store.GetContact(1)->phone, "+12125550100");
  EXPECT_EQ(store.InternalDnc()->size(), 1u);
  EXPECT_TRUE(store.AttemptsSince(1, kT0)->empty());
  EXPECT_EQ(store.commit_calls(), 1);
  EXPECT_EQ(store.successful_commits(), 1);
  EXPECT_EQ(store.failed_commits(), 0);
  ASSERT_EQ(store.committed_batches().size(), 1u);
  EXPECT_EQ(memory.commits(), 1);
}

TEST(FaultyStoreTest, FailNextCommitsFailsExactlyNThenRecovers) {
  MemoryStore memory;
  FaultyStore store(&memory);
  store.FailNextCommits(2, absl::UnavailableError("db down"));
  EXPECT_EQ(store.Commit(DncBatch("+12125550100")).code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(store.Commit(DncBatch("+12125550101")).message(), "db down");
  EXPECT_TRUE(store.Commit(DncBatch("+12125550102")).ok());
  EXPECT_EQ(store.commit_calls(), 3);
  EXPECT_EQ(store.failed_commits(), 2);
  EXPECT_EQ(store.successful_commits(), 1);
  // The failed batches never reached the target.
  EXPECT_EQ(memory.commits(), 1);
  ASSERT_EQ(memory.Snapshot().dnc.size(), 1u);
  EXPECT_EQ(memory.Snapshot().dnc[0].phone, "+12125550102");
}

TEST(FaultyStoreTest, FailAllCommitsUntilCleared) {
  MemoryStore memory;
  FaultyStore store(&memory);
  store.FailAllCommits(absl::InternalError("disk full"));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(store.Commit(DncBatch("+12125550100")).code(),
              absl::StatusCode::kInternal);
  }
  store.ClearCommitFailure();
  EXPECT_TRUE(store.Commit(DncBatch("+12125550100")).ok());
  EXPECT_EQ(store.failed_commits(), 5);
  EXPECT_EQ(memory.commits(), 1);
}

TEST(FaultyStoreTest, TargetFailuresAreCountedToo) {
  MemoryStore memory;
  FaultyStore store(&memory);
  WriteBatch bad;
  bad.Add(NoteRecord{42, 0, "a", "x", kT0});  // unknown contact
  EXPECT_EQ(store.Commit(bad).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store.failed_commits(), 1);
  EXPECT_EQ(store.successful_commits(), 0);
  EXPECT_TRUE(store.committed_batches().empty());
}

TEST(FaultyStoreTest, FailNextReadsAndAddContacts) {
  MemoryStore memory;
  FaultyStore store(&memory);
  Contact c;
  c.phone = "+12125550100";
  store.FailNextAddContacts(1, absl::UnavailableError("later"));
  EXPECT_EQ(store.AddContacts({c}).status().code(),
            absl::StatusCode::kUnavailable);
  EXPECT_TRUE(memory.Snapshot().contacts.empty());
  ASSERT_TRUE(store.AddContacts({c}).ok());

  store.FailNextReads(3, absl::DeadlineExceededError("slow"));
  EXPECT_EQ(store.GetContact(1).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(store.AttemptsSince(1, kT0).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(store.InternalDnc().status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_TRUE(store.GetContact(1).ok());
}

TEST(FaultyStoreTest, SwitchesAreThreadSafe) {
  MemoryStore memory;
  FaultyStore store(&memory);
  constexpr int kCommits = 400;
  std::thread committer([&] {
    for (int i = 0; i < kCommits; ++i) {
      (void)store.Commit(DncBatch("+12125550100"));
    }
  });
  std::thread switcher([&] {
    for (int i = 0; i < 100; ++i) {
      store.FailNextCommits(1, absl::UnavailableError("blip"));
    }
  });
  committer.join();
  switcher.join();
  EXPECT_EQ(store.commit_calls(), kCommits);
  EXPECT_EQ(store.successful_commits() + store.failed_commits(), kCommits);
  EXPECT_EQ(memory.commits(), store.successful_commits());
}

}  // namespace
}  // namespace dialer::store
