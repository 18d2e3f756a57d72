// State, ZIP code and time-zone columns of an upload, in the forms the
// compliance module reads (USPS state code, 5-digit or ZIP+4, IANA zone).
//
// Each function returns nullopt for a value it cannot read with certainty;
// the caller then leaves the field empty (and reports it), so that compliance
// falls back to the next source (state, then area code) instead of trusting
// a wrong value. Wrong or blank zones are the usual reason leads are dialled
// at the wrong hour or never (docs/field-failures.md #1).
//
// Pure functions: thread-safe.
#ifndef DIALER_SRC_INGEST_LOCATION_FIELDS_H_
#define DIALER_SRC_INGEST_LOCATION_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>

namespace dialer::ingest {

// "ny", " NY ", "New York" -> "NY". US states, DC, US territories and
// Canadian provinces and territories (NANP countries).
std::optional<std::string> NormalizeStateCode(std::string_view raw);

// "02134", "02134-1234", "021341234" -> "02134" / "02134-1234". A 4-digit
// value gets its leading zero back (spreadsheets drop it from New England
// ZIPs, e.g. 2134); anything else is refused.
std::optional<std::string> NormalizeZip(std::string_view raw);

// An IANA zone ID ("America/New_York", "UTC") is kept as written after
// trimming; unambiguous US names and abbreviations ("Eastern", "EST", "PT",
// "US/Pacific", "Arizona") become their zone. "MST" and "AST" are refused as
// ambiguous (Arizona or Mountain; Atlantic Canada or Puerto Rico). Whether
// the zone exists is checked where it is loaded (compliance).
std::optional<std::string> NormalizeTimeZoneName(std::string_view raw);

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_LOCATION_FIELDS_H_
