#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "dialer/store.h"
#include "core/id_index.h"
#include "core/shared_mutex.h"
#include "store/chunked_log.h"

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace dialer {
inline namespace v1 {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

const char* OpName(const WriteOp& op) {
  return std::visit(
      Overloaded{[](const AttemptStarted&) { return "attempt_started"; },
                 [](const AttemptEnded&) { return "attempt_ended"; },
                 [](const DispositionRecord&) { return "disposition"; },
                 [](const NoteRecord&) { return "note"; },
                 [](const DncEntry&) { return "dnc"; },
                 [](const AuditRecord&) { return "audit"; }},
      op);
}

}  // namespace

struct MemoryStore::Impl {
  // What a batch adds to the stored state while it is being validated, so
  // later ops of the batch may refer to earlier ones (an attempt started
  // and ended in one batch). Batches hold a handful of ops: a linear scan of
  // inline storage, no allocation per commit.
  struct BatchView {
    absl::InlinedVector<std::pair<CallId, ContactId>, 2> started;
    absl::InlinedVector<CallId, 2> ended;

    const ContactId* Started(CallId call) const {
      for (const auto& [c, contact] : started) {
        if (c == call) return &contact;
      }
      return nullptr;
    }
    // False if `call` was already ended earlier in the batch.
    bool AddEnded(CallId call) {
      if (std::find(ended.begin(), ended.end(), call) != ended.end()) {
        return false;
      }
      ended.push_back(call);
      return true;
    }
  };

  bool HasContact(ContactId id) const ABSL_SHARED_LOCKS_REQUIRED(mu) {
    return id >= 1 && static_cast<size_t>(id) <= contents.contacts.size();
  }

  // The contact of a started call, or 0 if no attempt of it was started.
  ContactId StartedContact(const BatchView& batch, CallId call) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (const size_t i = started_index.Find(call); i != IdIndex::kNone) {
      return started_calls[i].contact;
    }
    if (const ContactId* contact = batch.Started(call)) return *contact;
    return 0;
  }

  absl::Status CheckContact(ContactId id) const ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (HasContact(id)) return absl::OkStatus();
    return absl::NotFoundError(absl::StrCat("contact ", id, " not found"));
  }

  // A call id that is 0 (none) or names a started attempt of `contact`.
  absl::Status CheckOptionalCall(const BatchView& batch, CallId call,
                                 ContactId contact) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (call == 0) return absl::OkStatus();
    const ContactId owner = StartedContact(batch, call);
    if (owner == 0) {
      return absl::NotFoundError(
          absl::StrCat("call ", call, " has no attempt_started"));
    }
    if (owner != contact) {
      return absl::InvalidArgumentError(absl::StrCat(
          "call ", call, " belongs to contact ", owner, ", not ", contact));
    }
    return absl::OkStatus();
  }

  absl::Status Check(BatchView& batch, const AttemptStarted& op) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (op.call_id == 0) return absl::InvalidArgumentError("call id is 0");
    if (auto s = CheckContact(op.contact_id); !s.ok()) return s;
    if (StartedContact(batch, op.call_id) != 0) {
      return absl::AlreadyExistsError(
          absl::StrCat("call ", op.call_id, " was already started"));
    }
    batch.started.emplace_back(op.call_id, op.contact_id);
    return absl::OkStatus();
  }

  absl::Status Check(BatchView& batch, const AttemptEnded& op) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (op.call_id == 0) return absl::InvalidArgumentError("call id is 0");
    if (auto s = CheckContact(op.contact_id); !s.ok()) return s;
    if (auto s = CheckOptionalCall(batch, op.call_id, op.contact_id); !s.ok()) {
      return s;
    }
    const size_t i = started_index.Find(op.call_id);
    if ((i != IdIndex::kNone && started_calls[i].ended) ||
        !batch.AddEnded(op.call_id)) {
      return absl::AlreadyExistsError(
          absl::StrCat("call ", op.call_id, " has already ended"));
    }
    return absl::OkStatus();
  }

  absl::Status Check(BatchView& batch, const DispositionRecord& op) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (op.code.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "disposition of contact ", op.contact_id, " has an empty code"));
    }
    if (auto s = CheckContact(op.contact_id); !s.ok()) return s;
    return CheckOptionalCall(batch, op.call_id, op.contact_id);
  }

  absl::Status Check(BatchView& batch, const NoteRecord& op) const
      ABSL_SHARED_LOCKS_REQUIRED(mu) {
    if (auto s = CheckContact(op.contact_id); !s.ok()) return s;
    return CheckOptionalCall(batch, op.call_id, op.contact_id);
  }

  absl::Status Check(BatchView&, const DncEntry& op) const {
    if (op.phone.empty()) {
      return absl::InvalidArgumentError("do-not-call entry has an empty phone");
    }
    return absl::OkStatus();
  }

  absl::Status Check(BatchView&, const AuditRecord&) const {
    return absl::OkStatus();
  }

  void Apply(const AttemptStarted& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    const size_t index = attempts_started.size();
    started_index.Add(op.call_id);  // Check() made sure it is new
    started_calls.push_back(StartedCall{op.contact_id, false});
    // Kept sorted by start time (stable for equal times) so AttemptsSince
    // is a binary search; attempts nearly always arrive in time order, so
    // the insertion point is the end.
    // Check() made sure the contact exists.
    auto& list = attempts_by_contact[static_cast<size_t>(op.contact_id - 1)];
    const auto& all = attempts_started;
    const absl::Time at = op.at;
    list.insert(std::upper_bound(
                    list.begin(), list.end(), at,
                    [&all](absl::Time t, size_t i) { return t < all[i].at; }),
                index);
    attempts_started.push_back(op);
  }
  void Apply(const AttemptEnded& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    // Check() made sure the attempt was started (stored or in this batch,
    // applied before this op).
    started_calls[started_index.Find(op.call_id)].ended = true;
    attempts_ended.push_back(op);
  }
  void Apply(const DispositionRecord& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    dispositions.push_back(op);
  }
  void Apply(const NoteRecord& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    contents.notes.push_back(op);
  }
  void Apply(const DncEntry& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    // The first entry for a number is the one that counts (its source and
    // time); repeats are accepted and dropped.
    if (dnc_phones.insert(op.phone).second) {
      contents.dnc.push_back(op);
    }
  }
  void Apply(const AuditRecord& op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    audit.push_back(op);
  }

  mutable SharedMutex mu;
  // Contacts, notes and DNC entries; the four logs below are kept apart in
  // chunks (see chunked_log.h) and joined in by Snapshot().
  MemoryStoreContents contents ABSL_GUARDED_BY(mu);
  ChunkedLog<AttemptStarted> attempts_started ABSL_GUARDED_BY(mu);
  ChunkedLog<AttemptEnded> attempts_ended ABSL_GUARDED_BY(mu);
  ChunkedLog<DispositionRecord> dispositions ABSL_GUARDED_BY(mu);
  ChunkedLog<AuditRecord> audit ABSL_GUARDED_BY(mu);
  // Every started call: its contact (kept here, not looked up in
  // attempts_started, which is large and cold by the time a call
  // ends) and whether it ended, in one entry so a call's end costs one
  // lookup's cache miss, not two.
  struct StartedCall {
    ContactId contact = 0;
    bool ended = false;
  };
  // In start order, found by call id through an IdIndex: an engine numbers
  // its calls 1, 2, 3, ..., so a lookup is a subtraction, not a hash probe
  // into a table of every call of the day.
  std::vector<StartedCall> started_calls ABSL_GUARDED_BY(mu);
  IdIndex started_index ABSL_GUARDED_BY(mu);
  // Indices into attempts_started, oldest start first, of the
  // contact with id i + 1 (the store hands out the ids 1, 2, 3, ...; a
  // vector, not a hash map, so contacts dialed in order are neighbours).
  // Most contacts get one or two attempts: those need no allocation of
  // their own.
  std::vector<absl::InlinedVector<size_t, 2>> attempts_by_contact
      ABSL_GUARDED_BY(mu);
  absl::flat_hash_set<std::string> dnc_phones ABSL_GUARDED_BY(mu);
  int64_t commits ABSL_GUARDED_BY(mu) = 0;
};

