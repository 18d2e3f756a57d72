// Small string helpers for the ingest module that take std::string_view.
//
// Debian's Abseil has its own absl::string_view (see core/absl_view.h), so
// absl::StrCat and the absl/strings predicates reject std::string_view; these
// wrap or replace them. Pure functions: thread-safe.
#ifndef DIALER_SRC_INGEST_TEXT_UTIL_H_
#define DIALER_SRC_INGEST_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/absl_view.h"

namespace dialer::ingest {

namespace text_util_internal {
template <typename T>
decltype(auto) ForStrCat(const T& value) {
  if constexpr (std::is_convertible_v<const T&, std::string_view> &&
                !std::is_arithmetic_v<T>) {
    return AbslView(std::string_view(value));
  } else {
    return (value);
  }
}
}  // namespace text_util_internal

// absl::StrCat that also takes std::string_view.
template <typename... Args>
std::string Cat(const Args&... args) {
  return absl::StrCat(text_util_internal::ForStrCat(args)...);
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return out;
}

inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_toupper(static_cast<unsigned char>(c));
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(a[i])) !=
        absl::ascii_tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_TEXT_UTIL_H_
