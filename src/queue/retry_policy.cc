#include "queue/retry_policy.h"

#include <algorithm>
#include <array>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/absl_view.h"

namespace dialer::queue {
namespace {

constexpr std::array<std::string_view, 4> kTerminal = {
    "connected", "meeting_booked", "not_interested", "dnc"};
// Terminal for the number, not the person: try the next number if any.
constexpr std::array<std::string_view, 2> kBadNumber = {"wrong_number",
                                                       "bad_data"};

bool Contains(absl::Span<const std::string_view> codes, std::string_view c) {
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

RetryDecision NoRetry(std::string reason) {
  return RetryDecision{false, Priority::kRetry, absl::InfiniteFuture(),
                       std::move(reason)};
}

}  // namespace

bool IsTerminalStandardDisposition(std::string_view code) {
  return Contains(kTerminal, code);
}

absl::Time CampaignDayStart(absl::Time t, absl::TimeZone day_zone) {
  return absl::FromCivil(absl::ToCivilDay(t, day_zone), day_zone);
}

absl::StatusOr<RetryDecision> NextAttempt(
    const RetryRules& rules, absl::Span<const CustomDisposition> custom,
    absl::TimeZone day_zone, const AttemptOutcome& outcome, Reason reason) {
  const bool explain = reason == Reason::kExplain;
  if (outcome.attempts_so_far < 0 || outcome.attempts_today < 0 ||
      outcome.recycles_so_far < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "attempt counters must not be negative (attempts_so_far ",
        outcome.attempts_so_far, ", attempts_today ", outcome.attempts_today,
        ", recycles_so_far ", outcome.recycles_so_far, ")"));
  }
  const std::string_view code = outcome.disposition;
  const absl::string_view quoted = AbslView(code);

  if (code == "callback") {
    if (outcome.callback_at == absl::InfinitePast() ||
        outcome.callback_at == absl::InfiniteFuture()) {
      return absl::InvalidArgumentError(
          "disposition 'callback' needs a finite callback_at");
    }
    return RetryDecision{true, Priority::kCallback,
                         std::max(outcome.callback_at, outcome.now),
                         explain ? "callback at the requested time" : ""};
  }
  if (IsTerminalStandardDisposition(code)) {
    return NoRetry(explain ? absl::StrCat("terminal disposition '", quoted, "'")
                           : std::string());
  }
  const auto custom_it =
      std::find_if(custom.begin(), custom.end(),
                   [code](const CustomDisposition& d) { return d.code == code; });
  if (custom_it != custom.end() && custom_it->terminal) {
    return NoRetry(explain ? absl::StrCat("terminal custom disposition '",
                                          quoted, "'")
                           : std::string());
  }
  const bool bad_number = Contains(kBadNumber, code);
  if (bad_number && !outcome.alternate_number_left) {
    return NoRetry(
        explain ? absl::StrCat("'", quoted, "' and no alternate number is left")
                : std::string());
  }

  // The daily cap holds for every path below, recycling included.
  absl::Time not_before = outcome.now;
  if (rules.max_attempts_per_day > 0 &&
      outcome.attempts_today >= rules.max_attempts_per_day) {
    not_before = std::max(
        not_before,
        absl::FromCivil(absl::ToCivilDay(outcome.now, day_zone) + 1, day_zone));
  }

  if (rules.max_attempts > 0) {
    const int64_t budget =
        int64_t{rules.max_attempts} * (int64_t{outcome.recycles_so_far} + 1);
    if (outcome.attempts_so_far >= budget) {
      const bool recycles = rules.recycle_after > absl::ZeroDuration() &&
                            outcome.recycles_so_far < rules.max_recycles;
      if (!recycles) {
        return NoRetry(explain ? absl::StrCat("attempts used up (",
                                              outcome.attempts_so_far, " of ",
                                              budget, ")")
                               : std::string());
      }
      return RetryDecision{
          true, Priority::kRecycled,
          std::max(outcome.last_attempt + rules.recycle_after, not_before),
          explain ? absl::StrCat("attempts used up; recycle ",
                                 outcome.recycles_so_far + 1, " of ",
                                 rules.max_recycles, " after ",
                                 absl::FormatDuration(rules.recycle_after))
                  : std::string()};
    }
  }

  absl::Duration delay = rules.min_delay;
  std::string why;
  if (bad_number) {
    delay = absl::ZeroDuration();
    if (explain) why = absl::StrCat("'", quoted, "': next number now");
  } else if (custom_it != custom.end() &&
             custom_it->retry_after > absl::ZeroDuration()) {
    delay = custom_it->retry_after;
    if (explain) {
      why = absl::StrCat("'", quoted, "' retries after ",
                         absl::FormatDuration(delay));
    }
  } else if (auto rule = rules.by_disposition.find(std::string(code));
             rule != rules.by_disposition.end()) {
    delay = rule->second;
    if (explain) {
      why = absl::StrCat("'", quoted, "' retries after ",
                         absl::FormatDuration(delay));
    }
  } else if (!rules.schedule.empty()) {
    const size_t index = std::min<size_t>(
        std::max(outcome.attempts_so_far, 1) - 1, rules.schedule.size() - 1);
    delay = std::max(rules.schedule[index], rules.min_delay);
    if (explain) {
      why = absl::StrCat("attempt ", outcome.attempts_so_far + 1, " after ",
                         absl::FormatDuration(delay), " by schedule");
    }
  } else if (explain) {
    why = absl::StrCat("retry after min_delay ", absl::FormatDuration(delay));
  }
  const absl::Time due = std::max(outcome.last_attempt + delay, not_before);
  if (explain && due > outcome.last_attempt + delay &&
      not_before > outcome.now) {
    absl::StrAppend(&why, "; daily cap ", rules.max_attempts_per_day,
                    " reached, next day");
  }
  return RetryDecision{true, outcome.hot ? Priority::kHot : Priority::kRetry,
                       due, std::move(why)};
}

}  // namespace dialer::queue
