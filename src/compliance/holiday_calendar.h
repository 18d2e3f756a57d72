// Holidays on which a state bans sales calls, computed per year.
//
// FederalHolidays(year) is the US federal calendar (5 U.S.C. 6103): New Year,
// Martin Luther King Jr. Day, Washington's Birthday, Memorial Day, Juneteenth,
// Independence Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving and
// Christmas, each with its observed date (Saturday -> Friday before, Sunday
// -> Monday after, Executive Order 11582). Both the actual and the observed
// date count as the holiday: a state ban on "holidays" is read the strict way.
//
// StateHolidays(state, year) is the federal list plus the state's own legal
// holidays for the states whose row in state_calling_rules.csv has
// holidays_restricted=yes (docs/compliance.md gives the list and why):
//   AL  + Mardi Gras, Confederate Memorial Day (4th Mon Apr), Jefferson
//         Davis' Birthday (1st Mon Jun)               (Ala. Code 1-3-8)
//   LA  + Mardi Gras, Good Friday                     (La. R.S. 1:55)
//   PA  + Good Friday, Flag Day (Jun 14), Election Day (1st Tue after 1st
//         Mon Nov)                                    (44 P.S. 11)
//   RI  + Victory Day (2nd Mon Aug), Election Day in even years
//                                                     (R.I. Gen. Laws 25-1-1)
//   UT  + Pioneer Day (Jul 24)                        (Utah Code 63G-1-301)
// Any other state gets the federal list (the stricter reading when a row says
// "yes" but we hold no list for it).
//
// Lookups for 1990-2100 come from bitsets built once; other years are
// computed on the fly.
//
// Immutable after construction: safe to share between threads.
#ifndef DIALER_COMPLIANCE_HOLIDAY_CALENDAR_H_
#define DIALER_COMPLIANCE_HOLIDAY_CALENDAR_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

struct Holiday {
  absl::CivilDay date;
  std::string_view name;  // static storage
  bool observed = false;  // a weekend holiday's weekday stand-in
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// Federal holidays whose actual or observed date falls in `year`, sorted by
// date. (New Year's Day of year+1 observed on Dec 31 is included.)
std::vector<Holiday> FederalHolidays(int year);

// Easter Sunday (Gregorian computus), for Mardi Gras and Good Friday.
absl::CivilDay EasterSunday(int year);

class HolidayCalendar {
 public:
  // The calendar with the states listed above. Never deleted.
  static const HolidayCalendar& Default();

  HolidayCalendar();

  // Holidays of `state` whose date falls in `year`, sorted by date.
  std::vector<Holiday> StateHolidays(StateCode state, int year) const;

  // True iff `day` is a holiday (actual or observed) for `state`.
  bool IsStateHoliday(StateCode state, absl::CivilDay day) const;
  // The same for `day` counted in days since 1970-01-01 (no civil-time
  // normalisation on the hot path of the gate).
  bool IsStateHolidayOnDay(StateCode state, int64_t day) const;

 private:
  static constexpr int kFirstYear = 1990;
  static constexpr int kLastYear = 2100;
  static constexpr int64_t kFirstDayNumber = 7305;  // 1990-01-01 from 1970-01-01
  std::vector<bool> federal_bits_;
  absl::flat_hash_map<StateCode, std::vector<bool>> state_bits_;
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_HOLIDAY_CALENDAR_H_
