#include "dialer/config.h"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/disposition_codes.h"
#include "core/e164.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace dialer {
inline namespace v1 {
namespace {

constexpr int kMinLinesPerAgent = 1;
constexpr int kMaxLinesPerAgent = 10;
constexpr absl::Duration kMaxAutoAdvanceDelay = absl::Seconds(60);
constexpr absl::Duration kMaxPreview = absl::Seconds(300);
constexpr absl::Duration kMaxRingTimeout = absl::Seconds(120);
// 47 CFR 64.1200(a)(7): at most 3% of live answers abandoned per campaign
// per 30 days; a campaign may hold itself to a stricter limit only.
constexpr double kMaxAbandonLimit = 0.03;

class Checker {
 public:
  explicit Checker(absl::string_view campaign_id)
      : prefix_(absl::StrCat("campaign '", campaign_id, "': ")) {}

  absl::Status Bad(absl::string_view field, absl::string_view is,
                   absl::string_view expected) const {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix_, field, " is ", is, ", expected ", expected));
  }

  absl::Status DurationIn(absl::string_view field, absl::Duration d,
                          absl::Duration min, absl::Duration max) const {
    if (d >= min && d <= max) return absl::OkStatus();
    return Bad(field, absl::FormatDuration(d),
               absl::StrCat(absl::FormatDuration(min), " to ",
                            absl::FormatDuration(max)));
  }

  absl::Status NonNegative(absl::string_view field, absl::Duration d) const {
    if (d >= absl::ZeroDuration()) return absl::OkStatus();
    return Bad(field, absl::FormatDuration(d), "0s or more");
  }

  // A delay the queue adds to a time: an infinite one would make the due
  // time infinite, which the queue refuses.
  absl::Status FiniteNonNegative(absl::string_view field,
                                 absl::Duration d) const {
    if (d == absl::InfiniteDuration() || d == -absl::InfiniteDuration()) {
      return Bad(field, absl::FormatDuration(d), "a finite delay");
    }
    return NonNegative(field, d);
  }

  absl::Status AtLeastOne(absl::string_view field, int n) const {
    if (n >= 1) return absl::OkStatus();
    return Bad(field, absl::StrCat(n), "1 or more");
  }

 private:
  std::string prefix_;
};

absl::Status ValidateWrapUp(const Checker& check, const WrapUpConfig& w) {
  if (w.mode != WrapUpConfig::Mode::kAuto &&
      w.mode != WrapUpConfig::Mode::kManual) {
    return check.Bad("wrap_up.mode", absl::StrCat(static_cast<int>(w.mode)),
                     "auto or manual");
  }
  if (auto s =
          check.NonNegative("wrap_up.auto_ready_after", w.auto_ready_after);
      !s.ok()) {
    return s;
  }
  if (auto s = check.NonNegative("wrap_up.max", w.max); !s.ok()) return s;
  // In manual mode auto_ready_after is unused, so it cannot contradict max.
  if (w.mode == WrapUpConfig::Mode::kAuto && w.max > absl::ZeroDuration() &&
      w.auto_ready_after > w.max) {
    return check.Bad("wrap_up.auto_ready_after",
                     absl::FormatDuration(w.auto_ready_after),
                     absl::StrCat("at most wrap_up.max (",
                                  absl::FormatDuration(w.max), ")"));
  }
  return absl::OkStatus();
}

