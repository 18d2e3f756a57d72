// The disposition codes every campaign knows, and the syntax of custom ones.
//
// Standard codes are chosen by agents; system codes are recorded by the
// engine itself (a failed dial, an abandoned call, a wrap-up that expired
// without a disposition, ...). A campaign's custom codes may be neither.
//
// Constants and pure functions: thread-safe.
#ifndef DIALER_SRC_CORE_DISPOSITION_CODES_H_
#define DIALER_SRC_CORE_DISPOSITION_CODES_H_

#include <array>
#include <string_view>

namespace dialer::core {

inline constexpr std::array<std::string_view, 11> kStandardDispositionCodes = {
    "connected", "meeting_booked", "callback",   "voicemail",      "no_answer",
    "busy",      "wrong_number",   "gatekeeper", "not_interested", "dnc",
    "bad_data"};

inline constexpr std::array<std::string_view, 6> kSystemDispositionCodes = {
    "failed", "abandoned", "wrap_up_expired", "machine", "canceled", "skipped"};

bool IsStandardDispositionCode(std::string_view code);
bool IsSystemDispositionCode(std::string_view code);

// True iff `code` is snake_case: lower-case ASCII letters and digits in
// words joined by single underscores, starting with a letter
// ("follow_up_q3"; not "", "Follow", "_x", "x_", "a__b", "3d").
bool IsSnakeCase(std::string_view code);

}  // namespace dialer::core

#endif  // DIALER_SRC_CORE_DISPOSITION_CODES_H_
