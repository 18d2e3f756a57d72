#include "compliance/zone_resolver.h"

#include <algorithm>
#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "compliance/embedded_data.h"
#include "core/absl_view.h"
#include "compliance/internal/csv_reader.h"

namespace dialer::compliance {
namespace {

constexpr int kHour = 3600;

// NANPA TIME_ZONE values as standard UTC offsets (seconds).
absl::StatusOr<std::vector<int>> ParseNanpaZones(absl::string_view v, int line) {
  if (v.empty()) return std::vector<int>{};
  if (v == "AK") return std::vector<int>{-9 * kHour};
  if (v == "(UTC-10)") return std::vector<int>{-10 * kHour};
  if (v == "(UTC+10)") return std::vector<int>{10 * kHour};
  if (v == "UTC-11") return std::vector<int>{-11 * kHour};
  // 775 NV: Pacific, Mountain in West Wendover.
  if (v == "PT/MT only for W Wendover") return std::vector<int>{-8 * kHour, -7 * kHour};
  std::vector<int> out;
  for (char c : v) {
    switch (c) {
      case 'E': out.push_back(-5 * kHour); break;
      case 'C': out.push_back(-6 * kHour); break;
      case 'M': out.push_back(-7 * kHour); break;
      case 'P': out.push_back(-8 * kHour); break;
      case 'A': out.push_back(-4 * kHour); break;
      case 'N': out.push_back(-3 * kHour - 1800); break;
      default:
        return absl::InvalidArgumentError(absl::StrCat(
            "npa_report.csv line ", line, ": unknown TIME_ZONE '", v, "'"));
    }
  }
  return out;
}

const std::map<int, std::string_view>& FallbackZoneByOffset() {
  static const auto* const m = new std::map<int, std::string_view>{
      {-5 * kHour, "America/New_York"},  {-6 * kHour, "America/Chicago"},
      {-7 * kHour, "America/Denver"},    {-8 * kHour, "America/Los_Angeles"},
      {-4 * kHour, "America/Halifax"},   {-3 * kHour - 1800, "America/St_Johns"},
      {-9 * kHour, "America/Anchorage"}, {-10 * kHour, "Pacific/Honolulu"},
      {10 * kHour, "Pacific/Guam"},      {-11 * kHour, "Pacific/Pago_Pago"},
  };
  return *m;
}

uint64_t Key(uint64_t prefix_digits, int length) { return prefix_digits * 16 + length; }

void Merge(ZoneIdSet& into, const ZoneIdSet& from) {
  into.insert(into.end(), from.begin(), from.end());
}

void Normalize(ZoneIdSet& s) {
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

}  // namespace

const ZoneResolver& ZoneResolver::Default() {
  static const ZoneResolver* const resolver = [] {
    auto r = Create(EmbeddedMapData(), EmbeddedNpaReport(), Options{});
    if (!r.ok()) {
      ABSL_RAW_LOG(FATAL, "embedded zone data: %s", r.status().ToString().c_str());
    }
    return r->release();
  }();
  return *resolver;
}

absl::StatusOr<std::unique_ptr<ZoneResolver>> ZoneResolver::Create(
    std::string_view map_data, std::string_view npa_report, Options options) {
  std::unique_ptr<ZoneResolver> r(new ZoneResolver(options));
  if (auto s = r->ParseMapData(map_data); !s.ok()) return s;
  if (auto s = r->ParseNpaReport(npa_report); !s.ok()) return s;
  if (auto s = r->Build(); !s.ok()) return s;
  r->ComputeOffsetClasses();
  return r;
}

absl::Time ZoneResolver::OffsetClassBegin() {
  return absl::FromCivil(absl::CivilSecond(2010, 1, 1, 0, 0, 0), absl::UTCTimeZone());
}

absl::Time ZoneResolver::OffsetClassEnd() {
  return absl::FromCivil(absl::CivilSecond(2100, 1, 1, 0, 0, 0), absl::UTCTimeZone());
}

void ZoneResolver::ComputeOffsetClasses() {
  // Fingerprint: the offset at the start of the span, then every transition
  // inside it as (wall time before, wall time after). Equal fingerprints
  // mean equal offsets at every instant of the span: each transition happens
  // at (wall time before - the common offset before) and changes the offset
  // by the same amount.
  const absl::Time begin = OffsetClassBegin();
  const absl::Time end = OffsetClassEnd();
  absl::flat_hash_map<std::string, ZoneId> classes;
  for (size_t id = 0; id < zones_.size(); ++id) {
    const absl::TimeZone& tz = zones_[id].tz;
    std::string print = absl::StrCat(tz.At(begin).offset);
    absl::TimeZone::CivilTransition next;
    for (absl::Time t = begin; tz.NextTransition(t, &next);) {
      const absl::Time at = tz.At(next.to).trans;
      if (at >= end) break;
      if (at <= t) {  // cannot happen; never merge a zone we cannot follow
        absl::StrAppend(&print, "#", zones_[id].name);
        break;
      }
      absl::StrAppend(&print, ";", absl::FormatCivilTime(next.from), ">",
                      absl::FormatCivilTime(next.to));
      t = at;
    }
    zones_[id].offset_class = classes.emplace(print, static_cast<ZoneId>(id)).first->second;
  }
}

absl::StatusOr<ZoneId> ZoneResolver::Intern(std::string_view name) {
  if (auto it = zone_ids_.find(AbslView(name)); it != zone_ids_.end()) return it->second;
  Zone z;
  z.name = std::string(name);
  if (!absl::LoadTimeZone(z.name, &z.tz)) {
    return absl::NotFoundError(absl::StrCat("time zone '", AbslView(name),
                                            "' is not in the system tz database"));
  }
  const absl::Time january = absl::FromCivil(absl::CivilSecond(2026, 1, 15, 12, 0, 0),
                                             absl::UTCTimeZone());
  z.standard_offset_seconds = z.tz.At(january).offset;
  const auto id = static_cast<ZoneId>(zones_.size());
  zones_.push_back(std::move(z));
  zone_ids_.emplace(std::string(name), id);
  return id;
}

int ZoneResolver::InternSet(ZoneIdSet set) {
  Normalize(set);
  std::string key = absl::StrJoin(set, ",");
  if (auto it = set_ids_.find(key); it != set_ids_.end()) return it->second;
  const int id = static_cast<int>(sets_.size());
  sets_.push_back(std::move(set));
  set_ids_.emplace(std::move(key), id);
  return id;
}

absl::Status ZoneResolver::ParseMapData(std::string_view text) {
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(AbslView(text), '\n')) {
    ++line_no;
    line = absl::StripSuffix(line, "\r");
    if (line.empty() || line[0] == '#' || line[0] != '1') continue;
    const size_t bar = line.find('|');
    uint64_t prefix = 0;
    if (bar == std::string_view::npos || bar > 11 ||
        !absl::SimpleAtoi(line.substr(0, bar), &prefix)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "map_data.txt line ", line_no, ": expected PREFIX|ZONE[&ZONE...]"));
    }
    ZoneIdSet set;
    for (absl::string_view name : absl::StrSplit(line.substr(bar + 1), '&')) {
      auto id = Intern(StdView(name));
      if (!id.ok()) {
        return absl::NotFoundError(absl::StrCat("map_data.txt line ", line_no, ": ",
                                                id.status().message()));
      }
      set.push_back(*id);
    }
    Normalize(set);
    if (bar == 1) {
      lpn_all_ = std::move(set);
    } else if (bar >= 4) {
      lpn_[Key(prefix, static_cast<int>(bar))] = std::move(set);
    }
  }
  if (lpn_all_.empty()) {
    return absl::InvalidArgumentError("map_data.txt: no bare '1|' line (all NANP zones)");
  }
  return absl::OkStatus();
}

