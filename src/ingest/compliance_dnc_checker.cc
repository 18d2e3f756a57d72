#include "ingest/compliance_dnc_checker.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "compliance/nanp_number.h"

namespace dialer::ingest {

std::string_view ComplianceDncChecker::ListHolding(std::string_view e164,
                                                   std::string_view state) const {
  const std::optional<compliance::NanpNumber> number =
      compliance::ParseNanpE164(e164);
  if (!number.has_value()) return {};
  std::vector<compliance::StateCode> states =
      resolver_.StateCodesForAreaCode(number->npa);
  if (std::optional<compliance::StateCode> s = compliance::PackStateCode(state)) {
    states.push_back(*s);
  }
  std::sort(states.begin(), states.end());
  states.erase(std::unique(states.begin(), states.end()), states.end());
  const compliance::DncLists::Hits hits = lists_.Check(number->national, states);
  if (hits.national) return "national";
  if (hits.internal) return "internal";
  if (hits.state) {
    // Name the first state whose list holds it.
    for (compliance::StateCode s : states) {
      const compliance::StateCode one[] = {s};
      if (lists_.Check(number->national, one).state) {
        state_list_ = "state:" + compliance::UnpackStateCode(s);
        return state_list_;
      }
    }
  }
  return {};
}

}  // namespace dialer::ingest
