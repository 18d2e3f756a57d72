// Which time zones might the called person be in?
//
// The law asks for the called party's local time, which a dialer cannot know
// for a mobile or ported number. The resolver therefore answers with a
// candidate SET of IANA zones, and the gate allows a call only when every
// rule holds in every candidate (shared/docs/compliance-facts.md §2).
//
// For a contact (E.164 phone, state, ZIP, explicit time_zone) the set is the
// union of:
//  1. libphonenumber's zones for the longest matching prefix of the number in
//     map_data.txt (NPA-NXX refinements included; the bare "1|" line, i.e.
//     every NANP zone, when no longer prefix matches);
//  2. the NANPA report's zones (TIME_ZONE letters) for the NPA and for every
//     NPA of its overlay complex. A letter already covered by a zone from (1)
//     with the same standard UTC offset adds nothing; an uncovered letter adds
//     the zones with that offset that libphonenumber lists anywhere in the
//     complex, else the state's most common zone with that offset, else a
//     fixed representative (E New_York, C Chicago, M Denver, P Los_Angeles,
//     A Halifax, N St_Johns, AK Anchorage, UTC-10 Honolulu, UTC+10 Guam,
//     UTC-11 Pago_Pago);
//  3. the zones of the contact's state: every zone any of the state's
//     in-service NPAs resolves to (kAllZonesOfState, the default: a Florida
//     address adds Eastern AND Central), or only when that is a single zone
//     (kSingleZoneStatesOnly). There is no ZIP data in shared/, so the ZIP is
//     accepted but not used;
//  4. the contact's explicit time_zone, when given.
// An invalid phone contributes nothing; when nothing at all is known the set
// is every NANP zone.
//
// Area codes that NANPA lists but libphonenumber does not (the 2023-2025
// codes 357, 436, 457, 621, 624, 679, 729, 837, 861, 924) hit the bare line
// and so resolve to every NANP zone, as both data READMEs direct; set
// Options::nanpa_fills_libphonenumber_gaps to resolve them from NANPA alone.
//
// All data is parsed once at construction; Resolve() does a few hash lookups
// and allocates nothing beyond its output.
//
// Example:
//   const ZoneResolver& r = ZoneResolver::Default();   // embedded data
//   auto zones = r.CandidateZones("+12085550100", "", "", "");
//   // {"America/Boise", "America/Los_Angeles"}: Idaho, Mountain + Pacific
//
// Thread-safe: const methods may be called concurrently.
#ifndef DIALER_COMPLIANCE_ZONE_RESOLVER_H_
#define DIALER_COMPLIANCE_ZONE_RESOLVER_H_

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <utility>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

// Index of a loaded zone inside one resolver.
using ZoneId = uint16_t;
using ZoneIdSet = absl::InlinedVector<ZoneId, 8>;  // sorted, unique

class ZoneResolver {
 public:
  enum class StateZonePolicy { kAllZonesOfState, kSingleZoneStatesOnly };
  struct Options {
    StateZonePolicy state_zones = StateZonePolicy::kAllZonesOfState;
    bool nanpa_fills_libphonenumber_gaps = false;
  };

  // Built from the data embedded in the library (map_data.txt and
  // npa_report.csv from shared/data) with default Options. Never deleted.
  // Aborts only if the embedded data is corrupt (a build error).
  static const ZoneResolver& Default();

