#include "compliance/holiday_calendar.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

using absl::CivilDay;

bool HasDate(const std::vector<Holiday>& hs, CivilDay d) {
  for (const Holiday& h : hs) {
    if (h.date == d) return true;
  }
  return false;
}

StateCode S(const char* s) { return *PackStateCode(s); }

// 5 U.S.C. 6103(a) dates for 2026, observed per Executive Order 11582.
TEST(HolidayCalendarTest, FederalHolidays2026Per5USC6103) {
  const auto h = FederalHolidays(2026);
  for (CivilDay d : {CivilDay(2026, 1, 1), CivilDay(2026, 1, 19), CivilDay(2026, 2, 16),
                     CivilDay(2026, 5, 25), CivilDay(2026, 6, 19), CivilDay(2026, 7, 4),
                     CivilDay(2026, 7, 3), CivilDay(2026, 9, 7), CivilDay(2026, 10, 12),
                     CivilDay(2026, 11, 11), CivilDay(2026, 11, 26),
                     CivilDay(2026, 12, 25)}) {
    EXPECT_TRUE(HasDate(h, d)) << d;
  }
  EXPECT_EQ(h.size(), 12u);  // 11 + Independence Day observed on Friday Jul 3
  EXPECT_FALSE(HasDate(h, CivilDay(2026, 7, 5)));
}

TEST(HolidayCalendarTest, SaturdayNewYearObservedOnPreviousDecember31) {
  // 2028-01-01 is a Saturday.
  EXPECT_TRUE(HasDate(FederalHolidays(2027), CivilDay(2027, 12, 31)));
  EXPECT_FALSE(HasDate(FederalHolidays(2028), CivilDay(2027, 12, 31)));
  // 2023-01-01 was a Sunday: observed Monday Jan 2.
  EXPECT_TRUE(HasDate(FederalHolidays(2023), CivilDay(2023, 1, 2)));
}

TEST(HolidayCalendarTest, JuneteenthOnlyFrom2021) {
  EXPECT_FALSE(HasDate(FederalHolidays(2020), CivilDay(2020, 6, 19)));
  EXPECT_TRUE(HasDate(FederalHolidays(2021), CivilDay(2021, 6, 18)));  // Sat -> Fri
}

TEST(HolidayCalendarTest, EasterComputus) {
  EXPECT_EQ(EasterSunday(2024), CivilDay(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), CivilDay(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), CivilDay(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2038), CivilDay(2038, 4, 25));
}

TEST(HolidayCalendarTest, StateHolidaysAddTheirOwnDays) {
  const HolidayCalendar& c = HolidayCalendar::Default();
  // La. R.S. 1:55: Mardi Gras 2026-02-17, Good Friday 2026-04-03.
  EXPECT_TRUE(c.IsStateHoliday(S("LA"), CivilDay(2026, 2, 17)));
  EXPECT_TRUE(c.IsStateHoliday(S("LA"), CivilDay(2026, 4, 3)));
  // Utah Code 63G-1-301: Pioneer Day.
  EXPECT_TRUE(c.IsStateHoliday(S("UT"), CivilDay(2026, 7, 24)));
  EXPECT_FALSE(c.IsStateHoliday(S("PA"), CivilDay(2026, 7, 24)));
  // 44 P.S. 11: Flag Day, Election Day 2026-11-03.
  EXPECT_TRUE(c.IsStateHoliday(S("PA"), CivilDay(2026, 6, 14)));
  EXPECT_TRUE(c.IsStateHoliday(S("PA"), CivilDay(2026, 6, 15)));  // Sunday -> Monday
  EXPECT_TRUE(c.IsStateHoliday(S("PA"), CivilDay(2026, 11, 3)));
  // R.I. Gen. Laws 25-1-1: Victory Day, 2nd Monday of August.
  EXPECT_TRUE(c.IsStateHoliday(S("RI"), CivilDay(2026, 8, 10)));
  // Ala. Code 1-3-8: Confederate Memorial Day, 4th Monday of April.
  EXPECT_TRUE(c.IsStateHoliday(S("AL"), CivilDay(2026, 4, 27)));
  // A state without its own list gets the federal list.
  EXPECT_TRUE(c.IsStateHoliday(S("NY"), CivilDay(2026, 11, 26)));
  EXPECT_FALSE(c.IsStateHoliday(S("NY"), CivilDay(2026, 11, 27)));
}

TEST(HolidayCalendarTest, BitsetsAgreeWithComputationOutsideTheirRange) {
  const HolidayCalendar& c = HolidayCalendar::Default();
  for (int year : {1985, 2150}) {
    for (const Holiday& h : c.StateHolidays(S("UT"), year)) {
      EXPECT_TRUE(c.IsStateHoliday(S("UT"), h.date)) << h.date;
    }
  }
  for (int year = 2020; year <= 2030; ++year) {
    for (CivilDay d(year, 1, 1); d.year() == year; ++d) {
      EXPECT_EQ(c.IsStateHoliday(S("AL"), d), HasDate(c.StateHolidays(S("AL"), year), d)) << d;
    }
  }
}

}  // namespace
}  // namespace dialer::compliance