absl::Status ZoneResolver::ParseNpaReport(std::string_view text) {
  compliance_internal::CsvReader reader(text);
  std::vector<std::string> f;
  int line = 0;
  std::map<std::string, size_t> col;
  while (reader.Next(&f, &line)) {
    if (col.empty()) {
      if (!f.empty() && f[0] == "NPA_ID") {
        for (size_t i = 0; i < f.size(); ++i) col[f[i]] = i;
        for (const char* need : {"NPA_ID", "USE", "LOCATION", "COUNTRY", "IN_SERVICE",
                                 "OVERLAY_COMPLEX", "TIME_ZONE"}) {
          if (!col.contains(need)) {
            return absl::InvalidArgumentError(
                absl::StrCat("npa_report.csv line ", line, ": no column ", need));
          }
        }
      }
      continue;  // the "File Date" line precedes the header
    }
    auto get = [&](const char* name) -> absl::string_view {
      const size_t i = col[name];
      return i < f.size() ? absl::string_view(f[i]) : absl::string_view();
    };
    int npa = 0;
    if (!absl::SimpleAtoi(get("NPA_ID"), &npa) || npa < 200 || npa > 999) {
      return absl::InvalidArgumentError(absl::StrCat(
          "npa_report.csv line ", line, ": NPA_ID '", get("NPA_ID"), "' is not 200-999"));
    }
    NpaInfo& info = npas_[npa];
    info.in_nanpa = true;
    info.in_service = get("IN_SERVICE") == "Y";
    info.us_geographic = get("USE") == "G" && get("COUNTRY") == "US";
    if (get("COUNTRY") == "US") {
      if (auto s = PackStateCode(StdView(get("LOCATION")))) info.states.push_back(*s);
    }
    auto offsets = ParseNanpaZones(get("TIME_ZONE"), line);
    if (!offsets.ok()) return offsets.status();
    info.offsets = *std::move(offsets);
    for (absl::string_view member : absl::StrSplit(get("OVERLAY_COMPLEX"), '/',
                                                  absl::SkipWhitespace())) {
      int m = 0;
      if (absl::SimpleAtoi(member, &m) && m >= 200 && m <= 999) info.complex.push_back(m);
    }
    if (std::find(info.complex.begin(), info.complex.end(), npa) == info.complex.end()) {
      info.complex.push_back(npa);
    }
  }
  if (col.empty()) return absl::InvalidArgumentError("npa_report.csv: no NPA_ID header");
  return absl::OkStatus();
}