absl::Status ValidateCustomDispositions(
    const Checker& check, const std::vector<CustomDisposition>& customs) {
  std::set<absl::string_view> seen;
  for (size_t i = 0; i < customs.size(); ++i) {
    const CustomDisposition& c = customs[i];
    const std::string field = absl::StrCat("custom_dispositions[", i, "]");
    if (!core::IsSnakeCase(c.code)) {
      return check.Bad(absl::StrCat(field, ".code"),
                       absl::StrCat("'", c.code, "'"),
                       "snake_case (lower-case letters, digits, single "
                       "underscores, starting with a letter)");
    }
    if (core::IsStandardDispositionCode(c.code) ||
        core::IsSystemDispositionCode(c.code)) {
      return check.Bad(absl::StrCat(field, ".code"),
                       absl::StrCat("'", c.code, "'"),
                       "a code that is not a standard or system disposition");
    }
    if (!seen.insert(c.code).second) {
      return check.Bad(absl::StrCat(field, ".code"),
                       absl::StrCat("'", c.code, "'"),
                       "a code unique in the campaign (it is repeated)");
    }
    if (auto s = check.FiniteNonNegative(absl::StrCat(field, ".retry_after"),
                                         c.retry_after);
        !s.ok()) {
      return s;
    }
    if (c.terminal && c.retry_after > absl::ZeroDuration()) {
      return check.Bad(absl::StrCat(field, ".retry_after"),
                       absl::FormatDuration(c.retry_after),
                       "0s for a terminal disposition");
    }
    for (size_t j = 0; j < c.required_fields.size(); ++j) {
      if (c.required_fields[j].empty()) {
        return check.Bad(absl::StrCat(field, ".required_fields[", j, "]"),
                         "empty", "a field name");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateRetry(const Checker& check, const RetryRules& r,
                           const std::vector<CustomDisposition>& customs) {
  if (auto s = check.AtLeastOne("retry.max_attempts", r.max_attempts);
      !s.ok()) {
    return s;
  }
  if (auto s = check.AtLeastOne("retry.max_attempts_per_day",
                                r.max_attempts_per_day);
      !s.ok()) {
    return s;
  }
  if (auto s = check.FiniteNonNegative("retry.min_delay", r.min_delay);
      !s.ok()) {
    return s;
  }
  for (const auto& [code, delay] : r.by_disposition) {
    const std::string field =
        absl::StrCat("retry.by_disposition['", code, "']");
    bool known = core::IsStandardDispositionCode(code) ||
                 core::IsSystemDispositionCode(code);
    for (const CustomDisposition& c : customs) known = known || c.code == code;
    if (!known) {
      return check.Bad(field, "for an unknown code",
                       "a standard, system or custom disposition code");
    }
    if (auto s = check.FiniteNonNegative(field, delay); !s.ok()) return s;
  }
  for (size_t k = 0; k < r.schedule.size(); ++k) {
    if (auto s = check.FiniteNonNegative(
            absl::StrCat("retry.schedule[", k, "]"), r.schedule[k]);
        !s.ok()) {
      return s;
    }
  }
  if (auto s = check.FiniteNonNegative("retry.recycle_after", r.recycle_after);
      !s.ok()) {
    return s;
  }
  if (r.max_recycles < 0) {
    return check.Bad("retry.max_recycles", absl::StrCat(r.max_recycles),
                     "0 or more");
  }
  return absl::OkStatus();
}

absl::Status ValidateGeneralCap(const Checker& check,
                                const CallFrequencyCap& cap) {
  if (cap.count < 0) {
    return check.Bad("general_cap.count", absl::StrCat(cap.count),
                     "0 (no cap) or more");
  }
  if (cap.count > 0) {
    if (auto s = check.FiniteNonNegative("general_cap.window", cap.window);
        !s.ok()) {
      return s;
    }
    if (cap.window == absl::ZeroDuration()) {
      return check.Bad("general_cap.window", "0s",
                       "a window longer than 0s when count is set");
    }
  }
  return check.FiniteNonNegative("general_cap.cool_off_after_conversation",
                                 cap.cool_off_after_conversation);
}

}  // namespace

absl::Status CampaignConfig::Validate() const {
  if (id.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("campaign '' (name '", name,
                     "'): id is empty, expected a non-empty id"));
  }
  const Checker check(id);

  switch (mode) {
    case DialMode::kPower:
    case DialMode::kPredictive:
      // Power dials one line per agent and predictive computes its lines, so
      // lines_per_agent is ignored there.
      break;
    case DialMode::kParallel:
      if (lines_per_agent < kMinLinesPerAgent ||
          lines_per_agent > kMaxLinesPerAgent) {
        return check.Bad("lines_per_agent", absl::StrCat(lines_per_agent),
                         absl::StrCat(kMinLinesPerAgent, "-", kMaxLinesPerAgent,
                                      " in parallel mode"));
      }
      break;
    default:
      return check.Bad("mode", absl::StrCat(static_cast<int>(mode)),
                       "power, parallel or predictive");
  }

  if (auto s = check.DurationIn("auto_advance_delay", auto_advance_delay,
                                absl::ZeroDuration(), kMaxAutoAdvanceDelay);
      !s.ok()) {
    return s;
  }
  if (auto s = check.DurationIn("preview", preview, absl::ZeroDuration(),
                                kMaxPreview);
      !s.ok()) {
    return s;
  }
  // A positive value under 15 s is raised to 15 s by the engine, not
  // rejected; zero or negative is a mistake, not a short timeout.
  if (ring_timeout <= absl::ZeroDuration() || ring_timeout > kMaxRingTimeout) {
    return check.Bad("ring_timeout", absl::FormatDuration(ring_timeout),
                     absl::StrCat("more than 0s and at most ",
                                  absl::FormatDuration(kMaxRingTimeout)));
  }
  // Written so that NaN fails too.
  if (!(abandon_limit > 0 && abandon_limit <= kMaxAbandonLimit)) {
    return check.Bad("abandon_limit", absl::StrCat(abandon_limit),
                     absl::StrCat("more than 0 and at most ", kMaxAbandonLimit,
                                  " (FCC 3% cap)"));
  }
  if (!pacer.empty() && pacer != "predictive" && pacer != "baseline-ratio" &&
      pacer != "baseline-adaptive") {
    return check.Bad("pacer", absl::StrCat("'", pacer, "'"),
                     "empty, predictive, baseline-ratio or baseline-adaptive");
  }
  if (!(detector_false_positive_rate >= 0 &&
        detector_false_positive_rate <= 0.5)) {
    return check.Bad("detector_false_positive_rate",
                     absl::StrCat(detector_false_positive_rate), "0-0.5");
  }
  // Infinite is accepted for both: the owner only, and no idle alert.
  if (auto s = check.NonNegative("callback_owner_grace", callback_owner_grace);
      !s.ok()) {
    return s;
  }
  if (auto s =
          check.NonNegative("agent_idle_alert_after", agent_idle_alert_after);
      !s.ok()) {
    return s;
  }
  if (absl::TimeZone tz; !absl::LoadTimeZone(time_zone, &tz)) {
    return check.Bad("time_zone", absl::StrCat("'", time_zone, "'"),
                     "an IANA time zone such as America/New_York");
  }
  for (size_t i = 0; i < caller_ids.size(); ++i) {
    if (!core::IsE164(caller_ids[i])) {
      return check.Bad(absl::StrCat("caller_ids[", i, "]"),
                       absl::StrCat("'", caller_ids[i], "'"),
                       "an E.164 number ('+' then 8-15 digits)");
    }
  }
  if (auto s = ValidateWrapUp(check, wrap_up); !s.ok()) return s;
  if (auto s = ValidateRetry(check, retry, custom_dispositions); !s.ok()) {
    return s;
  }
  if (auto s = ValidateGeneralCap(check, general_cap); !s.ok()) return s;
  return ValidateCustomDispositions(check, custom_dispositions);
}

}  // namespace v1
}  // namespace dialer
