#include "compliance/holiday_calendar.h"

#include <algorithm>

#include "compliance/local_days.h"

namespace dialer::compliance {
namespace {

using absl::CivilDay;
using absl::Weekday;

CivilDay NthWeekday(int year, int month, Weekday wd, int n) {
  CivilDay d(year, month, 1);
  while (absl::GetWeekday(d) != wd) ++d;
  return d + 7 * (n - 1);
}

CivilDay LastWeekday(int year, int month, Weekday wd) {
  CivilDay d = CivilDay(year, month + 1, 1) - 1;
  while (absl::GetWeekday(d) != wd) --d;
  return d;
}

// Federal rule (EO 11582): Saturday holidays are observed the Friday before,
// Sunday holidays the Monday after. Alabama (Ala. Code 1-3-8) and Utah use
// the same shift.
void AddWithObserved(std::vector<Holiday>& out, CivilDay d, std::string_view name) {
  out.push_back({d, name, false});
  const Weekday wd = absl::GetWeekday(d);
  if (wd == Weekday::saturday) out.push_back({d - 1, name, true});
  if (wd == Weekday::sunday) out.push_back({d + 1, name, true});
}

// Every holiday "belonging" to `year`, before filtering by calendar year.
void AddFederal(std::vector<Holiday>& out, int year) {
  AddWithObserved(out, CivilDay(year, 1, 1), "New Year's Day");
  if (year >= 1986) {
    AddWithObserved(out, NthWeekday(year, 1, Weekday::monday, 3),
                    "Martin Luther King Jr. Day");
  }
  AddWithObserved(out, NthWeekday(year, 2, Weekday::monday, 3), "Washington's Birthday");
  AddWithObserved(out, LastWeekday(year, 5, Weekday::monday), "Memorial Day");
  if (year >= 2021) AddWithObserved(out, CivilDay(year, 6, 19), "Juneteenth");
  AddWithObserved(out, CivilDay(year, 7, 4), "Independence Day");
  AddWithObserved(out, NthWeekday(year, 9, Weekday::monday, 1), "Labor Day");
  AddWithObserved(out, NthWeekday(year, 10, Weekday::monday, 2), "Columbus Day");
  AddWithObserved(out, CivilDay(year, 11, 11), "Veterans Day");
  AddWithObserved(out, NthWeekday(year, 11, Weekday::thursday, 4), "Thanksgiving Day");
  AddWithObserved(out, CivilDay(year, 12, 25), "Christmas Day");
}

CivilDay ElectionDay(int year) {
  return NthWeekday(year, 11, Weekday::monday, 1) + 1;
}

void AddStateSpecific(std::vector<Holiday>& out, StateCode state, int year) {
  const std::string code = UnpackStateCode(state);
  const CivilDay easter = EasterSunday(year);
  if (code == "AL") {
    out.push_back({easter - 47, "Mardi Gras", false});
    AddWithObserved(out, NthWeekday(year, 4, Weekday::monday, 4), "Confederate Memorial Day");
    AddWithObserved(out, NthWeekday(year, 6, Weekday::monday, 1), "Jefferson Davis' Birthday");
  } else if (code == "LA") {
    out.push_back({easter - 47, "Mardi Gras", false});
    out.push_back({easter - 2, "Good Friday", false});
  } else if (code == "PA") {
    out.push_back({easter - 2, "Good Friday", false});
    AddWithObserved(out, CivilDay(year, 6, 14), "Flag Day");
    out.push_back({ElectionDay(year), "Election Day", false});
  } else if (code == "RI") {
    AddWithObserved(out, NthWeekday(year, 8, Weekday::monday, 2), "Victory Day");
    if (year % 2 == 0) out.push_back({ElectionDay(year), "Election Day", false});
  } else if (code == "UT") {
    AddWithObserved(out, CivilDay(year, 7, 24), "Pioneer Day");
  }
}

std::vector<Holiday> InYear(std::vector<Holiday> all, int year) {
  std::erase_if(all, [year](const Holiday& h) { return h.date.year() != year; });
  std::sort(all.begin(), all.end(), [](const Holiday& a, const Holiday& b) {
    return a.date != b.date ? a.date < b.date : a.name < b.name;
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

constexpr std::string_view kStatesWithLists[] = {"AL", "LA", "PA", "RI", "UT"};

}  // namespace

CivilDay EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDay(year, month, day);
}

std::vector<Holiday> FederalHolidays(int year) {
  std::vector<Holiday> all;
  AddFederal(all, year);
  AddFederal(all, year + 1);  // next New Year's Day observed on Dec 31
  return InYear(std::move(all), year);
}

const HolidayCalendar& HolidayCalendar::Default() {
  static const HolidayCalendar* const calendar = new HolidayCalendar();
  return *calendar;
}

HolidayCalendar::HolidayCalendar() {
  const CivilDay first(kFirstYear, 1, 1);
  const auto days = static_cast<size_t>(CivilDay(kLastYear + 1, 1, 1) - first);
  federal_bits_.assign(days, false);
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    for (const Holiday& h : FederalHolidays(y)) federal_bits_[h.date - first] = true;
  }
  for (std::string_view s : kStatesWithLists) {
    const StateCode code = *PackStateCode(s);
    std::vector<bool> bits = federal_bits_;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      for (const Holiday& h : StateHolidays(code, y)) bits[h.date - first] = true;
    }
    state_bits_.emplace(code, std::move(bits));
  }
}

std::vector<Holiday> HolidayCalendar::StateHolidays(StateCode state, int year) const {
  std::vector<Holiday> all;
  for (int y : {year - 1, year, year + 1}) {
    AddFederal(all, y);
    AddStateSpecific(all, state, y);
  }
  return InYear(std::move(all), year);
}

bool HolidayCalendar::IsStateHoliday(StateCode state, CivilDay day) const {
  static constexpr CivilDay kFirstDay(kFirstYear, 1, 1);  // constexpr: no normalizing per call
  if (day.year() >= kFirstYear && day.year() <= kLastYear) {
    const auto i = static_cast<size_t>(day - kFirstDay);
    const auto it = state_bits_.find(state);
    return it != state_bits_.end() ? it->second[i] : federal_bits_[i];
  }
  for (const Holiday& h : StateHolidays(state, static_cast<int>(day.year()))) {
    if (h.date == day) return true;
  }
  return false;
}

bool HolidayCalendar::IsStateHolidayOnDay(StateCode state, int64_t day) const {
  const int64_t i = day - kFirstDayNumber;
  if (i >= 0 && i < static_cast<int64_t>(federal_bits_.size())) {
    const auto it = state_bits_.find(state);
    return it != state_bits_.end() ? it->second[i] : federal_bits_[i];
  }
  return IsStateHoliday(state, ToCivilDay(day));
}

}  // namespace dialer::compliance
