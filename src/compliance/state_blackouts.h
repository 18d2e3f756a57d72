// Manual per-state blackout switches: while a state's switch is on, the gate
// refuses every call that a state's rules could reach (by area code or by the
// contact's state). Louisiana bans all telephone solicitation during a
// declared state of emergency (La. R.S. 45:844.31); an operator turns the
// switch on and off, nothing turns it off by itself.
//
// Not thread-safe: mutate on the engine strand only.
#ifndef DIALER_COMPLIANCE_STATE_BLACKOUTS_H_
#define DIALER_COMPLIANCE_STATE_BLACKOUTS_H_

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

class StateBlackouts {
 public:
  // Errors: InvalidArgument when `state` is not a two-letter code.
  [[nodiscard]] absl::Status Set(std::string_view state, bool on);
  bool IsOn(StateCode state) const {
    const int i = Index(state);
    return i >= 0 && on_[i];
  }
  // The states switched on, sorted.
  std::vector<std::string> Active() const;

 private:
  static int Index(StateCode s) {
    const int a = (s >> 8) - 'A', b = (s & 0xff) - 'A';
    return (a < 0 || a >= 26 || b < 0 || b >= 26) ? -1 : a * 26 + b;
  }
  std::bitset<26 * 26> on_;
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_STATE_BLACKOUTS_H_
