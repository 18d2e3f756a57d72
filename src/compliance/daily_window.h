// A daily calling window in local wall-clock time: [start, end) in minutes
// after midnight. Calls are allowed from `start` inclusive to `end`
// exclusive, as in shared/data/state_calling_rules.md.
//
// Plain value: safe to use from any thread.
#ifndef DIALER_COMPLIANCE_DAILY_WINDOW_H_
#define DIALER_COMPLIANCE_DAILY_WINDOW_H_

#include <algorithm>
#include <array>

namespace dialer::compliance {

struct DailyWindow {
  int start_minute = 0;     // 0..1440
  int end_minute = 24 * 60;  // 0..1440; end <= start means closed all day

  static constexpr DailyWindow Closed() { return {0, 0}; }
  static constexpr DailyWindow AllDay() { return {0, 24 * 60}; }

  constexpr bool closed() const { return end_minute <= start_minute; }
  // True iff the second of the day `second_of_day` (0..86399) is inside.
  constexpr bool ContainsSecond(int second_of_day) const {
    return second_of_day >= start_minute * 60 && second_of_day < end_minute * 60;
  }
  constexpr DailyWindow Intersect(const DailyWindow& o) const {
    return {std::max(start_minute, o.start_minute),
            std::min(end_minute, o.end_minute)};
  }
  friend constexpr bool operator==(const DailyWindow&, const DailyWindow&) = default;
};

// The federal window, 08:00-21:00 local time at the called party, every day
// (47 CFR 64.1200(c)(1); 16 CFR 310.4(c)).
inline constexpr DailyWindow kFederalWindow{8 * 60, 21 * 60};

// One window per weekday, indexed by absl::Weekday (Monday = 0 ... Sunday = 6).
using WeeklyWindows = std::array<DailyWindow, 7>;

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DAILY_WINDOW_H_
