// NANP phone numbers and US state codes in the compact forms the gate uses.
//
// The gate works on the 10-digit national number as an integer (NPA NXX
// XXXX, e.g. 2125550100) and on two-letter USPS codes packed into 16 bits, so
// that per-call work allocates nothing.
//
// Pure functions: safe to call from any thread.
#ifndef DIALER_COMPLIANCE_NANP_NUMBER_H_
#define DIALER_COMPLIANCE_NANP_NUMBER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dialer::compliance {

// A NANP number: `national` is the 10-digit number, `npa` its area code.
struct NanpNumber {
  uint64_t national = 0;
  int npa = 0;
};

// Parses "+1NPANXXXXXX" (exactly E.164, no separators). REQUIRES nothing;
// returns nullopt unless the NPA and NXX both start with 2-9, as the NANP
// format requires.
std::optional<NanpNumber> ParseNanpE164(std::string_view e164);

// Checks a bare 10-digit national number for the NANP format (NPA and NXX
// start with 2-9).
bool IsValidNanpNational(uint64_t national);

// "+1" followed by the 10 digits.
std::string FormatE164(uint64_t national);

// A USPS state or territory code packed as (first letter << 8 | second).
using StateCode = uint16_t;

// Packs a two-letter code (case-insensitive, "fl" == "FL"). NANPA's "CNMI"
// (670) maps to "MP". Returns nullopt for anything else.
std::optional<StateCode> PackStateCode(std::string_view state);

// The two-letter upper-case code.
std::string UnpackStateCode(StateCode code);

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_NANP_NUMBER_H_