MemoryStore::MemoryStore() : impl_(std::make_unique<Impl>()) {}

MemoryStore::~MemoryStore() = default;

absl::StatusOr<std::vector<ContactId>> MemoryStore::AddContacts(
    const std::vector<Contact>& contacts) {
  for (size_t i = 0; i < contacts.size(); ++i) {
    if (contacts[i].phone.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("contact ", i,
                       contacts[i].external_id.empty()
                           ? ""
                           : absl::StrCat(" ('", contacts[i].external_id, "')"),
                       ": phone is empty"));
    }
  }
  std::vector<ContactId> ids;
  ids.reserve(contacts.size());
  WriterLock lock(&impl_->mu);
  std::vector<Contact>& stored = impl_->contents.contacts;
  stored.reserve(stored.size() + contacts.size());
  for (const Contact& contact : contacts) {
    stored.push_back(contact);
    stored.back().id = static_cast<ContactId>(stored.size());
    ids.push_back(stored.back().id);
  }
  impl_->attempts_by_contact.resize(stored.size());
  return ids;
}

absl::StatusOr<Contact> MemoryStore::GetContact(ContactId id) {
  ReaderLock lock(&impl_->mu);
  if (auto s = impl_->CheckContact(id); !s.ok()) return s;
  return impl_->contents.contacts[static_cast<size_t>(id - 1)];
}

