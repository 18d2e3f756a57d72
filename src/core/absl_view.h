// Bridges std::string_view and absl::string_view.
//
// Debian bookworm's Abseil is built with ABSL_OPTION_USE_STD_STRING_VIEW=0:
// absl::string_view is a type of its own, so absl::StrCat, StrSplit,
// SimpleAtoi and the heterogeneous lookup of Abseil's hash containers reject
// a std::string_view. The public API speaks std::string_view (what C++20
// hosts have); these two conversions are the one place that knows.
#ifndef DIALER_CORE_ABSL_VIEW_H_
#define DIALER_CORE_ABSL_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace dialer {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

inline std::string_view StdView(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace dialer

#endif  // DIALER_CORE_ABSL_VIEW_H_
