// What happens to a contact after an attempt: back into the queue in which
// class and when, or not at all. Applies a campaign's RetryRules
// (include/dialer/config.h); pure, time is an argument.
//
// The decision, in order:
//  1. "callback": class kCallback at the requested time (never earlier; now
//     if it is already past). A callback is a promise the person asked for:
//     attempt budgets and the daily cap do not apply to it.
//  2. Terminal dispositions: "connected", "meeting_booked",
//     "not_interested", "dnc", and a campaign's custom terminal codes: no
//     retry. "wrong_number" and "bad_data" are terminal unless the contact
//     has an alternate number left; then the next number is tried at once
//     (still subject to the budgets below).
//  3. Budget. One counter of attempts for all dispositions (per-disposition
//     rules choose a delay, never extra attempts: budgets do not stack).
//     With max_attempts used up in the current round, the contact is
//     recycled (class kRecycled, `recycle_after` after its last attempt,
//     which opens a new round of max_attempts) if the campaign recycles and
//     `max_recycles` is not used up; otherwise no retry.
//  4. Delay after the last attempt: the custom disposition's retry_after, or
//     RetryRules::by_disposition[code], or the schedule entry for the attempt
//     number (raised to min_delay), or min_delay.
//  5. Daily cap: when max_attempts_per_day attempts were made on the current
//     day, not before the next day starts (00:00 in `day_zone`: the
//     campaign's day boundary; pass the contact's zone to count person-days).
//  6. Class kHot if the contact is hot, else kRetry; due never before now.
// A limit of 0 or less (max_attempts, max_attempts_per_day) means no limit.
//
// Thread-safe: pure functions.
#ifndef DIALER_QUEUE_RETRY_POLICY_H_
#define DIALER_QUEUE_RETRY_POLICY_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "dialer/config.h"
#include "queue/priority.h"

namespace dialer::queue {

// What the engine knows about the attempt that just ended.
struct AttemptOutcome {
  std::string_view disposition;  // code recorded for the attempt
  // Attempts ever made to this contact in this campaign, this one included,
  // across recycles and phone numbers.
  int attempts_so_far = 0;
  // Those made since CampaignDayStart(now, day_zone), this one included.
  int attempts_today = 0;
  int recycles_so_far = 0;  // times the contact was recycled already
  absl::Time last_attempt;  // when this attempt was placed
  absl::Time now;           // when the decision is made
  // The time the person asked for; REQUIRED for "callback".
  absl::Time callback_at = absl::InfinitePast();
  bool alternate_number_left = false;  // for "wrong_number" / "bad_data"
  bool hot = false;                    // retries go to kHot instead of kRetry
};

struct RetryDecision {
  bool retry = false;
  Priority priority = Priority::kRetry;  // meaningful iff retry
  absl::Time due = absl::InfiniteFuture();  // meaningful iff retry
  std::string reason;  // one line for logs and the audit trail
};

// Whether NextAttempt writes RetryDecision::reason. Formatting it (durations
// included) costs more than the decision; the engine, which does not log
// it, asks for kSkip: the decision is the same, the reason empty.
enum class Reason { kExplain, kSkip };

// Decides the next attempt. `custom` are the campaign's custom
// dispositions (CampaignConfig::custom_dispositions).
// Errors: InvalidArgument for "callback" without a finite callback_at, and
// for negative attempt counters; the message names the field.
[[nodiscard]] absl::StatusOr<RetryDecision> NextAttempt(
    const RetryRules& rules, absl::Span<const CustomDisposition> custom,
    absl::TimeZone day_zone, const AttemptOutcome& outcome,
    Reason reason = Reason::kExplain);

// Start of the day containing `t` in `day_zone` (00:00 local, or the first
// instant of the day when a DST change skips midnight): where
// `attempts_today` starts counting.
absl::Time CampaignDayStart(absl::Time t, absl::TimeZone day_zone);

// True iff `code` ends the contact's calling in every campaign.
bool IsTerminalStandardDisposition(std::string_view code);

}  // namespace dialer::queue

#endif  // DIALER_QUEUE_RETRY_POLICY_H_
