// The Store keeps what must survive a restart: contacts, every call attempt
// and its outcome, dispositions and notes, the internal do-not-call list,
// and the append-only audit log of compliance decisions.
//
// Writes come in batches that a store applies atomically (one transaction in
// SQLite or PostgreSQL). The engine writes an attempt *before* it places the
// call, so a crash between the two never leads to a blind re-dial.
//
// Implementations: NewMemoryStore() here; SQLite and PostgreSQL stores come
// with their own headers. StoreWrapper forwards everything (a base for
// fault-injecting test stores).
//
// Thread-safety: implementations must allow calls from any thread.
#ifndef DIALER_STORE_H_
#define DIALER_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "dialer/contact.h"
#include "dialer/export.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

// Written just before a call is placed.
struct AttemptStarted {
  CallId call_id = 0;
  ContactId contact_id = 0;
  std::string campaign_id;
  std::string agent_id;  // empty when no agent was reserved (predictive)
  std::string phone;
  std::string caller_id;
  absl::Time at;
};

// Written when the call is over.
struct AttemptEnded {
  CallId call_id = 0;
  ContactId contact_id = 0;
  std::string campaign_id;
  CallEndStatus status = CallEndStatus::kCompleted;
  bool answered = false;
  // The engine's reading of the detector (kUnknown when it did not run).
  AmdResult amd = AmdResult::kUnknown;
  bool connected = false;   // bridged to an agent
  bool abandoned = false;   // FCC: live answer not connected within 2 s
  bool voicemail_dropped = false;
  absl::Duration speed_to_answer = absl::ZeroDuration();  // greeting end to agent
  absl::Duration talk = absl::ZeroDuration();
  absl::Time at;
  std::string provider_error;  // empty unless it failed
};

struct DispositionRecord {
  CallId call_id = 0;  // 0 for a disposition of a contact without a call
  ContactId contact_id = 0;
  std::string campaign_id;
  std::string agent_id;  // empty for automatic dispositions
  std::string code;      // "no_answer", "meeting_booked", or a custom code
  std::string notes;
  std::vector<std::pair<std::string, std::string>> fields;
  absl::Time callback_at = absl::InfinitePast();  // for "callback"
  absl::Time at;
};

struct NoteRecord {
  ContactId contact_id = 0;
  CallId call_id = 0;
  std::string agent_id;
  std::string text;
  absl::Time at;
};

struct DncEntry {
  std::string phone;   // E.164
  std::string source;  // "disposition", "api", "opt_out_keypress", ...
  absl::Time at;
};

// One "no" from the compliance gate, with the inputs that led to it.
struct AuditRecord {
  absl::Time at;
  std::string campaign_id;
  ContactId contact_id = 0;
  std::string phone;
  std::string decision;  // reason codes, space separated
  std::string inputs;    // JSON of what the gate saw (zones, local times, counters)
};

using WriteOp = std::variant<AttemptStarted, AttemptEnded, DispositionRecord,
                             NoteRecord, DncEntry, AuditRecord>;

// Writes applied together or not at all.
struct WriteBatch {
  std::vector<WriteOp> ops;
  template <typename Op>
  WriteBatch& Add(Op op) {
    ops.emplace_back(std::move(op));
    return *this;
  }
  bool empty() const { return ops.empty(); }
};

class DIALER_EXPORT Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store();

  // Adds contacts and returns their new ids, in order. All or nothing.
  virtual absl::StatusOr<std::vector<ContactId>> AddContacts(
      const std::vector<Contact>& contacts) = 0;

  // Returns NotFound for an unknown id.
  virtual absl::StatusOr<Contact> GetContact(ContactId id) = 0;

  // Applies every op of `batch` atomically. On error nothing was applied.
  virtual absl::Status Commit(const WriteBatch& batch) = 0;

  // Attempts of one contact started at or after `since`, oldest first.
  virtual absl::StatusOr<std::vector<AttemptStarted>> AttemptsSince(
      ContactId id, absl::Time since) = 0;

  // The internal do-not-call list, oldest first.
  virtual absl::StatusOr<std::vector<DncEntry>> InternalDnc() = 0;
};

// Forwards every call to `*target`, which must outlive the wrapper.
class DIALER_EXPORT StoreWrapper : public Store {
 public:
  explicit StoreWrapper(Store* target) : target_(target) {}
  absl::StatusOr<std::vector<ContactId>> AddContacts(
      const std::vector<Contact>& contacts) override {
    return target_->AddContacts(contacts);
  }
  absl::StatusOr<Contact> GetContact(ContactId id) override {
    return target_->GetContact(id);
  }
  absl::Status Commit(const WriteBatch& batch) override {
    return target_->Commit(batch);
  }
  absl::StatusOr<std::vector<AttemptStarted>> AttemptsSince(
      ContactId id, absl::Time since) override {
    return target_->AttemptsSince(id, since);
  }
  absl::StatusOr<std::vector<DncEntry>> InternalDnc() override {
    return target_->InternalDnc();
  }
  Store* target() const { return target_; }

 private:
  Store* const target_;
};

// Everything a MemoryStore holds, for tests and the simulator's report.
struct MemoryStoreContents {
  std::vector<Contact> contacts;
  std::vector<AttemptStarted> attempts_started;
  std::vector<AttemptEnded> attempts_ended;
  std::vector<DispositionRecord> dispositions;
  std::vector<NoteRecord> notes;
  std::vector<DncEntry> dnc;
  std::vector<AuditRecord> audit;
};

// A store that keeps everything in memory. Thread-safe.
class DIALER_EXPORT MemoryStore : public Store {
 public:
  MemoryStore();
  ~MemoryStore() override;

  absl::StatusOr<std::vector<ContactId>> AddContacts(
      const std::vector<Contact>& contacts) override;
  absl::StatusOr<Contact> GetContact(ContactId id) override;
  absl::Status Commit(const WriteBatch& batch) override;
  absl::StatusOr<std::vector<AttemptStarted>> AttemptsSince(
      ContactId id, absl::Time since) override;
  absl::StatusOr<std::vector<DncEntry>> InternalDnc() override;

  // A copy of everything stored.
  MemoryStoreContents Snapshot() const;
  // Number of committed batches (each would be one SQL transaction).
  int64_t commits() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_STORE_H_
