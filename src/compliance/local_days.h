// Exact local wall-time arithmetic for the gate, memoised per thread.
//
// The gate asks two questions many times per decision: the local wall time
// of an instant in a zone, and the instant at which a local wall time of a
// given day first occurs. absl::TimeZone answers both exactly, but each
// answer costs a transition search plus civil-time normalisation. On almost
// every day a zone keeps one UTC offset from local midnight to the next
// (a "uniform" day); then both answers are one addition from the instant of
// local midnight. This memoises, per (zone, day), that instant and whether
// the day is uniform (checked with TimeZone::NextTransition), and asks absl
// itself for everything else, so every answer equals absl's:
//   LocalTimeAt(tz, t)          == tz.At(t).cs
//   LocalInstant(tz, day, sec)  == the absl::TimeInfo of that civil second:
//                                  .pre (unique or repeated: the first
//                                  occurrence), .trans when skipped (the
//                                  instant the clock jumps past it).
// tests/compliance/local_days_test.cc checks both against absl for every US
// zone around both 2026 transitions and on random inputs.
//
// Days are counted from 1970-01-01 (day 0, a Thursday) in local time;
// seconds of the day run 0..86399.
//
// Thread-safety: the memo is thread_local; the functions may be called from
// any number of threads at once. Entries depend only on the tz data (which
// absl never unloads) and are keyed by the zone's identity (TimeZone ==),
// verified on every hit, so a memo can never answer for another zone.
#ifndef DIALER_COMPLIANCE_LOCAL_DAYS_H_
#define DIALER_COMPLIANCE_LOCAL_DAYS_H_

#include <cstdint>
#include <optional>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace dialer::compliance {

struct LocalTime {
  int64_t day = 0;  // days since 1970-01-01, local
  int second = 0;   // 0..86399
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

// Local wall time of `t` in `tz`; instants more than 2^40 s (35,000 years)
// from 1970 are clamped to that range (infinite ones included). `hint` spreads zones over the memo (any
// value is correct; a stable per-zone number such as a ZoneId is fast).
LocalTime LocalTimeAt(const absl::TimeZone& tz, absl::Time t, uint32_t hint = 0);

// First instant at which the local wall clock of `tz` reads (day, second),
// or the instant it jumps past it (see above).
absl::Time LocalInstant(const absl::TimeZone& tz, int64_t day, int second,
                        uint32_t hint = 0);

// The instant of local midnight of `day` when the whole day keeps one UTC
// offset (then second s of the day is exactly midnight + s, and no other
// instant has that wall time first), else nullopt.
std::optional<absl::Time> UniformMidnight(const absl::TimeZone& tz, int64_t day,
                                          uint32_t hint = 0);

// Weekday of a local day, numbered as absl::Weekday (Monday = 0).
inline int WeekdayOf(int64_t day) {
  const int64_t w = (day + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
}

// Conversions to and from absl civil times.
absl::CivilSecond ToCivilSecond(LocalTime local);
absl::CivilDay ToCivilDay(int64_t day);
LocalTime FromCivilSecond(absl::CivilSecond cs);

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_LOCAL_DAYS_H_
