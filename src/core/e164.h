// Syntax of an E.164 telephone number as the API carries it: "+", then 8 to
// 15 digits, the first of which (the country code's) is not 0.
//
// Only the shape is checked; whether the number exists or is dialable is the
// ingest module's job (libphonenumber). Pure: thread-safe.
#ifndef DIALER_SRC_CORE_E164_H_
#define DIALER_SRC_CORE_E164_H_

#include <string_view>

namespace dialer::core {

inline constexpr int kE164MinDigits = 8;
inline constexpr int kE164MaxDigits = 15;

// True iff `phone` has the E.164 shape ("+12125550100").
bool IsE164(std::string_view phone);

}  // namespace dialer::core

#endif  // DIALER_SRC_CORE_E164_H_
