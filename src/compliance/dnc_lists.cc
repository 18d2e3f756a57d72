#include "compliance/dnc_lists.h"

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"

namespace dialer::compliance {

absl::Status DncLists::SetState(std::string_view state, DncSet set) {
  const auto code = PackStateCode(state);
  if (!code) {
    return absl::InvalidArgumentError(
        absl::StrCat("state DNC list: '", AbslView(state), "' is not a two-letter state code"));
  }
  states_[*code] = std::move(set);
  return absl::OkStatus();
}

absl::Status DncLists::AddInternal(uint64_t national) {
  if (!IsValidNanpNational(national)) {
    return absl::InvalidArgumentError(
        absl::StrCat("internal DNC: ", national, " is not a 10-digit NANP number"));
  }
  internal_.insert(national);
  return absl::OkStatus();
}

DncLists::Hits DncLists::Check(uint64_t national, std::span<const StateCode> states) const {
  Hits hits;
  hits.internal = internal_.contains(national);
  hits.national = national_.Contains(national);
  for (StateCode s : states) {
    if (auto it = states_.find(s); it != states_.end() && it->second.Contains(national)) {
      hits.state = true;
    }
  }
  return hits;
}

}  // namespace dialer::compliance
