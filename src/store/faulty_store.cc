#include "store/faulty_store.h"

#include <utility>

namespace dialer::store {

FaultyStore::FaultyStore(Store* target) : StoreWrapper(target) {}

void FaultyStore::FailNextCommits(int n, absl::Status status) {
  absl::MutexLock lock(&mu_);
  commit_fault_ = {n, std::move(status)};
}

void FaultyStore::FailAllCommits(absl::Status status) {
  absl::MutexLock lock(&mu_);
  commit_fault_ = {-1, std::move(status)};
}

void FaultyStore::ClearCommitFailure() {
  absl::MutexLock lock(&mu_);
  commit_fault_ = {};
}

void FaultyStore::FailNextReads(int n, absl::Status status) {
  absl::MutexLock lock(&mu_);
  read_fault_ = {n, std::move(status)};
}

void FaultyStore::FailNextAddContacts(int n, absl::Status status) {
  absl::MutexLock lock(&mu_);
  add_contacts_fault_ = {n, std::move(status)};
}

int64_t FaultyStore::commit_calls() const {
  absl::MutexLock lock(&mu_);
  return commit_calls_;
}

int64_t FaultyStore::successful_commits() const {
  absl::MutexLock lock(&mu_);
  return successful_commits_;
}

int64_t FaultyStore::failed_commits() const {
  absl::MutexLock lock(&mu_);
  return failed_commits_;
}

std::vector<WriteBatch> FaultyStore::committed_batches() const {
  absl::MutexLock lock(&mu_);
  return committed_;
}

absl::Status FaultyStore::Take(Fault& fault) {
  if (fault.remaining == 0) return absl::OkStatus();
  if (fault.remaining > 0) --fault.remaining;
  return fault.status;
}

absl::Status FaultyStore::TakeReadFault() {
  absl::MutexLock lock(&mu_);
  return Take(read_fault_);
}

absl::StatusOr<std::vector<ContactId>> FaultyStore::AddContacts(
    const std::vector<Contact>& contacts) {
  {
    absl::MutexLock lock(&mu_);
    if (absl::Status s = Take(add_contacts_fault_); !s.ok()) return s;
  }
  return StoreWrapper::AddContacts(contacts);
}

absl::StatusOr<Contact> FaultyStore::GetContact(ContactId id) {
  if (absl::Status s = TakeReadFault(); !s.ok()) return s;
  return StoreWrapper::GetContact(id);
}

absl::Status FaultyStore::Commit(const WriteBatch& batch) {
  {
    absl::MutexLock lock(&mu_);
    ++commit_calls_;
    if (absl::Status s = Take(commit_fault_); !s.ok()) {
      ++failed_commits_;
      return s;
    }
  }
  // Not under mu_: the target may be slow, and switches stay usable.
  absl::Status s = StoreWrapper::Commit(batch);
  absl::MutexLock lock(&mu_);
  if (s.ok()) {
    ++successful_commits_;
    committed_.push_back(batch);
  } else {
    ++failed_commits_;
  }
  return s;
}

absl::StatusOr<std::vector<AttemptStarted>> FaultyStore::AttemptsSince(
    ContactId id, absl::Time since) {
  if (absl::Status s = TakeReadFault(); !s.ok()) return s;
  return StoreWrapper::AttemptsSince(id, since);
}

absl::StatusOr<std::vector<DncEntry>> FaultyStore::InternalDnc() {
  if (absl::Status s = TakeReadFault(); !s.ok()) return s;
  return StoreWrapper::InternalDnc();
}

}  // namespace dialer::store
