// A Store decorator for tests of the engine: it forwards to a real store
// and, when told, fails calls the way a database would (like leveldb's
// SpecialEnv), and counts what it forwarded.
//
// Example:
//   dialer::MemoryStore memory;
//   dialer::store::FaultyStore store(&memory);
//   store.FailNextCommits(1, absl::UnavailableError("db down"));
//   // ... the engine's next Commit fails and nothing reaches `memory` ...
//   EXPECT_EQ(store.failed_commits(), 1);
//
// Thread-safe: switches and counters may be used from any thread while the
// engine calls the store.
#ifndef DIALER_SRC_STORE_FAULTY_STORE_H_
#define DIALER_SRC_STORE_FAULTY_STORE_H_

#include <cstdint>
#include <vector>

#include "dialer/store.h"

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace dialer::store {

class FaultyStore : public StoreWrapper {
 public:
  // `*target` must outlive this.
  explicit FaultyStore(Store* target);

  // The next `n` Commit calls return `status` without reaching the target.
  // REQUIRES: !status.ok().
  void FailNextCommits(int n, absl::Status status);
  // Every Commit returns `status` until ClearCommitFailure() (a database
  // that stays down). REQUIRES: !status.ok().
  void FailAllCommits(absl::Status status);
  void ClearCommitFailure();

  // The next `n` reads (GetContact, AttemptsSince, InternalDnc) return
  // `status`. REQUIRES: !status.ok().
  void FailNextReads(int n, absl::Status status);

  // The next `n` AddContacts calls return `status`. REQUIRES: !status.ok().
  void FailNextAddContacts(int n, absl::Status status);

  // Commit calls seen (failed or not), commits that reached the target and
  // succeeded, and commits that failed (injected or from the target).
  int64_t commit_calls() const;
  int64_t successful_commits() const;
  int64_t failed_commits() const;
  // The batches the target accepted, in the order their Commit calls
  // finished.
  std::vector<WriteBatch> committed_batches() const;

  absl::StatusOr<std::vector<ContactId>> AddContacts(
      const std::vector<Contact>& contacts) override;
  absl::StatusOr<Contact> GetContact(ContactId id) override;
  absl::Status Commit(const WriteBatch& batch) override;
  absl::StatusOr<std::vector<AttemptStarted>> AttemptsSince(
      ContactId id, absl::Time since) override;
  absl::StatusOr<std::vector<DncEntry>> InternalDnc() override;

 private:
  // A failure to inject: `remaining` more times, or forever when < 0.
  struct Fault {
    int remaining = 0;
    absl::Status status;
  };
  // Returns the status to fail with, or OK, consuming one use of `fault`.
  static absl::Status Take(Fault& fault);
  absl::Status TakeReadFault();

  mutable absl::Mutex mu_;
  Fault commit_fault_ ABSL_GUARDED_BY(mu_);
  Fault read_fault_ ABSL_GUARDED_BY(mu_);
  Fault add_contacts_fault_ ABSL_GUARDED_BY(mu_);
  int64_t commit_calls_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t successful_commits_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t failed_commits_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<WriteBatch> committed_ ABSL_GUARDED_BY(mu_);
};

}  // namespace dialer::store

#endif  // DIALER_SRC_STORE_FAULTY_STORE_H_
