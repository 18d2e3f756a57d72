// The memoised local-time arithmetic must answer exactly as absl does, on
// every US zone, across both 2026 transitions, and whatever the memo held
// before (other zones, other days, colliding slots).
#include "compliance/local_days.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

const std::vector<std::string>& Zones() {
  static const auto* zones = new std::vector<std::string>{
      "America/New_York",    "America/Chicago",       "America/Denver",
      "America/Phoenix",     "America/Los_Angeles",   "America/Anchorage",
      "America/Adak",        "Pacific/Honolulu",      "America/Boise",
      "America/Detroit",     "America/Indiana/Indianapolis", "America/Indiana/Knox",
      "America/Indiana/Tell_City", "America/Kentucky/Louisville", "America/Menominee",
      "America/North_Dakota/Center", "America/Juneau", "America/Puerto_Rico",
      "Pacific/Guam",        "Pacific/Pago_Pago",     "America/Halifax",
      "America/St_Johns",    "UTC",
      // Transitions at midnight, a half-hour DST, southern DST.
      "America/Santiago",    "Australia/Lord_Howe",   "Asia/Gaza"};
  return *zones;
}

absl::TimeZone Load(const std::string& name) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(name, &tz)) << name;
  return tz;
}

absl::Time AbslInstant(const absl::TimeZone& tz, absl::CivilSecond cs) {
  const absl::TimeZone::TimeInfo info = tz.At(cs);
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

TEST(LocalDaysTest, DayNumbersAndWeekdays) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) {
    const int64_t day = static_cast<int64_t>(rng() % 200000) - 100000;
    const absl::CivilDay civil = absl::CivilDay(1970, 1, 1) + day;
    ASSERT_EQ(ToCivilDay(day), civil) << day;
    ASSERT_EQ(WeekdayOf(day), static_cast<int>(absl::GetWeekday(civil))) << day;
    const int second = static_cast<int>(rng() % 86400);
    const absl::CivilSecond cs = absl::CivilSecond(civil) + second;
    ASSERT_EQ(ToCivilSecond({day, second}), cs);
    ASSERT_EQ(FromCivilSecond(cs), (LocalTime{day, second}));
  }
}

// Every zone, every minute (and the seconds around each transition) of the
// four days around each 2026 US transition, both directions.
TEST(LocalDaysTest, MatchesAbslAroundThe2026Transitions) {
  for (size_t z = 0; z < Zones().size(); ++z) {
    const absl::TimeZone tz = Load(Zones()[z]);
    SCOPED_TRACE(Zones()[z]);
    for (absl::CivilDay anchor : {absl::CivilDay(2026, 3, 8), absl::CivilDay(2026, 11, 1),
                                  absl::CivilDay(2026, 4, 5), absl::CivilDay(2026, 10, 4)}) {
      const absl::Time begin = absl::FromCivil(anchor - 2, absl::UTCTimeZone());
      for (absl::Time t = begin; t < begin + absl::Hours(96); t += absl::Seconds(59)) {
        const LocalTime got = LocalTimeAt(tz, t, static_cast<uint32_t>(z));
        ASSERT_EQ(ToCivilSecond(got), tz.At(t).cs) << t;
      }
      for (int d = -2; d <= 2; ++d) {
        const absl::CivilDay day = anchor + d;
        const int64_t n = FromCivilSecond(absl::CivilSecond(day)).day;
        for (int second = 0; second < 86400; second += 37) {
          const absl::Time got = LocalInstant(tz, n, second, static_cast<uint32_t>(z));
          ASSERT_EQ(got, AbslInstant(tz, absl::CivilSecond(day) + second))
              << day << " +" << second;
        }
      }
    }
  }
}

// Random zones, instants and wall times over 1960-2090, interleaved so the
// memo sees collisions and stale slots; every answer checked against absl.
TEST(LocalDaysTest, MatchesAbslOnRandomInputs) {
  std::vector<absl::TimeZone> zones;
  for (const std::string& name : Zones()) zones.push_back(Load(name));
  std::mt19937_64 rng(2026);
  const int64_t kSpan = 130LL * 365 * 86400;
  const absl::Time kBegin = absl::FromCivil(absl::CivilSecond(1960, 1, 1, 0, 0, 0),
                                            absl::UTCTimeZone());
  for (int i = 0; i < 200000; ++i) {
    const size_t z = rng() % zones.size();
    const uint32_t hint = rng() % 4 == 0 ? 7 : static_cast<uint32_t>(z);  // forced collisions
    const absl::TimeZone& tz = zones[z];
    const absl::Time t = kBegin + absl::Seconds(static_cast<int64_t>(rng() % kSpan)) +
                         absl::Milliseconds(static_cast<int64_t>(rng() % 1000));
    ASSERT_EQ(ToCivilSecond(LocalTimeAt(tz, t, hint)), tz.At(t).cs) << Zones()[z] << " " << t;
    const absl::CivilSecond cs = tz.At(t).cs + static_cast<int64_t>(rng() % 7200) - 3600;
    const LocalTime local = FromCivilSecond(cs);
    ASSERT_EQ(LocalInstant(tz, local.day, local.second, hint), AbslInstant(tz, cs))
        << Zones()[z] << " " << cs;
  }
}

TEST(LocalDaysTest, InfiniteInstantsAreClamped) {
  const absl::TimeZone tz = Load("America/New_York");
  const absl::Time far = absl::FromUnixSeconds(int64_t{1} << 40);
  EXPECT_EQ(LocalTimeAt(tz, absl::InfiniteFuture()), LocalTimeAt(tz, far));
  EXPECT_EQ(ToCivilSecond(LocalTimeAt(tz, far)), tz.At(far).cs);
  EXPECT_EQ(LocalTimeAt(tz, absl::InfinitePast()), LocalTimeAt(tz, absl::FromUnixSeconds(-(int64_t{1} << 40))));
}

}  // namespace
}  // namespace dialer::compliance
