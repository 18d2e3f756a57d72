#include "compliance/state_rules.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/absl_view.h"
#include "compliance/internal/csv_reader.h"

namespace dialer::compliance {
namespace {

constexpr std::string_view kHeader =
    "state,weekday_start,weekday_end,saturday_start,saturday_end,sunday_start,"
    "sunday_end,holidays_restricted,max_attempts_per_24h,source,confidence";

absl::StatusOr<int> ParseMinute(absl::string_view s, int line, absl::string_view column) {
  int h = 0, m = 0;
  if (s.size() == 5 && s[2] == ':' && absl::SimpleAtoi(s.substr(0, 2), &h) &&
      absl::SimpleAtoi(s.substr(3, 2), &m) && h >= 0 && h <= 24 && m >= 0 &&
      m < 60 && h * 60 + m <= 24 * 60) {
    return h * 60 + m;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "state rules line ", line, ": column ", column, " '", s,
      "' is not HH:MM or 'closed'"));
}

absl::StatusOr<DailyWindow> ParseWindow(absl::string_view start, absl::string_view end,
                                        int line, absl::string_view day) {
  if (start == "closed" || end == "closed") {
    if (start != end) {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line, ": ", day, "_start and ", day,
          "_end must both be 'closed'"));
    }
    return DailyWindow::Closed();
  }
  auto s = ParseMinute(start, line, absl::StrCat(day, "_start"));
  if (!s.ok()) return s.status();
  auto e = ParseMinute(end, line, absl::StrCat(day, "_end"));
  if (!e.ok()) return e.status();
  if (*e <= *s) {
    return absl::InvalidArgumentError(absl::StrCat(
        "state rules line ", line, ": ", day, " window ", start, "-", end,
        " ends before it starts"));
  }
  return DailyWindow{*s, *e};
}

}  // namespace

absl::StatusOr<StateRules> StateRules::Parse(std::string_view csv) {
  StateRules rules;
  compliance_internal::CsvReader reader(csv);
  std::vector<std::string> f;
  int line_no = 0;
  bool header_seen = false;
  while (reader.Next(&f, &line_no)) {
    if (!header_seen) {
      if (absl::StrJoin(f, ",") != std::string(kHeader)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "state rules line ", line_no, ": expected header '", AbslView(kHeader), "'"));
      }
      header_seen = true;
      continue;
    }
    if (f.size() != 11) {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line_no, ": ", f.size(), " fields, expected 11"));
    }
    StateRule row;
    const auto code = PackStateCode(f[0]);
    if (!code || f[0].size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line_no, ": column state '", f[0],
          "' is not a two-letter code"));
    }
    row.state = *code;
    auto weekday = ParseWindow(f[1], f[2], line_no, "weekday");
    if (!weekday.ok()) return weekday.status();
    auto saturday = ParseWindow(f[3], f[4], line_no, "saturday");
    if (!saturday.ok()) return saturday.status();
    auto sunday = ParseWindow(f[5], f[6], line_no, "sunday");
    if (!sunday.ok()) return sunday.status();
    for (int d = 0; d < 5; ++d) row.windows[d] = *weekday;
    row.windows[5] = *saturday;
    row.windows[6] = *sunday;
    if (f[7] == "yes") {
      row.holidays_restricted = true;
    } else if (f[7] != "no") {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line_no, ": column holidays_restricted '", f[7],
          "' is not yes/no"));
    }
    if (!f[8].empty() &&
        (!absl::SimpleAtoi(f[8], &row.max_attempts_per_24h) ||
         row.max_attempts_per_24h <= 0)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line_no, ": column max_attempts_per_24h '", f[8],
          "' is not a positive integer"));
    }
    row.source = f[9];
    row.confidence = f[10];
    const int i = Index(row.state);
    if (rules.by_code_[i] >= 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "state rules line ", line_no, ": state ", f[0], " appears twice"));
    }
    rules.by_code_[i] = static_cast<int>(rules.rows_.size());
    rules.rows_.push_back(std::move(row));
  }
  if (!header_seen) return absl::InvalidArgumentError("state rules: empty file");
  return rules;
}

}  // namespace dialer::compliance