  // Parses libphonenumber's map_data.txt and NANPA's npa_report.csv and
  // loads every zone they name from the system tz database. Errors:
  // InvalidArgument naming the file and line of a malformed entry, NotFound
  // for a zone ID the tz database lacks.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ZoneResolver>> Create(
      std::string_view map_data, std::string_view npa_report, Options options);

  ZoneResolver(const ZoneResolver&) = delete;
  ZoneResolver& operator=(const ZoneResolver&) = delete;

  // The candidate set for a contact. `number` may be null (invalid phone).
  // `state` is a USPS code or empty; `time_zone` an IANA ID or empty. Sets
  // *time_zone_ok to false (and ignores it) when `time_zone` is non-empty and
  // not a zone the tz database knows. Never returns an empty set.
  ZoneIdSet Resolve(const NanpNumber* number, std::string_view state,
                    std::string_view time_zone, bool* time_zone_ok) const;

  // Convenience form returning zone names, sorted. Errors: InvalidArgument
  // for a phone that is not "+1NPANXXXXXX" or an unknown time_zone.
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> CandidateZones(
      std::string_view phone_e164, std::string_view state, std::string_view zip,
      std::string_view time_zone) const;

  // NANPA LOCATION of the NPA as USPS codes (FL and OK presume residence by
  // area code). Empty for Canadian, Caribbean, non-geographic or unknown NPAs.
  std::vector<std::string> StatesForAreaCode(int npa) const;
  const std::vector<StateCode>& StateCodesForAreaCode(int npa) const;

  // In-service US geographic NPAs every number of which resolves (phone
  // only, no state or explicit zone) to exactly {iana_zone}. Sorted.
  std::vector<int> AreaCodesInZone(std::string_view iana_zone) const;

  // Zone accessors. REQUIRES: id came from this resolver.
  const absl::TimeZone& zone(ZoneId id) const;
  const std::string& zone_name(ZoneId id) const;

  // Zones with the same UTC offset at every instant of [OffsetClassBegin(),
  // OffsetClassEnd()) (2010-2100; e.g. America/New_York and America/Toronto,
  // or the Caribbean zones on Atlantic time) share an offset class, named by
  // its smallest ZoneId: within that span their local times are the same, so
  // the gate evaluates the time rules once per class (every-NANP-zone sets
  // shrink from 42 zones to a few classes). Explicit contact zones loaded on
  // demand are each their own class. REQUIRES: id from this resolver.
  ZoneId offset_class(ZoneId id) const;
  static absl::Time OffsetClassBegin();
  static absl::Time OffsetClassEnd();

 private:
  struct Zone {
    std::string name;
    absl::TimeZone tz;
    int standard_offset_seconds = 0;  // offset on 15 January
    ZoneId offset_class = 0;          // see offset_class()
  };
  struct NpaInfo {
    bool in_nanpa = false;
    bool in_service = false;
    bool us_geographic = false;
    std::vector<StateCode> states;
    std::vector<int> offsets;  // NANPA TIME_ZONE letters as standard offsets
    std::vector<int> complex;  // the overlay complex, this NPA included
    int base_set = -1;         // set when no 5+ digit prefix matches
    bool has_lpn = false;            // any libphonenumber line for the NPA
    bool has_long_prefixes = false;  // any 5+ digit line
    ZoneIdSet lpn_zones;             // every zone of those lines
  };

  explicit ZoneResolver(Options options) : options_(options) {}

  absl::StatusOr<ZoneId> Intern(std::string_view name);
  int InternSet(ZoneIdSet set);
  absl::Status ParseMapData(std::string_view text);
  absl::Status ParseNpaReport(std::string_view text);
  absl::Status Build();
  void ComputeOffsetClasses();
  ZoneIdSet WithNanpaZones(const ZoneIdSet& lpn, int npa) const;
  std::optional<ZoneId> FindZone(std::string_view name) const;
  static int NpaOfKey(uint64_t key);

  Options options_;
  std::vector<Zone> zones_;
  absl::flat_hash_map<std::string, ZoneId> zone_ids_;
  std::vector<ZoneIdSet> sets_;
  absl::flat_hash_map<std::string, int> set_ids_;
  std::vector<NpaInfo> npas_ = std::vector<NpaInfo>(1000);
  // libphonenumber lines: key = prefix digits * 16 + digit count.
  absl::flat_hash_map<uint64_t, ZoneIdSet> lpn_;
  ZoneIdSet lpn_all_;  // the bare "1|" line
  // Resolved (lpn + NANPA) set id per 5+ digit prefix, same key.
  absl::flat_hash_map<uint64_t, int> prefix_sets_;
  int all_set_ = -1;
  absl::flat_hash_map<StateCode, int> state_sets_;
  std::map<std::pair<StateCode, int>, ZoneId> state_default_;  // (state, offset)
  std::map<int, ZoneId> fallback_ids_;                         // offset

  // Explicit contact zones not named in the data, loaded on first use.
  mutable absl::Mutex extra_mu_;
  mutable std::deque<Zone> extra_zones_ ABSL_GUARDED_BY(extra_mu_);
  mutable absl::flat_hash_map<std::string, ZoneId> extra_ids_ ABSL_GUARDED_BY(extra_mu_);
  mutable absl::flat_hash_set<std::string> unknown_names_ ABSL_GUARDED_BY(extra_mu_);
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_ZONE_RESOLVER_H_