ZoneIdSet ZoneResolver::WithNanpaZones(const ZoneIdSet& lpn, int npa) const {
  ZoneIdSet out = lpn;
  const NpaInfo& info = npas_[npa];
  for (int member : info.complex) {
    for (int offset : npas_[member].offsets) {
      const bool covered = std::any_of(lpn.begin(), lpn.end(), [&](ZoneId z) {
        return zones_[z].standard_offset_seconds == offset;
      });
      if (covered) continue;
      // Prefer the zones libphonenumber already uses inside the complex.
      ZoneIdSet reps;
      for (int other : info.complex) {
        for (ZoneId z : npas_[other].lpn_zones) {
          if (zones_[z].standard_offset_seconds == offset) reps.push_back(z);
        }
      }
      if (reps.empty()) {
        for (StateCode s : info.states) {
          if (auto it = state_default_.find({s, offset}); it != state_default_.end()) {
            reps.push_back(it->second);
          }
        }
      }
      if (reps.empty()) {
        if (auto it = fallback_ids_.find(offset); it != fallback_ids_.end()) {
          reps.push_back(it->second);
        }
      }
      Merge(out, reps);
    }
  }
  Normalize(out);
  return out;
}

absl::Status ZoneResolver::Build() {
  for (const auto& [offset, name] : FallbackZoneByOffset()) {
    auto id = Intern(name);
    if (!id.ok()) return id.status();
    fallback_ids_[offset] = *id;
  }
  // Most common libphonenumber zone per (state, standard offset).
  std::map<std::pair<StateCode, int>, std::map<ZoneId, int>> votes;
  for (const auto& [key, set] : lpn_) {
    const int npa = NpaOfKey(key);
    if (npa < 0 || npa >= 1000) continue;
    npas_[npa].has_lpn = true;
    Merge(npas_[npa].lpn_zones, set);
    if ((key & 15) > 4) npas_[npa].has_long_prefixes = true;
    for (StateCode s : npas_[npa].states) {
      for (ZoneId z : set) ++votes[{s, zones_[z].standard_offset_seconds}][z];
    }
  }
  for (const auto& [state_offset, counts] : votes) {
    const auto best = std::max_element(
        counts.begin(), counts.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    state_default_[state_offset] = best->first;
  }

  for (NpaInfo& info : npas_) Normalize(info.lpn_zones);
  all_set_ = InternSet(lpn_all_);
  for (const auto& [key, set] : lpn_) {
    const int length = static_cast<int>(key & 15);
    if (length < 5) continue;
    prefix_sets_[key] = InternSet(WithNanpaZones(set, NpaOfKey(key)));
  }
  for (int npa = 200; npa < 1000; ++npa) {
    NpaInfo& info = npas_[npa];
    if (auto it = lpn_.find(Key(1000 + npa, 4)); it != lpn_.end()) {
      info.base_set = InternSet(WithNanpaZones(it->second, npa));
    } else if (!info.has_lpn && options_.nanpa_fills_libphonenumber_gaps &&
               !info.offsets.empty()) {
      info.base_set = InternSet(WithNanpaZones({}, npa));
    } else {
      info.base_set = all_set_;
    }
  }
  // A state's zones: everything its in-service NPAs resolve to. An NPA that
  // falls back to "all NANP zones" contributes its NANPA zones instead, so
  // that one new area code does not make the whole state "anywhere".
  std::map<StateCode, ZoneIdSet> by_state;
  for (int npa = 200; npa < 1000; ++npa) {
    const NpaInfo& info = npas_[npa];
    if (!info.in_service || !info.us_geographic) continue;
    ZoneIdSet zones;
    if (info.base_set != all_set_) {
      Merge(zones, sets_[info.base_set]);
    } else if (!info.has_long_prefixes) {
      Merge(zones, WithNanpaZones({}, npa));
    }
    for (const auto& [key, id] : prefix_sets_) {
      if (NpaOfKey(key) == npa) Merge(zones, sets_[id]);
    }
    for (StateCode s : info.states) Merge(by_state[s], zones);
  }
  for (auto& [state, zones] : by_state) {
    Normalize(zones);
    if (zones.empty()) continue;
    if (options_.state_zones == StateZonePolicy::kSingleZoneStatesOnly && zones.size() != 1) {
      continue;
    }
    state_sets_[state] = InternSet(zones);
  }
  return absl::OkStatus();
}

int ZoneResolver::NpaOfKey(uint64_t key) {
  uint64_t digits = key >> 4;
  for (uint64_t i = 4; i < (key & 15); ++i) digits /= 10;
  return static_cast<int>(digits) - 1000;
}

std::optional<ZoneId> ZoneResolver::FindZone(std::string_view name) const {
  if (auto it = zone_ids_.find(AbslView(name)); it != zone_ids_.end()) return it->second;
  absl::MutexLock lock(&extra_mu_);
  if (auto it = extra_ids_.find(AbslView(name)); it != extra_ids_.end()) return it->second;
  if (unknown_names_.contains(AbslView(name))) return std::nullopt;
  Zone z;
  z.name = std::string(name);
  if (!absl::LoadTimeZone(z.name, &z.tz)) {
    if (unknown_names_.size() < 4096) unknown_names_.insert(z.name);
    return std::nullopt;
  }
  const auto id = static_cast<ZoneId>(zones_.size() + extra_zones_.size());
  z.offset_class = id;
  extra_ids_.emplace(z.name, id);
  extra_zones_.push_back(std::move(z));
  return id;
}

ZoneIdSet ZoneResolver::Resolve(const NanpNumber* number, std::string_view state,
                                std::string_view time_zone, bool* time_zone_ok) const {
  ZoneIdSet out;
  if (number != nullptr) {
    const NpaInfo& info = npas_[number->npa];
    int set = info.base_set;
    if (info.has_long_prefixes) {
      const uint64_t digits = 10000000000ULL + number->national;
      uint64_t scale = 1;
      for (int length = 11; length >= 5; --length, scale *= 10) {
        auto it = prefix_sets_.find(Key(digits / scale, length));
        if (it != prefix_sets_.end()) {
          set = it->second;
          break;
        }
      }
    }
    Merge(out, sets_[set >= 0 ? set : all_set_]);
  }
  if (!state.empty()) {
    if (auto code = PackStateCode(state)) {
      if (auto it = state_sets_.find(*code); it != state_sets_.end()) {
        Merge(out, sets_[it->second]);
      }
    }
  }
  if (time_zone_ok != nullptr) *time_zone_ok = true;
  if (!time_zone.empty()) {
    if (auto z = FindZone(time_zone)) {
      out.push_back(*z);
    } else if (time_zone_ok != nullptr) {
      *time_zone_ok = false;
    }
  }
  if (out.empty()) Merge(out, sets_[all_set_]);
  Normalize(out);
  return out;
}

absl::StatusOr<std::vector<std::string>> ZoneResolver::CandidateZones(
    std::string_view phone_e164, std::string_view state, std::string_view /*zip*/,
    std::string_view time_zone) const {
  const auto number = ParseNanpE164(phone_e164);
  if (!number) {
    return absl::InvalidArgumentError(
        absl::StrCat("phone '", AbslView(phone_e164), "' is not a NANP number in E.164 form"));
  }
  bool tz_ok = true;
  const ZoneIdSet ids = Resolve(&*number, state, time_zone, &tz_ok);
  if (!tz_ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("time_zone '", AbslView(time_zone), "' is not an IANA time zone"));
  }
  std::vector<std::string> names;
  for (ZoneId id : ids) names.push_back(zone_name(id));
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<StateCode>& ZoneResolver::StateCodesForAreaCode(int npa) const {
  static const std::vector<StateCode> kNone;
  return npa >= 0 && npa < 1000 ? npas_[npa].states : kNone;
}

std::vector<std::string> ZoneResolver::StatesForAreaCode(int npa) const {
  std::vector<std::string> out;
  for (StateCode s : StateCodesForAreaCode(npa)) out.push_back(UnpackStateCode(s));
  return out;
}

std::vector<int> ZoneResolver::AreaCodesInZone(std::string_view iana_zone) const {
  std::vector<int> out;
  const auto it = zone_ids_.find(AbslView(iana_zone));
  if (it == zone_ids_.end()) return out;
  const ZoneIdSet only{it->second};
  for (int npa = 200; npa < 1000; ++npa) {
    const NpaInfo& info = npas_[npa];
    if (!info.in_service || !info.us_geographic) continue;
    bool single = sets_[info.base_set] == only;
    for (const auto& [key, id] : prefix_sets_) {
      if (single && NpaOfKey(key) == npa) single = sets_[id] == only;
    }
    if (single) out.push_back(npa);
  }
  return out;
}

const absl::TimeZone& ZoneResolver::zone(ZoneId id) const {
  if (id < zones_.size()) return zones_[id].tz;
  absl::MutexLock lock(&extra_mu_);
  return extra_zones_[id - zones_.size()].tz;
}

ZoneId ZoneResolver::offset_class(ZoneId id) const {
  if (id < zones_.size()) return zones_[id].offset_class;
  return id;
}

const std::string& ZoneResolver::zone_name(ZoneId id) const {
  if (id < zones_.size()) return zones_[id].name;
  absl::MutexLock lock(&extra_mu_);
  return extra_zones_[id - zones_.size()].name;
}

}  // namespace dialer::compliance