absl::Status MemoryStore::Commit(const WriteBatch& batch) {
  if (batch.empty()) return absl::OkStatus();
  WriterLock lock(&impl_->mu);
  Impl::BatchView view;
  for (size_t i = 0; i < batch.ops.size(); ++i) {
    const absl::Status s = std::visit(
        [&](const auto& op) { return impl_->Check(view, op); }, batch.ops[i]);
    if (!s.ok()) {
      return absl::Status(
          s.code(), absl::StrCat("batch op ", i, " (", OpName(batch.ops[i]),
                                 "): ", s.message()));
    }
  }
  for (const WriteOp& op : batch.ops) {
    std::visit([&](const auto& o) { impl_->Apply(o); }, op);
  }
  ++impl_->commits;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<AttemptStarted>> MemoryStore::AttemptsSince(
    ContactId id, absl::Time since) {
  ReaderLock lock(&impl_->mu);
  if (auto s = impl_->CheckContact(id); !s.ok()) return s;
  std::vector<AttemptStarted> result;
  const auto& list = impl_->attempts_by_contact[static_cast<size_t>(id - 1)];
  const auto& all = impl_->attempts_started;
  auto first = std::lower_bound(
      list.begin(), list.end(), since,
      [&all](size_t i, absl::Time t) { return all[i].at < t; });
  result.reserve(static_cast<size_t>(list.end() - first));
  for (; first != list.end(); ++first) result.push_back(all[*first]);
  return result;
}

absl::StatusOr<std::vector<DncEntry>> MemoryStore::InternalDnc() {
  ReaderLock lock(&impl_->mu);
  return impl_->contents.dnc;
}

MemoryStoreContents MemoryStore::Snapshot() const {
  ReaderLock lock(&impl_->mu);
  MemoryStoreContents out = impl_->contents;
  out.attempts_started = impl_->attempts_started.ToVector();
  out.attempts_ended = impl_->attempts_ended.ToVector();
  out.dispositions = impl_->dispositions.ToVector();
  out.audit = impl_->audit.ToVector();
  return out;
}

int64_t MemoryStore::commits() const {
  ReaderLock lock(&impl_->mu);
  return impl_->commits;
}

}  // namespace v1
}  // namespace dialer
