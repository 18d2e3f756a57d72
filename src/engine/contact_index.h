// The phone numbers and email addresses of every contact the engine holds,
// so that an import can skip rows naming a contact already in the system.
//
// Phones are kept as given (AddContacts expects E.164, and the import path
// only adds E.164); emails are normalised as the ingest pipeline normalises
// them (trimmed, lower-case), so the two compare equal.
//
// Not thread-safe: the engine touches it only on its strand.
#ifndef DIALER_ENGINE_CONTACT_INDEX_H_
#define DIALER_ENGINE_CONTACT_INDEX_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "dialer/contact.h"

namespace dialer::engine {

class ContactIndex {
 public:
  // Records the primary and alternate numbers and the email of `contact`.
  void Add(const Contact& contact);
  // Makes room for `n` more contacts' primary numbers, so adding a large
  // list does not rehash the set again and again.
  void Reserve(size_t n) { phones_.reserve(phones_.size() + n); }

  bool HasPhone(std::string_view e164) const;
  // `email` must already be normalised (see ingest/email_address.h).
  bool HasEmail(std::string_view email) const;

 private:
  absl::flat_hash_set<std::string> phones_;
  absl::flat_hash_set<std::string> emails_;
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_CONTACT_INDEX_H_
