// The shared data files compiled into dialer_compliance, so the installed
// library needs no data files at run time. cmake/EmbedData.cmake generates
// the definitions from ${DIALER_SHARED_DIR} at build time; the bytes are the
// files' bytes, unchanged.
//
// Immutable static storage: safe to use from any thread.
#ifndef DIALER_COMPLIANCE_EMBEDDED_DATA_H_
#define DIALER_COMPLIANCE_EMBEDDED_DATA_H_

#include <string_view>

namespace dialer::compliance {

// data/libphonenumber/map_data.txt (prefix -> IANA zones; Apache-2.0).
std::string_view EmbeddedMapData();
// data/nanpa/npa_report.csv (NANPA NPA report, 2025-11-26).
std::string_view EmbeddedNpaReport();
// data/state_calling_rules.csv.
std::string_view EmbeddedStateRules();

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_EMBEDDED_DATA_H_
