// Scrubs uploads against the compliance module's do-not-call lists
// (national registry, state lists, internal list).
//
// State lists are consulted for the states the number's area code belongs
// to and for the contact's own state, as the compliance gate does. Numbers
// outside the NANP are on none of these lists.
//
// Thread-safety: const use is safe from any thread as long as nobody mutates
// the DncLists meanwhile (see compliance/dnc_lists.h).
#ifndef DIALER_SRC_INGEST_COMPLIANCE_DNC_CHECKER_H_
#define DIALER_SRC_INGEST_COMPLIANCE_DNC_CHECKER_H_

#include <string>
#include <string_view>

#include "compliance/dnc_lists.h"
#include "compliance/zone_resolver.h"
#include "ingest/dnc_checker.h"

namespace dialer::ingest {

class ComplianceDncChecker final : public DncChecker {
 public:
  // `lists` and `resolver` (area code -> states) must outlive the checker.
  ComplianceDncChecker(const compliance::DncLists& lists,
                       const compliance::ZoneResolver& resolver)
      : lists_(lists), resolver_(resolver) {}

  // "national", "internal", or "state:XX" (the first listing state).
  std::string_view ListHolding(std::string_view e164,
                               std::string_view state) const override;

 private:
  const compliance::DncLists& lists_;
  const compliance::ZoneResolver& resolver_;
  mutable std::string state_list_;  // backs the returned "state:XX" view
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_COMPLIANCE_DNC_CHECKER_H_
