// The simulated contact list: `contacts.count` people with valid-looking
// NANP numbers in area codes of their zone (so calling windows apply), each
// zone drawn by the scenario's weights, some of them on the do-not-call
// list. The ground truth (real zone, DNC) stays here; the engine gets only
// the Contact records (phone and synthetic names, no zone).
//
// A scenario's CSV list is imported by the engine instead (ImportContacts);
// FromContacts then builds the book from what the engine stored. The
// simulator cannot know where such a person really is, so each number gets
// every candidate zone the compliance module's ZoneResolver gives for it
// (area code, state, ZIP, explicit zone) as its ground truth, and a dial
// counts as a violation when it is outside the calling window in ANY of
// them.
//
// Immutable once generated: const methods may be called from any thread.
#ifndef DIALER_SIM_CONTACT_BOOK_H_
#define DIALER_SIM_CONTACT_BOOK_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "compliance/zone_resolver.h"
#include "dialer/contact.h"
#include "dialer/simulator.h"

namespace dialer::sim {

struct SimContact {
  std::string phone;  // E.164
  // Indices into ContactBook::zones(): the one true zone of a generated
  // contact; every candidate zone of an imported number (empty when the
  // number has none, e.g. outside the NANP: any dial to it is a violation).
  // Inline: a generated contact has exactly one, an imported one a few.
  absl::InlinedVector<int, 2> zones;
  bool dnc = false;
};

class ContactBook {
 public:
  struct Zone {
    std::string name;
    absl::TimeZone tz;
    std::vector<int> area_codes;
  };

  // Generates the contacts of `scenario` (deterministic per seed).
  // InvalidArgument naming $.contacts.time_zones[...] for a zone without US
  // area codes; Unimplemented for a CSV list.
  static absl::StatusOr<ContactBook> Generate(
      const Scenario& scenario, uint64_t seed,
      const compliance::ZoneResolver& resolver);

  // One entry per number (primary and alternates) of the contacts the
  // engine stored from a scenario's CSV list, in store order. Never fails:
  // a number without candidate zones gets none.
  static ContactBook FromContacts(const std::vector<Contact>& stored,
                                  const compliance::ZoneResolver& resolver);

  const std::vector<SimContact>& contacts() const { return contacts_; }
  const std::vector<Zone>& zones() const { return zones_; }
  // Index of the contact with this number, or -1.
  int64_t Find(std::string_view phone) const;
  // The records the engine is given.
  std::vector<Contact> EngineContacts() const;

  // A number's key: "+" and up to 15 digits (E.164) map one to one to a
  // non-zero integer; anything else to 0 (no key).
  static uint64_t NumberKey(std::string_view phone);
  // NumberKey of contact `i`'s number, from a dense array (no look at the
  // contact itself).
  uint64_t KeyOf(int64_t i) const {
    return keys_[static_cast<size_t>(i)];
  }

 private:
  std::vector<Zone> zones_;
  // Fills keys_ once contacts_ is complete.
  void FillKeys();

  std::vector<SimContact> contacts_;
  absl::flat_hash_map<std::string, int64_t> by_phone_;
  std::vector<uint64_t> keys_;
};

// Finds dialed numbers in a book, as ContactBook::Find does, faster when the
// numbers come in a few interleaved streams that each follow the book's
// order (fresh contacts of each open zone, then their retries, which skip
// the contacts that needed none): it keeps the position after the last hit
// of the last few streams and looks for the number's key
// (ContactBook::NumberKey) among the next kWindow keys of each before the
// hash lookup. Exact: numbers are unique in the book and a key names one
// number. The keys sit in a dense array (8 bytes a contact, in book order),
// so the search reads no contact: a day walks through all of them once and
// they are cold.
//
// Not thread-safe (the positions change); the book must outlive it.
class NumberCursor {
 public:
  static constexpr int64_t kWindow = 16;

  explicit NumberCursor(const ContactBook* book) : book_(book) {
    streams_.fill(-1);
  }

  int64_t Find(std::string_view phone);

 private:
  const ContactBook* book_;
  std::array<int64_t, 8> streams_;  // next index to look at, or -1
  size_t replace_next_ = 0;  // round robin over streams_ after a miss
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_CONTACT_BOOK_H_
