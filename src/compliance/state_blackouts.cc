#include "compliance/state_blackouts.h"

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"

namespace dialer::compliance {

absl::Status StateBlackouts::Set(std::string_view state, bool on) {
  const auto code = PackStateCode(state);
  if (!code || Index(*code) < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("blackout: '", AbslView(state), "' is not a two-letter state code"));
  }
  on_[Index(*code)] = on;
  return absl::OkStatus();
}

std::vector<std::string> StateBlackouts::Active() const {
  std::vector<std::string> out;
  for (int i = 0; i < 26 * 26; ++i) {
    if (on_[i]) out.push_back(std::string{static_cast<char>('A' + i / 26),
                                          static_cast<char>('A' + i % 26)});
  }
  return out;
}

}  // namespace dialer::compliance
