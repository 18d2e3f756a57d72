#include "compliance/local_days.h"

#include <algorithm>
#include <array>

namespace dialer::compliance {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return q * b > a ? q - 1 : q;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms"): no civil normalisation.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

absl::CivilDay CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return absl::CivilDay(yoe + era * 400 + (m <= 2), m, d);
}

// One memo entry: for a UTC day (forward) or a local day (backward), the
// Unix second at which it starts in the other frame, valid for the whole
// day when `uniform`.
struct Entry {
  absl::TimeZone tz;
  int64_t day = INT64_MIN;
  int64_t base = 0;  // forward: UTC offset in seconds; backward: Unix second of local 00:00
  bool uniform = false;
};

// Four-way set-associative, per direction: 512 sets x 4 entries (64 KB).
// A busy gate touches a few dozen zones x about ten days; four ways keep
// colliding keys from evicting each other on every call.
constexpr int kSetBits = 9;
constexpr int kWays = 4;

struct Set {
  std::array<Entry, kWays> ways;
  unsigned next = 0;  // the way the next miss replaces (round robin)
};

struct Memo {
  std::array<Set, size_t{1} << kSetBits> forward;
  std::array<Set, size_t{1} << kSetBits> backward;
};

Memo& ThreadMemo() {
  thread_local Memo memo;
  return memo;
}

Set& SetOf(std::array<Set, size_t{1} << kSetBits>& sets, int64_t day, uint32_t hint) {
  const uint64_t h = (static_cast<uint64_t>(day) + (uint64_t{hint} << 32)) * 0x9E3779B97F4A7C15ULL;
  return sets[h >> (64 - kSetBits)];
}

// The entry for (tz, day) if present, else the one to overwrite.
Entry* Find(Set& set, const absl::TimeZone& tz, int64_t day, bool* hit) {
  for (Entry& e : set.ways) {
    if (e.day == day && e.tz == tz) {
      *hit = true;
      return &e;
    }
  }
  *hit = false;
  return &set.ways[set.next++ % kWays];
}

// True iff no offset change happens after `from` and before `from` + 24 h.
// `local` is the civil time at `from`.
bool NoTransitionWithinDay(const absl::TimeZone& tz, absl::Time from, absl::CivilSecond local) {
  absl::TimeZone::CivilTransition next;
  // next.from is the wall time just before the change, in the offset that
  // holds at `from`: the change is within the day iff it is before local+24h.
  return !tz.NextTransition(from, &next) || next.from >= local + kDay;
}

const Entry& Forward(const absl::TimeZone& tz, int64_t utc_day, uint32_t hint) {
  bool hit = false;
  Entry& e = *Find(SetOf(ThreadMemo().forward, utc_day, hint), tz, utc_day, &hit);
  if (hit) return e;
  const absl::Time start = absl::FromUnixSeconds(utc_day * kDay);
  const absl::TimeZone::CivilInfo info = tz.At(start);
  e.tz = tz;
  e.day = utc_day;
  e.base = info.offset;
  e.uniform = NoTransitionWithinDay(tz, start, info.cs);
  return e;
}

const Entry& Backward(const absl::TimeZone& tz, int64_t day, uint32_t hint) {
  bool hit = false;
  Entry& e = *Find(SetOf(ThreadMemo().backward, day, hint), tz, day, &hit);
  if (hit) return e;
  const absl::CivilSecond midnight(ToCivilDay(day));
  const absl::TimeZone::TimeInfo info = tz.At(midnight);
  e.tz = tz;
  e.day = day;
  e.base = absl::ToUnixSeconds(info.pre);
  // Uniform: midnight occurs once and the offset holds until the next one.
  // Then every second s of the day first occurs at midnight + s (a wall time
  // repeated by a change just after the day still first occurs inside it).
  e.uniform = info.kind == absl::TimeZone::TimeInfo::UNIQUE &&
              NoTransitionWithinDay(tz, info.pre, midnight);
  return e;
}

}  // namespace

absl::CivilDay ToCivilDay(int64_t day) { return CivilFromDays(day); }

absl::CivilSecond ToCivilSecond(LocalTime local) {
  const absl::CivilDay d = CivilFromDays(local.day);
  return absl::CivilSecond(d.year(), d.month(), d.day(), local.second / 3600,
                           local.second / 60 % 60, local.second % 60);
}

LocalTime FromCivilSecond(absl::CivilSecond cs) {
  return {DaysFromCivil(cs.year(), cs.month(), cs.day()),
          cs.hour() * 3600 + cs.minute() * 60 + cs.second()};
}

LocalTime LocalTimeAt(const absl::TimeZone& tz, absl::Time t, uint32_t hint) {
  constexpr int64_t kLimit = int64_t{1} << 40;  // 35,000 years: no overflow below
  const int64_t unix = std::clamp<int64_t>(absl::ToUnixSeconds(t), -kLimit, kLimit);  // floor
  const Entry& e = Forward(tz, FloorDiv(unix, kDay), hint);
  if (!e.uniform) return FromCivilSecond(tz.At(absl::FromUnixSeconds(unix)).cs);
  const int64_t local = unix + e.base;
  const int64_t day = FloorDiv(local, kDay);
  return {day, static_cast<int>(local - day * kDay)};
}

std::optional<absl::Time> UniformMidnight(const absl::TimeZone& tz, int64_t day, uint32_t hint) {
  const Entry& e = Backward(tz, day, hint);
  if (!e.uniform) return std::nullopt;
  return absl::FromUnixSeconds(e.base);
}

absl::Time LocalInstant(const absl::TimeZone& tz, int64_t day, int second, uint32_t hint) {
  const Entry& e = Backward(tz, day, hint);
  if (e.uniform) return absl::FromUnixSeconds(e.base + second);
  const absl::TimeZone::TimeInfo info = tz.At(ToCivilSecond({day, second}));
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

}  // namespace dialer::compliance
