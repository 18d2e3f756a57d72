// The contacts already in the system, as the ingest pipeline needs to see
// them: only to ask whether a phone number or email is taken.
//
// The caller implements it over its store (the pipeline does no I/O);
// NoExistingContacts is the empty system.
//
// Implementations must be callable from the thread running the pipeline;
// the pipeline calls them once or a few times per row, so they should answer
// from memory or an index.
#ifndef DIALER_SRC_INGEST_EXISTING_CONTACTS_H_
#define DIALER_SRC_INGEST_EXISTING_CONTACTS_H_

#include <string_view>

namespace dialer::ingest {

class ExistingContacts {
 public:
  virtual ~ExistingContacts() = default;
  // True if an existing contact has `e164` as its primary or an alternate
  // number.
  virtual bool HasPhone(std::string_view e164) const = 0;
  // True if an existing contact has the normalised (lower-case) `email`.
  virtual bool HasEmail(std::string_view email) const = 0;
};

class NoExistingContacts final : public ExistingContacts {
 public:
  bool HasPhone(std::string_view) const override { return false; }
  bool HasEmail(std::string_view) const override { return false; }
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_EXISTING_CONTACTS_H_
