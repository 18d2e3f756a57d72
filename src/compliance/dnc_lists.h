// The do-not-call lists the gate consults: the national registry, state
// lists, and the account's internal (company-specific) list.
//
// The national and state lists are immutable DncSets, replaced whole when a
// new registry download is loaded. The internal list is a hash set that only
// grows: an internal DNC (from a disposition, any channel, an API call) takes
// effect on the next Contains() call, in every campaign, and is never
// removed (64.1200(d)(6) requires honouring it for 5 years; the simplest
// compliant design keeps it for good).
//
// Thread-safety: not thread-safe. The engine mutates it on its strand
// between gate checks; concurrent const use without mutation is safe.
#ifndef DIALER_COMPLIANCE_DNC_LISTS_H_
#define DIALER_COMPLIANCE_DNC_LISTS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "compliance/dnc_set.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

class DncLists {
 public:
  struct Hits {
    bool national = false;
    bool state = false;
    bool internal = false;
  };

  DncLists() = default;
  DncLists(DncLists&&) = default;
  DncLists& operator=(DncLists&&) = default;

  void SetNational(DncSet set) { national_ = std::move(set); }
  // Errors: InvalidArgument when `state` is not a two-letter code.
  [[nodiscard]] absl::Status SetState(std::string_view state, DncSet set);
  // Adds a 10-digit national number to the internal list; kept forever.
  // Errors: InvalidArgument for a number that is not NANP.
  [[nodiscard]] absl::Status AddInternal(uint64_t national);

  // Which lists hold `national`; state lists are consulted for `states`.
  Hits Check(uint64_t national, std::span<const StateCode> states) const;

  const DncSet& national() const { return national_; }
  size_t internal_size() const { return internal_.size(); }

 private:
  DncSet national_;
  absl::flat_hash_map<StateCode, DncSet> states_;
  absl::flat_hash_set<uint64_t> internal_;
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DNC_LISTS_H_
