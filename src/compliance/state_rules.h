// State calling rules: the rows of shared/data/state_calling_rules.csv.
//
// Each row narrows the federal window for one state (weekday / Saturday /
// Sunday hours, `closed` days), may ban calls on the state's holidays and may
// cap calls per person per subject per rolling 24 hours. A state without a
// row has no stricter rule. Parsing validates every field and names the line
// and column of the first bad one.
//
// Example:
//   absl::StatusOr<StateRules> rules = StateRules::Parse(csv_text);
//   const StateRule* fl = rules->Find(*PackStateCode("FL"));  // cap 3
//
// Immutable after Parse(): safe to share between threads.
#ifndef DIALER_COMPLIANCE_STATE_RULES_H_
#define DIALER_COMPLIANCE_STATE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compliance/daily_window.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

struct StateRule {
  StateCode state = 0;
  // Indexed by absl::Weekday; Monday-Friday share the weekday columns.
  WeeklyWindows windows;
  // holidays_restricted=yes: no calls on the state's holidays (see
  // HolidayCalendar for the list applied per state).
  bool holidays_restricted = false;
  // 0 = no state cap.
  int max_attempts_per_24h = 0;
  std::string source;
  std::string confidence;
};

class StateRules {
 public:
  StateRules() = default;

  // Parses the CSV (header line first). Errors: InvalidArgument naming the
  // line number and column of the first malformed field, or a duplicate
  // state.
  [[nodiscard]] static absl::StatusOr<StateRules> Parse(std::string_view csv);

  // The row for `state`, or nullptr when the state has no stricter rule.
  const StateRule* Find(StateCode state) const {
    const int i = Index(state);
    return i >= 0 && by_code_[i] >= 0 ? &rows_[by_code_[i]] : nullptr;
  }

  const std::vector<StateRule>& rows() const { return rows_; }

 private:
  static int Index(StateCode s) {
    const int a = (s >> 8) - 'A', b = (s & 0xff) - 'A';
    return (a < 0 || a >= 26 || b < 0 || b >= 26) ? -1 : a * 26 + b;
  }

  std::vector<StateRule> rows_;
  std::vector<int> by_code_ = std::vector<int>(26 * 26, -1);
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_STATE_RULES_H_
